/**
 * The embedded FerretDB server is started again when it dies on its own (a crash), on the same port
 * and data: what was committed before is still there, and it says why it stopped.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { expect, it } from 'vitest';
import { launchFerretdb } from '../../src/persistence/ferretdb.launcher.js';

it('restarts a crashed embedded server on the same port, keeping its data', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'fieldbooks-restart-'));
  const messages: string[] = [];
  const server = await launchFerretdb({ toolsDir: path.resolve(process.env.FIELDBOOKS_TOOLS_DIR ?? '.tools'), dataDir, log: (m) => messages.push(m) });
  const client = new mongoose.mongo.MongoClient(server.uri, { directConnection: true, serverSelectionTimeoutMS: 20_000 });
  try {
    await client.connect();
    await client.db('restart').collection('notes').insertOne({ _id: 'kept' as never, text: 'before the crash' });
    const firstPid = server.pid;
    process.kill(firstPid, 'SIGKILL');
    await expect.poll(() => messages.some((m) => m.includes('was restarted')), { timeout: 20_000, interval: 100 }).toBe(true);
    expect(server.pid).not.toBe(firstPid);
    expect(messages.some((m) => m.includes('stopped unexpectedly'))).toBe(true);
    expect(await client.db('restart').collection('notes').findOne({ _id: 'kept' as never })).toMatchObject({ text: 'before the crash' });
  } finally {
    await client.close();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}, 60_000);

it('sets aside a database file left without FerretDB metadata by a crash, and restarts with the others intact', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'fieldbooks-restart-'));
  const messages: string[] = [];
  const server = await launchFerretdb({ toolsDir: path.resolve(process.env.FIELDBOOKS_TOOLS_DIR ?? '.tools'), dataDir, log: (m) => messages.push(m) });
  const client = new mongoose.mongo.MongoClient(server.uri, { directConnection: true, serverSelectionTimeoutMS: 20_000 });
  try {
    await client.connect();
    await client.db('restart').collection('notes').insertOne({ _id: 'kept' as never, text: 'before the crash' });
    // What a crash while creating a database leaves behind: a SQLite file FerretDB never wrote its tables into.
    // (FerretDB alone refuses to start with it: "no such table: _ferretdb_collections".)
    await writeFile(path.join(dataDir, 'half-created.sqlite'), '');
    const firstPid = server.pid;
    process.kill(firstPid, 'SIGKILL');
    await expect.poll(() => messages.some((m) => m.includes('was restarted')), { timeout: 20_000, interval: 100 }).toBe(true);
    expect(messages.some((m) => m.includes('half-created.sqlite has no FerretDB metadata'))).toBe(true);
    expect((await readdir(dataDir)).some((f) => f.startsWith('half-created.sqlite.unreadable-'))).toBe(true);
    expect(await client.db('restart').collection('notes').findOne({ _id: 'kept' as never })).toMatchObject({ text: 'before the crash' });
  } finally {
    await client.close();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}, 60_000);

/**
 * Issue #11 item 1: a revoked API key stops working on WebSockets that are already open, in every
 * gateway process sharing the database.
 *
 * Two built gateway processes (A and B) run on one database. Keys are created and revoked over HTTP
 * through one process while sockets are open on the other. B re-checks its sockets' keys every
 * second (the default); A's poll is set to a minute, so what A refuses there comes from the check
 * every operation makes, not from the poll.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../src/sandbox/sandbox.js';
import { CreateApiKeyDocument, RevokeApiKeyDocument, ViewerDocument } from '../generated/graphql.js';
import { builtMain, freePort, type GatewayProcess, killGatewayProcess, startGatewayProcess } from '../helpers/gateway-process.js';
import { gql } from '../helpers/graphql-client.js';
import { openAuthenticatedSocket } from '../helpers/ws-raw.js';

const DEMO_KEY = 'fbk_ws-revocation-test-key-0123456789';
const mongoDb = `ws_revocation_${randomBytes(4).toString('hex')}`;
let sandbox: Sandbox;
let sandboxUrl: string;
let dataDir: string;
let a: { process: GatewayProcess; http: string; ws: string };
let b: { process: GatewayProcess; http: string; ws: string };
let db: mongoose.Connection;

async function startOne(extra: Record<string, string>) {
  const port = await freePort();
  const process = await startGatewayProcess({ port, mongoUri: `${inject('mongoUri')}${mongoDb}`, dataDir, apiKey: DEMO_KEY, sandboxUrl }, { FIELDBOOKS_SYNC_WORKER: 'false', FIELDBOOKS_CDC_INTERVAL_SECONDS: '0', ...extra });
  return { process, http: `http://127.0.0.1:${port}/graphql`, ws: `ws://127.0.0.1:${port}/graphql` };
}


async function newKey(label: string): Promise<{ id: string; secret: string }> {
  const created = await gql(a.http, CreateApiKeyDocument, { label }, DEMO_KEY);
  expect(created.errors).toBeUndefined();
  return { id: created.data!.createApiKey.apiKey.id, secret: created.data!.createApiKey.secret };
}

beforeAll(async () => {
  expect(existsSync(builtMain), 'dist/ is missing: run `npm run build`').toBe(true);
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'fieldbooks-ws-revocation-'));
  sandbox = createSandbox({ limits: false });
  sandboxUrl = (await sandbox.listen(0, '127.0.0.1')).url;
  // One process at a time: the first creates the demo tenant, the second finds it.
  a = await startOne({ FIELDBOOKS_WS_KEY_CHECK_MS: '60000' });
  b = await startOne({});
  db = await mongoose.createConnection(`${inject('mongoUri')}${mongoDb}`).asPromise();
});

afterAll(async () => {
  await killGatewayProcess(a?.process);
  await killGatewayProcess(b?.process);
  await db?.dropDatabase().catch(() => {});
  await db?.close();
  await sandbox?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('API keys on open WebSockets', () => {
  it('closes a socket on process B within seconds when its key is revoked through process A', async () => {
    const key = await newKey('revoked-while-subscribed');
    const socket = await openAuthenticatedSocket(b.ws, key.secret);
    const first = await socket.run('hb', 'subscription { heartbeat(count: 1000, intervalMs: 200) { sequence } }');
    expect(first.type).toBe('next');

    const revoked = await gql(a.http, RevokeApiKeyDocument, { id: key.id }, DEMO_KEY);
    expect(revoked.errors).toBeUndefined();
    const revokedAt = Date.now();
    const closed = await Promise.race([socket.closed, new Promise<undefined>((r) => setTimeout(() => r(undefined), 5000))]);
    expect(closed, 'the socket was still open 5 s after its key was revoked').toEqual({ code: 4403, reason: 'API key revoked' });
    expect(Date.now() - revokedAt).toBeLessThan(5000);
  });

  it('closes the sockets of a deleted tenant', async () => {
    const tenantId = new mongoose.Types.ObjectId();
    const secret = `fbk_${randomBytes(24).toString('base64url')}`;
    await db.collection('tenants').insertOne({ _id: tenantId, name: 'Short-lived Plumbing', demo: false, createdAt: new Date(), updatedAt: new Date() });
    const { hashApiKey, displayPrefix } = await import('../../src/tenancy/api-key.js');
    await db.collection('apikeys').insertOne({ tenantId, keyHash: hashApiKey(secret), prefix: displayPrefix(secret), label: 'default', revokedAt: null, lastUsedAt: null, createdAt: new Date() });
    const socket = await openAuthenticatedSocket(b.ws, secret);
    expect((await socket.run('v', '{ viewer { tenant { name } } }')).payload).toEqual({ data: { viewer: { tenant: { name: 'Short-lived Plumbing' } } } });

    await db.collection('tenants').deleteOne({ _id: tenantId });
    const closed = await Promise.race([socket.closed, new Promise<undefined>((r) => setTimeout(() => r(undefined), 5000))]);
    expect(closed).toEqual({ code: 4403, reason: 'API key revoked' });
  });

  it('runs no operation on a socket after its key is revoked, even before the poll comes round', async () => {
    const key = await newKey('stolen');
    // Process A polls once a minute: only the per-operation check can refuse here.
    const socket = await openAuthenticatedSocket(a.ws, key.secret);
    expect((await socket.run('before', '{ viewer { tenant { name } } }')).type).toBe('next');

    // Revoked through the other process.
    expect((await gql(b.http, RevokeApiKeyDocument, { id: key.id }, DEMO_KEY)).errors).toBeUndefined();

    const minted = await socket.run('mint', 'mutation { createApiKey(label: "minted-with-a-revoked-key") { secret } }').catch((e: Error) => e);
    expect(JSON.stringify(minted)).not.toContain('"secret"');
    expect(await socket.closed).toEqual({ code: 4403, reason: 'API key revoked' });
    const keys = await gql(a.http, ViewerDocument, {}, DEMO_KEY);
    expect(keys.data!.viewer.apiKeys.map((k) => k.label)).not.toContain('minted-with-a-revoked-key');
  });

  it('keeps sockets with valid keys open and working', async () => {
    const socket = await openAuthenticatedSocket(b.ws, DEMO_KEY);
    await new Promise((r) => setTimeout(r, 2500)); // two polls
    expect((await socket.run('v', '{ viewer { tenant { name } } }')).type).toBe('next');
    socket.close();
  });
});

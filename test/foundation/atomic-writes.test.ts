/**
 * Single-document writes are atomic on the database every test and `npm start` run on, as they are on
 * MongoDB. Stock FerretDB 1.x reads, changes and writes back with nothing in between, so racing writes
 * lost updates (a disconnect undone by a concurrent stamp) and conditional updates could all win; the
 * embedded build locks writes per collection (WRITE_LOCK_PATCH in src/persistence/ferretdb.installer.ts).
 * Many client connections race, as several gateway processes would.
 */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueDbName } from '../helpers/gateway.js';

let connection: mongoose.Connection;
const RACERS = 24;

beforeAll(async () => {
  connection = await mongoose.createConnection(inject('mongoUri'), { dbName: uniqueDbName('atomic'), maxPoolSize: RACERS }).asPromise();
});
afterAll(async () => {
  await connection?.dropDatabase().catch(() => {});
  await connection?.close();
});

describe('single-document writes under concurrency', () => {
  it('a conditional update (compare-and-set on a version) has exactly one winner', async () => {
    const docs = connection.collection<{ _id: string; version: number; winner?: number }>('cas');
    for (let round = 0; round < 4; round++) {
      await docs.insertOne({ _id: `doc-${round}`, version: 0 });
      const results = await Promise.all(
        Array.from({ length: RACERS }, (_, i) => docs.updateOne({ _id: `doc-${round}`, version: 0 }, { $set: { version: 1, winner: i } })),
      );
      expect(results.filter((r) => r.modifiedCount === 1)).toHaveLength(1);
    }
  });

  it('$inc keeps every count', async () => {
    const counters = connection.collection<{ _id: string; n: number }>('counters');
    await counters.insertOne({ _id: 'c', n: 0 });
    await Promise.all(Array.from({ length: RACERS * 4 }, () => counters.updateOne({ _id: 'c' }, { $inc: { n: 1 } })));
    expect((await counters.findOne({ _id: 'c' }))?.n).toBe(RACERS * 4);
  });

  it('two $set writes of different fields of one document both survive (no lost update)', async () => {
    const docs = connection.collection<Record<string, unknown> & { _id: string }>('fields');
    for (let round = 0; round < 4; round++) {
      await docs.insertOne({ _id: `d-${round}`, status: 'CONNECTED' });
      await Promise.all(Array.from({ length: RACERS }, (_, i) => docs.updateOne({ _id: `d-${round}` }, { $set: { [`f${i}`]: i } })));
      const doc = await docs.findOne({ _id: `d-${round}` });
      for (let i = 0; i < RACERS; i++) expect(doc?.[`f${i}`], `field f${i} of round ${round}`).toBe(i);
    }
  });

  it('findOneAndUpdate claims a document for exactly one caller', async () => {
    const jobs = connection.collection<{ _id: string; owner: number | null }>('jobs');
    await jobs.insertOne({ _id: 'job', owner: null });
    const claims = await Promise.all(Array.from({ length: RACERS }, (_, i) => jobs.findOneAndUpdate({ _id: 'job', owner: null }, { $set: { owner: i } }, { returnDocument: 'after' })));
    expect(claims.filter((c) => c !== null)).toHaveLength(1);
  });
});

/** The cross-process lease against the real database server: exactly one holder, however many race. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeaseStore } from '../../src/persistence/lease.store.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway('lease');
});
afterAll(async () => {
  await gw?.close();
});

describe('LeaseStore', () => {
  it('grants a key to exactly one of many concurrent contenders (unlike a conditional update on FerretDB)', async () => {
    for (let round = 0; round < 5; round++) {
      const stores = Array.from({ length: 10 }, () => new LeaseStore(gw.app.database.connection));
      const results = await Promise.all(stores.map((s) => s.tryAcquire(`race-${round}`, 10_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    }
  });

  it('is exclusive even within one store (two callers in one process), and free again after release', async () => {
    const a = new LeaseStore(gw.app.database.connection);
    const b = new LeaseStore(gw.app.database.connection);
    expect(await a.tryAcquire('k', 10_000)).toBe(true);
    expect(await a.tryAcquire('k', 10_000)).toBe(false);
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => b.tryAcquire('k2', 10_000)));
    expect(concurrent.filter(Boolean)).toHaveLength(1);
    expect(await b.tryAcquire('k', 10_000)).toBe(false);
    await b.release('k'); // not the holder: no effect
    expect(await b.tryAcquire('k', 10_000)).toBe(false);
    await a.release('k');
    expect(await b.tryAcquire('k', 10_000)).toBe(true);
  });

  it("takes over a crashed holder's lease once it has expired, with one winner", async () => {
    for (let round = 0; round < 5; round++) {
      const crashed = new LeaseStore(gw.app.database.connection);
      expect(await crashed.tryAcquire(`stale-${round}`, 40)).toBe(true);
      await new Promise((r) => setTimeout(r, 60));
      const takers = Array.from({ length: 8 }, () => new LeaseStore(gw.app.database.connection));
      const results = await Promise.all(takers.map((s) => s.tryAcquire(`stale-${round}`, 10_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    }
  });

  it('withLease runs the work once and releases even when it throws', async () => {
    const a = new LeaseStore(gw.app.database.connection);
    const b = new LeaseStore(gw.app.database.connection);
    await expect(a.withLease('w', 10_000, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await b.withLease('w', 10_000, () => Promise.resolve(42))).toEqual({ acquired: true, value: 42 });
  });
});

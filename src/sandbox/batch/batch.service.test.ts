import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock.js';
import { QboFault } from '../faults.js';
import { FakeCompanyStore } from '../query/company-store.fake.js';
import { executeQuery } from '../query/query.service.js';
import { BatchReplayCache } from './batch-replay.cache.js';
import { batchBIds, executeBatch, type BatchOptions } from './batch.service.js';

const START = Date.parse('2026-05-05T09:00:00Z');

function setup() {
  const clock = new VirtualClock({ start: START, realNow: () => 0 });
  const store = new FakeCompanyStore('9341457021722202', clock);
  store.seed('Customer', { Id: '1', DisplayName: 'Amy', Active: true }, { Id: '2', DisplayName: 'Bill', Active: true });
  store.seed('Invoice', { Id: '130', DocNumber: '1037', CustomerRef: { value: '1' }, TotalAmt: 100, SyncToken: '2' });
  return { clock, store };
}

const opts: BatchOptions = { executeQuery: (s, sql) => executeQuery(s, sql) };

function wholeFault(fn: () => unknown): QboFault {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(QboFault);
  expect((caught as QboFault).httpStatus).toBe(400);
  return caught as QboFault;
}

describe('executeBatch', () => {
  it('runs mixed items independently: successes, faults and queries side by side', () => {
    const { store } = setup();
    const body = {
      BatchItemRequest: [
        { bId: 'bid1', operation: 'create', Customer: { DisplayName: 'Amy' } }, // duplicate name → 6240
        { bId: 'bid2', operation: 'create', Customer: { DisplayName: 'Cool Cars' } },
        { bId: 'bid3', operation: 'update', Invoice: { Id: '130', SyncToken: '0', sparse: true, PrivateNote: 'x' } }, // stale → 5010
        { bId: 'bid4', Query: 'select * from Customer' },
        { bId: 'bid5', operation: 'delete', Invoice: { Id: '130', SyncToken: '2' } },
        { bId: 'bid6', Query: "select * from Customer where Name = 'x'" }, // invalid property → 4001
      ],
    };
    const res = executeBatch(store, body, opts).BatchItemResponse;
    expect(res.map((r) => r.bId)).toEqual(['bid1', 'bid2', 'bid3', 'bid4', 'bid5', 'bid6']);
    expect(res[0]).toEqual({
      bId: 'bid1',
      Fault: {
        type: 'ValidationFault',
        Error: [expect.objectContaining({ code: '6240', Message: 'Duplicate Name Exists Error', element: '' })],
      },
    });
    expect(res[1]).toMatchObject({ bId: 'bid2', Customer: { DisplayName: 'Cool Cars', SyncToken: '0' } });
    expect((res[2]!.Fault as { Error: { code: string }[] }).Error[0]!.code).toBe('5010');
    // The query sees the customer created by an earlier item (items run in order).
    expect(res[3]).toMatchObject({ bId: 'bid4', QueryResponse: { startPosition: 1, maxResults: 3 } });
    expect(res[4]).toEqual({ bId: 'bid5', Invoice: { domain: 'QBO', status: 'Deleted', Id: '130' } });
    expect((res[5]!.Fault as { Error: { code: string }[] }).Error[0]!.code).toBe('4001');
    expect(store.list('Invoice')).toHaveLength(0);
  });

  it('accepts 30 items and rejects 31 as a whole', () => {
    const { store } = setup();
    const items = (n: number) => ({ BatchItemRequest: Array.from({ length: n }, (_, i) => ({ bId: `q${i}`, Query: 'select count(*) from Customer' })) });
    expect(executeBatch(store, items(30), opts).BatchItemResponse).toHaveLength(30);
    const f = wholeFault(() => executeBatch(store, items(31), opts));
    expect(f.errors[0]!.Detail).toContain('31');
    expect(executeBatch(store, items(10), { ...opts, maxItems: 10 }).BatchItemResponse).toHaveLength(10);
    wholeFault(() => executeBatch(store, items(11), { ...opts, maxItems: 10 }));
  });

  it('rejects duplicate or missing bIds and malformed bodies before running anything', () => {
    const { store } = setup();
    const dup = { BatchItemRequest: [{ bId: 'a', operation: 'create', Customer: { DisplayName: 'New' } }, { bId: 'a', Query: 'select * from Customer' }] };
    expect(wholeFault(() => executeBatch(store, dup, opts)).errors[0]!.Detail).toContain('Duplicate bId');
    expect(store.list('Customer')).toHaveLength(2);
    wholeFault(() => executeBatch(store, { BatchItemRequest: [{ Query: 'select * from Customer' }] }, opts));
    wholeFault(() => executeBatch(store, { BatchItemRequest: [] }, opts));
    wholeFault(() => executeBatch(store, { Customer: {} }, opts));
    wholeFault(() => executeBatch(store, null, opts));
  });

  it('faults items with no operation, an unknown operation, an unknown entity or two payloads', () => {
    const { store } = setup();
    const res = executeBatch(
      store,
      {
        BatchItemRequest: [
          { bId: 'a', Customer: { DisplayName: 'X' } },
          { bId: 'b', operation: 'merge', Customer: { DisplayName: 'Y' } },
          { bId: 'c', operation: 'create', Widget: {} },
          { bId: 'd', operation: 'create', Customer: { DisplayName: 'Z' }, Vendor: { DisplayName: 'Z' } },
          { bId: 'e' },
        ],
      },
      opts,
    ).BatchItemResponse;
    const codes = res.map((r) => (r.Fault as { Error: { code: string }[] }).Error[0]!.code);
    expect(codes).toEqual(['2020', '500', '2010', '2010', '2020']);
    expect(store.list('Customer')).toHaveLength(2);
  });

  it('turns update with include=void into a void and passes sparse through', () => {
    const { store } = setup();
    store.seed('Payment', { Id: '180', TotalAmt: 100, SyncToken: '0' });
    const res = executeBatch(
      store,
      {
        BatchItemRequest: [
          { bId: 'v', operation: 'update', optionsData: 'include=void', Payment: { Id: '180', SyncToken: '0', sparse: true } },
          { bId: 's', operation: 'update', Customer: { Id: '2', SyncToken: '0', sparse: true, CompanyName: 'B Co' } },
        ],
      },
      opts,
    ).BatchItemResponse;
    expect(res[0]).toMatchObject({ bId: 'v', Payment: { Id: '180', SyncToken: '1' } });
    expect(res[1]).toMatchObject({ Customer: { DisplayName: 'Bill', CompanyName: 'B Co' } });
  });

  it('turns unexpected errors into a SystemFault item, not a failed batch', () => {
    const { store } = setup();
    const res = executeBatch(store, { BatchItemRequest: [{ bId: 'q', Query: 'select * from Customer' }] }, {
      executeQuery: () => {
        throw new Error('boom');
      },
    }).BatchItemResponse;
    expect(res[0]).toEqual({ bId: 'q', Fault: { type: 'SystemFault', Error: [expect.objectContaining({ code: '10000' })] } });
  });

  it('enforces requestid length rules per item', () => {
    const { store } = setup();
    const body = { BatchItemRequest: [{ bId: 'short', Query: 'select * from Customer' }, { bId: 'elevenchars', Query: 'select * from Customer' }] };
    const res = executeBatch(store, body, { ...opts, requestId: 'a1b2c3d4-0000-4000-8000-000000000001' }).BatchItemResponse;
    expect(res[0]!.QueryResponse).toBeDefined();
    expect((res[1]!.Fault as { Error: { code: string; Detail: string }[] }).Error[0]).toMatchObject({ code: '6000' });
    const longId = executeBatch(store, body, { ...opts, requestId: 'x'.repeat(37) }).BatchItemResponse;
    expect(longId.every((r) => r.Fault)).toBe(true);
    // The combined rule only limits requestid + bId to 50.
    const combined = executeBatch(store, body, { ...opts, requestId: 'x'.repeat(40), requestIdRule: 'combined' }).BatchItemResponse;
    expect(combined[0]!.QueryResponse).toBeDefined();
    expect((combined[1]!.Fault as { Error: { Detail: string }[] }).Error[0]!.Detail).toContain('which is 51 characters');
    // Without a requestid, long bIds are fine.
    expect(executeBatch(store, body, opts).BatchItemResponse.every((r) => r.QueryResponse)).toBe(true);
  });

  it('cuts query rows at the response object cap', () => {
    const { store } = setup();
    const res = executeBatch(
      store,
      { BatchItemRequest: [{ bId: 'a', Query: 'select * from Customer' }, { bId: 'b', Query: 'select * from Customer' }] },
      { ...opts, maxObjects: 3 },
    ).BatchItemResponse;
    expect(res[0]).toMatchObject({ QueryResponse: { maxResults: 2 } });
    expect(res[1]).toMatchObject({ QueryResponse: { maxResults: 1 } });
    expect((res[1]!.QueryResponse as { Customer: unknown[] }).Customer).toHaveLength(1);
  });
});

describe('BatchReplayCache', () => {
  const body = (...bIds: string[]) => ({ BatchItemRequest: bIds.map((bId) => ({ bId, operation: 'create', Customer: { DisplayName: `C-${bId}` } })) });

  it('replays the first response for the same realm, requestid and bIds without running again', () => {
    const { clock, store } = setup();
    const cache = new BatchReplayCache<unknown>({ clock });
    const first = cache.run('r1', 'req-1', body('a', 'b'), () => executeBatch(store, body('a', 'b'), opts));
    expect(first.replayed).toBe(false);
    const again = cache.run('r1', 'req-1', body('a', 'b'), () => executeBatch(store, body('a', 'b'), opts));
    expect(again.replayed).toBe(true);
    expect(again.response).toBe(first.response);
    expect(store.list('Customer')).toHaveLength(4);
  });

  it('treats different bIds, another realm or no requestid as a new request', () => {
    const { clock } = setup();
    const cache = new BatchReplayCache<string>({ clock });
    let runs = 0;
    const exec = () => `run ${++runs}`;
    cache.run('r1', 'req', body('a', 'b'), exec);
    expect(cache.run('r1', 'req', body('a', 'c'), exec)).toEqual({ response: 'run 2', replayed: false });
    expect(cache.run('r2', 'req', body('a', 'b'), exec)).toEqual({ response: 'run 3', replayed: false });
    expect(cache.run('r1', undefined, body('a', 'b'), exec)).toEqual({ response: 'run 4', replayed: false });
    // The original is still replayable, and so is the second variant.
    expect(cache.run('r1', 'req', body('a', 'b'), exec)).toEqual({ response: 'run 1', replayed: true });
    expect(cache.run('r1', 'req', body('a', 'c'), exec)).toEqual({ response: 'run 2', replayed: true });
  });

  it('does not compare bodies beyond the bIds', () => {
    const { clock } = setup();
    const cache = new BatchReplayCache<string>({ clock });
    cache.store('r', 'req', body('a'), 'original');
    expect(cache.lookup('r', 'req', { BatchItemRequest: [{ bId: 'a', Query: 'select * from Item' }] })).toBe('original');
  });

  it('forgets entries after the TTL and evicts the oldest beyond maxEntries', () => {
    const { clock } = setup();
    const cache = new BatchReplayCache<string>({ clock, ttlMs: 1_000, maxEntries: 2 });
    cache.store('r', 'one', body('a'), '1');
    clock.advance(1_001);
    expect(cache.lookup('r', 'one', body('a'))).toBeUndefined();
    cache.store('r', 'x', body('a'), 'x');
    cache.store('r', 'y', body('a'), 'y');
    cache.store('r', 'z', body('a'), 'z');
    expect(cache.lookup('r', 'x', body('a'))).toBeUndefined();
    expect(cache.lookup('r', 'z', body('a'))).toBe('z');
    cache.clear();
    expect(cache.lookup('r', 'z', body('a'))).toBeUndefined();
  });

  it('batchBIds lists bIds in order', () => {
    expect(batchBIds(body('x', 'y'))).toEqual(['x', 'y']);
    expect(batchBIds('nonsense')).toEqual([]);
  });
});

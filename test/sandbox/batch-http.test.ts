// Batch over real HTTP with node-quickbooks' batch(), including requestid replay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxClient, type SandboxClient } from './query-http.helper.js';

let c: SandboxClient;
beforeAll(async () => {
  c = await startSandboxClient({ limits: false });
});
afterAll(() => c.close());

type Item = Record<string, unknown> & { bId: string; Fault?: { type: string; Error: { code: string }[] } };
type BatchBody = { BatchItemResponse: Item[]; time: string };

describe('batch through node-quickbooks', () => {
  it('returns mixed successes and faults in one 200 body', async () => {
    const body = await c.call<BatchBody>('batch', [
      { bId: 'bid1', operation: 'create', Customer: { DisplayName: "Amy's Bird Sanctuary" } },
      { bId: 'bid2', operation: 'create', Customer: { DisplayName: 'Batch HTTP Co' } },
      { bId: 'bid3', Query: "select * from Customer where DisplayName = 'Batch HTTP Co'" },
      { bId: 'bid4', Query: "select * from Customer where DisplayName = 'x' startposition 0" },
    ]);
    expect(body.BatchItemResponse.map((i) => i.bId)).toEqual(['bid1', 'bid2', 'bid3', 'bid4']);
    expect(body.BatchItemResponse[0]!.Fault).toMatchObject({ type: 'ValidationFault', Error: [{ code: '6240' }] });
    expect(body.BatchItemResponse[1]).toMatchObject({ Customer: { DisplayName: 'Batch HTTP Co', SyncToken: '0' } });
    expect(body.BatchItemResponse[2]).toMatchObject({ QueryResponse: { maxResults: 1, startPosition: 1 } });
    expect(body.BatchItemResponse[3]!.Fault!.Error[0]!.code).toBe('4001');
    expect(body.time).toMatch(/-0[78]:00$/);
  });

  it('rejects more than 30 items as a whole with a 400', async () => {
    const items = Array.from({ length: 31 }, (_, i) => ({ bId: `q${i}`, Query: 'select count(*) from Customer' }));
    const res = await c.raw('/batch', { method: 'POST', body: JSON.stringify({ BatchItemRequest: items }), headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ Fault: { Error: [{ code: '6000' }] } });
    const ok = await c.raw('/batch', { method: 'POST', body: JSON.stringify({ BatchItemRequest: items.slice(0, 30) }), headers: { 'Content-Type': 'application/json' } });
    expect(ok.status).toBe(200);
    expect((ok.body as BatchBody).BatchItemResponse).toHaveLength(30);
  });
});

describe('batch requestid replay over HTTP', () => {
  const post = (requestId: string, items: unknown[]) =>
    c.raw(`/batch?requestid=${requestId}`, { method: 'POST', body: JSON.stringify({ BatchItemRequest: items }), headers: { 'Content-Type': 'application/json' } });

  it('replays the same requestid + bIds without creating anything again', async () => {
    const items = [{ bId: 'a1', operation: 'create', Customer: { DisplayName: 'Replay Co' } }];
    const first = await post('5f0e8a52-1c1d-4c55-9a39-5b0e1f3c0a01', items);
    const again = await post('5f0e8a52-1c1d-4c55-9a39-5b0e1f3c0a01', items);
    expect(again.status).toBe(200);
    expect((again.body as BatchBody).BatchItemResponse).toEqual((first.body as BatchBody).BatchItemResponse);
    const found = await c.call<{ QueryResponse: { Customer?: unknown[] } }>('findCustomers', { DisplayName: 'Replay Co' });
    expect(found.QueryResponse.Customer).toHaveLength(1);
  });

  it('runs a retry with different bIds as a new request', async () => {
    const first = await post('5f0e8a52-1c1d-4c55-9a39-5b0e1f3c0a02', [{ bId: 'b1', operation: 'create', Customer: { DisplayName: 'Twice Co' } }]);
    const second = await post('5f0e8a52-1c1d-4c55-9a39-5b0e1f3c0a02', [{ bId: 'b2', operation: 'create', Customer: { DisplayName: 'Twice Co' } }]);
    expect((first.body as BatchBody).BatchItemResponse[0]).toHaveProperty('Customer');
    // Ran again: the name is now taken.
    expect((second.body as BatchBody).BatchItemResponse[0]!.Fault!.Error[0]!.code).toBe('6240');
  });

  it('faults items whose bId exceeds 10 characters when a requestid is sent', async () => {
    const res = await post('5f0e8a52-1c1d-4c55-9a39-5b0e1f3c0a03', [{ bId: 'b-eleven-ch', Query: 'select count(*) from Customer' }, { bId: 'ok', Query: 'select count(*) from Customer' }]);
    const items = (res.body as BatchBody).BatchItemResponse;
    expect(items[0]!.Fault!.Error[0]!.code).toBe('6000');
    expect(items[1]).toHaveProperty('QueryResponse');
  });
});

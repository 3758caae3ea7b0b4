// The query language over real HTTP, driven by node-quickbooks (GET) and raw POST /query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultOf, startSandboxClient, type SandboxClient } from './query-http.helper.js';

let c: SandboxClient;
beforeAll(async () => {
  c = await startSandboxClient({ limits: false });
  // Enough customers to need several pages.
  for (let i = 1; i <= 12; i++) await c.call('createCustomer', { DisplayName: `Paging Customer ${String(i).padStart(2, '0')}` });
});
afterAll(() => c.close());

type QR = { QueryResponse: Record<string, unknown> & { Customer?: { Id: string; DisplayName: string }[] } };

describe('findCustomers through node-quickbooks', () => {
  it('pages with offset/limit and sees every customer exactly once, in Id order', async () => {
    const total = ((await c.call<QR>('findCustomers', { count: true })).QueryResponse.totalCount as number);
    expect(total).toBeGreaterThanOrEqual(12);
    const ids: string[] = [];
    for (let offset = 1; ; offset += 5) {
      const body = await c.call<QR>('findCustomers', [{ field: 'limit', value: 5 }, { field: 'offset', value: offset }]);
      const page = body.QueryResponse.Customer ?? [];
      if (page.length === 0) {
        expect(body.QueryResponse).toEqual({});
        break;
      }
      expect(body.QueryResponse.startPosition).toBe(offset);
      expect(body.QueryResponse.maxResults).toBe(page.length);
      ids.push(...page.map((r) => r.Id));
    }
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    expect([...ids].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0))).toEqual(ids);
  });

  it('fetchAll collects all pages', async () => {
    const body = await c.call<QR>('findCustomers', { fetchAll: true, limit: 4 });
    const count = ((await c.call<QR>('findCustomers', { count: true })).QueryResponse.totalCount as number);
    expect(body.QueryResponse.Customer).toHaveLength(count);
  });

  it('filters with LIKE, escaped apostrophes and ordering', async () => {
    const like = await c.call<QR>('findCustomers', [{ field: 'DisplayName', value: 'Paging Customer 1%', operator: 'LIKE' }, { field: 'desc', value: 'DisplayName' }]);
    expect(like.QueryResponse.Customer!.map((r) => r.DisplayName)).toEqual(['Paging Customer 12', 'Paging Customer 11', 'Paging Customer 10']);
    const amy = await c.call<QR>('findCustomers', { DisplayName: "Amy's Bird Sanctuary" });
    expect(amy.QueryResponse.Customer).toHaveLength(1);
  });

  it('surfaces the 4000 parser fault for an unescaped apostrophe', async () => {
    const err: unknown = await c.call('findCustomers', "where DisplayName = 'Amy's Bird Sanctuary'").catch((e: unknown) => e);
    const fault = faultOf(err).Fault;
    expect(fault?.Error[0]).toMatchObject({ code: '4000', Message: 'Error parsing query' });
    expect(fault?.Error[0]!.Detail).toMatch(/^QueryParserError: Encountered " <IDENTIFIER> "s "" at line 1, column \d+\./);
  });
});

describe('raw /query', () => {
  it('accepts the statement as a POST body with Content-Type application/text', async () => {
    const res = await c.raw('/query?minorversion=75', { method: 'POST', body: 'SELECT * FROM Customer MAXRESULTS 2 STARTPOSITION 3', headers: { 'Content-Type': 'application/text' } });
    expect(res.status).toBe(200);
    const body = res.body as QR & { time: string };
    expect(body.QueryResponse).toMatchObject({ startPosition: 3, maxResults: 2 });
    expect(body.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}-0[78]:00$/);
  });

  it('answers no rows with an empty QueryResponse', async () => {
    const res = await c.raw(`/query?query=${encodeURIComponent("select * from Customer where DisplayName = 'Nobody'")}`);
    expect(res.status).toBe(200);
    expect((res.body as QR).QueryResponse).toEqual({});
  });

  it('returns 400 with fault 4001 for STARTPOSITION 0', async () => {
    const res = await c.raw(`/query?query=${encodeURIComponent('select * from Customer startposition 0')}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      Fault: { type: 'ValidationFault', Error: [{ code: '4001', Message: 'Invalid query', Detail: 'QueryValidationError: value 0 is too small. Min allowed value is 1' }] },
    });
  });
});

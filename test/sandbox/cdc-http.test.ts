// CDC over real HTTP with node-quickbooks' changeDataCapture, on the sandbox's virtual clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pacificDateTime } from '../../src/sandbox/pacific-time.js';
import { faultOf, startSandboxClient, type SandboxClient } from './query-http.helper.js';

let c: SandboxClient;
beforeAll(async () => {
  c = await startSandboxClient({ limits: false });
});
afterAll(() => c.close());

type Cdc = { CDCResponse: { QueryResponse: Record<string, unknown>[] }[]; time: string };
type Row = Record<string, unknown> & { Id: string; SyncToken: string };

describe('changeDataCapture', () => {
  it('reports creates, updates and deleted stubs since a checkpoint, one QueryResponse per entity', async () => {
    c.sandbox.clock.advance(60_000);
    const since = pacificDateTime(c.sandbox.clock.now());
    c.sandbox.clock.advance(1_000);
    const customer = await c.call<Row>('createCustomer', { DisplayName: 'CDC Customer' });
    const invoices = await c.call<{ QueryResponse: { Invoice: Row[] } }>('findInvoices', { limit: 1 });
    const invoice = invoices.QueryResponse.Invoice[0]!;
    await c.call('deleteInvoice', { Id: invoice.Id, SyncToken: invoice.SyncToken });

    const body = await c.call<Cdc>('changeDataCapture', ['Customer', 'Invoice', 'Vendor'], since);
    const [customers, invs, vendors] = body.CDCResponse[0]!.QueryResponse;
    expect(customers).toMatchObject({ startPosition: 1, maxResults: 1, Customer: [{ Id: customer.Id, DisplayName: 'CDC Customer' }] });
    expect(invs).toMatchObject({ Invoice: [{ Id: invoice.Id, status: 'Deleted', domain: 'QBO' }] });
    expect(Object.keys((invs!.Invoice as Row[])[0]!).sort()).toEqual(['Id', 'MetaData', 'domain', 'status']);
    expect(vendors).toEqual({});
    expect(body.time).toMatch(/-0[78]:00$/);
  });

  it('rejects a changedSince older than 30 days of virtual time with a 400 fault', async () => {
    const old = pacificDateTime(c.sandbox.clock.now() - 31 * 86_400_000);
    const err: unknown = await c.call('changeDataCapture', 'Customer', old).catch((e: unknown) => e);
    expect(faultOf(err).Fault?.Error[0]!.Detail).toBe(`Operation cdc with changedSince date ${old} which is older than fixed days is not supported.`);
    const raw = await c.raw(`/cdc?entities=Customer&changedSince=${encodeURIComponent(old)}`);
    expect(raw.status).toBe(400);
  });

  it('keeps a 29-day-old checkpoint valid until the clock moves past 30 days', async () => {
    const since = pacificDateTime(c.sandbox.clock.now() - 29 * 86_400_000);
    await c.call('changeDataCapture', 'Customer', since);
    c.sandbox.clock.advance(2 * 86_400_000);
    c.renewToken(); // the 1 h access token expired with the jump
    const raw = await c.raw(`/cdc?entities=Customer&changedSince=${encodeURIComponent(since)}`);
    expect(raw.status).toBe(400);
  });
});

describe('CDC object cap over HTTP', () => {
  it('truncates at the configured cap and reports totalCount', async () => {
    const small = await startSandboxClient({ limits: false, cdc: { maxObjects: 3 } });
    try {
      small.sandbox.clock.advance(60_000);
      const since = pacificDateTime(small.sandbox.clock.now());
      for (let i = 0; i < 5; i++) await small.call('createCustomer', { DisplayName: `Cap ${i}` });
      const body = await small.call<Cdc>('changeDataCapture', 'Customer', since);
      expect(body.CDCResponse[0]!.QueryResponse[0]).toMatchObject({ maxResults: 3, totalCount: 5 });
    } finally {
      await small.close();
    }
  });
});

// The query, CDC and batch modules against the real in-memory company store and its seed companies
// (no HTTP): checks that the store's record shapes, change log and faults fit what the modules expect.
import { describe, expect, it } from 'vitest';
import { executeBatch } from '../../src/sandbox/batch/batch.service.js';
import { executeCdc } from '../../src/sandbox/cdc/cdc.service.js';
import { VirtualClock } from '../../src/sandbox/clock.js';
import { InMemoryCompanyStore } from '../../src/sandbox/company/company.store.js';
import { SEEDS } from '../../src/sandbox/company/seeds/seed.registry.js';
import { pacificDateTime } from '../../src/sandbox/pacific-time.js';
import { executeQuery } from '../../src/sandbox/query/query.service.js';

const START = Date.parse('2026-05-05T09:00:00Z');

function usStore() {
  const clock = new VirtualClock({ start: START, realNow: () => 0 });
  return { clock, store: new InMemoryCompanyStore(clock, SEEDS.us()) };
}

type Row = Record<string, unknown> & { Id: string };
const rows = (body: { QueryResponse: Record<string, unknown> }, entity: string) => (body.QueryResponse[entity] ?? []) as Row[];

describe('query over the seeded US company', () => {
  it('pages the chart of accounts in Id order with maxResults = rows returned', () => {
    const { store } = usStore();
    const total = executeQuery(store, 'select count(*) from Account').QueryResponse.totalCount as number;
    expect(total).toBeGreaterThan(10);
    const seen: string[] = [];
    for (let start = 1; ; start += 7) {
      const body = executeQuery(store, `select * from Account startposition ${start} maxresults 7`);
      const page = rows(body, 'Account');
      if (page.length === 0) {
        expect(body).toEqual({ QueryResponse: {} });
        break;
      }
      expect(body.QueryResponse).toMatchObject({ startPosition: start, maxResults: page.length });
      seen.push(...page.map((r) => r.Id));
    }
    expect(seen).toHaveLength(total);
    expect([...seen].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))).toEqual(seen);
  });

  it('finds a customer by an escaped apostrophe and by reference on invoices', () => {
    const { store } = usStore();
    const [amy] = rows(executeQuery(store, "select * from Customer where DisplayName = 'Amy\\'s Bird Sanctuary'"), 'Customer');
    expect(amy).toBeDefined();
    const invoices = rows(executeQuery(store, `select * from Invoice where CustomerRef = '${amy!.Id}'`), 'Invoice');
    for (const inv of invoices) expect((inv.CustomerRef as { value: string }).value).toBe(amy!.Id);
  });

  it('sees writes through MetaData.LastUpdatedTime filters and hides inactivated customers', () => {
    const { clock, store } = usStore();
    clock.advance(60_000);
    const since = pacificDateTime(clock.now());
    const created = store.write('Customer', 'create', { DisplayName: 'Zed Plumbing' }) as Row;
    const changed = rows(executeQuery(store, `select * from Customer where MetaData.LastUpdatedTime >= '${since}'`), 'Customer');
    expect(changed.map((r) => r.Id)).toEqual([created.Id]);
    store.write('Customer', 'update', { Id: created.Id, SyncToken: created.SyncToken, sparse: true, Active: false });
    expect(rows(executeQuery(store, "select * from Customer where DisplayName like 'Zed%'"), 'Customer')).toHaveLength(0);
    expect(rows(executeQuery(store, "select * from Customer where Active = false and DisplayName like 'Zed%'"), 'Customer')).toHaveLength(1);
  });
});

describe('CDC over the seeded US company', () => {
  it('reports creates, updates and hard deletes since a checkpoint', () => {
    const { clock, store } = usStore();
    clock.advance(60_000);
    const since = pacificDateTime(clock.now());
    const [invoice] = rows(executeQuery(store, 'select * from Invoice maxresults 1'), 'Invoice');
    const customer = store.write('Customer', 'create', { DisplayName: 'CDC Co' }) as Row;
    clock.advance(1_000);
    store.write('Invoice', 'delete', { Id: invoice!.Id, SyncToken: invoice!.SyncToken });
    const body = executeCdc(store, { entities: 'Customer,Invoice,Vendor', changedSince: since, nowMs: clock.now() });
    const [customers, invoices, vendors] = body.CDCResponse[0]!.QueryResponse;
    expect(rows({ QueryResponse: customers! }, 'Customer').map((r) => r.Id)).toContain(customer.Id);
    expect(rows({ QueryResponse: invoices! }, 'Invoice')).toEqual([expect.objectContaining({ Id: invoice!.Id, status: 'Deleted' })]);
    expect(vendors).toEqual({});
  });
});

describe('batch over the seeded US company', () => {
  it('mixes a duplicate-name fault, a create, a stale update and a query in one 200 body', () => {
    const { store } = usStore();
    const [amy] = rows(executeQuery(store, "select * from Customer where DisplayName = 'Amy\\'s Bird Sanctuary'"), 'Customer');
    const res = executeBatch(
      store,
      {
        BatchItemRequest: [
          { bId: '1', operation: 'create', Customer: { DisplayName: "Amy's Bird Sanctuary" } },
          { bId: '2', operation: 'create', Customer: { DisplayName: 'Batch Co' } },
          { bId: '3', operation: 'update', Customer: { Id: amy!.Id, SyncToken: '99', sparse: true, Notes: 'x' } },
          { bId: '4', Query: "select * from Customer where DisplayName = 'Batch Co'" },
        ],
      },
      { executeQuery },
    ).BatchItemResponse;
    const code = (i: number) => (res[i]!.Fault as { Error: { code: string }[] }).Error[0]!.code;
    expect(code(0)).toBe('6240');
    expect(res[1]).toMatchObject({ bId: '2', Customer: { DisplayName: 'Batch Co', SyncToken: '0' } });
    expect(code(2)).toBe('5010');
    expect(rows({ QueryResponse: res[3]!.QueryResponse as Record<string, unknown> }, 'Customer')).toHaveLength(1);
  });
});

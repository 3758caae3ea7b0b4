import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock.js';
import { QboFault } from '../faults.js';
import { pacificDateTime } from '../pacific-time.js';
import { FakeCompanyStore } from '../query/company-store.fake.js';
import { executeCdc, type CdcParams } from './cdc.service.js';

const NOW = Date.parse('2026-05-05T09:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const meta = (ms: number) => ({ CreateTime: pacificDateTime(ms - DAY), LastUpdatedTime: pacificDateTime(ms) });

function setup(): FakeCompanyStore {
  const store = new FakeCompanyStore('9341457021722202', new VirtualClock({ start: NOW, realNow: () => 0 }));
  store.seed(
    'Customer',
    { Id: '63', DisplayName: 'Old', MetaData: meta(NOW - 10 * DAY) },
    { Id: '99', DisplayName: 'Recent', MetaData: meta(NOW - 2 * HOUR) },
    { Id: '7', DisplayName: 'Gone (deleted)', Active: false, MetaData: meta(NOW - 3 * HOUR) },
  );
  store.seed('Invoice', { Id: '34', TotalAmt: 10, MetaData: meta(NOW - 1 * HOUR) });
  store.seedDeleted('Invoice', '979', NOW - 30 * 60_000);
  store.seedDeleted('Invoice', '12', NOW - 5 * DAY);
  return store;
}

const cdc = (store: FakeCompanyStore, p: Partial<CdcParams>) =>
  executeCdc(store, { entities: 'Customer,Invoice', changedSince: pacificDateTime(NOW - DAY), nowMs: NOW, ...p });

function faultOf(fn: () => unknown): QboFault {
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

describe('executeCdc envelope', () => {
  it('returns one QueryResponse per entity with full records and deleted stubs', () => {
    const body = cdc(setup(), {});
    expect(body.CDCResponse).toHaveLength(1);
    const [customers, invoices] = body.CDCResponse[0]!.QueryResponse;
    expect(customers).toMatchObject({ startPosition: 1, maxResults: 2 });
    // Oldest change first; the inactive customer is an ordinary update (full payload, no stub).
    expect((customers!.Customer as { Id: string }[]).map((c) => c.Id)).toEqual(['7', '99']);
    expect((customers!.Customer as Record<string, unknown>[])[0]).toMatchObject({ DisplayName: 'Gone (deleted)', Active: false });
    expect(customers!.totalCount).toBeUndefined();
    const invoiceRows = invoices!.Invoice as Record<string, unknown>[];
    expect(invoiceRows[0]).toMatchObject({ Id: '34', TotalAmt: 10 });
    expect(invoiceRows[1]).toEqual({ domain: 'QBO', status: 'Deleted', Id: '979', MetaData: { LastUpdatedTime: pacificDateTime(NOW - 30 * 60_000) } });
    expect(invoices).toMatchObject({ maxResults: 2 });
  });

  it('keeps request order and gives {} for an entity without changes', () => {
    const body = cdc(setup(), { entities: 'Vendor,invoice' });
    const [vendors, invoices] = body.CDCResponse[0]!.QueryResponse;
    expect(vendors).toEqual({});
    expect(Object.keys(invoices!)).toEqual(['Invoice', 'startPosition', 'maxResults']);
  });

  it('gives [{}] when nothing changed', () => {
    expect(cdc(setup(), { entities: 'Vendor', changedSince: pacificDateTime(NOW - 60_000) })).toEqual({ CDCResponse: [{ QueryResponse: [{}] }] });
  });

  it('includes changes at exactly changedSince and excludes earlier ones', () => {
    const body = cdc(setup(), { entities: 'Customer', changedSince: pacificDateTime(NOW - 2 * HOUR) });
    expect((body.CDCResponse[0]!.QueryResponse[0]!.Customer as { Id: string }[]).map((c) => c.Id)).toEqual(['99']);
  });

  it('accepts changedSince with any offset, a Z suffix or a plain date', () => {
    const utc = new Date(NOW - 2 * HOUR).toISOString();
    expect((cdc(setup(), { entities: 'Customer', changedSince: utc }).CDCResponse[0]!.QueryResponse[0]!.Customer as unknown[]).length).toBe(1);
    expect(cdc(setup(), { entities: 'Customer', changedSince: '2026-05-01' }).CDCResponse[0]!.QueryResponse[0]).toMatchObject({ maxResults: 2 });
  });

  it('returns copies, not the store records', () => {
    const store = setup();
    const row = (cdc(store, { entities: 'Customer' }).CDCResponse[0]!.QueryResponse[0]!.Customer as Record<string, unknown>[])[0]!;
    row.DisplayName = 'mutated';
    expect(store.read('Customer', '7').DisplayName).toBe('Gone (deleted)');
  });
});

describe('30-day look-back', () => {
  it('accepts exactly 30 days and rejects anything older with the QBO text', () => {
    const store = setup();
    expect(cdc(store, { changedSince: pacificDateTime(NOW - 30 * DAY) }).CDCResponse[0]!.QueryResponse[0]).toMatchObject({ maxResults: 3 });
    const since = pacificDateTime(NOW - 30 * DAY - 1000);
    const f = faultOf(() => cdc(store, { changedSince: since }));
    expect(f.errors[0]!.Detail).toBe(`Operation cdc with changedSince date ${since} which is older than fixed days is not supported.`);
  });

  it('follows the virtual clock', () => {
    const store = setup();
    const since = pacificDateTime(NOW - 20 * DAY);
    cdc(store, { changedSince: since });
    faultOf(() => cdc(store, { changedSince: since, nowMs: NOW + 11 * DAY }));
  });
});

describe('object cap', () => {
  function many(n: number): FakeCompanyStore {
    const store = new FakeCompanyStore('1', new VirtualClock({ start: NOW, realNow: () => 0 }));
    for (let i = 1; i <= n; i++) store.seed('Item', { Id: String(i), Name: `I${i}`, MetaData: meta(NOW - HOUR + i * 1000) });
    store.seed('Customer', { Id: '1', DisplayName: 'C', MetaData: meta(NOW - HOUR) });
    return store;
  }

  it('caps a response at 1000 objects, oldest first, reporting the full totalCount', () => {
    const body = executeCdc(many(1005), { entities: 'Item', changedSince: pacificDateTime(NOW - DAY), nowMs: NOW });
    const qr = body.CDCResponse[0]!.QueryResponse[0]!;
    expect(qr).toMatchObject({ maxResults: 1000, totalCount: 1005 });
    const items = qr.Item as { Id: string }[];
    expect(items[0]!.Id).toBe('1');
    expect(items[999]!.Id).toBe('1000');
  });

  it('shares the cap across entities by default and applies it per entity when configured', () => {
    const store = many(10);
    const shared = executeCdc(store, { entities: 'Item,Customer', changedSince: pacificDateTime(NOW - DAY), nowMs: NOW, maxObjects: 10 });
    expect(shared.CDCResponse[0]!.QueryResponse).toEqual([expect.objectContaining({ maxResults: 10 }), {}]);
    const perEntity = executeCdc(store, { entities: 'Item,Customer', changedSince: pacificDateTime(NOW - DAY), nowMs: NOW, maxObjects: 5, capScope: 'entity' });
    expect(perEntity.CDCResponse[0]!.QueryResponse).toEqual([
      expect.objectContaining({ maxResults: 5, totalCount: 10 }),
      expect.objectContaining({ maxResults: 1 }),
    ]);
  });
});

describe('parameter validation', () => {
  it('requires entities and changedSince (2020)', () => {
    const store = setup();
    expect(faultOf(() => cdc(store, { entities: undefined })).errors[0]!.code).toBe('2020');
    expect(faultOf(() => cdc(store, { entities: ' , ' })).errors[0]!.code).toBe('2020');
    expect(faultOf(() => cdc(store, { changedSince: undefined })).errors[0]!.code).toBe('2020');
  });

  it('rejects unknown entities and those CDC does not cover (4001)', () => {
    const store = setup();
    expect(faultOf(() => cdc(store, { entities: 'Customer,Widget' })).errors[0]!.code).toBe('4001');
    expect(faultOf(() => cdc(store, { entities: 'TaxCode' })).errors[0]!.code).toBe('4001');
    expect(faultOf(() => cdc(store, { entities: 'TimeActivity' })).errors[0]!.code).toBe('4001');
  });

  it('rejects a changedSince that is not a date (4001)', () => {
    expect(faultOf(() => cdc(setup(), { changedSince: 'yesterday' })).errors[0]!.code).toBe('4001');
    expect(faultOf(() => cdc(setup(), { changedSince: '2026-02-30' })).errors[0]!.code).toBe('4001');
  });

  it('deduplicates repeated entities', () => {
    expect(cdc(setup(), { entities: 'Invoice,invoice' }).CDCResponse[0]!.QueryResponse).toHaveLength(1);
  });
});

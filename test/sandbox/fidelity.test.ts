/**
 * Fidelity: replays requests shaped like recorded QBO traffic (fidelity.fixtures.ts, from the facts
 * file) against the simulator and compares the responses field by field, ignoring ids and times.
 * Differences the simulator knowingly does not reproduce are listed in KNOWN_GAPS; any other
 * difference, missing field or changed value fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { US_REALM_ID } from '../../src/sandbox/company/seeds/seed.registry.js';
import { startHarness, type Harness } from './core-harness.js';
import * as fx from './fidelity.fixtures.js';

/** Paths whose values are ids, times or auto-numbers: compared for presence and type only. */
const VOLATILE = [/(^|\.)Id$/, /(^|\.)SyncToken$/, /(^|\.)time$/, /MetaData\.(CreateTime|LastUpdatedTime)$/, /Ref\.value$/, /(^|\.)TxnId$/, /(^|\.)DocNumber$/, /^Payment\.TxnDate$/];

/** Real-traffic fields the simulator does not produce (geocoding, users, ship-from address). */
const KNOWN_GAPS = new Set([
  'Invoice.MetaData.LastModifiedByRef',
  'Invoice.BillAddr.Id',
  'Invoice.BillAddr.Lat',
  'Invoice.BillAddr.Long',
  'Invoice.FreeFormAddress',
  'Invoice.ShipFromAddr',
]);

/** Extra fields the simulator emits beyond a (complete) recorded response. */
const KNOWN_EXTRAS = new Set([
  // The simulator always stamps LastUpdatedTime (CDC filters on it); the recorded account create had none.
  'Account.MetaData.LastUpdatedTime',
]);

function typeOf(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}

/** Field-by-field differences between a recorded response and the simulator's. */
function diff(expected: unknown, actual: unknown, opts: { extras: boolean }, path = '', out: string[] = []): string[] {
  if (KNOWN_GAPS.has(path)) return out;
  if (VOLATILE.some((re) => re.test(path))) {
    if (typeOf(expected) !== typeOf(actual)) out.push(`${path}: type ${typeOf(actual)}, expected ${typeOf(expected)}`);
    return out;
  }
  if (typeOf(expected) !== typeOf(actual)) {
    out.push(`${path}: ${JSON.stringify(actual)} (${typeOf(actual)}), expected ${JSON.stringify(expected)}`);
    return out;
  }
  if (Array.isArray(expected)) {
    const a = actual as unknown[];
    if (a.length !== expected.length) out.push(`${path}: ${a.length} items, expected ${expected.length}`);
    expected.forEach((e, i) => diff(e, a[i], opts, `${path}[${i}]`, out));
    return out;
  }
  if (expected && typeof expected === 'object') {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    for (const k of Object.keys(e)) {
      const p = path ? `${path}.${k}` : k;
      if (!(k in a)) {
        if (!KNOWN_GAPS.has(p)) out.push(`${p}: missing`);
        continue;
      }
      diff(e[k], a[k], opts, p, out);
    }
    if (opts.extras) for (const k of Object.keys(a)) if (!(k in e) && !KNOWN_EXTRAS.has(path ? `${path}.${k}` : k)) out.push(`${path ? `${path}.${k}` : k}: unexpected`);
    return out;
  }
  if (expected !== actual) out.push(`${path}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  return out;
}

let h: Harness;
let amy = '';
let services = '';

beforeAll(async () => {
  h = await startHarness();
  const store = h.sandbox.companies.get(US_REALM_ID)!;
  amy = store.list('Customer').find((c) => c.DisplayName === "Amy's Bird Sanctuary")!.Id;
  services = store.list('Account').find((a) => a.Name === 'Services')!.Id;
});

afterAll(async () => {
  await h.sandbox.close();
});

const post = (path: string, body: unknown) => h.api(US_REALM_ID, 'POST', path, body);

describe('fidelity against recorded QBO responses', () => {
  it('the diff itself notices changed, missing and extra fields', () => {
    expect(diff({ a: 1, b: { c: 'x' } }, { a: 2, b: {}, d: 1 }, { extras: true })).toEqual(['a: 2, expected 1', 'b.c: missing', 'd: unexpected']);
    expect(diff({ Id: '1', time: 't' }, { Id: '99', time: 'u' }, { extras: true })).toEqual([]);
  });

  it('created invoice', async () => {
    const item = await post('/item', { Name: 'Test Item Updated', Type: 'Service', IncomeAccountRef: { value: services } });
    const itemId = (item.json().Item as { Id: string }).Id;
    const request = structuredClone(fx.createInvoice.request);
    request.CustomerRef.value = amy;
    request.Line[0]!.SalesItemLineDetail.ItemRef.value = itemId;
    const res = await post('/invoice', request);
    expect(res.status).toBe(200);
    expect(diff(fx.createInvoice.response, res.json(), { extras: false })).toEqual([]);
  });

  it('sparse update of an invoice', async () => {
    const created = (await post('/invoice', { ...fx.createInvoice.request, CustomerRef: { value: amy }, Line: [{ DetailType: 'SalesItemLineDetail', Amount: 100, SalesItemLineDetail: { ItemRef: { value: h.sandbox.companies.get(US_REALM_ID)!.list('Item')[0]!.Id } } }] })).json().Invoice as Record<string, unknown> & { Id: string; SyncToken: string };
    await post('/invoice?operation=update', { Id: created.Id, SyncToken: created.SyncToken, sparse: true, Memo: undefined, PrivateNote: 'first' });
    const res = await post('/invoice?operation=update', fx.sparseUpdateInvoice.request(created.Id, '1'));
    const updated = res.json().Invoice as Record<string, unknown>;
    expect(updated.SyncToken).toBe(fx.sparseUpdateInvoice.expectSyncToken('1'));
    expect(updated.PrivateNote).toBe('Updated via sparse');
    const { PrivateNote: _a, SyncToken: _b, MetaData: metaAfter, ...restAfter } = updated;
    const { SyncToken: _c, MetaData: metaBefore, ...restBefore } = created;
    expect(restAfter).toEqual(restBefore);
    expect((metaAfter as Record<string, string>).CreateTime).toBe((metaBefore as Record<string, string>).CreateTime);
  });

  it('created account (a complete recorded response: no extra fields allowed)', async () => {
    const res = await post('/account', fx.createAccount.request);
    expect(diff(fx.createAccount.response, res.json(), { extras: true })).toEqual([]);
  });

  it('created unapplied payment', async () => {
    const res = await post('/payment', { ...fx.createPayment.request, CustomerRef: { value: amy } });
    expect(diff(fx.createPayment.response, res.json(), { extras: true })).toEqual([]);
  });

  it('created service item', async () => {
    const res = await post('/item', fx.createItem.request(services));
    const body = res.json();
    const differences = diff(fx.createItem.response, body, { extras: false });
    expect(differences).toEqual([]);
  });

  it('deleted transaction', async () => {
    const created = (await post('/invoice', { CustomerRef: { value: amy }, Line: [{ DetailType: 'SalesItemLineDetail', Amount: 5, SalesItemLineDetail: { ItemRef: { value: h.sandbox.companies.get(US_REALM_ID)!.list('Item')[0]!.Id } } }] })).json().Invoice as { Id: string; SyncToken: string };
    const res = await post('/invoice?operation=delete', { Id: created.Id, SyncToken: created.SyncToken });
    expect(diff(fx.deleteResponse, res.json(), { extras: true })).toEqual([]);
    const read = await h.api(US_REALM_ID, 'GET', `/invoice/${created.Id}`);
    expect(read.status).toBe(400);
    expect(diff(fx.faultBodies.deletedTransaction, read.json(), { extras: true })).toEqual([]);
  });

  it('query envelopes: rows, empty, count', async () => {
    const rows = await h.api(US_REALM_ID, 'GET', `/query?query=${encodeURIComponent("select * from Customer where DisplayName = 'Cool Cars'")}`);
    const body = rows.json() as { QueryResponse: { Customer: unknown[] } };
    expect(Object.keys(body)).toEqual(Object.keys(fx.queryEnvelopes.rows));
    expect(Object.keys(body.QueryResponse).sort()).toEqual(Object.keys(fx.queryEnvelopes.rows.QueryResponse).sort());
    expect(body.QueryResponse.Customer).toHaveLength(1);
    expect((body.QueryResponse as Record<string, unknown>).maxResults).toBe(1);
    const empty = await h.api(US_REALM_ID, 'GET', `/query?query=${encodeURIComponent("select * from Customer where DisplayName = 'Nobody At All'")}`);
    expect(diff(fx.queryEnvelopes.empty, empty.json(), { extras: true })).toEqual([]);
    const count = await h.api(US_REALM_ID, 'GET', `/query?query=${encodeURIComponent('select count(*) from Customer')}`);
    const countBody = count.json() as { QueryResponse: Record<string, unknown> };
    expect(Object.keys(countBody.QueryResponse)).toEqual(['totalCount']);
    expect(typeof countBody.QueryResponse.totalCount).toBe('number');
  });

  it('fault bodies: 6240, 5010, 2050 and the gateway 3200/3001 shapes', async () => {
    const dup = await post('/customer', { DisplayName: 'Cool Cars' });
    expect(dup.status).toBe(400);
    expect(diff(fx.faultBodies.duplicateName, dup.json(), { extras: true })).toEqual([]);
    const inv = (await post('/invoice', { CustomerRef: { value: amy }, Line: [{ DetailType: 'SalesItemLineDetail', Amount: 5, SalesItemLineDetail: { ItemRef: { value: h.sandbox.companies.get(US_REALM_ID)!.list('Item')[0]!.Id } } }] })).json().Invoice as { Id: string };
    await post('/invoice', { Id: inv.Id, SyncToken: '0', sparse: true, PrivateNote: 'a' });
    const stale = await post('/invoice', { Id: inv.Id, SyncToken: '0', sparse: true, PrivateNote: 'b' });
    expect(diff(fx.faultBodies.staleObject, stale.json(), { extras: true })).toEqual([]);
    const long = await post('/invoice', { CustomerRef: { value: amy }, DocNumber: 'D'.repeat(22), Line: [{ DetailType: 'SalesItemLineDetail', Amount: 5, SalesItemLineDetail: { ItemRef: { value: h.sandbox.companies.get(US_REALM_ID)!.list('Item')[0]!.Id } } }] });
    expect(diff(fx.faultBodies.docNumberTooLong, long.json(), { extras: true })).toEqual([]);
    const unauth = await fetch(`${h.url}/v3/company/${US_REALM_ID}/preferences`, { headers: { authorization: 'Bearer x' } });
    expect(unauth.status).toBe(401);
    const unauthBody = (await unauth.json()) as Record<string, unknown>;
    expect(Object.keys(unauthBody).sort()).toEqual(Object.keys(fx.faultBodies.authentication).sort());
    expect((unauthBody.fault as { type: string; error: { code: string; message: string }[] }).error[0]).toEqual(expect.objectContaining({ code: '3200', message: fx.faultBodies.authentication.fault.error[0]!.message, element: null }));
    await h.admin('POST', '/faults', { kind: '429' });
    const throttled = await h.api(US_REALM_ID, 'GET', '/preferences');
    expect(throttled.status).toBe(429);
    expect((throttled.json().fault as { error: unknown[] }).error[0]).toEqual(expect.objectContaining(fx.faultBodies.throttled));
  });
});

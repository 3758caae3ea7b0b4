/**
 * requestid replay, authentication, scripted faults (via the admin API) and the admin API itself,
 * over real HTTP with node-quickbooks where it can express the call.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { US_REALM_ID, AU_REALM_ID } from '../../src/sandbox/company/seeds/seed.registry.js';
import { faultOf, startHarness, type Harness, type QboClient } from './core-harness.js';

type Rec = Record<string, unknown> & { Id: string; SyncToken: string };

let h: Harness;
let us: QboClient;
let labor = '';
let amy = '';

const invoiceBody = () => ({
  CustomerRef: { value: amy },
  Line: [{ DetailType: 'SalesItemLineDetail', Amount: 50, SalesItemLineDetail: { ItemRef: { value: labor } } }],
});

function invoiceCount(): number {
  return h.sandbox.companies.get(US_REALM_ID)!.list('Invoice').length;
}

beforeAll(async () => {
  h = await startHarness();
  us = h.client(US_REALM_ID);
});

beforeEach(async () => {
  await h.admin('POST', '/reset');
  us = h.client(US_REALM_ID); // reset drops tokens
  const store = h.sandbox.companies.get(US_REALM_ID)!;
  labor = store.list('Item').find((i) => i.Name === 'Labor')!.Id;
  amy = store.list('Customer').find((c) => c.DisplayName === "Amy's Bird Sanctuary")!.Id;
});

afterAll(async () => {
  await h.sandbox.close();
});

describe('requestid', () => {
  it('replays the first response byte for byte without creating twice', async () => {
    const before = invoiceCount();
    const first = await h.api(US_REALM_ID, 'POST', '/invoice?requestid=req-0001&minorversion=75', invoiceBody());
    h.sandbox.clock.advance(5_000);
    const second = await h.api(US_REALM_ID, 'POST', '/invoice?requestid=req-0001&minorversion=75', { ...invoiceBody(), PrivateNote: 'different body' });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(invoiceCount()).toBe(before + 1);
    const third = await h.api(US_REALM_ID, 'POST', '/invoice?requestid=req-0002', invoiceBody());
    expect(third.text).not.toBe(first.text);
    expect(invoiceCount()).toBe(before + 2);
  });

  it('node-quickbooks sends requestId from the entity and gets the same invoice back', async () => {
    const a = await us.call<Rec>('createInvoice', { ...invoiceBody(), requestId: 'nq-1' });
    const b = await us.call<Rec>('createInvoice', { ...invoiceBody(), requestId: 'nq-1' });
    expect(b).toEqual(a);
  });

  it('is per realm', async () => {
    await h.api(US_REALM_ID, 'POST', '/invoice?requestid=shared', invoiceBody());
    const au = h.sandbox.companies.get(AU_REALM_ID)!;
    const cafe = au.list('Customer').find((c) => c.DisplayName === 'Bondi Beach Cafe')!.Id;
    const labour = au.list('Item').find((i) => i.Name === 'Labour')!.Id;
    const res = await h.api(AU_REALM_ID, 'POST', '/invoice?requestid=shared', { CustomerRef: { value: cafe }, GlobalTaxCalculation: 'NotApplicable', Line: [{ DetailType: 'SalesItemLineDetail', Amount: 5, SalesItemLineDetail: { ItemRef: { value: labour } } }] });
    expect((res.json().Invoice as Rec).CurrencyRef).toEqual({ value: 'AUD', name: 'Australian Dollar' });
  });

  it('rejects a requestid longer than 50 characters', async () => {
    const res = await h.api(US_REALM_ID, 'POST', `/invoice?requestid=${'r'.repeat(51)}`, invoiceBody());
    expect(res.status).toBe(400);
    expect(faultOf(res.json())).toMatchObject({ code: '2050', element: 'requestid' });
  });

  it('replays a fault too (the first answer was a fault)', async () => {
    const first = await h.api(US_REALM_ID, 'POST', '/invoice?requestid=bad-1', { Line: [] });
    expect(first.status).toBe(400);
    const second = await h.api(US_REALM_ID, 'POST', '/invoice?requestid=bad-1', invoiceBody());
    expect(second.text).toBe(first.text);
  });
});

describe('authentication and routing', () => {
  it('401/3200 in the gateway shape without a token', async () => {
    const res = await fetch(`${h.url}/v3/company/${US_REALM_ID}/invoice/1`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { fault: { error: { code: string }[]; type: string }; time: number };
    expect(body.fault.error[0]!.code).toBe('3200');
    expect(typeof body.time).toBe('number');
  });

  it('403/3100 for a token of another realm', async () => {
    const res = await fetch(`${h.url}/v3/company/${AU_REALM_ID}/companyinfo/${AU_REALM_ID}`, { headers: { authorization: `Bearer ${h.token(US_REALM_ID)}` } });
    expect(res.status).toBe(403);
  });

  it('404 for unknown paths and entities', async () => {
    expect((await h.api(US_REALM_ID, 'GET', '/nosuchentity/1')).status).toBe(404);
    expect((await fetch(`${h.url}/nowhere`)).status).toBe(404);
  });

  it('delegates queries (GET and POST forms) to the query engine', async () => {
    const get = await us.call<{ QueryResponse: { Customer?: Rec[]; maxResults?: number } }>('findCustomers', [{ field: 'DisplayName', value: 'Cool Cars', operator: '=' }]);
    expect(get.QueryResponse.Customer?.[0]?.DisplayName).toBe('Cool Cars');
    const post = await h.api(US_REALM_ID, 'POST', '/query', 'SELECT COUNT(*) FROM Vendor', { 'content-type': 'application/text' });
    expect(post.status).toBe(200);
    expect((post.json().QueryResponse as Record<string, unknown>).totalCount).toBe(3);
  });
});

describe('scripted faults', () => {
  it('429 for the next call only, in Intuit gateway shape', async () => {
    await h.admin('POST', '/faults', { kind: '429', count: 1, path: '/invoice' });
    const res = await h.api(US_REALM_ID, 'POST', '/invoice', invoiceBody());
    expect(res.status).toBe(429);
    expect((res.json().fault as { error: { code: string }[] }).error[0]!.code).toBe('3001');
    expect((await h.api(US_REALM_ID, 'POST', '/invoice', invoiceBody())).status).toBe(200);
  });

  it('500 and 503 filtered by realm and method', async () => {
    await h.admin('POST', '/faults', { kind: '500', count: 2, realmId: US_REALM_ID, method: 'GET' });
    const err = await us.call('getCompanyInfo', US_REALM_ID).catch((e: unknown) => e);
    expect(faultOf(err)).toMatchObject({ code: '10000', type: 'SystemFault', status: 500 });
    expect((await h.api(US_REALM_ID, 'POST', '/invoice', invoiceBody())).status).toBe(200); // POST not affected
    await h.admin('POST', '/faults', { kind: '503' });
    expect((await h.api(US_REALM_ID, 'GET', '/preferences')).status).toBe(500); // the second 500 use comes first
    expect((await h.api(US_REALM_ID, 'GET', '/preferences')).status).toBe(503);
  });

  it('a fault with a rate of 0 never fires, 1 always', async () => {
    await h.admin('POST', '/faults', { kind: '429', rate: 0 });
    expect((await h.api(US_REALM_ID, 'GET', '/preferences')).status).toBe(200);
    await h.admin('DELETE', '/faults');
    await h.admin('POST', '/faults', { kind: '429', rate: 1, count: 2 });
    expect((await h.api(US_REALM_ID, 'GET', '/preferences')).status).toBe(429);
    expect((await h.api(US_REALM_ID, 'GET', '/preferences')).status).toBe(429);
    expect((await h.api(US_REALM_ID, 'GET', '/preferences')).status).toBe(200);
  });

  it('drop-after-commit: the write happens, the client sees a dead socket, a requestid retry replays it', async () => {
    const before = invoiceCount();
    await h.admin('POST', '/faults', { kind: 'drop-after-commit', path: '/invoice' });
    const err = await us.call('createInvoice', { ...invoiceBody(), requestId: 'drop-1' }).catch((e: unknown) => e);
    expect((err as { code?: string }).code).toMatch(/ECONNRESET|ERR_BAD_RESPONSE|ECONNABORTED|EPIPE|socket hang up/);
    expect(invoiceCount()).toBe(before + 1);
    const retry = await us.call<Rec>('createInvoice', { ...invoiceBody(), requestId: 'drop-1' });
    expect(invoiceCount()).toBe(before + 1);
    expect(h.sandbox.companies.get(US_REALM_ID)!.read('Invoice', retry.Id).Id).toBe(retry.Id);
  });

  it('timeout: holds the response past the client timeout; the write still commits', async () => {
    const before = invoiceCount();
    await h.admin('POST', '/faults', { kind: 'timeout', holdMs: 6_000, path: '/invoice' });
    const err = await us.call('createInvoice', invoiceBody()).catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('ECONNABORTED');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(invoiceCount()).toBe(before + 1);
  }, 15_000);

  it('stale-synctoken: another user saves first, so the update fails with 5010', async () => {
    const inv = await us.call<Rec>('createInvoice', invoiceBody());
    await h.admin('POST', '/faults', { kind: 'stale-synctoken', path: '/invoice', method: 'POST' });
    const err = await us.call('updateInvoice', { Id: inv.Id, SyncToken: inv.SyncToken, sparse: true, PrivateNote: 'mine' }).catch((e: unknown) => e);
    expect(faultOf(err).code).toBe('5010');
    expect((await us.call<Rec>('getInvoice', inv.Id)).SyncToken).toBe('1');
  });

  it('rejects unknown fault kinds', async () => {
    const res = await h.admin('POST', '/faults', { kind: 'meteor' });
    expect(res.status).toBe(400);
  });
});

describe('admin API', () => {
  it('info lists the demo app and the seeded companies', async () => {
    const { body } = await h.admin<{ app: Record<string, unknown>; companies: { realmId: string; country: string; name: string }[] }>('GET', '/info');
    expect(body.app).toEqual(expect.objectContaining({ clientId: expect.any(String) as string, clientSecret: expect.any(String) as string, webhookVerifierToken: expect.any(String) as string }));
    expect((body.app.redirectUris as string[]).length).toBeGreaterThan(0);
    expect(body.companies).toEqual(expect.arrayContaining([
      { realmId: AU_REALM_ID, country: 'AU', name: 'Harbourside Plumbing & Electrical Pty Ltd' },
      { realmId: US_REALM_ID, country: 'US', name: 'Keystone Home Services LLC' },
    ]));
    for (const c of body.companies) expect(c.realmId).toMatch(/^\d{10,19}$/);
  });

  it('inspects entities and the request log', async () => {
    const inv = await us.call<Rec>('createInvoice', { ...invoiceBody(), requestId: 'log-1' });
    const { body } = await h.admin<{ records: Rec[] }>('GET', `/entities/${US_REALM_ID}/invoice`);
    expect(body.records.some((r) => r.Id === inv.Id)).toBe(true);
    const log = await h.admin<{ requests: { method: string; path: string; status: number; requestId?: string }[] }>('GET', `/requests?realmId=${US_REALM_ID}`);
    expect(log.body.requests.at(-1)).toEqual(expect.objectContaining({ method: 'POST', path: '/invoice', status: 200, requestId: 'log-1' }));
  });

  it('sets, advances and scales the clock; MetaData follows it', async () => {
    await h.admin('POST', '/clock', { time: '2026-01-10T20:00:00Z', scale: 1 });
    const inv = await us.call<Rec>('createInvoice', invoiceBody());
    expect((inv.MetaData as Record<string, string>).CreateTime).toBe('2026-01-10T12:00:00-08:00');
    const { body } = await h.admin<{ now: number; scale: number }>('POST', '/clock', { advanceMs: 3_600_000, scale: 60 });
    expect(body.scale).toBe(60);
    expect(body.now).toBeGreaterThanOrEqual(Date.parse('2026-01-10T21:00:00Z'));
    await h.admin('POST', '/clock', { scale: 1 });
  });

  it('acts as a QBO user: record-payment changes the invoice SyncToken and balance, and fires change events', async () => {
    const events: string[] = [];
    const off = h.sandbox.companies.onChange((e) => events.push(`${e.entity}:${e.operation}`));
    const inv = await us.call<Rec>('createInvoice', invoiceBody());
    const paid = await h.admin<{ Invoice: Rec; Payment: Rec }>('POST', `/act/${US_REALM_ID}/record-payment`, { invoiceId: inv.Id, amount: 20 });
    expect(paid.status).toBe(200);
    expect(paid.body.Invoice.Balance).toBe(30);
    expect(paid.body.Invoice.SyncToken).toBe('1');
    const stale = faultOf(await us.call('updateInvoice', { Id: inv.Id, SyncToken: '0', sparse: true, PrivateNote: 'x' }).catch((e: unknown) => e));
    expect(stale.code).toBe('5010');
    const edited = await h.admin<{ Invoice: Rec }>('POST', `/act/${US_REALM_ID}/edit-invoice`, { invoiceId: inv.Id, changes: { CustomerMemo: { value: 'Thanks!' } } });
    expect(edited.body.Invoice.SyncToken).toBe('2');
    const voided = await h.admin<{ Invoice: Rec }>('POST', `/act/${US_REALM_ID}/void-invoice`, { invoiceId: inv.Id });
    expect(voided.body.Invoice.TotalAmt).toBe(0);
    const renamed = await h.admin<{ Customer: Rec }>('POST', `/act/${US_REALM_ID}/rename-customer`, { customerId: amy, displayName: "Amy's Bird Sanctuary & Cafe" });
    expect(renamed.body.Customer.DisplayName).toBe("Amy's Bird Sanctuary & Cafe");
    off();
    expect(events).toEqual(expect.arrayContaining(['Invoice:Create', 'Payment:Create', 'Invoice:Update', 'Invoice:Void', 'Customer:Update']));
  });

  it('reset restores the seed data; seed reloads one company', async () => {
    await us.call('createInvoice', invoiceBody());
    const before = invoiceCount();
    await h.admin('POST', '/reset');
    expect(invoiceCount()).toBeLessThan(before);
    const seeded = await h.admin<{ realmId: string }>('POST', '/seed', { seed: 'au' });
    expect(seeded.body.realmId).toBe(AU_REALM_ID);
    expect((await h.admin('POST', '/seed', { seed: 'mars' })).status).toBe(400);
  });
});

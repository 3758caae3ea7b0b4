/**
 * Payments received in QuickBooks reach the FSM: a real gateway, FerretDB and the in-process simulator
 * over HTTP and WebSocket. FSM invoices are pushed first (so they are synced), then a bookkeeper acts
 * in QBO through the simulator's admin API (or its store, for what the admin API has no action for);
 * the changes arrive by webhook (both formats) or by the CDC poller alone, and are read back through
 * the public GraphQL API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedSignature } from '../../src/providers/quickbooks/webhooks/webhook.signature.js';
import { seedAccounts } from '../accounts/seed-charts.js';
import {
  PulledInvoiceDocument,
  PulledPaymentsDocument,
  QuickBooksChangesDocument,
  QuickBooksChangesFeedDocument,
  type QuickBooksChangesFeedSubscription,
  StartSyncDocument,
  SyncRunDocument,
} from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { collect, gql, wsClient } from '../helpers/graphql-client.js';
import { connectTenant, realmOf, simulatorOf } from '../helpers/quickbooks.js';

let gw: TestGateway;
let key: string;
let tenantId: string;
let realmId: string;
const qboInvoice = new Map<string, string>();

const accounts = seedAccounts('AU');
const acct = (name: string) => accounts.find((a) => a.name === name)!.id;
const admin = () => gw.app.quickbooks.endpoints.apiBaseUrl;
const store = () => simulatorOf(gw).companies.get(realmId)!;

async function adminCall(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${admin()}/_sandbox${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown>;
}

async function invoice(externalId: string) {
  const result = await gql(gw.graphqlUrl, PulledInvoiceDocument, { externalId }, key);
  expect(result.errors).toBeUndefined();
  return result.data!.invoice!;
}

async function payments() {
  const result = await gql(gw.graphqlUrl, PulledPaymentsDocument, { first: 100 }, key);
  return result.data!.payments.edges.map((e) => e.node);
}

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function pull() {
  const started = await gql(gw.graphqlUrl, StartSyncDocument, { input: { direction: 'PULL' as never } }, key);
  expect(started.errors).toBeUndefined();
  await gw.app.services.pull.idle();
  return (await gql(gw.graphqlUrl, SyncRunDocument, { id: started.data!.startSync.id }, key)).data!.syncRun!;
}

function invoiceInput(externalId: string, number: string) {
  return {
    externalId,
    customerExternalId: 'c-1',
    number,
    date: '2026-03-02',
    currency: 'AUD',
    lines: [{ lineId: 'l1', kind: 'LABOUR' as const, description: 'Labour', quantity: '2', unitPrice: '50.00', amount: '100.00', taxCode: 'GST' }],
    subtotal: '100.00',
    totalTax: '10.00',
    total: '110.00',
  };
}

function signedPost(body: string, token: string) {
  return fetch(`${gw.url}/webhooks/quickbooks`, { method: 'POST', headers: { 'content-type': 'application/json', 'intuit-signature': expectedSignature(Buffer.from(body), token) }, body });
}

beforeAll(async () => {
  gw = await startTestGateway('pull-payments', { FIELDBOOKS_SYNC_WORKER: 'false', FIELDBOOKS_CDC_INTERVAL_SECONDS: '0' });
  const created = await gw.app.services.tenants.createTenant('Pull Co');
  key = created.apiKey;
  tenantId = created.tenant.id;
  await connectTenant(gw, key, 'AU');
  realmId = realmOf(gw, 'AU').realmId;
  const services = gw.app.services;
  await services.ledger.upsertPaymentMethod(tenantId, { externalId: 'pm-cash', name: 'Cash', isCard: false });
  await services.ledger.upsertPaymentMethod(tenantId, { externalId: 'pm-qbo', name: 'Paid in QuickBooks', isCard: false });
  await services.settings.update(
    tenantId,
    {
      defaultLabourIncomeAccountId: acct('Labour Income'),
      defaultSuppliesIncomeAccountId: acct('Materials Income'),
      paymentsAccountId: acct('Business Cheque Account'),
      defaultRoundingAccountId: acct('Rounding'),
      accountingStartDate: '2026-01-01',
      paymentMethodFromAccounts: 'pm-qbo',
    },
    { apiKeyPrefix: 'test' },
  );
  await services.ledgerRecords.upsertCustomer(tenantId, { externalId: 'c-1', displayName: 'Harbour Dental Group', email: 'accounts@harbourdental.example' });
  for (let i = 1; i <= 6; i++) await services.ledgerRecords.upsertInvoice(tenantId, invoiceInput(`inv-${i}`, `200${i}`));
  // One payment recorded in the FSM and pushed: it must not come back as a second payment.
  await services.ledgerRecords.recordPayment(tenantId, { externalId: 'p-fsm', customerExternalId: 'c-1', date: '2026-03-03', currency: 'AUD', amount: '10.00', paymentMethodExternalId: 'pm-cash', allocations: [{ invoiceExternalId: 'inv-6', amount: '10.00' }] });
  const started = await gql(gw.graphqlUrl, StartSyncDocument, { input: {} }, key);
  expect(started.errors).toBeUndefined();
  await services.sync.runs.idle(tenantId);
  const run = (await gql(gw.graphqlUrl, SyncRunDocument, { id: started.data!.startSync.id }, key)).data!.syncRun!;
  expect(run).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
  const invoices = await services.ledgerRecords.list('invoice', tenantId, {}, { limit: 50, after: null } as never);
  const status = await services.sync.statusOf(tenantId, 'invoice', invoices.rows.map((r) => r.id));
  for (const row of invoices.rows) qboInvoice.set(row.externalId, status.get(row.id)!.quickBooksId!);
  expect(qboInvoice.size).toBe(6);
  // The pushes themselves are changes in QBO: a first pull sees them as the gateway's own and applies nothing.
  const first = await pull();
  expect(first.status).toBe('SUCCEEDED');
  expect(await payments()).toHaveLength(1);
});

afterAll(async () => {
  await gw?.close();
});

describe('payments recorded in QuickBooks', () => {
  it('arrive immediately by CloudEvents webhook: FSM payment with the pulled-payment method, invoice balance updated, change announced', async () => {
    await adminCall('PUT', '/webhooks', { url: `${gw.url}/webhooks/quickbooks`, format: 'cloudevents' });
    const ws = wsClient(gw.wsUrl, key);
    const feed = collect<QuickBooksChangesFeedSubscription, Record<string, never>>(ws, QuickBooksChangesFeedDocument, {});
    await new Promise((r) => setTimeout(r, 200));
    const acted = await adminCall('POST', `/act/${realmId}/record-payment`, { invoiceId: qboInvoice.get('inv-1'), amount: 40 });
    const qboPaymentId = (acted.Payment as { Id: string }).Id;
    const paid = await eventually(() => invoice('inv-1'), (i) => i.balance === '70.00');
    expect(paid).toMatchObject({ amountPaid: '40.00', balance: '70.00' });
    const payment = (await payments()).find((p) => p.externalId === `qbo-payment-${qboPaymentId}`)!;
    const methods = await gw.app.services.repositories.fsmLists.models.paymentMethods.findOne({ externalId: 'pm-qbo', tenantId }).lean();
    expect(payment).toMatchObject({ status: 'ACTIVE', pushPending: false, amount: '40.00', paymentMethodId: methods!._id.toHexString(), sync: { state: 'SYNCED', quickBooksId: qboPaymentId } });
    await new Promise((r) => setTimeout(r, 300));
    await ws.dispose();
    const { events } = await feed;
    expect(events.map((e) => e.data?.quickBooksChanges)).toContainEqual(expect.objectContaining({ kind: 'PAYMENT_RECORDED', quickBooksId: qboPaymentId, recordId: payment.id }));
  });

  it('arrive by legacy webhook too, including a partial payment and one payment across two invoices', async () => {
    await adminCall('PUT', '/webhooks', { url: `${gw.url}/webhooks/quickbooks`, format: 'legacy' });
    await adminCall('POST', `/act/${realmId}/record-payment`, { invoiceId: qboInvoice.get('inv-2'), amount: 25.5 });
    const across = store().write('Payment', 'create', {
      CustomerRef: { value: (store().read('Invoice', qboInvoice.get('inv-3')!).CustomerRef as { value: string }).value },
      TotalAmt: 130,
      Line: [
        { Amount: 110, LinkedTxn: [{ TxnId: qboInvoice.get('inv-3'), TxnType: 'Invoice' }] },
        { Amount: 20, LinkedTxn: [{ TxnId: qboInvoice.get('inv-4'), TxnType: 'Invoice' }] },
      ],
    }) as { Id: string };
    expect((await eventually(() => invoice('inv-2'), (i) => i.balance === '84.50')).balance).toBe('84.50');
    expect((await eventually(() => invoice('inv-4'), (i) => i.balance === '90.00')).balance).toBe('90.00');
    expect((await invoice('inv-3')).balance).toBe('0.00');
    const pulled = (await payments()).find((p) => p.externalId === `qbo-payment-${across.Id}`)!;
    expect(pulled.allocations.map((a) => [a.invoice?.externalId, a.amount])).toEqual([['inv-3', '110.00'], ['inv-4', '20.00']]);
    const deliveries = (await adminCall('GET', '/webhooks')).deliveries as { format: string; state: string }[];
    expect(deliveries.some((d) => d.format === 'legacy' && d.state === 'delivered')).toBe(true);
  });

  it('a forged webhook changes nothing; the same signed webhook twice applies once', async () => {
    await adminCall('DELETE', '/webhooks');
    const hidden = (await adminCall('POST', `/act/${realmId}/record-payment`, { invoiceId: qboInvoice.get('inv-5'), amount: 5 })).Payment as { Id: string };
    const body = JSON.stringify({ eventNotifications: [{ realmId, dataChangeEvent: { entities: [{ name: 'Payment', id: hidden.Id, operation: 'Create', lastUpdated: '2026-03-05T03:09:04.000Z' }] } }] });
    const forged = await signedPost(body, 'not-the-verifier-token');
    expect(forged.status).toBe(401);
    await gw.app.services.pull.idle();
    expect((await invoice('inv-5')).balance).toBe('110.00');

    const token = simulatorOf(gw).oauth.demoApp.webhookVerifierToken;
    const before = (await gql(gw.graphqlUrl, QuickBooksChangesDocument, { first: 100 }, key)).data!.quickBooksChanges.totalCount;
    expect(await (await signedPost(body, token)).json()).toEqual({ received: 1, stored: 1 });
    expect(await (await signedPost(body, token)).json()).toEqual({ received: 1, stored: 0 });
    await gw.app.services.pull.idle();
    expect((await invoice('inv-5')).balance).toBe('105.00');
    expect((await payments()).filter((p) => p.externalId === `qbo-payment-${hidden.Id}`)).toHaveLength(1);
    const after = (await gql(gw.graphqlUrl, QuickBooksChangesDocument, { first: 100 }, key)).data!.quickBooksChanges.totalCount;
    expect(after - before).toBe(1);
  });

  it('with webhooks off, CDC alone catches a payment, a void and a deletion; the pushed FSM payment is not echoed', async () => {
    await adminCall('DELETE', '/webhooks');
    const fresh = (await adminCall('POST', `/act/${realmId}/record-payment`, { invoiceId: qboInvoice.get('inv-5'), amount: 15 })).Payment as { Id: string };
    // Void the first webhook payment (inv-1) and delete the legacy one (inv-2), as a bookkeeper would.
    const onInv1 = (await payments()).find((p) => p.allocations[0]?.invoice?.externalId === 'inv-1')!;
    const onInv2 = (await payments()).find((p) => p.allocations[0]?.invoice?.externalId === 'inv-2')!;
    const v = store().read('Payment', onInv1.sync.quickBooksId!);
    store().write('Payment', 'void', { Id: v.Id, SyncToken: v.SyncToken });
    const d = store().read('Payment', onInv2.sync.quickBooksId!);
    store().write('Payment', 'delete', { Id: d.Id, SyncToken: d.SyncToken });
    const run = await pull();
    expect(run).toMatchObject({ status: 'SUCCEEDED' });
    expect((await invoice('inv-5')).balance).toBe('90.00');
    expect((await invoice('inv-1')).balance).toBe('110.00');
    expect((await invoice('inv-2')).balance).toBe('110.00');
    const all = await payments();
    expect(all.find((p) => p.id === onInv1.id)!.status).toBe('VOIDED');
    expect(all.find((p) => p.id === onInv2.id)!.status).toBe('VOIDED');
    expect(all.filter((p) => p.externalId === `qbo-payment-${fresh.Id}`)).toHaveLength(1);
    expect(all.filter((p) => p.allocations.some((a) => a.invoice?.externalId === 'inv-6'))).toHaveLength(1);
    const kinds = (await gql(gw.graphqlUrl, QuickBooksChangesDocument, { first: 100 }, key)).data!.quickBooksChanges.edges.map((e) => e.node.kind);
    expect(kinds.filter((k) => k === 'PAYMENT_REVERSED')).toHaveLength(2);
    // Nothing pulled is pending a push: the push engine has nothing to send back.
    expect(all.every((p) => !p.pushPending)).toBe(true);
  });

  it('flags invoices voided or edited in QuickBooks without changing the FSM invoice', async () => {
    await adminCall('POST', `/act/${realmId}/edit-invoice`, { invoiceId: qboInvoice.get('inv-5'), changes: { DocNumber: '2005-X' } });
    await pull();
    const flagged = await invoice('inv-5');
    expect(flagged.quickBooksFlag).toMatchObject({ change: 'EDITED', quickBooksId: qboInvoice.get('inv-5') });
    expect(flagged.total).toBe('110.00');
  });

  it('a CDC window holding more changes than the cap loses nothing', async () => {
    const clock = simulatorOf(gw).clock;
    // 1,150 changes spread over 12 seconds, then a payment: the first CDC response is full (1000, oldest first).
    for (let i = 0; i < 1150; i++) {
      store().write('Customer', 'create', { DisplayName: `Cap Filler ${i}` });
      if (i % 100 === 99) clock.advance(1000);
    }
    clock.advance(1000);
    const late = (await adminCall('POST', `/act/${realmId}/record-payment`, { invoiceId: qboInvoice.get('inv-4'), amount: 30 })).Payment as { Id: string };
    const report = await gw.app.services.pull.pullNow(tenantId);
    expect(report).toBeDefined();
    expect(report!.path).toBe('CDC');
    expect(report!.windows).toBeGreaterThanOrEqual(2);
    expect(report!.read).toBeGreaterThanOrEqual(1151);
    expect((await invoice('inv-4')).balance).toBe('60.00');
    expect((await payments()).filter((p) => p.externalId === `qbo-payment-${late.Id}`)).toHaveLength(1);
  });

  it('a watermark older than 30 days falls back to the query path (deletions found by id)', async () => {
    const pulled = (await payments()).find((p) => p.externalId.startsWith('qbo-payment-') && p.status === 'ACTIVE' && p.allocations[0]?.invoice?.externalId === 'inv-4' && p.amount === '30.00')!;
    const q = store().read('Payment', pulled.sync.quickBooksId!);
    store().write('Payment', 'delete', { Id: q.Id, SyncToken: q.SyncToken });
    const newer = (await adminCall('POST', `/act/${realmId}/record-payment`, { invoiceId: qboInvoice.get('inv-6'), amount: 12 })).Payment as { Id: string };
    await gw.app.services.pull.poller.setWatermark(tenantId, new Date(Date.now() - 40 * 86_400_000));
    const sinceMs = Date.now();
    const report = await gw.app.services.pull.pullNow(tenantId);
    expect(report!.path).toBe('QUERY');
    const requests = (await adminCall('GET', `/requests?realmId=${realmId}&limit=500`)).requests as { path?: string; url?: string; at?: number }[];
    expect(JSON.stringify(requests)).toMatch(/LastUpdatedTime/);
    expect(sinceMs).toBeGreaterThan(0);
    expect((await invoice('inv-4')).balance).toBe('90.00');
    expect((await invoice('inv-6')).balance).toBe('88.00');
    expect((await payments()).filter((p) => p.externalId === `qbo-payment-${newer.Id}`)).toHaveLength(1);
    expect((await payments()).find((p) => p.id === pulled.id)!.status).toBe('VOIDED');
    // The next poll is back inside 30 days: CDC again.
    expect((await gw.app.services.pull.pullNow(tenantId))!.path).toBe('CDC');
  });
});

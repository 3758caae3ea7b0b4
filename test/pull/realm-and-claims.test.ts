/**
 * The pull's links from QuickBooks Ids to FSM records (issue #11 item 6): a real gateway, FerretDB and
 * the in-process simulator over HTTP. A payment the pull maps takes the same claim on the QBO payment
 * as the push does, so a LINK and the pull, or a push and the pull, never both map one QBO payment;
 * and after the tenant moves to another QuickBooks company, the old company's Ids are neither looked
 * for in the new one nor matched by an object of the new one that has the same Id. (The simulator's
 * companies number their objects from different starts, as QBO companies do not; the test brings one
 * company's counter to another's to get the same Id in both.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MappingClaimRepository } from '../../src/persistence/sync/mapping-claim.repository.js';
import { asTenantId } from '../../src/persistence/tenant-id.js';
import { seedAccounts } from '../accounts/seed-charts.js';
import { CustomerDocument, PulledInvoiceDocument, PulledPaymentsDocument, QuickBooksChangesDocument, StartSyncDocument, SyncRunDocument } from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';
import { connectThroughBrowser, connectTenant, realmOf, simulatorOf } from '../helpers/quickbooks.js';

let gw: TestGateway;
let key: string;
let tenantId: string;
let auRealm: string;
let usRealm: string;
const qboInvoice = new Map<string, string>();

const accounts = seedAccounts('AU');
const acct = (name: string) => accounts.find((a) => a.name === name)!.id;
const store = (realmId: string) => simulatorOf(gw).companies.get(realmId)!;

async function invoice(externalId: string) {
  const result = await gql(gw.graphqlUrl, PulledInvoiceDocument, { externalId }, key);
  expect(result.errors).toBeUndefined();
  return result.data!.invoice!;
}

async function payments() {
  return (await gql(gw.graphqlUrl, PulledPaymentsDocument, { first: 100 }, key)).data!.payments.edges.map((e) => e.node);
}

async function changes() {
  return (await gql(gw.graphqlUrl, QuickBooksChangesDocument, { first: 100 }, key)).data!.quickBooksChanges.edges.map((e) => e.node);
}

async function pull() {
  const started = await gql(gw.graphqlUrl, StartSyncDocument, { input: { direction: 'PULL' as never } }, key);
  expect(started.errors).toBeUndefined();
  await gw.app.services.pull.idle();
  const run = (await gql(gw.graphqlUrl, SyncRunDocument, { id: started.data!.startSync.id }, key)).data!.syncRun!;
  expect(run.status).toBe('SUCCEEDED');
}

/**
 * Creates vendors (which the pull does not read) until the company's next new object gets Id `next`;
 * yielding now and then, so the in-process gateway keeps serving (and closing idle sockets) meanwhile.
 */
async function advanceIdsTo(realmId: string, next: number): Promise<void> {
  for (let i = 0; i < 20_000; i++) {
    if (i % 200 === 199) await new Promise((r) => setImmediate(r));
    const filler = store(realmId).write('Vendor', 'create', { DisplayName: `Id filler ${Math.random().toString(36).slice(2)}` }) as { Id: string };
    const id = Number(filler.Id);
    if (id >= next - 1) {
      expect(id, 'the company is already past the Id the test needs').toBe(next - 1);
      return;
    }
  }
  throw new Error(`company ${realmId} did not reach Id ${next}`);
}

function nextId(realmId: string): number {
  return Number((store(realmId).write('Vendor', 'create', { DisplayName: `Id probe ${Math.random().toString(36).slice(2)}` }) as { Id: string }).Id) + 1;
}

beforeAll(async () => {
  gw = await startTestGateway('pull-realm-claims', { FIELDBOOKS_SYNC_WORKER: 'false', FIELDBOOKS_CDC_INTERVAL_SECONDS: '0' });
  const created = await gw.app.services.tenants.createTenant('Realm Move Co');
  key = created.apiKey;
  tenantId = created.tenant.id;
  auRealm = realmOf(gw, 'AU').realmId;
  usRealm = realmOf(gw, 'US').realmId;
  await connectTenant(gw, key, 'AU');
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
  for (const n of [1, 2]) {
    await services.ledgerRecords.upsertInvoice(tenantId, {
      externalId: `inv-${n}`,
      customerExternalId: 'c-1',
      number: `300${n}`,
      date: '2026-03-02',
      currency: 'AUD',
      lines: [{ lineId: 'l1', kind: 'LABOUR' as const, description: 'Labour', quantity: '2', unitPrice: '50.00', amount: '100.00', taxCode: 'GST' }],
      subtotal: '100.00',
      totalTax: '10.00',
      total: '110.00',
    });
  }
  const started = await gql(gw.graphqlUrl, StartSyncDocument, { input: {} }, key);
  expect(started.errors).toBeUndefined();
  await services.sync.runs.idle(tenantId);
  expect((await gql(gw.graphqlUrl, SyncRunDocument, { id: started.data!.startSync.id }, key)).data!.syncRun).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
  const invoices = await services.ledgerRecords.list('invoice', tenantId, {}, { limit: 50, after: null } as never);
  const status = await services.sync.statusOf(tenantId, 'invoice', invoices.rows.map((r) => r.id));
  for (const row of invoices.rows) qboInvoice.set(row.externalId, status.get(row.id)!.quickBooksId!);
  await pull();
});

afterAll(async () => {
  await gw?.close();
});

describe('a payment the pull maps is claimed like a pushed one', () => {
  let pulledQboId: string;

  it('the pulled payment holds its QuickBooks payment: linking another FSM payment to it is refused', async () => {
    const acted = store(auRealm).write('Payment', 'create', {
      CustomerRef: { value: (store(auRealm).read('Invoice', qboInvoice.get('inv-1')!).CustomerRef as { value: string }).value },
      TotalAmt: 40,
      Line: [{ Amount: 40, LinkedTxn: [{ TxnId: qboInvoice.get('inv-1'), TxnType: 'Invoice' }] }],
    }) as { Id: string };
    pulledQboId = acted.Id;
    await pull();
    expect((await invoice('inv-1')).balance).toBe('70.00');
    const pulled = (await payments()).find((p) => p.externalId === `qbo-payment-${pulledQboId}`)!;
    expect(pulled).toMatchObject({ status: 'ACTIVE', amount: '40.00', sync: { state: 'SYNCED', quickBooksId: pulledQboId } });

    // The FSM records the same money by hand, and a bookkeeper links that payment to the QuickBooks one.
    const own = await gw.app.services.ledgerRecords.recordPayment(tenantId, { externalId: 'p-by-hand', customerExternalId: 'c-1', date: '2026-03-04', currency: 'AUD', amount: '40.00', paymentMethodExternalId: 'pm-cash', allocations: [{ invoiceExternalId: 'inv-2', amount: '40.00' }] });
    await expect(gw.app.services.sync.push.linkRecord(tenantId, 'payment', own.id, pulledQboId)).rejects.toThrow(/already belongs to/);
    const [byHand] = (await payments()).filter((p) => p.externalId === 'p-by-hand');
    expect(byHand!.sync.quickBooksId).toBeNull();
    // The void keeps the by-hand payment out of the balances below.
    await gw.app.services.ledgerRecords.voidPayment(tenantId, 'p-by-hand');
  });

  it('a QuickBooks payment a push has claimed (its mapping not saved yet) never becomes a second FSM payment', async () => {
    // The FSM payment is pushed: QuickBooks holds it and the push has claimed it, but its mapping is
    // not written yet (the push is mid-flight, or crashed right there) and its outbox entry is gone.
    const pushed = await gw.app.services.ledgerRecords.recordPayment(tenantId, { externalId: 'p-pushed', customerExternalId: 'c-1', date: '2026-03-05', currency: 'AUD', amount: '20.00', paymentMethodExternalId: 'pm-cash', allocations: [{ invoiceExternalId: 'inv-2', amount: '20.00' }] });
    const inQbo = store(auRealm).write('Payment', 'create', {
      CustomerRef: { value: (store(auRealm).read('Invoice', qboInvoice.get('inv-2')!).CustomerRef as { value: string }).value },
      TotalAmt: 20,
      Line: [{ Amount: 20, LinkedTxn: [{ TxnId: qboInvoice.get('inv-2'), TxnType: 'Invoice' }] }],
    }) as { Id: string };
    const claims = new MappingClaimRepository(gw.app.database.connection);
    expect(await claims.claim(asTenantId(tenantId), { realmId: auRealm, entity: 'Payment', qboId: inQbo.Id }, { kind: 'payment', recordId: pushed.id, part: 'main' })).toBeNull();

    await pull();
    // The money is in the FSM once (the pushed payment), not twice.
    expect((await payments()).filter((p) => p.externalId === `qbo-payment-${inQbo.Id}`)).toEqual([]);
    expect((await invoice('inv-2')).balance).toBe('90.00');
    expect(await claims.holderOf(asTenantId(tenantId), { realmId: auRealm, entity: 'Payment', qboId: inQbo.Id })).toEqual({ kind: 'payment', recordId: pushed.id, part: 'main' });
    // The pulled payment of the first test holds its claim under its own record.
    const pulled = (await payments()).find((p) => p.externalId === `qbo-payment-${pulledQboId}`)!;
    expect(await claims.holderOf(asTenantId(tenantId), { realmId: auRealm, entity: 'Payment', qboId: pulledQboId })).toEqual({ kind: 'payment', recordId: pulled.id, part: 'main' });
  });
});

describe('after a move to another QuickBooks company', () => {
  let usManualRealm: string;
  let customerQboId: string;

  // About 10,000 objects are created in the simulator to line the companies' Ids up: a slow test.
  it("the old company's Ids are not looked for in the new one: nothing it does not hold reads as deleted there", { timeout: 180_000 }, async () => {
    const before = await payments();
    const pulled = before.find((p) => p.externalId.startsWith('qbo-payment-') && p.status === 'ACTIVE')!;
    // A third company (US, manual sales tax), whose Ids start below the US company's: the US company is
    // brought past them, so a customer the tenant gets in the US company has an Id the third company can reach.
    usManualRealm = simulatorOf(gw).companies.seed('usManual').realmId;
    await advanceIdsTo(usRealm, nextId(usManualRealm) + 20);
    await new Promise((r) => setTimeout(r, 200));

    const moved = await connectThroughBrowser(gw, key, { country: 'US', allowRealmChange: true });
    expect(moved.response.status).toBe(200);
    await gw.app.services.connections.idle();
    // A watermark past CDC's 30 days: the query path, which looks every mapped payment and invoice up by Id.
    await gw.app.services.pull.poller.setWatermark(tenantId, new Date(Date.now() - 40 * 86_400_000));
    await pull();
    const after = await payments();
    // The AU payment pulled earlier is not in the US company: it was not deleted, and stays as it was.
    expect(after.find((p) => p.id === pulled.id)).toMatchObject({ status: 'ACTIVE', amount: '40.00' });
    expect(after.map((p) => [p.externalId, p.status]).sort()).toEqual(before.map((p) => [p.externalId, p.status]).sort());
    expect((await invoice('inv-1')).balance).toBe('70.00');
    expect((await invoice('inv-1')).quickBooksFlag).toBeNull();
    expect((await invoice('inv-2')).quickBooksFlag).toBeNull();
    expect((await changes()).filter((c) => c.kind === 'PAYMENT_REVERSED' || c.kind === 'INVOICE_DELETED')).toEqual([]);

    // The customer goes to the US company (the push starts its mapping over there).
    const customer = (await gql(gw.graphqlUrl, CustomerDocument, { externalId: 'c-1' }, key)).data!.customer!;
    await gw.app.services.ledgerRecords.markPending(tenantId, 'customer', [customer.id]);
    const started = await gql(gw.graphqlUrl, StartSyncDocument, { input: { scope: ['CUSTOMER'] } }, key);
    expect(started.errors).toBeUndefined();
    await gw.app.services.sync.runs.idle(tenantId);
    const synced = (await gql(gw.graphqlUrl, CustomerDocument, { externalId: 'c-1' }, key)).data!.customer!.sync;
    expect(synced.state).toBe('SYNCED');
    customerQboId = synced.quickBooksId!;
    expect(store(usRealm).read('Customer', customerQboId).DisplayName).toBe('Harbour Dental Group');
  });

  it('an Id the new company shares with the old one never reaches the old record', async () => {
    const moved = await connectThroughBrowser(gw, key, { realmId: usManualRealm, allowRealmChange: true });
    expect(moved.response.status).toBe(200);
    await gw.app.services.connections.idle();
    // In the new company a different customer has the very Id c-1 has in the US company, and is edited.
    await advanceIdsTo(usManualRealm, Number(customerQboId));
    const other = store(usManualRealm).write('Customer', 'create', { DisplayName: 'Sunnyvale Orthodontics' }) as { Id: string; SyncToken: string };
    expect(other.Id).toBe(customerQboId);
    store(usManualRealm).write('Customer', 'update', { Id: other.Id, SyncToken: other.SyncToken, sparse: true, DisplayName: 'Sunnyvale Orthodontics LLC' });

    await pull();
    // The FSM customer keeps its name: the edit is another company's customer, listed as new there.
    expect((await gql(gw.graphqlUrl, CustomerDocument, { externalId: 'c-1' }, key)).data!.customer!.displayName).toBe('Harbour Dental Group');
    const seen = await changes();
    expect(seen.filter((c) => c.kind === 'CUSTOMER_UPDATED' || c.kind === 'CUSTOMER_CONFLICT')).toEqual([]);
    expect(seen).toContainEqual(expect.objectContaining({ kind: 'CUSTOMER_CREATED', quickBooksId: customerQboId }));
  });
});

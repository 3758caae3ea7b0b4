/**
 * Deposits and overpayments recorded in the FSM land in QuickBooks as customer credit (an unapplied
 * Payment) and are applied later by recording the payment again with allocations: the same QBO payment
 * is updated, once, even when QBO's response to that update is lost. Everything goes through the public
 * GraphQL API (records, sync); QBO's end state is read back from the simulator's admin API to the cent.
 * A refund of the credit is a RefundReceipt paid out of the bank, and the payment applies the refunded
 * part to a clearing invoice, so QBO's A/R keeps exactly the credit the FSM shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CustomerCreditDocument,
  PaymentCreditDocument,
  RecordPaymentDocument,
  StartSyncDocument,
  SyncRunDocument,
  UpsertCustomerDocument,
  UpsertInvoiceDocument,
  UpsertPaymentMethodDocument,
  type RecordPaymentInput,
} from '../generated/graphql.js';
import { accountIdByName, chooseAustralianAccounts } from '../helpers/accounting-setup.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';
import { connectTenant, realmOf } from '../helpers/quickbooks.js';

interface QboPayment {
  Id: string;
  TotalAmt: number;
  UnappliedAmt: number;
  PrivateNote?: string;
  CustomerRef: { value: string };
  Line: { Amount: number; LinkedTxn: { TxnId: string; TxnType: string }[] }[];
}

let gw: TestGateway;
let key: string;
let tenantId: string;
let realmId: string;

async function qbo<T>(entity: string): Promise<T[]> {
  const response = await fetch(`${gw.app.quickbooks.endpoints.apiBaseUrl}/_sandbox/entities/${realmId}/${entity}`);
  return ((await response.json()) as { records: T[] }).records;
}
async function fault(rule: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${gw.app.quickbooks.endpoints.apiBaseUrl}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ realmId, ...rule }) });
  expect(response.status).toBeLessThan(300);
}
async function sync() {
  const started = await gql(gw.graphqlUrl, StartSyncDocument, { input: {} }, key);
  expect(started.errors).toBeUndefined();
  await gw.app.services.sync.runs.idle(tenantId);
  return (await gql(gw.graphqlUrl, SyncRunDocument, { id: started.data!.startSync.id }, key)).data!.syncRun!;
}
async function pay(input: Partial<RecordPaymentInput> & { externalId: string }) {
  return gql(gw.graphqlUrl, RecordPaymentDocument, { input: { customerExternalId: 'cust-credit', date: '2026-11-02', currency: 'AUD', paymentMethodExternalId: 'pm-eft', amount: '0.00', allocations: [], ...input } }, key);
}
async function invoice(externalId: string, number: string, net: string, gst: string, total: string) {
  const result = await gql(
    gw.graphqlUrl,
    UpsertInvoiceDocument,
    {
      input: {
        externalId,
        customerExternalId: 'cust-credit',
        number,
        date: '2026-11-03',
        currency: 'AUD',
        lines: [{ lineId: 'l1', kind: 'LABOUR', description: 'Bathroom renovation stage', quantity: '1', unitPrice: net, amount: net, taxCode: 'GST' }],
        subtotal: net,
        totalTax: gst,
        total,
      },
    },
    key,
  );
  expect(result.errors).toBeUndefined();
}
function fieldsOf(result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) {
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return (result.errors![0]!.extensions!.fields as { path: string[]; message: string }[]).map((f) => ({ path: f.path.join('.'), message: f.message }));
}
const payment = async (externalId: string) => (await gql(gw.graphqlUrl, PaymentCreditDocument, { externalId }, key)).data!.payment!;
const credit = async () => (await gql(gw.graphqlUrl, CustomerCreditDocument, { externalId: 'cust-credit' }, key)).data!.customer!;
const qboPayments = async (externalId: string) => (await qbo<QboPayment>('Payment')).filter((p) => p.PrivateNote === `fieldbooks payment ${externalId}`);
const qboInvoice = async (id: string) => (await qbo<{ Id: string; Balance: number; TotalAmt: number }>('Invoice')).find((i) => i.Id === id)!;
const qboCustomer = async (id: string) => (await qbo<{ Id: string; Balance: number }>('Customer')).find((c) => c.Id === id)!;

beforeAll(async () => {
  gw = await startTestGateway('money_credit_push', { FIELDBOOKS_SYNC_WORKER: 'false' });
  const created = await gw.app.services.tenants.createTenant('Bondi Bathrooms');
  key = created.apiKey;
  tenantId = created.tenant.id;
  await connectTenant(gw, key, 'AU');
  realmId = realmOf(gw, 'AU').realmId;
  await chooseAustralianAccounts(gw.graphqlUrl, key, { creditNoteAccountId: await accountIdByName(gw.graphqlUrl, key, 'Discounts Given') });
  expect((await gql(gw.graphqlUrl, UpsertPaymentMethodDocument, { input: { externalId: 'pm-eft', name: 'EFT', isCard: false } }, key)).errors).toBeUndefined();
  expect((await gql(gw.graphqlUrl, UpsertCustomerDocument, { input: { externalId: 'cust-credit', displayName: 'Tamarama Dental Group' } }, key)).errors).toBeUndefined();
});
afterAll(async () => {
  await gw?.close();
});

describe('deposits and overpayments become customer credit in QuickBooks', () => {
  it('records a deposit taken before invoicing as an unapplied QBO payment and a credit on the customer', async () => {
    const recorded = await pay({ externalId: 'dep-1', amount: '500.00', reference: 'DEP-1' });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordPayment).toMatchObject({ amount: '500.00', unappliedAmount: '500.00', allocations: [] });
    expect((await credit()).creditBalance).toBe('500.00');

    const run = await sync();
    expect(run).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    const [deposit, ...others] = await qboPayments('dep-1');
    expect(others).toHaveLength(0);
    expect(deposit).toMatchObject({ TotalAmt: 500, UnappliedAmt: 500, Line: [] });
    const customer = await credit();
    expect(customer.sync.state).toBe('SYNCED');
    expect((await qboCustomer(customer.sync.quickBooksId!)).Balance).toBe(-500);
    expect((await payment('dep-1')).sync).toMatchObject({ state: 'SYNCED', quickBooksId: deposit!.Id });
  });

  it('applies the deposit to the invoice later: the same QBO payment is updated once, even when the response is lost', async () => {
    await invoice('inv-credit-1', 'BB-1001', '300.00', '30.00', '330.00');
    const applied = await pay({ externalId: 'dep-1', amount: '500.00', reference: 'DEP-1', allocations: [{ invoiceExternalId: 'inv-credit-1', amount: '330.00' }] });
    expect(applied.errors).toBeUndefined();
    expect(applied.data!.recordPayment).toMatchObject({ version: 2, unappliedAmount: '170.00', allocations: [{ amount: '330.00', invoice: { externalId: 'inv-credit-1', balance: '0.00' } }] });
    expect((await credit()).creditBalance).toBe('170.00');

    // QBO saves the update but its answer never arrives: the retry must not apply the credit twice.
    await fault({ kind: 'drop-after-commit', method: 'POST', path: '/payment', count: 1 });
    const run = await sync();
    expect(run).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    const [deposit, ...others] = await qboPayments('dep-1');
    expect(others).toHaveLength(0);
    const invoiceId = (await qbo<{ Id: string; DocNumber: string }>('Invoice')).find((i) => i.DocNumber === 'BB-1001')!.Id;
    expect(deposit).toMatchObject({ TotalAmt: 500, UnappliedAmt: 170, Line: [{ Amount: 330, LinkedTxn: [{ TxnId: invoiceId, TxnType: 'Invoice' }] }] });
    expect(await qboInvoice(invoiceId)).toMatchObject({ TotalAmt: 330, Balance: 0 });
    expect((await qboCustomer((await credit()).sync.quickBooksId!)).Balance).toBe(-170);
    expect((await payment('dep-1')).sync).toMatchObject({ state: 'SYNCED', syncedVersion: 2 });

    // Nothing left to push: a second run leaves QBO as it is.
    expect(await sync()).toMatchObject({ failed: 0 });
    expect(await qboPayments('dep-1')).toEqual([deposit]);
  });

  it('records an overpayment: the invoice is paid in full and the rest stays as credit', async () => {
    await invoice('inv-credit-2', 'BB-1002', '100.00', '10.00', '110.00');
    const over = await pay({ externalId: 'over-1', amount: '150.00', allocations: [{ invoiceExternalId: 'inv-credit-2', amount: '110.00' }] });
    expect(over.errors).toBeUndefined();
    expect(over.data!.recordPayment).toMatchObject({ amount: '150.00', unappliedAmount: '40.00' });
    expect((await credit()).creditBalance).toBe('210.00');
    expect(await sync()).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    const [qboOver] = await qboPayments('over-1');
    const invoiceId = (await qbo<{ Id: string; DocNumber: string }>('Invoice')).find((i) => i.DocNumber === 'BB-1002')!.Id;
    expect(qboOver).toMatchObject({ TotalAmt: 150, UnappliedAmt: 40, Line: [{ Amount: 110, LinkedTxn: [{ TxnId: invoiceId, TxnType: 'Invoice' }] }] });
    expect((await qboInvoice(invoiceId)).Balance).toBe(0);
    expect((await qboCustomer((await credit()).sync.quickBooksId!)).Balance).toBe(-210);
  });

  it('refuses allocations above the amount or above an invoice balance, naming the field, saving nothing', async () => {
    await invoice('inv-credit-3', 'BB-1003', '50.00', '5.00', '55.00');
    const tooMuch = await pay({ externalId: 'over-bad', amount: '40.00', allocations: [{ invoiceExternalId: 'inv-credit-3', amount: '55.00' }] });
    expect(fieldsOf(tooMuch)).toEqual([{ path: 'input.allocations', message: 'apply 55.00 to invoices, more than the payment amount 40.00' }]);
    const aboveBalance = await pay({ externalId: 'over-bad', amount: '100.00', allocations: [{ invoiceExternalId: 'inv-credit-3', amount: '55.01' }] });
    expect(fieldsOf(aboveBalance)).toEqual([{ path: 'input.allocations.0.amount', message: 'exceeds the outstanding balance of invoice BB-1003 (55.00)' }]);
    const zero = await pay({ externalId: 'over-bad', amount: '0.00' });
    expect(fieldsOf(zero)).toEqual([{ path: 'input.amount', message: 'must be greater than zero' }]);
    expect((await gql(gw.graphqlUrl, PaymentCreditDocument, { externalId: 'over-bad' }, key)).data!.payment).toBeNull();
    expect((await credit()).creditBalance).toBe('210.00');
  });

  it('refunds part of the credit: a RefundReceipt out of the bank, the credit cleared in A/R, each created once', async () => {
    const before = await payment('dep-1');
    const refunded = await pay({ externalId: 'dep-1', amount: '500.00', reference: 'DEP-1', allocations: [{ invoiceExternalId: 'inv-credit-1', amount: '330.00' }], refunds: [{ refundId: 'rf-1', date: '2026-11-10', amount: '100.00', reference: 'EFT-RF1' }] });
    expect(refunded.errors).toBeUndefined();
    expect(refunded.data!.recordPayment).toMatchObject({ version: before.version + 1, unappliedAmount: '70.00' });
    expect((await payment('dep-1')).refunds).toEqual([{ refundId: 'rf-1', date: '2026-11-10', amount: '100.00', reference: 'EFT-RF1' }]);
    expect((await credit()).creditBalance).toBe('110.00');

    // The refund receipt is saved but its answer is lost; the retry must not pay the refund twice.
    await fault({ kind: 'drop-after-commit', method: 'POST', path: '/refundreceipt', count: 1 });
    expect(await sync()).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    const receipts = (await qbo<{ Id: string; TotalAmt: number; PrivateNote?: string; DepositToAccountRef: { value: string }; PaymentRefNum?: string; Line: { DetailType: string; SalesItemLineDetail?: { ItemRef: { value: string } } }[] }>('RefundReceipt')).filter((r) => r.PrivateNote === 'fieldbooks payment dep-1 refund rf-1');
    expect(receipts).toHaveLength(1);
    const bank = await accountIdByName(gw.graphqlUrl, key, 'Business Cheque Account');
    expect(receipts[0]).toMatchObject({ TotalAmt: 100, DepositToAccountRef: { value: bank }, PaymentRefNum: 'EFT-RF1' });
    const clearing = (await qbo<{ Id: string; TotalAmt: number; Balance: number; PrivateNote?: string; Line: { DetailType: string; SalesItemLineDetail?: { ItemRef: { value: string } } }[] }>('Invoice')).filter((i) => i.PrivateNote === 'fieldbooks payment dep-1 refund rf-1 clearing');
    expect(clearing).toHaveLength(1);
    expect(clearing[0]).toMatchObject({ TotalAmt: 100, Balance: 0 });
    // Receipt and clearing invoice post to the same item, so its account nets to zero.
    const itemOf = (lines: { DetailType: string; SalesItemLineDetail?: { ItemRef: { value: string } } }[]) => lines.find((l) => l.DetailType === 'SalesItemLineDetail')!.SalesItemLineDetail!.ItemRef.value;
    expect(itemOf(clearing[0]!.Line)).toBe(itemOf(receipts[0]!.Line));
    const [deposit, ...others] = await qboPayments('dep-1');
    expect(others).toHaveLength(0);
    const invoiceId = (await qbo<{ Id: string; DocNumber: string }>('Invoice')).find((i) => i.DocNumber === 'BB-1001')!.Id;
    expect(deposit).toMatchObject({
      TotalAmt: 500,
      UnappliedAmt: 70,
      Line: [
        { Amount: 330, LinkedTxn: [{ TxnId: invoiceId, TxnType: 'Invoice' }] },
        { Amount: 100, LinkedTxn: [{ TxnId: clearing[0]!.Id, TxnType: 'Invoice' }] },
      ],
    });
    // QBO's customer balance: BB-1003 open (55.00) less the credit left (70.00 + 40.00).
    expect((await qboCustomer((await credit()).sync.quickBooksId!)).Balance).toBe(-55);

    // A later change of the payment (here: applying more credit) does not create the refund again.
    await invoice('inv-credit-4', 'BB-1004', '50.00', '5.00', '55.00');
    expect((await pay({ externalId: 'dep-1', amount: '500.00', reference: 'DEP-1', allocations: [{ invoiceExternalId: 'inv-credit-1', amount: '330.00' }, { invoiceExternalId: 'inv-credit-4', amount: '55.00' }] })).errors).toBeUndefined();
    expect(await sync()).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    expect((await qbo<{ PrivateNote?: string }>('RefundReceipt')).filter((r) => r.PrivateNote?.startsWith('fieldbooks payment dep-1 refund'))).toHaveLength(1);
    expect((await qboPayments('dep-1'))[0]).toMatchObject({ TotalAmt: 500, UnappliedAmt: 15 });
    expect((await credit()).creditBalance).toBe('55.00');
    expect((await qboCustomer((await credit()).sync.quickBooksId!)).Balance).toBe(0);
  });

  it('refuses a refund above the unapplied credit, and taking back a recorded refund', async () => {
    const current = { externalId: 'dep-1', amount: '500.00', reference: 'DEP-1', allocations: [{ invoiceExternalId: 'inv-credit-1', amount: '330.00' }, { invoiceExternalId: 'inv-credit-4', amount: '55.00' }] };
    const tooMuch = await pay({ ...current, refunds: [{ refundId: 'rf-1', date: '2026-11-10', amount: '100.00', reference: 'EFT-RF1' }, { refundId: 'rf-2', date: '2026-11-12', amount: '15.01' }] });
    expect(fieldsOf(tooMuch)).toEqual([{ path: 'input.refunds', message: 'refund 115.01 in all, but only 115.00 of this payment is not applied to invoices' }]);
    const removed = await pay({ ...current, refunds: [] });
    expect(fieldsOf(removed)).toEqual([{ path: 'input.refunds', message: 'refund rf-1 (100.00) was recorded already and cannot be removed: void the payment instead' }]);
    const early = await pay({ ...current, refunds: [{ refundId: 'rf-1', date: '2026-11-10', amount: '100.00', reference: 'EFT-RF1' }, { refundId: 'rf-3', date: '2026-10-01', amount: '5.00' }] });
    expect(fieldsOf(early)).toEqual([{ path: 'input.refunds.1.date', message: 'is before the payment date 2026-11-02' }]);
    expect(await payment('dep-1')).toMatchObject({ unappliedAmount: '15.00', refunds: [{ refundId: 'rf-1' }] });
  });
});

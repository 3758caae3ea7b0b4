/**
 * Customer credit made in QuickBooks reaches the FSM as credit, never as cash: a deposit and an
 * overpayment received in QBO keep their unapplied part on the FSM customer (creditBalance), and a
 * credit memo applied to an invoice in QBO (a Payment of 0 linking the credit memo and the invoice)
 * credits the FSM invoice instead of paying it. A real gateway, FerretDB and the simulator over HTTP;
 * the bookkeeper acts through the simulator's admin API (or its store where it has no action), the
 * gateway pulls by CDC (startSync PULL), and the FSM side is read through GraphQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccounts } from '../accounts/seed-charts.js';
import {
  CreditedInvoiceDocument,
  CustomerCreditDocument,
  CustomerPaymentsDocument,
  QuickBooksChangesDocument,
  StartSyncDocument,
  SyncRunDocument,
} from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';
import { connectTenant, realmOf, simulatorOf } from '../helpers/quickbooks.js';

let gw: TestGateway;
let key: string;
let tenantId: string;
let realmId: string;
let qboCustomerId: string;
const qboInvoice = new Map<string, string>();

const accounts = seedAccounts('AU');
const acct = (name: string) => accounts.find((a) => a.name === name)!.id;
const store = () => simulatorOf(gw).companies.get(realmId)!;

async function act(action: string, body: unknown): Promise<Record<string, { Id: string; SyncToken: string }>> {
  const response = await fetch(`${gw.app.quickbooks.endpoints.apiBaseUrl}/_sandbox/act/${realmId}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return (await response.json()) as Record<string, { Id: string; SyncToken: string }>;
}
async function pull() {
  const started = await gql(gw.graphqlUrl, StartSyncDocument, { input: { direction: 'PULL' as never } }, key);
  expect(started.errors).toBeUndefined();
  await gw.app.services.pull.idle();
  const run = (await gql(gw.graphqlUrl, SyncRunDocument, { id: started.data!.startSync.id }, key)).data!.syncRun!;
  expect(run.status).toBe('SUCCEEDED');
}
const invoice = async (externalId: string) => (await gql(gw.graphqlUrl, CreditedInvoiceDocument, { externalId }, key)).data!.invoice!;
const creditBalance = async () => (await gql(gw.graphqlUrl, CustomerCreditDocument, { externalId: 'c-1' }, key)).data!.customer!.creditBalance;
const payments = async () => (await gql(gw.graphqlUrl, CustomerPaymentsDocument, { first: 100 }, key)).data!.payments.edges.map((e) => e.node);
const changes = async () => (await gql(gw.graphqlUrl, QuickBooksChangesDocument, { first: 100 }, key)).data!.quickBooksChanges.edges.map((e) => e.node);

beforeAll(async () => {
  gw = await startTestGateway('money_credit_pull', { FIELDBOOKS_SYNC_WORKER: 'false', FIELDBOOKS_CDC_INTERVAL_SECONDS: '0' });
  const created = await gw.app.services.tenants.createTenant('Credit Pull Co');
  key = created.apiKey;
  tenantId = created.tenant.id;
  await connectTenant(gw, key, 'AU');
  realmId = realmOf(gw, 'AU').realmId;
  const services = gw.app.services;
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
  await services.ledgerRecords.upsertCustomer(tenantId, { externalId: 'c-1', displayName: 'Clovelly Physio' });
  for (let i = 1; i <= 3; i++) {
    await services.ledgerRecords.upsertInvoice(tenantId, {
      externalId: `inv-${i}`,
      customerExternalId: 'c-1',
      number: `CP-30${i}`,
      date: '2026-03-02',
      currency: 'AUD',
      lines: [{ lineId: 'l1', kind: 'LABOUR', description: 'Labour', quantity: '2', unitPrice: '50.00', amount: '100.00', taxCode: 'GST' }],
      subtotal: '100.00',
      totalTax: '10.00',
      total: '110.00',
    });
  }
  const started = await gql(gw.graphqlUrl, StartSyncDocument, { input: {} }, key);
  await services.sync.runs.idle(tenantId);
  expect((await gql(gw.graphqlUrl, SyncRunDocument, { id: started.data!.startSync.id }, key)).data!.syncRun).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
  const invoices = await services.ledgerRecords.list('invoice', tenantId, {}, { limit: 50, after: null } as never);
  const status = await services.sync.statusOf(tenantId, 'invoice', invoices.rows.map((r) => r.id));
  for (const row of invoices.rows) qboInvoice.set(row.externalId, status.get(row.id)!.quickBooksId!);
  qboCustomerId = (store().read('Invoice', qboInvoice.get('inv-1')!).CustomerRef as { value: string }).value;
  await pull();
  expect(await payments()).toHaveLength(0);
});
afterAll(async () => {
  await gw?.close();
});

describe('customer credit pulled from QuickBooks', () => {
  it('a deposit received in QBO (applied to nothing) is an FSM payment held as customer credit', async () => {
    const { Payment: deposit } = await act('record-payment', { customerId: qboCustomerId, amount: 250, txnDate: '2026-03-04' });
    await pull();
    const pulled = (await payments()).find((p) => p.externalId === `qbo-payment-${deposit!.Id}`);
    expect(pulled).toMatchObject({ status: 'ACTIVE', pushPending: false, amount: '250.00', unappliedAmount: '250.00', allocations: [], customer: { externalId: 'c-1' }, sync: { state: 'SYNCED', quickBooksId: deposit!.Id } });
    expect(await creditBalance()).toBe('250.00');
    expect((await changes()).find((c) => c.quickBooksId === deposit!.Id)).toMatchObject({ kind: 'PAYMENT_RECORDED', message: `QuickBooks payment ${deposit!.Id}: 250.00 kept as customer credit (unapplied in QuickBooks).` });
  });

  it('an overpayment keeps its unapplied part visible on the customer; the invoice is paid in full', async () => {
    const { Payment: over } = await act('record-payment', { invoiceId: qboInvoice.get('inv-1'), amount: 150, applied: 110 });
    expect(store().read('Payment', over!.Id).UnappliedAmt).toBe(40);
    await pull();
    expect(await invoice('inv-1')).toMatchObject({ amountPaid: '110.00', amountCredited: '0.00', balance: '0.00' });
    const pulled = (await payments()).find((p) => p.externalId === `qbo-payment-${over!.Id}`);
    expect(pulled).toMatchObject({ amount: '150.00', unappliedAmount: '40.00', allocations: [{ amount: '110.00', invoice: { externalId: 'inv-1' } }] });
    expect(await creditBalance()).toBe('290.00');
  });

  it('a credit memo applied to an invoice in QBO credits the FSM invoice, never as cash received', async () => {
    const line = (store().read('Invoice', qboInvoice.get('inv-2')!).Line as { DetailType: string; SalesItemLineDetail?: Record<string, unknown> }[]).find((l) => l.DetailType === 'SalesItemLineDetail')!;
    const memo = store().write('CreditMemo', 'create', {
      CustomerRef: { value: qboCustomerId },
      GlobalTaxCalculation: 'TaxExcluded',
      Line: [{ Amount: 100, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: line.SalesItemLineDetail!.ItemRef, TaxCodeRef: line.SalesItemLineDetail!.TaxCodeRef } }],
    }) as { Id: string; TotalAmt: number };
    expect(memo.TotalAmt).toBe(110);
    const before = (await payments()).length;
    const { Payment: application } = await act('apply-credit-memo', { invoiceId: qboInvoice.get('inv-2'), creditMemoId: memo.Id });
    expect(store().read('Payment', application!.Id)).toMatchObject({ TotalAmt: 0, UnappliedAmt: 0 });
    await pull();
    expect(await invoice('inv-2')).toMatchObject({ amountPaid: '0.00', amountCredited: '110.00', balance: '0.00' });
    expect(await payments()).toHaveLength(before);
    expect(await creditBalance()).toBe('290.00');
    const announced = (await changes()).filter((c) => c.quickBooksId === application!.Id);
    expect(announced).toEqual([expect.objectContaining({ kind: 'CREDIT_APPLIED', recordKind: 'creditNote', message: `QuickBooks credit memo ${memo.Id}: 110.00 applied to invoice CP-302 as a credit (no money received).` })]);

    // Pulled again (a redelivery, the next poll): nothing changes.
    await pull();
    expect(await invoice('inv-2')).toMatchObject({ amountCredited: '110.00', balance: '0.00' });
    expect((await changes()).filter((c) => c.quickBooksId === application!.Id)).toHaveLength(1);

    // Undone in QBO (the application deleted): the FSM invoice owes again.
    const current = store().read('Payment', application!.Id);
    store().write('Payment', 'delete', { Id: current.Id, SyncToken: current.SyncToken });
    await pull();
    expect(await invoice('inv-2')).toMatchObject({ amountPaid: '0.00', amountCredited: '0.00', balance: '110.00' });
  });

  it('the QBO deposit applied to an invoice later moves the credit onto the invoice in the FSM', async () => {
    const deposit = (await payments()).find((p) => p.amount === '250.00')!;
    const current = store().read('Payment', deposit.sync.quickBooksId!);
    store().write('Payment', 'update', { ...current, Line: [{ Amount: 110, LinkedTxn: [{ TxnId: qboInvoice.get('inv-3'), TxnType: 'Invoice' }] }] });
    expect(store().read('Payment', deposit.sync.quickBooksId!).UnappliedAmt).toBe(140);
    await pull();
    expect(await invoice('inv-3')).toMatchObject({ amountPaid: '110.00', balance: '0.00' });
    expect((await payments()).find((p) => p.externalId === deposit.externalId)).toMatchObject({ amount: '250.00', unappliedAmount: '140.00', allocations: [{ amount: '110.00', invoice: { externalId: 'inv-3' } }] });
    expect(await creditBalance()).toBe('180.00');
  });
});

/**
 * The push engine end to end: a real gateway, FerretDB and the in-process simulator over real HTTP
 * and WebSocket. Ledger records go in through the ledger slice's own service (its GraphQL mutations
 * are not wired yet); syncs are started, watched and read back through the public GraphQL API, and
 * what landed in QBO is read from the simulator's admin API.
 */
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerService } from '../../src/ledger/ledger.service.js';
import { seedAccounts } from '../accounts/seed-charts.js';
import { StartSyncDocument, SyncIssuesDocument, SyncProgressDocument, SyncRunDocument, type SyncProgressSubscription } from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql, wsClient } from '../helpers/graphql-client.js';
import { connectTenant, realmOf } from '../helpers/quickbooks.js';

let gw: TestGateway;
let key: string;
let tenantId: string;
let otherKey: string;
let ledger: LedgerService;
let realmId: string;

const accounts = seedAccounts('AU');
const acct = (name: string) => accounts.find((a) => a.name === name)!.id;

interface QboRow {
  Id: string;
  DocNumber?: string;
  TotalAmt?: number;
  Line?: { Amount?: number; DetailType: string; LinkedTxn?: { TxnId: string }[]; SalesItemLineDetail?: { ItemRef: { value: string }; ItemAccountRef?: { value: string }; TaxCodeRef?: { value: string } } }[];
  DepositToAccountRef?: { value: string };
  CustomerRef?: { value: string };
  DisplayName?: string;
  Name?: string;
  IncomeAccountRef?: { value: string };
}

async function entities(entity: string): Promise<QboRow[]> {
  const response = await fetch(`${gw.app.quickbooks.endpoints.apiBaseUrl}/_sandbox/entities/${realmId}/${entity}`);
  return ((await response.json()) as { records: QboRow[] }).records;
}

async function fault(rule: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${gw.app.quickbooks.endpoints.apiBaseUrl}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ realmId, ...rule }) });
  expect(response.status).toBeLessThan(300);
}

async function runToEnd(input: Record<string, unknown> = {}) {
  const started = await gql(gw.graphqlUrl, StartSyncDocument, { input }, key);
  expect(started.errors).toBeUndefined();
  await gw.app.services.sync.runs.idle(tenantId);
  const run = await gql(gw.graphqlUrl, SyncRunDocument, { id: started.data!.startSync.id }, key);
  return run.data!.syncRun!;
}

function invoiceInput(externalId: string, number: string, extra: Record<string, unknown> = {}) {
  return {
    externalId,
    customerExternalId: 'c-1',
    number,
    date: '2026-03-02',
    currency: 'AUD',
    lines: [
      { lineId: 'l1', kind: 'LABOUR' as const, description: 'Labour', quantity: '2', unitPrice: '50.00', amount: '100.00', taxCode: 'GST', teamExternalId: 'team-1' },
      { lineId: 'l2', kind: 'SUPPLIES' as const, description: 'Pipe', quantity: '1', unitPrice: '50.00', amount: '50.00', taxCode: 'GST', supplyExternalId: 'sup-1' },
    ],
    subtotal: '150.00',
    totalTax: '15.00',
    total: '165.00',
    jobNumber: `J-${number}`,
    ...extra,
  };
}

beforeAll(async () => {
  gw = await startTestGateway('sync-push', { FIELDBOOKS_SYNC_WORKER: 'false' });
  const created = await gw.app.services.tenants.createTenant('Push Co');
  key = created.apiKey;
  tenantId = created.tenant.id;
  otherKey = (await gw.app.services.tenants.createTenant('Other Co')).apiKey;
  await connectTenant(gw, key, 'AU');
  realmId = realmOf(gw, 'AU').realmId;
  ledger = new LedgerService(gw.app.services.repositories.ledgerRecords, gw.app.services.ledger, gw.app.services.repositories.newLeaseStore);
  await ledger.ensureIndexes();
  gw.app.services.sync.useLedger(ledger);
  const services = gw.app.services;
  await services.settings.update(
    tenantId,
    {
      defaultLabourIncomeAccountId: acct('Labour Income'),
      defaultSuppliesIncomeAccountId: acct('Materials Income'),
      paymentsAccountId: acct('Business Cheque Account'),
      creditCardPaymentsAccountId: acct('Card Clearing'),
      defaultRoundingAccountId: acct('Rounding'),
      retentionIncomeAccountId: acct('Retention Income'),
      accountingStartDate: '2026-01-01',
      teamTrackingCategory: 'CLASS' as never,
    },
    { apiKeyPrefix: 'test' },
  );
  await services.ledger.upsertTeam(tenantId, { externalId: 'team-1', name: 'Plumbing' });
  const supply = await services.ledger.upsertSupply(tenantId, { externalId: 'sup-1', name: 'Copper pipe', code: 'CP15' });
  await services.ledger.setSupplyIncomeAccount(tenantId, supply.id, acct('Labour Income - Commercial'));
  await services.ledger.upsertPaymentMethod(tenantId, { externalId: 'pm-cash', name: 'Cash', isCard: false });
  const card = await services.ledger.upsertPaymentMethod(tenantId, { externalId: 'pm-card', name: 'Visa', isCard: true });
  await services.ledger.setPaymentMethodSurchargeAccount(tenantId, card.id, acct('Card Surcharge Income'));
  await ledger.upsertCustomer(tenantId, { externalId: 'c-1', displayName: 'Harbour Dental Group', email: 'accounts@harbourdental.example' });
});

afterAll(async () => {
  await gw?.close();
});

describe('push', () => {
  it('dryRun returns the exact payloads and sends nothing', async () => {
    await ledger.upsertInvoice(tenantId, invoiceInput('inv-1', '1001'));
    const before = (await entities('Invoice')).length;
    const run = await runToEnd({ dryRun: true });
    expect(run.status).toBe('SUCCEEDED');
    const invoice = run.dryRunPayloads.find((p) => p.entity === 'Invoice') as { payload: Record<string, unknown> };
    expect(invoice.payload).toMatchObject({ DocNumber: '1001', GlobalTaxCalculation: 'TaxExcluded', CustomerMemo: { value: 'Job number: J-1001' } });
    const lines = invoice.payload.Line as { SalesItemLineDetail: { TaxCodeRef: { value: string }; ClassRef?: { name: string } } }[];
    expect(lines.map((l) => l.SalesItemLineDetail.TaxCodeRef.value)).toEqual(['3', '3']);
    expect(lines[0]!.SalesItemLineDetail.ClassRef?.name).toBe('Plumbing');
    expect(await entities('Invoice')).toHaveLength(before);
  });

  it('pushes customer, invoice and payments with the expected accounts, items, tax and totals', async () => {
    await ledger.recordPayment(tenantId, { externalId: 'p-1', customerExternalId: 'c-1', date: '2026-03-05', currency: 'AUD', amount: '100.00', paymentMethodExternalId: 'pm-cash', allocations: [{ invoiceExternalId: 'inv-1', amount: '100.00' }] });
    await ledger.recordPayment(tenantId, { externalId: 'p-2', customerExternalId: 'c-1', date: '2026-03-06', currency: 'AUD', amount: '65.00', surcharge: '1.30', paymentMethodExternalId: 'pm-card', allocations: [{ invoiceExternalId: 'inv-1', amount: '65.00' }] });
    await ledger.upsertInvoice(tenantId, invoiceInput('inv-old', '0999', { date: '2025-12-20' }));
    const run = await runToEnd();
    expect(run).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    expect(run.skipped).toBe(1);

    const customers = (await entities('Customer')).filter((c) => c.DisplayName === 'Harbour Dental Group');
    expect(customers).toHaveLength(1);
    const invoices = (await entities('Invoice')).filter((i) => i.DocNumber === '1001');
    expect(invoices).toHaveLength(1);
    expect((await entities('Invoice')).filter((i) => i.DocNumber === '0999')).toHaveLength(0);
    const invoice = invoices[0]!;
    expect(invoice.TotalAmt).toBe(165);
    expect(invoice.CustomerRef?.value).toBe(customers[0]!.Id);
    const itemLines = invoice.Line!.filter((l) => l.DetailType === 'SalesItemLineDetail');
    // Labour on the default labour account; the supply on its own override account.
    expect(itemLines.map((l) => l.SalesItemLineDetail!.ItemAccountRef?.value)).toEqual([acct('Labour Income'), acct('Labour Income - Commercial')]);
    expect(itemLines.map((l) => l.SalesItemLineDetail!.TaxCodeRef?.value)).toEqual(['3', '3']);

    const payments = (await entities('Payment')).filter((p) => p.CustomerRef?.value === customers[0]!.Id);
    expect(payments.map((p) => [p.TotalAmt, p.DepositToAccountRef?.value]).sort()).toEqual([
      [100, acct('Business Cheque Account')],
      [65, acct('Card Clearing')],
    ].sort());
    expect(payments.every((p) => p.Line![0]!.LinkedTxn![0]!.TxnId === invoice.Id)).toBe(true);
    const receipts = (await entities('SalesReceipt')).filter((r) => r.CustomerRef?.value === customers[0]!.Id);
    expect(receipts.map((r) => [r.TotalAmt, r.DepositToAccountRef?.value])).toEqual([[1.3, acct('Card Clearing')]]);

    // Nothing pending: a second sync writes nothing new.
    const again = await runToEnd();
    expect(again).toMatchObject({ status: 'SUCCEEDED', total: 0 });
  });

  it('creates each item once and reuses it', async () => {
    const items = await entities('Item');
    const names = items.map((i) => i.Name);
    expect(new Set(names).size).toBe(names.length);
    expect(items.filter((i) => i.Name === 'Labour - Labour Income')).toHaveLength(1);
  });

  it('is exactly once under injected faults: 429, 500, timeout-free drop after commit, stale SyncToken', async () => {
    await fault({ kind: 'drop-after-commit', method: 'POST', path: '/invoice', count: 1 });
    await fault({ kind: '500', method: 'POST', path: '/payment', count: 1 });
    await fault({ kind: '429', method: 'POST', path: '/customer', count: 1 });
    await ledger.upsertCustomer(tenantId, { externalId: 'c-2', displayName: 'Coogee Surf Club' });
    await ledger.upsertInvoice(tenantId, { ...invoiceInput('inv-2', '1002'), customerExternalId: 'c-2' });
    await ledger.recordPayment(tenantId, { externalId: 'p-3', customerExternalId: 'c-2', date: '2026-03-07', currency: 'AUD', amount: '165.00', paymentMethodExternalId: 'pm-cash', allocations: [{ invoiceExternalId: 'inv-2', amount: '165.00' }] });
    const run = await runToEnd();
    expect(run.status).toBe('SUCCEEDED');
    expect((await entities('Invoice')).filter((i) => i.DocNumber === '1002')).toHaveLength(1);
    expect((await entities('Customer')).filter((c) => c.DisplayName === 'Coogee Surf Club')).toHaveLength(1);
    expect((await entities('Payment')).filter((p) => p.TotalAmt === 165)).toHaveLength(1);

    // A changed invoice is a sparse update; a stale SyncToken is re-read and retried.
    await fault({ kind: 'stale-synctoken', method: 'POST', path: '/invoice', count: 1 });
    await ledger.upsertInvoice(tenantId, { ...invoiceInput('inv-2', '1002', { jobNumber: 'J-CHANGED' }), customerExternalId: 'c-2' });
    const update = await runToEnd({ scope: ['INVOICE'] });
    expect(update.status).toBe('SUCCEEDED');
    const rows = (await entities('Invoice')).filter((i) => i.DocNumber === '1002');
    expect(rows).toHaveLength(1);
    expect((rows[0] as unknown as { CustomerMemo: { value: string } }).CustomerMemo.value).toBe('Job number: J-CHANGED');
  });

  it('reports a record it cannot push as an issue, and blocks its dependants', async () => {
    await ledger.upsertCustomer(tenantId, { externalId: 'c-3', displayName: 'Bad Tax Pty Ltd' });
    await ledger.upsertInvoice(tenantId, { ...invoiceInput('inv-3', '1003'), customerExternalId: 'c-3', lines: [{ lineId: 'l1', kind: 'LABOUR', description: 'x', quantity: '1', unitPrice: '10.00', amount: '10.00', taxCode: 'NOPE' }], subtotal: '10.00', totalTax: '0.00', total: '10.00' });
    await ledger.recordPayment(tenantId, { externalId: 'p-4', customerExternalId: 'c-3', date: '2026-03-07', currency: 'AUD', amount: '10.00', paymentMethodExternalId: 'pm-cash', allocations: [{ invoiceExternalId: 'inv-3', amount: '10.00' }] });
    const run = await runToEnd();
    expect(run.status).toBe('PARTIALLY_FAILED');
    expect(run).toMatchObject({ failed: 1, blocked: 1 });
    const issues = (await gql(gw.graphqlUrl, SyncIssuesDocument, { status: 'OPEN' }, key)).data!.syncIssues.edges.map((e) => e.node);
    expect(issues.find((i) => i.kind === 'INVOICE')).toMatchObject({ code: 'TAX_CODE_NOT_FOUND', retryable: false });
    expect(issues.find((i) => i.kind === 'PAYMENT')).toMatchObject({ code: 'DEPENDENCY_FAILED', blockedByKind: 'INVOICE' });
    expect((await gql(gw.graphqlUrl, SyncIssuesDocument, { status: 'OPEN' }, otherKey)).data!.syncIssues.totalCount).toBe(0);
  });

  it('streams progress to the tenant\'s subscribers up to the final status, and to nobody else', async () => {
    const mine = wsClient(gw.wsUrl, key);
    const other = wsClient(gw.wsUrl, otherKey);
    const received: SyncProgressSubscription['syncProgress'][] = [];
    const foreign: unknown[] = [];
    const done = new Promise<void>((resolve, reject) => {
      mine.subscribe<SyncProgressSubscription>({ query: print(SyncProgressDocument), variables: {} }, {
        next: (value) => {
          const event = value.data?.syncProgress;
          if (event) received.push(event);
          if (event?.final) resolve();
        },
        error: reject,
        complete: () => resolve(),
      });
    });
    other.subscribe({ query: print(SyncProgressDocument), variables: {} }, { next: (v) => foreign.push(v), error: () => undefined, complete: () => undefined });
    await new Promise((r) => setTimeout(r, 200));
    for (let i = 0; i < 5; i++) await ledger.upsertCustomer(tenantId, { externalId: `c-p${i}`, displayName: `Progress Customer ${i}` });
    const started = await gql(gw.graphqlUrl, StartSyncDocument, { input: { scope: ['CUSTOMER'] } }, key);
    await done;
    await gw.app.services.sync.runs.idle(tenantId);
    await new Promise((r) => setTimeout(r, 300));
    await mine.dispose();
    await other.dispose();
    const last = received.at(-1)!;
    expect(last).toMatchObject({ runId: started.data!.startSync.id, status: 'SUCCEEDED', final: true, total: 5, processed: 5, succeeded: 5 });
    expect(foreign).toEqual([]);
  });
});

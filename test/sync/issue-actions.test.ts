/**
 * Sync issues a bookkeeper can act on, through the public GraphQL API against the simulator: issues
 * name their records in human terms (and the record they wait for), offer only the actions that can
 * succeed, and performSyncIssueAction does what each action says (RETRY, IGNORE, OPEN_SETTINGS, and
 * RETRY of an issue raised by a payment entered in QuickBooks). Runs report their outcome and per-kind counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccounts } from '../accounts/seed-charts.js';
import {
  PerformSyncIssueActionDocument,
  PulledPaymentsDocument,
  StartSyncDocument,
  SyncIssuesDocument,
  type SyncIssueFieldsFragment,
  SyncRunDocument,
} from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';
import { connectTenant, realmOf } from '../helpers/quickbooks.js';

let gw: TestGateway;
let key: string;
let tenantId: string;
let realmId: string;

const accounts = seedAccounts('AU');
const acct = (name: string) => accounts.find((a) => a.name === name)!.id;

async function runToEnd(input: Record<string, unknown> = {}) {
  const started = await gql(gw.graphqlUrl, StartSyncDocument, { input }, key);
  expect(started.errors).toBeUndefined();
  await gw.app.services.sync.runs.idle(tenantId);
  return (await gql(gw.graphqlUrl, SyncRunDocument, { id: started.data!.startSync.id }, key)).data!.syncRun!;
}

async function openIssues(): Promise<SyncIssueFieldsFragment[]> {
  const result = await gql(gw.graphqlUrl, SyncIssuesDocument, { status: 'OPEN', first: 100 }, key);
  expect(result.errors).toBeUndefined();
  return result.data!.syncIssues.edges.map((e) => e.node);
}

function perform(issueId: string, action: string, remoteId?: string) {
  return gql(gw.graphqlUrl, PerformSyncIssueActionDocument, { input: { issueId, action: action as never, remoteId } }, key);
}

async function entities(entity: string): Promise<{ Id: string; DocNumber?: string; TotalAmt?: number }[]> {
  const response = await fetch(`${gw.app.quickbooks.endpoints.apiBaseUrl}/_sandbox/entities/${realmId}/${entity}`);
  return ((await response.json()) as { records: { Id: string; DocNumber?: string; TotalAmt?: number }[] }).records;
}

function invoiceInput(externalId: string, number: string, taxCode = 'GST') {
  return {
    externalId,
    customerExternalId: 'c-1',
    number,
    date: '2026-03-02',
    currency: 'AUD',
    lines: [{ lineId: 'l1', kind: 'LABOUR' as const, description: 'Blocked drain', quantity: '2', unitPrice: '50.00', amount: '100.00', taxCode }],
    subtotal: '100.00',
    totalTax: '10.00',
    total: '110.00',
  };
}

beforeAll(async () => {
  gw = await startTestGateway('sync-issue-actions', { FIELDBOOKS_SYNC_WORKER: 'false', FIELDBOOKS_CDC_INTERVAL_SECONDS: '0' });
  const created = await gw.app.services.tenants.createTenant('Issue Co');
  key = created.apiKey;
  tenantId = created.tenant.id;
  await connectTenant(gw, key, 'AU');
  realmId = realmOf(gw, 'AU').realmId;
  const services = gw.app.services;
  await services.ledger.upsertPaymentMethod(tenantId, { externalId: 'pm-eft', name: 'EFT', isCard: false });
  // No "Account for Payments" yet: payments cannot go until it is chosen.
  await services.settings.update(
    tenantId,
    { defaultLabourIncomeAccountId: acct('Labour Income'), defaultSuppliesIncomeAccountId: acct('Materials Income'), defaultRoundingAccountId: acct('Rounding'), accountingStartDate: '2026-01-01' },
    { apiKeyPrefix: 'test' },
  );
  await services.ledgerRecords.upsertCustomer(tenantId, { externalId: 'c-1', displayName: 'Harbour Dental Group', email: 'accounts@harbourdental.example' });
});

afterAll(async () => {
  await gw?.close();
});

describe('sync issues a bookkeeper can act on', () => {
  it('a dry run is reported as a dry run, covering everything', async () => {
    await gw.app.services.ledgerRecords.upsertInvoice(tenantId, invoiceInput('inv-1', '1001'));
    await gw.app.services.ledgerRecords.recordPayment(tenantId, { externalId: 'p-1', customerExternalId: 'c-1', date: '2026-03-05', currency: 'AUD', amount: '110.00', paymentMethodExternalId: 'pm-eft', allocations: [{ invoiceExternalId: 'inv-1', amount: '110.00' }] });
    const before = (await entities('Invoice')).length;
    const run = await runToEnd({ dryRun: true });
    expect(run).toMatchObject({ dryRun: true, outcome: 'DRY_RUN', everything: true });
    expect(await entities('Invoice')).toHaveLength(before);
  });

  it('a missing setting: the issue names the payment, its customer, date and amount and the setting, and offers OPEN_SETTINGS, not RETRY', async () => {
    const run = await runToEnd();
    expect(run).toMatchObject({ outcome: 'PARTLY_FAILED', everything: true, succeeded: 2, failed: 1 });
    expect(run.kindCounts).toEqual([
      { kind: 'CUSTOMER', total: 1, succeeded: 1, failed: 0, blocked: 0, skipped: 0 },
      { kind: 'INVOICE', total: 1, succeeded: 1, failed: 0, blocked: 0, skipped: 0 },
      { kind: 'PAYMENT', total: 1, succeeded: 0, failed: 1, blocked: 0, skipped: 0 },
    ]);
    const [issue] = await openIssues();
    expect(issue).toMatchObject({ code: 'SETTING_MISSING', setting: 'paymentsAccountId', settingLabel: 'Account for Payments', actions: ['OPEN_SETTINGS', 'IGNORE'] });
    expect(issue!.record).toMatchObject({ kindLabel: 'Payment', name: 'Harbour Dental Group', date: '2026-03-05', amount: '110.00', label: 'Payment · Harbour Dental Group · 5 Mar 2026 · 110.00', externalId: 'p-1' });
    expect(issue!.message).toBe('The accounting setting "Account for Payments" is empty; it is needed for payments.');
    expect(issue!.fixHint).not.toMatch(/updateAccountingSettings|mutation|query/);

    // RETRY is not offered, so it is refused; OPEN_SETTINGS before the setting is chosen names it.
    const retry = await perform(issue!.id, 'RETRY');
    expect(retry.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const early = await perform(issue!.id, 'OPEN_SETTINGS');
    expect(early.errors?.[0]?.message).toBe('"Account for Payments" is still empty: choose it in Accounting settings first.');
    expect((await entities('Payment')).filter((p) => p.TotalAmt === 110)).toHaveLength(0);

    await gw.app.services.settings.update(tenantId, { paymentsAccountId: acct('Business Cheque Account') }, { apiKeyPrefix: 'test' });
    const done = await perform(issue!.id, 'OPEN_SETTINGS');
    expect(done.errors).toBeUndefined();
    await gw.app.services.sync.runs.idle(tenantId);
    expect((await entities('Payment')).filter((p) => p.TotalAmt === 110)).toHaveLength(1);
    expect(await openIssues()).toEqual([]);
  });

  it('a run where every record fails is FAILED; the blocked record names what it waits for and offers no RETRY until that is fixed; IGNORE leaves a record out', async () => {
    await gw.app.services.ledgerRecords.upsertInvoice(tenantId, invoiceInput('inv-2', '1002', 'NOPE'));
    await gw.app.services.ledgerRecords.recordPayment(tenantId, { externalId: 'p-2', customerExternalId: 'c-1', date: '2026-03-06', currency: 'AUD', amount: '50.00', paymentMethodExternalId: 'pm-eft', allocations: [{ invoiceExternalId: 'inv-2', amount: '50.00' }] });
    const run = await runToEnd();
    expect(run).toMatchObject({ status: 'FAILED', outcome: 'FAILED', succeeded: 0, failed: 1, blocked: 1 });
    const issues = await openIssues();
    const invoice = issues.find((i) => i.kind === 'INVOICE')!;
    const payment = issues.find((i) => i.kind === 'PAYMENT')!;
    expect(invoice).toMatchObject({ code: 'TAX_CODE_NOT_FOUND', actions: ['RETRY', 'IGNORE'] });
    expect(invoice.message).toBe('The line "Blocked drain" uses the tax code "NOPE", which your QuickBooks company does not have.');
    expect(invoice.record).toMatchObject({ kindLabel: 'Invoice', number: '1002', name: 'Harbour Dental Group', amount: '110.00', label: 'Invoice 1002 · Harbour Dental Group · 2 Mar 2026 · 110.00' });
    expect(payment).toMatchObject({ code: 'DEPENDENCY_FAILED', actions: ['IGNORE'] });
    expect(payment.blockedBy).toMatchObject({ kindLabel: 'Invoice', number: '1002', name: 'Harbour Dental Group', label: 'Invoice 1002 · Harbour Dental Group · 2 Mar 2026 · 110.00' });
    expect(payment.message).toBe('Waiting for invoice 1002, which could not be sent to QuickBooks: The line "Blocked drain" uses the tax code "NOPE", which your QuickBooks company does not have.');
    expect(payment.message).not.toContain('..');
    const refused = await perform(payment.id, 'RETRY');
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toContain('waiting');

    // IGNORE: closed, and the next sync leaves the payment alone (nothing pending).
    const ignored = await perform(payment.id, 'IGNORE');
    expect(ignored.errors).toBeUndefined();
    expect(ignored.data!.performSyncIssueAction).toMatchObject({ status: 'IGNORED', actions: [] });
    const again = await perform(payment.id, 'IGNORE');
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const next = await runToEnd({ scope: ['PAYMENT'] });
    expect(next.kindCounts.find((k) => k.kind === 'PAYMENT')).toBeUndefined();
    expect((await openIssues()).map((i) => i.kind)).toEqual(['INVOICE']);
  });

  it('RETRY of an issue raised by a payment entered in QuickBooks records it in the FSM once its setting is chosen', async () => {
    await gw.app.services.ledgerRecords.upsertInvoice(tenantId, invoiceInput('inv-3', '1003'));
    expect(await runToEnd({ scope: ['INVOICE'] })).toMatchObject({ outcome: 'PARTLY_FAILED', succeeded: 1 });
    const qboInvoiceId = (await entities('Invoice')).find((i) => i.DocNumber === '1003')!.Id;
    const acted = await fetch(`${gw.app.quickbooks.endpoints.apiBaseUrl}/_sandbox/act/${realmId}/record-payment`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ invoiceId: qboInvoiceId, amount: 40 }) });
    expect(acted.status).toBeLessThan(300);
    const qboPaymentId = ((await acted.json()) as { Payment: { Id: string } }).Payment.Id;
    const pulled = await gql(gw.graphqlUrl, StartSyncDocument, { input: { direction: 'PULL' as never } }, key);
    expect(pulled.errors).toBeUndefined();
    await gw.app.services.pull.idle();

    const issue = (await openIssues()).find((i) => i.recordId === `qbo:Payment:${qboPaymentId}`)!;
    expect(issue).toMatchObject({ code: 'INBOUND_PAYMENT_REJECTED', actions: ['RETRY', 'OPEN_SETTINGS', 'IGNORE'], settingLabel: 'Payment Method from Accounts' });
    expect(issue.record).toMatchObject({ kindLabel: 'Payment', quickBooksId: qboPaymentId, recordId: null });
    expect(issue.message).toMatch(/^The payment of 40\.00 from Harbour Dental Group received in QuickBooks on \d+ \w+ \d{4} cannot be recorded/);
    const early = await perform(issue.id, 'RETRY');
    expect(early.errors?.[0]?.message).toContain('The payment still cannot be recorded');

    await gw.app.services.settings.update(tenantId, { paymentMethodFromAccounts: 'pm-eft' }, { apiKeyPrefix: 'test' });
    const retried = await perform(issue.id, 'RETRY');
    expect(retried.errors).toBeUndefined();
    expect(retried.data!.performSyncIssueAction).toMatchObject({ status: 'RESOLVED', actions: [] });
    const payments = (await gql(gw.graphqlUrl, PulledPaymentsDocument, { first: 100 }, key)).data!.payments.edges.map((e) => e.node);
    expect(payments.filter((p) => p.externalId === `qbo-payment-${qboPaymentId}`).map((p) => p.amount)).toEqual(['40.00']);
  });
});

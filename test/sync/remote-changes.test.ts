/**
 * Never a duplicate when QuickBooks users change records under the sync (issue #12, items 1 and 4): a
 * customer made inactive, an account setting made inactive, an invoice deleted or voided in QuickBooks.
 * A real gateway, FerretDB and the in-process simulator over HTTP; the FSM writes, syncs, retries and
 * reads go through the public GraphQL API; QBO users act through the simulator's admin API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateCustomerFromQuickBooksDocument,
  LinkQuickBooksInvoiceDocument,
  QuickBooksChangesFeedDocument,
  type QuickBooksChangesFeedSubscription,
  QuickBooksCreatedRecordsDocument,
  OpenSyncIssuesDocument,
  PerformSyncIssueActionDocument,
  RecordPaymentDocument,
  RefreshChartOfAccountsDocument,
  RemoteChangeInvoiceDocument,
  RemoteChangePaymentDocument,
  RetrySyncIssueDocument,
  SettingsAccountProblemsDocument,
  StartSyncDocument,
  SyncRunDocument,
  UpdateAccountingSettingsDocument,
  UpsertCustomerDocument,
  UpsertInvoiceDocument,
  UpsertPaymentMethodDocument,
} from '../generated/graphql.js';
import { accountIdByName, chooseAustralianAccounts } from '../helpers/accounting-setup.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { collect, gql, wsClient } from '../helpers/graphql-client.js';
import { connectTenant, realmOf } from '../helpers/quickbooks.js';

let gw: TestGateway;
let key: string;
let tenantId: string;
let realmId: string;
let labour: string;

interface QboRow {
  Id: string;
  DocNumber?: string;
  TotalAmt?: number;
  Active?: boolean;
  CustomerRef?: { value: string };
  IncomeAccountRef?: { value: string };
}

const admin = (path: string) => `${gw.app.quickbooks.endpoints.apiBaseUrl}/_sandbox${path}`;

async function entities(entity: string): Promise<QboRow[]> {
  return ((await (await fetch(admin(`/entities/${realmId}/${entity}`))).json()) as { records: QboRow[] }).records;
}

async function act(action: string, body: Record<string, unknown>): Promise<Record<string, QboRow>> {
  const response = await fetch(admin(`/act/${realmId}/${action}`), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Record<string, QboRow>;
}

/** Data-API calls QBO received after request number `since`, e.g. to prove a push was held before any call. */
async function requestsSince(since: number): Promise<{ method: string; path: string }[]> {
  return ((await (await fetch(admin(`/requests?realmId=${realmId}&since=${since}`))).json()) as { requests: { method: string; path: string }[] }).requests;
}

/** The request log's latest sequence number. */
async function clockNow(): Promise<number> {
  const { requests } = (await (await fetch(admin('/requests?limit=1'))).json()) as { requests: { seq: number }[] };
  return requests.at(-1)?.seq ?? 0;
}

async function ok<T>(result: Promise<{ data?: T | null; errors?: readonly unknown[] }>): Promise<T> {
  const r = await result;
  expect(r.errors).toBeUndefined();
  return r.data!;
}

async function push() {
  const started = await ok(gql(gw.graphqlUrl, StartSyncDocument, { input: {} }, key));
  await gw.app.services.sync.runs.idle(tenantId);
  return (await ok(gql(gw.graphqlUrl, SyncRunDocument, { id: started.startSync.id }, key))).syncRun!;
}

async function invoice(externalId: string) {
  return (await ok(gql(gw.graphqlUrl, RemoteChangeInvoiceDocument, { externalId }, key))).invoice!;
}

async function openIssue(recordId: string) {
  const issues = (await ok(gql(gw.graphqlUrl, OpenSyncIssuesDocument, {}, key))).syncIssues.edges.map((e) => e.node);
  return issues.find((i) => i.recordId === recordId);
}

/** The stored issue, with its actions, setting and candidates. */
async function storedIssue(recordId: string) {
  const issue = await openIssue(recordId);
  expect(issue, `no open issue for ${recordId}`).toBeDefined();
  return gw.app.services.sync.issues.get(tenantId, issue!.id);
}

async function retry(issueId: string) {
  await ok(gql(gw.graphqlUrl, RetrySyncIssueDocument, { id: issueId }, key));
  await gw.app.services.sync.runs.idle(tenantId);
}

async function perform(kind: 'RECREATE' | 'VOID_IN_FSM', recordId: string) {
  const issue = await storedIssue(recordId);
  expect(issue.actions).toContain(kind);
  await ok(gql(gw.graphqlUrl, PerformSyncIssueActionDocument, { input: { issueId: issue.id, action: kind } }, key));
  await gw.app.services.sync.runs.idle(tenantId);
}

function invoiceInput(externalId: string, number: string, customerExternalId: string, unitPrice = '50.00') {
  const amount = (Number(unitPrice) * 2).toFixed(2);
  const tax = (Number(amount) / 10).toFixed(2);
  return {
    externalId,
    customerExternalId,
    number,
    date: '2026-03-02',
    currency: 'AUD',
    lines: [{ lineId: 'l1', kind: 'LABOUR' as const, description: 'Labour', quantity: '2', unitPrice, amount, taxCode: 'GST' }],
    subtotal: amount,
    totalTax: tax,
    total: (Number(amount) + Number(tax)).toFixed(2),
  };
}

async function upsertInvoice(input: ReturnType<typeof invoiceInput>) {
  await ok(gql(gw.graphqlUrl, UpsertInvoiceDocument, { input }, key));
}

async function customerQboId(externalId: string): Promise<string> {
  const record = await gw.app.services.ledgerRecords.findByExternalId('customer', tenantId, externalId);
  return (await gw.app.services.sync.push.mappingOf(tenantId, 'customer', record!.id))!.qboId!;
}

beforeAll(async () => {
  gw = await startTestGateway('remote-changes', { FIELDBOOKS_SYNC_WORKER: 'false', FIELDBOOKS_CDC_INTERVAL_SECONDS: '0' });
  const created = await gw.app.services.tenants.createTenant('Kiama Plumbing');
  key = created.apiKey;
  tenantId = created.tenant.id;
  await connectTenant(gw, key, 'AU');
  realmId = realmOf(gw, 'AU').realmId;
  await chooseAustralianAccounts(gw.graphqlUrl, key, { teamTrackingCategory: 'NONE' });
  labour = await accountIdByName(gw.graphqlUrl, key, 'Labour Income');
  await ok(gql(gw.graphqlUrl, UpsertPaymentMethodDocument, { input: { externalId: 'pm-eft', name: 'EFT', isCard: false } }, key));
  for (const [externalId, displayName] of [['c-telstra', 'Telstra Shop Kiama'], ['c-cafe', 'Kiama Harbour Cafe']] as const) {
    await ok(gql(gw.graphqlUrl, UpsertCustomerDocument, { input: { externalId, displayName } }, key));
  }
  await upsertInvoice(invoiceInput('inv-1', '3001', 'c-telstra'));
  await ok(gql(gw.graphqlUrl, RecordPaymentDocument, { input: { externalId: 'pay-1', customerExternalId: 'c-telstra', date: '2026-03-03', currency: 'AUD', amount: '50.00', paymentMethodExternalId: 'pm-eft', allocations: [{ invoiceExternalId: 'inv-1', amount: '50.00' }] } }, key));
  for (const [externalId, number] of [['inv-del-1', '3101'], ['inv-del-2', '3102'], ['inv-del-3', '3103'], ['inv-void', '3104']] as const) await upsertInvoice(invoiceInput(externalId, number, 'c-cafe'));
  const run = await push();
  expect(run).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
});

afterAll(async () => {
  await gw?.close();
});

describe('a customer made inactive in QuickBooks (fault 610 "made inactive")', () => {
  it('an FSM invoice edit is an issue naming the customer; after reactivation the retry updates the SAME QuickBooks invoice', async () => {
    const before = await invoice('inv-1');
    const qboId = before.sync.quickBooksId!;
    await act('set-active', { entity: 'Customer', id: await customerQboId('c-telstra'), active: false });

    await upsertInvoice(invoiceInput('inv-1', '3001', 'c-telstra', '75.00')); // 165.00
    const run = await push();
    expect(run.failed).toBe(1);
    const held = await invoice('inv-1');
    expect(held.sync).toMatchObject({ state: 'FAILED', quickBooksId: qboId, issueCode: 'REFERENCE_INACTIVE' });
    const issue = (await openIssue(held.id))!;
    expect(issue).toMatchObject({ code: 'REFERENCE_INACTIVE', retryable: true });
    expect(issue.message).toContain('customer "Telstra Shop Kiama"');
    expect(issue.message).toContain('made inactive in QuickBooks');
    expect(issue.message).toContain('invoice 3001');
    expect(issue.fixHint).toContain('Reactivate "Telstra Shop Kiama" in QuickBooks');

    await act('set-active', { entity: 'Customer', id: await customerQboId('c-telstra'), active: true });
    await retry(issue.id);
    const after = await invoice('inv-1');
    expect(after.sync).toMatchObject({ state: 'SYNCED', quickBooksId: qboId, issueCode: null });
    const inQbo = (await entities('Invoice')).filter((i) => i.DocNumber === '3001');
    expect(inQbo).toHaveLength(1);
    expect(inQbo[0]).toMatchObject({ Id: qboId, TotalAmt: 165 });
    expect(await openIssue(held.id)).toBeUndefined();
  });

  it('an FSM payment edit likewise: held while inactive, then the SAME QuickBooks payment is updated', async () => {
    const payment = async () => (await ok(gql(gw.graphqlUrl, RemoteChangePaymentDocument, { externalId: 'pay-1' }, key))).payment!;
    const qboId = (await payment()).sync.quickBooksId!;
    const paymentsBefore = (await entities('Payment')).length;
    await act('set-active', { entity: 'Customer', id: await customerQboId('c-telstra'), active: false });
    await ok(gql(gw.graphqlUrl, RecordPaymentDocument, { input: { externalId: 'pay-1', customerExternalId: 'c-telstra', date: '2026-03-03', currency: 'AUD', amount: '60.00', paymentMethodExternalId: 'pm-eft', allocations: [{ invoiceExternalId: 'inv-1', amount: '60.00' }] } }, key));
    expect((await push()).failed).toBe(1);
    const held = await payment();
    expect(held.sync).toMatchObject({ state: 'FAILED', quickBooksId: qboId, issueCode: 'REFERENCE_INACTIVE' });
    const issue = (await openIssue(held.id))!;
    expect(issue.message).toContain('payment of 60.00');

    await act('set-active', { entity: 'Customer', id: await customerQboId('c-telstra'), active: true });
    await retry(issue.id);
    expect((await payment()).sync).toMatchObject({ state: 'SYNCED', quickBooksId: qboId });
    const payments = await entities('Payment');
    expect(payments).toHaveLength(paymentsBefore);
    expect(payments.find((p) => p.Id === qboId)).toMatchObject({ TotalAmt: 60 });
  });
});

describe('an account setting made inactive in QuickBooks', () => {
  it('the setting reports it, and an invoice that needs it is held before any QuickBooks call with an issue naming the setting', async () => {
    await act('set-active', { entity: 'Account', id: labour, active: false });
    await ok(gql(gw.graphqlUrl, RefreshChartOfAccountsDocument, { first: 1 }, key));
    const settings = (await ok(gql(gw.graphqlUrl, SettingsAccountProblemsDocument, {}, key))).accountingSettings;
    expect(settings.accountProblems).toEqual([
      expect.objectContaining({ setting: 'defaultLabourIncomeAccount', settingLabel: 'Default Labour Income Account', accountId: labour, accountName: 'Labour Income', problem: 'INACTIVE' }),
    ]);

    await upsertInvoice(invoiceInput('inv-2', '3002', 'c-telstra'));
    const since = await clockNow();
    const run = await push();
    expect(run.failed).toBe(1);
    // Held before any QuickBooks call: nothing at all was sent for it.
    expect(await requestsSince(since)).toEqual([]);
    const held = await invoice('inv-2');
    expect(held.sync).toMatchObject({ state: 'FAILED', quickBooksId: null, issueCode: 'SETTING_ACCOUNT_UNUSABLE' });
    const issue = await storedIssue(held.id);
    expect(issue.message).toContain('Default Labour Income Account');
    expect(issue.message).toContain('invoice 3002');
    expect(issue).toMatchObject({ setting: 'defaultLabourIncomeAccount', actions: ['OPEN_SETTINGS'], retryable: true });

    await act('set-active', { entity: 'Account', id: labour, active: true });
    await ok(gql(gw.graphqlUrl, RefreshChartOfAccountsDocument, { first: 1 }, key));
    expect((await ok(gql(gw.graphqlUrl, SettingsAccountProblemsDocument, {}, key))).accountingSettings.accountProblems).toEqual([]);
    await retry(issue.id);
    expect((await invoice('inv-2')).sync).toMatchObject({ state: 'SYNCED' });
    expect((await entities('Invoice')).filter((i) => i.DocNumber === '3002')).toHaveLength(1);
  });

  it('made inactive after the chart was read: the 610 is traced to the item\'s account and the setting, never taken for a deletion', async () => {
    const before = await invoice('inv-1');
    await act('set-active', { entity: 'Account', id: labour, active: false }); // the cached chart still says active
    await upsertInvoice(invoiceInput('inv-1', '3001', 'c-telstra', '80.00'));
    expect((await push()).failed).toBe(1);
    const held = await invoice('inv-1');
    expect(held.sync).toMatchObject({ state: 'FAILED', quickBooksId: before.sync.quickBooksId, issueCode: 'REFERENCE_INACTIVE' });
    const issue = await storedIssue(held.id);
    expect(issue.message).toContain('account "Labour Income"');
    expect(issue.message).toContain('Default Labour Income Account');
    expect(issue).toMatchObject({ setting: 'defaultLabourIncomeAccount', actions: ['OPEN_SETTINGS'] });
    await act('set-active', { entity: 'Account', id: labour, active: true });
    await retry(issue.id);
    expect((await invoice('inv-1')).sync).toMatchObject({ state: 'SYNCED', quickBooksId: before.sync.quickBooksId });
    expect((await entities('Invoice')).filter((i) => i.DocNumber === '3001')).toEqual([expect.objectContaining({ Id: before.sync.quickBooksId, TotalAmt: 176 })]);
  });

  it('turning Relax Account Selection Restrictions off re-checks the saved accounts: a wrong type is reported', async () => {
    const bank = await accountIdByName(gw.graphqlUrl, key, 'Business Cheque Account');
    const rounding = await accountIdByName(gw.graphqlUrl, key, 'Rounding');
    await ok(gql(gw.graphqlUrl, UpdateAccountingSettingsDocument, { input: { relaxAccountSelectionRestrictions: true, defaultRoundingAccountId: bank } }, key));
    expect((await ok(gql(gw.graphqlUrl, SettingsAccountProblemsDocument, {}, key))).accountingSettings.accountProblems).toEqual([]);
    await ok(gql(gw.graphqlUrl, UpdateAccountingSettingsDocument, { input: { relaxAccountSelectionRestrictions: false } }, key));
    const problems = (await ok(gql(gw.graphqlUrl, SettingsAccountProblemsDocument, {}, key))).accountingSettings.accountProblems;
    expect(problems).toEqual([expect.objectContaining({ setting: 'defaultRoundingAccount', accountName: 'Business Cheque Account', problem: 'WRONG_TYPE' })]);
    await ok(gql(gw.graphqlUrl, UpdateAccountingSettingsDocument, { input: { defaultRoundingAccountId: rounding } }, key));
  });
});

describe('an invoice deleted in QuickBooks', () => {
  it('is not recreated by an FSM edit: the 610 is read as a deletion, the invoice is held with RECREATE / VOID_IN_FSM', async () => {
    const qboId = (await invoice('inv-del-1')).sync.quickBooksId!;
    await act('delete', { entity: 'Invoice', id: qboId });
    await upsertInvoice(invoiceInput('inv-del-1', '3101', 'c-cafe', '60.00'));
    expect((await push()).failed).toBe(1);
    expect((await entities('Invoice')).filter((i) => i.DocNumber === '3101')).toEqual([]);
    const held = await invoice('inv-del-1');
    expect(held.sync).toMatchObject({ state: 'FAILED', issueCode: 'REMOTE_DELETED' });
    const issue = await storedIssue(held.id);
    expect(issue.message).toContain('was deleted in QuickBooks');
    expect(issue.actions).toEqual(['RECREATE', 'VOID_IN_FSM']);
    // A plain retry does not recreate it either.
    await retry(issue.id);
    expect((await entities('Invoice')).filter((i) => i.DocNumber === '3101')).toEqual([]);

    await perform('RECREATE', held.id);
    const recreated = await invoice('inv-del-1');
    expect(recreated.sync.state).toBe('SYNCED');
    expect(recreated.sync.quickBooksId).not.toBe(qboId);
    expect((await entities('Invoice')).filter((i) => i.DocNumber === '3101')).toEqual([expect.objectContaining({ Id: recreated.sync.quickBooksId, TotalAmt: 132 })]);
    expect(await openIssue(held.id)).toBeUndefined();
  });

  it('seen by the pull first: flagged with an issue at once, an FSM edit is held before any call, and VOID_IN_FSM voids the FSM invoice', async () => {
    const qboId = (await invoice('inv-del-2')).sync.quickBooksId!;
    await act('delete', { entity: 'Invoice', id: qboId });
    await ok(gql(gw.graphqlUrl, StartSyncDocument, { input: { direction: 'PULL' as never } }, key));
    await gw.app.services.pull.idle();
    const flagged = await invoice('inv-del-2');
    expect(flagged.quickBooksFlag).toMatchObject({ change: 'DELETED', quickBooksId: qboId });
    expect(flagged.sync).toMatchObject({ state: 'FAILED', issueCode: 'REMOTE_DELETED' });
    expect((await storedIssue(flagged.id)).actions).toEqual(['RECREATE', 'VOID_IN_FSM']);

    await upsertInvoice(invoiceInput('inv-del-2', '3102', 'c-cafe', '70.00'));
    const since = await clockNow();
    expect((await push()).failed).toBe(1);
    expect(await requestsSince(since)).toEqual([]);
    expect((await entities('Invoice')).filter((i) => i.DocNumber === '3102')).toEqual([]);

    await perform('VOID_IN_FSM', flagged.id);
    const voided = await invoice('inv-del-2');
    expect(voided.status).toBe('VOIDED');
    expect(voided.sync.state).toBe('SYNCED');
    expect((await entities('Invoice')).filter((i) => i.DocNumber === '3102')).toEqual([]);
    expect(await openIssue(flagged.id)).toBeUndefined();
  });

  it('RECREATE after the pull flagged it creates it once and clears the flag; the action refuses a second time', async () => {
    const qboId = (await invoice('inv-del-3')).sync.quickBooksId!;
    await act('delete', { entity: 'Invoice', id: qboId });
    await ok(gql(gw.graphqlUrl, StartSyncDocument, { input: { direction: 'PULL' as never } }, key));
    await gw.app.services.pull.idle();
    const flagged = await invoice('inv-del-3');
    const issue = await storedIssue(flagged.id);
    await perform('RECREATE', flagged.id);
    const after = await invoice('inv-del-3');
    expect(after.quickBooksFlag).toBeNull();
    expect(after.sync.state).toBe('SYNCED');
    expect((await entities('Invoice')).filter((i) => i.DocNumber === '3103')).toHaveLength(1);
    await expect(gw.app.services.sync.issueActions.handlerFor('RECREATE')!({ tenantId, issue })).rejects.toThrow(/not deleted in QuickBooks/);
    expect((await entities('Invoice')).filter((i) => i.DocNumber === '3103')).toHaveLength(1);
  });
});

describe('an invoice voided in QuickBooks', () => {
  it('is flagged with an issue offering VOID_IN_FSM; an FSM edit is not pushed over the void', async () => {
    const qboId = (await invoice('inv-void')).sync.quickBooksId!;
    await act('void-invoice', { invoiceId: qboId });
    await ok(gql(gw.graphqlUrl, StartSyncDocument, { input: { direction: 'PULL' as never } }, key));
    await gw.app.services.pull.idle();
    const flagged = await invoice('inv-void');
    expect(flagged.quickBooksFlag).toMatchObject({ change: 'VOIDED' });
    expect((await storedIssue(flagged.id)).actions).toEqual(['VOID_IN_FSM']);
    await upsertInvoice(invoiceInput('inv-void', '3104', 'c-cafe', '90.00'));
    expect((await push()).failed).toBe(1);
    expect((await entities('Invoice')).find((i) => i.Id === qboId)).toMatchObject({ TotalAmt: 0 });
    await perform('VOID_IN_FSM', flagged.id);
    expect(await invoice('inv-void')).toMatchObject({ status: 'VOIDED', sync: { state: 'SYNCED' } });
  });
});

describe('customers and invoices created in QuickBooks after the import', () => {
  it('are listed (query and subscription event), never the gateway\'s own; a customer is imported and an invoice linked, and the FSM edit then updates that QuickBooks invoice', async () => {
    const pull = async () => {
      await ok(gql(gw.graphqlUrl, StartSyncDocument, { input: { direction: 'PULL' as never } }, key));
      await gw.app.services.pull.idle();
    };
    const listed = async () => (await ok(gql(gw.graphqlUrl, QuickBooksCreatedRecordsDocument, {}, key))).quickBooksCreatedRecords.edges.map((e) => e.node);
    await pull();
    expect(await listed()).toEqual([]); // everything the gateway pushed is its own

    // Records the company already held when it was connected are not "entered after the import", even when a
    // QuickBooks user edits them afterwards (the edit brings them to the pull; their CreateTime says how old they are).
    const seedInvoice = (await entities('Invoice')).find((i) => i.DocNumber === 'INV-1001')!;
    await act('edit-invoice', { invoiceId: seedInvoice.Id, changes: { PrivateNote: 'Checked by the bookkeeper' } });
    const seedCustomer = (await entities('Customer')).find((c) => !['Telstra Shop Kiama', 'Kiama Harbour Cafe'].includes((c as { DisplayName?: string }).DisplayName ?? ''))!;
    await act('rename-customer', { customerId: seedCustomer.Id, displayName: 'Renamed Before Listing Pty Ltd' });
    await pull();
    expect(await listed()).toEqual([]);

    const ws = wsClient(gw.wsUrl, key);
    const feed = collect<QuickBooksChangesFeedSubscription, Record<string, never>>(ws, QuickBooksChangesFeedDocument, {});
    await new Promise((r) => setTimeout(r, 200));
    const wanda = (await act('create', { entity: 'Customer', body: { DisplayName: 'Walk-in Wanda', PrimaryEmailAddr: { Address: 'wanda@example.com' } } })).Customer!;
    const labourItem = (await entities('Item')).find((i) => (i as { Name?: string }).Name === 'Labour')!.Id;
    const gst = (await entities('TaxCode')).find((t) => (t as { Name?: string }).Name === 'GST')!.Id;
    const qboInvoice = (await act('create', {
      entity: 'Invoice',
      body: { CustomerRef: { value: await customerQboId('c-cafe') }, DocNumber: 'Q-77', TxnDate: '2026-03-05', GlobalTaxCalculation: 'TaxExcluded', Line: [{ DetailType: 'SalesItemLineDetail', Amount: 100, SalesItemLineDetail: { ItemRef: { value: labourItem }, TaxCodeRef: { value: gst } } }] },
    })).Invoice!;
    await pull();
    const rows = await listed();
    expect(rows).toHaveLength(2);
    expect(rows).toContainEqual(expect.objectContaining({ entity: 'CUSTOMER', quickBooksId: wanda.Id, name: 'Walk-in Wanda', email: 'wanda@example.com', status: 'OPEN', recordId: null }));
    expect(rows).toContainEqual(expect.objectContaining({ entity: 'INVOICE', quickBooksId: qboInvoice.Id, name: 'Q-77', customerName: 'Kiama Harbour Cafe', amount: '110.00', date: '2026-03-05', status: 'OPEN' }));
    await new Promise((r) => setTimeout(r, 300));
    await ws.dispose();
    const events = (await feed).events.map((e) => e.data?.quickBooksChanges);
    expect(events).toContainEqual(expect.objectContaining({ kind: 'CUSTOMER_CREATED', quickBooksId: wanda.Id }));
    expect(events).toContainEqual(expect.objectContaining({ kind: 'INVOICE_CREATED', quickBooksId: qboInvoice.Id }));
    // A second pull lists nothing twice.
    await pull();
    expect(await listed()).toHaveLength(2);

    // Import the customer: the listing shows it linked to the new FSM customer.
    const imported = (await ok(gql(gw.graphqlUrl, CreateCustomerFromQuickBooksDocument, { quickBooksCustomerId: wanda.Id }, key))).createCustomerFromQuickBooks;
    expect((await listed()).find((r) => r.quickBooksId === wanda.Id)).toMatchObject({ status: 'LINKED', recordId: imported.customerId });

    // Link the invoice: a different total is refused, the same total links it.
    await upsertInvoice({ ...invoiceInput('inv-q77', 'Q-77', 'c-cafe', '40.00') });
    const fsmInvoice = await invoice('inv-q77');
    const refused = await gql(gw.graphqlUrl, LinkQuickBooksInvoiceDocument, { invoiceId: fsmInvoice.id, quickBooksInvoiceId: qboInvoice.Id }, key);
    expect(refused.errors?.[0]?.message).toContain('totals 110.00, FSM invoice Q-77 totals 88.00');
    await upsertInvoice(invoiceInput('inv-q77', 'Q-77', 'c-cafe', '50.00'));
    const linked = (await ok(gql(gw.graphqlUrl, LinkQuickBooksInvoiceDocument, { invoiceId: fsmInvoice.id, quickBooksInvoiceId: qboInvoice.Id }, key))).linkQuickBooksInvoice;
    expect(linked).toMatchObject({ status: 'LINKED', recordId: fsmInvoice.id });
    expect((await invoice('inv-q77')).sync).toMatchObject({ state: 'SYNCED', quickBooksId: qboInvoice.Id });
    await upsertInvoice(invoiceInput('inv-q77', 'Q-77', 'c-cafe', '60.00'));
    expect((await push()).failed).toBe(0);
    expect((await entities('Invoice')).filter((i) => i.DocNumber === 'Q-77')).toEqual([expect.objectContaining({ Id: qboInvoice.Id, TotalAmt: 132 })]);
  });
});

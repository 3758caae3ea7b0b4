/**
 * Issue #12 items 2, 3 and 5, and #11 item 6, through the public GraphQL API against the simulator:
 * records QuickBooks already holds are matched, never duplicated (one QBO object per FSM record per
 * realm, raced); go-live payments against pre-start invoices land applied or wait with actions; a total
 * QBO would compute differently is held before any write; mappings of an old realm are never reused.
 * QuickBooks-side records are entered through the simulator's company store, as a QBO user would.
 */
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InMemoryCompanyStore as CompanyStore } from '../../src/sandbox/company/company.store.js';
import { MappingClaimRepository } from '../../src/persistence/sync/mapping-claim.repository.js';
import { asTenantId } from '../../src/persistence/tenant-id.js';
import {
  CustomerDocument,
  InvoiceDocument,
  PerformSyncIssueActionDocument,
  RecordPaymentDocument,
  StartSyncDocument,
  SyncIssuesDocument,
  SyncRunDocument,
  UpdateAccountingSettingsDocument,
  UpsertCustomerDocument,
  UpsertInvoiceDocument,
  UpsertPaymentMethodDocument,
  type UpsertInvoiceInput,
} from '../generated/graphql.js';
import { chooseAustralianAccounts } from '../helpers/accounting-setup.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';
import { connectThroughBrowser, connectTenant, realmOf, simulatorOf } from '../helpers/quickbooks.js';

let gw: TestGateway;
let key: string;
let tenantId: string;
let realmId: string;
let store: CompanyStore;

interface QboRow {
  Id: string;
  DocNumber?: string;
  DisplayName?: string;
  TotalAmt?: number;
  Balance?: number;
  CustomerRef?: { value: string };
  PrimaryEmailAddr?: { Address: string };
  Line?: { DetailType: string; Amount?: number; LinkedTxn?: { TxnId: string; TxnType: string }[] }[];
}

const rows = (entity: string, realm = realmId): QboRow[] => simulatorOf(gw).companies.get(realm)!.list(entity as never) as unknown as QboRow[];

function qboId(entity: string, name: string): string {
  const row = (store.list(entity as never) as unknown as { Id: string; Name?: string }[]).find((r) => r.Name === name);
  if (!row) throw new Error(`no ${entity} ${name}`);
  return row.Id;
}

/** A customer and an invoice entered in QuickBooks by a QBO user (labour with GST, tax exclusive). */
function qboCustomer(displayName: string, email?: string): QboRow {
  return store.write('Customer', 'create', { DisplayName: displayName, ...(email ? { PrimaryEmailAddr: { Address: email } } : {}) }) as unknown as QboRow;
}

function qboInvoice(customerId: string, docNumber: string, date: string, net: number): QboRow {
  return store.write('Invoice', 'create', {
    CustomerRef: { value: customerId },
    DocNumber: docNumber,
    TxnDate: date,
    GlobalTaxCalculation: 'TaxExcluded',
    Line: [{ DetailType: 'SalesItemLineDetail', Amount: net, SalesItemLineDetail: { ItemRef: { value: qboId('Item', 'Labour') }, TaxCodeRef: { value: qboId('TaxCode', 'GST') } } }],
  }) as unknown as QboRow;
}

function invoice(externalId: string, customerExternalId: string, number: string, date: string, net: string, extra: Partial<UpsertInvoiceInput> = {}): UpsertInvoiceInput {
  const tax = (Number(net) / 10).toFixed(2);
  return {
    externalId,
    customerExternalId,
    number,
    date,
    currency: 'AUD',
    lines: [{ lineId: 'l1', kind: 'LABOUR', description: 'Service call', quantity: '1', unitPrice: net, amount: net, taxCode: 'GST' }],
    subtotal: net,
    totalTax: tax,
    total: (Number(net) + Number(tax)).toFixed(2),
    ...extra,
  };
}

async function ok<T extends { errors?: unknown }>(result: Promise<T>): Promise<T> {
  const r = await result;
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r;
}

async function sync(input: Record<string, unknown> = {}) {
  const started = await ok(gql(gw.graphqlUrl, StartSyncDocument, { input }, key));
  await gw.app.services.sync.runs.idle(tenantId);
  return (await gql(gw.graphqlUrl, SyncRunDocument, { id: started.data!.startSync.id }, key)).data!.syncRun!;
}

async function openIssues() {
  const result = await ok(gql(gw.graphqlUrl, SyncIssuesDocument, { status: 'OPEN', first: 100 }, key));
  return result.data!.syncIssues.edges.map((e) => e.node);
}

async function fsmInvoice(externalId: string) {
  return (await ok(gql(gw.graphqlUrl, InvoiceDocument, { externalId }, key))).data!.invoice!;
}

/** An issue's action, performed through the API (performSyncIssueAction); then the run it starts is waited for. */
async function act(action: 'LINK' | 'PUSH', issueId: string, remoteId?: string) {
  const result = await ok(gql(gw.graphqlUrl, PerformSyncIssueActionDocument, { input: { issueId, action, ...(remoteId ? { remoteId } : {}) } }, key));
  await gw.app.services.sync.runs.idle(tenantId);
  return result.data!.performSyncIssueAction;
}

beforeAll(async () => {
  gw = await startTestGateway('sync_matching', { FIELDBOOKS_SYNC_WORKER: 'false' });
  const created = await gw.app.services.tenants.createTenant('Matching Plumbing');
  key = created.apiKey;
  tenantId = created.tenant.id;
  await connectTenant(gw, key, 'AU');
  realmId = realmOf(gw, 'AU').realmId;
  store = simulatorOf(gw).companies.get(realmId)!;
  await chooseAustralianAccounts(gw.graphqlUrl, key); // accounting start date 2026-01-01
  await ok(gql(gw.graphqlUrl, UpsertPaymentMethodDocument, { input: { externalId: 'pm-eft', name: 'EFT', isCard: false } }, key));
});

afterAll(async () => {
  await gw?.close();
});

describe('records QuickBooks already holds are matched, not duplicated', () => {
  it('a pre-existing QBO invoice (same number, customer and total) is linked on the first push, not created again', async () => {
    const customer = qboCustomer('Bayside Cafe');
    const existing = qboInvoice(customer.Id, '3001', '2026-02-03', 150);
    // Same number, another customer: QBO allows it, and it is not this invoice.
    const other = qboInvoice(qboCustomer('Other Cafe').Id, '3002', '2026-02-03', 80);
    await ok(gql(gw.graphqlUrl, UpsertCustomerDocument, { input: { externalId: 'c-bayside', displayName: 'Bayside Cafe' } }, key));
    await ok(gql(gw.graphqlUrl, UpsertInvoiceDocument, { input: invoice('i-3001', 'c-bayside', '3001', '2026-02-03', '150.00') }, key));
    await ok(gql(gw.graphqlUrl, UpsertInvoiceDocument, { input: invoice('i-3002', 'c-bayside', '3002', '2026-02-04', '200.00') }, key));
    const run = await sync();
    expect(run.failed).toBe(0);

    expect(rows('Invoice').filter((i) => i.DocNumber === '3001')).toHaveLength(1);
    const mine = await fsmInvoice('i-3001');
    expect(mine.sync).toMatchObject({ state: 'SYNCED', quickBooksId: existing.Id });
    // 3002 of another customer was left alone; Bayside's 3002 was created as its own invoice.
    const numbered3002 = rows('Invoice').filter((i) => i.DocNumber === '3002');
    expect(numbered3002).toHaveLength(2);
    expect((await fsmInvoice('i-3002')).sync.quickBooksId).not.toBe(other.Id);
    expect(numbered3002.find((i) => i.Id === other.Id)!.TotalAmt).toBe(88);
  });

  it('a QBO invoice with the same number and customer but another total is an issue with it as candidate; LINK ties them', async () => {
    const customer = qboCustomer('Clovelly Bakery');
    const existing = qboInvoice(customer.Id, '3010', '2026-02-05', 500);
    await ok(gql(gw.graphqlUrl, UpsertCustomerDocument, { input: { externalId: 'c-clovelly', displayName: 'Clovelly Bakery' } }, key));
    await ok(gql(gw.graphqlUrl, UpsertInvoiceDocument, { input: invoice('i-3010', 'c-clovelly', '3010', '2026-02-05', '100.00') }, key));
    await sync();
    expect(rows('Invoice').filter((i) => i.DocNumber === '3010')).toHaveLength(1);
    const issue = (await openIssues()).find((i) => i.code === 'MATCH_AMBIGUOUS' && i.message.includes('3010'))!;
    expect(issue.message).toContain('Clovelly Bakery');
    expect((await fsmInvoice('i-3010')).sync.state).toBe('FAILED');
    expect(issue.candidates.map((c) => c.remoteId)).toEqual([existing.Id]);
    expect(issue.candidates[0]!.label).toBe('Invoice 3010 · Clovelly Bakery · 5 Feb 2026 · 550.00');
    expect(issue.actions).toEqual(expect.arrayContaining(['LINK', 'PUSH', 'IGNORE']));

    await act('LINK', issue.id, existing.Id);
    expect((await fsmInvoice('i-3010')).sync).toMatchObject({ state: 'SYNCED', quickBooksId: existing.Id });
    expect(rows('Invoice').filter((i) => i.DocNumber === '3010')).toHaveLength(1);
  });

  it('two FSM customers sharing one email, pushed at once, never share a QBO customer: the second waits with an issue', async () => {
    const strata = qboCustomer('Harbour Strata Management', 'levy@harbourstrata.example');
    await ok(gql(gw.graphqlUrl, UpsertCustomerDocument, { input: { externalId: 'c-unit4', displayName: 'Unit 4, 10 Bay St', email: 'levy@harbourstrata.example' } }, key));
    await ok(gql(gw.graphqlUrl, UpsertCustomerDocument, { input: { externalId: 'c-unit9', displayName: 'Unit 9, 10 Bay St', email: 'levy@harbourstrata.example' } }, key));
    await sync({ scope: ['CUSTOMER'] });

    const states = await Promise.all(['c-unit4', 'c-unit9'].map(async (externalId) => (await ok(gql(gw.graphqlUrl, CustomerDocument, { externalId }, key))).data!.customer!.sync));
    const linked = states.filter((s) => s.quickBooksId === strata.Id);
    expect(linked).toHaveLength(1);
    const waiting = states.find((s) => s.quickBooksId !== strata.Id)!;
    expect(waiting).toMatchObject({ state: 'FAILED', issueCode: 'MATCH_AMBIGUOUS' });
    expect(waiting.issueMessage).toContain('Harbour Strata Management');
    // Nothing was created in QuickBooks for the second one (it may be the same customer).
    expect(rows('Customer').filter((c) => c.PrimaryEmailAddr?.Address === 'levy@harbourstrata.example')).toHaveLength(1);
    const mapped = await gw.app.database.connection.collection('sync_mappings').find({ tenantId: new Types.ObjectId(tenantId), kind: 'customer', qboId: strata.Id }).toArray();
    expect(mapped).toHaveLength(1);
  });

  it('a QBO object is claimed by one record only, however many claim it at once (the data model decides)', async () => {
    const claims = new MappingClaimRepository(gw.app.database.connection);
    const target = { realmId, entity: 'Customer' as const, qboId: '987654' };
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => claims.claim(asTenantId(tenantId), target, { kind: 'customer', recordId: `r-${i}`, part: 'main' })));
    expect(results.filter((holder) => holder === null)).toHaveLength(1);
    const winner = results.findIndex((holder) => holder === null);
    expect(results.filter((holder) => holder?.recordId === `r-${winner}`)).toHaveLength(11);
    // The owner claiming again (a retry) keeps it; the same Id in another realm is another object.
    expect(await claims.claim(asTenantId(tenantId), target, { kind: 'customer', recordId: `r-${winner}`, part: 'main' })).toBeNull();
    expect(await claims.claim(asTenantId(tenantId), { ...target, realmId: 'another-realm' }, { kind: 'customer', recordId: 'r-x', part: 'main' })).toBeNull();
  });
});

describe('go-live with open invoices', () => {
  it('a payment after the start date against a pre-start invoice QuickBooks holds lands applied to it', async () => {
    const customer = qboCustomer('Maroubra Dental');
    const opening = qboInvoice(customer.Id, '0990', '2025-12-15', 200);
    await ok(gql(gw.graphqlUrl, UpsertCustomerDocument, { input: { externalId: 'c-maroubra', displayName: 'Maroubra Dental' } }, key));
    await ok(gql(gw.graphqlUrl, UpsertInvoiceDocument, { input: invoice('i-0990', 'c-maroubra', '0990', '2025-12-15', '200.00') }, key));
    await ok(gql(gw.graphqlUrl, RecordPaymentDocument, { input: { externalId: 'p-0990', customerExternalId: 'c-maroubra', date: '2026-01-10', currency: 'AUD', amount: '220.00', paymentMethodExternalId: 'pm-eft', allocations: [{ invoiceExternalId: 'i-0990', amount: '220.00' }] } }, key));
    const run = await sync();
    expect(run.blocked, JSON.stringify(await openIssues())).toBe(0);

    expect(rows('Invoice').filter((i) => i.DocNumber === '0990')).toHaveLength(1);
    const payment = rows('Payment').find((p) => p.Line?.some((l) => l.LinkedTxn?.some((t) => t.TxnId === opening.Id)));
    expect(payment?.TotalAmt).toBe(220);
    expect(rows('Invoice').find((i) => i.Id === opening.Id)!.Balance).toBe(0);
    expect((await fsmInvoice('i-0990')).sync).toMatchObject({ quickBooksId: opening.Id });
  });

  it('without it in QuickBooks the payment waits with actions; PUSH sends the invoice as an opening item and the payment follows', async () => {
    qboCustomer('Randwick Physio');
    await ok(gql(gw.graphqlUrl, UpsertCustomerDocument, { input: { externalId: 'c-randwick', displayName: 'Randwick Physio' } }, key));
    await ok(gql(gw.graphqlUrl, UpsertInvoiceDocument, { input: invoice('i-0991', 'c-randwick', '0991', '2025-12-20', '300.00') }, key));
    await ok(gql(gw.graphqlUrl, RecordPaymentDocument, { input: { externalId: 'p-0991', customerExternalId: 'c-randwick', date: '2026-01-12', currency: 'AUD', amount: '330.00', paymentMethodExternalId: 'pm-eft', allocations: [{ invoiceExternalId: 'i-0991', amount: '330.00' }] } }, key));
    const run = await sync();
    expect(run.blocked).toBe(1);
    const issue = (await openIssues()).find((i) => i.code === 'OPENING_INVOICE_MISSING')!;
    expect(issue, JSON.stringify(await openIssues())).toMatchObject({ kind: 'PAYMENT', blockedByKind: 'INVOICE' });
    expect(issue.message).toContain('Invoice 0991 (Randwick Physio, 20 Dec 2025, 330.00) is dated before the accounting start date 1 Jan 2026');
    expect(issue.actions).toEqual(expect.arrayContaining(['PUSH', 'IGNORE']));
    expect(issue.actions).not.toContain('LINK'); // the customer has no open invoice in QuickBooks to link
    expect(rows('Invoice').filter((i) => i.DocNumber === '0991')).toHaveLength(0);

    await act('PUSH', issue.id);
    const pushed = rows('Invoice').filter((i) => i.DocNumber === '0991');
    expect(pushed).toHaveLength(1);
    expect(pushed[0]!.Balance).toBe(0);
    expect((await openIssues()).some((i) => i.id === issue.id)).toBe(false);
  });

  it('moving the start date back re-evaluates skipped records; a transaction dated on the start date is pushed', async () => {
    await ok(gql(gw.graphqlUrl, UpsertInvoiceDocument, { input: invoice('i-0993', 'c-maroubra', '0993', '2025-11-20', '50.00') }, key));
    await ok(gql(gw.graphqlUrl, UpsertInvoiceDocument, { input: invoice('i-0994', 'c-maroubra', '0994', '2026-01-01', '60.00') }, key));
    await sync();
    expect((await fsmInvoice('i-0993')).sync.state).toBe('SKIPPED');
    expect((await fsmInvoice('i-0994')).sync.state).toBe('SYNCED');
    await ok(gql(gw.graphqlUrl, UpdateAccountingSettingsDocument, { input: { accountingStartDate: '2025-11-01' } }, key));
    expect((await fsmInvoice('i-0993')).pushPending).toBe(true);
    await sync();
    expect((await fsmInvoice('i-0993')).sync.state).toBe('SYNCED');
    expect(rows('Invoice').filter((i) => i.DocNumber === '0993')).toHaveLength(1);
    await ok(gql(gw.graphqlUrl, UpdateAccountingSettingsDocument, { input: { accountingStartDate: '2026-01-01' } }, key));
  });
});

describe('totals are never silently wrong', () => {
  it('a total QuickBooks would compute differently is held before any write', async () => {
    const writes = () => store.list('Invoice').length;
    const before = writes();
    // The FSM charged GST on a GST-free line: QBO would total 100.00, the FSM says 110.00.
    const input = invoice('i-4001', 'c-maroubra', '4001', '2026-03-01', '100.00');
    input.lines = [{ ...input.lines[0]!, taxCode: 'FRE' }];
    await ok(gql(gw.graphqlUrl, UpsertInvoiceDocument, { input }, key));
    await sync({ scope: ['INVOICE'] });
    const held = await fsmInvoice('i-4001');
    expect(held.sync).toMatchObject({ state: 'FAILED', issueCode: 'TOTAL_MISMATCH', quickBooksId: null });
    expect(held.sync.issueMessage).toContain('QuickBooks would work out 100.00 for invoice 4001');
    expect(held.sync.issueMessage).toContain('Nothing was sent to QuickBooks.');
    expect(writes()).toBe(before);
  });

  it('a cent of tax rounding goes in with the create as a rounding line', async () => {
    // Per line the FSM rounds 0.015 up three times (0.06); QBO taxes the sum once (0.045 -> 0.05).
    const input = invoice('i-4002', 'c-maroubra', '4002', '2026-03-02', '0.15', {
      lines: ['l1', 'l2', 'l3'].map((lineId) => ({ lineId, kind: 'LABOUR' as const, description: 'Washer', quantity: '1', unitPrice: '0.15', amount: '0.15', taxCode: 'GST' })),
      subtotal: '0.45',
      totalTax: '0.06',
      total: '0.51',
    });
    await ok(gql(gw.graphqlUrl, UpsertInvoiceDocument, { input }, key));
    await sync({ scope: ['INVOICE'] });
    const created = rows('Invoice').find((i) => i.DocNumber === '4002')!;
    expect(created.TotalAmt).toBe(0.51);
    expect((await fsmInvoice('i-4002')).sync.state).toBe('SYNCED');
    // One create, and no follow-up rounding update of invoice 4002 through the outbox.
    const id = (await fsmInvoice('i-4002')).id;
    const writes = await gw.app.database.connection.collection<{ operation: string }>('sync_outbox').find({ tenantId: new Types.ObjectId(tenantId), subject: `invoice:${id}:main` }).toArray();
    expect(writes.map((w) => w.operation)).toEqual(['create']);
  });
});

describe('mappings belong to a realm', () => {
  it('after connecting another company, no QBO id of the old one is reused: the record gets its own object there', async () => {
    await ok(gql(gw.graphqlUrl, UpsertCustomerDocument, { input: { externalId: 'c-realm', displayName: 'Realm Switch Electrical', phone: '02 9000 0001' } }, key));
    await sync({ scope: ['CUSTOMER'] });
    const auId = (await ok(gql(gw.graphqlUrl, CustomerDocument, { externalId: 'c-realm' }, key))).data!.customer!.sync.quickBooksId!;
    expect(auId).toBeTruthy();

    const usRealm = realmOf(gw, 'US').realmId;
    const log = async (realm: string) => ((await (await fetch(`${gw.app.quickbooks.endpoints.apiBaseUrl}/_sandbox/requests?realmId=${realm}`)).json()) as { requests: { requestId?: string; faultCode?: string; path: string }[] }).requests;
    const auRequestIds = new Set((await log(realmId)).map((e) => e.requestId).filter(Boolean));
    const attempt = await connectThroughBrowser(gw, key, { country: 'US', allowRealmChange: true });
    expect(attempt.response.status).toBe(200);
    await gw.app.services.connections.idle();

    await ok(gql(gw.graphqlUrl, UpsertCustomerDocument, { input: { externalId: 'c-realm', displayName: 'Realm Switch Electrical', phone: '02 9000 0002' } }, key));
    await sync({ scope: ['CUSTOMER'] });
    const after = (await ok(gql(gw.graphqlUrl, CustomerDocument, { externalId: 'c-realm' }, key))).data!.customer!.sync;
    expect(after.state).toBe('SYNCED');
    const inUs = rows('Customer', usRealm).filter((c) => c.DisplayName === 'Realm Switch Electrical');
    expect(inUs).toHaveLength(1);
    expect(after.quickBooksId).toBe(inUs[0]!.Id);
    // Nothing of the old company reached the new one: no update of the old Id (a 610 there), no old requestid.
    const usCalls = await log(usRealm);
    expect(usCalls.filter((e) => e.faultCode)).toEqual([]);
    expect(usCalls.filter((e) => e.requestId && auRequestIds.has(e.requestId))).toEqual([]);
    const mapping = await gw.app.services.sync.push.mappingOf(tenantId, 'customer', (await ok(gql(gw.graphqlUrl, CustomerDocument, { externalId: 'c-realm' }, key))).data!.customer!.id);
    expect(mapping?.realmId).toBe(usRealm);
  });
});

/**
 * The FSM ledger over real HTTP and a real database: idempotent upserts by externalId (same content:
 * same version, nothing re-flagged; changed content: version + 1 and pending), every validation rule
 * naming its field with nothing saved, tenant isolation, cursor pages and filters, payment allocations
 * and invoice balances, void/delete, the LedgerReader's CAS semantics, the change listener and the
 * per-response batching of sync status.
 */
import { Types } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LedgerKind, type RecordSyncStatus } from '../../src/ledger/ledger-record.types.js';
import { PendingFlagSyncStatusReader } from '../../src/ledger/pending-sync-status.reader.js';
import { type UserInputError } from '../../src/errors/domain.errors.js';
import {
  CustomerDocument,
  CustomersDocument,
  DeleteInvoiceDocument,
  InvoiceDocument,
  InvoicesDocument,
  IssueCreditNoteDocument,
  OtherLedgerListsDocument,
  PaymentsDocument,
  RecordPaymentDocument,
  type RecordPaymentInput,
  UpsertCustomerDocument,
  UpsertExpenseDocument,
  UpsertInvoiceDocument,
  type UpsertInvoiceInput,
  UpsertJobTypeDocument,
  UpsertPaymentMethodDocument,
  UpsertSupplierDocument,
  UpsertSupplierInvoiceDocument,
  UpsertSupplyDocument,
  UpsertTeamDocument,
  VoidInvoiceDocument,
  VoidPaymentDocument,
  WriteOffBadDebtDocument,
} from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';

let gw: TestGateway;
let key: string;
let tenantId: string;
let otherKey: string;
const changes: { tenantId: string; kind: LedgerKind; id: string }[] = [];

beforeAll(async () => {
  gw = await startTestGateway('ledger_records');
  const tenant = await gw.app.services.tenants.createTenant('Ledger Co');
  key = tenant.apiKey;
  tenantId = tenant.tenant.id;
  otherKey = (await gw.app.services.tenants.createTenant('Other Ledger Co')).apiKey;
  // The ledger's own defaults, whatever the sync slice plugs in: these tests are about the ledger.
  gw.app.services.syncStatus = new PendingFlagSyncStatusReader(gw.app.services.ledgerRecords);
  gw.app.services.setChangeListener({ recordChanged: (t, kind, id) => changes.push({ tenantId: t, kind, id }) });
  for (const k of [key, otherKey]) {
    await gql(gw.graphqlUrl, UpsertJobTypeDocument, { input: { externalId: 'jt-1', name: 'Domestic' } }, k);
    await gql(gw.graphqlUrl, UpsertSupplyDocument, { input: { externalId: 'sup-1', name: 'Copper pipe' } }, k);
    await gql(gw.graphqlUrl, UpsertTeamDocument, { input: { externalId: 'team-1', name: 'Plumbers' } }, k);
    await gql(gw.graphqlUrl, UpsertPaymentMethodDocument, { input: { externalId: 'cash', name: 'Cash' } }, k);
    await gql(gw.graphqlUrl, UpsertPaymentMethodDocument, { input: { externalId: 'visa', name: 'Visa', isCard: true } }, k);
  }
  await upsertCustomer({ externalId: 'cust-1', displayName: 'Alice Smith' });
  await upsertCustomer({ externalId: 'cust-2', displayName: 'Bob Jones' });
});
afterAll(async () => {
  await gw?.close();
});
beforeEach(() => {
  changes.length = 0;
});

const ledger = () => gw.app.services.ledgerRecords;

async function upsertCustomer(input: { externalId: string; displayName: string; email?: string }, apiKey = key) {
  const result = await gql(gw.graphqlUrl, UpsertCustomerDocument, { input }, apiKey);
  expect(result.errors).toBeUndefined();
  return result.data!.upsertCustomer;
}

/** A valid tax-exclusive invoice: 1.5 h labour at 80 + 3 m pipe at 0.125 (0.375 -> 0.38), 10% tax. */
function invoiceInput(externalId: string, overrides: Partial<UpsertInvoiceInput> = {}): UpsertInvoiceInput {
  return {
    externalId,
    customerExternalId: 'cust-1',
    number: externalId.toUpperCase(),
    date: '2026-03-01',
    currency: 'AUD',
    lines: [
      { lineId: 'l1', kind: 'LABOUR', description: 'Labour', quantity: '1.5', unitPrice: '80', amount: '120.00', jobTypeExternalId: 'jt-1', teamExternalId: 'team-1', taxCode: 'GST' },
      { lineId: 'l2', kind: 'SUPPLIES', description: 'Pipe', quantity: '3', unitPrice: '0.125', amount: '0.38', supplyExternalId: 'sup-1', taxCode: 'GST' },
    ],
    subtotal: '120.38',
    totalTax: '12.04',
    total: '132.42',
    ...overrides,
  };
}

async function upsertInvoice(input: UpsertInvoiceInput, apiKey = key) {
  const result = await gql(gw.graphqlUrl, UpsertInvoiceDocument, { input }, apiKey);
  expect(result.errors).toBeUndefined();
  return result.data!.upsertInvoice;
}

function fieldsOf(result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) {
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return (result.errors![0]!.extensions!.fields as { path: string[]; message: string }[]).map((f) => ({ path: f.path.join('.'), message: f.message }));
}

async function storedCount(kind: LedgerKind, externalId: string): Promise<number> {
  return ledger().models[kind].countDocuments({ tenantId: new Types.ObjectId(tenantId), externalId });
}

describe('idempotent upserts', () => {
  it('same content keeps the version and does not re-flag a pushed record; changed content is version + 1 and pending', async () => {
    const first = await upsertCustomer({ externalId: 'cust-idem', displayName: 'Carol White', email: 'carol@example.com' });
    expect(first).toMatchObject({ version: 1, pushPending: true, status: 'ACTIVE', sync: { state: 'PENDING', quickBooksId: null } });
    expect(changes).toEqual([{ tenantId, kind: 'customer', id: first.id }]);

    expect(await ledger().markPushed(tenantId, 'customer', first.id, 1)).toBe(true);
    // Whitespace and key order differ; the normalised content does not.
    const again = await upsertCustomer({ email: ' carol@example.com ', displayName: 'Carol White ', externalId: 'cust-idem' });
    expect(again).toMatchObject({ id: first.id, version: 1, pushPending: false, sync: { state: 'NOT_SYNCED' } });
    expect(changes).toHaveLength(1);

    const changed = await upsertCustomer({ externalId: 'cust-idem', displayName: 'Carol White-Green', email: 'carol@example.com' });
    expect(changed).toMatchObject({ id: first.id, version: 2, pushPending: true, displayName: 'Carol White-Green' });
    expect(changes).toHaveLength(2);
    expect(await storedCount('customer', 'cust-idem')).toBe(1);
  });

  it('treats "10.5" and "10.50" as the same invoice content', async () => {
    const input = invoiceInput('inv-idem');
    const first = await upsertInvoice(input);
    expect(first).toMatchObject({ version: 1, subtotal: '120.38', total: '132.42', lines: [{ amount: '120.00', quantity: '1.5' }, { amount: '0.38' }] });
    const same = await upsertInvoice({ ...input, lines: input.lines.map((l) => ({ ...l, quantity: l.quantity === '1.5' ? '1.50' : l.quantity, amount: l.amount === '120.00' ? '120' : l.amount })) });
    expect(same.version).toBe(1);
    const changed = await upsertInvoice({ ...input, dueDate: '2026-03-31' });
    expect(changed.version).toBe(2);
    expect(changes.map((c) => c.id)).toEqual([first.id, first.id]);
  });

  it('concurrent first upserts of one externalId make one record, one version, one change', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => gql(gw.graphqlUrl, UpsertCustomerDocument, { input: { externalId: 'cust-race', displayName: 'Dan Race' } }, key)));
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    expect(new Set(results.map((r) => r.data!.upsertCustomer.id)).size).toBe(1);
    expect(results.every((r) => r.data!.upsertCustomer.version === 1)).toBe(true);
    expect(await storedCount('customer', 'cust-race')).toBe(1);
    expect(changes).toHaveLength(1);
  });

  it('upserts suppliers, supplier invoices and expenses idempotently', async () => {
    const supplier = (await gql(gw.graphqlUrl, UpsertSupplierDocument, { input: { externalId: 'supp-1', displayName: 'Reece Plumbing' } }, key)).data!.upsertSupplier;
    const bill = { externalId: 'bill-1', supplierExternalId: 'supp-1', number: 'R-77', date: '2026-03-03', lines: [{ lineId: 'b1', amount: '100.00', accountId: '80', teamExternalId: 'team-1' }], totalTax: '10.00', total: '110.00' };
    const b1 = (await gql(gw.graphqlUrl, UpsertSupplierInvoiceDocument, { input: bill }, key)).data!.upsertSupplierInvoice;
    const b2 = (await gql(gw.graphqlUrl, UpsertSupplierInvoiceDocument, { input: bill }, key)).data!.upsertSupplierInvoice;
    expect(b1).toMatchObject({ supplierId: supplier.id, total: '110.00', version: 1 });
    expect(b2.version).toBe(1);
    const expense = { externalId: 'exp-1', date: '2026-03-04', taxInclusive: true, lines: [{ lineId: 'e1', amount: '55.00' }], totalTax: '5.00', total: '55.00' };
    expect((await gql(gw.graphqlUrl, UpsertExpenseDocument, { input: expense }, key)).data!.upsertExpense.version).toBe(1);
    expect((await gql(gw.graphqlUrl, UpsertExpenseDocument, { input: { ...expense, reference: 'fuel' } }, key)).data!.upsertExpense.version).toBe(2);
    const lists = (await gql(gw.graphqlUrl, OtherLedgerListsDocument, {}, key)).data!;
    expect(lists.suppliers.totalCount).toBe(1);
    expect(lists.supplierInvoices.totalCount).toBe(1);
    expect(lists.expenses.edges[0]!.node).toMatchObject({ externalId: 'exp-1', sync: { state: 'PENDING' } });
  });
});

describe('validation names every bad field and saves nothing', () => {
  it('refuses an invoice with unknown references, bad amounts and totals, listing each path', async () => {
    const result = await gql(
      gw.graphqlUrl,
      UpsertInvoiceDocument,
      {
        input: invoiceInput('inv-bad', {
          customerExternalId: 'cust-nobody',
          currency: 'dollars',
          dueDate: '2026-02-01',
          lines: [
            { lineId: 'l1', kind: 'LABOUR', quantity: '-1', unitPrice: '80', amount: '-80.00', jobTypeExternalId: 'jt-nope' },
            { lineId: 'l2', kind: 'SUPPLIES', quantity: '2', unitPrice: '10.005', amount: '20.00', supplyExternalId: 'sup-nope', teamExternalId: 'team-nope' },
            { lineId: 'l3', kind: 'LABOUR', quantity: '1', unitPrice: '-5', amount: '-5.00', supplyExternalId: 'sup-1' },
          ],
          subtotal: '1.00',
        }),
      },
      key,
    );
    expect(fieldsOf(result)).toEqual([
      { path: 'input.customerExternalId', message: 'no customer with externalId "cust-nobody"' },
      { path: 'input.dueDate', message: 'must not be before the invoice date' },
      { path: 'input.currency', message: 'must be a three-letter ISO 4217 currency code such as "AUD"' },
      { path: 'input.lines.0.quantity', message: 'must not be negative' },
      { path: 'input.lines.0.amount', message: 'must not be negative' },
      { path: 'input.lines.0.jobTypeExternalId', message: 'no job type with externalId "jt-nope"' },
      { path: 'input.lines.1.amount', message: 'must equal quantity x unitPrice rounded half-up to cents (20.01)' },
      { path: 'input.lines.1.supplyExternalId', message: 'no supply with externalId "sup-nope"' },
      { path: 'input.lines.1.teamExternalId', message: 'no team with externalId "team-nope"' },
      { path: 'input.lines.2.unitPrice', message: 'must not be negative' },
      { path: 'input.lines.2.amount', message: 'must not be negative' },
      { path: 'input.lines.2.supplyExternalId', message: 'only SUPPLIES lines name a supply' },
      // The subtotal cannot be checked against invalid lines; the total is still checked against it.
      { path: 'input.total', message: 'must equal subtotal + totalTax - retentionWithheld + retentionReleased (13.04)' },
    ]);
    expect(await storedCount('invoice', 'inv-bad')).toBe(0);
    expect(changes).toHaveLength(0);
  });

  it('checks subtotal, total and retention arithmetic', async () => {
    const totals = await gql(gw.graphqlUrl, UpsertInvoiceDocument, { input: invoiceInput('inv-totals', { subtotal: '120.37', total: '132.43' }) }, key);
    expect(fieldsOf(totals)).toEqual([
      { path: 'input.subtotal', message: 'must equal the sum of the line amounts (120.38)' },
      { path: 'input.total', message: 'must equal subtotal + totalTax - retentionWithheld + retentionReleased (132.41)' },
    ]);
    const retention = await gql(gw.graphqlUrl, UpsertInvoiceDocument, { input: invoiceInput('inv-ret', { type: 'PROGRESS_CLAIM', retentionWithheld: '13.24', retentionReleased: '1.00' }) }, key);
    expect(fieldsOf(retention)).toEqual([
      { path: 'input.retentionReleased', message: 'only COMPLETION and FINAL_RETENTION invoices release retention' },
      { path: 'input.total', message: 'must equal subtotal + totalTax - retentionWithheld + retentionReleased (120.18)' },
    ]);
    const tooMuch = await gql(gw.graphqlUrl, UpsertInvoiceDocument, { input: invoiceInput('inv-ret', { type: 'PROGRESS_CLAIM', retentionWithheld: '200.00', total: '0.00' }) }, key);
    expect(fieldsOf(tooMuch)).toContainEqual({ path: 'input.retentionWithheld', message: 'must not exceed the invoice amount before retention (132.42)' });
    expect(await storedCount('invoice', 'inv-totals')).toBe(0);
    expect(await storedCount('invoice', 'inv-ret')).toBe(0);

    const claim = await upsertInvoice(invoiceInput('inv-claim', { type: 'PROGRESS_CLAIM', retentionWithheld: '13.24', total: '119.18' }));
    expect(claim).toMatchObject({ type: 'PROGRESS_CLAIM', retentionWithheld: '13.24', total: '119.18', balance: '119.18' });
    const release = await upsertInvoice(
      invoiceInput('inv-release', { type: 'FINAL_RETENTION', lines: [], subtotal: '0.00', totalTax: '0.00', retentionReleased: '13.24', total: '13.24' }),
    );
    expect(release).toMatchObject({ retentionReleased: '13.24', total: '13.24', retentionWithheld: null });
  });

  it('refuses dates that are not YYYY-MM-DD, at the API edge and in the service', async () => {
    const result = await gql(gw.graphqlUrl, UpsertInvoiceDocument, { input: invoiceInput('inv-date', { date: '01/03/2026' }) }, key);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('input.date');
    // Callers of the service (the demo seeder, the sync slice) get the same rule with a field path.
    const error = await ledger()
      .upsertInvoice(tenantId, invoiceInput('inv-date', { date: '2026-02-30' }))
      .then(() => null, (e: unknown) => e as UserInputError);
    expect(error?.fields).toEqual([{ path: ['input', 'date'], message: 'is not a real calendar date' }]);
    expect(await storedCount('invoice', 'inv-date')).toBe(0);
  });

  it('refuses an edit of a voided invoice, but a repeat of its last content is harmless', async () => {
    const input = invoiceInput('inv-void-edit');
    await upsertInvoice(input);
    const voided = (await gql(gw.graphqlUrl, VoidInvoiceDocument, { externalId: 'inv-void-edit' }, key)).data!.voidInvoice;
    expect(voided).toMatchObject({ status: 'VOIDED', version: 2, pushPending: true, balance: '0.00' });
    expect(changes.map((c) => c.kind)).toEqual(['invoice', 'invoice']); // the upsert and the void
    expect((await upsertInvoice(input)).version).toBe(2);
    const edit = await gql(gw.graphqlUrl, UpsertInvoiceDocument, { input: { ...input, jobNumber: 'J-9' } }, key);
    expect(fieldsOf(edit)).toEqual([{ path: 'input.externalId', message: 'invoice inv-void-edit is VOIDED and cannot be edited' }]);
    const stored = (await gql(gw.graphqlUrl, InvoiceDocument, { externalId: 'inv-void-edit' }, key)).data!.invoice!;
    expect(stored).toMatchObject({ version: 2, status: 'VOIDED' });
    // Voiding again is harmless; deleting a voided invoice is a new version.
    expect((await gql(gw.graphqlUrl, VoidInvoiceDocument, { externalId: 'inv-void-edit' }, key)).data!.voidInvoice.version).toBe(2);
    expect((await gql(gw.graphqlUrl, DeleteInvoiceDocument, { externalId: 'inv-void-edit' }, key)).data!.deleteInvoice).toMatchObject({ status: 'DELETED', version: 3 });
    expect(changes).toHaveLength(3); // the repeated void and the refused edit changed nothing
    const revive = await gql(gw.graphqlUrl, VoidInvoiceDocument, { externalId: 'inv-void-edit' }, key);
    expect(fieldsOf(revive)).toEqual([{ path: 'externalId', message: 'invoice inv-void-edit is DELETED' }]);
    expect((await gql(gw.graphqlUrl, VoidInvoiceDocument, { externalId: 'inv-never' }, key)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('checks customers, suppliers, supplier invoices, expenses and credit notes field by field', async () => {
    const customer = await gql(gw.graphqlUrl, UpsertCustomerDocument, { input: { externalId: ' ', displayName: '  ', email: 'not-an-email' } }, key);
    expect(fieldsOf(customer)).toEqual([{ path: 'input.externalId', message: 'must be 1-100 characters' }]);
    const customer2 = await gql(gw.graphqlUrl, UpsertCustomerDocument, { input: { externalId: 'cust-bad', displayName: '  ', email: 'not-an-email' } }, key);
    expect(fieldsOf(customer2)).toEqual([
      { path: 'input.email', message: 'is not an email address' },
      { path: 'input.displayName', message: 'is required' },
    ]);
    expect(await storedCount('customer', 'cust-bad')).toBe(0);

    const bill = await gql(
      gw.graphqlUrl,
      UpsertSupplierInvoiceDocument,
      {
        input: {
          externalId: 'bill-bad',
          supplierExternalId: 'supp-nope',
          number: 'B-1',
          date: '2026-03-03',
          dueDate: '2026-03-01',
          lines: [
            { lineId: 'b1', amount: '-1.00', teamExternalId: 'team-nope' },
            { lineId: 'b1', amount: '10.001' },
          ],
          totalTax: '1.00',
          total: '11.00',
        },
      },
      key,
    );
    expect(fieldsOf(bill)).toEqual([
      { path: 'input.supplierExternalId', message: 'no supplier with externalId "supp-nope"' },
      { path: 'input.dueDate', message: 'must not be before the supplier invoice date' },
      { path: 'input.lines.1.lineId', message: '"b1" appears on more than one line' },
      { path: 'input.lines.0.amount', message: 'must not be negative' },
      { path: 'input.lines.0.teamExternalId', message: 'no team with externalId "team-nope"' },
      { path: 'input.lines.1.amount', message: 'must have at most 2 decimal places' },
    ]);
    expect(await storedCount('supplierInvoice', 'bill-bad')).toBe(0);

    const expense = await gql(
      gw.graphqlUrl,
      UpsertExpenseDocument,
      { input: { externalId: 'exp-bad', date: '2026-03-04', taxInclusive: true, lines: [{ lineId: 'e1', amount: '10.00' }], totalTax: '11.00', total: '10.00' } },
      key,
    );
    expect(fieldsOf(expense)).toEqual([{ path: 'input.totalTax', message: 'must not exceed the tax-inclusive line total' }]);
    const expenseTotal = await gql(
      gw.graphqlUrl,
      UpsertExpenseDocument,
      { input: { externalId: 'exp-bad', date: '2026-03-04', lines: [{ lineId: 'e1', amount: '10.00' }, { lineId: 'e2', amount: '0.10' }], totalTax: '1.01', total: '11.10' } },
      key,
    );
    expect(fieldsOf(expenseTotal)).toEqual([{ path: 'input.total', message: 'must equal the sum of the line amounts + totalTax (11.11)' }]);
    expect(await storedCount('expense', 'exp-bad')).toBe(0);

    await upsertInvoice(invoiceInput('cn-target'));
    const credit = await gql(
      gw.graphqlUrl,
      IssueCreditNoteDocument,
      { input: { externalId: 'cn-bad', customerExternalId: 'cust-2', invoiceExternalId: 'cn-target', number: 'CN-9', date: '2026-03-05', lines: [{ lineId: 'c1', amount: '0.00' }], totalTax: '0.00', total: '0.00' } },
      key,
    );
    expect(fieldsOf(credit)).toEqual([
      { path: 'input.lines.0.amount', message: 'must be greater than zero' },
      { path: 'input.invoiceExternalId', message: 'invoice CN-TARGET belongs to another customer' },
    ]);
    expect(await storedCount('creditNote', 'cn-bad')).toBe(0);
    expect(changes.filter((c) => c.kind !== 'invoice')).toHaveLength(0);
  });

  it('keeps tenants apart: another tenant cannot reference, see or edit these records', async () => {
    const result = await gql(gw.graphqlUrl, UpsertInvoiceDocument, { input: invoiceInput('inv-other') }, otherKey);
    expect(fieldsOf(result)).toEqual([{ path: 'input.customerExternalId', message: 'no customer with externalId "cust-1"' }]);
    expect((await gql(gw.graphqlUrl, CustomersDocument, {}, otherKey)).data!.customers.totalCount).toBe(0);
    expect((await gql(gw.graphqlUrl, CustomerDocument, { externalId: 'cust-1' }, otherKey)).data!.customer).toBeNull();
    // The same externalId in the other tenant is a different record.
    const theirs = await upsertCustomer({ externalId: 'cust-1', displayName: 'Someone Else' }, otherKey);
    const ours = (await gql(gw.graphqlUrl, CustomerDocument, { externalId: 'cust-1' }, key)).data!.customer!;
    expect(theirs.id).not.toBe(ours.id);
    expect(ours.displayName).toBe('Alice Smith');
    expect((await gql(gw.graphqlUrl, CustomerDocument, { id: ours.id }, otherKey)).data!.customer).toBeNull();
  });
});

describe('payments, allocations and balances', () => {
  const pay = (externalId: string, overrides: Partial<RecordPaymentInput> = {}): RecordPaymentInput => ({
    externalId,
    customerExternalId: 'cust-2',
    date: '2026-03-10',
    currency: 'AUD',
    amount: '100.00',
    paymentMethodExternalId: 'cash',
    allocations: [{ invoiceExternalId: 'pinv-1', amount: '100.00' }],
    ...overrides,
  });

  beforeAll(async () => {
    for (const id of ['pinv-1', 'pinv-2']) await upsertInvoice(invoiceInput(id, { customerExternalId: 'cust-2' }));
    await upsertInvoice(invoiceInput('pinv-usd', { customerExternalId: 'cust-2', currency: 'USD' }));
  });

  it('splits a card payment with surcharge across two invoices and shows the balances', async () => {
    const result = await gql(
      gw.graphqlUrl,
      RecordPaymentDocument,
      {
        input: pay('pay-1', {
          amount: '150.00',
          paymentMethodExternalId: 'visa',
          surcharge: '2.25',
          allocations: [
            { invoiceExternalId: 'pinv-1', amount: '132.42' },
            { invoiceExternalId: 'pinv-2', amount: '17.58' },
          ],
        }),
      },
      key,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.recordPayment).toMatchObject({
      version: 1,
      amount: '150.00',
      surcharge: '2.25',
      currency: 'AUD',
      sync: { state: 'PENDING' },
      customer: { externalId: 'cust-2' },
      allocations: [
        { amount: '132.42', invoice: { externalId: 'pinv-1', balance: '0.00' } },
        { amount: '17.58', invoice: { externalId: 'pinv-2', balance: '114.84' } },
      ],
    });
    const invoices = (await gql(gw.graphqlUrl, InvoicesDocument, { search: 'PINV-', first: 10 }, key)).data!.invoices.edges.map((e) => e.node);
    expect(invoices.every((i) => i.customer?.displayName === 'Bob Jones')).toBe(true);
    expect(invoices.map((i) => [i.externalId, i.amountPaid, i.balance])).toEqual([
      ['pinv-1', '132.42', '0.00'],
      ['pinv-2', '17.58', '114.84'],
      ['pinv-usd', '0.00', '132.42'],
    ]);
  });

  it('refuses over-allocation, allocations above the amount, currency mismatch, surcharges on cash and unknown methods, saving nothing', async () => {
    const result = await gql(
      gw.graphqlUrl,
      RecordPaymentDocument,
      {
        input: pay('pay-bad', {
          amount: '50.00',
          surcharge: '1.00',
          allocations: [
            { invoiceExternalId: 'pinv-2', amount: '114.85' },
            { invoiceExternalId: 'pinv-usd', amount: '10.00' },
            { invoiceExternalId: 'pinv-nope', amount: '1.00' },
          ],
        }),
      },
      key,
    );
    expect(fieldsOf(result)).toEqual([
      { path: 'input.surcharge', message: 'only card payments carry a surcharge' },
      { path: 'input.allocations.0.amount', message: 'exceeds the outstanding balance of invoice PINV-2 (114.84)' },
      { path: 'input.allocations.1.invoiceExternalId', message: 'invoice PINV-USD is in USD, the payment in AUD' },
      { path: 'input.allocations.2.invoiceExternalId', message: 'no invoice with externalId "pinv-nope"' },
      { path: 'input.allocations', message: 'apply 125.85 to invoices, more than the payment amount 50.00' },
    ]);
    const unknownMethod = await gql(gw.graphqlUrl, RecordPaymentDocument, { input: pay('pay-bad', { paymentMethodExternalId: 'bitcoin', allocations: [] }) }, key);
    expect(fieldsOf(unknownMethod)).toEqual([
      { path: 'input.paymentMethodExternalId', message: 'no payment method with externalId "bitcoin"' },
    ]);
    const otherCustomer = await gql(gw.graphqlUrl, RecordPaymentDocument, { input: pay('pay-bad', { customerExternalId: 'cust-1', amount: '1.00', allocations: [{ invoiceExternalId: 'pinv-2', amount: '1.00' }] }) }, key);
    expect(fieldsOf(otherCustomer)).toEqual([{ path: 'input.allocations.0.invoiceExternalId', message: 'invoice PINV-2 belongs to another customer' }]);
    expect(await storedCount('payment', 'pay-bad')).toBe(0);
    expect(changes).toHaveLength(0);
  });

  it("re-records a payment without counting its own previous allocation, and voiding it restores the balances", async () => {
    // pay-1 already holds 132.42 of pinv-1: re-sending it with a larger share of pinv-2 is fine.
    const moved = await gql(
      gw.graphqlUrl,
      RecordPaymentDocument,
      { input: pay('pay-1', { amount: '150.00', paymentMethodExternalId: 'visa', surcharge: '2.25', allocations: [{ invoiceExternalId: 'pinv-1', amount: '35.58' }, { invoiceExternalId: 'pinv-2', amount: '114.42' }] }) },
      key,
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.recordPayment.version).toBe(2);
    const settled = await ledger().settlementsOf(tenantId, [(await ledger().findByExternalId('invoice', tenantId, 'pinv-1'))!.id]);
    expect([...settled.values()][0]!.amountPaid).toBe('35.58');

    // An invoice with a payment applied cannot be voided or have its total cut below what is paid.
    expect(fieldsOf(await gql(gw.graphqlUrl, VoidInvoiceDocument, { externalId: 'pinv-2' }, key))).toEqual([
      { path: 'externalId', message: 'invoice pinv-2 has payments, credit notes or write-offs applied (114.42): void or change those first' },
    ]);
    const cut = await gql(
      gw.graphqlUrl,
      UpsertInvoiceDocument,
      { input: invoiceInput('pinv-2', { customerExternalId: 'cust-2', lines: [{ lineId: 'l1', kind: 'LABOUR', quantity: '1', unitPrice: '100', amount: '100.00' }], subtotal: '100.00', totalTax: '10.00', total: '110.00' }) },
      key,
    );
    expect(fieldsOf(cut)).toEqual([{ path: 'input.total', message: 'must not be less than what is already paid, credited or written off (114.42)' }]);

    const voided = (await gql(gw.graphqlUrl, VoidPaymentDocument, { externalId: 'pay-1' }, key)).data!.voidPayment;
    expect(voided).toMatchObject({ status: 'VOIDED', version: 3, pushPending: true });
    const pinv2 = (await gql(gw.graphqlUrl, InvoiceDocument, { externalId: 'pinv-2' }, key)).data!.invoice!;
    expect(pinv2).toMatchObject({ amountPaid: '0.00', balance: '132.42' });
    expect((await gql(gw.graphqlUrl, PaymentsDocument, { status: 'VOIDED' }, key)).data!.payments.totalCount).toBe(1);
    const edit = await gql(gw.graphqlUrl, RecordPaymentDocument, { input: pay('pay-1') }, key);
    expect(fieldsOf(edit)).toEqual([{ path: 'input.externalId', message: 'payment pay-1 is VOIDED and cannot be edited' }]);
  });

  it('credit notes and bad-debt write-offs reduce the balance and cannot exceed it', async () => {
    const credit = await gql(
      gw.graphqlUrl,
      IssueCreditNoteDocument,
      { input: { externalId: 'cn-1', customerExternalId: 'cust-2', invoiceExternalId: 'pinv-2', number: 'CN-1', date: '2026-03-12', lines: [{ lineId: 'c1', amount: '20.00' }], totalTax: '2.00', total: '22.00' } },
      key,
    );
    expect(credit.errors).toBeUndefined();
    const tooMuch = await gql(gw.graphqlUrl, WriteOffBadDebtDocument, { input: { externalId: 'bd-1', invoiceExternalId: 'pinv-2', date: '2026-03-31', amount: '110.43' } }, key);
    expect(fieldsOf(tooMuch)).toEqual([{ path: 'input.amount', message: 'exceeds the outstanding balance of invoice PINV-2 (110.42)' }]);
    const writeOff = await gql(gw.graphqlUrl, WriteOffBadDebtDocument, { input: { externalId: 'bd-1', invoiceExternalId: 'pinv-2', date: '2026-03-31', amount: '110.42', reason: 'Customer insolvent' } }, key);
    expect(writeOff.data!.writeOffBadDebt).toMatchObject({ amount: '110.42', customerId: (await ledger().findByExternalId('customer', tenantId, 'cust-2'))!.id });
    const pinv2 = (await gql(gw.graphqlUrl, InvoiceDocument, { externalId: 'pinv-2' }, key)).data!.invoice!;
    expect(pinv2).toMatchObject({ amountCredited: '22.00', amountWrittenOff: '110.42', balance: '0.00' });
  });
});

describe('lists', () => {
  beforeAll(async () => {
    for (let i = 1; i <= 12; i++) {
      await upsertInvoice(invoiceInput(`page-${String(i).padStart(2, '0')}`, { customerExternalId: 'cust-2', date: `2026-04-${String(i).padStart(2, '0')}`, jobNumber: i % 3 === 0 ? `JOB-${i}` : null }));
    }
  });

  it('pages invoices by date with cursors and filters by date range, search, pushPending, status and customer', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = (await gql(gw.graphqlUrl, InvoicesDocument, { dateFrom: '2026-04-01', dateTo: '2026-04-30', first: 5, after }, key)).data!.invoices;
      expect(page.totalCount).toBe(12);
      seen.push(...page.edges.map((e) => e.node.externalId));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => `page-${String(i + 1).padStart(2, '0')}`));

    expect((await gql(gw.graphqlUrl, InvoicesDocument, { dateFrom: '2026-04-05', dateTo: '2026-04-07' }, key)).data!.invoices.totalCount).toBe(3);
    expect((await gql(gw.graphqlUrl, InvoicesDocument, { search: 'job-' }, key)).data!.invoices.edges.map((e) => e.node.externalId)).toEqual(['page-03', 'page-06', 'page-09', 'page-12']);
    const target = (await ledger().findByExternalId('invoice', tenantId, 'page-04'))!;
    await ledger().markPushed(tenantId, 'invoice', target.id, target.version);
    const pushed = (await gql(gw.graphqlUrl, InvoicesDocument, { dateFrom: '2026-04-01', pushPending: false }, key)).data!.invoices;
    expect(pushed.edges.map((e) => e.node.externalId)).toEqual(['page-04']);
    expect((await gql(gw.graphqlUrl, InvoicesDocument, { dateFrom: '2026-04-01', pushPending: true }, key)).data!.invoices.totalCount).toBe(11);
    const customerId = (await ledger().findByExternalId('customer', tenantId, 'cust-1'))!.id;
    const ofCustomer = (await gql(gw.graphqlUrl, InvoicesDocument, { customerId, first: 100 }, key)).data!.invoices.edges;
    expect(ofCustomer.length).toBeGreaterThan(0);
    expect(ofCustomer.every((e) => e.node.customerId === customerId)).toBe(true);
    expect((await gql(gw.graphqlUrl, InvoicesDocument, { status: 'DELETED' }, key)).data!.invoices.edges.map((e) => e.node.externalId)).toEqual(['inv-void-edit']);
    const bad = await gql(gw.graphqlUrl, CustomerDocument, {}, key);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['id'] }] });
  });

  it('sorts customers by display name and searches them', async () => {
    const names = (await gql(gw.graphqlUrl, CustomersDocument, { first: 50 }, key)).data!.customers.edges.map((e) => e.node.displayName);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect((await gql(gw.graphqlUrl, CustomersDocument, { search: 'SMITH' }, key)).data!.customers.edges.map((e) => e.node.externalId)).toEqual(['cust-1']);
  });

  it('resolves sync status with one reader call per kind per response', async () => {
    const calls: { kind: LedgerKind; ids: number }[] = [];
    const original = gw.app.services.syncStatus;
    gw.app.services.syncStatus = {
      statusOf: async (t: string, kind: LedgerKind, ids: readonly string[]) => {
        calls.push({ kind, ids: ids.length });
        const map = await original.statusOf(t, kind, ids);
        return new Map<string, RecordSyncStatus>([...map].map(([id, s]) => [id, { ...s, state: 'SYNCED', quickBooksId: `qbo-${id.slice(-4)}`, syncedVersion: 1 }]));
      },
    };
    try {
      const page = (await gql(gw.graphqlUrl, InvoicesDocument, { dateFrom: '2026-04-01', first: 12 }, key)).data!.invoices;
      expect(page.edges).toHaveLength(12);
      expect(page.edges[0]!.node.sync).toMatchObject({ state: 'SYNCED', quickBooksId: `qbo-${page.edges[0]!.node.id.slice(-4)}`, syncedVersion: 1 });
      expect(calls).toEqual([{ kind: 'invoice', ids: 12 }]);
    } finally {
      gw.app.services.syncStatus = original;
    }
  });
});

describe('LedgerReader', () => {
  it('serves pending records oldest change first, pages by id, and clears pushPending only at the same version', async () => {
    const ids: string[] = [];
    for (const n of ['r-1', 'r-2', 'r-3']) ids.push((await upsertCustomer({ externalId: n, displayName: `Reader ${n}` })).id);
    // r-1 changes last, so it moves to the end of the pending queue.
    await upsertCustomer({ externalId: 'r-1', displayName: 'Reader r-1 changed' });
    const pending = (await ledger().pending(tenantId, 'customer', { limit: 500 })).map((r) => r.externalId);
    expect(pending.slice(-3)).toEqual(['r-2', 'r-3', 'r-1']);
    const afterR2 = await ledger().pending(tenantId, 'customer', { limit: 2, after: ids[1] });
    expect(afterR2.map((r) => r.externalId)).toEqual(['r-3', 'r-1']);

    const record = (await ledger().get(tenantId, 'customer', ids[0]!))!;
    expect(record).toMatchObject({ kind: 'customer', id: ids[0], tenantId, externalId: 'r-1', version: 2, pushPending: true, displayName: 'Reader r-1 changed' });
    expect(record).not.toHaveProperty('contentHash');
    expect(await ledger().markPushed(tenantId, 'customer', ids[0]!, 1)).toBe(false); // stale: version 2 is not in QBO yet
    expect((await ledger().get(tenantId, 'customer', ids[0]!))!.pushPending).toBe(true);
    expect(await ledger().markPushed(tenantId, 'customer', ids[0]!, 2)).toBe(true);
    expect((await ledger().pending(tenantId, 'customer', { limit: 500 })).map((r) => r.externalId)).not.toContain('r-1');

    await ledger().markPending(tenantId, 'customer', [ids[0]!]);
    expect((await ledger().pending(tenantId, 'customer', { limit: 500 })).at(-1)!.externalId).toBe('r-1');
    expect(changes.filter((c) => c.id === ids[0])).toHaveLength(2); // two real changes; markPushed/markPending are the engine's own

    const all: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await ledger().page(tenantId, 'customer', { limit: 3, after });
      if (page.length === 0) break;
      all.push(...page.map((r) => r.id));
      after = page.at(-1)!.id;
    }
    expect(all).toEqual([...all].sort());
    expect(all).toEqual(expect.arrayContaining(ids));
    expect(await ledger().getMany(tenantId, 'customer', [ids[2]!, 'not-an-id', ids[0]!])).toMatchObject([{ id: ids[2] }, { id: ids[0] }]);
    // Another tenant's id reads as nothing.
    const otherTenant = new Types.ObjectId().toHexString();
    expect(await ledger().get(otherTenant, 'customer', ids[0]!)).toBeNull();
    expect(await ledger().markPushed(otherTenant, 'customer', ids[0]!, 2)).toBe(false);
  });
});

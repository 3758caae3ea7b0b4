/**
 * The product as the FSM backend uses it, through the public GraphQL API only: connect, choose
 * accounts, feed records in with upsert mutations, and let the automatic worker push them. Then read
 * QuickBooks (the simulator) back: one customer, one invoice with the FSM's total to the cent, paid
 * in full; an identical upsert changes nothing; a changed invoice updates the same QBO invoice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  InvoiceDocument,
  RecordPaymentDocument,
  UpsertCustomerDocument,
  UpsertInvoiceDocument,
  UpsertPaymentMethodDocument,
  UpsertTeamDocument,
  type UpsertInvoiceInput,
} from '../generated/graphql.js';
import { chooseAustralianAccounts } from '../helpers/accounting-setup.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';
import { connectTenant, realmOf } from '../helpers/quickbooks.js';

let gw: TestGateway;
let key: string;
let realmId: string;

interface QboInvoice {
  Id: string;
  DocNumber: string;
  TotalAmt: number;
  Balance: number;
  SyncToken: string;
  Line: { DetailType: string; Amount: number }[];
}

async function qbo<T>(entity: string): Promise<T[]> {
  const response = await fetch(`${gw.app.quickbooks.endpoints.apiBaseUrl}/_sandbox/entities/${realmId}/${entity}`);
  return ((await response.json()) as { records: T[] }).records;
}

async function invoiceUntil(externalId: string, done: (sync: { state: string; syncedVersion?: number | null }, version: number) => boolean) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const result = await gql(gw.graphqlUrl, InvoiceDocument, { externalId }, key);
    const invoice = result.data?.invoice;
    if (invoice && done(invoice.sync, invoice.version)) return invoice;
    if (Date.now() > deadline) throw new Error(`invoice ${externalId} not synced in time: ${JSON.stringify(invoice?.sync)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const invoiceInput = (lines: UpsertInvoiceInput['lines'], totals: { subtotal: string; totalTax: string; total: string }): UpsertInvoiceInput => ({
  externalId: 'inv-2001',
  customerExternalId: 'cust-1',
  number: '2001',
  date: '2026-11-20',
  currency: 'AUD',
  jobNumber: 'J-2001',
  teamExternalId: 'team-plumbing',
  lines,
  ...totals,
});

beforeAll(async () => {
  gw = await startTestGateway('push_api', { FIELDBOOKS_SYNC_WORKER: 'true', FIELDBOOKS_SYNC_DEBOUNCE_MS: '50' });
  key = (await gw.app.services.tenants.createTenant('Harbourside Plumbing')).apiKey;
  await connectTenant(gw, key, 'AU');
  realmId = realmOf(gw, 'AU').realmId;
  await chooseAustralianAccounts(gw.graphqlUrl, key);
  expect((await gql(gw.graphqlUrl, UpsertTeamDocument, { input: { externalId: 'team-plumbing', name: 'Plumbing' } }, key)).errors).toBeUndefined();
  expect((await gql(gw.graphqlUrl, UpsertPaymentMethodDocument, { input: { externalId: 'pm-eft', name: 'EFT', isCard: false } }, key)).errors).toBeUndefined();
  const customer = await gql(gw.graphqlUrl, UpsertCustomerDocument, { input: { externalId: 'cust-1', displayName: 'Coogee Dental Studio', email: 'accounts@coogeedental.example' } }, key);
  expect(customer.errors).toBeUndefined();
});
afterAll(async () => {
  await gw?.close();
});

describe('records fed through GraphQL are pushed automatically', () => {
  it('lands the invoice in QuickBooks once, with the FSM total to the cent, and shows its QBO id', async () => {
    const result = await gql(
      gw.graphqlUrl,
      UpsertInvoiceDocument,
      {
        input: invoiceInput(
          [
            { lineId: 'l1', kind: 'LABOUR', description: 'Hot water service call', quantity: '1.5', unitPrice: '98.00', amount: '147.00', taxCode: 'GST' },
            { lineId: 'l2', kind: 'SUPPLIES', description: 'Tempering valve', quantity: '1', unitPrice: '86.35', amount: '86.35', taxCode: 'GST' },
          ],
          { subtotal: '233.35', totalTax: '23.34', total: '256.69' },
        ),
      },
      key,
    );
    expect(result.errors).toBeUndefined();
    const synced = await invoiceUntil('inv-2001', (sync) => sync.state === 'SYNCED');
    const invoices = (await qbo<QboInvoice>('Invoice')).filter((i) => i.DocNumber === '2001');
    expect(invoices).toHaveLength(1);
    expect(invoices[0]!.TotalAmt).toBe(256.69);
    expect(synced.sync.quickBooksId).toBe(invoices[0]!.Id);
    expect((await qbo<{ DisplayName: string }>('Customer')).filter((c) => c.DisplayName === 'Coogee Dental Studio')).toHaveLength(1);
  });

  it('an identical upsert changes nothing; a payment recorded in the FSM pays the QBO invoice', async () => {
    const before = await invoiceUntil('inv-2001', (sync) => sync.state === 'SYNCED');
    const again = await gql(
      gw.graphqlUrl,
      UpsertInvoiceDocument,
      {
        input: invoiceInput(
          [
            { lineId: 'l1', kind: 'LABOUR', description: 'Hot water service call', quantity: '1.5', unitPrice: '98.00', amount: '147.00', taxCode: 'GST' },
            { lineId: 'l2', kind: 'SUPPLIES', description: 'Tempering valve', quantity: '1', unitPrice: '86.35', amount: '86.35', taxCode: 'GST' },
          ],
          { subtotal: '233.35', totalTax: '23.34', total: '256.69' },
        ),
      },
      key,
    );
    expect(again.data?.upsertInvoice.version).toBe(before.version);

    const paid = await gql(
      gw.graphqlUrl,
      RecordPaymentDocument,
      { input: { externalId: 'pay-1', customerExternalId: 'cust-1', date: '2026-11-22', currency: 'AUD', amount: '256.69', paymentMethodExternalId: 'pm-eft', allocations: [{ invoiceExternalId: 'inv-2001', amount: '256.69' }] } },
      key,
    );
    expect(paid.errors).toBeUndefined();
    const deadline = Date.now() + 30_000;
    let invoice: QboInvoice | undefined;
    while (Date.now() < deadline) {
      invoice = (await qbo<QboInvoice>('Invoice')).find((i) => i.DocNumber === '2001');
      if (invoice?.Balance === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(invoice?.Balance).toBe(0);
    expect((await qbo<{ TotalAmt: number }>('Payment')).filter((p) => p.TotalAmt === 256.69)).toHaveLength(1);
  });

  it('a changed invoice updates the same QBO invoice instead of creating another', async () => {
    const changed = await gql(
      gw.graphqlUrl,
      UpsertInvoiceDocument,
      {
        input: {
          ...invoiceInput(
            [
              { lineId: 'l1', kind: 'LABOUR', description: 'Hot water service call', quantity: '1.5', unitPrice: '98.00', amount: '147.00', taxCode: 'GST' },
              { lineId: 'l2', kind: 'SUPPLIES', description: 'Tempering valve', quantity: '1', unitPrice: '86.35', amount: '86.35', taxCode: 'GST' },
              { lineId: 'l3', kind: 'SUPPLIES', description: 'Flexible hose', quantity: '2', unitPrice: '12.50', amount: '25.00', taxCode: 'GST' },
            ],
            { subtotal: '258.35', totalTax: '25.84', total: '284.19' },
          ),
        },
      },
      key,
    );
    expect(changed.errors).toBeUndefined();
    const version = changed.data!.upsertInvoice.version;
    await invoiceUntil('inv-2001', (sync) => sync.state === 'SYNCED' && sync.syncedVersion === version);
    const invoices = (await qbo<QboInvoice>('Invoice')).filter((i) => i.DocNumber === '2001');
    expect(invoices).toHaveLength(1);
    expect(invoices[0]!.TotalAmt).toBe(284.19);
    expect(invoices[0]!.Balance).toBe(27.5);
  });
});

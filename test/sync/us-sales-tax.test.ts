/**
 * US sales tax end to end, in both kinds of US company (docs/qbo-facts/us-sales-tax.md): records fed in
 * through the public GraphQL API, pushed to the simulator over real HTTP, and QuickBooks' end state read
 * back through the simulator's admin API, to the cent: totals, the tax per rate (and so per agency),
 * the invoice balance after a payment and a credit note.
 */
import { type TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { US_MANUAL_REALM_ID, US_REALM_ID, US_TAX } from '../../src/sandbox/company/seeds/us-company.seed.js';
import {
  IssueCreditNoteDocument,
  RecordPaymentDocument,
  StartSyncDocument,
  SyncIssuesDocument,
  SyncRunDocument,
  UpdateAccountingSettingsDocument,
  UpsertCustomerDocument,
  UpsertInvoiceDocument,
  UpsertPaymentMethodDocument,
} from '../generated/graphql.js';
import { accountIdByName } from '../helpers/accounting-setup.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';
import { connectTenant } from '../helpers/quickbooks.js';

let gw: TestGateway;

interface TaxLine { Amount: number; TaxLineDetail: { TaxRateRef: { value: string }; NetAmountTaxable: number } }
interface QboTxn { Id: string; DocNumber?: string; TotalAmt: number; Balance?: number; PrivateNote?: string; DisplayName?: string; TxnTaxDetail?: { TxnTaxCodeRef?: { value: string }; TotalTax: number; TaxLine?: TaxLine[] } }

beforeAll(async () => {
  gw = await startTestGateway('us-sales-tax', { FIELDBOOKS_SYNC_WORKER: 'false' });
  // The manual-sales-tax company is not loaded by default: load it as an operator would.
  const seeded = await fetch(`${gw.app.quickbooks.endpoints.apiBaseUrl}/_sandbox/seed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seed: 'usManual' }) });
  expect(seeded.status).toBe(200);
}, 120_000);
afterAll(async () => {
  await gw?.close();
});

async function setUp(name: string, realmId: string) {
  const tenant = await gw.app.services.tenants.createTenant(name);
  const key = tenant.apiKey;
  const tenantId = tenant.tenant.id;
  await connectTenant(gw, key, 'US', realmId);
  async function ok<R, V>(document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
    const result = await gql(gw.graphqlUrl, document, variables, key);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  }
  const id = (account: string) => accountIdByName(gw.graphqlUrl, key, account);
  await ok(UpdateAccountingSettingsDocument, {
    input: {
      defaultLabourIncomeAccountId: await id('Services'),
      defaultSuppliesIncomeAccountId: await id('Materials Income'),
      paymentsAccountId: await id('Checking'),
      creditCardPaymentsAccountId: await id('Card Clearing'),
      defaultRoundingAccountId: await id('Discounts given'),
      creditNoteAccountId: await id('Discounts given'),
      accountingStartDate: '2026-01-01',
    },
  });
  async function qbo(entity: string): Promise<QboTxn[]> {
    return ((await (await fetch(`${gw.app.quickbooks.endpoints.apiBaseUrl}/_sandbox/entities/${realmId}/${entity}`)).json()) as { records: QboTxn[] }).records;
  }
  async function sync() {
    const started = await ok(StartSyncDocument, { input: {} });
    await gw.app.services.sync.runs.idle(tenantId);
    return (await ok(SyncRunDocument, { id: started.startSync.id })).syncRun!;
  }
  /** A month's worth in little: a taxed invoice (100.00 taxable at 8.875% = 8.88, 50.00 labor untaxed), a taxed credit note, the rest paid. */
  async function feed(customerName: string) {
    await ok(UpsertPaymentMethodDocument, { input: { externalId: 'pm-check', name: 'Check', isCard: false } });
    await ok(UpsertCustomerDocument, { input: { externalId: 'c-1', displayName: customerName } });
    await ok(UpsertInvoiceDocument, {
      input: {
        externalId: 'inv-1', customerExternalId: 'c-1', number: 'US-1001', date: '2026-11-02', currency: 'USD',
        lines: [
          { lineId: 'l1', kind: 'SUPPLIES', description: 'Water heater', quantity: '1', unitPrice: '100.00', amount: '100.00', taxable: true },
          { lineId: 'l2', kind: 'LABOUR', description: 'Install', quantity: '1', unitPrice: '50.00', amount: '50.00', taxable: false },
        ],
        subtotal: '150.00', totalTax: '8.88', total: '158.88',
      },
    });
    // 20.00 back on the heater, with its 8.875% (1.775, rounded to 1.78).
    await ok(IssueCreditNoteDocument, { input: { externalId: 'cn-1', customerExternalId: 'c-1', invoiceExternalId: 'inv-1', number: 'CN-US-1', date: '2026-11-05', lines: [{ lineId: 'c1', description: 'Dented heater', amount: '20.00', taxable: true }], totalTax: '1.78', total: '21.78' } });
    await ok(RecordPaymentDocument, { input: { externalId: 'pay-1', customerExternalId: 'c-1', date: '2026-11-09', currency: 'USD', amount: '137.10', paymentMethodExternalId: 'pm-check', allocations: [{ invoiceExternalId: 'inv-1', amount: '137.10' }] } });
  }
  return { ok, qbo, sync, feed, key };
}

describe('a company on automated sales tax', () => {
  it('lands a taxed invoice with QuickBooks TotalAmt equal to the FSM total, and the month balances to the cent', async () => {
    const t = await setUp('US AST Co', US_REALM_ID);
    await t.feed('Hudson Plumbing Supply');
    const run = await t.sync();
    expect({ status: run.status, failed: run.failed, blocked: run.blocked }).toEqual({ status: 'SUCCEEDED', failed: 0, blocked: 0 });

    const invoice = (await t.qbo('Invoice')).find((i) => i.DocNumber === 'US-1001')!;
    expect(invoice.TotalAmt).toBe(158.88);
    // The engine's code for the company's own address (no ship-to): California; the FSM's 8.88 is kept.
    expect(invoice.TxnTaxDetail!.TxnTaxCodeRef).toEqual({ value: US_TAX.codes.california });
    expect(invoice.TxnTaxDetail!.TotalTax).toBe(8.88);
    expect(invoice.TxnTaxDetail!.TaxLine!.map((l) => [l.TaxLineDetail.TaxRateRef.value, l.Amount, l.TaxLineDetail.NetAmountTaxable])).toEqual([[US_TAX.rates.california, 8.88, 100]]);
    const memo = (await t.qbo('CreditMemo')).find((m) => m.DocNumber === 'CN-US-1')!;
    expect([memo.TotalAmt, memo.TxnTaxDetail!.TotalTax]).toEqual([21.78, 1.78]);
    const payment = (await t.qbo('Payment')).find((p) => p.PrivateNote === 'fieldbooks payment pay-1')!;
    expect(payment.TotalAmt).toBe(137.1);
    // Paid and credited in full: nothing left open.
    expect(invoice.Balance).toBe(0);
    expect(memo.Balance).toBe(0);
  }, 60_000);
});

describe('a company on manual sales tax', () => {
  it('holds a taxed invoice back until the customer has a sales tax rate in QuickBooks, then lands it to the cent', async () => {
    const t = await setUp('US Manual Co', US_MANUAL_REALM_ID);
    await t.feed('Bronx Boiler Repair');
    const first = await t.sync();
    expect(first.failed).toBeGreaterThan(0);
    const issues = (await t.ok(SyncIssuesDocument, { status: 'OPEN' })).syncIssues.edges.map((e) => e.node);
    const missing = issues.find((i) => i.code === 'SALES_TAX_CODE_MISSING')!;
    expect(missing.message).toBe('QuickBooks has no sales tax rate for customer "Bronx Boiler Repair", so it cannot record the 8.88 sales tax of invoice US-1001 (this company uses manual sales tax).');
    expect(missing.fixHint).toContain('Tax info');
    // Nothing half-done: no invoice reached QuickBooks.
    expect((await t.qbo('Invoice')).filter((i) => i.DocNumber === 'US-1001')).toEqual([]);

    // The bookkeeper picks the customer's rate in QuickBooks (New York City, 8.875%), then syncs again.
    const customer = (await t.qbo('Customer')).find((c) => c.DisplayName === 'Bronx Boiler Repair')!;
    const acted = await fetch(`${gw.app.quickbooks.endpoints.apiBaseUrl}/_sandbox/act/${US_MANUAL_REALM_ID}/set-customer-tax-code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ customerId: customer.Id, taxCodeId: US_TAX.codes.newYorkCity }) });
    expect(acted.status).toBe(200);
    const second = await t.sync();
    expect({ status: second.status, failed: second.failed, blocked: second.blocked }).toEqual({ status: 'SUCCEEDED', failed: 0, blocked: 0 });

    const invoice = (await t.qbo('Invoice')).find((i) => i.DocNumber === 'US-1001')!;
    expect(invoice.TotalAmt).toBe(158.88);
    expect(invoice.TxnTaxDetail!.TxnTaxCodeRef).toEqual({ value: US_TAX.codes.newYorkCity });
    // 8.88 split over the three New York rates (two agencies' worth): 4.00 state, 4.50 city, 0.38 MCTD.
    expect(invoice.TxnTaxDetail!.TaxLine!.map((l) => [l.TaxLineDetail.TaxRateRef.value, l.Amount])).toEqual([
      [US_TAX.rates.newYorkState, 4],
      [US_TAX.rates.newYorkCity, 4.5],
      [US_TAX.rates.mctd, 0.38],
    ]);
    const memo = (await t.qbo('CreditMemo')).find((m) => m.DocNumber === 'CN-US-1')!;
    expect([memo.TotalAmt, memo.TxnTaxDetail!.TotalTax, memo.TxnTaxDetail!.TaxLine!.map((l) => l.Amount)]).toEqual([21.78, 1.78, [0.8, 0.9, 0.08]]);
    expect(invoice.Balance).toBe(0);
    expect(memo.Balance).toBe(0);
    // Each record is in QuickBooks once.
    expect((await t.qbo('Invoice')).filter((i) => i.DocNumber === 'US-1001')).toHaveLength(1);
    expect((await t.qbo('Payment')).filter((p) => p.PrivateNote === 'fieldbooks payment pay-1')).toHaveLength(1);
  }, 60_000);
});

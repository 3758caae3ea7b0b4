/**
 * AU GST where it is owed (docs/qbo-facts/au-gst.md), through the public GraphQL API against the
 * simulator's AU company, QuickBooks' end state read back to the cent:
 * - a card surcharge is part of the price of the supply (GSTR 2014/2): it carries the tax codes of the
 *   invoices paid (split by their GST-inclusive value), or the payment method's own code;
 * - a bad-debt write-off carries the written-off invoice's tax split, so the GST on it is reversed
 *   (GST Act s 21-5: a decreasing adjustment of 1/11 of the taxable amount written off).
 */
import { type TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RecordPaymentDocument,
  SetPaymentMethodSurchargeAccountDocument,
  SetPaymentMethodSurchargeTaxCodeDocument,
  StartSyncDocument,
  SyncRunDocument,
  UpsertCustomerDocument,
  UpsertInvoiceDocument,
  UpsertPaymentMethodDocument,
  WriteOffBadDebtDocument,
} from '../generated/graphql.js';
import { accountIdByName, chooseAustralianAccounts } from '../helpers/accounting-setup.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';
import { connectTenant, realmOf } from '../helpers/quickbooks.js';

let gw: TestGateway;
let key: string;
let tenantId: string;
let realmId: string;
const GST = '3';
const FRE = '4';
const GST_ON_SALES = '1';

interface TaxLine { Amount: number; TaxLineDetail: { TaxRateRef: { value: string }; NetAmountTaxable: number } }
interface QboTxn {
  Id: string; DocNumber?: string; TotalAmt: number; Balance?: number; PrivateNote?: string; GlobalTaxCalculation?: string;
  Line: { Amount: number; DetailType: string; SalesItemLineDetail?: { TaxCodeRef?: { value: string }; TaxInclusiveAmt?: number } }[];
  TxnTaxDetail?: { TotalTax: number; TaxLine?: TaxLine[] };
}

async function ok<R, V>(document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
  const result = await gql(gw.graphqlUrl, document, variables, key);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}
async function qbo(entity: string): Promise<QboTxn[]> {
  return ((await (await fetch(`${gw.app.quickbooks.endpoints.apiBaseUrl}/_sandbox/entities/${realmId}/${entity}`)).json()) as { records: QboTxn[] }).records;
}
const byNote = async (entity: string, note: string) => (await qbo(entity)).filter((t) => t.PrivateNote === note);
/** [tax code, GST-inclusive amount] of each sales line. */
const codes = (t: QboTxn) => t.Line.filter((l) => l.SalesItemLineDetail).map((l) => [l.SalesItemLineDetail!.TaxCodeRef?.value, l.SalesItemLineDetail!.TaxInclusiveAmt]);
/** GST on sales in the transaction (the GST rate's tax line). */
const gstOf = (t: QboTxn) => t.TxnTaxDetail?.TaxLine?.filter((l) => l.TaxLineDetail.TaxRateRef.value === GST_ON_SALES).reduce((s, l) => s + l.Amount, 0) ?? 0;

function invoice(externalId: string, number: string, lines: { amount: string; taxCode: string }[], totalTax: string, total: string) {
  const subtotal = lines.reduce((s, l) => s + Math.round(Number(l.amount) * 100), 0) / 100;
  return {
    externalId, customerExternalId: 'c-1', number, date: '2026-11-02', currency: 'AUD', subtotal: subtotal.toFixed(2), totalTax, total,
    lines: lines.map((l, i) => ({ lineId: `l${i}`, kind: 'LABOUR' as const, description: l.taxCode === 'FRE' ? 'Council water rates passed on' : 'Labour', quantity: '1', unitPrice: l.amount, amount: l.amount, taxCode: l.taxCode })),
  };
}

beforeAll(async () => {
  gw = await startTestGateway('au-gst', { FIELDBOOKS_SYNC_WORKER: 'false' });
  const created = await gw.app.services.tenants.createTenant('GST Co');
  key = created.apiKey;
  tenantId = created.tenant.id;
  await connectTenant(gw, key, 'AU');
  realmId = realmOf(gw, 'AU').realmId;
  await chooseAustralianAccounts(gw.graphqlUrl, key, { badDebtAccountId: await accountIdByName(gw.graphqlUrl, key, 'Bad Debts') });
  const surchargeAccount = await accountIdByName(gw.graphqlUrl, key, 'Card Surcharge Income');
  for (const [externalId, name] of [['pm-visa', 'Visa'], ['pm-amex', 'American Express']] as const) {
    const method = await ok(UpsertPaymentMethodDocument, { input: { externalId, name, isCard: true } });
    await ok(SetPaymentMethodSurchargeAccountDocument, { paymentMethodId: method.upsertPaymentMethod.id, surchargeIncomeAccountId: surchargeAccount });
  }
  await ok(UpsertCustomerDocument, { input: { externalId: 'c-1', displayName: 'Bondi Bakehouse' } });
}, 120_000);
afterAll(async () => {
  await gw?.close();
});

async function sync() {
  const started = await ok(StartSyncDocument, { input: {} });
  await gw.app.services.sync.runs.idle(tenantId);
  const run = (await ok(SyncRunDocument, { id: started.startSync.id })).syncRun!;
  expect({ status: run.status, failed: run.failed, blocked: run.blocked }).toEqual({ status: 'SUCCEEDED', failed: 0, blocked: 0 });
}

describe('card surcharges carry the tax code of the supply', () => {
  it('refuses a surcharge tax code the QuickBooks company does not have, naming it', async () => {
    const methods = await gql(gw.graphqlUrl, UpsertPaymentMethodDocument, { input: { externalId: 'pm-amex', name: 'American Express', isCard: true } }, key);
    const result = await gql(gw.graphqlUrl, SetPaymentMethodSurchargeTaxCodeDocument, { paymentMethodId: methods.data!.upsertPaymentMethod.id, taxCode: 'VAT' }, key);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('taxCode is not a tax code of the QuickBooks company');
  });

  it('splits a surcharge over the GST and GST-free parts of the invoice paid; a method set to FRE stays GST-free', async () => {
    // 300.00 labour + 30.00 GST, and 100.00 of council rates passed on GST-free: 430.00.
    await ok(UpsertInvoiceDocument, { input: invoice('inv-mixed', 'G-1001', [{ amount: '300.00', taxCode: 'GST' }, { amount: '100.00', taxCode: 'FRE' }], '30.00', '430.00') });
    // 110.00, all taxable, paid by Amex whose surcharges the business has set GST-free.
    await ok(UpsertInvoiceDocument, { input: invoice('inv-amex', 'G-1002', [{ amount: '100.00', taxCode: 'GST' }], '10.00', '110.00') });
    await ok(RecordPaymentDocument, { input: { externalId: 'pay-visa', customerExternalId: 'c-1', date: '2026-11-03', currency: 'AUD', amount: '430.00', surcharge: '6.45', paymentMethodExternalId: 'pm-visa', allocations: [{ invoiceExternalId: 'inv-mixed', amount: '430.00' }] } });
    const amex = await ok(UpsertPaymentMethodDocument, { input: { externalId: 'pm-amex', name: 'American Express', isCard: true } });
    expect((await ok(SetPaymentMethodSurchargeTaxCodeDocument, { paymentMethodId: amex.upsertPaymentMethod.id, taxCode: 'fre' })).setPaymentMethodSurchargeTaxCode.surchargeTaxCode).toBe('fre');
    await ok(RecordPaymentDocument, { input: { externalId: 'pay-amex', customerExternalId: 'c-1', date: '2026-11-03', currency: 'AUD', amount: '110.00', surcharge: '3.30', paymentMethodExternalId: 'pm-amex', allocations: [{ invoiceExternalId: 'inv-amex', amount: '110.00' }] } });
    await sync();

    const [visa] = await byNote('SalesReceipt', 'fieldbooks payment surcharge pay-visa');
    // 6.45 × 330/430 = 4.95 GST-inclusive (GST 0.45 = 1/11), 1.50 GST-free; the receipt still totals what was collected.
    expect(visa!.TotalAmt).toBe(6.45);
    expect(visa!.GlobalTaxCalculation).toBe('TaxInclusive');
    expect(codes(visa!)).toEqual([[GST, 4.95], [FRE, 1.5]]);
    expect(gstOf(visa!)).toBe(0.45);
    const [amexReceipt] = await byNote('SalesReceipt', 'fieldbooks payment surcharge pay-amex');
    expect([amexReceipt!.TotalAmt, codes(amexReceipt!), gstOf(amexReceipt!)]).toEqual([3.3, [[FRE, 3.3]], 0]);
    // Card clearing receives payment + surcharge, once each.
    expect((await byNote('Payment', 'fieldbooks payment pay-visa')).map((p) => p.TotalAmt)).toEqual([430]);
  }, 60_000);
});

describe('bad-debt write-offs carry the invoice tax split', () => {
  it('reverses 1/11 of the taxable part written off, and the invoice is closed to the cent', async () => {
    // 1,100.00 all taxable, 500.00 paid, the remaining 600.00 written off: GST 600/11 = 54.55 back.
    await ok(UpsertInvoiceDocument, { input: invoice('inv-partial', 'G-2001', [{ amount: '1000.00', taxCode: 'GST' }], '100.00', '1100.00') });
    await ok(RecordPaymentDocument, { input: { externalId: 'pay-part', customerExternalId: 'c-1', date: '2026-11-10', currency: 'AUD', amount: '500.00', paymentMethodExternalId: 'pm-visa', allocations: [{ invoiceExternalId: 'inv-partial', amount: '500.00' }] } });
    await ok(WriteOffBadDebtDocument, { input: { externalId: 'bd-partial', invoiceExternalId: 'inv-partial', date: '2026-11-30', amount: '600.00', reason: 'Customer in liquidation' } });
    // 430.00 with a GST-free part, written off whole: GST 30.00 back, none on the 100.00 GST-free.
    await ok(UpsertInvoiceDocument, { input: invoice('inv-mixed-bad', 'G-2002', [{ amount: '300.00', taxCode: 'GST' }, { amount: '100.00', taxCode: 'FRE' }], '30.00', '430.00') });
    await ok(WriteOffBadDebtDocument, { input: { externalId: 'bd-mixed', invoiceExternalId: 'inv-mixed-bad', date: '2026-11-30', amount: '430.00' } });
    await sync();

    const [partial] = await byNote('CreditMemo', 'fieldbooks bad-debt write-off bd-partial');
    expect([partial!.TotalAmt, codes(partial!), gstOf(partial!), partial!.TxnTaxDetail!.TotalTax]).toEqual([600, [[GST, 600]], 54.55, 54.55]);
    const [mixed] = await byNote('CreditMemo', 'fieldbooks bad-debt write-off bd-mixed');
    expect([mixed!.TotalAmt, codes(mixed!), gstOf(mixed!)]).toEqual([430, [[GST, 330], [FRE, 100]], 30]);
    // Applied to their invoices: nothing left open, nothing left on the memos.
    const invoices = await qbo('Invoice');
    expect(invoices.filter((i) => i.DocNumber === 'G-2001' || i.DocNumber === 'G-2002').map((i) => [i.DocNumber, i.Balance]).sort()).toEqual([['G-2001', 0], ['G-2002', 0]]);
    expect([partial!.Balance, mixed!.Balance]).toEqual([0, 0]);
  }, 60_000);
});

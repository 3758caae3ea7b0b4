import { describe, expect, it } from 'vitest';
import { type InvoiceRecord, type PaymentRecord } from '../../../ledger/ledger-record.types.js';
import { InvoiceReferenceField, TeamTrackingCategory } from '../../../settings/accounting-settings.fields.js';
import { compareTotals, mapInvoice, planInvoiceLines, roundingLine } from './invoice.mapper.js';
import { dec } from '../../../money/money.js';
import { depositAccount, mapPayment, mapSurchargeReceipt } from './payment.mapper.js';
import { type CompanyTax, itemKeyString, type SalesLookups, type SyncSettings } from '../../../sync/push.types.js';

const settings: SyncSettings = {
  defaultLabourIncomeAccountId: 'L',
  defaultSuppliesIncomeAccountId: 'S',
  paymentsAccountId: 'BANK',
  creditCardPaymentsAccountId: 'CLEAR',
  defaultSupplierInvoiceAccountId: null,
  defaultExpenseAccountId: null,
  defaultRoundingAccountId: 'ROUND',
  retentionIncomeAccountId: 'RET',
  creditNoteAccountId: null,
  badDebtAccountId: null,
  defaultInventoryAccountId: null,
  defaultCostOfGoodsSoldAccountId: null,
  discountAccountId: null,
  invoiceReferenceField: InvoiceReferenceField.CUSTOMER_ORDER_NUMBER,
  teamTrackingCategory: TeamTrackingCategory.CLASS,
  accountingStartDate: null,
};
const AU: CompanyTax = { isUS: false, taxCodesByName: new Map([['gst', { value: '3' }], ['fre', { value: '4' }]]), exemptCode: { value: '4' } };
const US: CompanyTax = { isUS: true, taxCodesByName: new Map(), exemptCode: { value: 'NON' } };

function lookups(tax: CompanyTax = AU): SalesLookups {
  return {
    settings,
    tax,
    customer: { value: '58' },
    jobTypes: new Map([['jt', { labourIncomeAccountId: 'L-JT', materialsIncomeAccountId: 'S-JT' }]]),
    supplies: new Map([
      ['own', { code: 'CP', name: 'Copper', incomeAccountId: 'S-OWN' }],
      ['plain', { code: null, name: 'Fittings', incomeAccountId: null }],
    ]),
    teams: new Map([['t1', { value: '200', name: 'Plumbing' }]]),
    item: (key) => ({ value: `item:${itemKeyString(key)}` }),
  };
}

const base: InvoiceRecord = {
  id: 'i1', tenantId: 't', externalId: 'inv-1', version: 1, pushPending: true, status: 'ACTIVE', createdAt: new Date(), updatedAt: new Date(),
  kind: 'invoice', customerId: 'c', number: 'INV-1', date: '2026-03-01', currency: 'AUD', type: 'STANDARD', taxInclusive: false,
  lines: [
    { lineId: '1', kind: 'LABOUR', description: 'Labour', quantity: '2', unitPrice: '50', amount: '100.00', taxCode: 'GST', teamId: 't1' },
    { lineId: '2', kind: 'SUPPLIES', description: 'Pipe', quantity: '1', unitPrice: '20', amount: '20.00', taxCode: 'gst', supplyId: 'own' },
    { lineId: '3', kind: 'SUPPLIES', description: 'Fittings', quantity: '1', unitPrice: '10', amount: '10.00', taxCode: 'FRE', supplyId: 'plain', jobTypeId: 'jt' },
    { lineId: '4', kind: 'SUPPLIES', description: 'Misc', quantity: '1', unitPrice: '5', amount: '5.00' },
  ],
  subtotal: '135.00', totalTax: '12.00', total: '147.00', customerOrderNumber: 'PO-7',
};

describe('invoice mapper', () => {
  it('uses the supply account, then the job type, then the default', () => {
    const plans = planInvoiceLines(base, lookups());
    expect(plans.map((p) => p.incomeAccountId)).toEqual(['L', 'S-OWN', 'S-JT', 'S']);
    // The supply's own item when it posts to the effective account, else the per-account item.
    expect(plans.map((p) => p.item.purpose)).toEqual(['LABOUR', 'SUPPLY', 'SUPPLIES', 'SUPPLIES']);
  });

  it('job type overrides labour income', () => {
    const plans = planInvoiceLines({ ...base, jobTypeId: 'jt', lines: [base.lines[0]!] }, lookups());
    expect(plans[0]!.incomeAccountId).toBe('L-JT');
  });

  it('tax per line by name for AU, TAX/NON for US; GlobalTaxCalculation only outside the US', () => {
    const au = mapInvoice(base, lookups());
    expect(au.GlobalTaxCalculation).toBe('TaxExcluded');
    expect((au.Line as { SalesItemLineDetail: { TaxCodeRef?: { value: string } } }[]).map((l) => l.SalesItemLineDetail.TaxCodeRef?.value)).toEqual(['3', '3', '4', undefined]);
    const us = mapInvoice({ ...base, lines: base.lines.map((l, i) => ({ ...l, taxCode: undefined, taxable: i === 0 })) }, lookups(US));
    expect(us.GlobalTaxCalculation).toBeUndefined();
    expect((us.Line as { SalesItemLineDetail: { TaxCodeRef: { value: string } } }[]).map((l) => l.SalesItemLineDetail.TaxCodeRef.value)).toEqual(['TAX', 'NON', 'NON', 'NON']);
  });

  it('US sales tax: the FSM tax as the TotalTax override, with the customer code only in a manual company; none outside the US', () => {
    const taxed = { ...base, lines: base.lines.map((l, i) => ({ ...l, taxCode: undefined, taxable: i === 0 })), totalTax: '8.88' };
    expect(mapInvoice(taxed, { ...lookups(US), usSalesTax: { kind: 'AUTOMATED' } }).TxnTaxDetail).toEqual({ TotalTax: 8.88 });
    expect(mapInvoice(taxed, { ...lookups(US), usSalesTax: { kind: 'MANUAL', code: { value: '7' } } }).TxnTaxDetail).toEqual({ TxnTaxCodeRef: { value: '7' }, TotalTax: 8.88 });
    expect(mapInvoice(taxed, { ...lookups(US), usSalesTax: { kind: 'UNKNOWN' } }).TxnTaxDetail).toEqual({ TotalTax: 8.88 });
    expect(mapInvoice(base, lookups()).TxnTaxDetail).toBeUndefined();
  });

  it('an unknown tax code is a TAX_CODE_NOT_FOUND problem', () => {
    expect(() => mapInvoice({ ...base, lines: [{ ...base.lines[0]!, taxCode: 'VAT' }] }, lookups())).toThrow(expect.objectContaining({ code: 'TAX_CODE_NOT_FOUND' }));
  });

  it('class per team, reference field in CustomerMemo, DocNumber', () => {
    const payload = mapInvoice(base, lookups());
    const lines = payload.Line as { SalesItemLineDetail: { ClassRef?: { value: string } } }[];
    expect(lines[0]!.SalesItemLineDetail.ClassRef).toEqual({ value: '200', name: 'Plumbing' });
    expect(lines[1]!.SalesItemLineDetail.ClassRef).toBeUndefined();
    expect(payload).toMatchObject({ DocNumber: 'INV-1', CustomerMemo: { value: 'Order number: PO-7' }, CustomerRef: { value: '58' } });
  });

  it('retention withheld is a negative untaxed line on the retention item; released is positive', () => {
    const withheld = mapInvoice({ ...base, type: 'PROGRESS_CLAIM', retentionWithheld: '13.50' }, lookups());
    const last = (withheld.Line as Record<string, unknown>[]).at(-1) as { Amount: number; SalesItemLineDetail: { ItemRef: { value: string }; TaxCodeRef: { value: string } } };
    expect(last.Amount).toBe(-13.5);
    expect(last.SalesItemLineDetail).toMatchObject({ ItemRef: { value: 'item:RETENTION:RET' }, TaxCodeRef: { value: '4' } });
    const released = mapInvoice({ ...base, type: 'FINAL_RETENTION', retentionReleased: '13.50' }, lookups());
    expect(((released.Line as Record<string, unknown>[]).at(-1) as { Amount: number }).Amount).toBe(13.5);
  });

  it('tax-inclusive lines carry the gross in TaxInclusiveAmt', () => {
    const payload = mapInvoice({ ...base, taxInclusive: true }, lookups());
    expect(payload.GlobalTaxCalculation).toBe('TaxInclusive');
    expect((payload.Line as { Amount?: number; SalesItemLineDetail: { TaxInclusiveAmt: number } }[])[0]).toMatchObject({ SalesItemLineDetail: { TaxInclusiveAmt: 100 } });
  });

  it('rounding: within 0.05 a rounding line, beyond it a mismatch', () => {
    expect(compareTotals('147.00', dec('147.00')).kind).toBe('equal');
    const round = compareTotals('147.00', dec('146.99'));
    expect(round).toMatchObject({ kind: 'round' });
    expect(compareTotals('147.00', dec('146.90')).kind).toBe('mismatch');
    const line = roundingLine(dec('0.01'), lookups(), false) as { Amount: number; SalesItemLineDetail: { ItemRef: { value: string } } };
    expect(line.Amount).toBe(0.01);
    expect(line.SalesItemLineDetail.ItemRef.value).toBe('item:ROUNDING:ROUND');
  });
});

describe('payment mapper', () => {
  const payment: PaymentRecord = {
    id: 'p1', tenantId: 't', externalId: 'pay-1', version: 1, pushPending: true, status: 'ACTIVE', createdAt: new Date(), updatedAt: new Date(),
    kind: 'payment', customerId: 'c', date: '2026-03-02', allocations: [{ invoiceId: 'i1', amount: '147.00' }], amount: '147.00', paymentMethodId: 'm', surcharge: '2.21', reference: 'R1',
  };
  const card = { name: 'Visa', isCard: true, surchargeIncomeAccountId: 'SUR' };
  const ctx = { settings, tax: AU, customer: { value: '58' }, method: card, invoices: new Map([['i1', '900']]), item: (key: Parameters<typeof itemKeyString>[0]) => ({ value: `item:${itemKeyString(key)}` }) };

  it('deposits card payments to the clearing account and others to the payments account', () => {
    expect(depositAccount(card, settings)).toEqual({ value: 'CLEAR' });
    expect(depositAccount({ ...card, isCard: false }, settings)).toEqual({ value: 'BANK' });
    expect(() => depositAccount(card, { ...settings, creditCardPaymentsAccountId: null })).toThrow(expect.objectContaining({ code: 'SETTING_MISSING' }));
  });

  it('links the invoices', () => {
    expect(mapPayment(payment, ctx)).toMatchObject({ TotalAmt: 147, DepositToAccountRef: { value: 'CLEAR' }, PaymentRefNum: 'R1', Line: [{ Amount: 147, LinkedTxn: [{ TxnId: '900', TxnType: 'Invoice' }] }] });
  });

  it('records the surcharge as income on the surcharge item, into the same clearing account, tax-inclusive', () => {
    // No supply known: the exempt code, as before.
    expect(mapSurchargeReceipt(payment, ctx)).toMatchObject({
      DepositToAccountRef: { value: 'CLEAR' },
      GlobalTaxCalculation: 'TaxInclusive',
      Line: [{ SalesItemLineDetail: { ItemRef: { value: 'item:SURCHARGE:SUR' }, TaxCodeRef: { value: '4' }, TaxInclusiveAmt: 2.21 } }],
    });
  });

  it("gives the surcharge the tax codes of the supply it pays for, or the method's own code", () => {
    const codes = (payload: Record<string, unknown>) => (payload.Line as { SalesItemLineDetail: { TaxCodeRef: { value: string }; TaxInclusiveAmt: number } }[]).map((l) => [l.SalesItemLineDetail.TaxCodeRef.value, l.SalesItemLineDetail.TaxInclusiveAmt]);
    // A fully taxable invoice: the whole surcharge is GST (QBO takes 1/11 out of 2.21).
    expect(codes(mapSurchargeReceipt(payment, { ...ctx, supplyTaxShares: [{ taxCode: { value: '3' }, amount: dec('147.00') }] }))).toEqual([['3', 2.21]]);
    // Two thirds taxable, one third GST-free by value: split the same way, the parts adding up to 2.21.
    expect(codes(mapSurchargeReceipt(payment, { ...ctx, supplyTaxShares: [{ taxCode: { value: '3' }, amount: dec('98.00') }, { taxCode: { value: '4' }, amount: dec('49.00') }] }))).toEqual([['3', 1.47], ['4', 0.74]]);
    // The method says FRE: the supply does not matter.
    expect(codes(mapSurchargeReceipt(payment, { ...ctx, method: { ...card, surchargeTaxCode: 'FRE' }, supplyTaxShares: [{ taxCode: { value: '3' }, amount: dec('147.00') }] }))).toEqual([['4', 2.21]]);
    // US: untaxed (NON), as before.
    expect(mapSurchargeReceipt(payment, { ...ctx, tax: US }).Line).toEqual([{ DetailType: 'SalesItemLineDetail', Description: 'Card surcharge (Visa)', Amount: 2.21, SalesItemLineDetail: { ItemRef: { value: 'item:SURCHARGE:SUR' }, TaxCodeRef: { value: 'NON' } } }]);
  });
});

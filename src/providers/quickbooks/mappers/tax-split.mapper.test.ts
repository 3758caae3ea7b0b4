import { describe, expect, it } from 'vitest';
import { type InvoiceRecord } from '../../../ledger/ledger-record.types.js';
import { dec } from '../../../money/money.js';
import { type CompanyTax } from '../../../sync/push.types.js';
import { allocatedTaxShares, invoiceTaxShares, splitByTaxCode } from './tax-split.mapper.js';

const AU: CompanyTax = { isUS: false, taxCodesByName: new Map([['gst', { value: '3' }], ['fre', { value: '4' }], ['exp', { value: '7' }]]), exemptCode: { value: '4' }, taxableCodeIds: new Set(['3', '4', '7']) };
const meta = { tenantId: 't', version: 1, pushPending: true, status: 'ACTIVE' as const, createdAt: new Date(), updatedAt: new Date() };
const invoice = (lines: [string, string][], totalTax: string, total: string, extra: Partial<InvoiceRecord> = {}): InvoiceRecord => ({
  ...meta, id: 'i', externalId: 'inv', kind: 'invoice', customerId: 'c', number: '1', date: '2026-11-01', currency: 'AUD', type: 'STANDARD', taxInclusive: false,
  lines: lines.map(([amount, taxCode], i) => ({ lineId: String(i), kind: 'LABOUR', description: 'x', quantity: '1', unitPrice: amount, amount, taxCode })),
  subtotal: '0', totalTax, total, ...extra,
});
const plain = (shares: { taxCode: { value: string }; amount: ReturnType<typeof dec> }[]) => shares.map((s) => [s.taxCode.value, s.amount.toFixed(2)]);

describe('tax split', () => {
  it('spreads the FSM tax over the codes by net × QBO sales rate; an export line (0%) gets none of it', () => {
    const inv = invoice([['100.00', 'GST'], ['50.00', 'EXP'], ['20.00', 'FRE']], '10.00', '180.00');
    expect(plain(invoiceTaxShares(inv, { ...AU, salesRates: new Map([['3', dec(10)], ['4', dec(0)], ['7', dec(0)]]) }))).toEqual([['3', '110.00'], ['7', '50.00'], ['4', '20.00']]);
    // Without QBO's rates (a dry run) the Taxable flags decide: here EXP is marked taxable, so it shares the tax.
    expect(plain(invoiceTaxShares(inv, AU))).toEqual([['3', '106.67'], ['7', '53.33'], ['4', '20.00']]);
  });

  it('takes tax-inclusive lines as they are and counts retention on the exempt code', () => {
    const inv = invoice([['110.00', 'GST']], '10.00', '104.50', { taxInclusive: true, retentionWithheld: '5.50' });
    expect(plain(invoiceTaxShares(inv, AU))).toEqual([['3', '110.00'], ['4', '-5.50']]);
  });

  it('splits an amount so the parts add up exactly, the largest share taking the rounding cent', () => {
    const shares = [{ taxCode: { value: '3' }, amount: dec(1) }, { taxCode: { value: '4' }, amount: dec(1) }, { taxCode: { value: '7' }, amount: dec(1) }];
    expect(plain(splitByTaxCode(dec('1.00'), shares, null))).toEqual([['3', '0.34'], ['4', '0.33'], ['7', '0.33']]);
    expect(plain(splitByTaxCode(dec('5.00'), [{ taxCode: { value: '3' }, amount: dec(-1) }], { value: '4' }))).toEqual([['4', '5.00']]);
  });

  it('weighs each invoice a payment pays by the amount allocated to it', () => {
    const taxed = invoice([['100.00', 'GST']], '10.00', '110.00');
    const free = invoice([['110.00', 'FRE']], '0.00', '110.00');
    const shares = allocatedTaxShares([{ amount: '110.00', invoice: taxed }, { amount: '55.00', invoice: free }], AU);
    expect(plain(splitByTaxCode(dec('3.00'), shares, null))).toEqual([['3', '2.00'], ['4', '1.00']]);
  });
});

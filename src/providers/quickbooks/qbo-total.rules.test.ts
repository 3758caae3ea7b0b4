import { describe, expect, it } from 'vitest';
import { expectedQboTotal, taxRateTable } from './qbo-total.rules.js';

// AU-like codes: GST (10 %) and FRE (0 %); a split code with two rates.
const rates = taxRateTable(
  [
    { Id: '3', SyncToken: '0', SalesTaxRateList: { TaxRateDetail: [{ TaxRateRef: { value: '10' } }] }, PurchaseTaxRateList: { TaxRateDetail: [{ TaxRateRef: { value: '11' } }] } },
    { Id: '4', SyncToken: '0', SalesTaxRateList: { TaxRateDetail: [{ TaxRateRef: { value: '12' } }] } },
    { Id: '5', SyncToken: '0', SalesTaxRateList: { TaxRateDetail: [{ TaxRateRef: { value: '10' } }, { TaxRateRef: { value: '13' } }] } },
  ],
  [
    { Id: '10', SyncToken: '0', RateValue: 10 },
    { Id: '11', SyncToken: '0', RateValue: 10 },
    { Id: '12', SyncToken: '0', RateValue: 0 },
    { Id: '13', SyncToken: '0', RateValue: 2.5 },
  ],
);
const line = (amount: number, code?: string, gross?: number) => ({
  DetailType: 'SalesItemLineDetail',
  ...(gross === undefined ? { Amount: amount } : {}),
  SalesItemLineDetail: { ItemRef: { value: '1' }, ...(code ? { TaxCodeRef: { value: code } } : {}), ...(gross !== undefined ? { TaxInclusiveAmt: gross } : {}) },
});

describe('expectedQboTotal', () => {
  it('taxes the summed amount once per rate, half-up (not per line)', () => {
    const payload = { GlobalTaxCalculation: 'TaxExcluded', Line: [line(0.15, '3'), line(0.15, '3'), line(0.15, '3')] };
    expect(expectedQboTotal(payload, { isUS: false, side: 'sales', rates })?.toFixed(2)).toBe('0.50');
  });

  it('adds each rate of a combined code, and nothing for a 0 % code or an untaxed line', () => {
    const payload = { GlobalTaxCalculation: 'TaxExcluded', Line: [line(100, '5'), line(40, '4'), line(10)] };
    expect(expectedQboTotal(payload, { isUS: false, side: 'sales', rates })?.toFixed(2)).toBe('162.50');
  });

  it('totals the gross of tax-inclusive lines', () => {
    const payload = { GlobalTaxCalculation: 'TaxInclusive', Line: [line(0, '3', 110), line(0, '3', 55.55), { DetailType: 'SubTotalLineDetail', Amount: 1 }] };
    expect(expectedQboTotal(payload, { isUS: false, side: 'sales', rates })?.toFixed(2)).toBe('165.55');
  });

  it('uses the purchase rates for bills', () => {
    const payload = { GlobalTaxCalculation: 'TaxExcluded', Line: [{ DetailType: 'AccountBasedExpenseLineDetail', Amount: 200, AccountBasedExpenseLineDetail: { TaxCodeRef: { value: '3' } } }] };
    expect(expectedQboTotal(payload, { isUS: false, side: 'purchase', rates })?.toFixed(2)).toBe('220.00');
  });

  it('cannot predict a code it does not know, nor US taxable lines without a TotalTax', () => {
    expect(expectedQboTotal({ GlobalTaxCalculation: 'TaxExcluded', Line: [line(10, '99')] }, { isUS: false, side: 'sales', rates })).toBeNull();
    expect(expectedQboTotal({ Line: [line(10, 'TAX')] }, { isUS: true, side: 'sales' })).toBeNull();
  });

  it('US: the lines plus the TotalTax sent (QBO honours it)', () => {
    expect(expectedQboTotal({ Line: [line(100, 'TAX'), line(20, 'NON')], TxnTaxDetail: { TotalTax: 8.25 } }, { isUS: true, side: 'sales' })?.toFixed(2)).toBe('128.25');
    expect(expectedQboTotal({ Line: [line(20, 'NON')] }, { isUS: true, side: 'sales' })?.toFixed(2)).toBe('20.00');
  });
});

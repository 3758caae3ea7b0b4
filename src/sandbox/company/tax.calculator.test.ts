import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock.js';
import { QboFault } from '../faults.js';
import { InMemoryCompanyStore } from './company.store.js';
import { dec, roundCents } from './money.decimal.js';
import { US_TAX, usCompanySeed, usManualTaxCompanySeed } from './seeds/us-company.seed.js';

describe('money rounding', () => {
  it('rounds half-up by default and half-even when asked', () => {
    expect(roundCents(dec('448.4048')).toString()).toBe('448.4');
    expect(roundCents(dec('0.125')).toString()).toBe('0.13');
    expect(roundCents(dec('0.125'), 'half-even').toString()).toBe('0.12');
  });

  it('never drifts like floats do', () => {
    expect(dec(0.1).plus(dec(0.2)).toString()).toBe('0.3');
  });
});

describe('US sales tax, as QBO computes it (docs/qbo-facts/us-sales-tax.md)', () => {
  const clock = () => new VirtualClock({ start: Date.parse('2026-05-05T09:08:55Z'), scale: 1 });
  const ast = () => new InMemoryCompanyStore(clock(), usCompanySeed());
  const manual = () => new InMemoryCompanyStore(clock(), usManualTaxCompanySeed());
  const id = (s: InMemoryCompanyStore, entity: 'Item' | 'Customer', name: string) => s.list(entity).find((r) => r.Name === name || r.DisplayName === name)!.Id;
  const invoice = (s: InMemoryCompanyStore, customer: string, extra: Record<string, unknown> = {}) =>
    s.write('Invoice', 'create', {
      CustomerRef: { value: id(s, 'Customer', customer) },
      Line: [
        { DetailType: 'SalesItemLineDetail', Amount: 100, SalesItemLineDetail: { ItemRef: { value: id(s, 'Item', 'Materials') }, TaxCodeRef: { value: 'TAX' } } },
        { DetailType: 'SalesItemLineDetail', Amount: 50, SalesItemLineDetail: { ItemRef: { value: id(s, 'Item', 'Labor') }, TaxCodeRef: { value: 'NON' } } },
      ],
      ...extra,
    }) as { TotalAmt: number; TxnTaxDetail: { TxnTaxCodeRef?: { value: string }; TotalTax: number; TaxLine?: { Amount: number; TaxLineDetail: { TaxRateRef: { value: string }; NetAmountTaxable: number } }[] } };

  it('automated: the ship-to address picks the combined code, tax per rate on the taxable lines only', () => {
    const s = ast();
    // Bronx Bagels ships to New York, NY: 4% + 4.5% + 0.375% of 100.00 (the NON line is not taxed).
    const nyc = invoice(s, 'Bronx Bagels');
    expect(nyc.TxnTaxDetail.TxnTaxCodeRef).toEqual({ value: US_TAX.codes.newYorkCity });
    expect(nyc.TxnTaxDetail.TaxLine!.map((l) => [l.TaxLineDetail.TaxRateRef.value, l.Amount, l.TaxLineDetail.NetAmountTaxable])).toEqual([
      [US_TAX.rates.newYorkState, 4, 100],
      [US_TAX.rates.newYorkCity, 4.5, 100],
      [US_TAX.rates.mctd, 0.38, 100],
    ]);
    expect([nyc.TxnTaxDetail.TotalTax, nyc.TotalAmt]).toEqual([8.88, 158.88]);
    // No ship-to address: the company's own (San Pablo, CA) decides; a code sent alone is ignored.
    const ca = invoice(s, "Amy's Bird Sanctuary", { TxnTaxDetail: { TxnTaxCodeRef: { value: US_TAX.codes.newYorkCity } } });
    expect([ca.TxnTaxDetail.TxnTaxCodeRef?.value, ca.TxnTaxDetail.TotalTax, ca.TotalAmt]).toEqual([US_TAX.codes.california, 8, 158]);
    // A ship-to state without sales tax.
    const oregon = invoice(s, "Amy's Bird Sanctuary", { ShipAddr: { Line1: '1 Main St', City: 'Portland', CountrySubDivisionCode: 'OR' } });
    expect([oregon.TxnTaxDetail.TotalTax, oregon.TotalAmt]).toEqual([0, 150]);
  });

  it('automated: an explicit TotalTax is honoured and prorated over the rates of the code', () => {
    const s = ast();
    const nyc = invoice(s, 'Bronx Bagels', { TxnTaxDetail: { TotalTax: 9.01 } });
    expect(nyc.TxnTaxDetail.TaxLine!.map((l) => l.Amount)).toEqual([4.06, 4.57, 0.38]);
    expect([nyc.TxnTaxDetail.TotalTax, nyc.TotalAmt]).toEqual([9.01, 159.01]);
    // Sent with a code, the override uses that code's rates.
    const withCode = invoice(s, "Amy's Bird Sanctuary", { TxnTaxDetail: { TxnTaxCodeRef: { value: US_TAX.codes.newYorkCity }, TotalTax: 8.88 } });
    expect([withCode.TxnTaxDetail.TxnTaxCodeRef?.value, withCode.TxnTaxDetail.TaxLine!.length, withCode.TotalAmt]).toEqual([US_TAX.codes.newYorkCity, 3, 158.88]);
  });

  it('manual: the code sent, else the customer default; with neither no tax at all, even if a TotalTax is sent', () => {
    const s = manual();
    expect(((s.singleton('Preferences').TaxPrefs) as { PartnerTaxEnabled: boolean }).PartnerTaxEnabled).toBe(false);
    const sent = invoice(s, "Amy's Bird Sanctuary", { TxnTaxDetail: { TxnTaxCodeRef: { value: US_TAX.codes.newYorkCity } } });
    expect([sent.TxnTaxDetail.TotalTax, sent.TotalAmt]).toEqual([8.88, 158.88]);
    const byCustomer = invoice(s, "Amy's Bird Sanctuary");
    expect([byCustomer.TxnTaxDetail.TxnTaxCodeRef?.value, byCustomer.TxnTaxDetail.TotalTax]).toEqual([US_TAX.codes.california, 8]);
    const none = invoice(s, 'Geeta Kalapatapu', { TxnTaxDetail: { TotalTax: 8.88 } });
    expect([none.TxnTaxDetail.TotalTax, none.TotalAmt]).toEqual([0, 150]);
    // The ship-to address means nothing without AST.
    const shipped = invoice(s, "Amy's Bird Sanctuary", { ShipAddr: { City: 'New York', CountrySubDivisionCode: 'NY' } });
    expect(shipped.TxnTaxDetail.TxnTaxCodeRef?.value).toBe(US_TAX.codes.california);
  });

  it('refuses a pseudo-code as the transaction code and a negative TotalTax', () => {
    const s = manual();
    expect(() => invoice(s, "Amy's Bird Sanctuary", { TxnTaxDetail: { TxnTaxCodeRef: { value: 'TAX' } } })).toThrow(QboFault);
    expect(() => invoice(s, "Amy's Bird Sanctuary", { TxnTaxDetail: { TotalTax: -1 } })).toThrow(QboFault);
  });
});

/**
 * GST follows the supply (pure). A card surcharge is part of the price of the supply it is paid for,
 * and a bad-debt write-off reverses part of the price of the written-off invoice (ATO rules cited in
 * docs/qbo-facts/au-gst.md): both are split over the tax codes of the invoices concerned, in proportion
 * to each code's GST-inclusive share of the invoice, and sent tax-inclusive so QuickBooks takes the GST
 * out of exactly the amount the FSM recorded (TotalAmt = the FSM amount, to the cent).
 */
import { type Decimal } from 'decimal.js';
import { type InvoiceRecord } from '../../../ledger/ledger-record.types.js';
import { lineTaxCode } from './invoice.mapper.js';
import { dec, toCents } from '../../../money/money.js';
import { type CompanyTax, type QboRef } from '../../../sync/push.types.js';

export interface TaxShare {
  taxCode: QboRef;
  /** GST-inclusive amount (a weight before `splitByTaxCode`, cents after). */
  amount: Decimal;
}

/**
 * How much of the invoice's tax a code's lines carry, per unit of net: its sales rate when QBO's rates
 * are known, else 1 for every code QBO marks taxable except the exempt one (0 otherwise).
 */
function taxWeight(code: QboRef, tax: CompanyTax): Decimal {
  if (tax.salesRates) return tax.salesRates.get(code.value) ?? dec(0);
  if (tax.exemptCode && code.value === tax.exemptCode.value) return dec(0);
  return !tax.taxableCodeIds || tax.taxableCodeIds.has(code.value) ? dec(1) : dec(0);
}

/**
 * The invoice's GST-inclusive amount per tax code (non-US companies). Tax-inclusive lines are gross
 * already; on a tax-exclusive invoice the FSM's total tax is spread over the taxable codes' lines by
 * their net amounts. Retention lines carry the exempt code. The shares add up to the invoice total.
 */
export function invoiceTaxShares(record: InvoiceRecord, tax: CompanyTax): TaxShare[] {
  const exempt = tax.exemptCode;
  const byCode = new Map<string, { taxCode: QboRef; net: Decimal }>();
  const add = (taxCode: QboRef | undefined, amount: Decimal) => {
    const code = taxCode ?? exempt;
    if (!code) return;
    const entry = byCode.get(code.value) ?? { taxCode: { value: code.value, ...(code.name ? { name: code.name } : {}) }, net: dec(0) };
    entry.net = entry.net.plus(amount);
    byCode.set(code.value, entry);
  };
  for (const line of record.lines) add(lineTaxCode(line, tax), dec(line.amount));
  if (record.retentionWithheld) add(undefined, dec(record.retentionWithheld).negated());
  if (record.retentionReleased) add(undefined, dec(record.retentionReleased));
  const entries = [...byCode.values()];
  if (record.taxInclusive) return entries.map((e) => ({ taxCode: e.taxCode, amount: e.net }));
  // The FSM's own tax total, spread over the codes by net × rate (exact for one rate, as GST is).
  const weights = entries.map((e) => e.net.times(taxWeight(e.taxCode, tax)));
  const weightSum = weights.reduce((s, w) => s.plus(w), dec(0));
  const totalTax = dec(record.totalTax);
  return entries.map((e, i) => ({ taxCode: e.taxCode, amount: weightSum.isZero() ? e.net : e.net.plus(totalTax.times(weights[i]!).dividedBy(weightSum)) }));
}

/**
 * `amount` split over the codes in proportion to the shares' weights, each part rounded half-up to
 * cents and the largest share taking the rounding remainder, so the parts add up to `amount` exactly.
 * Codes with no positive weight get nothing; with no positive weight at all, everything goes to `fallback`.
 */
export function splitByTaxCode(amount: Decimal, shares: readonly TaxShare[], fallback: QboRef | null): TaxShare[] {
  const merged = new Map<string, TaxShare>();
  for (const s of shares) {
    const entry = merged.get(s.taxCode.value) ?? { taxCode: s.taxCode, amount: dec(0) };
    entry.amount = entry.amount.plus(s.amount);
    merged.set(s.taxCode.value, entry);
  }
  const weighted = [...merged.values()].filter((s) => s.amount.greaterThan(0));
  const total = weighted.reduce((sum, s) => sum.plus(s.amount), dec(0));
  if (weighted.length === 0 || total.isZero()) return fallback ? [{ taxCode: fallback, amount }] : [];
  const largest = weighted.reduce((a, b) => (b.amount.greaterThan(a.amount) ? b : a));
  const parts = weighted.map((s) => ({ taxCode: s.taxCode, amount: s === largest ? dec(0) : toCents(amount.times(s.amount).dividedBy(total)) }));
  const rest = parts.reduce((sum, p) => sum.plus(p.amount), dec(0));
  const out = parts.map((p, i) => (weighted[i] === largest ? { taxCode: p.taxCode, amount: amount.minus(rest) } : p));
  return out.filter((p) => !p.amount.isZero());
}

/** The shares of the supplies a payment pays for: each allocation weighs its invoice's shares. */
export function allocatedTaxShares(allocations: readonly { amount: string; invoice: InvoiceRecord }[], tax: CompanyTax): TaxShare[] {
  const out: TaxShare[] = [];
  for (const { amount, invoice } of allocations) {
    const total = dec(invoice.total);
    if (total.isZero()) continue;
    for (const share of invoiceTaxShares(invoice, tax)) out.push({ taxCode: share.taxCode, amount: share.amount.times(dec(amount)).dividedBy(total) });
  }
  return out;
}

/**
 * Transaction tax as QBO computes it: per tax rate on the summed taxable amount (not per line),
 * rounded once per rate (facts §8). Non-US companies use real tax codes with rate lists and
 * GlobalTaxCalculation; US companies use TAX/NON line codes and one transaction tax code.
 */
import { faults } from '../faults.js';
import { type Decimal, amount, dec, plain, roundCents, sum } from './money.decimal.js';
import { type QboRecord } from './company.types.js';
import { type Draft, type EntityContext } from './entity.rules.js';
import { resolveOptional } from './refs.resolver.js';

export type GlobalTaxCalculation = 'TaxExcluded' | 'TaxInclusive' | 'NotApplicable';
export type TaxSide = 'sales' | 'purchase';

export interface TaxableLine {
  /** Net amount of the line (QBO's Line.Amount). */
  net: Decimal;
  /** Gross given by the client on a tax-inclusive line (TaxInclusiveAmt), if any. */
  gross?: Decimal;
  taxCodeId: string | undefined;
}

export interface RateShare {
  rate: QboRecord;
  percent: Decimal;
}

/** The tax rates a (non-US) tax code applies on one side of the ledger. */
export function ratesOf(ctx: EntityContext, taxCode: QboRecord, side: TaxSide): RateShare[] {
  const list = (side === 'sales' ? taxCode.SalesTaxRateList : taxCode.PurchaseTaxRateList) as { TaxRateDetail?: { TaxRateRef?: { value?: string } }[] } | undefined;
  const out: RateShare[] = [];
  for (const detail of list?.TaxRateDetail ?? []) {
    const id = detail.TaxRateRef?.value;
    const rate = id ? ctx.find('TaxRate', id) : undefined;
    if (rate) out.push({ rate, percent: dec(rate.RateValue) });
  }
  return out;
}

export interface TaxResult {
  totalTax: Decimal;
  detail: Draft;
}

/**
 * Non-US: one TaxLine per rate used, tax = round(NetAmountTaxable × percent). With TaxInclusive the
 * tax of a rate is taken out of the summed gross instead, so it matches what the customer was shown.
 */
export function computeGlobalTax(ctx: EntityContext, lines: TaxableLine[], mode: GlobalTaxCalculation, side: TaxSide, discountRatio: Decimal | undefined): TaxResult {
  if (mode === 'NotApplicable') return { totalTax: dec(0), detail: { TotalTax: 0 } };
  const byRate = new Map<string, { share: RateShare; net: Decimal; gross: Decimal }>();
  for (const line of lines) {
    if (!line.taxCodeId) continue;
    const code = ctx.find('TaxCode', line.taxCodeId);
    if (!code) continue;
    const shares = ratesOf(ctx, code, side);
    const combined = sum(shares.map((s) => s.percent));
    const gross = line.gross ?? line.net.times(combined.plus(100)).dividedBy(100);
    for (const share of shares) {
      const key = share.rate.Id;
      const acc = byRate.get(key) ?? { share, net: dec(0), gross: dec(0) };
      acc.net = acc.net.plus(line.net);
      // Each rate's slice of the gross: net + this rate's tax on it.
      acc.gross = acc.gross.plus(combined.isZero() ? line.net : line.net.plus(gross.minus(line.net).times(share.percent).dividedBy(combined)));
      byRate.set(key, acc);
    }
  }
  const taxLines: Draft[] = [];
  let total = dec(0);
  for (const { share, net, gross } of [...byRate.values()].sort((a, b) => Number(a.share.rate.Id) - Number(b.share.rate.Id))) {
    const taxableNet = discountRatio ? net.times(discountRatio) : net;
    const raw = mode === 'TaxInclusive' ? (discountRatio ? gross.times(discountRatio) : gross).minus(taxableNet) : taxableNet.times(share.percent).dividedBy(100);
    const tax = roundCents(raw, ctx.options.taxRounding);
    total = total.plus(tax);
    taxLines.push({
      Amount: amount(tax, ctx.options.taxRounding),
      DetailType: 'TaxLineDetail',
      TaxLineDetail: { TaxRateRef: { value: share.rate.Id }, PercentBased: true, TaxPercent: plain(share.percent), NetAmountTaxable: amount(taxableNet) },
    });
  }
  return { totalTax: total, detail: { TotalTax: amount(total), TaxLine: taxLines } };
}

/**
 * US: lines are TAX or NON; the transaction's TxnTaxCodeRef (a combined sales-tax code) supplies the
 * rates. An explicit TotalTax from the client is honoured and prorated over the code's rates.
 */
export function computeUsTax(ctx: EntityContext, lines: TaxableLine[], requested: Draft | undefined, discountRatio: Decimal | undefined): TaxResult {
  const codeRef = resolveOptional(ctx, 'TaxCode', requested?.TxnTaxCodeRef, 'TxnTaxDetail.TxnTaxCodeRef', { withName: false });
  const given = requested?.TotalTax;
  let taxableNet = sum(lines.filter((l) => l.taxCodeId === 'TAX').map((l) => l.net));
  if (discountRatio) taxableNet = taxableNet.times(discountRatio);
  if (!codeRef) {
    const total = given !== undefined ? roundCents(dec(given)) : dec(0);
    return { totalTax: total, detail: { TotalTax: amount(total) } };
  }
  const code = ctx.find('TaxCode', codeRef.value);
  const shares = code ? ratesOf(ctx, code, 'sales') : [];
  if (shares.length === 0) throw faults.invalidReference('TxnTaxDetail.TxnTaxCodeRef');
  const computed = shares.map((s) => roundCents(taxableNet.times(s.percent).dividedBy(100), ctx.options.taxRounding));
  let amounts = computed;
  if (given !== undefined) {
    // Prorate the requested total over the rates; the last rate takes the rounding remainder.
    const wanted = roundCents(dec(given));
    const combined = sum(shares.map((s) => s.percent));
    let allocated = dec(0);
    amounts = shares.map((s, i) => {
      const part = i === shares.length - 1 ? wanted.minus(allocated) : roundCents(combined.isZero() ? dec(0) : wanted.times(s.percent).dividedBy(combined));
      allocated = allocated.plus(part);
      return part;
    });
  }
  const taxLines = shares.map((s, i) => ({
    Amount: amount(amounts[i]!),
    DetailType: 'TaxLineDetail',
    TaxLineDetail: { TaxRateRef: { value: s.rate.Id }, PercentBased: true, TaxPercent: plain(s.percent), NetAmountTaxable: amount(taxableNet) },
  }));
  const total = sum(amounts);
  return { totalTax: total, detail: { TxnTaxCodeRef: codeRef, TotalTax: amount(total), TaxLine: taxLines } };
}

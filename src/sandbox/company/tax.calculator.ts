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

/** Where a US sale is taxed: the ship-to address (QBO copies the customer's when none is given). */
export interface UsDestination {
  state?: string;
  city?: string;
}

/**
 * The AST engine's choice of combined code for a destination (docs/qbo-facts/us-sales-tax.md): state
 * and city, then the state alone. A destination the engine does not know is taxed as the company's
 * own address is (Intuit: with no ship-to address the company address is the destination).
 */
export function astTaxCode(ctx: EntityContext, destination: UsDestination | undefined): string | null {
  const table = ctx.profile.salesTaxJurisdictions ?? [];
  const norm = (v: string | undefined) => (v ?? '').trim().toLowerCase();
  const lookup = (d: UsDestination | undefined) =>
    d && (table.find((j) => norm(j.state) === norm(d.state) && j.city !== undefined && norm(j.city) === norm(d.city)) ?? table.find((j) => norm(j.state) === norm(d.state) && j.city === undefined));
  const found = lookup(destination) ?? lookup(companyDestination(ctx));
  return found ? found.taxCodeId : null;
}

function companyDestination(ctx: EntityContext): UsDestination | undefined {
  const addr: unknown = ctx.all('CompanyInfo')[0]?.CompanyAddr;
  if (typeof addr !== 'object' || addr === null) return undefined;
  const { CountrySubDivisionCode: state, City: city } = addr as { CountrySubDivisionCode?: string; City?: string };
  return { state, city };
}

export interface UsTaxInput {
  lines: TaxableLine[];
  /** The TxnTaxDetail the client sent (TxnTaxCodeRef, TotalTax), if any. */
  requested: Draft | undefined;
  discountRatio: Decimal | undefined;
  destination: UsDestination | undefined;
  /** The customer's DefaultTaxCodeRef (manual sales tax companies). */
  customerTaxCode: unknown;
}

/**
 * US sales tax. Lines are TAX or NON; one combined code (a tax group of rates, each owed to an
 * agency) applies to the whole transaction, tax per rate on the summed taxable amount.
 * - Automated sales tax (Preferences.TaxPrefs.PartnerTaxEnabled): the engine picks the code from the
 *   ship-to address; a TxnTaxCodeRef sent alone is ignored. An explicit TotalTax is honoured and
 *   prorated over the rates of the code (the one sent with it, else the engine's).
 * - Manual sales tax: the TxnTaxCodeRef sent, else the customer's default code. With neither, no tax
 *   is charged and a TotalTax sent is dropped (there is no agency to owe it to).
 */
export function computeUsTax(ctx: EntityContext, input: UsTaxInput): TaxResult {
  const { requested, discountRatio } = input;
  const automated = ((ctx.preferences().TaxPrefs ?? {}) as Draft).PartnerTaxEnabled === true;
  const sent = resolveOptional(ctx, 'TaxCode', requested?.TxnTaxCodeRef, 'TxnTaxDetail.TxnTaxCodeRef', { withName: false });
  if (sent && (sent.value === 'TAX' || sent.value === 'NON')) throw faults.invalidReference('TxnTaxDetail.TxnTaxCodeRef');
  const given = requested?.TotalTax;
  if (given !== undefined && given !== null && (typeof given !== 'number' || !Number.isFinite(given) || given < 0)) {
    throw faults.validation('2010', 'Request has invalid or unsupported property', 'Property Name:TotalTax must be a non-negative amount', 'TxnTaxDetail.TotalTax');
  }
  const override = typeof given === 'number';
  let codeId: string | null;
  if (automated) codeId = override && sent ? sent.value : astTaxCode(ctx, input.destination);
  else codeId = sent?.value ?? (isRef(input.customerTaxCode) ? input.customerTaxCode.value : null);
  let taxableNet = sum(input.lines.filter((l) => l.taxCodeId === 'TAX').map((l) => l.net));
  if (discountRatio) taxableNet = taxableNet.times(discountRatio);
  const code = codeId ? ctx.find('TaxCode', codeId) : undefined;
  if (!code) return { totalTax: dec(0), detail: { TotalTax: 0 } };
  const shares = ratesOf(ctx, code, 'sales');
  if (shares.length === 0) throw faults.invalidReference('TxnTaxDetail.TxnTaxCodeRef');
  let amounts = shares.map((s) => roundCents(taxableNet.times(s.percent).dividedBy(100), ctx.options.taxRounding));
  if (override) {
    // Prorate the requested total over the rates by their percentages; the last takes the remainder.
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
  return { totalTax: total, detail: { TxnTaxCodeRef: { value: code.Id }, TotalTax: amount(total), TaxLine: taxLines } };
}

function isRef(value: unknown): value is { value: string } {
  return typeof value === 'object' && value !== null && typeof (value as { value?: unknown }).value === 'string';
}

/**
 * The total QBO will compute for a sales or purchase payload, worked out before it is sent, so a
 * document whose total QBO would compute differently from the FSM is held before any write (issue #12
 * item 5). QBO's rules (facts §8, docs/qbo-facts/matching-and-go-live.md): every TotalAmt is computed
 * by QBO; non-US tax is worked out per tax rate on the summed taxable amount and rounded once per rate
 * (half-up); with TaxInclusive amounts the tax is taken out of the gross, so the total is the sum of the
 * gross amounts; US tax is the TotalTax sent with the transaction (honoured by QBO), otherwise automated
 * sales tax decides it from addresses and the total is not predictable here. Pure.
 */
import { type QboRecord } from './qbo.client.js';
import { type Dec, dec, toCents } from '../../money/money.js';
import { type QboPayload } from '../../sync/push.types.js';

export type TaxSide = 'sales' | 'purchase';

/** Tax code Id → the percentages of its rates, per side. */
export interface TaxRateTable {
  sales: ReadonlyMap<string, { rateId: string; percent: Dec }[]>;
  purchase: ReadonlyMap<string, { rateId: string; percent: Dec }[]>;
}

type RateList = { TaxRateDetail?: { TaxRateRef?: { value?: string } }[] } | undefined;

/** The table from QBO's TaxCode and TaxRate lists. */
export function taxRateTable(codes: QboRecord[], rates: QboRecord[]): TaxRateTable {
  const percent = new Map(rates.map((r) => [r.Id, dec(typeof r.RateValue === 'number' || typeof r.RateValue === 'string' ? r.RateValue : 0)]));
  const side = (list: RateList) =>
    (list?.TaxRateDetail ?? []).flatMap((d) => {
      const id = d.TaxRateRef?.value;
      const value = id ? percent.get(id) : undefined;
      return id && value ? [{ rateId: id, percent: value }] : [];
    });
  return {
    sales: new Map(codes.map((c) => [c.Id, side(c.SalesTaxRateList as RateList)])),
    purchase: new Map(codes.map((c) => [c.Id, side(c.PurchaseTaxRateList as RateList)])),
  };
}

const AMOUNT_LINES = ['SalesItemLineDetail', 'AccountBasedExpenseLineDetail', 'ItemBasedExpenseLineDetail'];

function amountOf(value: unknown): Dec | undefined {
  return typeof value === 'number' || typeof value === 'string' ? dec(value) : undefined;
}

/**
 * QBO's TotalAmt for `payload`, or null when it cannot be known in advance (US taxable lines, a tax
 * code the table does not know).
 */
export function expectedQboTotal(payload: QboPayload, options: { isUS: boolean; side: TaxSide; rates?: TaxRateTable }): Dec | null {
  const lines = ((payload.Line ?? []) as Record<string, unknown>[]).filter((l) => AMOUNT_LINES.includes(String(l.DetailType)));
  const mode = options.isUS ? 'NotApplicable' : typeof payload.GlobalTaxCalculation === 'string' ? payload.GlobalTaxCalculation : 'TaxExcluded';
  // US: a TotalTax sent with the transaction is honoured (AST prorates it over its rates, facts §8).
  const givenTax = amountOf((payload.TxnTaxDetail as { TotalTax?: unknown } | undefined)?.TotalTax);
  let total = dec(0);
  const taxableByRate = new Map<string, { net: Dec; percent: Dec }>();
  for (const line of lines) {
    const detail = (line[String(line.DetailType)] ?? {}) as { TaxCodeRef?: { value?: string }; TaxInclusiveAmt?: unknown };
    const code = detail.TaxCodeRef?.value;
    const gross = amountOf(detail.TaxInclusiveAmt);
    const net = amountOf(line.Amount);
    if (options.isUS) {
      // Without a given TotalTax, automated sales tax decides the tax of a TAX line from addresses.
      if (code === 'TAX' && !givenTax) return null;
      total = total.plus(net ?? gross ?? 0);
      continue;
    }
    if (mode === 'TaxInclusive') {
      // The gross of a taxed line is what the customer pays; a line without a code carries no tax.
      const paid = gross ?? (code ? undefined : net);
      if (!paid) return null;
      total = total.plus(paid);
      continue;
    }
    if (!net) return null;
    total = total.plus(net);
    if (mode !== 'TaxExcluded' || !code) continue;
    const shares = options.rates?.[options.side].get(code);
    if (!shares) return null;
    for (const share of shares) {
      const acc = taxableByRate.get(share.rateId) ?? { net: dec(0), percent: share.percent };
      acc.net = acc.net.plus(net);
      taxableByRate.set(share.rateId, acc);
    }
  }
  if (options.isUS && givenTax) total = total.plus(toCents(givenTax));
  for (const { net, percent } of taxableByRate.values()) total = total.plus(toCents(net.times(percent).dividedBy(100)));
  return toCents(total);
}

/**
 * Invoice, CreditMemo and SalesReceipt share one form: customer, lines with the automatic SubTotal,
 * discounts, tax (per rate on summed amounts), TotalAmt, addresses copied from the customer, and the
 * amounts applied to them by payments (Balance, LinkedTxn).
 */
import { faults } from '../../faults.js';
import { type Decimal, amount, dec, sum } from '../money.decimal.js';
import { type EntityName, type QboRecord } from '../company.types.js';
import { type Draft, type EntityContext } from '../entity.rules.js';
import { buildSalesLines } from '../lines.builder.js';
import { resolveRecord } from '../refs.resolver.js';
import { computeGlobalTax, computeUsTax } from '../tax.calculator.js';
import { isObject } from '../validate.util.js';
import { applyCurrency, applyDocNumber, applyGlobalTax, applyHeaderRefs, applyHomeAmounts, applyTxnDate, homeAmount } from './transaction.shared.js';

export interface SalesFormResult {
  draft: Draft;
  customer: QboRecord;
  total: Decimal;
}

export function buildSalesForm(ctx: EntityContext, draft: Draft, previous: QboRecord | undefined): SalesFormResult {
  const { ref: customerRef, record: customer } = resolveRecord(ctx, 'Customer', draft.CustomerRef, 'CustomerRef');
  draft.CustomerRef = customerRef;
  const mode = applyGlobalTax(ctx, draft);
  applyTxnDate(ctx, draft);
  applyDocNumber(ctx, draft, previous, 'sales');
  applyCurrency(ctx, draft, { record: customer, label: 'customer' });
  applyHeaderRefs(ctx, draft);
  const lines = buildSalesLines(ctx, draft, previous, mode);
  draft.Line = lines.lines;
  const afterDiscount = lines.subtotal.minus(lines.discount);
  const applyAfterDiscount = draft.ApplyTaxAfterDiscount === true;
  const ratio = applyAfterDiscount && !lines.subtotal.isZero() && !lines.discount.isZero() ? afterDiscount.dividedBy(lines.subtotal) : undefined;
  // Addresses first: US automated sales tax is decided by the ship-to address.
  if (draft.BillAddr === undefined && isObject(customer.BillAddr)) draft.BillAddr = customer.BillAddr;
  if (draft.ShipAddr === undefined && isObject(customer.ShipAddr)) draft.ShipAddr = customer.ShipAddr;
  const requested = isObject(draft.TxnTaxDetail) ? draft.TxnTaxDetail : undefined;
  const ship = isObject(draft.ShipAddr) ? draft.ShipAddr : undefined;
  const tax =
    ctx.profile.country === 'US'
      ? computeUsTax(ctx, {
          lines: lines.taxable,
          requested,
          discountRatio: ratio,
          destination: ship ? { state: typeof ship.CountrySubDivisionCode === 'string' ? ship.CountrySubDivisionCode : undefined, city: typeof ship.City === 'string' ? ship.City : undefined } : undefined,
          customerTaxCode: customer.DefaultTaxCodeRef,
        })
      : computeGlobalTax(ctx, lines.taxable, mode ?? 'NotApplicable', 'sales', ratio);
  draft.TxnTaxDetail = tax.detail;
  const total = afterDiscount.plus(tax.totalTax);
  draft.TotalAmt = amount(total);
  applyHomeAmounts(ctx, draft, ['TotalAmt']);
  draft.ApplyTaxAfterDiscount = applyAfterDiscount;
  if (draft.BillEmail === undefined && isObject(customer.PrimaryEmailAddr)) draft.BillEmail = { Address: customer.PrimaryEmailAddr.Address };
  if (draft.EmailStatus === 'NeedToSend' && !isObject(draft.BillEmail)) throw faults.requiredMissing('BillEmail');
  draft.PrintStatus ??= 'NeedToPrint';
  draft.EmailStatus ??= 'NotSet';
  draft.CustomField ??= [];
  if (typeof draft.CustomerMemo === 'string') draft.CustomerMemo = { value: draft.CustomerMemo };
  if (isObject(draft.CustomerMemo) && typeof draft.CustomerMemo.value === 'string' && draft.CustomerMemo.value.length > 1000) {
    throw faults.tooLong('CustomerMemo', 1000, draft.CustomerMemo.value.length);
  }
  return { draft, customer, total };
}

/** Amount applied to a sales form by live payments (voided payments apply nothing). */
export function appliedTo(ctx: EntityContext, txnType: EntityName, id: string, excludePaymentId?: string): { amount: Decimal; payments: string[] } {
  const payments: string[] = [];
  const amounts: Decimal[] = [];
  for (const p of ctx.all('Payment')) {
    if (p.Id === excludePaymentId) continue;
    let applied = dec(0);
    for (const line of (p.Line as Draft[] | undefined) ?? []) {
      for (const link of (line.LinkedTxn as Draft[] | undefined) ?? []) if (link.TxnId === id && link.TxnType === txnType) applied = applied.plus(dec(line.Amount));
    }
    if (!applied.isZero()) {
      payments.push(p.Id);
      amounts.push(applied);
    }
  }
  return { amount: sum(amounts), payments };
}

/** Balance and LinkedTxn of a sales form from the payments applied to it. */
export function paymentLinks(ctx: EntityContext, entity: EntityName, record: Draft & { Id: string }): { balance: number; linked: Draft[] } {
  const { amount: applied, payments } = appliedTo(ctx, entity, record.Id);
  const others = ((record.LinkedTxn as Draft[] | undefined) ?? []).filter((l) => l.TxnType !== 'Payment');
  const balance = record.TxnStatus === 'Voided' ? 0 : amount(dec(record.TotalAmt).minus(applied));
  return { balance, linked: [...others, ...payments.map((p) => ({ TxnId: p, TxnType: 'Payment' }))] };
}

/** Relink helper: returns the changed fields or undefined. */
export function relinkSalesForm(ctx: EntityContext, entity: EntityName, record: QboRecord, balanceFields: readonly string[]): Draft | undefined {
  const { balance, linked } = paymentLinks(ctx, entity, record);
  const changed = balanceFields.some((f) => record[f] !== balance) || JSON.stringify(record.LinkedTxn ?? []) !== JSON.stringify(linked);
  if (!changed) return undefined;
  const out: Draft = { LinkedTxn: linked };
  for (const f of balanceFields) out[f] = balance;
  if (record.HomeBalance !== undefined) out.HomeBalance = homeAmount(balance, dec(record.ExchangeRate ?? 1));
  return out;
}

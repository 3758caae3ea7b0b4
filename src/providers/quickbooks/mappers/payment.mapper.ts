/**
 * FSM payment → QBO Payment payload (pure): applied to its invoices, deposited to the payments
 * account, or to the card clearing account for card methods. A card surcharge becomes a separate
 * SalesReceipt on the surcharge item (income on the method's surcharge account) deposited to the same
 * clearing account, so the clearing account receives payment plus surcharge. A SalesReceipt rather
 * than an extra Payment line or a Deposit: a Payment can only apply money to transactions (it has no
 * income lines), and a Deposit would need the money to sit in Undeposited Funds first; a SalesReceipt
 * is one self-contained income document with the customer on it, voidable with the payment.
 * Outside the US the surcharge is part of the price of the supply (ATO, docs/qbo-facts/au-gst.md): the
 * receipt is tax-inclusive, on the method's surcharge tax code if it has one, else on the tax codes of
 * the invoices paid, so the GST in it is 1/11 of a taxable surcharge and the total is still the amount
 * collected. US receipts stay NON (sales tax on surcharges is a per-state question the FSM does not answer).
 *
 * A refund of the payment's unapplied credit is a RefundReceipt paid out of the same deposit account.
 * A refund receipt never touches Accounts Receivable, so on its own it would leave the refunded credit
 * open on the customer (docs/qbo-facts/customer-credit.md). Its line is on the "customer credit
 * refund" item (creditNoteAccount), and a clearing invoice on the same item and amount is applied by
 * the payment: the item's account nets to zero, A/R loses exactly the refunded credit, and the bank
 * (or clearing account) pays the refund out.
 */
import { type PaymentRecord, type PaymentRefund } from '../../../ledger/ledger-record.types.js';
import { dec, toQboAmount } from '../../../money/money.js';
import { globalTaxCalculation, lineTaxCode, salesLine } from './invoice.mapper.js';
import { type CompanyTax, type ItemKey, type QboPayload, type QboRef, type SyncSettings } from '../../../sync/push.types.js';
import { settingMissing } from '../../../sync/sync.errors.js';
import { splitByTaxCode, type TaxShare } from './tax-split.mapper.js';
import { type CompanyCurrency, currencyFields } from '../../../sync/currency.rules.js';

export interface PaymentMethodInfo {
  name: string;
  isCard: boolean;
  surchargeIncomeAccountId: string | null;
  /** A QuickBooks tax code name for the method's surcharges; null: the tax codes of the supply. */
  surchargeTaxCode?: string | null;
}

export interface PaymentLookups {
  settings: SyncSettings;
  tax: CompanyTax;
  customer: QboRef;
  method: PaymentMethodInfo;
  /** FSM invoice id → its QBO invoice id. */
  invoices: ReadonlyMap<string, string>;
  /** The QBO payment method with the FSM method's name, if the company has one. */
  qboPaymentMethod?: QboRef;
  item: (key: ItemKey) => QboRef;
  /** Non-US: the GST-inclusive shares per tax code of the invoices paid (tax-split.mapper). */
  supplyTaxShares?: readonly TaxShare[];
  /** Refund id → the QBO invoice clearing that refund's credit (see mapRefundClearingInvoice). */
  refundClearing?: ReadonlyMap<string, string>;
  /** The company's currencies; absent: home-currency payments only. */
  currency?: CompanyCurrency;
}

export function depositAccount(method: PaymentMethodInfo, settings: SyncSettings): QboRef {
  if (method.isCard) {
    if (!settings.creditCardPaymentsAccountId) throw settingMissing('creditCardPaymentsAccount', `for card payments (${method.name})`);
    return { value: settings.creditCardPaymentsAccountId };
  }
  if (!settings.paymentsAccountId) throw settingMissing('paymentsAccount', 'for payments');
  return { value: settings.paymentsAccountId };
}

export function hasSurcharge(record: PaymentRecord): boolean {
  return record.surcharge !== undefined && !dec(record.surcharge).isZero();
}

export function surchargeItem(method: PaymentMethodInfo): ItemKey {
  if (!method.surchargeIncomeAccountId) throw settingMissing(`the surcharge income account of payment method "${method.name}"`, 'for card surcharges');
  return { purpose: 'SURCHARGE', incomeAccountId: method.surchargeIncomeAccountId };
}

export function mapPayment(record: PaymentRecord, ctx: PaymentLookups): QboPayload {
  const payload: QboPayload = {
    CustomerRef: ctx.customer,
    TxnDate: record.date,
    TotalAmt: toQboAmount(record.amount),
    DepositToAccountRef: depositAccount(ctx.method, ctx.settings),
    ...(ctx.currency ? currencyFields(record, ctx.currency, `The payment ${record.reference ?? record.externalId}`) : {}),
    Line: [
      ...record.allocations.map((a) => ({
        Amount: toQboAmount(a.amount),
        LinkedTxn: [{ TxnId: ctx.invoices.get(a.invoiceId), TxnType: 'Invoice' }],
      })),
      // The refunded part of the credit is applied to the invoice that clears it.
      ...(record.refunds ?? []).map((r) => ({ Amount: toQboAmount(r.amount), LinkedTxn: [{ TxnId: ctx.refundClearing?.get(r.refundId), TxnType: 'Invoice' }] })),
    ],
    PrivateNote: `fieldbooks payment ${record.externalId}`,
  };
  if (ctx.qboPaymentMethod) payload.PaymentMethodRef = ctx.qboPaymentMethod;
  if (record.reference) payload.PaymentRefNum = record.reference.slice(0, 21);
  return payload;
}

/** The surcharge per tax code (non-US): the method's code, else the supply's codes, else the exempt code. */
export function surchargeTaxSplit(record: PaymentRecord, ctx: PaymentLookups): TaxShare[] {
  const surcharge = dec(record.surcharge ?? '0');
  const own = ctx.method.surchargeTaxCode ? lineTaxCode({ taxCode: ctx.method.surchargeTaxCode }, ctx.tax) : undefined;
  if (own) return [{ taxCode: own, amount: surcharge }];
  return splitByTaxCode(surcharge, ctx.supplyTaxShares ?? [], ctx.tax.exemptCode);
}

export function mapSurchargeReceipt(record: PaymentRecord, ctx: PaymentLookups): QboPayload {
  const description = `Card surcharge (${ctx.method.name})`;
  const item = ctx.item(surchargeItem(ctx.method));
  const lines = ctx.tax.isUS
    ? [salesLine({ description, amount: dec(record.surcharge ?? '0'), item, taxCode: ctx.tax.exemptCode ?? undefined, taxInclusive: false, tax: ctx.tax })]
    : surchargeTaxSplit(record, ctx).map((part) => salesLine({ description, amount: part.amount, item, taxCode: part.taxCode, taxInclusive: true, tax: ctx.tax }));
  return {
    CustomerRef: ctx.customer,
    TxnDate: record.date,
    DepositToAccountRef: depositAccount(ctx.method, ctx.settings),
    ...globalTaxCalculation(true, ctx.tax),
    ...(ctx.currency ? currencyFields(record, ctx.currency, `The surcharge of payment ${record.reference ?? record.externalId}`) : {}),
    Line: lines,
    ...(ctx.qboPaymentMethod ? { PaymentMethodRef: ctx.qboPaymentMethod } : {}),
    PrivateNote: `fieldbooks payment surcharge ${record.externalId}`,
  };
}

export function creditRefundItem(settings: SyncSettings): ItemKey {
  if (!settings.creditNoteAccountId) throw settingMissing('creditNoteAccount', 'for refunds of customer credit');
  return { purpose: 'CREDIT_REFUND', incomeAccountId: settings.creditNoteAccountId };
}

function refundLine(refund: PaymentRefund, ctx: PaymentLookups, description: string): QboPayload {
  // A refund of money received (a deposit, an overpayment) is not a supply: untaxed, the exact amount.
  return salesLine({ description, amount: dec(refund.amount), item: ctx.item(creditRefundItem(ctx.settings)), taxCode: ctx.tax.exemptCode ?? undefined, taxInclusive: false, tax: ctx.tax });
}

/** The RefundReceipt paying `refund` back out of the account the payment went into. */
export function mapRefundReceipt(record: PaymentRecord, refund: PaymentRefund, ctx: PaymentLookups): QboPayload {
  const payload: QboPayload = {
    CustomerRef: ctx.customer,
    TxnDate: refund.date,
    DepositToAccountRef: depositAccount(ctx.method, ctx.settings),
    ...globalTaxCalculation(false, ctx.tax),
    Line: [refundLine(refund, ctx, `Refund of customer credit${record.reference ? ` (payment ${record.reference})` : ''}`)],
    PrivateNote: `fieldbooks payment ${record.externalId} refund ${refund.refundId}`,
  };
  if (ctx.qboPaymentMethod) payload.PaymentMethodRef = ctx.qboPaymentMethod;
  if (refund.reference) payload.PaymentRefNum = refund.reference.slice(0, 21);
  return payload;
}

/** The invoice the payment applies its refunded credit to, so A/R no longer shows that credit. */
export function mapRefundClearingInvoice(record: PaymentRecord, refund: PaymentRefund, ctx: PaymentLookups): QboPayload {
  return {
    CustomerRef: ctx.customer,
    TxnDate: refund.date,
    ...globalTaxCalculation(false, ctx.tax),
    Line: [refundLine(refund, ctx, `Customer credit refunded${refund.reference ? ` (${refund.reference})` : ''}: clears the credit paid back by the refund receipt`)],
    PrivateNote: `fieldbooks payment ${record.externalId} refund ${refund.refundId} clearing`,
  };
}

/**
 * FSM payment → QBO Payment payload (pure): applied to its invoices, deposited to the payments
 * account, or to the card clearing account for card methods. A card surcharge becomes a separate
 * SalesReceipt on the surcharge item (income on the method's surcharge account) deposited to the same
 * clearing account, so the clearing account receives payment plus surcharge. A SalesReceipt rather
 * than an extra Payment line or a Deposit: a Payment can only apply money to transactions (it has no
 * income lines), and a Deposit would need the money to sit in Undeposited Funds first; a SalesReceipt
 * is one self-contained income document with the customer on it, voidable with the payment.
 */
import { type PaymentRecord } from '../ledger/ledger-record.types.js';
import { dec, toQboAmount } from './money.util.js';
import { globalTaxCalculation, salesLine } from './invoice.mapper.js';
import { type CompanyTax, type ItemKey, type QboPayload, type QboRef, type SyncSettings } from './push.types.js';
import { settingMissing } from './sync.errors.js';

export interface PaymentMethodInfo {
  name: string;
  isCard: boolean;
  surchargeIncomeAccountId: string | null;
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
    Line: record.allocations.map((a) => ({
      Amount: toQboAmount(a.amount),
      LinkedTxn: [{ TxnId: ctx.invoices.get(a.invoiceId), TxnType: 'Invoice' }],
    })),
    PrivateNote: `fieldbooks payment ${record.externalId}`,
  };
  if (ctx.qboPaymentMethod) payload.PaymentMethodRef = ctx.qboPaymentMethod;
  if (record.reference) payload.PaymentRefNum = record.reference.slice(0, 21);
  return payload;
}

export function mapSurchargeReceipt(record: PaymentRecord, ctx: PaymentLookups): QboPayload {
  return {
    CustomerRef: ctx.customer,
    TxnDate: record.date,
    DepositToAccountRef: depositAccount(ctx.method, ctx.settings),
    ...globalTaxCalculation(false, ctx.tax),
    Line: [
      salesLine({
        description: `Card surcharge (${ctx.method.name})`,
        amount: dec(record.surcharge ?? '0'),
        item: ctx.item(surchargeItem(ctx.method)),
        // The FSM's surcharge is the amount collected; it is recorded untaxed so the clearing account
        // receives exactly payment + surcharge.
        taxCode: ctx.tax.exemptCode ?? undefined,
        taxInclusive: false,
        tax: ctx.tax,
      }),
    ],
    ...(ctx.qboPaymentMethod ? { PaymentMethodRef: ctx.qboPaymentMethod } : {}),
    PrivateNote: `fieldbooks payment surcharge ${record.externalId}`,
  };
}

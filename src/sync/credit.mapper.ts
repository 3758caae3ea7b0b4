/**
 * FSM credit notes and bad-debt write-offs → QBO CreditMemo payloads (pure), and the zero-total
 * Payment that applies a credit memo to an invoice. QBO has no "apply credit" call: a Payment whose
 * lines link the invoice (+amount) and the credit memo (-amount) nets to zero, moves no money, and
 * lowers both open balances by the amount (facts §7.6: a payment can link invoices and credit memos).
 * Credit notes post to the credit-note item (income account creditNoteAccount), write-offs to the
 * bad-debt item (badDebtAccount). A write-off is the unpaid gross amount, so its line is untaxed
 * (the exempt code) and the invoice balance drops by exactly the amount written off.
 */
import { type BadDebtWriteOffRecord, type CreditNoteRecord } from '../ledger/ledger-record.types.js';
import { globalTaxCalculation, lineTaxCode, salesLine, usTxnTaxDetail } from './invoice.mapper.js';
import { dec, toQboAmount } from './money.util.js';
import { type CompanyTax, type ItemKey, type QboPayload, type QboRef, type SyncSettings, type UsSalesTax } from './push.types.js';
import { settingMissing } from './sync.errors.js';

export interface CreditLookups {
  settings: SyncSettings;
  tax: CompanyTax;
  customer: QboRef;
  item: (key: ItemKey) => QboRef;
  usSalesTax?: UsSalesTax;
}

export function creditNoteItem(settings: SyncSettings): ItemKey {
  if (!settings.creditNoteAccountId) throw settingMissing('creditNoteAccount', 'for credit notes');
  return { purpose: 'CREDIT_NOTE', incomeAccountId: settings.creditNoteAccountId };
}

export function badDebtItem(settings: SyncSettings): ItemKey {
  if (!settings.badDebtAccountId) throw settingMissing('badDebtAccount', 'for bad-debt write-offs');
  return { purpose: 'BAD_DEBT', incomeAccountId: settings.badDebtAccountId };
}

export function mapCreditMemo(record: CreditNoteRecord, ctx: CreditLookups): QboPayload {
  const item = ctx.item(creditNoteItem(ctx.settings));
  return {
    CustomerRef: ctx.customer,
    DocNumber: record.number.slice(0, 21),
    TxnDate: record.date,
    ...globalTaxCalculation(record.taxInclusive, ctx.tax),
    Line: record.lines.map((line) =>
      salesLine({ description: line.description, amount: dec(line.amount), item, taxCode: lineTaxCode(line, ctx.tax), taxInclusive: record.taxInclusive, tax: ctx.tax }),
    ),
    ...usTxnTaxDetail(record.totalTax, ctx.tax, ctx.usSalesTax),
    PrivateNote: `fieldbooks credit note ${record.externalId}`,
  };
}

export function mapBadDebtMemo(record: BadDebtWriteOffRecord, ctx: CreditLookups & { invoiceNumber?: string }): QboPayload {
  const description = `Bad debt written off${ctx.invoiceNumber ? ` (invoice ${ctx.invoiceNumber})` : ''}${record.reason ? `: ${record.reason}` : ''}`;
  return {
    CustomerRef: ctx.customer,
    TxnDate: record.date,
    ...globalTaxCalculation(false, ctx.tax),
    Line: [salesLine({ description, amount: dec(record.amount), item: ctx.item(badDebtItem(ctx.settings)), taxCode: ctx.tax.exemptCode ?? undefined, taxInclusive: false, tax: ctx.tax })],
    PrivateNote: `fieldbooks bad-debt write-off ${record.externalId}`,
  };
}

/** The zero-total Payment that applies `amount` of a credit memo to an invoice. */
export function mapCreditApplication(options: { customer: QboRef; invoiceId: string; creditMemoId: string; amount: string; date: string; note: string }): QboPayload {
  const value = toQboAmount(options.amount);
  return {
    CustomerRef: options.customer,
    TxnDate: options.date,
    TotalAmt: 0,
    Line: [
      { Amount: value, LinkedTxn: [{ TxnId: options.invoiceId, TxnType: 'Invoice' }] },
      { Amount: value, LinkedTxn: [{ TxnId: options.creditMemoId, TxnType: 'CreditMemo' }] },
    ],
    PrivateNote: options.note,
  };
}

/**
 * FSM credit notes and bad-debt write-offs → QBO CreditMemo payloads (pure), and the zero-total
 * Payment that applies a credit memo to an invoice. QBO has no "apply credit" call: a Payment whose
 * lines link the invoice (+amount) and the credit memo (-amount) nets to zero, moves no money, and
 * lowers both open balances by the amount (facts §7.6: a payment can link invoices and credit memos).
 * Credit notes post to the credit-note item (income account creditNoteAccount), write-offs to the
 * bad-debt item (badDebtAccount). A write-off is the unpaid gross amount: outside the US it carries the
 * written-off invoice's tax split (tax-inclusive, per tax code), so QuickBooks reverses the GST on it
 * (the ATO's decreasing adjustment for bad debts, docs/qbo-facts/au-gst.md) while the invoice balance
 * drops by exactly the amount written off. US write-offs stay NON (sales-tax bad-debt relief is claimed
 * on the state return, not on the invoice).
 */
import { type BadDebtWriteOffRecord, type CreditNoteRecord, type InvoiceRecord } from '../../../ledger/ledger-record.types.js';
import { globalTaxCalculation, lineTaxCode, salesLine, usTxnTaxDetail } from './invoice.mapper.js';
import { dec, toQboAmount } from '../../../money/money.js';
import { type CompanyTax, type ItemKey, type QboPayload, type QboRef, type SyncSettings, type UsSalesTax } from '../../../sync/push.types.js';
import { settingMissing } from '../../../sync/sync.errors.js';
import { invoiceTaxShares, splitByTaxCode } from './tax-split.mapper.js';

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

export function mapBadDebtMemo(record: BadDebtWriteOffRecord, ctx: CreditLookups & { invoice?: InvoiceRecord }): QboPayload {
  const invoiceNumber = ctx.invoice?.number;
  const description = `Bad debt written off${invoiceNumber ? ` (invoice ${invoiceNumber})` : ''}${record.reason ? `: ${record.reason}` : ''}`;
  const item = ctx.item(badDebtItem(ctx.settings));
  const amount = dec(record.amount);
  const lines = ctx.tax.isUS
    ? [salesLine({ description, amount, item, taxCode: ctx.tax.exemptCode ?? undefined, taxInclusive: false, tax: ctx.tax })]
    : splitByTaxCode(amount, ctx.invoice ? invoiceTaxShares(ctx.invoice, ctx.tax) : [], ctx.tax.exemptCode).map((part) =>
        salesLine({ description, amount: part.amount, item, taxCode: part.taxCode, taxInclusive: true, tax: ctx.tax }),
      );
  return {
    CustomerRef: ctx.customer,
    TxnDate: record.date,
    ...globalTaxCalculation(true, ctx.tax),
    Line: lines,
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

/**
 * FSM records in a bookkeeper's terms: the kind as a word ("Credit note"), the number a bookkeeper
 * looks up, the customer or supplier, the date as written on paper and the amount with thousands
 * separators. Used by sync issue messages and by the API's description of an issue's records, so a
 * record is never named by a database id. Pure.
 */
import { type LedgerKind, type LedgerRecord } from '../ledger/ledger-record.types.js';
import { type Dec, money } from '../money/money.js';

export const KIND_NOUNS: Record<LedgerKind, string> = {
  customer: 'customer',
  supplier: 'supplier',
  invoice: 'invoice',
  creditNote: 'credit note',
  payment: 'payment',
  badDebtWriteOff: 'bad-debt write-off',
  supplierInvoice: 'supplier invoice',
  expense: 'expense',
};

/** The QuickBooks name of what each kind becomes there (QuickBooks' own words). */
export const QUICKBOOKS_NOUNS: Record<LedgerKind, string> = {
  customer: 'customer',
  supplier: 'supplier',
  invoice: 'invoice',
  creditNote: 'credit memo',
  payment: 'payment',
  badDebtWriteOff: 'credit memo',
  supplierInvoice: 'bill',
  expense: 'expense',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-03-05" → "5 Mar 2026" (a calendar date: no time zone involved). */
export function formatDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return date;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}

/** 1250.5 → "1,250.50" (exact: decimal strings, never floats). */
export function formatAmount(value: Dec | string | number): string {
  const fixed = money(value);
  const [whole, cents] = fixed.split('.');
  const negative = whole!.startsWith('-');
  const digits = negative ? whole!.slice(1) : whole!;
  return `${negative ? '-' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface RecordTerms {
  kind: LedgerKind;
  /** "Invoice", "Credit note", "Bad-debt write-off"... */
  kindLabel: string;
  /** Invoice, credit note and supplier invoice numbers; a payment's or expense's reference. */
  number: string | null;
  /** A customer's or supplier's own name, or the customer/supplier of a transaction. */
  name: string | null;
  date: string | null;
  amount: string | null;
  currency: string | null;
  /** All of the above on one line: "Invoice 1042 · Harbour Dental Group · 2 Mar 2026 · 165.00". */
  label: string;
}

/** The record's terms; `counterparty` is the display name of its customer or supplier, when it has one. */
export function recordTerms(record: LedgerRecord, counterparty: string | null = null): RecordTerms {
  const base = { kind: record.kind, kindLabel: capitalise(KIND_NOUNS[record.kind]), currency: null as string | null };
  let terms: Omit<RecordTerms, 'label'>;
  switch (record.kind) {
    case 'customer':
    case 'supplier':
      terms = { ...base, number: null, name: record.displayName, date: null, amount: null };
      break;
    case 'invoice':
      terms = { ...base, number: record.number, name: counterparty, date: record.date, amount: money(record.total), currency: record.currency };
      break;
    case 'creditNote':
    case 'supplierInvoice':
      terms = { ...base, number: record.number, name: counterparty, date: record.date, amount: money(record.total) };
      break;
    case 'payment':
      terms = { ...base, number: record.reference ?? null, name: counterparty, date: record.date, amount: money(record.amount) };
      break;
    case 'badDebtWriteOff':
      terms = { ...base, number: null, name: counterparty, date: record.date, amount: money(record.amount) };
      break;
    case 'expense':
      terms = { ...base, number: record.reference ?? null, name: counterparty, date: record.date, amount: money(record.total) };
      break;
  }
  return { ...terms, label: termsLabel(terms) };
}

export function termsLabel(terms: Omit<RecordTerms, 'label'>): string {
  const head = terms.number ? `${terms.kindLabel} ${terms.number}` : terms.kindLabel;
  const parts = [head, terms.name, terms.date ? formatDate(terms.date) : null, terms.amount ? formatAmount(terms.amount) : null];
  return parts.filter((p): p is string => !!p).join(' · ');
}

/**
 * The record as a sentence names it: "invoice 1042", "customer Harbour Dental Group", "the payment of
 * 110.00 on 5 Mar 2026", "supplier invoice INV-7 from Reece".
 */
export function recordPhrase(record: LedgerRecord): string {
  switch (record.kind) {
    case 'customer':
    case 'supplier':
      return `${KIND_NOUNS[record.kind]} ${record.displayName}`;
    case 'invoice':
    case 'creditNote':
    case 'supplierInvoice':
      return `${KIND_NOUNS[record.kind]} ${record.number}`;
    case 'payment':
      return `the payment of ${formatAmount(record.amount)} on ${formatDate(record.date)}`;
    case 'badDebtWriteOff':
      return `the bad-debt write-off of ${formatAmount(record.amount)} on ${formatDate(record.date)}`;
    case 'expense':
      return `the expense of ${formatAmount(record.total)} on ${formatDate(record.date)}`;
  }
}

/**
 * Raw QBO shapes the pull reads (validated loosely at the edge: QBO adds fields freely) and pure
 * mappers from them to what the ledger understands. Money goes through decimal.js and leaves as
 * 2-decimal strings; QBO's JSON numbers are never summed as floats.
 */
import { type Dec, dec, fromQboAmount, maxOf, minOf } from '../../money/money.js';
import { type CustomerInput, type PaymentInput } from '../../ledger/ledger-record.input.js';

export interface QboRef {
  value: string;
  name?: string;
}

export interface QboPaymentRow {
  Id: string;
  SyncToken?: string;
  status?: string;
  TxnDate?: string;
  TotalAmt?: number | string;
  CustomerRef?: QboRef;
  CurrencyRef?: QboRef;
  PaymentRefNum?: string;
  PrivateNote?: string;
  TxnStatus?: string;
  Line?: { Amount?: number | string; LinkedTxn?: { TxnId: string; TxnType: string }[] }[];
  MetaData?: { LastUpdatedTime?: string; CreateTime?: string };
}

export interface QboCustomerRow {
  Id: string;
  SyncToken?: string;
  DisplayName?: string;
  CompanyName?: string;
  GivenName?: string;
  FamilyName?: string;
  Active?: boolean;
  PrimaryEmailAddr?: { Address?: string };
  PrimaryPhone?: { FreeFormNumber?: string };
  BillAddr?: { Line1?: string; Line2?: string; City?: string; CountrySubDivisionCode?: string; PostalCode?: string; Country?: string };
  MetaData?: { LastUpdatedTime?: string; CreateTime?: string };
}

export interface QboInvoiceRow {
  Id: string;
  SyncToken?: string;
  status?: string;
  TxnStatus?: string;
  PrivateNote?: string;
  TotalAmt?: number | string;
  Balance?: number | string;
  DocNumber?: string;
  TxnDate?: string;
  CustomerRef?: { value?: string; name?: string };
  MetaData?: { LastUpdatedTime?: string; CreateTime?: string };
}

/** A CDC stub of a hard-deleted transaction (`status: "Deleted"`, Id and MetaData only). */
export function isDeletedStub(row: { status?: unknown }): boolean {
  return row.status === 'Deleted';
}

/** QBO voids keep the record with zero amounts and "Voided" in the note (facts §1.2, §9.13). */
export function isVoided(row: { TxnStatus?: unknown; PrivateNote?: unknown; TotalAmt?: number | string }): boolean {
  if (row.TxnStatus === 'Voided') return true;
  return typeof row.PrivateNote === 'string' && /^voided?\b/i.test(row.PrivateNote.trim()) && dec(String(row.TotalAmt ?? 0)).isZero();
}

/** The FSM invoice a QBO invoice id maps to (through the push engine's mapping). */
export interface MappedInvoice {
  qboId: string;
  externalId: string;
  customerExternalId: string;
  currency: string;
}

/** Credit (from QBO credit memos) applied to one FSM invoice by a QBO payment: a credit, never cash. */
export interface InboundCreditApplication {
  invoiceQboId: string;
  invoiceExternalId: string;
  customerExternalId: string;
  /** The QBO credit memos the payment applied (QBO does not say which one went to which invoice). */
  creditMemoIds: string[];
  amount: string;
}

export type InboundPaymentPlan =
  | {
      action: 'record';
      /** The cash received (applied to FSM invoices plus the customer credit left unapplied); null when the payment moved no cash the FSM can place. */
      input: PaymentInput | null;
      credits: InboundCreditApplication[];
      /** QBO's UnappliedAmt: money received and not applied, kept as customer credit in the FSM. */
      unapplied: string;
      unmappedInvoiceIds: string[];
    }
  | { action: 'ignore'; reason: string };

/**
 * A QBO payment → what it means for the FSM. QBO lines link invoices (+) and credit memos (−); TotalAmt
 * is the cash received and UnappliedAmt = TotalAmt − invoices + credit memos is the customer credit left
 * (facts: docs/qbo-facts/customer-credit.md). A credit memo applied to an invoice (a Payment of 0 linking
 * both) is a credit application, never cash: credit-memo amounts cover the FSM invoices first (in line
 * order) and only the rest of each invoice line is cash. The FSM payment then holds the cash applied
 * to invoices it knows plus the unapplied credit; lines on invoices the FSM does not know stay in QBO.
 * `customer`: the FSM customer of the payment's CustomerRef (needed when no FSM invoice names one).
 */
export function planInboundPayment(
  payment: QboPaymentRow,
  invoices: ReadonlyMap<string, MappedInvoice>,
  options: { externalId: string; paymentMethodExternalId: string; customer?: { externalId: string } },
): InboundPaymentPlan {
  const perInvoice = new Map<string, Dec>();
  const unmapped: string[] = [];
  const creditMemoIds: string[] = [];
  let appliedToInvoices = dec(0);
  let credit = dec(0);
  for (const line of payment.Line ?? []) {
    const amount = fromQboAmount(line.Amount);
    const memos = (line.LinkedTxn ?? []).filter((l) => l.TxnType === 'CreditMemo');
    if (memos.length > 0) {
      credit = credit.plus(amount);
      creditMemoIds.push(...memos.map((m) => String(m.TxnId)));
      continue;
    }
    const links = (line.LinkedTxn ?? []).filter((l) => l.TxnType === 'Invoice');
    if (links.length === 0) continue;
    appliedToInvoices = appliedToInvoices.plus(amount);
    // A line links one transaction in practice; with several, QBO gives no split, so the first known one takes it.
    const known = links.find((l) => invoices.has(String(l.TxnId)));
    if (!known) {
      unmapped.push(...links.map((l) => String(l.TxnId)));
      continue;
    }
    const id = String(known.TxnId);
    perInvoice.set(id, (perInvoice.get(id) ?? dec(0)).plus(amount));
  }
  const unapplied = maxOf(0, fromQboAmount(payment.TotalAmt).minus(appliedToInvoices).plus(credit));
  let creditLeft = credit;
  const credits: InboundCreditApplication[] = [];
  const allocations: { invoiceExternalId: string; amount: string }[] = [];
  for (const [qboId, applied] of perInvoice) {
    if (!applied.greaterThan(0)) continue;
    const invoice = invoices.get(qboId)!;
    const covered = minOf(creditLeft, applied);
    creditLeft = creditLeft.minus(covered);
    if (covered.greaterThan(0)) {
      credits.push({ invoiceQboId: qboId, invoiceExternalId: invoice.externalId, customerExternalId: invoice.customerExternalId, creditMemoIds: [...new Set(creditMemoIds)], amount: covered.toFixed(2) });
    }
    const cash = applied.minus(covered);
    if (cash.greaterThan(0)) allocations.push({ invoiceExternalId: invoice.externalId, amount: cash.toFixed(2) });
  }
  const first = [...perInvoice.keys()].map((id) => invoices.get(id)!)[0];
  const customerExternalId = first?.customerExternalId ?? options.customer?.externalId;
  const cash = unapplied.plus(allocations.reduce((acc, a) => acc.plus(a.amount), dec(0)));
  if (!customerExternalId || (cash.isZero() && credits.length === 0)) {
    if (unmapped.length > 0) return { action: 'ignore', reason: `linked only to invoices the FSM does not know (${unmapped.join(', ')})` };
    return { action: 'ignore', reason: customerExternalId || cash.isZero() ? 'applied to no invoice the FSM knows' : 'customer credit of a customer the FSM does not know' };
  }
  const input: PaymentInput | null = cash.isZero()
    ? null
    : {
        externalId: options.externalId,
        customerExternalId,
        date: payment.TxnDate ?? new Date().toISOString().slice(0, 10),
        currency: payment.CurrencyRef?.value ?? first?.currency ?? '',
        amount: cash.toFixed(2),
        paymentMethodExternalId: options.paymentMethodExternalId,
        reference: payment.PaymentRefNum ? `QuickBooks payment ${payment.Id} (${payment.PaymentRefNum})` : `QuickBooks payment ${payment.Id}`,
        allocations,
      };
  return { action: 'record', input, credits, unapplied: unapplied.toFixed(2), unmappedInvoiceIds: unmapped };
}

/** The QBO invoice ids a payment links (to look their mappings up in one query). */
export function linkedInvoiceIds(payment: QboPaymentRow): string[] {
  return [...new Set((payment.Line ?? []).flatMap((l) => (l.LinkedTxn ?? []).filter((t) => t.TxnType === 'Invoice').map((t) => String(t.TxnId))))];
}

/** QBO marks name-list "deletes" with Active false and a " (deleted)" suffix (facts §1.2). */
export function cleanDisplayName(name: string): string {
  return name.replace(/\s*\(deleted\)\s*$/i, '').trim();
}

/** A QBO customer → the FSM customer fields it carries (nothing the QBO record lacks is cleared). */
export function customerInputFromQbo(customer: QboCustomerRow, externalId: string): CustomerInput {
  const bill = customer.BillAddr;
  const displayName = cleanDisplayName(customer.DisplayName ?? ([customer.GivenName, customer.FamilyName].filter(Boolean).join(' ') || `QuickBooks customer ${customer.Id}`));
  return {
    externalId,
    displayName,
    companyName: customer.CompanyName ?? null,
    givenName: customer.GivenName ?? null,
    familyName: customer.FamilyName ?? null,
    email: customer.PrimaryEmailAddr?.Address ?? null,
    phone: customer.PrimaryPhone?.FreeFormNumber ?? null,
    billingAddress: bill
      ? { line1: bill.Line1 ?? null, line2: bill.Line2 ?? null, city: bill.City ?? null, region: bill.CountrySubDivisionCode ?? null, postalCode: bill.PostalCode ?? null, country: bill.Country ?? null }
      : null,
  };
}

/**
 * Raw QBO shapes the pull reads (validated loosely at the edge: QBO adds fields freely) and pure
 * mappers from them to what the ledger understands. Money goes through decimal.js and leaves as
 * 2-decimal strings; QBO's JSON numbers are never summed as floats.
 */
import { Decimal } from 'decimal.js';
import { type CustomerInput, type PaymentInput } from '../ledger/ledger-record.input.js';

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
  MetaData?: { LastUpdatedTime?: string; CreateTime?: string };
}

/** A CDC stub of a hard-deleted transaction (`status: "Deleted"`, Id and MetaData only). */
export function isDeletedStub(row: { status?: unknown }): boolean {
  return row.status === 'Deleted';
}

/** QBO voids keep the record with zero amounts and "Voided" in the note (facts §1.2, §9.13). */
export function isVoided(row: { TxnStatus?: unknown; PrivateNote?: unknown; TotalAmt?: number | string }): boolean {
  if (row.TxnStatus === 'Voided') return true;
  return typeof row.PrivateNote === 'string' && /^voided?\b/i.test(row.PrivateNote.trim()) && new Decimal(String(row.TotalAmt ?? 0)).isZero();
}

function cents(value: number | string | undefined): Decimal {
  return new Decimal(String(value ?? 0)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** The FSM invoice a QBO invoice id maps to (through the push engine's mapping). */
export interface MappedInvoice {
  qboId: string;
  externalId: string;
  customerExternalId: string;
  currency: string;
}

export type InboundPaymentPlan =
  | { action: 'record'; input: PaymentInput; unapplied: string; unmappedInvoiceIds: string[] }
  | { action: 'ignore'; reason: string };

/**
 * A QBO payment → the FSM payment that mirrors it: one allocation per linked FSM invoice (amounts
 * summed when QBO links the same invoice on several lines). Lines linked to invoices the FSM does not
 * know, credit memos and unapplied money stay in QBO: the FSM payment holds only what it can place.
 */
export function planInboundPayment(
  payment: QboPaymentRow,
  invoices: ReadonlyMap<string, MappedInvoice>,
  options: { externalId: string; paymentMethodExternalId: string },
): InboundPaymentPlan {
  const perInvoice = new Map<string, Decimal>();
  const unmapped: string[] = [];
  let applied = new Decimal(0);
  for (const line of payment.Line ?? []) {
    const links = (line.LinkedTxn ?? []).filter((l) => l.TxnType === 'Invoice');
    if (links.length === 0) continue;
    const amount = cents(line.Amount);
    // A line links one transaction in practice; with several, QBO gives no split, so the first known one takes it.
    const known = links.find((l) => invoices.has(String(l.TxnId)));
    if (!known) {
      unmapped.push(...links.map((l) => String(l.TxnId)));
      continue;
    }
    const id = String(known.TxnId);
    perInvoice.set(id, (perInvoice.get(id) ?? new Decimal(0)).plus(amount));
    applied = applied.plus(amount);
  }
  const allocations = [...perInvoice].filter(([, amount]) => amount.greaterThan(0));
  if (allocations.length === 0) {
    return { action: 'ignore', reason: unmapped.length > 0 ? `linked only to invoices the FSM does not know (${unmapped.join(', ')})` : 'applied to no invoice' };
  }
  const first = invoices.get(allocations[0]![0])!;
  return {
    action: 'record',
    input: {
      externalId: options.externalId,
      customerExternalId: first.customerExternalId,
      date: payment.TxnDate ?? new Date().toISOString().slice(0, 10),
      currency: payment.CurrencyRef?.value ?? first.currency,
      amount: applied.toFixed(2),
      paymentMethodExternalId: options.paymentMethodExternalId,
      reference: payment.PaymentRefNum ? `QuickBooks payment ${payment.Id} (${payment.PaymentRefNum})` : `QuickBooks payment ${payment.Id}`,
      allocations: allocations.map(([qboId, amount]) => ({ invoiceExternalId: invoices.get(qboId)!.externalId, amount: amount.toFixed(2) })),
    },
    unapplied: cents(payment.TotalAmt).minus(applied).toFixed(2),
    unmappedInvoiceIds: unmapped,
  };
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

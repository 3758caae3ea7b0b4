/**
 * FSM customer → QBO Customer payload (pure), plus the QBO query literals used to match an existing
 * customer (email first, then exact display name) before anything is created.
 */
import { type CustomerRecord, type PostalAddress } from '../../../ledger/ledger-record.types.js';
import { type QboPayload } from '../../../sync/push.types.js';

/** DisplayName may not contain ':' tab or newline (facts §3.3); trimmed and cut to QBO's 500. */
export function qboDisplayName(name: string): string {
  return name.replace(/[:\t\r\n]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 500);
}

/** A string literal for a QBO query: apostrophes and backslashes escaped with a backslash (facts §1.3). */
export function queryLiteral(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function address(a: PostalAddress | undefined): Record<string, string> | undefined {
  if (!a) return undefined;
  const out: Record<string, string> = {};
  if (a.line1) out.Line1 = a.line1;
  if (a.line2) out.Line2 = a.line2;
  if (a.city) out.City = a.city;
  if (a.region) out.CountrySubDivisionCode = a.region;
  if (a.postalCode) out.PostalCode = a.postalCode;
  if (a.country) out.Country = a.country;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** `currencyRef`: the customer's foreign currency, set once at creation (QBO never changes it). */
export function mapCustomer(record: CustomerRecord, currencyRef?: { value: string }): QboPayload {
  const payload: QboPayload = { DisplayName: qboDisplayName(record.displayName) };
  if (currencyRef) payload.CurrencyRef = currencyRef;
  if (record.companyName) payload.CompanyName = record.companyName.slice(0, 100);
  if (record.givenName) payload.GivenName = record.givenName.slice(0, 100);
  if (record.familyName) payload.FamilyName = record.familyName.slice(0, 100);
  if (record.email) payload.PrimaryEmailAddr = { Address: record.email };
  if (record.phone) payload.PrimaryPhone = { FreeFormNumber: record.phone };
  const bill = address(record.billingAddress);
  if (bill) payload.BillAddr = bill;
  return payload;
}

export function customerMatchQueries(record: CustomerRecord): string[] {
  const queries: string[] = [];
  if (record.email) queries.push(`where PrimaryEmailAddr = ${queryLiteral(record.email)}`);
  queries.push(`where DisplayName = ${queryLiteral(qboDisplayName(record.displayName))}`);
  return queries;
}

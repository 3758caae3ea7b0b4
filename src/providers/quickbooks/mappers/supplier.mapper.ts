/**
 * FSM supplier → QBO Vendor payload (pure), plus the queries that match an existing QBO vendor
 * (email first, then exact display name) before anything is created. DisplayName is shared by
 * customers, vendors and employees (6240), so the same name rules as customers apply.
 */
import { type SupplierRecord } from '../../../ledger/ledger-record.types.js';
import { qboDisplayName, queryLiteral } from './customer.mapper.js';
import { type QboPayload } from '../../../sync/push.types.js';

export function mapVendor(record: SupplierRecord): QboPayload {
  const payload: QboPayload = { DisplayName: qboDisplayName(record.displayName) };
  if (record.companyName) payload.CompanyName = record.companyName.slice(0, 100);
  if (record.email) payload.PrimaryEmailAddr = { Address: record.email };
  if (record.phone) payload.PrimaryPhone = { FreeFormNumber: record.phone };
  return payload;
}

export function vendorMatchQueries(record: SupplierRecord): string[] {
  const queries: string[] = [];
  if (record.email) queries.push(`where PrimaryEmailAddr = ${queryLiteral(record.email)}`);
  queries.push(`where DisplayName = ${queryLiteral(qboDisplayName(record.displayName))}`);
  return queries;
}

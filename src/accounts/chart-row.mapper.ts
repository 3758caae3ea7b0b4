/**
 * The provider's neutral chart rows (src/providers/accounting-provider.port.ts) to the cache's rows. The
 * cache keeps its stored field names (`qboId`, `acctNum`, `syncToken`, `{value, name}` refs) so no stored
 * row changes: this is where the neutral names meet them. Pure.
 */
import { type QboRef } from '../persistence/accounts/account.model.js';
import { type AccountRow, type ReferenceRow } from '../persistence/accounts/chart.repository.js';
import { type RemoteAccount, type RemoteRef, type RemoteReference } from '../providers/accounting-provider.port.js';

function storedRef(ref: RemoteRef | null): QboRef | null {
  return ref ? { value: ref.id, name: ref.name ?? null } : null;
}

export function accountRow(account: RemoteAccount): AccountRow {
  return {
    qboId: account.id,
    name: account.name,
    fullyQualifiedName: account.fullyQualifiedName,
    acctNum: account.code,
    accountType: account.type,
    accountSubType: account.subType,
    classification: account.classification,
    active: account.active,
    currentBalance: account.balance,
    currencyRef: storedRef(account.currency),
    parentRef: storedRef(account.parent),
    // Providers without versions (Xero) store an empty token: nothing compares it.
    syncToken: account.versionToken ?? '',
    lastUpdatedTime: account.updatedAt,
    sortKey: account.fullyQualifiedName.toLowerCase(),
  };
}

export function referenceRow(reference: RemoteReference): ReferenceRow {
  return {
    qboId: reference.id,
    name: reference.name,
    fullyQualifiedName: reference.fullyQualifiedName,
    active: reference.active,
    parentRef: storedRef(reference.parent),
    description: reference.description,
    paymentType: reference.paymentType,
    taxable: reference.taxable,
    taxGroup: reference.taxGroup,
    syncToken: reference.versionToken ?? '',
    lastUpdatedTime: reference.updatedAt,
    sortKey: reference.fullyQualifiedName.toLowerCase(),
  };
}

/** The later of two provider timestamps (compared as instants: QBO offsets differ across DST). */
export function laterTimestamp(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

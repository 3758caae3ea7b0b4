/**
 * Raw QBO list records (Account, Class, Department, TaxCode, PaymentMethod) to cache rows. Pure: the
 * raw shape is checked here at the edge, so the rest of the slice only sees domain fields.
 */
import { Decimal } from 'decimal.js';
import { type QboRecord } from '../providers/quickbooks/qbo.client.js';
import { type CachedAccount, type QboRef } from '../persistence/accounts/account.model.js';
import { type CachedReference, type ReferenceKind } from '../persistence/accounts/reference-list.model.js';

export type AccountRow = Omit<CachedAccount, '_id' | 'tenantId' | 'seenAt' | 'realmId'>;
export type ReferenceRow = Omit<CachedReference, '_id' | 'tenantId' | 'seenAt' | 'realmId' | 'kind'>;

function str(record: QboRecord, key: string): string | null {
  const value = record[key];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`QBO ${key} is not a scalar: ${JSON.stringify(value)}`);
}

function requiredStr(record: QboRecord, key: string, entity: string): string {
  const value = str(record, key);
  if (value === null) throw new Error(`QBO ${entity} ${record.Id} has no ${key}`);
  return value;
}

function ref(value: unknown): QboRef | null {
  if (!value || typeof value !== 'object') return null;
  const { value: v, name } = value as { value?: unknown; name?: unknown };
  if (typeof v !== 'string' || v === '') return null;
  return { value: v, name: typeof name === 'string' ? name : null };
}

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/**
 * A QBO amount (JSON number or string) as an exact decimal string with at least two places. A JSON
 * number's shortest representation is the literal QBO wrote, so going through its string is exact.
 */
export function toDecimalString(value: unknown): string {
  if (value === undefined || value === null || value === '') return '0.00';
  if (typeof value !== 'number' && typeof value !== 'string') throw new Error(`not an amount: ${JSON.stringify(value)}`);
  const decimal = new Decimal(String(value));
  return decimal.decimalPlaces() < 2 ? decimal.toFixed(2) : decimal.toFixed();
}

function lastUpdated(record: QboRecord): string | null {
  const meta = record.MetaData as { LastUpdatedTime?: unknown } | undefined;
  return typeof meta?.LastUpdatedTime === 'string' ? meta.LastUpdatedTime : null;
}

export function mapAccount(record: QboRecord): AccountRow {
  const name = requiredStr(record, 'Name', 'Account');
  const fullyQualifiedName = str(record, 'FullyQualifiedName') ?? name;
  return {
    qboId: record.Id,
    name,
    fullyQualifiedName,
    acctNum: str(record, 'AcctNum'),
    accountType: requiredStr(record, 'AccountType', 'Account'),
    accountSubType: str(record, 'AccountSubType'),
    classification: str(record, 'Classification'),
    // QBO omits Active on some responses for active rows.
    active: bool(record.Active, true),
    currentBalance: toDecimalString(record.CurrentBalance),
    currencyRef: ref(record.CurrencyRef),
    parentRef: ref(record.ParentRef),
    syncToken: String(record.SyncToken),
    lastUpdatedTime: lastUpdated(record),
    sortKey: fullyQualifiedName.toLowerCase(),
  };
}

export function mapReference(kind: ReferenceKind, record: QboRecord): ReferenceRow {
  const name = requiredStr(record, 'Name', kind);
  const fullyQualifiedName = str(record, 'FullyQualifiedName') ?? name;
  return {
    qboId: record.Id,
    name,
    fullyQualifiedName,
    active: bool(record.Active, true),
    parentRef: ref(record.ParentRef),
    description: str(record, 'Description'),
    paymentType: kind === 'PaymentMethod' ? str(record, 'Type') : null,
    taxable: kind === 'TaxCode' && typeof record.Taxable === 'boolean' ? record.Taxable : null,
    taxGroup: kind === 'TaxCode' && typeof record.TaxGroup === 'boolean' ? record.TaxGroup : null,
    syncToken: String(record.SyncToken),
    lastUpdatedTime: lastUpdated(record),
    sortKey: fullyQualifiedName.toLowerCase(),
  };
}

/** The later of two QBO timestamps (compared as instants: offsets differ across DST). */
export function laterTimestamp(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

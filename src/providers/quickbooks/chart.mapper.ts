/**
 * Raw QBO list records (Account, Class, Department, TaxCode, PaymentMethod) to the port's neutral chart
 * rows. Pure: the raw shape is checked here at the edge, so the accounts slice only sees domain fields.
 */
import { dec } from '../../money/money.js';
import { type QboRecord } from './qbo.client.js';
import { type RemoteAccount, type RemoteRef, type RemoteReference } from '../accounting-provider.port.js';

/** The QBO name lists the chart cache holds besides accounts. */
export type QboReferenceList = 'Class' | 'Department' | 'TaxCode' | 'PaymentMethod';

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

function ref(value: unknown): RemoteRef | null {
  if (!value || typeof value !== 'object') return null;
  const { value: v, name } = value as { value?: unknown; name?: unknown };
  if (typeof v !== 'string' || v === '') return null;
  return typeof name === 'string' ? { id: v, name } : { id: v };
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
  const decimal = dec(String(value));
  return decimal.decimalPlaces() < 2 ? decimal.toFixed(2) : decimal.toFixed();
}

function lastUpdated(record: QboRecord): string | null {
  const meta = record.MetaData as { LastUpdatedTime?: unknown } | undefined;
  return typeof meta?.LastUpdatedTime === 'string' ? meta.LastUpdatedTime : null;
}

export function mapAccount(record: QboRecord): RemoteAccount {
  const name = requiredStr(record, 'Name', 'Account');
  return {
    id: record.Id,
    code: str(record, 'AcctNum'),
    name,
    fullyQualifiedName: str(record, 'FullyQualifiedName') ?? name,
    type: requiredStr(record, 'AccountType', 'Account'),
    subType: str(record, 'AccountSubType'),
    classification: str(record, 'Classification'),
    // QBO omits Active on some responses for active rows.
    active: bool(record.Active, true),
    balance: toDecimalString(record.CurrentBalance),
    currency: ref(record.CurrencyRef),
    parent: ref(record.ParentRef),
    versionToken: String(record.SyncToken),
    updatedAt: lastUpdated(record),
  };
}

export function mapReference(list: QboReferenceList, record: QboRecord): RemoteReference {
  const name = requiredStr(record, 'Name', list);
  return {
    id: record.Id,
    name,
    fullyQualifiedName: str(record, 'FullyQualifiedName') ?? name,
    active: bool(record.Active, true),
    parent: ref(record.ParentRef),
    description: str(record, 'Description'),
    paymentType: list === 'PaymentMethod' ? str(record, 'Type') : null,
    taxable: list === 'TaxCode' && typeof record.Taxable === 'boolean' ? record.Taxable : null,
    taxGroup: list === 'TaxCode' && typeof record.TaxGroup === 'boolean' ? record.TaxGroup : null,
    versionToken: String(record.SyncToken),
    updatedAt: lastUpdated(record),
  };
}

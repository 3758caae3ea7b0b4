/**
 * QBO answers fault 610 both when the object a write targets was deleted in QuickBooks and when the
 * write refers to a record someone made inactive (docs/qbo-facts/inactive-and-deleted.md). Taking every
 * 610 for "deleted" and creating the object again is how reactivate-and-retry duplicated invoices and
 * payments, so nothing is decided from the fault: the object itself is read (a read of a deleted
 * transaction is 610 too; an existing one answers), then every record the payload refers to, inactive
 * ones included (reads by id answer them with Active:false), and an item's income or expense account.
 */
import { type QboClient, type QboEntity, type QboRecord } from './qbo.client.js';
import { QboError } from './qbo.errors.js';

/** Which QBO list a `*Ref` field points at (those a push payload can carry). */
const REF_ENTITY: Readonly<Record<string, QboEntity>> = {
  CustomerRef: 'Customer',
  VendorRef: 'Vendor',
  ItemRef: 'Item',
  ClassRef: 'Class',
  DepartmentRef: 'Department',
  DepositToAccountRef: 'Account',
  AccountRef: 'Account',
  APAccountRef: 'Account',
  ARAccountRef: 'Account',
  IncomeAccountRef: 'Account',
  ExpenseAccountRef: 'Account',
  AssetAccountRef: 'Account',
  PaymentMethodRef: 'PaymentMethod',
  SalesTermRef: 'Term',
};

export interface ReferencedRecord {
  entity: QboEntity;
  id: string;
}

/** Every record a payload refers to (lists by `*Ref`, transactions by `LinkedTxn`), once each, in order. */
export function referencesOf(payload: unknown): ReferencedRecord[] {
  const seen = new Map<string, ReferencedRecord>();
  const add = (entity: QboEntity, id: unknown) => {
    if (typeof id !== 'string' && typeof id !== 'number') return;
    const key = `${entity}:${String(id)}`;
    if (!seen.has(key)) seen.set(key, { entity, id: String(id) });
  };
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value !== 'object' || value === null) return;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const entity = REF_ENTITY[key];
      if (entity && typeof child === 'object' && child !== null) add(entity, (child as { value?: unknown }).value);
      else if (key === 'LinkedTxn' && Array.isArray(child)) {
        for (const link of child as { TxnId?: unknown; TxnType?: unknown }[]) {
          if (link.TxnType === 'Invoice' || link.TxnType === 'CreditMemo') add(link.TxnType, link.TxnId);
        }
      } else walk(child);
    }
  };
  walk(payload);
  return [...seen.values()];
}

/** A QuickBooks name as its users see it: inactive records carry a " (deleted)" suffix in the API. */
export function plainName(record: QboRecord): string {
  const raw = [record.DisplayName, record.FullyQualifiedName, record.Name, record.DocNumber].find((v): v is string => typeof v === 'string') ?? record.Id;
  return raw.replace(/ \(deleted\)$/, '');
}

export type NotFoundDiagnosis =
  /** The object the write targeted was deleted in QuickBooks. */
  | { kind: 'DELETED'; entity: QboEntity; id: string }
  /** A record the write uses is inactive; `via` is the item whose account it is. */
  | { kind: 'INACTIVE'; entity: QboEntity; id: string; name: string; via?: { entity: QboEntity; id: string; name: string } }
  /** A transaction the write links to (the invoice a payment pays) was deleted in QuickBooks. */
  | { kind: 'LINKED_DELETED'; entity: QboEntity; id: string }
  /** Nothing found: the 610 is reported as QuickBooks worded it. */
  | { kind: 'UNKNOWN' };

function isNotFound(error: unknown): boolean {
  return error instanceof QboError && error.kind === 'NOT_FOUND';
}

/**
 * Why a write got 610. `target` is the object an update/void/delete addressed (none for a create).
 * Other failures of the reads (throttling, network) propagate: the caller's retry asks again.
 */
export async function diagnoseNotFound(client: QboClient, target: { entity: QboEntity; id: string } | undefined, payload: unknown): Promise<NotFoundDiagnosis> {
  if (target) {
    try {
      await client.read(target.entity, target.id);
    } catch (error) {
      if (isNotFound(error)) return { kind: 'DELETED', entity: target.entity, id: target.id };
      throw error;
    }
  }
  const read = async (ref: ReferencedRecord): Promise<QboRecord | null> => {
    try {
      return await client.read(ref.entity, ref.id);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  };
  for (const ref of referencesOf(payload)) {
    const record = await read(ref);
    if (!record) {
      if (ref.entity === 'Invoice' || ref.entity === 'CreditMemo') return { kind: 'LINKED_DELETED', entity: ref.entity, id: ref.id };
      continue;
    }
    if (record.Active === false) return { kind: 'INACTIVE', entity: ref.entity, id: ref.id, name: plainName(record) };
    if (ref.entity === 'Item') {
      // An active item still fails when the account it posts to was made inactive.
      for (const field of ['IncomeAccountRef', 'ExpenseAccountRef'] as const) {
        const accountId = (record[field] as { value?: string } | undefined)?.value;
        if (!accountId) continue;
        const account = await read({ entity: 'Account', id: accountId });
        if (account?.Active === false) return { kind: 'INACTIVE', entity: 'Account', id: accountId, name: plainName(account), via: { entity: 'Item', id: ref.id, name: plainName(record) } };
      }
    }
  }
  return { kind: 'UNKNOWN' };
}

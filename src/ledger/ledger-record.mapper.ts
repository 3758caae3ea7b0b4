/**
 * Stored ledger documents to the contract's plain records (`ledger-record.types.ts`): hex ids, no
 * storage-only fields (content hash, sort key, change time, flattened allocation ids), absent
 * optionals instead of nulls. Pure, so the sync engine sees exactly what the API shows.
 */
import { type LedgerKind, type LedgerRecordOf } from './ledger-record.types.js';
import { type LedgerRow } from '../persistence/ledger/ledger-record.repository.js';

const STORAGE_ONLY = new Set(['_id', 'id', 'tenantId', 'contentHash', 'sortKey', 'changedAt', 'allocatedInvoiceIds', '__v']);

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object' && !(value instanceof Date) && value.constructor === Object) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}

export function toLedgerRecord<K extends LedgerKind>(kind: K, doc: LedgerRow<K>): LedgerRecordOf<K> {
  const content = Object.fromEntries(Object.entries(doc).filter(([key]) => !STORAGE_ONLY.has(key)));
  return { ...(withoutNulls(content) as object), kind, id: doc.id, tenantId: doc.tenantId } as LedgerRecordOf<K>;
}

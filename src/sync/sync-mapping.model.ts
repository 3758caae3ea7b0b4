/**
 * Ledger record (kind, id, part) → the QBO object it became: entity, Id, SyncToken, the record version
 * it reflects, and the generation (bumped only after the QBO object was deleted remotely). One
 * document per (tenant, kind, record, part), whose `_id` is that key (see db/id-lookups.ts); every change is a
 * single-document atomic write (FerretDB has no transactions).
 */
import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { compositeKey, keyedById } from '../db/id-lookups.js';
import { tenantScoped } from '../db/tenant-scoped.plugin.js';
import { type QboEntity } from '../quickbooks/qbo.client.js';
import { type LedgerKind } from '../ledger/ledger-record.types.js';

/** A record can need more than one QBO object (a payment's surcharge receipt, a write-off's linking payment). */
/** `refund:<refundId>` and `refund-clearing:<refundId>`: a payment's refund receipt and the invoice clearing the refunded credit. */
export type MappingPart = 'main' | 'surcharge' | 'link' | `refund:${string}` | `refund-clearing:${string}`;

export type MappingState = 'SYNCED' | 'FAILED' | 'BLOCKED' | 'SKIPPED' | 'PENDING';

export interface SyncMapping {
  /** `mappingKey(tenantId, kind, recordId, part)`: lookups by record go through the `_id` index. */
  _id: string;
  tenantId: Types.ObjectId;
  kind: LedgerKind;
  recordId: string;
  part: MappingPart;
  entity: QboEntity;
  qboId: string | null;
  syncToken: string | null;
  syncedVersion: number | null;
  generation: number;
  state: MappingState;
  /** The open issue of the record, if any. */
  issueId: Types.ObjectId | null;
  issueCode: string | null;
  issueMessage: string | null;
  lastSyncedAt: Date | null;
  /** The QBO status mirrored (ACTIVE, VOIDED, DELETED). */
  remoteStatus: string;
}

/** The `_id` of the mapping of (record, part). */
export function mappingKey(tenantId: string | Types.ObjectId, kind: LedgerKind, recordId: string, part: MappingPart): string {
  return compositeKey(tenantId, kind, recordId, part);
}

const schema = new Schema<SyncMapping>(
  {
    _id: { type: String },
    kind: { type: String, required: true },
    recordId: { type: String, required: true },
    part: { type: String, required: true, default: 'main' },
    entity: { type: String, required: true },
    qboId: { type: String, default: null },
    syncToken: { type: String, default: null },
    syncedVersion: { type: Number, default: null },
    generation: { type: Number, required: true, default: 0 },
    state: { type: String, required: true, default: 'PENDING' },
    issueId: { type: Schema.Types.ObjectId, default: null },
    issueCode: { type: String, default: null },
    issueMessage: { type: String, default: null },
    lastSyncedAt: { type: Date, default: null },
    remoteStatus: { type: String, required: true, default: 'ACTIVE' },
  },
  { collection: 'sync_mappings', timestamps: true },
);
schema.plugin(tenantScoped);
// The key is the _id (unique by construction); queries naming exactly these fields use it.
export const mappingKeyOf = (v: Record<string, unknown>): string => mappingKey(v.tenantId as string, v.kind as LedgerKind, String(v.recordId), v.part as MappingPart);
keyedById(schema, ['tenantId', 'kind', 'recordId', 'part'], mappingKeyOf);

export function syncMappingModel(connection: Connection): Model<SyncMapping> {
  return (connection.models.SyncMapping as Model<SyncMapping> | undefined) ?? connection.model<SyncMapping>('SyncMapping', schema);
}

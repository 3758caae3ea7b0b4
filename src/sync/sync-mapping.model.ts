/**
 * Ledger record (kind, id, part) → the QBO object it became: entity, Id, SyncToken, the record version
 * it reflects, and the generation (bumped only after the QBO object was deleted remotely). One
 * document per (tenant, kind, record, part), enforced by a unique index; every change is a
 * single-document atomic write (FerretDB has no transactions).
 */
import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.plugin.js';
import { type QboEntity } from '../quickbooks/qbo.client.js';
import { type LedgerKind } from '../ledger/ledger-record.types.js';

/** A record can need more than one QBO object (a payment's surcharge receipt, a write-off's linking payment). */
export type MappingPart = 'main' | 'surcharge' | 'link';

export type MappingState = 'SYNCED' | 'FAILED' | 'BLOCKED' | 'SKIPPED' | 'PENDING';

export interface SyncMapping {
  _id: Types.ObjectId;
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

const schema = new Schema<SyncMapping>(
  {
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
schema.index({ tenantId: 1, kind: 1, recordId: 1, part: 1 }, { unique: true });

export function syncMappingModel(connection: Connection): Model<SyncMapping> {
  return (connection.models.SyncMapping as Model<SyncMapping> | undefined) ?? connection.model<SyncMapping>('SyncMapping', schema);
}

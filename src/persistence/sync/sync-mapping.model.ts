/**
 * Ledger record (kind, id, part) → the QBO object it became: the realm (QBO company) it lives in,
 * entity, Id, SyncToken, the record version it reflects, and the generation (bumped after the QBO
 * object was deleted remotely, and when the tenant's books moved to another realm). One document per
 * (tenant, kind, record, part), whose `_id` is that key (see ../id-lookups.ts); every change is a
 * single-document atomic write (FerretDB has no transactions).
 *
 * The other direction, QBO object → record, is a claim: one document per (tenant, realm, entity, QBO
 * Id) whose `_id` is that key, inserted before a mapping takes the Id. An insert under a unique `_id` is
 * atomic on FerretDB and MongoDB alike, so two records racing for one QBO object (two FSM customers
 * sharing an email) cannot both win: the data model, not a prior read, keeps one QBO object per record.
 */
import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { compositeKey, keyedById } from '../id-lookups.js';
import { tenantScoped } from '../tenant-scoped.plugin.js';
import { type TenantId } from '../tenant-id.js';
import { type QboEntity } from '../../providers/quickbooks/qbo.client.js';
import { type LedgerKind } from '../../ledger/ledger-record.types.js';

/** A record can need more than one QBO object (a payment's surcharge receipt, a write-off's linking payment). */
/** `refund:<refundId>` and `refund-clearing:<refundId>`: a payment's refund receipt and the invoice clearing the refunded credit. */
export type MappingPart = 'main' | 'surcharge' | 'link' | `refund:${string}` | `refund-clearing:${string}`;

export type MappingState = 'SYNCED' | 'FAILED' | 'BLOCKED' | 'SKIPPED' | 'PENDING';

/** A mapping as the sync and pull slices see it (ids are strings outside persistence). */
export interface SyncMapping {
  tenantId: TenantId;
  /**
   * The QBO company `qboId` belongs to. A mapping of another realm than the connected one is never
   * used (its Ids mean other objects there); null: written before realms were recorded, taken to be
   * the connected realm's.
   */
  realmId: string | null;
  kind: LedgerKind;
  recordId: string;
  part: MappingPart;
  entity: QboEntity;
  qboId: string | null;
  syncToken: string | null;
  syncedVersion: number | null;
  generation: number;
  state: MappingState;
  /** The open issue of the record, if any (its id). */
  issueId: string | null;
  issueCode: string | null;
  issueMessage: string | null;
  lastSyncedAt: Date | null;
  /** The QBO status mirrored (ACTIVE, VOIDED, DELETED). */
  remoteStatus: string;
  /**
   * The bookkeeper chose PUSH on an issue: the record is created in QuickBooks without matching an
   * existing object, and an invoice dated before the accounting start date is pushed as an opening item.
   */
  forcePush: boolean;
}

/** The stored document: keyed `_id`, ObjectId tenant and issue (persistence only). */
export interface SyncMappingDoc extends Omit<SyncMapping, 'tenantId' | 'issueId'> {
  /** `mappingKey(tenantId, kind, recordId, part)`: lookups by record go through the `_id` index. */
  _id: string;
  tenantId: Types.ObjectId;
  issueId: Types.ObjectId | null;
}

/** The `_id` of the mapping of (record, part). */
export function mappingKey(tenantId: string | Types.ObjectId, kind: LedgerKind, recordId: string, part: MappingPart): string {
  return compositeKey(tenantId, kind, recordId, part);
}

const schema = new Schema<SyncMappingDoc>(
  {
    _id: { type: String },
    realmId: { type: String, default: null },
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
    forcePush: { type: Boolean, default: false },
  },
  { collection: 'sync_mappings', timestamps: true },
);
schema.plugin(tenantScoped);
// The key is the _id (unique by construction); queries naming exactly these fields use it.
export const mappingKeyOf = (v: Record<string, unknown>): string => mappingKey(v.tenantId as string, v.kind as LedgerKind, String(v.recordId), v.part as MappingPart);
keyedById(schema, ['tenantId', 'kind', 'recordId', 'part'], mappingKeyOf);
// Reverse lookups (QBO id → record: the pull's hot path, the created-records list, the customer import,
// the deleted-object check); the name is the one the pull slice
// created it under, so an existing database keeps its index.
schema.index({ tenantId: 1, kind: 1, qboId: 1 }, { name: 'pull_reverse_lookup' });
// The CDC's check for objects deleted in QuickBooks pages a kind's mappings in key order.
schema.index({ tenantId: 1, kind: 1, _id: 1 });
// Records settled as SKIPPED, re-evaluated when the start date moves.
schema.index({ tenantId: 1, state: 1 });
// Mappings written before realms were recorded (stamped with the company being left on a realm change).
schema.index({ tenantId: 1, realmId: 1 });

export function syncMappingModel(connection: Connection): Model<SyncMappingDoc> {
  return (connection.models.SyncMapping as Model<SyncMappingDoc> | undefined) ?? connection.model<SyncMappingDoc>('SyncMapping', schema);
}

/** QBO object (realm, entity, Id) → the one record part that may map to it. */
export interface MappingClaimDoc {
  /** `claimKey(tenantId, realmId, entity, qboId)`. */
  _id: string;
  tenantId: Types.ObjectId;
  realmId: string;
  entity: QboEntity;
  qboId: string;
  kind: LedgerKind;
  recordId: string;
  part: MappingPart;
}

export function claimKey(tenantId: string | Types.ObjectId, realmId: string, entity: QboEntity, qboId: string): string {
  return compositeKey(tenantId, 'claim', realmId, entity, qboId);
}

const claimSchema = new Schema<MappingClaimDoc>(
  {
    _id: { type: String },
    realmId: { type: String, required: true },
    entity: { type: String, required: true },
    qboId: { type: String, required: true },
    kind: { type: String, required: true },
    recordId: { type: String, required: true },
    part: { type: String, required: true },
  },
  { collection: 'sync_mapping_claims', timestamps: true },
);
claimSchema.plugin(tenantScoped, { index: false });
export const claimKeyOf = (v: Record<string, unknown>): string => claimKey(v.tenantId as string, String(v.realmId), v.entity as QboEntity, String(v.qboId));
keyedById(claimSchema, ['tenantId', 'realmId', 'entity', 'qboId'], claimKeyOf);

export function mappingClaimModel(connection: Connection): Model<MappingClaimDoc> {
  return (connection.models.SyncMappingClaim as Model<MappingClaimDoc> | undefined) ?? connection.model<MappingClaimDoc>('SyncMappingClaim', claimSchema);
}

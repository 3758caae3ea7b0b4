/**
 * One document per outbound QBO write, written before the write is sent: the deterministic requestid,
 * what it writes and the payload. A PENDING document found later (after a crash or a lost response)
 * is re-sent with the same requestid, so QBO replays its first answer instead of writing twice.
 */
import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { compositeKey, keyedById } from '../id-lookups.js';
import { tenantScoped } from '../tenant-scoped.plugin.js';
import { type QboEntity } from '../../providers/quickbooks/qbo.client.js';
import { type WriteOperation } from '../../providers/quickbooks/request-id.rules.js';

export type { WriteOperation } from '../../providers/quickbooks/request-id.rules.js';

export type OutboxStatus = 'PENDING' | 'DONE' | 'FAILED';

export interface OutboxEntryDoc {
  /** tenant id + requestid: the lookup of a write goes through the `_id` index. */
  _id: string;
  tenantId: Types.ObjectId;
  realmId: string;
  requestId: string;
  /** What the write is for: "invoice:<id>:main", "item:LABOUR:<account>"... */
  subject: string;
  operation: WriteOperation;
  entity: QboEntity;
  version: number;
  generation: number;
  /** JSON of the body sent (FerretDB rejects keys starting with '$' or containing '.', QBO has none, but a string is safest). */
  payload: string;
  status: OutboxStatus;
  attempts: number;
  resultId: string | null;
  resultSyncToken: string | null;
  error: string | null;
}

const schema = new Schema<OutboxEntryDoc>(
  {
    _id: { type: String },
    realmId: { type: String, required: true },
    requestId: { type: String, required: true },
    subject: { type: String, required: true },
    operation: { type: String, required: true },
    entity: { type: String, required: true },
    version: { type: Number, required: true },
    generation: { type: Number, required: true },
    payload: { type: String, required: true },
    status: { type: String, required: true, default: 'PENDING' },
    attempts: { type: Number, required: true, default: 0 },
    resultId: { type: String, default: null },
    resultSyncToken: { type: String, default: null },
    error: { type: String, default: null },
  },
  { collection: 'sync_outbox', timestamps: true },
);
schema.plugin(tenantScoped);
export const outboxKeyOf = (v: Record<string, unknown>): string => compositeKey(v.tenantId as string, String(v.requestId));
keyedById(schema, ['tenantId', 'requestId'], outboxKeyOf);
schema.index({ tenantId: 1, subject: 1, operation: 1, status: 1 });
// The pull's questions: did the gateway write this QBO object? is a create of this entity in flight?
schema.index({ tenantId: 1, resultId: 1 });
schema.index({ tenantId: 1, status: 1, operation: 1 });

export function outboxModel(connection: Connection): Model<OutboxEntryDoc> {
  return (connection.models.SyncOutbox as Model<OutboxEntryDoc> | undefined) ?? connection.model<OutboxEntryDoc>('SyncOutbox', schema);
}

/**
 * The creates of one subject whose outcome is not settled yet (their requestids). A create is listed
 * before it is sent and removed once its object is known, so after a crash the next attempt finds it
 * with one `_id` read instead of scanning the outbox.
 */
export interface OutboxSubjectDoc {
  _id: string;
  tenantId: Types.ObjectId;
  subject: string;
  openCreates: string[];
}

const subjectSchema = new Schema<OutboxSubjectDoc>(
  {
    _id: { type: String },
    subject: { type: String, required: true },
    openCreates: { type: [String], default: [] },
  },
  { collection: 'sync_outbox_subjects', timestamps: true },
);
subjectSchema.plugin(tenantScoped, { index: false });
export const outboxSubjectKeyOf = (v: Record<string, unknown>): string => compositeKey(v.tenantId as string, String(v.subject));
keyedById(subjectSchema, ['tenantId', 'subject'], outboxSubjectKeyOf);

export function outboxSubjectModel(connection: Connection): Model<OutboxSubjectDoc> {
  return (connection.models.SyncOutboxSubject as Model<OutboxSubjectDoc> | undefined) ?? connection.model<OutboxSubjectDoc>('SyncOutboxSubject', subjectSchema);
}

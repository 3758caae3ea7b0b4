/**
 * One document per outbound QBO write, written before the write is sent: the deterministic requestid,
 * what it writes and the payload. A PENDING document found later (after a crash or a lost response)
 * is re-sent with the same requestid, so QBO replays its first answer instead of writing twice.
 */
import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.plugin.js';
import { type QboEntity } from '../quickbooks/qbo.client.js';
import { type WriteOperation } from './request-id.rules.js';

export type OutboxStatus = 'PENDING' | 'DONE' | 'FAILED';

export interface OutboxEntry {
  _id: Types.ObjectId;
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

const schema = new Schema<OutboxEntry>(
  {
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
schema.index({ tenantId: 1, requestId: 1 }, { unique: true });
schema.index({ tenantId: 1, subject: 1, operation: 1, status: 1 });

export function outboxModel(connection: Connection): Model<OutboxEntry> {
  return (connection.models.SyncOutbox as Model<OutboxEntry> | undefined) ?? connection.model<OutboxEntry>('SyncOutbox', schema);
}

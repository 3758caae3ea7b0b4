/**
 * The QBO list objects the gateway creates or adopts for its own use, so they are created once and
 * reused: items per (purpose, income account) and per FSM supply, and the class or department of
 * each FSM team. Unique per (tenant, key); the QBO Id is stored once the object exists.
 */
import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { compositeKey, keyedById } from '../id-lookups.js';
import { tenantScoped } from '../tenant-scoped.plugin.js';

export interface SyncItemDoc {
  /** tenant id + realm + key: looked up through the `_id` index. */
  _id: string;
  tenantId: Types.ObjectId;
  /** e.g. "LABOUR:<accountId>", "SUPPLY:<supplyId>:<accountId>", "Class:<teamId>" */
  key: string;
  entity: 'Item' | 'Class' | 'Department';
  realmId: string;
  name: string;
  qboId: string | null;
}

/** An item as the push sees it. */
export type SyncItem = Omit<SyncItemDoc, '_id' | 'tenantId'>;

const schema = new Schema<SyncItemDoc>(
  {
    _id: { type: String },
    key: { type: String, required: true },
    entity: { type: String, required: true },
    realmId: { type: String, required: true },
    name: { type: String, required: true },
    qboId: { type: String, default: null },
  },
  { collection: 'sync_items', timestamps: true },
);
schema.plugin(tenantScoped);
export const syncItemKeyOf = (v: Record<string, unknown>): string => compositeKey(v.tenantId as string, String(v.realmId), String(v.key));
keyedById(schema, ['tenantId', 'realmId', 'key'], syncItemKeyOf);

export function syncItemModel(connection: Connection): Model<SyncItemDoc> {
  return (connection.models.SyncItem as Model<SyncItemDoc> | undefined) ?? connection.model<SyncItemDoc>('SyncItem', schema);
}

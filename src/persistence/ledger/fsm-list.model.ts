/**
 * What every FSM list record (job type, supply, payment method, team) shares: the FSM's own
 * `externalId` (unique per tenant, so repeating an upsert is harmless), a name and its sort key.
 * `FsmListRecord` is the plain shape services see (string ids); `StoredFsmList` is the document.
 */
import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { tenantScoped } from '../tenant-scoped.plugin.js';

export interface FsmListRecord {
  id: string;
  tenantId: string;
  externalId: string;
  name: string;
  /** Lower-cased name: the list's sort key (FerretDB has no collation). */
  sortKey: string;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** The stored document of a plain list record: ObjectIds where the record has hex strings. */
export type StoredFsmList<T extends FsmListRecord> = Omit<T, 'id' | 'tenantId'> & { _id: Types.ObjectId; tenantId: Types.ObjectId };

/** A tenant-scoped schema with the shared fields plus `fields`, and its unique (tenantId, externalId). */
export function fsmListSchema<T extends FsmListRecord>(fields: Record<string, unknown>, collection: string): Schema<StoredFsmList<T>> {
  const schema = new Schema<StoredFsmList<T>>(
    {
      externalId: { type: String, required: true },
      name: { type: String, required: true },
      sortKey: { type: String, required: true },
      active: { type: Boolean, required: true, default: true },
      ...fields,
    },
    { collection, timestamps: true },
  );
  schema.plugin(tenantScoped);
  schema.index({ tenantId: 1, externalId: 1 }, { unique: true });
  schema.index({ tenantId: 1, sortKey: 1, externalId: 1 });
  return schema;
}

export function fsmListModel<T extends FsmListRecord>(connection: Connection, name: string, schema: Schema<StoredFsmList<T>>): Model<StoredFsmList<T>> {
  return (connection.models[name] as Model<StoredFsmList<T>> | undefined) ?? connection.model<StoredFsmList<T>>(name, schema);
}

/**
 * What every FSM list record (job type, supply, payment method, team) shares: the FSM's own
 * `externalId` (unique per tenant, so repeating an upsert is harmless), a name and its sort key.
 */
import { Schema, type Types } from 'mongoose';
import { tenantScoped } from '../persistence/tenant-scoped.plugin.js';

export interface FsmListRecord {
  _id: Types.ObjectId;
  tenantId: Types.ObjectId;
  externalId: string;
  name: string;
  /** Lower-cased name: the list's sort key (FerretDB has no collation). */
  sortKey: string;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** A tenant-scoped schema with the shared fields plus `fields`, and its unique (tenantId, externalId). */
export function fsmListSchema<T extends FsmListRecord>(fields: Record<string, unknown>, collection: string): Schema<T> {
  const schema = new Schema<T>(
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

/**
 * One small document per tenant and cached read model (the chart of accounts, the accounting
 * settings): a random stamp every writer replaces after it wrote, so a process can tell with one `_id`
 * lookup whether what it holds in memory is still what the database holds (see tenant-read.cache.ts).
 */
import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { compositeKey, keyedById } from './id-lookups.js';
import { tenantScoped } from './tenant-scoped.plugin.js';

export interface ReadStamp {
  /** `<tenantId>:stamp:<scope>`: queries naming tenantId and scope go by `_id` (keyedById). */
  _id: string;
  tenantId: Types.ObjectId;
  scope: string;
  stamp: string;
  /** When the data behind the scope was last refreshed in full from its source (the chart: from QBO); null: never. */
  refreshedAt: Date | null;
}

const schema = new Schema<ReadStamp>(
  {
    _id: { type: String },
    scope: { type: String, required: true },
    stamp: { type: String, required: true },
    refreshedAt: { type: Date, default: null },
  },
  { collection: 'tenant_read_stamps', timestamps: false },
);
schema.plugin(tenantScoped);
export const readStampKeyOf = (v: Record<string, unknown>): string => compositeKey(v.tenantId as string, 'stamp', String(v.scope));
keyedById(schema, ['tenantId', 'scope'], readStampKeyOf);

export function readStampModel(connection: Connection): Model<ReadStamp> {
  return (connection.models.ReadStamp as Model<ReadStamp> | undefined) ?? connection.model<ReadStamp>('ReadStamp', schema);
}

/** Tenants (one FSM business each) and their API keys, stored hashed. */
import { type Connection, type HydratedDocument, type Model, Schema, type Types } from 'mongoose';
import { tenantScoped } from '../persistence/tenant-scoped.plugin.js';

export interface Tenant {
  _id: Types.ObjectId;
  name: string;
  /** The embedded default's demo tenant (at most one). */
  demo: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const tenantSchema = new Schema<Tenant>(
  {
    name: { type: String, required: true, trim: true, maxlength: 200 },
    demo: { type: Boolean, default: false, index: true },
  },
  { timestamps: true },
);

export interface ApiKey {
  _id: Types.ObjectId;
  tenantId: Types.ObjectId;
  /** SHA-256 of the key. Keys are 256-bit random, so a fast hash is enough (no dictionary to guess). */
  keyHash: string;
  /** First characters of the key, shown so users can tell keys apart. */
  prefix: string;
  label: string;
  revokedAt?: Date | null;
  lastUsedAt?: Date | null;
  createdAt: Date;
}

const apiKeySchema = new Schema<ApiKey>(
  {
    keyHash: { type: String, required: true, unique: true },
    prefix: { type: String, required: true },
    label: { type: String, required: true, default: 'default', maxlength: 100 },
    revokedAt: { type: Date, default: null },
    lastUsedAt: { type: Date, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
apiKeySchema.plugin(tenantScoped);

export type TenantDocument = HydratedDocument<Tenant>;

export function tenantModel(connection: Connection): Model<Tenant> {
  return (connection.models.Tenant as Model<Tenant> | undefined) ?? connection.model<Tenant>('Tenant', tenantSchema);
}

export function apiKeyModel(connection: Connection): Model<ApiKey> {
  return (connection.models.ApiKey as Model<ApiKey> | undefined) ?? connection.model<ApiKey>('ApiKey', apiKeySchema);
}

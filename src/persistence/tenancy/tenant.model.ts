/**
 * Tenants (one FSM business each) and their API keys, stored hashed. `Tenant` and `ApiKey` are the
 * plain shapes services see (string ids); the stored documents carry ObjectIds.
 */
import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { type TenantId } from '../tenant-id.js';
import { tenantScoped } from '../tenant-scoped.plugin.js';

export interface Tenant {
  id: TenantId;
  name: string;
  /** The embedded default's demo tenant (at most one). */
  demo: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface StoredTenant {
  _id: Types.ObjectId;
  name: string;
  demo: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const tenantSchema = new Schema<StoredTenant>(
  {
    name: { type: String, required: true, trim: true, maxlength: 200 },
    demo: { type: Boolean, default: false, index: true },
  },
  { timestamps: true },
);
// The demo tenant: the oldest with demo set.
tenantSchema.index({ demo: 1, createdAt: 1 });

export interface ApiKey {
  id: string;
  tenantId: TenantId;
  /** SHA-256 of the key. Keys are 256-bit random, so a fast hash is enough (no dictionary to guess). */
  keyHash: string;
  /** First characters of the key, shown so users can tell keys apart. */
  prefix: string;
  label: string;
  revokedAt?: Date | null;
  lastUsedAt?: Date | null;
  createdAt: Date;
}

export type StoredApiKey = Omit<ApiKey, 'id' | 'tenantId'> & { _id: Types.ObjectId; tenantId: Types.ObjectId };

const apiKeySchema = new Schema<StoredApiKey>(
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
// A tenant's keys, oldest first.
apiKeySchema.index({ tenantId: 1, createdAt: 1 });

export function tenantModel(connection: Connection): Model<StoredTenant> {
  return (connection.models.Tenant as Model<StoredTenant> | undefined) ?? connection.model<StoredTenant>('Tenant', tenantSchema);
}

export function apiKeyModel(connection: Connection): Model<StoredApiKey> {
  return (connection.models.ApiKey as Model<StoredApiKey> | undefined) ?? connection.model<StoredApiKey>('ApiKey', apiKeySchema);
}

/**
 * Tenants and their API keys in the database. Tenant-owned data (keys) is reached with the tenant
 * first; the lookups that cross tenants by design are named so: a key's hash is what tells which
 * tenant a request is for, and the demo tenant is found by its flag.
 */
import { type Connection, type Model, Types } from 'mongoose';
import { asTenantId, type TenantId, tenantIdOf, tenantObjectId } from '../tenant-id.js';
import { crossTenantCollection } from '../cross-tenant.collection.js';
import { type ApiKey, apiKeyModel, type StoredApiKey, type StoredTenant, type Tenant, tenantModel } from './tenant.model.js';

export type { ApiKey, Tenant } from './tenant.model.js';

function plainTenant(doc: StoredTenant): Tenant {
  return { id: tenantIdOf(doc._id), name: doc.name, demo: doc.demo, createdAt: doc.createdAt, updatedAt: doc.updatedAt };
}

function plainKey(doc: StoredApiKey): ApiKey {
  const { _id, tenantId, ...rest } = doc;
  delete (rest as { __v?: unknown }).__v;
  return { ...rest, id: _id.toHexString(), tenantId: tenantIdOf(tenantId) };
}

export class TenantRepository {
  /** The models, for tests that inspect stored documents. Services use the methods. */
  readonly models: { tenants: Model<StoredTenant>; apiKeys: Model<StoredApiKey> };

  constructor(connection: Connection) {
    this.models = { tenants: tenantModel(connection), apiKeys: apiKeyModel(connection) };
  }

  async ensureIndexes(): Promise<void> {
    await Promise.all([this.models.tenants.init(), this.models.apiKeys.init()]);
  }

  // ---- tenants (the collection is keyed by the tenant id itself) ---------------------------------

  async createTenant(fields: { name: string; demo: boolean }): Promise<Tenant> {
    return plainTenant((await this.models.tenants.create(fields)).toObject());
  }

  /** Undoes createTenant (no transactions on FerretDB): only a tenant that has nothing yet. */
  async deleteTenant(tenantId: TenantId): Promise<void> {
    await this.models.tenants.deleteOne({ _id: tenantObjectId(tenantId) });
  }

  async findTenant(tenantId: TenantId): Promise<Tenant | null> {
    const doc = await this.models.tenants.findById(tenantObjectId(tenantId)).lean();
    return doc ? plainTenant(doc) : null;
  }

  /** Of these tenants, the ones that still exist (one query by `_id`). */
  async existingTenants(tenantIds: readonly TenantId[]): Promise<Set<TenantId>> {
    if (tenantIds.length === 0) return new Set();
    const rows = await this.models.tenants.find({ _id: { $in: [...new Set(tenantIds)].map(tenantObjectId) } }, { _id: 1 }).lean();
    return new Set(rows.map((row) => tenantIdOf(row._id)));
  }

  /** Cross-tenant by design: the embedded default's demo tenant, found by its flag (the oldest). */
  async findDemoTenantAcrossTenants(): Promise<Tenant | null> {
    const doc = await this.models.tenants.findOne({ demo: true }).sort({ createdAt: 1 }).lean();
    return doc ? plainTenant(doc) : null;
  }

  // ---- API keys --------------------------------------------------------------------------------

  async addKey(tenantId: TenantId, fields: { keyHash: string; prefix: string; label: string }): Promise<void> {
    await this.models.apiKeys.create({ tenantId: tenantObjectId(tenantId), ...fields });
  }

  /** Whether the key exists and is not revoked (read by `_id`). */
  async isKeyUsable(tenantId: TenantId, keyId: string): Promise<boolean> {
    if (!Types.ObjectId.isValid(keyId)) return false;
    const current = await this.models.apiKeys.findOne({ tenantId: tenantObjectId(tenantId), _id: new Types.ObjectId(keyId) }, { revokedAt: 1 }).lean();
    return !!current && !current.revokedAt;
  }

  async hasKeyHash(tenantId: TenantId, keyHash: string): Promise<boolean> {
    return (await this.models.apiKeys.countDocuments({ tenantId: tenantObjectId(tenantId), keyHash })) > 0;
  }

  /** The tenant's keys, oldest first, revoked ones included. */
  async listKeys(tenantId: TenantId): Promise<ApiKey[]> {
    return (await this.models.apiKeys.find({ tenantId: tenantObjectId(tenantId) }).sort({ createdAt: 1 }).lean()).map(plainKey);
  }

  /** Revokes a key not revoked yet; null when there is none such for this tenant. */
  async revokeKey(tenantId: TenantId, keyId: string, at: Date): Promise<ApiKey | null> {
    if (!Types.ObjectId.isValid(keyId)) return null;
    const doc = await this.models.apiKeys
      .findOneAndUpdate({ tenantId: tenantObjectId(tenantId), _id: new Types.ObjectId(keyId), revokedAt: null }, { $set: { revokedAt: at } }, { returnDocument: 'after' })
      .lean();
    return doc ? plainKey(doc) : null;
  }

  /** Cross-tenant by design: the key a request presents is what names its tenant (by the unique hash index). */
  async findUsableKeyByHashAcrossTenants(keyHash: string): Promise<{ id: string; tenantId: TenantId } | null> {
    const record = await crossTenantCollection(this.models.apiKeys, 'an API key names its tenant').findOne({ keyHash, revokedAt: null }, { projection: { _id: 1, tenantId: 1 } });
    return record ? { id: String(record._id), tenantId: asTenantId(String(record.tenantId)) } : null;
  }

  /** Cross-tenant by design: of these key hashes, the unrevoked ones and their tenants (one query). */
  async usableKeysByHashAcrossTenants(keyHashes: readonly string[]): Promise<{ keyHash: string; tenantId: TenantId }[]> {
    if (keyHashes.length === 0) return [];
    const keys = await crossTenantCollection(this.models.apiKeys, 'API keys name their tenants')
      .find({ keyHash: { $in: [...keyHashes] }, revokedAt: null }, { projection: { keyHash: 1, tenantId: 1 } })
      .toArray();
    return keys.map((k) => ({ keyHash: k.keyHash as string, tenantId: asTenantId(String(k.tenantId)) }));
  }
}

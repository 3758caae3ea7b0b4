/** Tenants and API keys: create, authenticate, list, revoke. Plain logic over the models. */
import { LRUCache } from 'lru-cache';
import { type Connection, Types } from 'mongoose';
import { FreshReads } from '../persistence/fresh-reads.js';
import { NotFoundError } from '../graphql/errors.js';
import { displayPrefix, generateApiKey, hashApiKey } from './api-key.js';
import { type ApiKey, apiKeyModel, type Tenant, tenantModel } from './tenant.model.js';
import { crossTenantCollection } from '../persistence/tenant-scoped.plugin.js';

export interface AuthenticatedTenant {
  id: string;
  name: string;
}

/** Told the hashes of keys just revoked (so open WebSockets holding them close at once, on every instance). */
export type KeysRevokedListener = (keyHashes: string[]) => void;
/** What a key hash stands for that never changes: its key document and its tenant. */
interface KnownKey {
  keyId: Types.ObjectId;
  tenantId: Types.ObjectId;
  tenant: AuthenticatedTenant;
}

export class TenantService {
  private readonly tenants;
  private readonly keys;
  readonly #revokedListeners: KeysRevokedListener[] = [];
  /**
   * By key hash (never the key): which key document and tenant it names. Only what cannot change is
   * kept; whether the key is still usable is read on every request (see authenticate).
   */
  readonly #known = new LRUCache<string, KnownKey>({ max: 10_000 });
  /** Concurrent requests with one key share a revocation check sent after each of them arrived. */
  readonly #usable = new FreshReads<boolean>();

  constructor(connection: Connection) {
    this.tenants = tenantModel(connection);
    this.keys = apiKeyModel(connection);
  }

  async ensureIndexes(): Promise<void> {
    await Promise.all([this.tenants.init(), this.keys.init()]);
  }

  /** Creates a tenant and its first API key; returns the key in clear (the only time it exists). */
  async createTenant(name: string, options: { demo?: boolean; apiKey?: string } = {}): Promise<{ tenant: Tenant; apiKey: string }> {
    const clean = name.trim();
    if (!clean) throw new Error('tenant name must not be empty');
    const tenant = await this.tenants.create({ name: clean, demo: options.demo ?? false });
    try {
      const apiKey = await this.addKey(tenant._id, 'default', options.apiKey);
      return { tenant: tenant.toObject(), apiKey };
    } catch (error) {
      // No tenant without a key: undo the first write (no transactions on FerretDB).
      await this.tenants.deleteOne({ _id: tenant._id });
      throw error;
    }
  }

  async addKey(tenantId: Types.ObjectId | string, label: string, key = generateApiKey()): Promise<string> {
    await this.keys.create({ tenantId: new Types.ObjectId(tenantId), keyHash: hashApiKey(key), prefix: displayPrefix(key), label });
    return key;
  }

  /**
   * The tenant behind a key, or undefined. A key this process has seen costs one lookup of its key
   * document by `_id` (the one index the embedded FerretDB uses), which also tells whether it was
   * revoked since, and in parallel one of its tenant by `_id` (deleted tenants are refused): a
   * revocation by any process refuses the very next request everywhere. A key not seen yet is found
   * by its hash (a scan on FerretDB, once per key and process).
   */
  async authenticate(key: string | undefined): Promise<AuthenticatedTenant | undefined> {
    if (!key) return undefined;
    const keyHash = hashApiKey(key);
    const known = this.#known.get(keyHash);
    if (known) {
      const usable = await this.#usable.read(keyHash, async () => {
        // Both by _id, in parallel: the key not revoked, its tenant not deleted.
        const [current, tenant] = await Promise.all([
          this.keys.findOne({ tenantId: known.tenantId, _id: known.keyId }, { revokedAt: 1 }).lean().exec(),
          this.tenants.findById(known.tenantId, { _id: 1 }).lean().exec(),
        ]);
        return !!current && !current.revokedAt && !!tenant;
      });
      if (usable) return known.tenant;
      this.#known.delete(keyHash);
      return undefined;
    }
    // The one lookup that is not tenant-scoped by design: the key is what tells us the tenant.
    const record = await crossTenantCollection(this.keys, 'an API key names its tenant').findOne({ keyHash, revokedAt: null });
    if (!record) return undefined;
    const tenant = await this.tenants.findById(record.tenantId).lean();
    if (!tenant) return undefined;
    const authenticated = { id: tenant._id.toHexString(), name: tenant.name };
    this.#known.set(keyHash, { keyId: record._id, tenantId: tenant._id, tenant: authenticated });
    return authenticated;
  }

  /**
   * Of these key hashes, the ones still usable: not revoked, and their tenant still exists. One
   * query per collection however many sockets hold the keys (the WebSocket re-check polls this).
   */
  async validKeyHashes(keyHashes: string[]): Promise<Set<string>> {
    if (keyHashes.length === 0) return new Set();
    // Not tenant-scoped by design, like authenticate: the keys are what name the tenants.
    const keys = await crossTenantCollection(this.keys, 'API keys name their tenants').find({ keyHash: { $in: keyHashes }, revokedAt: null }, { projection: { keyHash: 1, tenantId: 1 } }).toArray();
    const tenantIds = [...new Set(keys.map((k) => String(k.tenantId)))].map((id) => new Types.ObjectId(id));
    const tenants = new Set((await this.tenants.find({ _id: { $in: tenantIds } }, { _id: 1 }).lean()).map((t) => t._id.toHexString()));
    return new Set(keys.filter((k) => tenants.has(String(k.tenantId))).map((k) => k.keyHash as string));
  }

  async findTenant(tenantId: string): Promise<Tenant | null> {
    return this.tenants.findById(tenantId).lean();
  }

  async findDemoTenant(): Promise<Tenant | null> {
    return this.tenants.findOne({ demo: true }).sort({ createdAt: 1 }).lean();
  }

  async hasKey(tenantId: Types.ObjectId, key: string): Promise<boolean> {
    return (await this.keys.countDocuments({ tenantId, keyHash: hashApiKey(key) })) > 0;
  }

  async listKeys(tenantId: string): Promise<ApiKey[]> {
    return this.keys.find({ tenantId: new Types.ObjectId(tenantId) }).sort({ createdAt: 1 }).lean();
  }

  onKeysRevoked(listener: KeysRevokedListener): void {
    this.#revokedListeners.push(listener);
  }

  async revokeKey(tenantId: string, keyId: string): Promise<ApiKey> {
    if (!Types.ObjectId.isValid(keyId)) throw new NotFoundError('ApiKey', keyId);
    const revoked = await this.keys
      .findOneAndUpdate({ tenantId: new Types.ObjectId(tenantId), _id: new Types.ObjectId(keyId), revokedAt: null }, { $set: { revokedAt: new Date() } }, { returnDocument: 'after' })
      .lean();
    if (!revoked) throw new NotFoundError('ApiKey', keyId);
    // After the commit: a listener that fails must not undo or hide the revocation (the key check
    // on every operation and the periodic re-check still hold).
    for (const listener of this.#revokedListeners) {
      try {
        listener([revoked.keyHash]);
      } catch {
        // the listener reports its own failures
      }
    }
    return revoked;
  }
}

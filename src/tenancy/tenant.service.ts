/** Tenants and API keys: create, authenticate, list, revoke. Plain logic over the TenantRepository. */
import { LRUCache } from 'lru-cache';
import { FreshReads } from '../persistence/fresh-reads.js';
import { NotFoundError } from '../errors/domain.errors.js';
import { type ApiKey, type Tenant, type TenantRepository } from '../persistence/tenancy/tenant.repository.js';
import { asTenantId, type TenantId } from '../persistence/tenant-id.js';
import { displayPrefix, generateApiKey, hashApiKey } from './api-key.js';

export type { ApiKey, Tenant };

export interface AuthenticatedTenant {
  id: string;
  name: string;
}

/** Told the hashes of keys just revoked (so open WebSockets holding them close at once, on every instance). */
export type KeysRevokedListener = (keyHashes: string[]) => void;
/** What a key hash stands for that never changes: its key document and its tenant. */
interface KnownKey {
  keyId: string;
  tenantId: TenantId;
  tenant: AuthenticatedTenant;
}

export class TenantService {
  readonly #revokedListeners: KeysRevokedListener[] = [];
  /**
   * By key hash (never the key): which key document and tenant it names. Only what cannot change is
   * kept; whether the key is still usable is read on every request (see authenticate).
   */
  readonly #known = new LRUCache<string, KnownKey>({ max: 10_000 });
  /** Concurrent requests with one key share a revocation check sent after each of them arrived. */
  readonly #usable = new FreshReads<boolean>();

  constructor(private readonly repository: TenantRepository) {}

  ensureIndexes(): Promise<void> {
    return this.repository.ensureIndexes();
  }

  /** Creates a tenant and its first API key; returns the key in clear (the only time it exists). */
  async createTenant(name: string, options: { demo?: boolean; apiKey?: string } = {}): Promise<{ tenant: Tenant; apiKey: string }> {
    const clean = name.trim();
    if (!clean) throw new Error('tenant name must not be empty');
    const tenant = await this.repository.createTenant({ name: clean, demo: options.demo ?? false });
    try {
      const apiKey = await this.addKey(tenant.id, 'default', options.apiKey);
      return { tenant, apiKey };
    } catch (error) {
      // No tenant without a key: undo the first write (no transactions on FerretDB).
      await this.repository.deleteTenant(tenant.id);
      throw error;
    }
  }

  async addKey(tenantId: string, label: string, key = generateApiKey()): Promise<string> {
    await this.repository.addKey(asTenantId(tenantId), { keyHash: hashApiKey(key), prefix: displayPrefix(key), label });
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
        const [keyUsable, tenant] = await Promise.all([this.repository.isKeyUsable(known.tenantId, known.keyId), this.repository.findTenant(known.tenantId)]);
        return keyUsable && !!tenant;
      });
      if (usable) return known.tenant;
      this.#known.delete(keyHash);
      return undefined;
    }
    // The one lookup that is not tenant-scoped by design: the key is what tells us the tenant.
    const record = await this.repository.findUsableKeyByHashAcrossTenants(keyHash);
    if (!record) return undefined;
    const tenant = await this.repository.findTenant(record.tenantId);
    if (!tenant) return undefined;
    const authenticated = { id: tenant.id, name: tenant.name };
    this.#known.set(keyHash, { keyId: record.id, tenantId: tenant.id, tenant: authenticated });
    return authenticated;
  }

  /**
   * Of these key hashes, the ones still usable: not revoked, and their tenant still exists. One
   * query per collection however many sockets hold the keys (the WebSocket re-check polls this).
   */
  async validKeyHashes(keyHashes: string[]): Promise<Set<string>> {
    if (keyHashes.length === 0) return new Set();
    // Not tenant-scoped by design, like authenticate: the keys are what name the tenants.
    const keys = await this.repository.usableKeysByHashAcrossTenants(keyHashes);
    const tenants = await this.repository.existingTenants(keys.map((k) => k.tenantId));
    return new Set(keys.filter((k) => tenants.has(k.tenantId)).map((k) => k.keyHash));
  }

  async findTenant(tenantId: string): Promise<Tenant | null> {
    return this.repository.findTenant(asTenantId(tenantId));
  }

  async findDemoTenant(): Promise<Tenant | null> {
    return this.repository.findDemoTenantAcrossTenants();
  }

  async hasKey(tenantId: string, key: string): Promise<boolean> {
    return this.repository.hasKeyHash(asTenantId(tenantId), hashApiKey(key));
  }

  async listKeys(tenantId: string): Promise<ApiKey[]> {
    return this.repository.listKeys(asTenantId(tenantId));
  }

  onKeysRevoked(listener: KeysRevokedListener): void {
    this.#revokedListeners.push(listener);
  }

  async revokeKey(tenantId: string, keyId: string): Promise<ApiKey> {
    const revoked = await this.repository.revokeKey(asTenantId(tenantId), keyId, new Date());
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

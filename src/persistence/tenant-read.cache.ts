/**
 * An in-process cache of one read model per tenant (its chart of accounts, its accounting settings)
 * that stays right across processes: each read first looks the tenant's stamp up by `_id` (one indexed
 * lookup; read-stamp.model.ts) and serves what it holds only if it was loaded under that same stamp.
 * Every writer replaces the stamp with a fresh random value after its write (`changed`), so the next
 * read in every process sees a new stamp and loads again.
 *
 * Why a stamp and not a version counter: FerretDB 1.x applies updates as read-then-write, so `$inc`
 * can lose counts and two writers can leave the same number behind; a fresh random value per write
 * cannot come back, whichever write lands last. Why after the write: a reader that loads between the
 * data write and the stamp write caches under the old stamp, which the stamp write then retires.
 * A process that died between its data write and its stamp write would leave others on the old data;
 * `maxAgeMs` bounds that (an entry older than it is loaded again whatever the stamp says).
 * Concurrent reads of one tenant share stamp lookups (fresh-reads.ts), never one sent before they began.
 */
import { LRUCache } from 'lru-cache';
import { FreshReads } from './fresh-reads.js';
import { type ReadStampRepository, type StampView } from './read-stamp.repository.js';
import { asTenantId } from './tenant-id.js';

export interface TenantReadCacheOptions {
  /** Tenants kept in memory (least recently read ones are dropped first). */
  maxTenants?: number;
  /** An entry older than this is loaded again even under an unchanged stamp. */
  maxAgeMs?: number;
}

export interface StampedRead<T> {
  value: T;
  /** The stamp document as read now (null: no write recorded yet). */
  stamp: StampView | null;
}

interface Entry<T> {
  stamp: string;
  value: T;
}

const NO_STAMP = '';

export class TenantReadCache<T extends object> {
  readonly #entries: LRUCache<string, Entry<T>>;
  /** Loads under way, by tenant and stamp: fifty concurrent first reads make one load. */
  readonly #loading = new Map<string, Promise<T>>();
  /** Concurrent reads of a tenant share a stamp lookup sent after each of them started. */
  readonly #stampReads = new FreshReads<StampView | null>();

  constructor(
    private readonly stamps: ReadStampRepository,
    private readonly scope: string,
    private readonly load: (tenantId: string) => Promise<T>,
    options: TenantReadCacheOptions = {},
  ) {
    this.#entries = new LRUCache<string, Entry<T>>({ max: options.maxTenants ?? 1000, ttl: options.maxAgeMs ?? 60_000 });
  }

  async read(tenantId: string): Promise<StampedRead<T>> {
    const stampView = await this.#stampReads.read(tenantId, () => this.stamps.stampOf(asTenantId(tenantId), this.scope));
    const stamp = stampView?.stamp ?? NO_STAMP;
    const cached = this.#entries.get(tenantId);
    if (cached && cached.stamp === stamp) return { value: cached.value, stamp: stampView };
    const key = `${tenantId}\u0000${stamp}`;
    let loading = this.#loading.get(key);
    if (!loading) {
      loading = this.load(tenantId).finally(() => this.#loading.delete(key));
      this.#loading.set(key, loading);
      // Kept only while the stamp it was loaded under is the newest one this process has seen.
      void loading.then(
        (value) => this.#entries.set(tenantId, { stamp, value }),
        () => undefined,
      );
    }
    return { value: await loading, stamp: stampView };
  }

  /** After a write: retires every process's copy (a fresh stamp), optionally recording a full refresh. */
  async changed(tenantId: string, fields: { refreshedAt?: Date } = {}): Promise<void> {
    this.#entries.delete(tenantId);
    await this.stamps.renew(asTenantId(tenantId), this.scope, fields);
    this.#entries.delete(tenantId);
  }

  /** Creates the collection's indexes (the `_id` one is what reads use). */
  init(): Promise<unknown> {
    return this.stamps.ensureIndexes();
  }
}

/**
 * requestid replay for batch calls (facts §1.5): a batch sent again with the same requestid for the same
 * realm *and* the same bIds is the same request, so QBO returns the first response without running any
 * item again. A retry whose bIds differ is not the same request and runs normally (the original stays
 * replayable). Bodies are not compared, as QBO does not document doing so. How long QBO remembers a
 * requestid is undocumented: entries live for `ttlMs` of virtual time (default 24 h) and the cache is
 * bounded by `maxEntries` (oldest evicted first).
 */
import { type Clock } from '../clock.js';
import { batchBIds } from './batch.service.js';

export interface Entry<T> {
  bIds: string;
  response: T;
  at: number;
}

export interface BatchReplayCacheOptions {
  clock: Clock;
  ttlMs?: number;
  maxEntries?: number;
}

/** One realm's stored batch responses as plain JSON, for the simulator's persistence. */
export interface SavedBatchResponses<T> {
  requestId: string;
  entries: Entry<T>[];
}

export class BatchReplayCache<T = unknown> {
  readonly #clock: Clock;
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  /** realm + requestid → responses, one per distinct bId list. Map order = insertion order (for eviction). */
  #entries = new Map<string, Entry<T>[]>();
  #size = 0;
  #listeners = new Set<(realmId: string) => void>();

  constructor(options: BatchReplayCacheOptions) {
    this.#clock = options.clock;
    this.#ttlMs = options.ttlMs ?? 24 * 3_600_000;
    this.#maxEntries = options.maxEntries ?? 10_000;
  }

  static #bIdKey(body: unknown): string {
    return JSON.stringify(batchBIds(body));
  }

  /** The stored response for this realm, requestid and bIds, or undefined when the call must run. */
  lookup(realmId: string, requestId: string, body: unknown): T | undefined {
    const list = this.#entries.get(`${realmId}\u0000${requestId}`);
    const bIds = BatchReplayCache.#bIdKey(body);
    const hit = list?.find((e) => e.bIds === bIds);
    if (!hit) return undefined;
    if (this.#clock.now() - hit.at > this.#ttlMs) return undefined;
    return hit.response;
  }

  /** Remember the response the first call produced (the router stores exactly what it sent). */
  store(realmId: string, requestId: string, body: unknown, response: T): void {
    const key = `${realmId}\u0000${requestId}`;
    const bIds = BatchReplayCache.#bIdKey(body);
    const list = (this.#entries.get(key) ?? []).filter((e) => {
      const keep = e.bIds !== bIds;
      if (!keep) this.#size--;
      return keep;
    });
    list.push({ bIds, response, at: this.#clock.now() });
    this.#size++;
    this.#entries.delete(key);
    this.#entries.set(key, list);
    this.#evict();
    for (const l of [...this.#listeners]) l(realmId);
  }

  /** Told with the realm whenever a response is stored (the persistence saves it with the realm's company). */
  onStore(listener: (realmId: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The realm's stored responses still within their retention. */
  exportRealm(realmId: string): SavedBatchResponses<T>[] {
    const prefix = `${realmId}\u0000`;
    const cutoff = this.#clock.now() - this.#ttlMs;
    const out: SavedBatchResponses<T>[] = [];
    for (const [key, list] of this.#entries) {
      if (!key.startsWith(prefix)) continue;
      const live = list.filter((e) => e.at >= cutoff);
      if (live.length > 0) out.push({ requestId: key.slice(prefix.length), entries: structuredClone(live) });
    }
    return out;
  }

  importRealm(realmId: string, saved: readonly SavedBatchResponses<T>[]): void {
    for (const { requestId, entries } of saved) {
      const key = `${realmId}\u0000${requestId}`;
      this.#size -= this.#entries.get(key)?.length ?? 0;
      this.#entries.set(key, structuredClone(entries));
      this.#size += entries.length;
    }
    this.#evict();
  }

  /**
   * Replay or run: with a requestid, return the stored response for the same bIds or run `execute` and
   * store its result; without one, just run. Throwing calls are not stored (nothing was committed).
   */
  run(realmId: string, requestId: string | undefined, body: unknown, execute: () => T): { response: T; replayed: boolean } {
    if (!requestId) return { response: execute(), replayed: false };
    const stored = this.lookup(realmId, requestId, body);
    if (stored !== undefined) return { response: stored, replayed: true };
    const response = execute();
    this.store(realmId, requestId, body, response);
    return { response, replayed: false };
  }

  clear(): void {
    this.#entries.clear();
    this.#size = 0;
  }

  #evict(): void {
    for (const [key, list] of this.#entries) {
      if (this.#size <= this.#maxEntries) return;
      this.#size -= list.length;
      this.#entries.delete(key);
    }
  }
}

/**
 * requestid replay (facts §1.5): a write sent again with the same `requestid` for the same realm gets
 * the first response back byte for byte and nothing runs again. Bodies are not compared (QBO does not
 * say it does). Retention is undocumented: entries live `ttlMs` of virtual time, bounded in number.
 */
import { type Clock } from '../clock.js';

export const MAX_REQUEST_ID_LENGTH = 50;

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  at: number;
}

/** A stored response as plain JSON (the body in base64), for the simulator's persistence. */
export interface SavedResponse {
  requestId: string;
  status: number;
  headers: Record<string, string>;
  body: string;
  at: number;
}

export class RequestIdReplay {
  #entries = new Map<string, StoredResponse>();
  #listeners = new Set<(realmId: string) => void>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = 24 * 3_600_000,
    private readonly maxEntries = 10_000,
  ) {}

  lookup(realmId: string, requestId: string): StoredResponse | undefined {
    const key = `${realmId}\u0000${requestId}`;
    const hit = this.#entries.get(key);
    if (hit && this.clock.now() - hit.at > this.ttlMs) {
      this.#entries.delete(key);
      return undefined;
    }
    return hit;
  }

  store(realmId: string, requestId: string, response: Omit<StoredResponse, 'at'>): void {
    const key = `${realmId}\u0000${requestId}`;
    if (this.#entries.has(key)) return;
    this.#entries.set(key, { ...response, at: this.clock.now() });
    for (const l of [...this.#listeners]) l(realmId);
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  clear(): void {
    this.#entries.clear();
  }

  /** Told with the realm whenever a response is stored (the persistence saves it with the realm's company). */
  onStore(listener: (realmId: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The realm's stored responses still within their retention, oldest first. */
  exportRealm(realmId: string): SavedResponse[] {
    const prefix = `${realmId}\u0000`;
    const cutoff = this.clock.now() - this.ttlMs;
    return [...this.#entries]
      .filter(([key, r]) => key.startsWith(prefix) && r.at >= cutoff)
      .map(([key, r]) => ({ requestId: key.slice(prefix.length), status: r.status, headers: { ...r.headers }, body: r.body.toString('base64'), at: r.at }));
  }

  importRealm(realmId: string, saved: readonly SavedResponse[]): void {
    for (const r of saved) this.#entries.set(`${realmId}\u0000${r.requestId}`, { status: r.status, headers: { ...r.headers }, body: Buffer.from(r.body, 'base64'), at: r.at });
  }

  get size(): number {
    return this.#entries.size;
  }
}

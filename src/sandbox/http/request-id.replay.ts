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

export class RequestIdReplay {
  #entries = new Map<string, StoredResponse>();

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
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}

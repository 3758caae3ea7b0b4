/**
 * The sandbox's request log (admin `GET /_sandbox/requests`): one entry per data-API call, newest
 * last, bounded so a long benchmark cannot exhaust memory.
 */
export interface RequestLogEntry {
  seq: number;
  /** Virtual time the call arrived (epoch ms). */
  at: number;
  method: string;
  path: string;
  query: Record<string, unknown>;
  realmId: string | undefined;
  clientId: string | undefined;
  requestId: string | undefined;
  intuitTid: string;
  status: number;
  faultCode: string | undefined;
  replayed: boolean;
  injected: string | undefined;
  durationMs: number;
}

export class RequestLog {
  #entries: RequestLogEntry[] = [];
  #seq = 0;
  #listeners = new Set<() => void>();

  constructor(private readonly max = 5000) {}

  add(entry: Omit<RequestLogEntry, 'seq'>): void {
    this.#entries.push({ ...entry, seq: ++this.#seq });
    if (this.#entries.length > this.max) this.#entries.splice(0, this.#entries.length - this.max);
    for (const l of [...this.#listeners]) l();
  }

  onAdd(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The entries and the sequence, for the simulator's persistence (sequence numbers go on after a restart). */
  exportState(): { seq: number; entries: RequestLogEntry[] } {
    return { seq: this.#seq, entries: this.#entries.map((e) => ({ ...e })) };
  }

  importState(saved: { seq: number; entries: readonly RequestLogEntry[] }): void {
    this.#entries = saved.entries.slice(-this.max).map((e) => ({ ...e }));
    this.#seq = Math.max(saved.seq, this.#entries.at(-1)?.seq ?? 0);
  }

  list(filter: { realmId?: string; since?: number; limit?: number } = {}): RequestLogEntry[] {
    let out = this.#entries;
    if (filter.realmId) out = out.filter((e) => e.realmId === filter.realmId);
    if (filter.since !== undefined) out = out.filter((e) => e.seq > filter.since!);
    return filter.limit ? out.slice(-filter.limit) : [...out];
  }

  clear(): void {
    this.#entries = [];
    for (const l of [...this.#listeners]) l();
  }
}

/**
 * QBO's throttles (facts §2), on the virtual clock so tests can compress a minute into a second:
 * - 500 requests per minute per realm (all apps together), batch calls included (2016 policy);
 * - 10 concurrent requests per realm and app;
 * - 40 batch calls per minute per realm and app, and 120 per realm;
 * - 10 requests per second per realm and app (Intuit's current page; `perSecond: null` turns it off,
 *   e.g. for a test that measures something else with bursts).
 * A rejected call throws `faults.throttled()` (429, 3001) and consumes no quota. Windows slide: a
 * request admitted at t stops counting at t + 60 s.
 */
import { type Clock } from '../clock.js';
import { faults, type GatewayFault } from '../faults.js';

export type RequestKind = 'request' | 'batch';

export interface RealmLimiterOptions {
  clock: Clock;
  /** Requests per minute per realm (all apps); batch calls count too. */
  perMinute?: number;
  /** Concurrent requests per realm and app. */
  concurrent?: number;
  /** Batch calls per minute per realm and app. */
  batchPerMinute?: number;
  /** Batch calls per minute per realm (all apps). */
  batchPerMinutePerRealm?: number;
  /** Requests per second per realm and app (default 10, as QBO); null = not enforced. */
  perSecond?: number | null;
  /** When set, throttle faults carry `headers: {'Retry-After': '<n>'}` (QBO sending it is unconfirmed). */
  retryAfterSeconds?: number;
}

export interface RealmLimiter {
  /** Admit one call or throw the 429 fault; the returned function ends the call (idempotent). */
  acquire(realmId: string, clientId: string, kind: RequestKind): () => void;
  /** Forget all windows and in-flight counts (admin reset). */
  reset(): void;
}

/** A throttle fault with the headers the router should send alongside it. */
export type ThrottleFault = GatewayFault & { headers: Record<string, string> };

/** Headers to send with a fault thrown by the limiter (empty for anything else). */
export function throttleHeaders(err: unknown): Record<string, string> {
  const headers = (err as Partial<ThrottleFault> | null)?.headers;
  return headers && typeof headers === 'object' ? headers : {};
}

/** Timestamps of admitted calls in one window, oldest first. */
class SlidingWindow {
  #times: number[] = [];
  #head = 0;

  constructor(readonly windowMs: number) {}

  count(now: number): number {
    while (this.#head < this.#times.length && (this.#times[this.#head] ?? 0) <= now - this.windowMs) this.#head++;
    if (this.#head > 1024 && this.#head * 2 > this.#times.length) {
      this.#times = this.#times.slice(this.#head);
      this.#head = 0;
    }
    return this.#times.length - this.#head;
  }

  add(now: number): void {
    this.#times.push(now);
  }
}

export function createRealmLimiter(options: RealmLimiterOptions): RealmLimiter {
  const { clock } = options;
  const perMinute = options.perMinute ?? 500;
  const concurrent = options.concurrent ?? 10;
  const batchPerMinute = options.batchPerMinute ?? 40;
  const batchPerMinutePerRealm = options.batchPerMinutePerRealm ?? 120;
  const perSecond = options.perSecond === undefined ? 10 : options.perSecond;

  let windows = new Map<string, SlidingWindow>();
  let inFlight = new Map<string, number>();

  const windowFor = (key: string, ms: number): SlidingWindow => {
    let w = windows.get(key);
    if (!w) {
      w = new SlidingWindow(ms);
      windows.set(key, w);
    }
    return w;
  };

  const throttled = (): ThrottleFault => {
    const fault = faults.throttled() as ThrottleFault;
    fault.headers = options.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(options.retryAfterSeconds) };
    return fault;
  };

  return {
    acquire(realmId, clientId, kind) {
      const now = clock.now();
      const app = `${realmId}\u0000${clientId}`;
      const checks: [SlidingWindow, number][] = [[windowFor(`min:${realmId}`, 60_000), perMinute]];
      if (perSecond !== null) checks.push([windowFor(`sec:${app}`, 1_000), perSecond]);
      if (kind === 'batch') {
        checks.push([windowFor(`batch:${app}`, 60_000), batchPerMinute]);
        checks.push([windowFor(`batch-realm:${realmId}`, 60_000), batchPerMinutePerRealm]);
      }
      const running = inFlight.get(app) ?? 0;
      // Check everything before recording anything, so a rejected call uses no quota.
      if (running >= concurrent || checks.some(([w, limit]) => w.count(now) >= limit)) throw throttled();
      for (const [w] of checks) w.add(now);
      inFlight.set(app, running + 1);

      const generation = inFlight;
      let released = false;
      return () => {
        if (released || generation !== inFlight) return; // a reset in between already cleared the count
        released = true;
        const n = (inFlight.get(app) ?? 1) - 1;
        if (n <= 0) inFlight.delete(app);
        else inFlight.set(app, n);
      };
    },
    reset() {
      windows = new Map();
      inFlight = new Map();
    },
  };
}

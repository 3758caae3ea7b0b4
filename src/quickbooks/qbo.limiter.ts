/**
 * Per-realm pacing shared by every caller in the process: at most 10 requests in flight, under 500
 * per minute, and batch calls under 40 per minute (batch calls also count toward the 500). The limiter
 * queues work instead of letting QBO answer 429. Bottleneck can move these counters to Redis when
 * several gateway instances share a realm (the scale-out path), without changing callers.
 */
import Bottleneck from 'bottleneck';

export interface RealmLimits {
  concurrent: number;
  perMinute: number;
  batchPerMinute: number;
  /** Length of the limit window in ms (60 000 in production; tests compress it). */
  windowMs: number;
}

export const QBO_LIMITS: RealmLimits = { concurrent: 10, perMinute: 500, batchPerMinute: 40, windowMs: 60_000 };

export class RealmLimiter {
  readonly #requests: Bottleneck.Group;
  readonly #batches: Bottleneck.Group;

  constructor(readonly limits: RealmLimits = QBO_LIMITS) {
    this.#requests = new Bottleneck.Group({ maxConcurrent: limits.concurrent, ...tokenBucket(limits.perMinute, limits.windowMs) });
    this.#batches = new Bottleneck.Group(tokenBucket(limits.batchPerMinute, limits.windowMs));
  }

  /** Runs `task` when the realm's budget allows it. */
  schedule<T>(realmId: string, kind: 'request' | 'batch', task: () => Promise<T>): Promise<T> {
    const request = this.#requests.key(realmId);
    if (kind === 'request') return request.schedule(task);
    return this.#batches.key(realmId).schedule(() => request.schedule(task));
  }

  async stop(): Promise<void> {
    await Promise.all([...this.#requests.limiters(), ...this.#batches.limiters()].map(({ limiter }) => limiter.stop({ dropWaitingJobs: true })));
  }
}

/**
 * QBO counts requests in a sliding window; a token bucket with burst B and refill rate R lets through
 * at most B + R per window. So the bucket holds 5% of the limit and refills 90% of it per window:
 * at most 95% of the limit in any window, leaving room for clock skew between us and Intuit, and
 * never a 429 from pacing alone.
 */
function tokenBucket(limitPerWindow: number, windowMs: number): Bottleneck.ConstructorOptions {
  const burst = Math.max(1, Math.floor(limitPerWindow * 0.05));
  const refillPerWindow = Math.max(1, Math.floor(limitPerWindow * 0.9));
  // Bottleneck applies refills on its heartbeat: tick at most every ~50 ms and add as many tokens per
  // tick as the rate allows (a 6 ms interval on a 250 ms heartbeat would silently run 40x slower).
  const perToken = windowMs / refillPerWindow;
  const tokensPerTick = Math.max(1, Math.ceil(50 / perToken));
  const tickMs = Math.ceil(perToken * tokensPerTick);
  return {
    reservoir: burst,
    reservoirIncreaseAmount: tokensPerTick,
    reservoirIncreaseInterval: tickMs,
    reservoirIncreaseMaximum: Math.max(burst, tokensPerTick),
    heartbeatInterval: tickMs,
  };
}

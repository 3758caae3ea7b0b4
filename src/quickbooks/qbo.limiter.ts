/**
 * Per-realm pacing shared by every caller in the process: at most 10 requests in flight, 500 per
 * minute, and batch calls at most 40 per minute (batch calls also count toward the 500). The limiter
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
    // A rolling budget: `perMinute` tokens spread evenly (one every windowMs/perMinute), with a burst of
    // at most a tenth of the window's budget, so a queue never spends the whole minute in one second.
    const spacing = limits.windowMs / limits.perMinute;
    this.#requests = new Bottleneck.Group({
      maxConcurrent: limits.concurrent,
      reservoir: Math.max(1, Math.floor(limits.perMinute / 10)),
      reservoirIncreaseAmount: 1,
      reservoirIncreaseInterval: Math.max(1, Math.floor(spacing)),
      reservoirIncreaseMaximum: Math.max(1, Math.floor(limits.perMinute / 10)),
    });
    const batchSpacing = limits.windowMs / limits.batchPerMinute;
    this.#batches = new Bottleneck.Group({
      reservoir: Math.max(1, Math.floor(limits.batchPerMinute / 10)),
      reservoirIncreaseAmount: 1,
      reservoirIncreaseInterval: Math.max(1, Math.floor(batchSpacing)),
      reservoirIncreaseMaximum: Math.max(1, Math.floor(limits.batchPerMinute / 10)),
    });
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

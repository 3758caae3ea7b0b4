/**
 * Per-realm pacing shared by every caller in the process: at most 10 requests in flight, under 500
 * per minute and under 10 per second, and batch calls under 40 per minute (batch calls also count
 * toward the 500). The limiter queues work instead of letting QBO answer 429. Bottleneck can move these
 * counters to Redis when several gateway instances share a realm (the scale-out path), without
 * changing callers.
 */
import Bottleneck from 'bottleneck';
import { type Redis } from 'ioredis';

export interface RealmLimits {
  concurrent: number;
  perMinute: number;
  batchPerMinute: number;
  /** Length of the limit window in ms (60 000 in production; tests compress it). */
  windowMs: number;
  /** Requests per second (a sixtieth of the window, compressed with it); undefined: no per-second cap. */
  perSecond?: number;
}

export const QBO_LIMITS: RealmLimits = { concurrent: 10, perMinute: 500, batchPerMinute: 40, windowMs: 60_000, perSecond: 10 };

/**
 * QBO also allows only 10 requests per second per realm and app (facts §2.1). The minute's token bucket
 * alone lets its burst and a second of refill through together (about 18 in the first second of a push),
 * so request starts are also spaced: at least a ninth of a second apart (one below QBO's 10, for requests
 * that arrive closer together than they left). Bottleneck's `minTime` spaces them across instances when
 * clustered; it plans each start from the previous plan, though, so starts its timers fired late (a busy
 * event loop) bunch up, and `SecondPacer` then holds a start until the last second has room.
 */
export function perSecondSpacing(limits: RealmLimits): Bottleneck.ConstructorOptions {
  if (!limits.perSecond) return {};
  const secondMs = limits.windowMs / 60;
  return { minTime: Math.ceil(secondMs / Math.max(1, limits.perSecond - 1)) };
}

/**
 * Which request goes first when the realm's budget is the bottleneck (Bottleneck runs lower numbers
 * first). A batch call carries up to 30 records for one request, so once its batch slot is granted it
 * must not wait behind single calls; reads (lookups a push is waiting on) come next; single creates,
 * which only use what the batch calls leave, come last.
 */
export type RequestPriority = 'batch' | 'normal' | 'filler';
const PRIORITY: Record<RequestPriority, number> = { batch: 3, normal: 5, filler: 7 };

/**
 * With REDIS_URL the budgets are one per realm across every instance: Bottleneck's clustering keeps
 * the reservoirs and the running count in Redis (Lua scripts, Redis's own clock), so three instances
 * pushing one realm together stay under QBO's limits as one process would.
 */
export interface SharedBudgets {
  /** A connection of the gateway's own; the limiter takes a duplicate (Bottleneck subscribes on it). */
  client: Redis;
  prefix: string;
}

/**
 * At most `most` starts per realm in any sliding `secondMs`, counted when a request really starts (see
 * perSecondSpacing). Check and record happen in one synchronous step, so concurrent callers cannot both
 * take the last place.
 */
export class SecondPacer {
  readonly #starts = new Map<string, number[]>();

  constructor(private readonly secondMs: number, private readonly most: number) {}

  async admit(realmId: string): Promise<void> {
    for (;;) {
      const now = Date.now();
      const starts = (this.#starts.get(realmId) ?? []).filter((t) => t > now - this.secondMs);
      if (starts.length < this.most) {
        starts.push(now);
        this.#starts.set(realmId, starts);
        return;
      }
      this.#starts.set(realmId, starts);
      await new Promise((resolve) => setTimeout(resolve, starts[0]! + this.secondMs - now + 1));
    }
  }
}

export class RealmLimiter {
  readonly #requests: Bottleneck.Group;
  readonly #pacer?: SecondPacer;
  readonly #batches: Bottleneck.Group;
  readonly #connection?: Bottleneck.IORedisConnection;

  constructor(readonly limits: RealmLimits = QBO_LIMITS, shared?: SharedBudgets) {
    const cluster = (id: string): Bottleneck.ConstructorOptions =>
      this.#connection
        ? // timeout: a realm idle for 10 minutes leaves nothing in Redis (its budget is full again anyway).
          { id: `${shared!.prefix}qbo-${id}`, datastore: 'ioredis', connection: this.#connection, clearDatastore: false, timeout: 10 * 60_000 }
        : {};
    if (shared) this.#connection = new Bottleneck.IORedisConnection({ client: shared.client.duplicate({ lazyConnect: false }) });
    // In Redis, Bottleneck adds every interval that has passed (its script counts them, without drift), so
    // the short heartbeat tokenBucket needs in one process would only run a script 40 times a second per
    // realm: there the heartbeat is the refill interval again.
    const bucket = (limit: number): Bottleneck.ConstructorOptions => {
      const options = tokenBucket(limit, limits.windowMs);
      return this.#connection ? { ...options, heartbeatInterval: options.reservoirIncreaseInterval } : options;
    };
    this.#requests = new Bottleneck.Group({ maxConcurrent: limits.concurrent, ...bucket(limits.perMinute), ...perSecondSpacing(limits), ...cluster('requests') });
    this.#batches = new Bottleneck.Group({ ...bucket(limits.batchPerMinute), ...cluster('batches') });
    if (limits.perSecond) this.#pacer = new SecondPacer(limits.windowMs / 60, Math.max(1, limits.perSecond - 1));
  }

  /**
   * What each realm has left right now (across instances when shared): tokens in the request and
   * batch buckets and requests in flight, for the metrics.
   */
  async usage(): Promise<{ realmId: string; requestsLeft: number; batchesLeft: number; running: number }[]> {
    const batches = new Map(this.#batches.limiters().map(({ key, limiter }) => [key, limiter]));
    return Promise.all(
      this.#requests.limiters().map(async ({ key, limiter }) => ({
        realmId: key,
        requestsLeft: (await limiter.currentReservoir()) ?? 0,
        batchesLeft: (await batches.get(key)?.currentReservoir()) ?? this.limits.batchPerMinute,
        running: await limiter.running(),
      })),
    );
  }

  /** Runs `task` when the realm's budget allows it. */
  schedule<T>(realmId: string, kind: 'request' | 'batch', task: () => Promise<T>, priority: RequestPriority = kind === 'batch' ? 'batch' : 'normal'): Promise<T> {
    const request = this.#requests.key(realmId);
    const options = { priority: PRIORITY[priority] };
    const pacer = this.#pacer;
    const paced = pacer ? async () => (await pacer.admit(realmId), task()) : task;
    if (kind === 'request') return request.schedule(options, paced);
    return this.#batches.key(realmId).schedule(() => request.schedule(options, paced));
  }

  async stop(): Promise<void> {
    await Promise.all([...this.#requests.limiters(), ...this.#batches.limiters()].map(({ limiter }) => limiter.stop({ dropWaitingJobs: true })));
    await this.#connection?.disconnect(false);
  }
}

/**
 * QBO counts requests in a sliding window (the simulator does too). A token bucket that holds at most M
 * tokens and adds k every T ms lets through at most M + k * ceil(W / T) in any window W. The bucket
 * holds 2% of the limit and refills as close to 97% per window as keeps that bound at 99% of the limit
 * or less: 494 of 500 requests and 39 of 40 batch calls in any minute, a little room for a call delayed
 * on its way, and never a 429 from pacing alone.
 *
 * Bottleneck adds the k tokens on its heartbeat, at the first beat at least T after the previous
 * addition, and counts the next T from that beat. With a heartbeat as long as T (as this was), a beat a
 * millisecond early waits a whole beat more: the batch bucket added a token every 2 s instead of every
 * 1.6 s, and a 2,000-invoice push used 31 batch calls a minute of the 38 planned. So T is long (at least
 * 1/120 of the window, 500 ms for a minute: the request bucket adds 5 tokens at a time) and the heartbeat
 * short (T / 20, at most 25 ms): an addition comes at most one short beat late. (Only the in-process store
 * drifts so; see RealmLimiter for the Redis one.)
 */
export function tokenBucket(limitPerWindow: number, windowMs: number): Bottleneck.ConstructorOptions {
  const burst = Math.max(1, Math.floor(limitPerWindow * 0.02));
  const allowed = Math.max(burst + 1, Math.floor(limitPerWindow * 0.99));
  const shortestTick = Math.max(50, windowMs / 120);
  for (let refill = Math.max(1, Math.floor(limitPerWindow * 0.97)); ; refill--) {
    const perToken = windowMs / refill;
    const tokensPerTick = Math.max(1, Math.ceil(shortestTick / perToken));
    const tickMs = Math.ceil(perToken * tokensPerTick);
    const most = Math.max(burst, tokensPerTick);
    if (most + tokensPerTick * Math.ceil(windowMs / tickMs) <= allowed || refill === 1) {
      const heartbeatInterval = Math.max(5, Math.min(25, Math.floor(tickMs / 20)));
      return { reservoir: burst, reservoirIncreaseAmount: tokensPerTick, reservoirIncreaseInterval: tickMs, reservoirIncreaseMaximum: most, heartbeatInterval };
    }
  }
}

/**
 * The sandbox's virtual clock. Every time-dependent behaviour of the simulator (token expiry,
 * throttling windows, MetaData timestamps, CDC look-back, webhook retry schedules) reads this clock,
 * never Date.now(), so tests and benchmarks can compress minutes into seconds without changing the
 * ratios between limits.
 *
 * Virtual time = anchor + (real elapsed since anchor) * scale + manual offsets.
 */
export interface Clock {
  /** Current virtual time in epoch milliseconds. */
  now(): number;
  /** Virtual milliseconds that pass per real millisecond (1 = real time). */
  readonly scale: number;
  /** Change the speed of time from now on (time does not jump). */
  setScale(scale: number): void;
  /** Jump to an absolute virtual instant. */
  set(epochMs: number): void;
  /** Jump forward by a number of virtual milliseconds. */
  advance(ms: number): void;
  /** Resolve after `virtualMs` of virtual time (re-evaluated if the clock is moved or rescaled). */
  sleep(virtualMs: number, signal?: AbortSignal): Promise<void>;
}

export class VirtualClock implements Clock {
  #anchorReal: number;
  #anchorVirtual: number;
  #scale: number;
  #waiters = new Set<() => void>();

  constructor(options: { start?: number; scale?: number; realNow?: () => number } = {}) {
    this.realNow = options.realNow ?? Date.now;
    this.#anchorReal = this.realNow();
    this.#anchorVirtual = options.start ?? this.#anchorReal;
    this.#scale = validScale(options.scale ?? 1);
  }

  private readonly realNow: () => number;

  get scale(): number {
    return this.#scale;
  }

  now(): number {
    return Math.floor(this.#anchorVirtual + (this.realNow() - this.#anchorReal) * this.#scale);
  }

  setScale(scale: number): void {
    this.#rebase(this.now());
    this.#scale = validScale(scale);
    this.#wake();
  }

  set(epochMs: number): void {
    if (!Number.isFinite(epochMs)) throw new RangeError(`clock time must be a finite epoch ms, got ${epochMs}`);
    this.#rebase(epochMs);
    this.#wake();
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`clock can only advance by a non-negative amount, got ${ms}`);
    this.set(this.now() + ms);
  }

  sleep(virtualMs: number, signal?: AbortSignal): Promise<void> {
    const until = this.now() + Math.max(0, virtualMs);
    return new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const cleanup = () => {
        if (timer) clearTimeout(timer);
        this.#waiters.delete(check);
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        cleanup();
        reject(signal?.reason instanceof Error ? signal.reason : new Error('sleep aborted'));
      };
      const check = () => {
        if (timer) clearTimeout(timer);
        const remaining = until - this.now();
        if (remaining <= 0) {
          cleanup();
          resolve();
          return;
        }
        // Real ms needed at the current scale; capped so a rescale is noticed promptly anyway.
        timer = setTimeout(check, Math.min(Math.ceil(remaining / this.#scale), 60_000));
        timer.unref?.();
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiters.add(check);
      check();
    });
  }

  #rebase(virtualNow: number): void {
    this.#anchorReal = this.realNow();
    this.#anchorVirtual = virtualNow;
  }

  #wake(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }
}

function validScale(scale: number): number {
  if (!Number.isFinite(scale) || scale <= 0) throw new RangeError(`clock scale must be a positive number, got ${scale}`);
  return scale;
}

import { afterEach, describe, expect, it } from 'vitest';
import { QBO_LIMITS, RealmLimiter } from './qbo.limiter.js';

let limiter: RealmLimiter | undefined;
afterEach(async () => {
  await limiter?.stop();
});

/** The most starts that fall within any window of `windowMs`. */
function maxInWindow(starts: number[], windowMs: number): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('RealmLimiter', () => {
  it('keeps every sliding window under the per-window limit and caps concurrency, per realm', async () => {
    // A compressed minute: 100 requests per 600 ms window.
    limiter = new RealmLimiter({ concurrent: 10, perMinute: 100, batchPerMinute: 10, windowMs: 600 });
    const starts: number[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const task = async () => {
      starts.push(Date.now());
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
    };
    const began = Date.now();
    await Promise.all(Array.from({ length: 150 }, () => limiter!.schedule('realm-1', 'request', task)));
    const elapsed = Date.now() - began;
    expect(maxInWindow(starts, 600)).toBeLessThanOrEqual(100);
    expect(maxInFlight).toBeLessThanOrEqual(10);
    // It paces rather than starves: 150 requests need about one and a half windows, not many.
    expect(elapsed).toBeLessThan(6 * 600);
  });

  it('counts batch calls against both the batch budget and the request budget', async () => {
    limiter = new RealmLimiter({ concurrent: 10, perMinute: 1000, batchPerMinute: 20, windowMs: 500 });
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 30 }, () => limiter!.schedule('realm-1', 'batch', () => Promise.resolve(starts.push(Date.now())))));
    expect(maxInWindow(starts, 500)).toBeLessThanOrEqual(20);
  });

  it('starts at most 9 requests in any second (QBO allows 10 per second), from the first second of a push', async () => {
    // QBO's real limits on the real clock (a compressed second would be measured in a few coarse milliseconds).
    limiter = new RealmLimiter(QBO_LIMITS);
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 20 }, () => limiter!.schedule('realm-1', 'request', () => Promise.resolve(starts.push(Date.now())))));
    expect(maxInWindow(starts, 1_000)).toBeLessThanOrEqual(9);
    // Without the spacing the bucket's burst of 10 and the refill would start 11 or more in the first 100 ms.
    await limiter.stop();
    limiter = new RealmLimiter({ ...QBO_LIMITS, perSecond: undefined });
    const unspaced: number[] = [];
    await Promise.all(Array.from({ length: 20 }, () => limiter!.schedule('realm-1', 'request', () => Promise.resolve(unspaced.push(Date.now())))));
    expect(maxInWindow(unspaced, 1_000)).toBeGreaterThan(10);
  });

  it('uses nearly all of a saturated budget: tokens come on time, not a heartbeat late', async () => {
    // Compressed windows (40 batch calls per 6 s, 500 requests per 12 s), saturated for 12 s. Bottleneck adds
    // tokens on its heartbeat; with a heartbeat as long as the refill interval, additions slipped a beat and
    // only 67 of 80 batch calls and about 410 of 500 requests went through (the bucket plans 97%).
    limiter = undefined; // the previous test's, already stopped by afterEach
    const batches = new RealmLimiter({ concurrent: 10, perMinute: 1000, batchPerMinute: 40, windowMs: 6_000 });
    const requests = new RealmLimiter({ concurrent: 10, perMinute: 500, batchPerMinute: 40, windowMs: 12_000 });
    const began = Date.now();
    const batchStarts: number[] = [];
    const requestStarts: number[] = [];
    for (let i = 0; i < 120; i++) void batches.schedule('realm-1', 'batch', () => Promise.resolve(batchStarts.push(Date.now() - began))).catch(() => undefined);
    for (let i = 0; i < 700; i++) void requests.schedule('realm-1', 'request', () => Promise.resolve(requestStarts.push(Date.now() - began))).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 12_000));
    await Promise.all([batches.stop(), requests.stop()]);
    const batchCount = batchStarts.filter((t) => t < 12_000).length;
    const requestCount = requestStarts.filter((t) => t < 12_000).length;
    expect(batchCount).toBeGreaterThanOrEqual(72);
    expect(maxInWindow(batchStarts, 6_000)).toBeLessThanOrEqual(40);
    expect(requestCount).toBeGreaterThanOrEqual(460);
    expect(requestCount).toBeLessThanOrEqual(495);
  }, 20_000);

  it('gives each realm its own budget', async () => {
    // Two requests per realm fit each realm's burst; one shared bucket would make four of them wait ~0.2 s each.
    limiter = new RealmLimiter({ concurrent: 10, perMinute: 100, batchPerMinute: 10, windowMs: 20_000 });
    const began = Date.now();
    await Promise.all(['a', 'a', 'b', 'b', 'c', 'c'].map((realm) => limiter!.schedule(realm, 'request', () => Promise.resolve())));
    expect(Date.now() - began).toBeLessThan(1000);
  });
});

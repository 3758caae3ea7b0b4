/**
 * Issue #16: QBO's per-realm budgets (requests per minute, requests in flight, batch calls per
 * minute) are one budget across every gateway instance with REDIS_URL. Three RealmLimiters, as three
 * instances build them, share one real Redis; together they stay within one realm's limits. Without
 * Redis each would spend the whole budget on its own: three times QBO's limit, answered with 429s.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RealmLimiter } from '../../src/providers/quickbooks/qbo.limiter.js';
import { requireTestRedis } from '../helpers/redis-server.js';

let redis: Redis;
let limiters: RealmLimiter[] = [];

beforeAll(() => {
  redis = new Redis(requireTestRedis(inject));
});

afterAll(async () => {
  await Promise.all(limiters.map((l) => l.stop()));
  redis?.disconnect();
});

function maxInWindow(starts: number[], windowMs: number): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('per-realm QBO budgets shared through Redis', () => {
  it('three instances pushing one realm together stay within one realm\'s requests per window and requests in flight', async () => {
    const prefix = `test-${randomBytes(4).toString('hex')}:`;
    // A compressed minute: 100 requests per 2 s window, 10 in flight.
    const limits = { concurrent: 10, perMinute: 100, batchPerMinute: 10, windowMs: 2000 };
    limiters = [0, 1, 2].map(() => new RealmLimiter(limits, { client: redis, prefix }));
    const starts: number[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const task = async () => {
      starts.push(Date.now());
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight--;
    };
    // 90 requests from each instance: alone, each would use 90% of the window's budget at once.
    await Promise.all(limiters.flatMap((limiter) => Array.from({ length: 90 }, () => limiter.schedule('realm-shared', 'request', task))));
    expect(starts).toHaveLength(270);
    expect(maxInWindow(starts, 2000)).toBeLessThanOrEqual(100);
    expect(maxInFlight).toBeLessThanOrEqual(10);
    const usage = await limiters[0]!.usage();
    expect(usage.map((u) => u.realmId)).toEqual(['realm-shared']);
  }, 60_000);
});

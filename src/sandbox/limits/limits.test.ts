import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock.js';
import { GatewayFault } from '../faults.js';
import { createRealmLimiter, throttleHeaders } from './limits.js';

const START = Date.parse('2026-05-05T09:00:00Z');

/** A clock whose real time only moves when the test says so. */
function manualClock(): VirtualClock {
  return new VirtualClock({ start: START, realNow: () => 0 });
}

function expectThrottled(fn: () => unknown): GatewayFault {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(GatewayFault);
  const f = caught as GatewayFault;
  expect(f.httpStatus).toBe(429);
  expect(f.code).toBe('3001');
  expect(f.message).toBe('message=ThrottleExceeded; errorCode=003001; statusCode=429');
  return f;
}

describe('per-minute window', () => {
  it('admits 500 calls per realm per minute and throttles the 501st', () => {
    const clock = manualClock();
    const limiter = createRealmLimiter({ clock, perSecond: null });
    for (let i = 0; i < 500; i++) limiter.acquire('r1', 'app', 'request')();
    expectThrottled(() => limiter.acquire('r1', 'app', 'request'));
    // Other realms are unaffected.
    limiter.acquire('r2', 'app', 'request')();
  });

  it('counts all apps of a realm together', () => {
    const limiter = createRealmLimiter({ perSecond: null, clock: manualClock(), perMinute: 4 });
    limiter.acquire('r1', 'a', 'request')();
    limiter.acquire('r1', 'b', 'request')();
    limiter.acquire('r1', 'c', 'request')();
    limiter.acquire('r1', 'a', 'request')();
    expectThrottled(() => limiter.acquire('r1', 'd', 'request'));
  });

  it('slides: each call stops counting 60 virtual seconds after it was admitted', () => {
    const clock = manualClock();
    const limiter = createRealmLimiter({ perSecond: null, clock, perMinute: 3 });
    limiter.acquire('r', 'a', 'request')(); // t=0
    clock.advance(30_000);
    limiter.acquire('r', 'a', 'request')(); // t=30
    limiter.acquire('r', 'a', 'request')(); // t=30
    clock.advance(29_999);
    expectThrottled(() => limiter.acquire('r', 'a', 'request'));
    clock.advance(1); // t=60: the t=0 call leaves the window
    limiter.acquire('r', 'a', 'request')();
    expectThrottled(() => limiter.acquire('r', 'a', 'request'));
    clock.advance(30_000); // t=90: both t=30 calls leave
    limiter.acquire('r', 'a', 'request')();
    limiter.acquire('r', 'a', 'request')();
  });

  it('does not charge rejected calls to the window', () => {
    const clock = manualClock();
    const limiter = createRealmLimiter({ perSecond: null, clock, perMinute: 1 });
    limiter.acquire('r', 'a', 'request')();
    for (let i = 0; i < 10; i++) expectThrottled(() => limiter.acquire('r', 'a', 'request'));
    clock.advance(60_000);
    limiter.acquire('r', 'a', 'request')();
  });

  it('runs on virtual time: at scale 60 a minute passes in about a real second', async () => {
    const clock = new VirtualClock({ start: START, scale: 60 });
    const limiter = createRealmLimiter({ perSecond: null, clock, perMinute: 2 });
    limiter.acquire('r', 'a', 'request')();
    limiter.acquire('r', 'a', 'request')();
    expectThrottled(() => limiter.acquire('r', 'a', 'request'));
    await new Promise((r) => setTimeout(r, 1_050));
    limiter.acquire('r', 'a', 'request')();
  });
});

describe('concurrency', () => {
  it('allows 10 in-flight calls per realm and app; release frees a slot', () => {
    const limiter = createRealmLimiter({ perSecond: null, clock: manualClock() });
    const releases = Array.from({ length: 10 }, () => limiter.acquire('r', 'a', 'request'));
    expectThrottled(() => limiter.acquire('r', 'a', 'request'));
    // Another app on the same realm has its own concurrency budget.
    limiter.acquire('r', 'b', 'request')();
    releases[0]!();
    limiter.acquire('r', 'a', 'request');
  });

  it('treats a double release as one', () => {
    const limiter = createRealmLimiter({ perSecond: null, clock: manualClock(), concurrent: 2 });
    const release = limiter.acquire('r', 'a', 'request');
    limiter.acquire('r', 'a', 'request');
    release();
    release();
    limiter.acquire('r', 'a', 'request');
    expectThrottled(() => limiter.acquire('r', 'a', 'request'));
  });
});

describe('batch', () => {
  it('allows 40 batch calls per minute per realm and app', () => {
    const clock = manualClock();
    const limiter = createRealmLimiter({ clock, perSecond: null });
    for (let i = 0; i < 40; i++) limiter.acquire('r', 'a', 'batch')();
    expectThrottled(() => limiter.acquire('r', 'a', 'batch'));
    // Plain requests are still fine, and another app can batch.
    limiter.acquire('r', 'a', 'request')();
    limiter.acquire('r', 'b', 'batch')();
    clock.advance(60_000);
    limiter.acquire('r', 'a', 'batch')();
  });

  it('caps batch calls per realm across apps at 120', () => {
    const limiter = createRealmLimiter({ perSecond: null, clock: manualClock() });
    for (const app of ['a', 'b', 'c']) for (let i = 0; i < 40; i++) limiter.acquire('r', app, 'batch')();
    expectThrottled(() => limiter.acquire('r', 'd', 'batch'));
  });

  it('counts batch calls toward the per-minute request limit', () => {
    const limiter = createRealmLimiter({ perSecond: null, clock: manualClock(), perMinute: 5 });
    for (let i = 0; i < 5; i++) limiter.acquire('r', 'a', 'batch')();
    expectThrottled(() => limiter.acquire('r', 'a', 'request'));
  });
});

describe('options', () => {
  it('enforces 10 requests per second per realm and app by default, as QBO does; null turns it off', () => {
    const off = createRealmLimiter({ clock: manualClock(), perSecond: null });
    for (let i = 0; i < 11; i++) off.acquire('r', 'a', 'request')();
    const clock = manualClock();
    const limiter = createRealmLimiter({ clock });
    for (let i = 0; i < 10; i++) limiter.acquire('r', 'a', 'request')();
    expectThrottled(() => limiter.acquire('r', 'a', 'request'));
    limiter.acquire('r', 'b', 'request')();
    clock.advance(1_000);
    limiter.acquire('r', 'a', 'request')();
  });

  it('adds Retry-After only when configured', () => {
    const plain = createRealmLimiter({ perSecond: null, clock: manualClock(), perMinute: 0 });
    expect(throttleHeaders(expectThrottled(() => plain.acquire('r', 'a', 'request')))).toEqual({});
    const withHeader = createRealmLimiter({ perSecond: null, clock: manualClock(), perMinute: 0, retryAfterSeconds: 60 });
    expect(throttleHeaders(expectThrottled(() => withHeader.acquire('r', 'a', 'request')))).toEqual({ 'Retry-After': '60' });
    expect(throttleHeaders(new Error('other'))).toEqual({});
  });

  it('reset clears windows and in-flight counts; old releases do not go negative', () => {
    const limiter = createRealmLimiter({ perSecond: null, clock: manualClock(), perMinute: 2, concurrent: 1 });
    const release = limiter.acquire('r', 'a', 'request');
    expectThrottled(() => limiter.acquire('r', 'a', 'request'));
    limiter.reset();
    const second = limiter.acquire('r', 'a', 'request');
    release(); // from before the reset: must not free the new call's slot
    expectThrottled(() => limiter.acquire('r', 'a', 'request'));
    second();
    limiter.acquire('r', 'a', 'request');
  });

  it('renders the gateway fault body Intuit sends', () => {
    const limiter = createRealmLimiter({ perSecond: null, clock: manualClock(), perMinute: 0 });
    const f = expectThrottled(() => limiter.acquire('r', 'a', 'request'));
    expect(f.toBody(START)).toMatchObject({
      fault: { error: [{ code: '3001', detail: 'The request limit was reached.  Try again later' }], type: 'SERVICE' },
      time: START,
    });
  });
});

// Throttling over real HTTP: 429 + 3001 in Intuit's gateway shape, on the sandbox's virtual clock.
import { afterEach, describe, expect, it } from 'vitest';
import { startSandboxClient, type SandboxClient } from './query-http.helper.js';

let c: SandboxClient | undefined;
afterEach(async () => {
  await c?.close();
  c = undefined;
});

const count = (client: SandboxClient) => client.raw(`/query?query=${encodeURIComponent('select count(*) from Customer')}`);

describe('per-minute limit', () => {
  it('answers the call over the limit with 429 and the gateway fault body, then recovers after a virtual minute', async () => {
    c = await startSandboxClient({ limits: { perMinute: 5, retryAfterSeconds: 60 } });
    for (let i = 0; i < 5; i++) expect((await count(c)).status).toBe(200);
    const throttled = await count(c);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('60');
    expect(throttled.body).toMatchObject({
      fault: { error: [{ code: '3001', message: 'message=ThrottleExceeded; errorCode=003001; statusCode=429', detail: 'The request limit was reached.  Try again later' }], type: 'SERVICE' },
      time: expect.any(Number) as number,
    });
    // node-quickbooks sees the same refusal as an error.
    const err: unknown = await c.call('findCustomers', { count: true }).catch((e: unknown) => e);
    expect((err as { response?: { status?: number } }).response?.status).toBe(429);
    c.sandbox.clock.advance(60_000);
    expect((await count(c)).status).toBe(200);
  });

  it('lets a minute pass in about a second at clock scale 60', async () => {
    c = await startSandboxClient({ limits: { perMinute: 2 } });
    expect((await count(c)).status).toBe(200);
    expect((await count(c)).status).toBe(200);
    expect((await count(c)).status).toBe(429);
    c.sandbox.clock.setScale(60);
    await new Promise((r) => setTimeout(r, 1_100));
    c.sandbox.clock.setScale(1);
    c.renewToken(); // a virtual minute is nothing for the token, but keep the test independent of it
    expect((await count(c)).status).toBe(200);
  });
});

describe('batch limits', () => {
  it('throttles the third batch call in a minute when batchPerMinute is 2, and counts batches toward the request limit', async () => {
    c = await startSandboxClient({ limits: { batchPerMinute: 2, perMinute: 4 } });
    const batch = () =>
      c!.raw('/batch', { method: 'POST', body: JSON.stringify({ BatchItemRequest: [{ bId: '1', Query: 'select count(*) from Customer' }] }), headers: { 'Content-Type': 'application/json' } });
    expect((await batch()).status).toBe(200);
    expect((await batch()).status).toBe(200);
    expect((await batch()).status).toBe(429);
    expect((await count(c)).status).toBe(200);
    expect((await count(c)).status).toBe(200);
    // Two batches + two queries = four requests this minute.
    expect((await count(c)).status).toBe(429);
  });
});

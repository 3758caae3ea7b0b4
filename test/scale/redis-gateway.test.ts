/**
 * Issue #16 with REDIS_URL: the API rate limits count in Redis (shared by instances even on separate
 * databases, which the MongoDB store could not do), /readyz reports Redis, and /metrics shows what a
 * QuickBooks company's call budget has left. Two real gateways in this process, one real Redis.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ViewerDocument } from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';
import { connectTenant, realmOf } from '../helpers/quickbooks.js';
import { requireTestRedis } from '../helpers/redis-server.js';

const prefix = `test-${randomBytes(4).toString('hex')}:`;
let redis: Redis;
let one: TestGateway;
let two: TestGateway;
let keyOne: string;
let keyTwo: string;

beforeAll(async () => {
  const url = requireTestRedis(inject);
  redis = new Redis(url);
  // Separate databases: only Redis can carry a counter from one to the other.
  const env = { REDIS_URL: url, FIELDBOOKS_REDIS_PREFIX: prefix, FIELDBOOKS_RATE_LIMIT_PER_ADDRESS: '6', FIELDBOOKS_SYNC_WORKER: 'false', FIELDBOOKS_CDC_INTERVAL_SECONDS: '0' };
  one = await startTestGateway('redis-gw-one', env);
  two = await startTestGateway('redis-gw-two', env);
  keyOne = (await one.app.services.tenants.createTenant('Rate Limited Plumbing')).apiKey;
  keyTwo = (await two.app.services.tenants.createTenant('Rate Limited Electrical')).apiKey;
});

afterAll(async () => {
  await one?.close();
  await two?.close();
  redis?.disconnect();
});

describe('a gateway with REDIS_URL', () => {
  it('counts the per-address limit in Redis, across instances', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await gql(one.graphqlUrl, ViewerDocument, {}, keyOne)).status);
    for (let i = 0; i < 3; i++) statuses.push((await gql(two.graphqlUrl, ViewerDocument, {}, keyTwo)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    const refused = await fetch(two.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${keyTwo}` }, body: JSON.stringify({ query: '{ viewer { tenant { name } } }' }) });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await redis.keys(`${prefix}rate_limits_address*`)).not.toHaveLength(0);
  });

  it('reports Redis in /readyz', async () => {
    const ready = await fetch(`${one.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'up', redis: 'up' });
  });

  it('shows the call budget a QuickBooks company has left in /metrics, shared through Redis', async () => {
    // A fresh address limit is not needed for these: /metrics and the connect flow are not GraphQL-limited beyond it.
    await redis.del(...(await redis.keys(`${prefix}rate_limits_address*`)));
    await connectTenant(one, keyOne, 'AU');
    const { realmId } = realmOf(one, 'AU');
    const text = await (await fetch(`${one.url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`fieldbooks_qbo_realm_budget_left{realm="${realmId}",budget="requests"}`));
    expect(line, text.split('\n').filter((l) => l.includes('qbo_realm')).join('\n')).toBeDefined();
    expect(Number(line!.split(' ').pop())).toBeLessThan(500);
    expect(text).toContain(`fieldbooks_qbo_realm_requests_in_flight{realm="${realmId}"}`);
    expect(await redis.keys(`*${prefix}qbo-requests*`)).not.toHaveLength(0);
  });
});

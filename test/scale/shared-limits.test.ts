/**
 * Issue #16: three instances pushing one QuickBooks company together stay within that company's
 * limits, as one process would. Three built gateways share one database, one Redis and one QBO
 * simulator that enforces QBO's throttles (500 requests a minute per company, 10 in flight per company
 * and app, 40 batch calls a minute) on a clock running SCALE times faster (the gateways' limit
 * window is shortened to match). Three businesses are connected to the same simulated company
 * (FIELDBOOKS_ALLOW_SHARED_REALMS), and each instance pushes one business's run at the same time.
 * The simulator's request log must show no 429, no minute over 500 calls or 40 batch calls, and
 * every invoice once. Two records at a time per run, creates leave in batch calls of one or two, so
 * the batch calls are what runs out. With each instance on its own budget (SCALE_LIMITS_SEPARATE=true:
 * a Redis prefix each) the same load met the simulator's 429s (busiest minute 52 batch calls,
 * 12 x 429); shared through Redis, 39 and none. It also found two businesses on one company creating
 * the same item ("Labour - Labour Income") at once, one refused with 6240: the item is now adopted.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { StartSyncDocument, SyncIssuesDocument, SyncRunDocument } from '../generated/graphql.js';
import { gql } from '../helpers/graphql-client.js';
import { type Instance, ScaleCluster } from '../helpers/scale-cluster.js';

/** Virtual ms per real ms: QBO's minute lasts 60/SCALE seconds. */
const SCALE = Number(process.env.SCALE_LIMITS_CLOCK ?? 4);
const WINDOW_MS = Math.round(60_000 / SCALE);
const INVOICES = Number(process.env.SCALE_LIMITS_INVOICES ?? 60);
const DEMO_KEY = 'fbk_scale-limits-test-key-0123456789';

const cluster = new ScaleCluster(inject, {
  apiKey: DEMO_KEY,
  database: 'scale_limits',
  sandbox: { scale: SCALE, limits: {}, requestLogSize: 100_000 },
  env: {
    FIELDBOOKS_SYNC_WORKER: 'false',
    FIELDBOOKS_CDC_INTERVAL_SECONDS: '0',
    FIELDBOOKS_ALLOW_SHARED_REALMS: 'true',
    QBO_LIMIT_WINDOW_MS: String(WINDOW_MS),
    // Two records at a time: creates leave in batch calls of one or two, so the 40 batch calls a
    // minute run out and the rest go as single calls, the most calls a push can make.
    FIELDBOOKS_SYNC_CONCURRENCY: '2',
  },
});
let instances: Instance[];
let realmId: string;
const businesses: { name: string; key: string; prefix: string; via: Instance }[] = [];

/** The most entries of `times` (sorted virtual ms) inside any window of `windowMs`. */
function busiestWindow(times: number[], windowMs: number): number {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

beforeAll(async () => {
  await cluster.open();
  // Separate budgets per instance (SCALE_LIMITS_SEPARATE=true) shows what the shared budget prevents.
  const separate = process.env.SCALE_LIMITS_SEPARATE === 'true';
  instances = [];
  for (const name of ['A', 'B', 'C']) instances.push(await cluster.start(name, separate ? { FIELDBOOKS_REDIS_PREFIX: `${cluster.prefix}${name}:` } : {}));
  realmId = cluster.auRealmId;
  businesses.push({ name: 'demo', key: DEMO_KEY, prefix: 'LA', via: instances[0]! });
  for (const [i, name] of ['Shared Realm Electrical', 'Shared Realm Plumbing'].entries()) {
    businesses.push({ name, key: (await cluster.createTenant(name)).apiKey, prefix: `L${'BC'[i]}`, via: instances[i + 1]! });
  }
  for (const business of businesses) await cluster.connect(business.via, business.key, realmId);
}, 180_000);

afterAll(() => cluster.close());

describe('three instances pushing one QuickBooks company', () => {
  it('the simulator enforces the limits these instances must keep to (checked on the other company)', async () => {
    const us = cluster.sandbox.info().companies.find((co) => co.country === 'US')!.realmId;
    const token = cluster.sandbox.oauth.issueTokensForTest(us).access_token;
    const call = (path: string, init: RequestInit = {}) =>
      fetch(`${cluster.sandboxUrl}/v3/company/${us}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, accept: 'application/json', 'content-type': 'application/json' } });
    const batch = () => call('/batch', { method: 'POST', body: JSON.stringify({ BatchItemRequest: [{ bId: '1', Query: 'select count(*) from Customer' }] }) });
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) {
      const response = await batch();
      await response.text(); // the call ends (and leaves the 10 in flight) once its answer is read
      statuses.push(response.status);
      // Under QBO's 10 requests a second (a virtual second is 250 ms here): only the batch limit speaks.
      await new Promise((r) => setTimeout(r, 40));
    }
    expect(statuses.slice(0, 40), JSON.stringify(statuses)).toEqual(Array.from({ length: 40 }, () => 200));
    expect(statuses[40], 'the 41st batch call in a minute').toBe(429);
  });

  it('never exceed 500 calls or 40 batch calls a minute, nor 10 in flight: no 429, every invoice once', async () => {
    const numbers = new Map<string, string[]>();
    for (const business of businesses) numbers.set(business.prefix, await cluster.feedInvoices(business.via, business.key, business.prefix, INVOICES));
    const since = cluster.sandbox.state.requests.list({ realmId }).at(-1)?.seq ?? 0;

    // All three at once, each run executing on its own instance.
    const runs = await Promise.all(
      businesses.map(async (business) => {
        const started = await gql(business.via.http, StartSyncDocument, { input: {} }, business.key);
        expect(started.errors).toBeUndefined();
        return { business, id: started.data!.startSync.id };
      }),
    );
    for (const { business, id } of runs) {
      for (let until = Date.now() + 90_000; ; ) {
        const run = (await gql(business.via.http, SyncRunDocument, { id }, business.key)).data!.syncRun!;
        if (run.status !== 'RUNNING' && run.status !== 'QUEUED') {
          const issues = run.failed > 0 ? (await gql(business.via.http, SyncIssuesDocument, { first: 3 }, business.key)).data?.syncIssues.edges.map((e) => e.node.message) : [];
          expect(run, `${business.name}: ${JSON.stringify(issues)}`).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
          break;
        }
        expect(Date.now() < until, `${business.name}'s run still ${run.status}`).toBe(true);
        await new Promise((r) => setTimeout(r, 250));
      }
    }

    const calls = cluster.sandbox.state.requests.list({ realmId, since });
    const throttled = calls.filter((c) => c.status === 429);
    const perMinute = busiestWindow(calls.map((c) => c.at), 60_000);
    const batchesPerMinute = busiestWindow(calls.filter((c) => c.path.endsWith('/batch')).map((c) => c.at), 60_000);
    console.log(`shared limits: ${calls.length} calls at the simulator, busiest minute ${perMinute} calls and ${batchesPerMinute} batch calls, ${throttled.length} x 429`);
    expect(calls.length).toBeGreaterThan(0);
    expect(throttled, 'calls answered 429').toHaveLength(0);
    expect(perMinute).toBeLessThanOrEqual(500);
    expect(batchesPerMinute).toBeLessThanOrEqual(40);

    const invoices = await cluster.qboRecords(realmId, 'Invoice');
    for (const business of businesses) {
      const mine = invoices.filter((i) => i.DocNumber?.startsWith(`${business.prefix}-`)).map((i) => i.DocNumber!);
      expect(mine.sort(), business.name).toEqual([...numbers.get(business.prefix)!].sort());
    }
  }, 150_000);
});

/**
 * Batched creates through the QBO facade, against the simulator over real HTTP: concurrent creates
 * share one batch call (with a requestid), each caller gets its own object or fault, batch calls leave
 * full while the realm's batch slots are spent and the surplus goes as single calls, and a batch whose
 * response is lost after commit is retried under the same requestid and bIds, so QBO replays it
 * instead of creating everything twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QboError } from '../../src/providers/quickbooks/qbo.errors.js';
import { type QboClient, type QboRecord } from '../../src/providers/quickbooks/qbo.client.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { connectTenant, realmOf, simulatorOf } from '../helpers/quickbooks.js';

let gw: TestGateway;
let client: QboClient;
let realmId: string;

async function fault(rule: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${gw.app.quickbooks.endpoints.apiBaseUrl}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ realmId, ...rule }) });
  expect(response.status).toBeLessThan(300);
}

function batchCalls(sinceSeq: number) {
  return simulatorOf(gw)
    .state.requests.list()
    .filter((r) => r.seq > sinceSeq && r.path.endsWith('/batch'));
}

/** Single-call creates of `entity` (POST /v3/company/<realm>/<entity>) answered 200 since `sinceSeq`. */
function singleCreates(sinceSeq: number, entity: string, realm = realmId): number {
  return simulatorOf(gw)
    .state.requests.list()
    .filter((r) => r.seq > sinceSeq && r.realmId === realm && r.method === 'POST' && r.status === 200 && r.path.toLowerCase().endsWith(`/${entity}`)).length;
}

const lastSeq = () => simulatorOf(gw).state.requests.list().at(-1)?.seq ?? 0;
const customersNamed = (prefix: string) => simulatorOf(gw).companies.get(realmId)!.list('Customer').filter((c) => String(c.DisplayName).startsWith(prefix));

beforeAll(async () => {
  gw = await startTestGateway('batch-writes', { FIELDBOOKS_SYNC_WORKER: 'false' });
  const created = await gw.app.services.tenants.createTenant('Batch Co');
  await connectTenant(gw, created.apiKey, 'US');
  realmId = realmOf(gw, 'US').realmId;
  client = await gw.app.services.connections.clientFor(created.tenant.id);
});
afterAll(async () => {
  await gw?.close();
});

describe('batched creates', () => {
  it('sends concurrent creates as one batch call; each caller gets its own object or fault', async () => {
    const since = lastSeq();
    const names = Array.from({ length: 12 }, (_, i) => `Batched ${i}`);
    const settled = await Promise.allSettled([
      ...names.map((name, i) => client.createBatched<QboRecord>('Customer', { DisplayName: name }, `fbtest-batch-a-${i}`)),
      // A name QBO already holds (seed company): this item faults, its siblings are unaffected.
      client.createBatched<QboRecord>('Customer', { DisplayName: names[0] }, 'fbtest-batch-a-dup'),
    ]);
    const calls = batchCalls(since);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.query.requestid).toMatch(/^fbb.{33}$/);
    const values = settled.slice(0, 12).map((s) => (s.status === 'fulfilled' ? s.value.DisplayName : String(s.reason)));
    expect(values).toEqual(names);
    const duplicate = settled[12]!;
    expect(duplicate.status).toBe('rejected');
    expect((duplicate as PromiseRejectedResult).reason).toBeInstanceOf(QboError);
    expect(((duplicate as PromiseRejectedResult).reason as QboError).kind).toBe('DUPLICATE_NAME');
    expect(customersNamed('Batched ')).toHaveLength(12);
  });

  it('splits more than 30 creates into calls of at most 30, each create sent once', async () => {
    const since = lastSeq();
    const created = await Promise.all(Array.from({ length: 45 }, (_, i) => client.createBatched<QboRecord>('Customer', { DisplayName: `Split ${i}` }, `fbtest-batch-b-${i}`)));
    expect(new Set(created.map((c) => c.Id)).size).toBe(45);
    // 45 creates: two batch calls, or (when the realm's batch slot is spent) one full batch call and
    // the rest as single calls while the next batch call waits.
    const singles = singleCreates(since, 'customer');
    expect(batchCalls(since).length).toBe(singles === 0 ? 2 : Math.ceil((45 - singles) / 30));
    expect(customersNamed('Split ')).toHaveLength(45);
  });

  it('fills every batch call and sends the creates beyond it as single calls while batch slots are spent', async () => {
    // A realm of its own: a fresh budget (one batch call, ten requests, then QBO's per-minute pace).
    const other = await gw.app.services.tenants.createTenant('Batch Co AU');
    await connectTenant(gw, other.apiKey, 'AU');
    const auRealm = realmOf(gw, 'AU').realmId;
    const au = await gw.app.services.connections.clientFor(other.tenant.id);
    const since = lastSeq();
    const began = Date.now();
    const created = await Promise.all(Array.from({ length: 100 }, (_, i) => au.createBatched<QboRecord>('Customer', { DisplayName: `Filled ${i}` }, `fbtest-batch-f-${i}`)));
    const elapsed = Date.now() - began;
    expect(new Set(created.map((c) => c.Id)).size).toBe(100);
    expect(simulatorOf(gw).companies.get(auRealm)!.list('Customer').filter((c) => String(c.DisplayName).startsWith('Filled '))).toHaveLength(100);
    const singles = singleCreates(since, 'customer', auRealm);
    const batches = batchCalls(since).filter((r) => r.realmId === auRealm);
    // While the second batch call waited for its slot (about 1.6 s), single calls carried creates...
    expect(singles).toBeGreaterThan(5);
    // ...but only those beyond what the waiting call takes: every batch call but the last left with 30.
    expect(batches.length).toBe(Math.ceil((100 - singles) / 30));
    expect(simulatorOf(gw).state.requests.list().filter((r) => r.seq > since && r.status === 429)).toHaveLength(0);
    // No stall: two waits for a batch slot (about 1.6 s each) and the singles in between.
    expect(elapsed).toBeLessThan(20_000);
  });

  it('replays a batch whose response was lost after commit instead of creating it twice', async () => {
    await fault({ kind: 'drop-after-commit', method: 'POST', path: '/batch', count: 1 });
    const since = lastSeq();
    const created = await Promise.all(Array.from({ length: 5 }, (_, i) => client.createBatched<QboRecord>('Customer', { DisplayName: `Lost ${i}` }, `fbtest-batch-c-${i}`)));
    const calls = batchCalls(since);
    expect(calls.length).toBeGreaterThanOrEqual(2); // the dropped call and its retry
    expect(new Set(calls.map((c) => c.query.requestid)).size).toBe(1); // same requestid both times
    expect(calls[0]!.query.requestid).toMatch(/^fbb/);
    expect(calls.at(-1)!.replayed).toBe(true);
    expect(created.map((c) => c.DisplayName)).toEqual(['Lost 0', 'Lost 1', 'Lost 2', 'Lost 3', 'Lost 4']);
    expect(customersNamed('Lost ')).toHaveLength(5);
  });
});

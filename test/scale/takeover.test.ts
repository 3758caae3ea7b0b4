/**
 * Issue #16: a run survives its instance. Three built gateways (A, B, C) share one database, one
 * Redis and one QBO simulator; the run lease is 4 s (FIELDBOOKS_SYNC_LEASE_SECONDS). A run started
 * through A executes on A and is SIGKILLed half-way: B or C takes it over once the lease lapses and
 * finishes the same run; then a run executing on B is stopped with SIGTERM: B hands it over (stops
 * between records, leaves it RUNNING, releases the lease, exits at once) and C finishes it. Each time
 * every invoice is in QuickBooks exactly once, and a subscriber on a surviving instance sees the
 * run's progress go on to its end. Before takeover existed, the killed run stayed RUNNING (nobody
 * looked at it) and its remaining invoices were never pushed.
 */
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { StartSyncDocument, SyncProgressDocument, SyncRunDocument } from '../generated/graphql.js';
import { killGatewayProcess } from '../helpers/gateway-process.js';
import { gql } from '../helpers/graphql-client.js';
import { type Instance, ScaleCluster } from '../helpers/scale-cluster.js';
import { type RawGraphqlSocket, type WsMessage } from '../helpers/ws-raw.js';

const DEMO_KEY = 'fbk_scale-takeover-test-key-0123456789';
const LEASE_SECONDS = 4;

const cluster = new ScaleCluster(inject, {
  apiKey: DEMO_KEY,
  database: 'scale_takeover',
  env: {
    FIELDBOOKS_SYNC_WORKER: 'false',
    FIELDBOOKS_CDC_INTERVAL_SECONDS: '0',
    FIELDBOOKS_SYNC_LEASE_SECONDS: String(LEASE_SECONDS),
    // A few records at a time, so the run is still going when its instance is stopped.
    FIELDBOOKS_SYNC_CONCURRENCY: '6',
  },
});
let a: Instance;
let b: Instance;
let c: Instance;
let realmId: string;

type Progress = { runId: string; status: string; phase: string; final: boolean; total: number; processed: number; succeeded: number };
const progressOf = (m: WsMessage) => (m.payload as { data: { syncProgress: Progress } }).data.syncProgress;

beforeAll(async () => {
  await cluster.open();
  a = await cluster.start('A');
  b = await cluster.start('B');
  c = await cluster.start('C');
  realmId = cluster.auRealmId;
  await cluster.connect(a, DEMO_KEY, realmId);
}, 180_000);

afterAll(() => cluster.close());

async function watchRun(on: Instance, runId: string): Promise<RawGraphqlSocket> {
  const socket = await cluster.socketOn(on);
  socket.send({ id: runId, type: 'subscribe', payload: { query: print(SyncProgressDocument), variables: { runId } } });
  return socket;
}

/** Each of `numbers` is one invoice in the simulated company, and nothing else carries those numbers' prefix. */
async function expectExactlyOnce(numbers: string[], prefix: string): Promise<void> {
  const invoices = (await cluster.qboRecords(realmId, 'Invoice')).filter((i) => i.DocNumber?.startsWith(`${prefix}-`));
  const counts = new Map<string, number>();
  for (const invoice of invoices) counts.set(invoice.DocNumber!, (counts.get(invoice.DocNumber!) ?? 0) + 1);
  expect([...counts.entries()].filter(([, n]) => n > 1), 'invoices in QuickBooks more than once').toEqual([]);
  expect(numbers.filter((n) => !counts.has(n)), 'invoices missing from QuickBooks').toEqual([]);
  expect(invoices).toHaveLength(numbers.length);
  const customers = (await cluster.qboRecords(realmId, 'Customer')).filter((x) => x.DisplayName === `Customer ${prefix}`);
  expect(customers).toHaveLength(1);
}

async function startRun(via: Instance): Promise<string> {
  const started = await gql(via.http, StartSyncDocument, { input: {} }, DEMO_KEY);
  expect(started.errors).toBeUndefined();
  return started.data!.startSync.id;
}

describe('a run survives its instance', () => {
  it('SIGKILL of the instance executing a run: another instance takes it over within the lease and pushes every invoice exactly once', async () => {
    const numbers = await cluster.feedInvoices(a, DEMO_KEY, 'K', 50);
    const runId = await startRun(a);
    const onC = await watchRun(c, runId);

    // Killed half-way: some invoices in QuickBooks, most still to go.
    await onC.next((m) => m.type === 'next' && progressOf(m).processed >= 10, 30_000);
    await killGatewayProcess(a.process);
    const killedAt = Date.now();
    const atKill = onC.messages.filter((m) => m.type === 'next').map(progressOf).at(-1)!;
    expect(atKill.final).toBe(false);
    expect(atKill.processed).toBeLessThan(atKill.total);

    const final = progressOf(await onC.next((m) => m.type === 'next' && progressOf(m).final, 45_000));
    expect(final).toMatchObject({ runId, status: 'SUCCEEDED' });
    expect(final.processed).toBeGreaterThanOrEqual(numbers.length);
    // Taken over once the lease lapsed (plus one look for orphaned runs, every half lease), then finished.
    const firstAfter = onC.messages.filter((m) => m.type === 'next').map(progressOf).find((p) => p.processed > atKill.processed)!;
    expect(firstAfter).toBeDefined();
    const tookMs = Date.now() - killedAt;
    expect(tookMs, `run finished ${tookMs} ms after the kill`).toBeLessThan(30_000);

    // Visible as one run, finished, from both survivors.
    for (const survivor of [b, c]) {
      const run = (await gql(survivor.http, SyncRunDocument, { id: runId }, DEMO_KEY)).data!.syncRun!;
      expect(run).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    }
    await expectExactlyOnce(numbers, 'K');
  }, 90_000);

  it('SIGTERM of the instance executing a run: it hands the run over and exits at once; another instance finishes it exactly once', async () => {
    const numbers = await cluster.feedInvoices(b, DEMO_KEY, 'T', 50);
    const runId = await startRun(b);
    const onC = await watchRun(c, runId);
    await onC.next((m) => m.type === 'next' && progressOf(m).processed >= 10, 30_000);

    const exited = new Promise<number | null>((resolve) => b.process.once('exit', (code) => resolve(code)));
    const termAt = Date.now();
    b.process.kill('SIGTERM');
    expect(await exited).toBe(0);
    const exitMs = Date.now() - termAt;
    // It did not finish the run first: it handed it over.
    const run = (await gql(c.http, SyncRunDocument, { id: runId }, DEMO_KEY)).data!.syncRun!;
    expect(run.status === 'RUNNING' || run.status === 'SUCCEEDED', run.status).toBe(true);

    const final = progressOf(await onC.next((m) => m.type === 'next' && progressOf(m).final, 45_000));
    expect(final).toMatchObject({ runId, status: 'SUCCEEDED' });
    // A released lease is taken at the next look (every half lease), not after the lease runs out.
    expect(exitMs, 'SIGTERM to exit').toBeLessThan(10_000);
    expect((await gql(c.http, SyncRunDocument, { id: runId }, DEMO_KEY)).data!.syncRun).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    await expectExactlyOnce(numbers, 'T');
  }, 90_000);
});

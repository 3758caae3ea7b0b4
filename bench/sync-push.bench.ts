/**
 * Benchmark: the push engine end to end (ledger → outbox → facade → simulator), on the real clock by default.
 * A real gateway (embedded FerretDB, in-process simulator) pushes `invoices` invoices for a handful of
 * customers to the US company in one run; it reports records per virtual minute against QBO's
 * ceilings (500 requests per minute per realm: 500 single-call creates per minute; with batch calls,
 * 40 a minute of up to 30 items that also count toward the 500: 40 x 30 + 460 = 1,660 creates per
 * minute), the requests and batch calls it needed, the 429s it met, the rate in real time, and
 * whether every invoice landed exactly once.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import mongoose from 'mongoose';
import path from 'node:path';
import { type App, createApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/logging/logger.js';
import { QBO_LIMITS } from '../src/providers/quickbooks/qbo.limiter.js';

export interface SyncBenchResult {
  invoices: number;
  customers: number;
  pushed: number;
  inQbo: number;
  requests: number;
  batchCalls: number;
  batchedItems: number;
  /** Creates sent as single calls (the rest went in batch calls). */
  singleCreates: number;
  throttled: number;
  virtualMinutes: number;
  perMinute: number;
  ceilingPerMinute: number;
  batchCeilingPerMinute: number;
  realSeconds: number;
  realPerMinute: number;
  status: string;
}

/** Connects a tenant to the simulator's US company (auto-approved consent), as a server-side caller would. */
export async function connectUs(app: App, tenantId: string): Promise<void> {
  const simulator = app.quickbooks.simulator!;
  simulator.oauth.setAutoApprove(true);
  const realmId = simulator.info().companies.find((c) => c.country === 'US')!.realmId;
  const { authorizationUrl } = await app.services.connections.startConnect(tenantId, { apiKeyHash: 'bench' });
  const consent = await fetch(`${authorizationUrl}&realmId=${realmId}`, { redirect: 'manual' });
  const callback = consent.headers.get('location');
  if (!callback) throw new Error(`the simulator did not redirect (${consent.status})`);
  await app.services.connections.completeConnect(callback, { via: 'api', tenantId, apiKeyHash: 'bench' });
}

/** Connects to the US company, reads its chart and chooses the accounts a push needs. */
export async function connectAndChooseAccounts(app: App, tenantId: string): Promise<void> {
  await connectUs(app, tenantId);
  await app.services.chart.refresh(tenantId);
  const accounts = await app.services.chart.listAccounts(tenantId, {}, { limit: 500, after: undefined });
  const id = (name: string) => accounts.rows.find((a) => a.name === name)?.qboId ?? null;
  await app.services.settings.update(
    tenantId,
    { defaultLabourIncomeAccountId: id('Services'), defaultSuppliesIncomeAccountId: id('Materials Income'), paymentsAccountId: id('Checking'), defaultRoundingAccountId: id('Rounding'), accountingStartDate: '2026-01-01' },
    { apiKeyPrefix: 'bench' },
  );
}

export async function benchSyncPush(options: { invoices: number; scale: number }): Promise<SyncBenchResult> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'fieldbooks-bench-'));
  const config = loadConfig({}, {
    NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', FIELDBOOKS_DATA_DIR: dataDir, FIELDBOOKS_DEMO: 'false', QBO_SANDBOX_PORT: '0', LOG_LEVEL: 'silent',
    FIELDBOOKS_SYNC_WORKER: 'false', QBO_SANDBOX_TIME_SCALE: String(options.scale),
    // The gateway's limiter on the same compression as the simulator's clock (ignored where unsupported).
    QBO_LIMIT_WINDOW_MS: String(Math.round(QBO_LIMITS.windowMs / options.scale)),
    ...(process.env.MONGODB_URI ? { MONGODB_URI: process.env.MONGODB_URI } : {}),
    ...(process.env.FIELDBOOKS_SYNC_CONCURRENCY ? { FIELDBOOKS_SYNC_CONCURRENCY: process.env.FIELDBOOKS_SYNC_CONCURRENCY } : {}),
  });
  const app = await createApp(config, createLogger({ level: 'silent', pretty: false }), { dbName: `bench_${Date.now()}` });
  try {
    const { tenant } = await app.services.tenants.createTenant('Bench Plumbing');
    const tenantId = tenant.id;
    await connectAndChooseAccounts(app, tenantId);
    const ledger = app.services.ledgerRecords;
    const customers = Math.max(1, Math.min(50, Math.ceil(options.invoices / 40)));
    for (let c = 0; c < customers; c++) await ledger.upsertCustomer(tenantId, { externalId: `c${c}`, displayName: `Bench Customer ${c}` });
    for (let i = 0; i < options.invoices; i++) {
      await ledger.upsertInvoice(tenantId, {
        externalId: `i${i}`, customerExternalId: `c${i % customers}`, number: `B${String(i).padStart(6, '0')}`, date: '2026-03-02', currency: 'USD',
        lines: [{ lineId: 'l1', kind: 'LABOUR', description: 'Service call', quantity: '1', unitPrice: '120.00', amount: '120.00', taxable: false }],
        subtotal: '120.00', totalTax: '0.00', total: '120.00',
      });
    }
    const simulator = app.quickbooks.simulator!;
    const lastSeq = () => simulator.state.requests.list().at(-1)?.seq ?? 0;
    const seqBefore = lastSeq();
    const startVirtual = simulator.clock.now();
    const startReal = Date.now();
    // BENCH_DEBUG: database operations per collection during the run (what each record costs the database).
    const ops = new Map<string, number>();
    if (process.env.BENCH_DEBUG) mongoose.set('debug', (collection: string, method: string) => void ops.set(`${collection}.${method}`, (ops.get(`${collection}.${method}`) ?? 0) + 1));
    const run = await app.services.sync.runs.start(tenantId, {});
    await app.services.sync.runs.idle(tenantId);
    const virtualMinutes = (simulator.clock.now() - startVirtual) / 60_000;
    const finished = await app.services.sync.runs.get(tenantId, run.id);
    const requests = simulator.state.requests.list().filter((r) => r.seq > seqBefore);
    const realmId = simulator.info().companies.find((c) => c.country === 'US')!.realmId;
    const invoices = simulator.companies.get(realmId)!.list('Invoice').filter((r) => typeof r.DocNumber === 'string' && r.DocNumber.startsWith('B'));
    const pushed = finished?.succeeded ?? 0;
    const realSeconds = (Date.now() - startReal) / 1000;
    const batches = requests.filter((r) => r.path.toLowerCase().endsWith('/batch') && r.status === 200 && !r.replayed);
    const creates = requests.filter((r) => r.method === 'POST' && !/\/(batch|query)$/i.test(r.path) && r.status === 200 && !r.replayed).length;
    if (process.env.BENCH_DEBUG) {
      mongoose.set('debug', false);
      printTimeline(requests, startVirtual);
      for (const [op, n] of [...ops].sort((a, b) => b[1] - a[1])) console.error(`  ${op.padEnd(48)} ${n} (${(n / Math.max(1, finished?.succeeded ?? 1)).toFixed(2)} per record)`);
    }
    if (finished?.status !== 'SUCCEEDED') {
      const { rows } = await app.services.sync.issues.list(tenantId, null, { limit: 3, after: undefined });
      for (const issue of rows) console.log(`  issue: ${issue.kind} ${issue.code} ${issue.message}`);
    }
    return {
      invoices: options.invoices,
      customers,
      pushed,
      inQbo: new Set(invoices.map((r) => r.DocNumber)).size === invoices.length ? invoices.length : -1,
      requests: lastSeq() - seqBefore,
      batchCalls: batches.length,
      batchedItems: pushed - creates,
      singleCreates: creates,
      throttled: requests.filter((r) => r.status === 429).length,
      virtualMinutes,
      perMinute: pushed / virtualMinutes,
      ceilingPerMinute: QBO_LIMITS.perMinute,
      batchCeilingPerMinute: QBO_LIMITS.batchPerMinute * 30 + (QBO_LIMITS.perMinute - QBO_LIMITS.batchPerMinute),
      realSeconds,
      realPerMinute: pushed / (realSeconds / 60),
      status: finished?.status ?? 'unknown',
    };
  } finally {
    await app.database.connection.dropDatabase().catch(() => undefined);
    await app.close();
  }
}

/** BENCH_DEBUG: the run's calls in 5-second slices (what was sent, how long QBO took), to see what holds it back. */
const SLICE_MS = Number(process.env.BENCH_SLICE_MS ?? 5000);

function printTimeline(requests: { at: number; path: string; method: string; status: number; durationMs: number }[], start: number): void {
  const slices = new Map<number, { batch: number; single: number; other: number; batchMs: number; singleMs: number }>();
  for (const r of requests) {
    const slice = Math.floor((r.at - start) / SLICE_MS);
    const s = slices.get(slice) ?? { batch: 0, single: 0, other: 0, batchMs: 0, singleMs: 0 };
    if (r.path.toLowerCase().endsWith('/batch')) { s.batch++; s.batchMs += r.durationMs; }
    else if (r.method === 'POST' && !/\/query$/i.test(r.path)) { s.single++; s.singleMs += r.durationMs; }
    else s.other++;
    slices.set(slice, s);
  }
  for (const [slice, s] of [...slices].sort((a, b) => a[0] - b[0])) {
    console.error(`  ${String((slice * SLICE_MS) / 1000).padStart(5)} s  batch ${s.batch} (${s.batch ? Math.round(s.batchMs / s.batch) : 0} ms)  single ${s.single} (${s.single ? Math.round(s.singleMs / s.single) : 0} ms)  other ${s.other}`);
  }
}

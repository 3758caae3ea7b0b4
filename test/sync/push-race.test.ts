/**
 * Two gateway processes sharing one database (and the first one's QBO simulator) race the tenant's
 * sync queue: concurrent startSync calls through both join one queued run; runs never overlap, even
 * when a run outlives its lease's first term (the holder renews it and the other process waits); every
 * record lands in QBO once. On FerretDB a conditional update is not a compare-and-swap, so these
 * would fail with the former `findOneAndUpdate` join and an unrenewed lease.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeaseStore } from '../../src/persistence/lease.store.js';
import { type SyncRun } from '../../src/persistence/sync/sync-run.repository.js';
import { asTenantId } from '../../src/persistence/tenant-id.js';
import { seedAccounts } from '../accounts/seed-charts.js';
import { StartSyncDocument } from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';
import { connectTenant, realmOf } from '../helpers/quickbooks.js';

let gw1: TestGateway;
let gw2: TestGateway;
let key: string;
let tenantId: string;
let realmId: string;
const accounts = seedAccounts('AU');
const acct = (name: string) => accounts.find((a) => a.name === name)!.id;

async function entities(entity: string): Promise<{ Id: string; DocNumber?: string; DisplayName?: string }[]> {
  const response = await fetch(`${gw1.app.quickbooks.endpoints.apiBaseUrl}/_sandbox/entities/${realmId}/${entity}`);
  return ((await response.json()) as { records: { Id: string; DocNumber?: string; DisplayName?: string }[] }).records;
}

async function addInvoices(prefix: string, count: number): Promise<void> {
  const ledger = gw1.app.services.ledgerRecords;
  for (let i = 0; i < count; i++) {
    await ledger.upsertCustomer(tenantId, { externalId: `${prefix}-c${i}`, displayName: `Race ${prefix} Customer ${i}` });
    await ledger.upsertInvoice(tenantId, {
      externalId: `${prefix}-i${i}`, customerExternalId: `${prefix}-c${i}`, number: `${prefix}-${i}`, date: '2026-03-02', currency: 'AUD',
      lines: [{ lineId: 'l1', kind: 'LABOUR', description: 'Labour', quantity: '1', unitPrice: '100.00', amount: '100.00', taxCode: 'GST' }],
      subtotal: '100.00', totalTax: '10.00', total: '110.00',
    });
  }
}

async function runs(): Promise<SyncRun[]> {
  // Oldest first.
  return (await gw1.app.services.repositories.sync.runs.page(asTenantId(tenantId), undefined, 10_000)).rows.reverse();
}

async function settled(): Promise<void> {
  for (let i = 0; i < 400; i++) {
    await Promise.all([gw1.app.services.sync.runs.idle(tenantId), gw2.app.services.sync.runs.idle(tenantId)]);
    const open = (await runs()).filter((r) => r.status === 'QUEUED' || r.status === 'RUNNING');
    if (open.length === 0) return;
    gw1.app.services.sync.runs.kick(tenantId);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('runs did not settle');
}

/** Executed runs as [start, end] intervals: no two may overlap. */
function expectNoOverlap(all: SyncRun[]): void {
  const spans = all.filter((r) => r.startedAt && r.finishedAt && !r.dryRun).map((r) => [r.startedAt!.getTime(), r.finishedAt!.getTime()] as const).sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
}

async function expectEachOnce(prefix: string, count: number): Promise<void> {
  const invoices = (await entities('Invoice')).filter((i) => i.DocNumber?.startsWith(`${prefix}-`));
  expect(invoices.map((i) => i.DocNumber).sort()).toEqual(Array.from({ length: count }, (_, i) => `${prefix}-${i}`).sort());
  const customers = (await entities('Customer')).filter((c) => c.DisplayName?.startsWith(`Race ${prefix} `));
  expect(customers).toHaveLength(count);
}

beforeAll(async () => {
  gw1 = await startTestGateway('sync-race', { FIELDBOOKS_SYNC_WORKER: 'false' });
  gw2 = await startTestGateway('sync-race-2', { FIELDBOOKS_SYNC_WORKER: 'false', QBO_SANDBOX_URL: gw1.app.quickbooks.endpoints.apiBaseUrl }, { dbName: gw1.dbName, dataDir: gw1.dataDir });
  const created = await gw1.app.services.tenants.createTenant('Race Co');
  key = created.apiKey;
  tenantId = created.tenant.id;
  await connectTenant(gw1, key, 'AU');
  realmId = realmOf(gw1, 'AU').realmId;
  await gw1.app.services.settings.update(
    tenantId,
    { defaultLabourIncomeAccountId: acct('Labour Income'), defaultSuppliesIncomeAccountId: acct('Materials Income'), paymentsAccountId: acct('Business Cheque Account'), defaultRoundingAccountId: acct('Rounding'), accountingStartDate: '2026-01-01' },
    { apiKeyPrefix: 'test' },
  );
});

afterAll(async () => {
  await gw2?.app.close();
  await gw1?.close();
});

describe('two gateways on one database', () => {
  it('twenty concurrent startSync calls through both gateways join one queued run; it runs once and pushes every record once', async () => {
    await addInvoices('A', 4);
    // Hold the tenant's run lease as a third process would, so every start meets the queued run.
    const holder = new LeaseStore(gw1.app.database.connection);
    expect(await holder.tryAcquire(`sync-run:${tenantId}`, 60_000)).toBe(true);
    const started = await Promise.all(Array.from({ length: 20 }, (_, i) => gql((i % 2 === 0 ? gw1 : gw2).graphqlUrl, StartSyncDocument, { input: { scope: i % 3 === 0 ? ['CUSTOMER'] : ['INVOICE'] } }, key)));
    expect(started.map((s) => s.errors)).toEqual(Array(20).fill(undefined));
    const ids = new Set(started.map((s) => s.data!.startSync.id));
    expect(ids.size).toBe(1);
    const queued = (await runs()).filter((r) => r.status === 'QUEUED');
    expect(queued).toHaveLength(1);
    expect(queued[0]!.scope).toEqual(['customer', 'invoice']);

    await holder.release(`sync-run:${tenantId}`);
    gw1.app.services.sync.runs.kick(tenantId);
    gw2.app.services.sync.runs.kick(tenantId);
    await settled();
    const all = await runs();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ status: 'SUCCEEDED', succeeded: 8, failed: 0 });
    await expectEachOnce('A', 4);
  });

  it('both gateways draining at once never run two runs together and never write twice', async () => {
    await addInvoices('B', 4);
    await Promise.all([
      gw1.app.services.sync.runs.start(tenantId, {}),
      gw2.app.services.sync.runs.start(tenantId, {}),
      gw2.app.services.sync.runs.start(tenantId, { scope: ['invoice'] }),
      gw1.app.services.sync.runs.start(tenantId, { scope: ['customer'] }),
    ]);
    await settled();
    const all = await runs();
    expectNoOverlap(all);
    expect(all.every((r) => r.status === 'SUCCEEDED')).toBe(true);
    await expectEachOnce('B', 4);
  });

  it('a run longer than its lease keeps it (renewed), so the other gateway waits instead of taking over', async () => {
    // The run must outlast its lease twice over, whatever the machine's speed: QuickBooks holds the run's
    // first write for 13 s (answered then, within the client's 30 s timeout). The lease is renewed every
    // quarter of it and only while half is left, so a renewal may be late by a quarter (1.5 s) before the
    // lease is lost: enough for a loaded CI machine's stalls and slow database writes (3 s was not).
    const leaseMs = 6_000;
    gw1.app.services.sync.runs.leaseMs = leaseMs;
    gw2.app.services.sync.runs.leaseMs = leaseMs;
    await addInvoices('C', 24);
    const held = await fetch(`${gw1.app.quickbooks.endpoints.apiBaseUrl}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ realmId, kind: 'timeout', holdMs: 13_000, method: 'POST', count: 1 }),
    });
    expect(held.status).toBe(201);
    const first = await gw1.app.services.sync.runs.start(tenantId, {});
    // While gw1 runs (several seconds at QBO's pace), gw2 keeps queueing and trying to drain.
    const started = Date.now();
    let attempts = 0;
    while (Date.now() - started < 14_000) {
      await gw2.app.services.sync.runs.start(tenantId, { scope: ['invoice'] });
      attempts++;
      await new Promise((r) => setTimeout(r, 150));
    }
    await settled();
    const all = await runs();
    const mine = all.find((r) => r.id === first.id)!;
    expect([mine.status, mine.error]).toEqual(['SUCCEEDED', null]);
    expect(mine.finishedAt!.getTime() - mine.startedAt!.getTime()).toBeGreaterThan(2 * leaseMs);
    expect(attempts).toBeGreaterThan(5);
    expectNoOverlap(all);
    await expectEachOnce('C', 24);
  }, 120_000);
});

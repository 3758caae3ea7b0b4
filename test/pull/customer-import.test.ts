/**
 * Customer import at scale against the simulator: 5,000 QBO customers (seeded through the simulator's
 * store in-process, which is what makes seeding fast) and 300 FSM customers, some matching by email,
 * some by name, some ambiguous. Checks every outcome, the live progress, the resolutions, that nothing
 * imported is pushed back as new, customer edits made in QBO (and a two-sided conflict), and records
 * the process's peak RSS while the import runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateCustomerFromQuickBooksDocument,
  CustomerImportMatchesDocument,
  CustomerImportSummaryDocument,
  ImportCustomersDocument,
  LinkCustomerDocument,
  QuickBooksChangesDocument,
  SyncIssuesDocument,
  SyncProgressDocument,
  type SyncProgressSubscription,
} from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { collect, gql, wsClient } from '../helpers/graphql-client.js';
import { connectTenant, realmOf, simulatorOf } from '../helpers/quickbooks.js';

// The acceptance size by default (about 20 s for the file); PULL_IMPORT_COUNT changes it.
const QBO_COUNT = Number(process.env.PULL_IMPORT_COUNT ?? 5000);
let gw: TestGateway;
let key: string;
let tenantId: string;
let realmId: string;
let baseQboCustomers = 0;
const qboIdOf = new Map<number, string>();

const pad = (i: number) => String(i).padStart(5, '0');
const qboName = (i: number) => `Import Customer ${pad(i)} Pty Ltd`;

beforeAll(async () => {
  gw = await startTestGateway('pull-import', { FIELDBOOKS_SYNC_WORKER: 'false', FIELDBOOKS_CDC_INTERVAL_SECONDS: '0' });
  const created = await gw.app.services.tenants.createTenant('Import Co');
  key = created.apiKey;
  tenantId = created.tenant.id;
  await connectTenant(gw, key, 'AU');
  realmId = realmOf(gw, 'AU').realmId;
  const store = simulatorOf(gw).companies.get(realmId)!;
  // Inactive (deleted) QBO customers are not imported: a query on a name list returns active rows only.
  baseQboCustomers = store.list('Customer').filter((c) => c.Active !== false).length;
  for (let i = 0; i < QBO_COUNT; i++) {
    const row = store.write('Customer', 'create', { DisplayName: qboName(i), PrimaryEmailAddr: { Address: `c${i}@qbo.example` }, PrimaryPhone: { FreeFormNumber: `02 9000 ${pad(i)}` } }) as { Id: string };
    qboIdOf.set(i, row.Id);
  }
  const ledger = gw.app.services.ledgerRecords;
  const upserts: Promise<unknown>[] = [];
  // 100 by email (case differs, names differ), 100 by name (punctuation and case differ), 25 QBO names held by two FSM customers each, 50 unrelated.
  for (let i = 0; i < 100; i++) upserts.push(ledger.upsertCustomer(tenantId, { externalId: `fsm-e-${i}`, displayName: `FSM Email Customer ${i}`, email: `C${i}@QBO.example` }));
  for (let i = 100; i < 200; i++) upserts.push(ledger.upsertCustomer(tenantId, { externalId: `fsm-n-${i}`, displayName: `import customer ${pad(i)} pty. ltd.` }));
  for (let i = 200; i < 225; i++) {
    upserts.push(ledger.upsertCustomer(tenantId, { externalId: `fsm-a-${i}-1`, displayName: qboName(i) }));
    upserts.push(ledger.upsertCustomer(tenantId, { externalId: `fsm-a-${i}-2`, displayName: qboName(i).toUpperCase(), email: 'someone-else@example.com' }));
  }
  for (let i = 0; i < 50; i++) upserts.push(ledger.upsertCustomer(tenantId, { externalId: `fsm-u-${i}`, displayName: `Unrelated Customer ${i}` }));
  for (let i = 0; i < upserts.length; i += 20) await Promise.all(upserts.slice(i, i + 20));
}, 120_000);

afterAll(async () => {
  await gw?.close();
});

async function summary() {
  return (await gql(gw.graphqlUrl, CustomerImportSummaryDocument, {}, key)).data!.customerImportSummary;
}

describe('customer import', () => {
  it(`imports ${QBO_COUNT} QBO customers against 300 FSM customers: linked, created and flagged exactly, with live progress and bounded memory`, async () => {
    const ws = wsClient(gw.wsUrl, key);
    const progress = collect<SyncProgressSubscription, { runId?: string }>(ws, SyncProgressDocument, {});
    await new Promise((r) => setTimeout(r, 200));
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
    const started = Date.now();
    const result = await gql(gw.graphqlUrl, ImportCustomersDocument, {}, key);
    expect(result.errors).toBeUndefined();
    const runId = result.data!.importCustomers.id;
    await gw.app.services.pull.idle();
    clearInterval(sampler);
    const seconds = (Date.now() - started) / 1000;
    console.log(`customer import: ${QBO_COUNT + baseQboCustomers} QBO customers in ${seconds.toFixed(1)} s; RSS before ${(rssBefore / 2 ** 20).toFixed(0)} MB, peak ${(peak / 2 ** 20).toFixed(0)} MB (+${((peak - rssBefore) / 2 ** 20).toFixed(0)} MB)`);
    // One page of 1000 customers at a time: the import itself must not grow memory by the size of the whole set several times over.
    expect(peak - rssBefore).toBeLessThan(300 * 2 ** 20);

    const total = QBO_COUNT + baseQboCustomers;
    expect(await summary()).toEqual({ linked: 200, created: total - 225, ambiguous: 25 });
    await new Promise((r) => setTimeout(r, 300));
    await ws.dispose();
    const events = (await progress).events.map((e) => e.data!.syncProgress).filter((e) => e.runId === runId);
    expect(events.length).toBeGreaterThan(2);
    expect(events.at(-1)).toMatchObject({ final: true, status: 'SUCCEEDED', total, processed: total, succeeded: total - 25, skipped: 25 });

    const byEmail = (await gql(gw.graphqlUrl, CustomerImportMatchesDocument, { status: 'LINKED' as never, first: 200 }, key)).data!.customerImportMatches;
    expect(byEmail.totalCount).toBe(200);
    const reasons = new Map<string, { reason: string | null; score: number | null }>(byEmail.edges.map((e) => [e.node.quickBooksCustomerId, { reason: e.node.reason ?? null, score: e.node.score ?? null }]));
    expect(reasons.get(qboIdOf.get(7)!)).toEqual({ reason: 'EMAIL', score: 0.9 });
    expect(reasons.get(qboIdOf.get(150)!)).toEqual({ reason: 'DISPLAY_NAME', score: 0.75 });
    const ambiguous = (await gql(gw.graphqlUrl, CustomerImportMatchesDocument, { status: 'AMBIGUOUS' as never, first: 50 }, key)).data!.customerImportMatches;
    expect(ambiguous.edges.map((e) => e.node.quickBooksCustomerId).sort()).toEqual([...Array(25).keys()].map((k) => qboIdOf.get(200 + k)!).sort());
    expect(ambiguous.edges.every((e) => e.node.candidateIds.length === 2)).toBe(true);
    const issues = (await gql(gw.graphqlUrl, SyncIssuesDocument, { status: 'OPEN' as never, first: 100 }, key)).data!.syncIssues;
    expect(issues.edges.filter((e) => e.node.code === 'CUSTOMER_MATCH_AMBIGUOUS')).toHaveLength(25);

    // Nothing linked or created is waiting to be pushed (it would become a duplicate QBO customer):
    // only the 50 unrelated and the 50 ambiguous FSM customers are still pending.
    const pending = await gw.app.services.ledgerRecords.list('customer', tenantId, { pushPending: true }, { limit: 1, after: null } as never);
    expect(pending.totalCount).toBe(100);
  }, 240_000);

  it('resolves ambiguous matches by linking or creating, and re-running the import changes nothing', async () => {
    const match = (await gql(gw.graphqlUrl, CustomerImportMatchesDocument, { status: 'AMBIGUOUS' as never, first: 50 }, key)).data!.customerImportMatches.edges.map((e) => e.node);
    const [first, second] = match;
    const linked = await gql(gw.graphqlUrl, LinkCustomerDocument, { customerId: first!.candidateIds[0]!, quickBooksCustomerId: first!.quickBooksCustomerId }, key);
    expect(linked.data!.linkCustomer).toMatchObject({ status: 'LINKED', reason: 'MANUAL', customerId: first!.candidateIds[0] });
    const again = await gql(gw.graphqlUrl, LinkCustomerDocument, { customerId: first!.candidateIds[1]!, quickBooksCustomerId: first!.quickBooksCustomerId }, key);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const made = await gql(gw.graphqlUrl, CreateCustomerFromQuickBooksDocument, { quickBooksCustomerId: second!.quickBooksCustomerId }, key);
    expect(made.data!.createCustomerFromQuickBooks).toMatchObject({ status: 'CREATED' });
    const total = QBO_COUNT + baseQboCustomers;
    expect(await summary()).toEqual({ linked: 201, created: total - 224, ambiguous: 23 });
    const issues = (await gql(gw.graphqlUrl, SyncIssuesDocument, { status: 'OPEN' as never, first: 100 }, key)).data!.syncIssues;
    expect(issues.edges.filter((e) => e.node.code === 'CUSTOMER_MATCH_AMBIGUOUS')).toHaveLength(23);
  });

  it('customer edits made in QuickBooks update the FSM customer; an edit on both sides keeps the FSM version and records the conflict', async () => {
    const ledger = gw.app.services.ledgerRecords;
    const api = gw.app.quickbooks.endpoints.apiBaseUrl;
    const rename = (customerId: string, displayName: string) =>
      fetch(`${api}/_sandbox/act/${realmId}/rename-customer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ customerId, displayName }) });
    expect((await rename(qboIdOf.get(QBO_COUNT - 1)!, 'Renamed In QuickBooks Ltd')).status).toBe(200);
    // fsm-e-3 is linked to QBO customer 3; the FSM changes it too before the next sync.
    await ledger.upsertCustomer(tenantId, { externalId: 'fsm-e-3', displayName: 'FSM Email Customer 3', email: 'C3@QBO.example', phone: '0400 000 003' });
    expect((await rename(qboIdOf.get(3)!, 'Edited On Both Sides')).status).toBe(200);
    // The poll re-reads every customer seeded since the connection (5,000 at full size, most in one
    // second, so windows are split and read by query): each page's mappings are looked up at once, and
    // only the two edits apply; every customer the import saw at its current SyncToken is left alone.
    const pollStarted = Date.now();
    const report = await gw.app.services.pull.pullNow(tenantId);
    const hwm = existsSync('/proc/self/status') ? /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] : undefined;
    console.log(`CDC poll after the import: ${report?.read} objects read in ${report?.windows} CDC calls (${report?.path}), ${report?.applied} applied, ${((Date.now() - pollStarted) / 1000).toFixed(1)} s; RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB, process peak (VmHWM) ${hwm ? (Number(hwm) / 1024).toFixed(0) : '?'} MB`);
    expect(report?.path).toBe('CDC');
    expect(report?.read).toBeGreaterThanOrEqual(QBO_COUNT);
    expect(report?.applied).toBe(2);
    expect((await ledger.findByExternalId('customer', tenantId, `qbo-customer-${qboIdOf.get(QBO_COUNT - 1)!}`))!.displayName).toBe('Renamed In QuickBooks Ltd');
    const both = (await ledger.findByExternalId('customer', tenantId, 'fsm-e-3'))!;
    expect(both).toMatchObject({ displayName: 'FSM Email Customer 3', phone: '0400 000 003', pushPending: true });
    const changes = (await gql(gw.graphqlUrl, QuickBooksChangesDocument, { first: 20 }, key)).data!.quickBooksChanges.edges.map((e) => e.node);
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'CUSTOMER_UPDATED', quickBooksId: qboIdOf.get(QBO_COUNT - 1) }));
    expect(changes.find((c) => c.kind === 'CUSTOMER_CONFLICT')?.message).toContain('Edited On Both Sides');
    const issues = (await gql(gw.graphqlUrl, SyncIssuesDocument, { status: 'OPEN' as never, first: 100 }, key)).data!.syncIssues;
    expect(issues.edges.map((e) => e.node.code)).toContain('CUSTOMER_EDIT_CONFLICT');
  }, 120_000);
});

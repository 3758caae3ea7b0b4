/**
 * Exactly once under the worst a network and an operator can do: the built gateway runs as a real
 * process against a simulator that answers with 429s, 500s, timeouts, stale SyncTokens and responses
 * lost after the write committed, and the process is killed with SIGKILL at random moments while it
 * pushes, then restarted. In the end QuickBooks holds every invoice and payment exactly once.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../src/sandbox/sandbox.js';
import { InvoicesDocument, RecordPaymentDocument, StartSyncDocument, SyncIssuesDocument, SyncRunsDocument, UpsertCustomerDocument, UpsertInvoiceDocument, UpsertPaymentMethodDocument } from '../generated/graphql.js';
import { chooseAustralianAccounts } from '../helpers/accounting-setup.js';
import { builtMain, freePort, type GatewayProcess, killGatewayProcess, startGatewayProcess } from '../helpers/gateway-process.js';
import { gql } from '../helpers/graphql-client.js';
import { TestBrowser } from '../helpers/quickbooks.js';
import { authorizeInBrowser } from '../sandbox/oauth-harness.js';

const API_KEY = 'fbk_chaos-test-key-0123456789abcdef';
const INVOICES = 60;

let sandbox: Sandbox;
let sandboxUrl: string;
let realmId: string;
let dataDir: string;
let port: number;
let gateway: GatewayProcess | undefined;
let graphqlUrl: string;
const mongoDb = `chaos_${randomBytes(4).toString('hex')}`;

async function startGateway(): Promise<void> {
  gateway = await startGatewayProcess({ port, mongoUri: `${inject('mongoUri')}${mongoDb}`, dataDir, apiKey: API_KEY, sandboxUrl }, {
    QBO_HTTP_TIMEOUT_MS: '1500',
    // Each slice is pushed by a run this test starts, so it knows when to kill (the automatic
    // worker is tested elsewhere; here it would finish small slices before the test looks).
    FIELDBOOKS_SYNC_WORKER: 'false',
    // A killed process's hold on the sync queue lapses within seconds, not the default two minutes.
    FIELDBOOKS_SYNC_LEASE_SECONDS: '6',
  });
}

async function killGateway(): Promise<void> {
  await killGatewayProcess(gateway);
}

async function qbo<T>(entity: string): Promise<T[]> {
  return ((await (await fetch(`${sandboxUrl}/_sandbox/entities/${realmId}/${entity}`)).json()) as { records: T[] }).records;
}

async function faults(method: 'POST' | 'DELETE', rule?: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandboxUrl}/_sandbox/faults`, { method, headers: { 'content-type': 'application/json' }, body: rule ? JSON.stringify({ realmId, ...rule }) : undefined });
  expect(response.status).toBeLessThan(300);
}

beforeAll(async () => {
  expect(existsSync(builtMain), 'dist/ is missing: run `npm run build` (npm test does it)').toBe(true);
  sandbox = createSandbox();
  sandboxUrl = (await sandbox.listen(0)).url;
  realmId = sandbox.info().companies.find((c) => c.country === 'AU')!.realmId;
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'fieldbooks-chaos-'));
  port = await freePort();
  graphqlUrl = `http://127.0.0.1:${port}/graphql`;
  sandbox.oauth.addRedirectUri(sandbox.oauth.demoApp.clientId, `http://127.0.0.1:${port}/oauth/callback`);
  await startGateway();

  const browser = new TestBrowser();
  const { callbackUrl } = await authorizeInBrowser(await browser.startConnect(graphqlUrl, API_KEY), { button: 'connect', realmId });
  expect((await browser.fetch(callbackUrl)).status).toBe(200);
  // The chart is cached in the background after connecting.
  for (let i = 0; i < 50; i++) {
    try {
      await chooseAustralianAccounts(graphqlUrl, API_KEY);
      break;
    } catch (error) {
      if (i === 49) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}, 120_000);

afterAll(async () => {
  await killGateway();
  await sandbox?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('chaos', () => {
  it('pushes every invoice and payment exactly once through faults and SIGKILLs', async () => {
    expect((await gql(graphqlUrl, UpsertPaymentMethodDocument, { input: { externalId: 'pm-eft', name: 'EFT', isCard: false } }, API_KEY)).errors).toBeUndefined();
    for (const c of ['1', '2', '3']) {
      expect((await gql(graphqlUrl, UpsertCustomerDocument, { input: { externalId: `c-${c}`, displayName: `Chaos Customer ${c}` } }, API_KEY)).errors).toBeUndefined();
    }
    // Faults from here on, at rates that hit most records at least once over the run.
    await faults('POST', { kind: '429', rate: 0.1 });
    await faults('POST', { kind: '500', rate: 0.05 });
    await faults('POST', { kind: 'drop-after-commit', rate: 0.15, method: 'POST' });
    await faults('POST', { kind: 'timeout', rate: 0.03, holdMs: 2500 });
    await faults('POST', { kind: 'stale-synctoken', rate: 0.05, method: 'POST' });

    const feed = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const n = String(5000 + i);
        const invoice = await gql(
          graphqlUrl,
          UpsertInvoiceDocument,
          {
            input: {
              externalId: `inv-${n}`,
              customerExternalId: `c-${(i % 3) + 1}`,
              number: n,
              date: '2026-11-10',
              currency: 'AUD',
              lines: [{ lineId: 'l1', kind: 'LABOUR', description: 'Service call', quantity: '1', unitPrice: `${100 + i}.00`, amount: `${100 + i}.00`, taxCode: 'GST' }],
              subtotal: `${100 + i}.00`,
              totalTax: ((100 + i) / 10).toFixed(2),
              total: (((100 + i) * 11) / 10).toFixed(2),
            },
          },
          API_KEY,
        );
        if (invoice.errors) throw new Error(JSON.stringify(invoice.errors));
        if (i % 2 === 0) {
          const paid = await gql(
            graphqlUrl,
            RecordPaymentDocument,
            { input: { externalId: `pay-${n}`, customerExternalId: `c-${(i % 3) + 1}`, date: '2026-11-12', currency: 'AUD', amount: (((100 + i) * 11) / 10).toFixed(2), paymentMethodExternalId: 'pm-eft', allocations: [{ invoiceExternalId: `inv-${n}`, amount: (((100 + i) * 11) / 10).toFixed(2) }] } },
            API_KEY,
          );
          if (paid.errors) throw new Error(JSON.stringify(paid.errors));
        }
      }
    };

    // Feed in four slices, killing the process while it pushes each slice: once its run is seen
    // RUNNING with records still to go, after a random further moment.
    const slice = INVOICES / 4;
    let killedMidRun = 0;
    for (let round = 0; round < 4; round++) {
      await feed(round * slice, (round + 1) * slice);
      expect((await gql(graphqlUrl, StartSyncDocument, { input: {} }, API_KEY)).errors).toBeUndefined();
      const until = Date.now() + 20_000;
      while (Date.now() < until) {
        // The run pushing now may be the one just started or one the previous (killed) process left
        // RUNNING, which the restarted gateway takes over and finishes; the new one then waits its turn.
        const recent = (await gql(graphqlUrl, SyncRunsDocument, { first: 3 }, API_KEY)).data?.syncRuns.edges.map((e) => e.node) ?? [];
        if (recent.some((run) => run.status === 'RUNNING' && run.total > 0 && run.processed < run.total)) {
          killedMidRun++;
          break;
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 300)));
      await killGateway();
      await startGateway();
    }
    // The kills really landed in pushes, not between them.
    expect(killedMidRun).toBeGreaterThanOrEqual(3);

    // Calm weather: the backlog drains (a full push picks up anything the kills interrupted).
    await faults('DELETE');
    const deadline = Date.now() + 120_000;
    let pending = Infinity;
    while (Date.now() < deadline) {
      await gql(graphqlUrl, StartSyncDocument, { input: {} }, API_KEY);
      const list = await gql(graphqlUrl, InvoicesDocument, { first: 100 }, API_KEY);
      pending = list.data!.invoices.edges.filter((e) => e.node.sync.state !== 'SYNCED').length;
      const qboInvoices = await qbo<{ DocNumber: string; Balance: number }>('Invoice');
      const paidCount = qboInvoices.filter((i) => Number(i.DocNumber) >= 5000 && i.Balance === 0).length;
      if (pending === 0 && paidCount === INVOICES / 2) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    if (pending !== 0) {
      const issues = await gql(graphqlUrl, SyncIssuesDocument, { first: 10 }, API_KEY);
      const runs = await gql(graphqlUrl, SyncRunsDocument, { first: 5 }, API_KEY);
      const list = await gql(graphqlUrl, InvoicesDocument, { first: 3 }, API_KEY);
      console.error(JSON.stringify({ issues: issues.data ?? issues.errors, runs: runs.data ?? runs.errors, sample: list.data?.invoices.edges.map((e) => e.node.sync) }, null, 1));
    }
    expect(pending).toBe(0);

    const invoices = (await qbo<{ DocNumber: string; TotalAmt: number; Balance: number }>('Invoice')).filter((i) => Number(i.DocNumber) >= 5000);
    const numbers = invoices.map((i) => i.DocNumber);
    expect(new Set(numbers).size).toBe(numbers.length); // no duplicate
    expect(numbers).toHaveLength(INVOICES); // nothing missing
    for (const invoice of invoices) {
      const i = Number(invoice.DocNumber) - 5000;
      expect(invoice.TotalAmt).toBe(Number((((100 + i) * 11) / 10).toFixed(2)));
      expect(invoice.Balance).toBe(i % 2 === 0 ? 0 : invoice.TotalAmt);
    }
    // Only this test's payments (the demo tenant's own demo business is pushed too, on other dates).
    const payments = (await qbo<{ TotalAmt: number; TxnDate: string }>('Payment')).filter((p) => p.TotalAmt > 0 && p.TxnDate === '2026-11-12');
    expect(payments).toHaveLength(INVOICES / 2);
    const customers = (await qbo<{ DisplayName: string }>('Customer')).filter((c) => c.DisplayName.startsWith('Chaos Customer'));
    expect(customers.map((c) => c.DisplayName).sort()).toEqual(['Chaos Customer 1', 'Chaos Customer 2', 'Chaos Customer 3']);
  }, 300_000);
});

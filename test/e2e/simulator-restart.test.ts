/**
 * `npm start` restarted keeps its QuickBooks (issue 14 item 5). The built gateway runs as a real process
 * with its own in-process simulator (no QBO_SANDBOX_URL), on one data folder, database and ports. It is
 * connected through the consent page, pushes an invoice, and is stopped with Ctrl-C (SIGINT), then killed
 * with SIGKILL, and started again each time on the same data folder: the connection is still CONNECTED, a
 * verify call reaches QuickBooks, the invoice is in the simulator with the same Id and SyncToken, and a
 * change pushed afterwards updates that invoice (SyncToken + 1) instead of creating a second one.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AU_REALM_ID } from '../../src/sandbox/company/seeds/seed.registry.js';
import {
  ConnectionDocument,
  InvoiceDocument,
  StartSyncDocument,
  SyncRunDocument,
  UpsertCustomerDocument,
  UpsertInvoiceDocument,
  VerifyQuickBooksConnectionDocument,
} from '../generated/graphql.js';
import { chooseAustralianAccounts } from '../helpers/accounting-setup.js';
import { builtMain, freePort, type GatewayProcess, killGatewayProcess, startGatewayProcess } from '../helpers/gateway-process.js';
import { gql } from '../helpers/graphql-client.js';
import { TestBrowser } from '../helpers/quickbooks.js';
import { authorizeInBrowser } from '../sandbox/oauth-harness.js';

const API_KEY = 'fbk_simulator-restart-test-key-0123456';
let dataDir: string;
let port: number;
let sandboxPort: number;
let graphqlUrl: string;
let sandboxUrl: string;
let gateway: GatewayProcess | undefined;
const mongoDb = `sim_restart_${randomBytes(4).toString('hex')}`;

async function startGateway(): Promise<void> {
  gateway = await startGatewayProcess({ port, mongoUri: `${inject('mongoUri')}${mongoDb}`, dataDir, apiKey: API_KEY, sandboxUrl: '' }, {
    // The gateway runs its own simulator, as `npm start` does, on a fixed port so the test can look inside it.
    QBO_SANDBOX_URL: '',
    QBO_SANDBOX_PORT: String(sandboxPort),
    FIELDBOOKS_SYNC_WORKER: 'false',
    FIELDBOOKS_CDC_INTERVAL_SECONDS: '0',
  });
}

async function stopWithCtrlC(): Promise<number | null> {
  const child = gateway!;
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGINT');
  return exited;
}

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 60_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function push(): Promise<string> {
  const started = await gql(graphqlUrl, StartSyncDocument, { input: {} }, API_KEY);
  expect(started.errors).toBeUndefined();
  const id = started.data!.startSync.id;
  const run = await eventually(
    async () => (await gql(graphqlUrl, SyncRunDocument, { id }, API_KEY)).data!.syncRun!,
    (r) => !['QUEUED', 'RUNNING'].includes(r.status),
  );
  return run.status;
}

async function upsertInvoice(externalId: string, number: string, description: string): Promise<void> {
  const result = await gql(
    graphqlUrl,
    UpsertInvoiceDocument,
    {
      input: {
        externalId,
        customerExternalId: 'c-restart',
        number,
        date: '2026-03-02',
        currency: 'AUD',
        lines: [{ lineId: 'l1', kind: 'LABOUR', description, quantity: '2', unitPrice: '50.00', amount: '100.00', taxCode: 'GST' }],
        subtotal: '100.00',
        totalTax: '10.00',
        total: '110.00',
      },
    },
    API_KEY,
  );
  expect(result.errors).toBeUndefined();
}

async function syncedId(externalId: string): Promise<string> {
  const invoice = (await gql(graphqlUrl, InvoiceDocument, { externalId }, API_KEY)).data!.invoice!;
  expect(invoice.sync.state).toBe('SYNCED');
  return invoice.sync.quickBooksId!;
}

/** The simulator's invoices with this number (its admin API, as a bookkeeper's QuickBooks would list them). */
async function simulatorInvoices(docNumber: string): Promise<{ Id: string; SyncToken: string; Line: { Description?: string }[] }[]> {
  const res = await fetch(`${sandboxUrl}/_sandbox/entities/${AU_REALM_ID}/Invoice`);
  expect(res.status).toBe(200);
  const { records } = (await res.json()) as { records: { Id: string; SyncToken: string; DocNumber?: string; Line: { Description?: string }[] }[] };
  return records.filter((r) => r.DocNumber === docNumber);
}

async function connectionStatus(): Promise<string> {
  return (await gql(graphqlUrl, ConnectionDocument, {}, API_KEY)).data!.quickBooksConnection.status;
}

async function verify(): Promise<{ status: string; companyName?: string | null }> {
  const result = await gql(graphqlUrl, VerifyQuickBooksConnectionDocument, {}, API_KEY);
  expect(result.errors).toBeUndefined();
  return result.data!.verifyQuickBooksConnection;
}

beforeAll(async () => {
  expect(existsSync(builtMain), 'dist/ is missing: run `npm run build` (npm test does it)').toBe(true);
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'fieldbooks-sim-restart-'));
  port = await freePort();
  sandboxPort = await freePort();
  graphqlUrl = `http://127.0.0.1:${port}/graphql`;
  sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  await startGateway();

  const browser = new TestBrowser();
  const { callbackUrl } = await authorizeInBrowser(await browser.startConnect(graphqlUrl, API_KEY), { button: 'connect', realmId: AU_REALM_ID });
  expect((await browser.fetch(callbackUrl)).status).toBe(200);
  await eventually(
    () => chooseAustralianAccounts(graphqlUrl, API_KEY).then(() => true, () => false),
    (ok) => ok,
    20_000,
  );
  expect((await gql(graphqlUrl, UpsertCustomerDocument, { input: { externalId: 'c-restart', displayName: 'Restart Test Dental' } }, API_KEY)).errors).toBeUndefined();
}, 180_000);

afterAll(async () => {
  await killGatewayProcess(gateway);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the gateway restarted on the same data folder keeps its built-in QuickBooks', () => {
  it('after Ctrl-C: still CONNECTED, verify works, the invoice has the same Id and SyncToken, and a re-push updates it', async () => {
    await upsertInvoice('inv-restart', '8001', 'Labour before the restart');
    expect(await push()).toBe('SUCCEEDED');
    const qboId = await syncedId('inv-restart');
    const [before] = await simulatorInvoices('8001');
    expect(before!.Id).toBe(qboId);

    expect(await stopWithCtrlC()).toBe(0);
    await startGateway();

    expect(await connectionStatus()).toBe('CONNECTED');
    const verified = await verify();
    expect(verified.status).toBe('CONNECTED');
    expect(verified.companyName).toContain('Harbourside');
    const after = await simulatorInvoices('8001');
    expect(after.map((i) => [i.Id, i.SyncToken])).toEqual([[before!.Id, before!.SyncToken]]);

    await upsertInvoice('inv-restart', '8001', 'Labour changed after the restart');
    expect(await push()).toBe('SUCCEEDED');
    expect(await syncedId('inv-restart')).toBe(qboId);
    const updated = await simulatorInvoices('8001');
    expect(updated).toHaveLength(1);
    expect(updated[0]!.Id).toBe(qboId);
    expect(Number(updated[0]!.SyncToken)).toBe(Number(before!.SyncToken) + 1);
    expect(updated[0]!.Line[0]!.Description).toBe('Labour changed after the restart');
    expect(await connectionStatus()).toBe('CONNECTED');
  }, 120_000);

  it('after SIGKILL: what the simulator answered before the kill survives it', async () => {
    await upsertInvoice('inv-killed', '8002', 'Labour before the kill');
    expect(await push()).toBe('SUCCEEDED');
    const qboId = await syncedId('inv-killed');
    const [before] = await simulatorInvoices('8002');
    expect(before!.Id).toBe(qboId);

    await killGatewayProcess(gateway);
    await startGateway();

    expect(await connectionStatus()).toBe('CONNECTED');
    expect((await verify()).status).toBe('CONNECTED');
    expect((await simulatorInvoices('8002')).map((i) => [i.Id, i.SyncToken])).toEqual([[before!.Id, before!.SyncToken]]);
    // The invoice pushed before the Ctrl-C restart is still there too.
    expect(await simulatorInvoices('8001')).toHaveLength(1);

    await upsertInvoice('inv-killed', '8002', 'Labour changed after the kill');
    expect(await push()).toBe('SUCCEEDED');
    const updated = await simulatorInvoices('8002');
    expect(updated.map((i) => i.Id)).toEqual([qboId]);
    expect(Number(updated[0]!.SyncToken)).toBe(Number(before!.SyncToken) + 1);
  }, 120_000);
});

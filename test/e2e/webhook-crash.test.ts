/**
 * Killing the gateway between acknowledging a webhook and processing it loses no change (issue 6).
 *
 * The built gateway runs as a real process (dist/src/main.js) on its own database; the QBO simulator
 * runs in this test's process, so it outlives the gateway. A payment is recorded in QBO through the
 * simulator's admin API against an invoice the gateway pushed, and its CloudEvents webhook (the
 * simulator's own payload shape, signed with the app's verifier token) is delivered to the gateway.
 *
 * Holding processing deterministically: InboundQueue processes each stored event under a LeaseStore
 * lease named `inbound:<event id>` (the cross-process exclusion, so two gateways never process one
 * event at once). Before the delivery the test takes that lease, as another gateway process working on
 * the event would, so the gateway stores and acknowledges the webhook but cannot process it, however
 * fast it is: no sleeps. It is then killed with SIGKILL; the lease's holder is gone, so the lease is
 * made to lapse (what time does to a dead holder's lease), and the gateway is started again on the
 * same database and simulator. The CDC poller is off in both runs, so only the durable queue can
 * bring the payment in: the restarted gateway drains stored hints at start-up, taking over the
 * lapsed lease. The FSM invoice then shows the payment exactly once, announced once; a redelivery
 * and a CDC pull afterwards change nothing.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../src/sandbox/sandbox.js';
import { cloudEventsPayload } from '../../src/sandbox/webhooks/webhook.payload.js';
import { type StoredInboundEvent as InboundEvent } from '../../src/persistence/webhooks/inbound-event.model.js';
import { parseWebhookBody } from '../../src/providers/quickbooks/webhooks/webhook.parser.js';
import { expectedSignature } from '../../src/providers/quickbooks/webhooks/webhook.signature.js';
import {
  InvoiceDocument,
  PulledInvoiceDocument,
  PulledPaymentsDocument,
  QuickBooksChangesDocument,
  StartSyncDocument,
  SyncRunDocument,
  UpsertCustomerDocument,
  UpsertInvoiceDocument,
  UpsertPaymentMethodDocument,
  ViewerDocument,
} from '../generated/graphql.js';
import { chooseAustralianAccounts } from '../helpers/accounting-setup.js';
import { builtMain, freePort, type GatewayProcess, killGatewayProcess, startGatewayProcess } from '../helpers/gateway-process.js';
import { gql } from '../helpers/graphql-client.js';
import { TestBrowser } from '../helpers/quickbooks.js';
import { authorizeInBrowser } from '../sandbox/oauth-harness.js';

const API_KEY = 'fbk_webhook-crash-test-key-0123456789';

let sandbox: Sandbox;
let sandboxUrl: string;
let realmId: string;
let verifierToken: string;
let dataDir: string;
let port: number;
let gateway: GatewayProcess | undefined;
let gatewayUrl: string;
let graphqlUrl: string;
let tenantId: string;
let db: mongoose.Connection;
const mongoDb = `webhook_crash_${randomBytes(4).toString('hex')}`;

async function startGateway(): Promise<void> {
  gateway = await startGatewayProcess({ port, mongoUri: `${inject('mongoUri')}${mongoDb}`, dataDir, apiKey: API_KEY, sandboxUrl }, {
    // Pushes run when asked (no automatic worker racing the pull), and no CDC backstop: only the
    // durable webhook queue can bring the payment in.
    FIELDBOOKS_SYNC_WORKER: 'false',
    FIELDBOOKS_CDC_INTERVAL_SECONDS: '0',
  });
}

async function killGateway(): Promise<void> {
  await killGatewayProcess(gateway);
}

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function invoice(externalId: string) {
  const result = await gql(graphqlUrl, PulledInvoiceDocument, { externalId }, API_KEY);
  expect(result.errors).toBeUndefined();
  return result.data!.invoice!;
}

async function pulledPayments(qboId: string) {
  const result = await gql(graphqlUrl, PulledPaymentsDocument, { first: 100 }, API_KEY);
  expect(result.errors).toBeUndefined();
  const all = result.data!.payments.edges.map((e) => e.node);
  return { mine: all.filter((p) => p.externalId === `qbo-payment-${qboId}`), pulled: all.filter((p) => p.externalId.startsWith('qbo-payment-')) };
}

async function announcements(qboId: string) {
  const result = await gql(graphqlUrl, QuickBooksChangesDocument, { first: 100 }, API_KEY);
  expect(result.errors).toBeUndefined();
  return result.data!.quickBooksChanges.edges.map((e) => e.node).filter((c) => c.entity === 'Payment' && c.quickBooksId === qboId);
}

async function runToEnd(input: Record<string, unknown>) {
  const started = await gql(graphqlUrl, StartSyncDocument, { input }, API_KEY);
  expect(started.errors).toBeUndefined();
  const id = started.data!.startSync.id;
  return eventually(
    async () => (await gql(graphqlUrl, SyncRunDocument, { id }, API_KEY)).data!.syncRun!,
    (run) => !['QUEUED', 'RUNNING'].includes(run.status),
    60_000,
  );
}

function deliver(body: string) {
  return fetch(`${gatewayUrl}/webhooks/quickbooks`, { method: 'POST', headers: { 'content-type': 'application/json', 'intuit-signature': expectedSignature(Buffer.from(body), verifierToken) }, body });
}

beforeAll(async () => {
  expect(existsSync(builtMain), 'dist/ is missing: run `npm run build` (npm test does it)').toBe(true);
  sandbox = createSandbox();
  sandboxUrl = (await sandbox.listen(0)).url;
  realmId = sandbox.info().companies.find((c) => c.country === 'AU')!.realmId;
  // The key the gateway checks signatures with (it reads it from the simulator the same way).
  verifierToken = ((await (await fetch(`${sandboxUrl}/_sandbox/info`)).json()) as { app: { webhookVerifierToken: string } }).app.webhookVerifierToken;
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'fieldbooks-webhook-crash-'));
  port = await freePort();
  gatewayUrl = `http://127.0.0.1:${port}`;
  graphqlUrl = `${gatewayUrl}/graphql`;
  sandbox.oauth.addRedirectUri(sandbox.oauth.demoApp.clientId, `${gatewayUrl}/oauth/callback`);
  db = await mongoose.createConnection(`${inject('mongoUri')}${mongoDb}`).asPromise();
  await startGateway();
  tenantId = (await gql(graphqlUrl, ViewerDocument, {}, API_KEY)).data!.viewer.tenant.id;

  const browser = new TestBrowser();
  const { callbackUrl } = await authorizeInBrowser(await browser.startConnect(graphqlUrl, API_KEY), { button: 'connect', realmId });
  expect((await browser.fetch(callbackUrl)).status).toBe(200);
  expect((await gql(graphqlUrl, UpsertPaymentMethodDocument, { input: { externalId: 'pm-qbo', name: 'Paid in QuickBooks', isCard: false } }, API_KEY)).errors).toBeUndefined();
  // The chart is cached in the background after connecting.
  for (let i = 0; i < 50; i++) {
    try {
      await chooseAustralianAccounts(graphqlUrl, API_KEY, { paymentMethodFromAccounts: 'pm-qbo' });
      break;
    } catch (error) {
      if (i === 49) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  expect((await gql(graphqlUrl, UpsertCustomerDocument, { input: { externalId: 'c-crash', displayName: 'Crash Test Dental' } }, API_KEY)).errors).toBeUndefined();
  const upserted = await gql(
    graphqlUrl,
    UpsertInvoiceDocument,
    {
      input: {
        externalId: 'inv-crash',
        customerExternalId: 'c-crash',
        number: '7001',
        date: '2026-03-02',
        currency: 'AUD',
        lines: [{ lineId: 'l1', kind: 'LABOUR', description: 'Labour', quantity: '2', unitPrice: '50.00', amount: '100.00', taxCode: 'GST' }],
        subtotal: '100.00',
        totalTax: '10.00',
        total: '110.00',
      },
    },
    API_KEY,
  );
  expect(upserted.errors).toBeUndefined();
  // One push of everything (the demo business too), finished before anything happens in QBO.
  expect((await runToEnd({})).status).toBe('SUCCEEDED');
}, 180_000);

afterAll(async () => {
  await killGateway();
  if (db) {
    await db.dropDatabase().catch(() => {});
    await db.close();
  }
  await sandbox?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('a crash between acknowledging a webhook and processing it', () => {
  it('loses no change: after a SIGKILL and a restart the payment recorded in QuickBooks is on the FSM invoice exactly once, announced once', async () => {
    const synced = (await gql(graphqlUrl, InvoiceDocument, { externalId: 'inv-crash' }, API_KEY)).data!.invoice!;
    expect(synced.sync.state).toBe('SYNCED');
    const qboInvoiceId = synced.sync.quickBooksId!;
    expect(await invoice('inv-crash')).toMatchObject({ total: '110.00', amountPaid: '0.00', balance: '110.00' });

    // A bookkeeper records a payment in QuickBooks.
    const acted = await fetch(`${sandboxUrl}/_sandbox/act/${realmId}/record-payment`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ invoiceId: qboInvoiceId, amount: 40 }) });
    expect(acted.status).toBe(200);
    const qboPaymentId = ((await acted.json()) as { Payment: { Id: string } }).Payment.Id;

    // Intuit's CloudEvents notification of it, and the queue entry and processing lease it will get.
    const body = JSON.stringify(cloudEventsPayload([{ realmId, entity: 'Payment', id: qboPaymentId, operation: 'Create', at: Date.now() }], 'intuit.webhook-crash-test', () => `crash-${randomBytes(6).toString('hex')}`));
    const [hint] = parseWebhookBody(Buffer.from(body));
    const eventId = `${tenantId}:${hint!.key}`;
    const leases = db.collection<{ _id: string; owner: string; until: Date; acquiredAt: Date }>('leases');
    const events = db.collection<InboundEvent>('qbo_inbound_events');
    await leases.insertOne({ _id: `inbound:${eventId}`, owner: 'webhook-crash-test: another process working on this event', until: new Date(Date.now() + 3_600_000), acquiredAt: new Date() });

    // Acknowledged: stored durably before the 200.
    const ack = await deliver(body);
    expect(ack.status).toBe(200);
    expect(await ack.json()).toEqual({ received: 1, stored: 1 });
    expect(await events.findOne({ _id: eventId })).toMatchObject({ status: 'PENDING', attempts: 0, entity: 'Payment', entityId: qboPaymentId, source: 'webhook-cloudevents' });
    // ...and not processed: the event is held, whenever the webhook-triggered drain gets to it.
    expect(await invoice('inv-crash')).toMatchObject({ amountPaid: '0.00', balance: '110.00' });
    expect((await pulledPayments(qboPaymentId)).mine).toEqual([]);

    // Killed before processing. The lease's holder is gone with it: the lease lapses.
    await killGateway();
    expect(await events.findOne({ _id: eventId })).toMatchObject({ status: 'PENDING', attempts: 0 });
    await leases.updateOne({ _id: `inbound:${eventId}` }, { $set: { until: new Date(Date.now() - 1000) } });

    // Restarted on the same database and simulator, still without the CDC poller.
    await startGateway();
    const paid = await eventually(() => invoice('inv-crash'), (i) => i.amountPaid === '40.00');
    expect(paid).toMatchObject({ total: '110.00', amountPaid: '40.00', balance: '70.00' });
    const after = await pulledPayments(qboPaymentId);
    expect(after.mine).toHaveLength(1);
    expect(after.mine[0]).toMatchObject({ status: 'ACTIVE', amount: '40.00', pushPending: false, sync: { state: 'SYNCED', quickBooksId: qboPaymentId }, allocations: [{ amount: '40.00', invoice: { externalId: 'inv-crash' } }] });
    expect(after.pulled).toHaveLength(1); // none of the gateway's own pushed payments came back
    expect((await announcements(qboPaymentId)).map((c) => c.kind)).toEqual(['PAYMENT_RECORDED']);
    expect(await events.findOne({ _id: eventId })).toMatchObject({ status: 'DONE', attempts: 1 });

    // Intuit redelivering the same notification, and the CDC backstop reading the same payment, change nothing.
    const again = await deliver(body);
    expect(await again.json()).toEqual({ received: 1, stored: 0 });
    expect((await runToEnd({ direction: 'PULL' })).status).toBe('SUCCEEDED');
    expect(await invoice('inv-crash')).toMatchObject({ amountPaid: '40.00', balance: '70.00' });
    expect((await pulledPayments(qboPaymentId)).pulled).toHaveLength(1);
    expect((await announcements(qboPaymentId)).map((c) => c.kind)).toEqual(['PAYMENT_RECORDED']);
    // QuickBooks holds the one payment (the gateway pushed nothing back).
    const qboPayments = ((await (await fetch(`${sandboxUrl}/_sandbox/entities/${realmId}/Payment`)).json()) as { records: { Id: string; TotalAmt: number; Line?: { LinkedTxn?: { TxnId: string }[] }[] }[] }).records;
    expect(qboPayments.filter((p) => p.Line?.some((l) => l.LinkedTxn?.some((t) => t.TxnId === qboInvoiceId)))).toEqual([expect.objectContaining({ Id: qboPaymentId, TotalAmt: 40 })]);
  }, 180_000);
});

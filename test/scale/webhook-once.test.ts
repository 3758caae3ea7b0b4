/**
 * Issue #16: a QuickBooks webhook is applied once, whichever instances receive it. Three built
 * gateways share one database, one Redis and one QBO simulator; the simulator's webhooks go to a
 * small relay in this test that passes the exact signed bytes on to the instances it is told to (a
 * load balancer retrying, or Intuit redelivering, gives the same notification to another instance).
 *
 * 1. The same notification reaches A and B at the same moment: the FSM gets one payment, announced
 *    once (on a subscriber on C too).
 * 2. A is killed while it applies a notification: the simulator holds A's read of the payment, A
 *    is SIGKILLed holding the event's processing lease, the lease is made to lapse (what time does to
 *    a dead holder's lease; 60 s), and Intuit's redelivery lands on B. B stores nothing new but
 *    processes the stored event: one payment. Before, a redelivery that stored nothing started no
 *    processing, so the change waited for the next poll (a minute with CDC off, five by default).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PulledPaymentsDocument, QuickBooksChangesDocument, QuickBooksChangesFeedDocument, StartSyncDocument, SyncRunDocument, UpsertPaymentMethodDocument } from '../generated/graphql.js';
import { chooseAustralianAccounts } from '../helpers/accounting-setup.js';
import { killGatewayProcess } from '../helpers/gateway-process.js';
import { gql } from '../helpers/graphql-client.js';
import { type Instance, ScaleCluster } from '../helpers/scale-cluster.js';
import { type WsMessage } from '../helpers/ws-raw.js';

const DEMO_KEY = 'fbk_scale-webhook-test-key-0123456789';

const cluster = new ScaleCluster(inject, {
  apiKey: DEMO_KEY,
  database: 'scale_webhook',
  env: { FIELDBOOKS_SYNC_WORKER: 'false', FIELDBOOKS_CDC_INTERVAL_SECONDS: '0' },
});
let a: Instance;
let b: Instance;
let c: Instance;
let realmId: string;
const qboInvoice = new Map<string, string>();

/** The relay the simulator delivers to: forwards each notification, byte for byte, to `targets`. */
const relay = {
  server: undefined as Server | undefined,
  targets: [] as Instance[],
  last: undefined as { body: Buffer; headers: IncomingHttpHeaders } | undefined,
  answers: [] as { instance: string; status: number; body: unknown }[],
  async deliver(body: Buffer, headers: IncomingHttpHeaders, to: Instance[]): Promise<void> {
    const sent = await Promise.all(
      to.map(async (instance) => {
        const response = await fetch(`${instance.url}/webhooks/quickbooks`, {
          method: 'POST',
          headers: { 'content-type': String(headers['content-type'] ?? 'application/json'), 'intuit-signature': String(headers['intuit-signature'] ?? '') },
          body,
        });
        return { instance: instance.name, status: response.status, body: await response.json() };
      }),
    );
    this.answers.push(...sent);
  },
};

async function payments() {
  const result = await gql(c.http, PulledPaymentsDocument, { first: 100 }, DEMO_KEY);
  expect(result.errors).toBeUndefined();
  return result.data!.payments.edges.map((e) => e.node);
}

async function paymentsFor(qboPaymentId: string, until = Date.now() + 20_000) {
  for (;;) {
    const found = (await payments()).filter((p) => p.externalId === `qbo-payment-${qboPaymentId}`);
    if (found.length > 0 || Date.now() > until) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function announced(qboPaymentId: string): Promise<number> {
  const changes = (await gql(c.http, QuickBooksChangesDocument, { first: 100 }, DEMO_KEY)).data!.quickBooksChanges.edges.map((e) => e.node);
  return changes.filter((x) => x.kind === 'PAYMENT_RECORDED' && x.quickBooksId === qboPaymentId).length;
}

async function recordPaymentInQuickBooks(invoice: string, amount: number): Promise<string> {
  const response = await fetch(`${cluster.sandboxUrl}/_sandbox/act/${realmId}/record-payment`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ invoiceId: qboInvoice.get(invoice), amount }) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { Payment: { Id: string } }).Payment.Id;
}

beforeAll(async () => {
  await cluster.open();
  a = await cluster.start('A');
  b = await cluster.start('B');
  c = await cluster.start('C');
  realmId = cluster.auRealmId;
  await cluster.connect(a, DEMO_KEY, realmId);
  expect((await gql(a.http, UpsertPaymentMethodDocument, { input: { externalId: 'pm-qbo', name: 'Paid in QuickBooks', isCard: false } }, DEMO_KEY)).errors).toBeUndefined();
  await chooseAustralianAccounts(a.http, DEMO_KEY, { paymentMethodFromAccounts: 'pm-qbo' });
  await cluster.feedInvoices(a, DEMO_KEY, 'W', 2);
  const started = await gql(a.http, StartSyncDocument, { input: {} }, DEMO_KEY);
  for (let until = Date.now() + 60_000; ; ) {
    const run = (await gql(a.http, SyncRunDocument, { id: started.data!.startSync.id }, DEMO_KEY)).data!.syncRun!;
    if (run.status !== 'RUNNING' && run.status !== 'QUEUED') break;
    expect(Date.now()).toBeLessThan(until);
    await new Promise((r) => setTimeout(r, 200));
  }
  for (const invoice of await cluster.qboRecords(realmId, 'Invoice')) if (invoice.DocNumber?.startsWith('W-')) qboInvoice.set(invoice.DocNumber, invoice.Id);
  expect([...qboInvoice.keys()].sort()).toEqual(['W-1', 'W-2']);

  relay.server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      relay.last = { body: Buffer.concat(chunks), headers: req.headers };
      relay.deliver(relay.last.body, req.headers, relay.targets).then(
        () => res.writeHead(200).end(),
        () => res.writeHead(502).end(),
      );
    });
  });
  await new Promise<void>((resolve) => relay.server!.listen(0, '127.0.0.1', resolve));
  const relayUrl = `http://127.0.0.1:${(relay.server.address() as AddressInfo).port}/`;
  const target = await fetch(`${cluster.sandboxUrl}/_sandbox/webhooks`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: relayUrl, format: 'cloudevents' }) });
  expect(target.status).toBeLessThan(300);
}, 180_000);

afterAll(async () => {
  relay.server?.close();
  await cluster.close();
});

describe('a QuickBooks webhook on several instances', () => {
  it('the same notification delivered to A and B at once is applied once: one payment, announced once', async () => {
    const onC = await cluster.socketOn(c);
    onC.send({ id: 'changes', type: 'subscribe', payload: { query: print(QuickBooksChangesFeedDocument) } });
    await cluster.subscribedInRedis('QUICKBOOKS_CHANGES', 1);
    relay.targets = [a, b];
    relay.answers = [];

    const paymentId = await recordPaymentInQuickBooks('W-1', 40);
    const found = await paymentsFor(paymentId);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ amount: '40.00', allocations: [{ amount: '40.00', invoice: { externalId: 'inv-W-1' } }] });
    // Both instances were given it and both answered 200; one stored its hints (the payment, the invoice it paid).
    expect(relay.answers.map((x) => `${x.instance} ${x.status}`).sort()).toEqual(['A 200', 'B 200']);
    const [first, second] = relay.answers.map((x) => x.body as { received: number; stored: number });
    expect([first!.stored, second!.stored].sort()).toEqual([0, first!.received]);

    // Both drained it; give the second a moment, then count again.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await paymentsFor(paymentId)).toHaveLength(1);
    expect(await announced(paymentId)).toBe(1);
    const events = onC.messages.filter((m: WsMessage) => m.id === 'changes' && m.type === 'next').map((m) => (m.payload as { data: { quickBooksChanges: { kind: string; quickBooksId: string } } }).data.quickBooksChanges);
    expect(events.filter((e) => e.kind === 'PAYMENT_RECORDED' && e.quickBooksId === paymentId)).toHaveLength(1);
  }, 60_000);

  it('A killed while applying it: the redelivery on B applies the stored event, once', async () => {
    // A's read of the payment (the first step of applying the hint) is held by QuickBooks.
    const held = cluster.sandbox.state.faults.add({ kind: 'timeout', count: 1, method: 'GET', path: '/payment/', realmId, holdMs: 20_000 });
    relay.targets = [a];
    relay.answers = [];
    const paymentId = await recordPaymentInQuickBooks('W-2', 25.5);
    for (let until = Date.now() + 20_000; held.hits === 0; ) {
      expect(Date.now() < until, 'A never read the payment').toBe(true);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(relay.answers.map((x) => `${x.instance} ${x.status}`)).toEqual(['A 200']);
    await killGatewayProcess(a.process);
    expect(await paymentsFor(paymentId, Date.now())).toHaveLength(0);

    // The dead holder's lease on the event lapses (60 s of real time, made to pass here).
    const db = await cluster.db();
    const leases = await db.collection<{ _id: string; until: Date }>('leases').updateMany({ _id: { $regex: '^inbound:' } }, { $set: { until: new Date(Date.now() - 1000) } });
    expect(leases.modifiedCount).toBe(1);
    // Intuit redelivers (our 200 did not reach it, say): this time the load balancer picks B.
    await relay.deliver(relay.last!.body, relay.last!.headers, [b]);
    expect(relay.answers.at(-1)).toMatchObject({ instance: 'B', status: 200, body: { stored: 0 } });

    const found = await paymentsFor(paymentId);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ amount: '25.50', allocations: [{ amount: '25.50', invoice: { externalId: 'inv-W-2' } }] });
    await new Promise((r) => setTimeout(r, 1000));
    expect(await paymentsFor(paymentId)).toHaveLength(1);
    expect(await announced(paymentId)).toBe(1);
  }, 60_000);
});

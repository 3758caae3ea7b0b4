import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock.js';
import { FakeCompanyStore } from '../query/company-store.fake.js';
import { createWebhookNotifier, INTUIT_RETRY_SCHEDULE_MS, type WebhookNotifier } from './webhook.notifier.js';
import { cloudEventsPayload, legacyPayload } from './webhook.payload.js';
import { signWebhookBody, verifyWebhookSignature } from './webhook.signature.js';

const TOKEN = '00faeec4-08d0-4996-bb37-698ae19f0149';
const START = Date.parse('2026-05-05T09:00:00Z');

describe('signWebhookBody', () => {
  it("matches Intuit's published test vector", () => {
    const payload =
      '{"eventNotifications":[{"realmId":"1269959970","dataChangeEvent":{"entities":[{"name":"Vendor","id":"40","operation":"Update","lastUpdated":"2016-10-05T03:09:04.000Z"},{"name":"Customer","id":"43","operation":"Create","lastUpdated":"2016-10-05T03:07:04.000Z"}]}}]}';
    expect(signWebhookBody(payload, TOKEN)).toBe('6q+xGyMirJupwKTh2/WBl2NcdxzxqdIbk3sneKTxLWM=');
    expect(signWebhookBody(Buffer.from(payload), TOKEN)).toBe('6q+xGyMirJupwKTh2/WBl2NcdxzxqdIbk3sneKTxLWM=');
    expect(verifyWebhookSignature(payload, '6q+xGyMirJupwKTh2/WBl2NcdxzxqdIbk3sneKTxLWM=', TOKEN)).toBe(true);
    // One byte of whitespace changes everything: the signature covers the exact bytes.
    expect(verifyWebhookSignature(`${payload} `, '6q+xGyMirJupwKTh2/WBl2NcdxzxqdIbk3sneKTxLWM=', TOKEN)).toBe(false);
    expect(verifyWebhookSignature(payload, '6q+xGyMirJupwKTh2/WBl2NcdxzxqdIbk3sneKTxLWM=', 'other-token')).toBe(false);
  });
});

describe('payload formats', () => {
  const events = [
    { realmId: '1269959970', entity: 'Vendor' as const, id: '40', operation: 'Update' as const, at: Date.parse('2016-10-05T03:09:04Z') },
    { realmId: '1269959970', entity: 'Customer' as const, id: '43', operation: 'Create' as const, at: Date.parse('2016-10-05T03:07:04Z') },
    { realmId: '555', entity: 'Invoice' as const, id: '9', operation: 'Void' as const, at: Date.parse('2016-10-05T03:07:04Z') },
  ];

  it('legacy: one eventNotifications element per realm, byte-identical to Intuit\u2019s sample for one realm', () => {
    expect(JSON.stringify(legacyPayload(events.slice(0, 2)))).toBe(
      '{"eventNotifications":[{"realmId":"1269959970","dataChangeEvent":{"entities":[{"name":"Vendor","id":"40","operation":"Update","lastUpdated":"2016-10-05T03:09:04.000Z"},{"name":"Customer","id":"43","operation":"Create","lastUpdated":"2016-10-05T03:07:04.000Z"}]}}]}',
    );
    expect((legacyPayload(events) as { eventNotifications: unknown[] }).eventNotifications).toHaveLength(2);
  });

  it('CloudEvents: an array of events with qbo.<entity>.<verb>.v1 types, realms mixed', () => {
    let n = 0;
    const body = cloudEventsPayload(events, 'intuit.test', () => `id-${++n}`) as Record<string, unknown>[];
    expect(body).toHaveLength(3);
    expect(body[0]).toEqual({
      specversion: '1.0',
      id: 'id-1',
      source: 'intuit.test',
      type: 'qbo.vendor.updated.v1',
      datacontenttype: 'application/json',
      time: '2016-10-05T03:09:04.000Z',
      intuitentityid: '40',
      intuitaccountid: '1269959970',
      data: {},
    });
    expect(body.map((e) => e.type)).toEqual(['qbo.vendor.updated.v1', 'qbo.customer.created.v1', 'qbo.invoice.voided.v1']);
  });
});

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local receiver that answers each request with the next scripted status ('hang' = never answer). */
async function receiver(script: (number | 'hang')[] = []): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const next = script.shift() ?? 200;
      if (next === 'hang') return;
      res.statusCode = next;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/webhooks/quickbooks`, received, server };
}

async function waitFor(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('webhook delivery over HTTP', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setup(script: (number | 'hang')[] = [], extra: Partial<Parameters<typeof createWebhookNotifier>[0]> = {}) {
    const clock = new VirtualClock({ start: START });
    const store = new FakeCompanyStore('9341457021722202', clock);
    const rx = await receiver(script);
    const notifier: WebhookNotifier = createWebhookNotifier({ clock, verifierToken: TOKEN, url: rx.url, format: 'legacy', coalesceMs: 50, ...extra });
    notifier.attach(store);
    cleanups.push(() => new Promise<void>((r) => rx.server.close(() => r())));
    cleanups.push(() => notifier.close());
    return { clock, store, rx, notifier };
  }

  it('gathers changes into one signed POST with Intuit headers', async () => {
    const { store, rx, notifier } = await setup();
    store.write('Customer', 'create', { DisplayName: 'New Co' });
    store.emitChange('Invoice', '130', 'Update');
    store.emitChange('Invoice', '130', 'Update'); // repeated within the window: sent once
    await notifier.idle();
    expect(rx.received).toHaveLength(1);
    const [{ headers, body }] = rx.received as [Received];
    expect(headers['intuit-signature']).toBe(signWebhookBody(body, TOKEN));
    expect(verifyWebhookSignature(body, String(headers['intuit-signature']), TOKEN)).toBe(true);
    expect(headers['content-type']).toBe('application/json; charset=utf-8');
    expect(headers['user-agent']).toBe('intuit_notification_server/0.1');
    expect(headers['intuit-notification-schema-version']).toBe('0.1');
    expect(headers['intuit-created-time']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0[78]00$/);
    const parsed = JSON.parse(body) as { eventNotifications: { realmId: string; dataChangeEvent: { entities: { name: string; id: string; operation: string }[] } }[] };
    expect(parsed.eventNotifications).toHaveLength(1);
    expect(parsed.eventNotifications[0]!.realmId).toBe('9341457021722202');
    expect(parsed.eventNotifications[0]!.dataChangeEvent.entities.map((e) => `${e.name}:${e.id}:${e.operation}`)).toEqual(['Customer:1000:Create', 'Invoice:130:Update']);
    const [log] = notifier.deliveries();
    expect(log).toMatchObject({ state: 'delivered', body, url: rx.url, attempts: [{ status: 200 }] });
    expect(headers['intuit-t-id']).toBe(log!.id);
  });

  it("retries non-2xx answers on Intuit's schedule in virtual time", async () => {
    const { clock, store, rx, notifier } = await setup([500, 503, 200]);
    store.emitChange('Customer', '1', 'Update');
    await waitFor(() => notifier.deliveries()[0]?.state === 'retrying');
    const first = notifier.deliveries()[0]!;
    expect(first.attempts).toEqual([{ at: expect.any(Number) as number, status: 500 }]);
    expect(first.nextAttemptAt! - first.attempts[0]!.at).toBe(10_000);
    clock.advance(10_000);
    await waitFor(() => notifier.deliveries()[0]!.attempts.length === 2);
    const second = notifier.deliveries()[0]!;
    expect(second.attempts[1]!.status).toBe(503);
    expect(second.attempts[1]!.at - second.attempts[0]!.at).toBeGreaterThanOrEqual(10_000);
    expect(second.nextAttemptAt! - second.attempts[1]!.at).toBe(20_000);
    // Not before the delay has passed.
    clock.advance(19_000);
    await new Promise((r) => setTimeout(r, 100));
    expect(rx.received).toHaveLength(2);
    clock.advance(1_000);
    await notifier.idle();
    expect(rx.received).toHaveLength(3);
    expect(notifier.deliveries()[0]!.state).toBe('delivered');
    // The same signed body is sent on every attempt.
    expect(new Set(rx.received.map((r) => r.body)).size).toBe(1);
  });

  it('treats a receiver slower than the ack timeout as a failure', async () => {
    const { clock, rx, store, notifier } = await setup(['hang', 200], { ackTimeoutMs: 200 });
    store.emitChange('Customer', '1', 'Update');
    await waitFor(() => notifier.deliveries()[0]?.state === 'retrying');
    expect(notifier.deliveries()[0]!.attempts[0]!.error).toContain('no response within 200 ms');
    clock.advance(10_000);
    await notifier.idle();
    expect(rx.received).toHaveLength(2);
    expect(notifier.deliveries()[0]!.state).toBe('delivered');
  });

  it('holds later notifications until the first is acknowledged', async () => {
    const { clock, store, rx, notifier } = await setup([500, 200, 200]);
    store.emitChange('Customer', '1', 'Update');
    await waitFor(() => notifier.deliveries()[0]?.state === 'retrying');
    store.emitChange('Customer', '2', 'Update');
    await waitFor(() => notifier.deliveries().length === 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(rx.received).toHaveLength(1);
    expect(notifier.deliveries()[1]!.state).toBe('pending');
    clock.advance(10_000);
    await notifier.idle();
    expect(rx.received.map((r) => (JSON.parse(r.body) as { eventNotifications: { dataChangeEvent: { entities: { id: string }[] } }[] }).eventNotifications[0]!.dataChangeEvent.entities[0]!.id)).toEqual(['1', '1', '2']);
  });

  it('follows the full retry schedule, then every 6 hours, and gives up after maxAttempts', async () => {
    const { clock, store, notifier } = await setup(Array(12).fill(500) as number[], { maxAttempts: 11 });
    store.emitChange('Customer', '1', 'Update');
    for (let i = 1; i < 11; i++) {
      await waitFor(() => notifier.deliveries()[0]?.attempts.length === i && notifier.deliveries()[0]?.state === 'retrying');
      const d = notifier.deliveries()[0]!;
      const expected = INTUIT_RETRY_SCHEDULE_MS[Math.min(i - 1, INTUIT_RETRY_SCHEDULE_MS.length - 1)]!;
      expect(d.nextAttemptAt! - d.attempts[i - 1]!.at).toBe(expected);
      clock.advance(expected);
    }
    await notifier.idle();
    const d = notifier.deliveries()[0]!;
    expect(d.attempts).toHaveLength(11);
    expect(d.state).toBe('abandoned');
    expect(INTUIT_RETRY_SCHEDULE_MS).toEqual([10_000, 20_000, 30_000, 300_000, 1_200_000, 7_200_000, 14_400_000, 21_600_000]);
  });

  it('retries on a scaled clock without manual advancing', async () => {
    const { clock, store, rx, notifier } = await setup([500, 200]);
    clock.setScale(200); // the 10 s retry takes 50 ms of real time
    store.emitChange('Customer', '1', 'Update');
    await notifier.idle();
    expect(rx.received).toHaveLength(2);
  });

  it('sends CloudEvents when configured, switching with setTarget', async () => {
    const { store, rx, notifier } = await setup();
    notifier.setTarget(rx.url, 'cloudevents');
    store.emitChange('Invoice', '155', 'Create');
    await notifier.idle();
    const body = JSON.parse(rx.received[0]!.body) as Record<string, unknown>[];
    expect(Array.isArray(body)).toBe(true);
    expect(body[0]).toMatchObject({ specversion: '1.0', type: 'qbo.invoice.created.v1', intuitentityid: '155', intuitaccountid: '9341457021722202' });
    expect(verifyWebhookSignature(rx.received[0]!.body, String(rx.received[0]!.headers['intuit-signature']), TOKEN)).toBe(true);
  });

  it('sends nothing without a target, and nothing after detach or close', async () => {
    const { store, rx, notifier } = await setup();
    notifier.setTarget(undefined);
    store.emitChange('Customer', '1', 'Update');
    await notifier.idle();
    notifier.setTarget(rx.url);
    const other = new FakeCompanyStore('42', new VirtualClock({ start: START }));
    const detach = notifier.attach(other);
    detach();
    other.emitChange('Customer', '2', 'Update');
    await notifier.close();
    store.emitChange('Customer', '3', 'Update');
    await new Promise((r) => setTimeout(r, 100));
    expect(rx.received).toHaveLength(0);
    expect(notifier.deliveries()).toHaveLength(0);
  });

  it('clear() drops queued retries and the log', async () => {
    const { store, notifier } = await setup([500]);
    store.emitChange('Customer', '1', 'Update');
    await waitFor(() => notifier.deliveries()[0]?.state === 'retrying');
    notifier.clear();
    await notifier.idle();
    expect(notifier.deliveries()).toEqual([]);
  });
});

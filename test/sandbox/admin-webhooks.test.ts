/**
 * Admin API for webhooks, over real HTTP: point the sandbox at a local receiver, make a change as a
 * QBO user, and see a signed notification arrive and show up in the delivery log; failures retried on
 * the virtual clock; no target means nothing is sent; bad input is refused and changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signWebhookBody } from '../../src/sandbox/webhooks/webhook.signature.js';
import { startAdminHarness, startReceiver, waitFor, type AdminHarness, type Receiver } from './admin-harness.js';

interface TargetView {
  url: string | null;
  format: 'legacy' | 'cloudevents';
  verifierToken: string;
}
interface DeliveryView {
  id: string;
  format: string;
  realmIds: string[];
  body: string;
  signature: string;
  url?: string;
  state: 'pending' | 'delivered' | 'retrying' | 'abandoned';
  attempts: { at: number; status?: number; error?: string }[];
  nextAttemptAt?: number;
}
type WebhooksView = TargetView & { counts: Record<DeliveryView['state'], number>; deliveries: DeliveryView[] };
type Legacy = { eventNotifications: { realmId: string; dataChangeEvent: { entities: { name: string; id: string; operation: string }[] } }[] };

let h: AdminHarness;
let rx: Receiver;
let realmId: string;
let customerIds: string[];

beforeEach(async () => {
  // A short gathering window keeps the tests quick; the URL is left unset so only the admin API sets it.
  h = await startAdminHarness({ webhooks: { coalesceMs: 50 } });
  rx = await startReceiver();
  const info = await h.admin<{ companies: { realmId: string; country: string }[] }>('GET', '/info');
  realmId = info.body.companies.find((c) => c.country === 'AU')!.realmId;
  const customers = await h.admin<{ records: { Id: string }[] }>('GET', `/entities/${realmId}/customer`);
  customerIds = customers.body.records.map((r) => r.Id);
  expect(customerIds.length).toBeGreaterThanOrEqual(2);
});
afterEach(async () => {
  await h.close();
  await rx.close();
});

const webhooks = async () => (await h.admin<WebhooksView>('GET', '/webhooks')).body;

async function rename(customerId: string, displayName: string): Promise<void> {
  const res = await h.admin('POST', `/act/${realmId}/rename-customer`, { customerId, displayName });
  expect(res.status).toBe(200);
}

describe('GET/PUT/DELETE /_sandbox/webhooks', () => {
  it('starts with no target, the demo verifier token and an empty log', async () => {
    const info = await h.admin<{ app: { webhookVerifierToken: string } }>('GET', '/info');
    expect(await webhooks()).toEqual({
      url: null,
      format: 'legacy',
      verifierToken: info.body.app.webhookVerifierToken,
      counts: { pending: 0, delivered: 0, retrying: 0, abandoned: 0 },
      deliveries: [],
    });
  });

  it('delivers a signed legacy notification for a QBO-side rename and logs it', async () => {
    const put = await h.admin<TargetView>('PUT', '/webhooks', { url: rx.url, format: 'legacy' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ url: rx.url, format: 'legacy' });
    const { verifierToken } = put.body;

    await rename(customerIds[0]!, 'Renamed By Bookkeeper');
    await waitFor(() => rx.received.length === 1, 'the notification');
    const [{ headers, body }] = rx.received as [(typeof rx.received)[number]];
    // Signed with the token the admin API reports, over the exact bytes received.
    expect(headers['intuit-signature']).toBe(signWebhookBody(body, verifierToken));
    const payload = JSON.parse(body) as Legacy;
    expect(payload.eventNotifications).toHaveLength(1);
    expect(payload.eventNotifications[0]!.realmId).toBe(realmId);
    expect(payload.eventNotifications[0]!.dataChangeEvent.entities).toEqual([expect.objectContaining({ name: 'Customer', id: customerIds[0], operation: 'Update' })]);

    await waitFor(async () => (await webhooks()).counts.delivered === 1, 'the log to show it delivered');
    const view = await webhooks();
    expect(view.deliveries).toHaveLength(1);
    const d = view.deliveries[0]!;
    expect(d).toMatchObject({ id: headers['intuit-t-id'], format: 'legacy', realmIds: [realmId], url: rx.url, state: 'delivered', body, signature: headers['intuit-signature'] });
    expect(d.attempts).toEqual([{ at: expect.any(Number) as number, status: 200 }]);
  });

  it('switches to CloudEvents (the default when format is omitted)', async () => {
    const put = await h.admin<TargetView>('PUT', '/webhooks', { url: rx.url });
    expect(put.body.format).toBe('cloudevents');
    await rename(customerIds[0]!, 'Cloud Renamed');
    await waitFor(() => rx.received.length === 1, 'the notification');
    const events = JSON.parse(rx.received[0]!.body) as Record<string, unknown>[];
    expect(Array.isArray(events)).toBe(true);
    expect(events).toContainEqual(expect.objectContaining({ specversion: '1.0', type: 'qbo.customer.updated.v1', intuitentityid: customerIds[0], intuitaccountid: realmId }));
    expect(rx.received[0]!.headers['intuit-signature']).toBe(signWebhookBody(rx.received[0]!.body, put.body.verifierToken));
  });

  it('shows a failed attempt as retrying, then delivered after the clock passes the 10 s retry', async () => {
    await h.admin('PUT', '/webhooks', { url: rx.url, format: 'legacy' });
    rx.script.push(500);
    await rename(customerIds[0]!, 'Retry Me');
    await waitFor(async () => (await webhooks()).counts.retrying === 1, 'the delivery to be retrying');
    let d = (await webhooks()).deliveries[0]!;
    expect(d.attempts.map((a) => a.status)).toEqual([500]);
    expect(d.nextAttemptAt).toBe(d.attempts[0]!.at + 10_000);
    expect(rx.received).toHaveLength(1);

    await h.admin('POST', '/clock', { advanceMs: 10_000 });
    await waitFor(async () => (await webhooks()).counts.delivered === 1, 'the retry to be delivered');
    d = (await webhooks()).deliveries[0]!;
    expect(d.attempts.map((a) => a.status)).toEqual([500, 200]);
    expect(d).not.toHaveProperty('nextAttemptAt');
    expect(rx.received.map((r) => r.body)).toEqual([rx.received[0]!.body, rx.received[0]!.body]);
  });

  it('DELETE removes the target: a change made meanwhile is never delivered', async () => {
    await h.admin('PUT', '/webhooks', { url: rx.url, format: 'legacy' });
    const del = await h.admin<TargetView>('DELETE', '/webhooks');
    expect(del.status).toBe(200);
    expect(del.body.url).toBeNull();
    expect((await webhooks()).url).toBeNull();

    await rename(customerIds[0]!, 'Unseen Rename');
    // Wait longer than the gathering window, then send a marker change through a new target: if the
    // first change had been kept, it would arrive first or ride along in the same notification.
    await new Promise((r) => setTimeout(r, 200));
    await h.admin('PUT', '/webhooks', { url: rx.url, format: 'legacy' });
    await rename(customerIds[1]!, 'Marker Rename');
    await waitFor(() => rx.received.length >= 1, 'the marker notification');
    await new Promise((r) => setTimeout(r, 100));
    expect(rx.received).toHaveLength(1);
    const ids = (JSON.parse(rx.received[0]!.body) as Legacy).eventNotifications.flatMap((n) => n.dataChangeEvent.entities.map((e) => e.id));
    expect(ids).toEqual([customerIds[1]]);
    const view = await webhooks();
    expect(view.deliveries).toHaveLength(1);
  });

  it('refuses bad input with 400 naming the field, and keeps the current target', async () => {
    await h.admin('PUT', '/webhooks', { url: rx.url, format: 'legacy' });
    const cases: [unknown, RegExp][] = [
      [{}, /\burl\b.*required/],
      [{ url: 'not a url' }, /\burl\b.*absolute/],
      [{ url: '/relative/path' }, /\burl\b.*absolute/],
      [{ url: 'ftp://127.0.0.1/x' }, /\burl\b.*http/],
      [{ url: 42 }, /\burl\b/],
      [{ url: rx.url, format: 'xml' }, /\bformat\b.*legacy, cloudevents/],
      [{ uri: rx.url }, /unknown field uri/],
      [[rx.url], /body must be a JSON object/],
    ];
    for (const [body, message] of cases) {
      const res = await h.admin<{ error: string; message: string }>('PUT', '/webhooks', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toBe('bad_request');
      expect(res.body.message, JSON.stringify(body)).toMatch(message);
    }
    const malformed = await h.admin<{ message: string }>('PUT', '/webhooks', undefined, '{"url":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toMatch(/valid JSON/);
    expect(await webhooks()).toMatchObject({ url: rx.url, format: 'legacy' });
  });

  it('reset clears the log and restores the target the sandbox was created with', async () => {
    await h.admin('PUT', '/webhooks', { url: rx.url, format: 'cloudevents' });
    await rename(customerIds[0]!, 'Before Reset');
    await waitFor(async () => (await webhooks()).counts.delivered === 1, 'a delivery');
    expect((await h.admin('POST', '/reset')).status).toBe(200);
    expect(await webhooks()).toMatchObject({ url: null, format: 'legacy', deliveries: [] });
  });
});

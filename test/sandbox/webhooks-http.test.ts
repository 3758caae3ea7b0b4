// Webhooks end to end: a write through node-quickbooks reaches a local receiver as a signed
// notification; failures are retried on Intuit's schedule in virtual time.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../src/sandbox/webhooks/webhook.signature.js';
import { startSandboxClient, type SandboxClient } from './query-http.helper.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

const received: Received[] = [];
const script: number[] = [];
let server: Server;
let receiverUrl: string;
let c: SandboxClient;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (b: Buffer) => chunks.push(b));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = script.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/quickbooks`;
  c = await startSandboxClient({ limits: false, webhooks: { url: receiverUrl, format: 'legacy', coalesceMs: 50 } });
});
afterAll(async () => {
  await c.close();
  await new Promise<void>((r) => server.close(() => r()));
});

async function waitFor(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

type Legacy = { eventNotifications: { realmId: string; dataChangeEvent: { entities: { name: string; id: string; operation: string; lastUpdated: string }[] } }[] };

describe('webhooks from the running sandbox', () => {
  it('delivers a signed legacy notification for a customer created through the API', async () => {
    received.length = 0;
    const customer = await c.call<{ Id: string }>('createCustomer', { DisplayName: 'Webhook Co' });
    await c.sandbox.state.webhooks.idle();
    expect(received).toHaveLength(1);
    const [{ headers, body }] = received as [Received];
    expect(verifyWebhookSignature(body, String(headers['intuit-signature']), c.sandbox.info().app.webhookVerifierToken)).toBe(true);
    const payload = JSON.parse(body) as Legacy;
    expect(payload.eventNotifications[0]!.realmId).toBe(c.realmId);
    expect(payload.eventNotifications[0]!.dataChangeEvent.entities).toContainEqual(expect.objectContaining({ name: 'Customer', id: customer.Id, operation: 'Create' }));
  });

  it('retries a failed delivery after 10 virtual seconds, resending the same signed body', async () => {
    received.length = 0;
    script.push(500);
    await c.call('createCustomer', { DisplayName: 'Retry Co' });
    await waitFor(() => c.sandbox.state.webhooks.deliveries().at(-1)?.state === 'retrying');
    expect(received).toHaveLength(1);
    c.sandbox.clock.advance(10_000);
    await c.sandbox.state.webhooks.idle();
    expect(received).toHaveLength(2);
    expect(received[1]!.body).toBe(received[0]!.body);
    expect(received[1]!.headers['intuit-signature']).toBe(received[0]!.headers['intuit-signature']);
    const last = c.sandbox.state.webhooks.deliveries().at(-1)!;
    expect(last.attempts.map((a) => a.status)).toEqual([500, 200]);
    c.renewToken();
  });

  it('switches to CloudEvents', async () => {
    received.length = 0;
    c.sandbox.state.webhooks.setTarget(receiverUrl, 'cloudevents');
    try {
      const vendor = await c.call<{ Id: string }>('createVendor', { DisplayName: 'CloudEvents Vendor' });
      await c.sandbox.state.webhooks.idle();
      const events = JSON.parse(received[0]!.body) as Record<string, unknown>[];
      expect(events).toContainEqual(expect.objectContaining({ specversion: '1.0', type: 'qbo.vendor.created.v1', intuitentityid: vendor.Id, intuitaccountid: c.realmId }));
    } finally {
      c.sandbox.state.webhooks.setTarget(receiverUrl, 'legacy');
    }
  });
});

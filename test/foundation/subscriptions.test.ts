/** Subscriptions over a real graphql-ws WebSocket on the same /graphql path. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeartbeatDocument } from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { collect, wsClient } from '../helpers/graphql-client.js';

let gw: TestGateway;
let key: string;
let tenantId: string;

beforeAll(async () => {
  gw = await startTestGateway('subscriptions');
  const created = await gw.app.services.tenants.createTenant('Acme Plumbing');
  key = created.apiKey;
  tenantId = created.tenant.id;
});
afterAll(async () => {
  await gw?.close();
});

describe('graphql-ws', () => {
  it('streams events to an authenticated client', async () => {
    const client = wsClient(gw.wsUrl, key);
    const { events, error } = await collect(client, HeartbeatDocument, { count: 3, intervalMs: 20 });
    await client.dispose();
    expect(error).toBeUndefined();
    expect(events.map((e) => e.data?.heartbeat.sequence)).toEqual([1, 2, 3]);
    expect(events.every((e) => e.data?.heartbeat.tenantId === tenantId)).toBe(true);
  });

  it('closes the socket with 4403 when the key is missing or wrong', async () => {
    for (const badKey of [undefined, 'fbk_not-a-real-key-at-all-xxxxxxxx']) {
      const client = wsClient(gw.wsUrl, badKey);
      const { events, error } = await collect(client, HeartbeatDocument, { count: 1, intervalMs: 10 });
      await client.dispose();
      expect(events).toEqual([]);
      expect((error as { code?: number }).code).toBe(4403);
    }
  });

  it('validates arguments and reports BAD_USER_INPUT', async () => {
    const client = wsClient(gw.wsUrl, key);
    const { events, error } = await collect(client, HeartbeatDocument, { count: 0, intervalMs: 20 });
    await client.dispose();
    const errors = (error as { extensions?: { code?: string } }[] | undefined) ?? events[0]?.errors;
    expect(JSON.stringify(errors)).toContain('count must be between 1 and 1000');
  });

  it('applies the same operation limits as HTTP', async () => {
    const client = wsClient(gw.wsUrl, key);
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: heartbeat(count: 1, intervalMs: 10) { sequence }`).join(' ');
    const result = await new Promise<unknown>((resolve) => {
      client.subscribe({ query: `subscription { ${aliases} }` }, { next: resolve, error: resolve, complete: () => resolve('complete') });
    });
    await client.dispose();
    expect(JSON.stringify(result)).toMatch(/alias/i);
  });
});

/**
 * Issue #16: several gateway instances are one gateway through Redis (REDIS_URL).
 *
 * Three built gateway processes (A, B, C) share one database, one Redis and one QBO simulator (in
 * this test's process). A subscriber whose WebSocket is on B sees the progress of a run started and
 * executed on A; a subscriber on C sees the connection made through A; a key revoked through A
 * closes its sockets on B and C within 2 s. Every instance's periodic key re-check is set to a
 * minute, so only the revocation announced through Redis can close those sockets in time, and
 * without Redis (each process its own pubsub) B and C would see no event at all.
 */
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  ConnectionChangedDocument,
  CreateApiKeyDocument,
  RevokeApiKeyDocument,
  StartSyncDocument,
  SyncProgressDocument,
  UpsertCustomerDocument,
  UpsertInvoiceDocument,
} from '../generated/graphql.js';
import { gql } from '../helpers/graphql-client.js';
import { type Instance, ScaleCluster } from '../helpers/scale-cluster.js';
import { type RawGraphqlSocket, type WsMessage } from '../helpers/ws-raw.js';

const DEMO_KEY = 'fbk_scale-instances-test-key-0123456789';

const cluster = new ScaleCluster(inject, {
  apiKey: DEMO_KEY,
  database: 'scale_instances',
  env: {
    // Runs execute where they are started; no CDC traffic.
    FIELDBOOKS_SYNC_WORKER: 'false',
    FIELDBOOKS_CDC_INTERVAL_SECONDS: '0',
    // The database re-check would close revoked sockets within a second by itself: a minute here.
    FIELDBOOKS_WS_KEY_CHECK_MS: '60000',
  },
});
let a: Instance;
let b: Instance;
let c: Instance;
const socketOn = (instance: Instance, key?: string) => cluster.socketOn(instance, key);
const subscribedInRedis = (topic: string, count: number) => cluster.subscribedInRedis(topic, count);

function data<T>(message: WsMessage): T {
  return (message.payload as { data: T }).data;
}

beforeAll(async () => {
  await cluster.open();
  // One at a time: the first creates the demo tenant, the others find it.
  a = await cluster.start('A');
  b = await cluster.start('B');
  c = await cluster.start('C');
}, 180_000);

afterAll(() => cluster.close());

describe('three instances on one database and one Redis', () => {
  it('a subscriber on C sees QuickBooks connected through A, and one on B the progress of a run executed on A', async () => {
    const onC = await socketOn(c);
    onC.send({ id: 'conn', type: 'subscribe', payload: { query: print(ConnectionChangedDocument) } });
    await subscribedInRedis('QUICKBOOKS_CONNECTION_CHANGED', 1);

    const realmId = cluster.auRealmId;
    const company = cluster.sandbox.info().companies.find((co) => co.realmId === realmId)!;
    await cluster.connect(a, DEMO_KEY, realmId);
    const connected = await onC.next((m) => m.id === 'conn' && data<{ quickBooksConnectionChanged: { status: string } }>(m).quickBooksConnectionChanged.status === 'CONNECTED');
    expect(data<{ quickBooksConnectionChanged: { companyName: string } }>(connected).quickBooksConnectionChanged.companyName).toBe(company.name);

    // Something to push: a customer and 12 invoices (the demo business too).
    expect((await gql(a.http, UpsertCustomerDocument, { input: { externalId: 'c-scale', displayName: 'Scale Out Dental' } }, DEMO_KEY)).errors).toBeUndefined();
    for (let n = 1; n <= 12; n++) {
      const input = {
        externalId: `inv-scale-${n}`,
        customerExternalId: 'c-scale',
        number: `S-${1000 + n}`,
        date: '2026-03-02',
        currency: 'AUD',
        lines: [{ lineId: 'l1', kind: 'LABOUR' as const, description: 'Labour', quantity: '1', unitPrice: '100.00', amount: '100.00', taxCode: 'GST' }],
        subtotal: '100.00',
        totalTax: '10.00',
        total: '110.00',
      };
      expect((await gql(a.http, UpsertInvoiceDocument, { input }, DEMO_KEY)).errors).toBeUndefined();
    }

    const onB = await socketOn(b);
    onB.send({ id: 'progress', type: 'subscribe', payload: { query: print(SyncProgressDocument), variables: {} } });
    await subscribedInRedis('SYNC_PROGRESS', 1);

    const started = await gql(a.http, StartSyncDocument, { input: {} }, DEMO_KEY);
    expect(started.errors).toBeUndefined();
    const runId = started.data!.startSync.id;
    type Progress = { syncProgress: { runId: string; status: string; final: boolean; total: number; processed: number; succeeded: number } };
    const final = await onB.next((m) => m.id === 'progress' && m.type === 'next' && data<Progress>(m).syncProgress.final, 60_000);
    const last = data<Progress>(final).syncProgress;
    expect(last.runId).toBe(runId);
    expect(last.status).toBe('SUCCEEDED');
    expect(last.succeeded).toBeGreaterThanOrEqual(13);
    const events = onB.messages.filter((m) => m.id === 'progress' && m.type === 'next').map((m) => data<Progress>(m).syncProgress);
    expect(events.every((e) => e.runId === runId)).toBe(true);
    expect(events.length).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it('closes the sockets of a key revoked through A on B and C within 2 s', async () => {
    const created = await gql(a.http, CreateApiKeyDocument, { label: 'revoked-across-instances' }, DEMO_KEY);
    expect(created.errors).toBeUndefined();
    const { secret } = created.data!.createApiKey;
    const onB = await socketOn(b, secret);
    const onC = await socketOn(c, secret);
    const kept = await socketOn(c); // another key's socket stays open
    for (const socket of [onB, onC]) expect((await socket.run('hb', 'subscription { heartbeat(count: 1000, intervalMs: 200) { sequence } }')).type).toBe('next');
    await subscribedInRedis('API_KEYS_REVOKED', 3);

    expect((await gql(a.http, RevokeApiKeyDocument, { id: created.data!.createApiKey.apiKey.id }, DEMO_KEY)).errors).toBeUndefined();
    const revokedAt = Date.now();
    const within2s = (socket: RawGraphqlSocket) => Promise.race([socket.closed, new Promise<'open'>((r) => setTimeout(() => r('open'), 2000))]);
    const [closedB, closedC] = await Promise.all([within2s(onB), within2s(onC)]);
    expect(closedB, 'socket on B').toEqual({ code: 4403, reason: 'API key revoked' });
    expect(closedC, 'socket on C').toEqual({ code: 4403, reason: 'API key revoked' });
    expect(Date.now() - revokedAt).toBeLessThan(2000);
    expect((await kept.run('v', '{ viewer { tenant { name } } }')).type).toBe('next');
  }, 60_000);
});

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
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { print } from 'graphql';
import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../src/sandbox/sandbox.js';
import {
  ConnectionChangedDocument,
  CreateApiKeyDocument,
  RevokeApiKeyDocument,
  StartSyncDocument,
  SyncProgressDocument,
  UpsertCustomerDocument,
  UpsertInvoiceDocument,
} from '../generated/graphql.js';
import { chooseAustralianAccounts } from '../helpers/accounting-setup.js';
import { builtMain, freePort, type GatewayProcess, killGatewayProcess, startGatewayProcess } from '../helpers/gateway-process.js';
import { gql } from '../helpers/graphql-client.js';
import { TestBrowser } from '../helpers/quickbooks.js';
import { requireTestRedis } from '../helpers/redis-server.js';
import { openAuthenticatedSocket, type RawGraphqlSocket, type WsMessage } from '../helpers/ws-raw.js';
import { authorizeInBrowser } from '../sandbox/oauth-harness.js';

const DEMO_KEY = 'fbk_scale-instances-test-key-0123456789';
const mongoDb = `scale_instances_${randomBytes(4).toString('hex')}`;
const prefix = `test-${randomBytes(4).toString('hex')}:`;

interface Instance {
  name: string;
  process: GatewayProcess;
  url: string;
  http: string;
  ws: string;
}

let redisUrl: string;
let redis: Redis;
let sandbox: Sandbox;
let sandboxUrl: string;
let dataDir: string;
let a: Instance;
let b: Instance;
let c: Instance;
const sockets: RawGraphqlSocket[] = [];

async function startInstance(name: string): Promise<Instance> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  sandbox.oauth.addRedirectUri(sandbox.oauth.demoApp.clientId, `${url}/oauth/callback`);
  const process = await startGatewayProcess(
    { port, mongoUri: `${inject('mongoUri')}${mongoDb}`, dataDir, apiKey: DEMO_KEY, sandboxUrl },
    {
      REDIS_URL: redisUrl,
      FIELDBOOKS_REDIS_PREFIX: prefix,
      // Runs execute where they are started; no CDC traffic.
      FIELDBOOKS_SYNC_WORKER: 'false',
      FIELDBOOKS_CDC_INTERVAL_SECONDS: '0',
      // The database re-check would close revoked sockets within a second by itself: a minute here.
      FIELDBOOKS_WS_KEY_CHECK_MS: '60000',
    },
  );
  return { name, process, url, http: `${url}/graphql`, ws: `ws://127.0.0.1:${port}/graphql` };
}

async function socketOn(instance: Instance, key = DEMO_KEY): Promise<RawGraphqlSocket> {
  const socket = await openAuthenticatedSocket(instance.ws, key);
  sockets.push(socket);
  return socket;
}

/** Redis has `count` subscribers (one per instance listening) on the topic's channel. */
async function subscribedInRedis(topic: string, count: number): Promise<void> {
  const channel = `${prefix}events:${topic}`;
  const until = Date.now() + 10_000;
  for (;;) {
    const [, n] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
    if (Number(n) >= count) return;
    if (Date.now() > until) throw new Error(`only ${n} instance(s) subscribed to ${channel}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function data<T>(message: WsMessage): T {
  return (message.payload as { data: T }).data;
}

beforeAll(async () => {
  expect(existsSync(builtMain), 'dist/ is missing: run `npm run build`').toBe(true);
  redisUrl = requireTestRedis(inject);
  redis = new Redis(redisUrl);
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'fieldbooks-scale-'));
  sandbox = createSandbox({ limits: false });
  sandboxUrl = (await sandbox.listen(0, '127.0.0.1')).url;
  // One at a time: the first creates the demo tenant, the others find it.
  a = await startInstance('A');
  b = await startInstance('B');
  c = await startInstance('C');
}, 180_000);

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await Promise.all([a, b, c].map((i) => killGatewayProcess(i?.process)));
  const db = await mongoose.createConnection(`${inject('mongoUri')}${mongoDb}`).asPromise();
  await db.dropDatabase().catch(() => {});
  await db.close();
  await sandbox?.close();
  redis?.disconnect();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('three instances on one database and one Redis', () => {
  it('a subscriber on C sees QuickBooks connected through A, and one on B the progress of a run executed on A', async () => {
    const onC = await socketOn(c);
    onC.send({ id: 'conn', type: 'subscribe', payload: { query: print(ConnectionChangedDocument) } });
    await subscribedInRedis('QUICKBOOKS_CONNECTION_CHANGED', 1);

    const browser = new TestBrowser();
    const company = sandbox.info().companies.find((co) => co.country === 'AU')!;
    const realmId = company.realmId;
    const { callbackUrl } = await authorizeInBrowser(await browser.startConnect(a.http, DEMO_KEY), { button: 'connect', realmId });
    expect((await browser.fetch(callbackUrl)).status).toBe(200);
    const connected = await onC.next((m) => m.id === 'conn' && data<{ quickBooksConnectionChanged: { status: string } }>(m).quickBooksConnectionChanged.status === 'CONNECTED');
    expect(data<{ quickBooksConnectionChanged: { companyName: string } }>(connected).quickBooksConnectionChanged.companyName).toBe(company.name);

    // Something to push: a customer and 12 invoices (the demo business too).
    for (let i = 0; i < 50; i++) {
      try {
        await chooseAustralianAccounts(a.http, DEMO_KEY);
        break;
      } catch (error) {
        if (i === 49) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
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

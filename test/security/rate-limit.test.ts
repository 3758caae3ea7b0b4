/**
 * Issue #11 item 8: rate limits per API key, per client address and on failed authentications,
 * held across two built gateway processes on one database, over HTTP (429 + Retry-After) and
 * WebSocket (RATE_LIMITED with retryAfter; a refused connection closes with 4429).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../../src/config/config.js';
import { openDatabase } from '../../src/persistence/database.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/sandbox.js';
import { TenantRepository } from '../../src/persistence/tenancy/tenant.repository.js';
import { TenantService } from '../../src/tenancy/tenant.service.js';
import { ViewerDocument } from '../generated/graphql.js';
import { freePort, type GatewayProcess, killGatewayProcess, startGatewayProcess } from '../helpers/gateway-process.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { wsClient } from '../helpers/graphql-client.js';

const KEY = `fbk_rate-limit-test-${randomBytes(8).toString('hex')}`;
const dbName = `rate_limit_${randomBytes(4).toString('hex')}`;
let sandbox: Sandbox;
let dataDir: string;
const processes: GatewayProcess[] = [];
const urls: string[] = [];
let otherKey: string;

beforeAll(async () => {
  sandbox = createSandbox();
  const sandboxUrl = (await sandbox.listen(0)).url;
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'fieldbooks-rate-'));
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    processes.push(
      await startGatewayProcess({ port, mongoUri: `${inject('mongoUri')}${dbName}`, dataDir, apiKey: KEY, sandboxUrl }, {
        FIELDBOOKS_RATE_LIMIT_PER_KEY: '4',
        FIELDBOOKS_RATE_LIMIT_PER_ADDRESS: '1000',
        FIELDBOOKS_AUTH_FAILURE_LIMIT: '3',
        FIELDBOOKS_SYNC_WORKER: 'false',
        FIELDBOOKS_CDC_INTERVAL_SECONDS: '0',
      }),
    );
    urls.push(`http://127.0.0.1:${port}`);
  }
  // A second tenant's key, written straight to the shared database.
  const database = await openDatabase(loadConfig({}, { MONGODB_URI: inject('mongoUri') }), () => {}, { dbName });
  try {
    otherKey = (await new TenantService(new TenantRepository(database.connection)).createTenant('Other Co')).apiKey;
  } finally {
    await database.close();
  }
}, 120_000);
afterAll(async () => {
  for (const child of processes) await killGatewayProcess(child);
  await sandbox?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function post(url: string, key: string): Promise<Response> {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: '{ viewer { tenant { name } } }' }),
  });
}

describe('rate limits across two gateway processes', () => {
  it('per API key: the fifth operation in a minute, on either process, gets 429 with Retry-After; another key is unaffected', async () => {
    for (const url of [urls[0]!, urls[1]!, urls[0]!, urls[1]!]) expect((await post(url, KEY)).status).toBe(200);
    const refused = await post(urls[0]!, KEY);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await refused.json()) as { errors: { message: string; extensions: unknown }[] };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]!.message).toMatch(/Too many requests for this API key: try again in \d+ s\./);
    expect(body.errors[0]!.extensions).toEqual({ code: 'RATE_LIMITED', retryAfter });
    expect((await post(urls[1]!, KEY)).status).toBe(429);
    expect((await post(urls[1]!, otherKey)).status).toBe(200);
  });

  it('per API key over WebSocket: the operation ends with RATE_LIMITED and retryAfter', async () => {
    const client = wsClient(`${urls[1]!.replace('http', 'ws')}/graphql`, KEY);
    try {
      const error = await new Promise<unknown>((resolve) => {
        client.subscribe({ query: print(ViewerDocument) }, { next: () => resolve('unexpected data'), error: resolve, complete: () => resolve('completed') });
      });
      const errors = error as { message: string; extensions: { code: string; retryAfter: number } }[];
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toMatch(/Too many requests for this API key/);
      expect(errors[0]!.extensions.code).toBe('RATE_LIMITED');
      expect(errors[0]!.extensions.retryAfter).toBeGreaterThanOrEqual(1);
    } finally {
      await client.dispose();
    }
  });

  it('failed authentications: after three refused keys from an address, it is refused (429), valid key or not, on both transports', async () => {
    for (const url of [urls[0]!, urls[1]!, urls[0]!]) expect((await post(url, 'fbk_wrong-key-0123456789abcdef')).status).toBe(401);
    const refused = await post(urls[1]!, otherKey);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60); // the 15-minute window
    expect(((await refused.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/Too many failed authentications/);

    const socket = new WebSocket(`${urls[0]!.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((r) => socket.once('open', r));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${otherKey}` } }));
    const closed = await new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    expect(closed.code).toBe(4429);
    expect(closed.reason).toMatch(/Too many failed authentications/);
  });
});

describe('rate limit per client address', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway('rate_limit_address', { FIELDBOOKS_RATE_LIMIT_PER_ADDRESS: '3' });
  });
  afterAll(async () => {
    await gw?.close();
  });

  it('counts every key from one address together', async () => {
    const keys = await Promise.all(['A Co', 'B Co', 'C Co', 'D Co'].map(async (name) => (await gw.app.services.tenants.createTenant(name)).apiKey));
    for (const key of keys.slice(0, 3)) expect((await post(gw.url, key)).status).toBe(200);
    const refused = await post(gw.url, keys[3]!);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/Too many requests from this address/);
  });
});

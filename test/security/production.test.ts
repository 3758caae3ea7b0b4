/**
 * Issue #11 items 3, 4 and (in production) 10 and 13, against the built gateway process started with
 * NODE_ENV=production: what it refuses to start without, and what a production process answers over
 * HTTP and WebSocket.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_APP } from '../../src/sandbox/oauth/app.registry.js';
import { TenantRepository } from '../../src/persistence/tenancy/tenant.repository.js';
import { TenantService } from '../../src/tenancy/tenant.service.js';
import { expectedSignature } from '../../src/providers/quickbooks/webhooks/webhook.signature.js';
import { builtMain, freePort, type GatewayProcess, killGatewayProcess, repoRoot, startGatewayProcess } from '../helpers/gateway-process.js';
import { rawRequest } from '../helpers/http-raw.js';
import { openAuthenticatedSocket } from '../helpers/ws-raw.js';

const mongoDb = `security_prod_${randomBytes(4).toString('hex')}`;
const VERIFIER_TOKEN = 'a-verifier-token-only-this-operator-knows';
const PRODUCTION = {
  NODE_ENV: 'production',
  QBO_CLIENT_ID: 'ABprodClientId0123456789',
  QBO_CLIENT_SECRET: 'prodClientSecret0123456789',
  QBO_REDIRECT_URI: 'https://fieldbooks.example.com/oauth/callback',
  QBO_WEBHOOK_VERIFIER_TOKEN: VERIFIER_TOKEN,
  FIELDBOOKS_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
};

let gateway: GatewayProcess;
let banner = '';
let base: string;
let wsUrl: string;
let simulatorPort: number;
let apiKey: string;
let dataDir: string;
let db: mongoose.Connection;

/** The environment of this process without anything that configures fieldbooks. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(NODE_ENV|HOST|PORT|PUBLIC_URL|MONGODB_|FIELDBOOKS_|QBO_|LOG_LEVEL)/.test(k)) env[k] = v;
  return { ...env, LOG_LEVEL: 'error', ...extra };
}

/** Starts the built gateway expecting it to refuse: resolves with its exit code and output. */
function startExpectingRefusal(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [builtMain], { cwd: repoRoot, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

beforeAll(async () => {
  expect(existsSync(builtMain), 'dist/ is missing: run `npm run build`').toBe(true);
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'fieldbooks-security-prod-'));
  db = await mongoose.createConnection(`${inject('mongoUri')}${mongoDb}`).asPromise();
  const tenants = new TenantService(new TenantRepository(db));
  await tenants.ensureIndexes();
  apiKey = (await tenants.createTenant('Production Plumbing')).apiKey;
  const port = await freePort();
  simulatorPort = await freePort();
  gateway = await startGatewayProcess(
    { port, mongoUri: `${inject('mongoUri')}${mongoDb}`, dataDir, apiKey: 'unused-in-production-0123456789', sandboxUrl: '' },
    { ...PRODUCTION, FIELDBOOKS_DEMO: '', QBO_SANDBOX_URL: '', QBO_SANDBOX_PORT: String(simulatorPort), FIELDBOOKS_SYNC_WORKER: 'false', FIELDBOOKS_CDC_INTERVAL_SECONDS: '0' },
  );
  gateway.stdout.on('data', (c: Buffer) => (banner += c.toString()));
  base = `http://127.0.0.1:${port}`;
  wsUrl = `ws://127.0.0.1:${port}/graphql`;
});

afterAll(async () => {
  await killGatewayProcess(gateway);
  await db?.dropDatabase().catch(() => {});
  await db?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function graphql(query: string) {
  return rawRequest(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body: JSON.stringify({ query }) });
}

describe('item 4: production never runs on the simulator', () => {
  it('refuses to start without Intuit credentials, a webhook verifier token and an encryption key, naming each', async () => {
    const { code, output } = await startExpectingRefusal({ NODE_ENV: 'production', PORT: '0', MONGODB_URI: `${inject('mongoUri')}${mongoDb}`, FIELDBOOKS_DATA_DIR: dataDir });
    expect(code).toBe(78);
    for (const variable of ['QBO_CLIENT_ID', 'QBO_CLIENT_SECRET', 'QBO_REDIRECT_URI', 'QBO_WEBHOOK_VERIFIER_TOKEN', 'FIELDBOOKS_ENCRYPTION_KEY']) {
      expect(output).toMatch(new RegExp(`${variable}: is required in production`));
    }
    expect(output).not.toMatch(/fieldbooks is ready|simulator/i);
  });

  it('refuses the demo tenant and a simulator URL in production', async () => {
    const { code, output } = await startExpectingRefusal({ ...PRODUCTION, PORT: '0', FIELDBOOKS_DEMO: 'true', QBO_SANDBOX_URL: 'http://127.0.0.1:4010', MONGODB_URI: `${inject('mongoUri')}${mongoDb}` });
    expect(code).toBe(78);
    expect(output).toMatch(/FIELDBOOKS_DEMO: must not be true in production/);
    expect(output).toMatch(/QBO_SANDBOX_URL: must not be set in production/);
  });

  it('refuses to start on a non-loopback HOST when NODE_ENV is forgotten', async () => {
    const { code, output } = await startExpectingRefusal({ HOST: '0.0.0.0', PORT: '0', MONGODB_URI: `${inject('mongoUri')}${mongoDb}`, FIELDBOOKS_DATA_DIR: dataDir });
    expect(code).toBe(78);
    expect(output).toMatch(/NODE_ENV: is not set while HOST=0.0.0.0 is reachable from other machines/);
    expect(output).not.toMatch(/Demo API key/);
  });

  it('starts on Intuit with no demo tenant and no simulator', async () => {
    const ready = await rawRequest(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await listening(simulatorPort)).toBe(false);
    const config = JSON.parse((await rawRequest(`${base}/app-config.json`)).body) as { demoApiKey: unknown };
    expect(config.demoApiKey).toBeNull();
    const tenants = await db.collection('tenants').find({}).toArray();
    expect(tenants.map((t) => t.name as string)).toEqual(['Production Plumbing']);
  });

  it("refuses webhooks signed with the simulator's public verifier token", async () => {
    const body = Buffer.from(JSON.stringify([{ specversion: '1.0', id: 'forged-1', source: 'intuit.forged', type: 'qbo.invoice.updated.v1', time: new Date().toISOString(), intuitentityid: '1', intuitaccountid: '9341455121823790', data: {} }]));
    const forged = await rawRequest(`${base}/webhooks/quickbooks`, { method: 'POST', headers: { 'content-type': 'application/cloudevents-batch+json', 'intuit-signature': expectedSignature(body, DEMO_APP.webhookVerifierToken) }, body });
    expect(forged.status).toBe(401);
    const genuine = await rawRequest(`${base}/webhooks/quickbooks`, { method: 'POST', headers: { 'content-type': 'application/cloudevents-batch+json', 'intuit-signature': expectedSignature(body, VERIFIER_TOKEN) }, body });
    expect(genuine.status).not.toBe(401);
  });
});

describe('item 3: one validation rule set and one error formatter for HTTP and WebSocket', () => {
  const operations = {
    introspection: '{ __schema { types { name } } }',
    typeIntrospection: '{ __type(name: "Query") { fields { name } } }',
    misspelt: '{ viewr { tenant { id } } }',
    misspeltArgument: '{ customers(frist: 1) { totalCount } }',
    parse: '{ viewer { ',
    input: 'mutation { upsertCustomer(input: { externalId: "", displayName: "" }) { id } }',
  };

  it('refuses introspection and hides "Did you mean" suggestions on both transports', async () => {
    const socket = await openAuthenticatedSocket(wsUrl, apiKey);
    for (const [name, query] of Object.entries(operations)) {
      const http = JSON.parse((await graphql(query)).body) as { data?: unknown; errors?: unknown[] };
      const ws = await socket.run(name, query);
      const wsErrors = ws.type === 'error' ? ws.payload : (ws.payload as { errors?: unknown[] }).errors;
      expect(http.errors, name).toBeDefined();
      // The same answer through either door (locations aside, messages and codes alike).
      const strip = (errors: unknown) => (errors as { message: string; extensions?: { code?: string } }[]).map((e) => ({ message: e.message, code: e.extensions?.code }));
      expect(strip(wsErrors), name).toEqual(strip(http.errors));
      expect(JSON.stringify(wsErrors)).not.toMatch(/Did you mean|viewer|first/);
    }
    const introspection = JSON.parse((await graphql(operations.introspection)).body) as { errors: { message: string; extensions: { code: string } }[] };
    expect(introspection.errors[0]!.message).toMatch(/introspection/i);
    expect(introspection.errors[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    socket.close();
  });

  it('masks internal errors on both transports', async () => {
    // A stored key without its label (as a faulty migration might leave one) makes the resolver fail
    // in a way no caller caused: graphql's own "Cannot return null for non-nullable field".
    const tenant = await db.collection('tenants').findOne({ name: 'Production Plumbing' });
    const broken = await db.collection('apikeys').insertOne({ tenantId: tenant!._id, keyHash: `broken-${randomBytes(8).toString('hex')}`, prefix: 'fbk_broken', label: null, revokedAt: null, createdAt: new Date() });
    try {
      const query = '{ viewer { apiKeys { label } } }';
      const http = JSON.parse((await graphql(query)).body) as { errors: unknown[] };
      const socket = await openAuthenticatedSocket(wsUrl, apiKey);
      const ws = (await socket.run('internal', query)).payload as { errors: unknown[] };
      socket.close();
      for (const errors of [http.errors, ws.errors]) {
        expect(errors).toEqual([{ message: 'Internal server error', locations: [{ line: 1, column: 22 }], path: ['viewer', 'apiKeys', 1, 'label'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
      }
    } finally {
      await db.collection('apikeys').deleteOne({ _id: broken.insertedId });
    }
  });
});

describe('items 10 and 13 in production', () => {
  it('binds a connection attempt to the browser with a Secure, HttpOnly, SameSite=Lax cookie on the callback path', async () => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ query: 'mutation { connectQuickBooks { authorizationUrl } }' }),
    });
    expect(res.status).toBe(200);
    const cookies = res.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    // The path of QBO_REDIRECT_URI, where the browser comes back from Intuit.
    expect(cookies[0]).toMatch(/^fieldbooks_connect_[0-9a-f]{24}=[\w-]{43}; Path=\/oauth\/callback; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/);
  });

  it('answers malformed JSON with a JSON 400', async () => {
    const res = await rawRequest(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('serves no landing page and puts the strict policy on every answer', async () => {
    const landing = await rawRequest(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(landing.body).not.toMatch(/apollographql\.com/);
    for (const res of [landing, await rawRequest(`${base}/`, { headers: { accept: 'text/html' } }), await rawRequest(`${base}/healthz`)]) {
      expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});

/**
 * The multi-instance harness of issue #16: built gateway processes (`dist/src/main.js`) on one test
 * database, one Redis (the run's redis-server, keys under a prefix of this cluster's own) and one QBO
 * simulator in the test's process (it outlives any gateway killed). Each instance is a real process,
 * so SIGKILL and SIGTERM do to it what they do in production.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import { expect } from 'vitest';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/sandbox.js';
import { TenantRepository } from '../../src/persistence/tenancy/tenant.repository.js';
import { TenantService } from '../../src/tenancy/tenant.service.js';
import { UpsertCustomerDocument, UpsertInvoiceDocument } from '../generated/graphql.js';
import { chooseAustralianAccounts } from './accounting-setup.js';
import { builtMain, freePort, type GatewayProcess, killGatewayProcess, startGatewayProcess } from './gateway-process.js';
import { gql } from './graphql-client.js';
import { TestBrowser } from './quickbooks.js';
import { requireTestRedis } from './redis-server.js';
import { openAuthenticatedSocket, type RawGraphqlSocket } from './ws-raw.js';
import { authorizeInBrowser } from '../sandbox/oauth-harness.js';

type Inject = (key: 'mongoUri' | 'redisUrl' | 'redisProblem') => string;

export interface Instance {
  name: string;
  process: GatewayProcess;
  url: string;
  http: string;
  ws: string;
}

export interface ScaleClusterOptions {
  /** The demo tenant's key (every instance finds the same demo tenant). */
  apiKey: string;
  /** Database name prefix (a random suffix is added). */
  database: string;
  sandbox?: SandboxOptions;
  /** Environment every instance gets on top of the cluster's own. */
  env?: Record<string, string>;
}

export class ScaleCluster {
  readonly instances: Instance[] = [];
  readonly sockets: RawGraphqlSocket[] = [];
  readonly prefix = `test-${randomBytes(4).toString('hex')}:`;
  readonly mongoUri: string;
  redis!: Redis;
  redisUrl!: string;
  sandbox!: Sandbox;
  sandboxUrl!: string;
  #dataDir!: string;
  #db?: mongoose.Connection;

  constructor(
    private readonly inject: Inject,
    readonly options: ScaleClusterOptions,
  ) {
    this.mongoUri = `${inject('mongoUri')}${options.database}_${randomBytes(4).toString('hex')}`;
  }

  async open(): Promise<this> {
    expect(existsSync(builtMain), 'dist/ is missing: run `npm run build`').toBe(true);
    this.redisUrl = requireTestRedis(this.inject);
    this.redis = new Redis(this.redisUrl);
    this.#dataDir = await mkdtemp(path.join(os.tmpdir(), 'fieldbooks-scale-'));
    this.sandbox = createSandbox({ limits: false, ...this.options.sandbox });
    this.sandboxUrl = (await this.sandbox.listen(0, '127.0.0.1')).url;
    return this;
  }

  /** Starts one more instance; start them one at a time (the first creates the demo tenant). */
  async start(name: string, env: Record<string, string> = {}): Promise<Instance> {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    this.sandbox.oauth.addRedirectUri(this.sandbox.oauth.demoApp.clientId, `${url}/oauth/callback`);
    const process = await startGatewayProcess(
      { port, mongoUri: this.mongoUri, dataDir: this.#dataDir, apiKey: this.options.apiKey, sandboxUrl: this.sandboxUrl },
      { REDIS_URL: this.redisUrl, FIELDBOOKS_REDIS_PREFIX: this.prefix, ...this.options.env, ...env },
    );
    const instance = { name, process, url, http: `${url}/graphql`, ws: `ws://127.0.0.1:${port}/graphql` };
    this.instances.push(instance);
    return instance;
  }

  async socketOn(instance: Instance, key = this.options.apiKey): Promise<RawGraphqlSocket> {
    const socket = await openAuthenticatedSocket(instance.ws, key);
    this.sockets.push(socket);
    return socket;
  }

  /** Redis has `count` subscribers (one per instance listening) on the topic's channel. */
  async subscribedInRedis(topic: string, count: number): Promise<void> {
    const channel = `${this.prefix}events:${topic}`;
    const until = Date.now() + 10_000;
    for (;;) {
      const [, n] = (await this.redis.pubsub('NUMSUB', channel)) as [string, number];
      if (Number(n) >= count) return;
      if (Date.now() > until) throw new Error(`only ${n} instance(s) subscribed to ${channel}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The cluster's database, as the test sees it (to create tenants and read what the gateways wrote). */
  async db(): Promise<mongoose.Connection> {
    this.#db ??= await mongoose.createConnection(this.mongoUri).asPromise();
    return this.#db;
  }

  /** A tenant of its own (the way `npm run tenant:create` makes one); returns its first API key. */
  async createTenant(name: string): Promise<{ tenantId: string; apiKey: string }> {
    const tenants = new TenantService(new TenantRepository(await this.db()));
    const { tenant, apiKey } = await tenants.createTenant(name);
    return { tenantId: tenant.id, apiKey };
  }

  /** Connects the key's tenant to a simulated company through `via` (consent page, callback) and chooses its AU accounts. */
  async connect(via: Instance, apiKey: string, realmId: string): Promise<void> {
    const browser = new TestBrowser();
    const { callbackUrl } = await authorizeInBrowser(await browser.startConnect(via.http, apiKey), { button: 'connect', realmId });
    expect((await browser.fetch(callbackUrl)).status).toBe(200);
    // The chart is cached in the background after connecting.
    for (let i = 0; ; i++) {
      try {
        await chooseAustralianAccounts(via.http, apiKey);
        return;
      } catch (error) {
        if (i === 49) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  /** What the simulated company holds, read over the simulator's admin API. */
  async qboRecords<T = { Id: string; DocNumber?: string; DisplayName?: string }>(realmId: string, entity: string): Promise<T[]> {
    const response = await fetch(`${this.sandboxUrl}/_sandbox/entities/${realmId}/${entity}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { records: T[] }).records;
  }

  /** One FSM customer and `count` AUD invoices (110.00 each, GST) numbered `<numberPrefix>-<n>`, fed through `via`. */
  async feedInvoices(via: Instance, apiKey: string, numberPrefix: string, count: number): Promise<string[]> {
    const customer = `c-${numberPrefix}`;
    const created = await gql(via.http, UpsertCustomerDocument, { input: { externalId: customer, displayName: `Customer ${numberPrefix}` } }, apiKey);
    expect(created.errors).toBeUndefined();
    const numbers: string[] = [];
    for (let n = 1; n <= count; n++) {
      const number = `${numberPrefix}-${n}`;
      const input = {
        externalId: `inv-${number}`,
        customerExternalId: customer,
        number,
        date: '2026-03-02',
        currency: 'AUD',
        lines: [{ lineId: 'l1', kind: 'LABOUR' as const, description: 'Labour', quantity: '1', unitPrice: '100.00', amount: '100.00', taxCode: 'GST' }],
        subtotal: '100.00',
        totalTax: '10.00',
        total: '110.00',
      };
      const result = await gql(via.http, UpsertInvoiceDocument, { input }, apiKey);
      expect(result.errors).toBeUndefined();
      numbers.push(number);
    }
    return numbers;
  }

  get auRealmId(): string {
    return this.sandbox.info().companies.find((co) => co.country === 'AU')!.realmId;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.close();
    await Promise.all(this.instances.map((i) => killGatewayProcess(i.process)));
    const db = await this.db().catch(() => undefined);
    await db?.dropDatabase().catch(() => {});
    await db?.close();
    await this.sandbox?.close();
    this.redis?.disconnect();
    if (this.#dataDir) await rm(this.#dataDir, { recursive: true, force: true });
  }
}

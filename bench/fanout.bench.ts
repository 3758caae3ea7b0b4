/**
 * Benchmark (issue #16): progress fan-out across instances. Three built gateways (`dist/src/main.js`,
 * each its own process) share one embedded FerretDB and one redis-server; `subscribers` WebSockets,
 * spread evenly over the three, all watch `syncProgress` of one tenant. One run of `invoices` invoices
 * executes on the first instance against the simulator (in this process, real clock, QBO's limits).
 * Every progress event goes out once, through Redis, to every instance, and each instance delivers it
 * to its own sockets. Measured: whether every subscriber received every event (each event is known by
 * its publish time `at` and its counts), publish-to-delivery latency (`at`, stamped as the event is
 * published, to the moment its message arrives here; one machine, one clock) and progress events per
 * second of the run. The receiving side is this one process holding all the sockets, so the latency
 * includes this process's own queueing of up to `subscribers` copies of every event.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import WebSocket from 'ws';
import { launchFerretdb } from '../src/persistence/ferretdb.launcher.js';
import { createSandbox } from '../src/sandbox/sandbox.js';
import { TenantRepository } from '../src/persistence/tenancy/tenant.repository.js';
import { TenantService } from '../src/tenancy/tenant.service.js';
import { freePort, type GatewayProcess, killGatewayProcess, repoRoot, startGatewayProcess } from '../test/helpers/gateway-process.js';
import { startRedisServer } from '../test/helpers/redis-server.js';
import { connectUsCompany, gatewayGraphql } from './read-path.bench.js';


export interface FanoutResult {
  subscribers: number;
  instances: number;
  invoices: number;
  status: string;
  runSeconds: number;
  /** Distinct progress events the run published (the final one included). */
  events: number;
  eventsPerSecond: number;
  /** Subscribers that received every event, and the copies missing over all of them. */
  complete: number;
  missing: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

interface Subscriber {
  ws: WebSocket;
  /** Event key -> arrival time (ms). */
  received: Map<string, number>;
  done: Promise<void>;
}

const SUBSCRIPTION = 'subscription { syncProgress { runId status processed total final at } }';

function subscribe(url: string, apiKey: string, onEvent: (key: string, at: number, final: boolean) => void): Promise<Subscriber> {
  const ws = new WebSocket(url, 'graphql-transport-ws');
  const received = new Map<string, number>();
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${apiKey}` } })));
    ws.on('message', (data: Buffer) => {
      const arrived = Date.now();
      const message = JSON.parse(data.toString()) as { type: string; payload?: { data?: { syncProgress?: { processed: number; total: number; final: boolean; at: string } } } };
      if (message.type === 'connection_ack') {
        ws.send(JSON.stringify({ id: 'p', type: 'subscribe', payload: { query: SUBSCRIPTION } }));
        resolve({ ws, received, done });
        return;
      }
      const event = message.payload?.data?.syncProgress;
      if (message.type !== 'next' || !event) return;
      const key = `${event.at}|${event.processed}|${event.total}|${event.final}`;
      received.set(key, arrived);
      onEvent(key, Date.parse(event.at), event.final);
      if (event.final) finished();
    });
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function benchFanout(options: { subscribers: number; invoices: number }): Promise<FanoutResult> {
  const redis = await startRedisServer();
  const dbDir = await mkdtemp(path.join(os.tmpdir(), 'fieldbooks-fanout-db-'));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'fieldbooks-fanout-'));
  const mongo = await launchFerretdb({ toolsDir: path.resolve(repoRoot, process.env.FIELDBOOKS_TOOLS_DIR ?? '.tools'), dataDir: dbDir, log: (m) => console.log(`  ${m}`) });
  const simulator = createSandbox();
  const sandboxUrl = (await simulator.listen(0, '127.0.0.1')).url;
  simulator.oauth.setAutoApprove(true);
  const realmId = simulator.info().companies.find((c) => c.country === 'US')!.realmId;
  const gateways: { process: GatewayProcess; url: string }[] = [];
  const sockets: Subscriber[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      simulator.oauth.addRedirectUri(simulator.oauth.demoApp.clientId, `${url}/oauth/callback`);
      const process = await startGatewayProcess(
        { port, mongoUri: `${mongo.uri}fieldbooks_fanout`, dataDir, apiKey: 'fbk_fanout-bench-demo-key-0123456789', sandboxUrl },
        // A business of its own, in the US company (the demo business is Australian).
        { FIELDBOOKS_DEMO: 'false', REDIS_URL: redis.url, FIELDBOOKS_SYNC_WORKER: 'false', FIELDBOOKS_CDC_INTERVAL_SECONDS: '0', FIELDBOOKS_RATE_LIMIT_PER_KEY: '0', FIELDBOOKS_RATE_LIMIT_PER_ADDRESS: '0' },
      );
      gateways.push({ process, url });
    }
    const graphqlUrl = `${gateways[0]!.url}/graphql`;
    const db = await mongoose.createConnection(`${mongo.uri}fieldbooks_fanout`).asPromise();
    const API_KEY = (await new TenantService(new TenantRepository(db)).createTenant('Fanout Plumbing')).apiKey;
    await db.close();
    await connectUsCompany(graphqlUrl, API_KEY, realmId);
    const customers = Math.max(1, Math.ceil(options.invoices / 40));
    for (let c = 0; c < customers; c++) {
      await gatewayGraphql(graphqlUrl, API_KEY, 'mutation ($input: UpsertCustomerInput!) { upsertCustomer(input: $input) { id } }', { input: { externalId: `c${c}`, displayName: `Fanout Customer ${c}` } });
    }
    for (let i = 0; i < options.invoices; i++) {
      const input = {
        externalId: `i${i}`, customerExternalId: `c${i % customers}`, number: `F${String(i).padStart(6, '0')}`, date: '2026-03-02', currency: 'USD',
        lines: [{ lineId: 'l1', kind: 'LABOUR', description: 'Service call', quantity: '1', unitPrice: '120.00', amount: '120.00', taxable: false }],
        subtotal: '120.00', totalTax: '0.00', total: '120.00',
      };
      await gatewayGraphql(graphqlUrl, API_KEY, 'mutation ($input: UpsertInvoiceInput!) { upsertInvoice(input: $input) { id } }', { input });
    }

    // Subscribers spread over the three instances, opened a few at a time.
    const latencies: number[] = [];
    const published = new Map<string, number>();
    let finalAt = 0;
    const onEvent = (key: string, at: number, final: boolean) => {
      if (!published.has(key)) published.set(key, at);
      if (final) finalAt = at;
    };
    for (let i = 0; i < options.subscribers; i += 50) {
      const batch = Array.from({ length: Math.min(50, options.subscribers - i) }, (_, j) => subscribe(`${gateways[(i + j) % 3]!.url.replace('http', 'ws')}/graphql`, API_KEY, onEvent));
      sockets.push(...(await Promise.all(batch)));
    }
    // Every instance subscribed to the topic in Redis before the run starts.
    await new Promise((r) => setTimeout(r, 1000));

    const started = Date.now();
    const run = (await gatewayGraphql(graphqlUrl, API_KEY, 'mutation { startSync(input: {}) { id } }')) as { startSync: { id: string } };
    await Promise.race([Promise.all(sockets.map((s) => s.done)), new Promise((r) => setTimeout(r, 30 * 60_000))]);
    // Copies still on their way to the slower sockets.
    await new Promise((r) => setTimeout(r, 2000));
    const runSeconds = ((finalAt || Date.now()) - started) / 1000;
    const finished = (await gatewayGraphql(graphqlUrl, API_KEY, 'query ($id: ID!) { syncRun(id: $id) { status } }', { id: run.startSync.id })) as { syncRun: { status: string } };

    if (finished.syncRun.status !== 'SUCCEEDED') {
      const issues = (await gatewayGraphql(graphqlUrl, API_KEY, '{ syncIssues(first: 3) { edges { node { code message } } } }')) as { syncIssues: { edges: { node: { code: string; message: string } }[] } };
      for (const { node } of issues.syncIssues.edges) console.log(`  issue: ${node.code} ${node.message}`);
    }
    let missing = 0;
    let complete = 0;
    for (const socket of sockets) {
      let all = true;
      for (const [key, at] of published) {
        const arrived = socket.received.get(key);
        if (arrived === undefined) {
          missing++;
          all = false;
        } else latencies.push(arrived - at);
      }
      if (all) complete++;
    }
    latencies.sort((x, y) => x - y);
    return {
      subscribers: sockets.length,
      instances: gateways.length,
      invoices: options.invoices,
      status: finished.syncRun.status,
      runSeconds,
      events: published.size,
      eventsPerSecond: published.size / runSeconds,
      complete,
      missing,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      maxMs: latencies.at(-1) ?? 0,
    };
  } finally {
    for (const socket of sockets) socket.ws.terminate();
    await Promise.all(gateways.map((g) => killGatewayProcess(g.process)));
    await simulator.close();
    await mongo.stop();
    await redis.stop();
    await rm(dbDir, { recursive: true, force: true }).catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

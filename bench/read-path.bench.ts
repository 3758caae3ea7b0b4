/**
 * Benchmark: the read path of the built gateway (`dist/src/main.js`, its own process on its embedded
 * FerretDB) over real HTTP, at `connections` concurrent clients (autocannon): the trivial query
 * (`viewer`), the settings screen's account dropdown (`accounts(purpose:)`) and the settings screen's
 * `accountingSettings`, for one tenant connected to a US company whose chart of accounts is filled out to
 * a trades business's size. The simulator runs in this process (idle while the gateway is measured).
 * Rate limits are off in the measured gateway: with them on, 50 clients would meet 429s, not reads.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createSandbox, type Sandbox } from '../src/sandbox/sandbox.js';

export interface ReadMeasurement {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Non-2xx answers and socket errors (each should be 0). */
  failures: number;
}

export interface ReadBenchResult {
  accounts: number;
  connections: number;
  seconds: number;
  measurements: ReadMeasurement[];
}

const repoRoot = path.resolve(import.meta.dirname, '../..');
const builtMain = path.join(repoRoot, 'dist/src/main.js');
const API_KEY = 'fbk_read-path-bench-key-0123456789abcdef';

export const READ_QUERIES = {
  viewer: '{ viewer { tenant { id name } } }',
  'accounts(purpose:)': `query AccountChoices {
    accounts(purpose: EXPENSE, first: 50) { totalCount edges { node { id name fullyQualifiedName accountNumber accountType active purposes } } }
  }`,
  accountingSettings: `query AccountingSettings {
    accountingSettings {
      accountProblems { setting problem message accountName }
      invoiceReferenceField accountingStartDate relaxAccountSelectionRestrictions
      defaultLabourIncomeAccount { id name fullyQualifiedName accountNumber accountType active purposes }
      defaultSuppliesIncomeAccount { id name fullyQualifiedName accountNumber accountType active purposes }
      paymentsAccount { id name fullyQualifiedName accountNumber accountType active purposes }
      defaultExpenseAccount { id name fullyQualifiedName accountNumber accountType active purposes }
      defaultRoundingAccount { id name fullyQualifiedName accountNumber accountType active purposes }
      updatedAt updatedBy { apiKeyLabel apiKeyPrefix }
    }
  }`,
} as const;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

/** Expense, cost-of-sales and income sub-accounts a trades business keeps, so the chart is its real size. */
function fillChart(simulator: Sandbox, realmId: string, extra: number): void {
  const store = simulator.companies.get(realmId)!;
  const kinds = [
    ['Expense', 'SuppliesMaterials', 'Job Materials'],
    ['Expense', 'Auto', 'Vehicle'],
    ['Expense', 'OtherMiscellaneousServiceCost', 'Tools and Equipment'],
    ['Cost of Goods Sold', 'CostOfLabourCos', 'Subcontract'],
    ['Income', 'ServiceFeeIncome', 'Service Income'],
    ['Other Current Asset', 'OtherCurrentAssets', 'Deposits'],
  ] as const;
  for (let i = 0; i < extra; i++) {
    const [AccountType, AccountSubType, base] = kinds[i % kinds.length]!;
    store.write('Account', 'create', { Name: `${base} ${String(Math.floor(i / kinds.length) + 1).padStart(2, '0')}`, AccountType, AccountSubType, AcctNum: String(8000 + i), Active: i % 17 !== 16 });
  }
}

/** The data of a query that must succeed, and the cookies it set (connecting binds the callback to the browser). */
export async function gatewayGraphql(url: string, apiKey: string, query: string, variables?: Record<string, unknown>): Promise<Record<string, unknown> & { cookies?: string }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(120_000), method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (response.status !== 200 || body.errors) throw new Error(`${query.slice(0, 60)}... answered ${response.status}: ${JSON.stringify(body.errors)}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { ...body.data!, cookies };
}

function graphql(url: string, query: string, variables?: Record<string, unknown>): Promise<Record<string, unknown> & { cookies?: string }> {
  return gatewayGraphql(url, API_KEY, query, variables);
}

/**
 * Connects the key's tenant to the simulated US company (the simulator auto-approves consent), reads
 * its chart and chooses the accounts a push needs; returns how many accounts the chart has.
 */
export async function connectUsCompany(graphqlUrl: string, apiKey: string, realmId: string): Promise<number> {
  const call = (query: string, variables?: Record<string, unknown>) => gatewayGraphql(graphqlUrl, apiKey, query, variables);
  const started = (await call('mutation { connectQuickBooks { authorizationUrl } }')) as { connectQuickBooks: { authorizationUrl: string }; cookies: string };
  const consent = await fetch(`${started.connectQuickBooks.authorizationUrl}&realmId=${realmId}`, { redirect: 'manual' });
  const callback = consent.headers.get('location');
  if (!callback) throw new Error(`the simulator did not redirect to the callback (${consent.status})`);
  const completed = await fetch(callback, { redirect: 'manual', headers: { cookie: started.cookies } });
  if (completed.status >= 400) throw new Error(`the OAuth callback answered ${completed.status}: ${await completed.text()}`);
  await call('mutation { refreshChartOfAccounts(first: 1) { totalCount } }');
  const all = (await call('query { accounts(includeInactive: true, first: 200) { totalCount edges { node { id name } } } }')) as {
    accounts: { totalCount: number; edges: { node: { id: string; name: string } }[] };
  };
  const id = (name: string) => all.accounts.edges.find((e) => e.node.name === name)?.node.id ?? null;
  await call('mutation Save($input: AccountingSettingsInput!) { updateAccountingSettings(input: $input) { updatedAt } }', {
    input: {
      defaultLabourIncomeAccountId: id('Services'), defaultSuppliesIncomeAccountId: id('Materials Income'), paymentsAccountId: id('Checking'),
      defaultExpenseAccountId: id('Job Supplies'), defaultRoundingAccountId: id('Rounding'), accountingStartDate: '2026-01-01',
    },
  });
  return all.accounts.totalCount;
}

async function startGateway(env: Record<string, string>): Promise<{ stop(): Promise<void> }> {
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, builtMain], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the gateway did not start in 120 s: ${out}`)), 120_000);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('fieldbooks is ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    if (process.env.BENCH_DEBUG) child.stdout.pipe(process.stderr);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the gateway exited with ${code}: ${out}`));
    });
  });
  return {
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function measure(url: string, name: string, query: string, options: { connections: number; seconds: number }): Promise<ReadMeasurement> {
  const request = { url, method: 'POST' as const, headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` }, body: JSON.stringify({ query }) };
  // A short warm-up (JIT, connection pools), not counted.
  await autocannon({ ...request, connections: options.connections, duration: 2 });
  const r = await autocannon({ ...request, connections: options.connections, duration: options.seconds });
  return { name, requestsPerSecond: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99, requests: r.requests.total, failures: r.non2xx + r.errors + r.timeouts };
}

export async function benchReadPath(options: { accounts: number; connections: number; seconds: number; only?: readonly string[] }): Promise<ReadBenchResult> {
  const simulator = createSandbox();
  const sandboxUrl = (await simulator.listen(0)).url;
  simulator.oauth.setAutoApprove(true);
  const realmId = simulator.info().companies.find((c) => c.country === 'US')!.realmId;
  const seeded = simulator.companies.get(realmId)!.list('Account').length;
  fillChart(simulator, realmId, Math.max(0, options.accounts - seeded));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'fieldbooks-read-bench-'));
  const port = await freePort();
  const gatewayUrl = `http://127.0.0.1:${port}`;
  const graphqlUrl = `${gatewayUrl}/graphql`;
  simulator.oauth.addRedirectUri(simulator.oauth.demoApp.clientId, `${gatewayUrl}/oauth/callback`);
  const gateway = await startGateway({
    NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: gatewayUrl, FIELDBOOKS_DATA_DIR: dataDir,
    FIELDBOOKS_DEMO: 'true', FIELDBOOKS_DEMO_API_KEY: API_KEY, QBO_SANDBOX_URL: sandboxUrl, LOG_LEVEL: process.env.BENCH_DEBUG ? 'debug' : 'error',
    FIELDBOOKS_SYNC_WORKER: 'false', FIELDBOOKS_CDC_INTERVAL_SECONDS: '0',
    FIELDBOOKS_RATE_LIMIT_PER_KEY: '0', FIELDBOOKS_RATE_LIMIT_PER_ADDRESS: '0',
  });
  try {
    const accounts = await connectUsCompany(graphqlUrl, API_KEY, realmId);
    const measurements: ReadMeasurement[] = [];
    for (const [name, query] of Object.entries(READ_QUERIES)) {
      if (options.only && name !== 'viewer' && !options.only.includes(name)) continue;
      await graphql(graphqlUrl, query); // answers without errors before it is measured
      measurements.push(await measure(graphqlUrl, name, query, options));
    }
    return { accounts, connections: options.connections, seconds: options.seconds, measurements };
  } finally {
    if (process.env.BENCH_DEBUG) for (const r of simulator.state.requests.list().slice(-20)) console.error(r.method, r.path, r.status);
    await gateway.stop();
    await simulator.close();
    await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** The side-by-side table `npm run bench` prints. */
export function formatReadBench(r: ReadBenchResult): string {
  const trivial = r.measurements.find((m) => m.name === 'viewer');
  const lines = [`  ${'query'.padEnd(22)}${'req/s'.padStart(8)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'x viewer req/s'.padStart(16)}${'x viewer p99'.padStart(14)}${'failed'.padStart(8)}`];
  for (const m of r.measurements) {
    const rate = trivial ? (m.requestsPerSecond / trivial.requestsPerSecond).toFixed(2) : '-';
    const p99 = trivial ? (m.p99Ms / trivial.p99Ms).toFixed(2) : '-';
    lines.push(`  ${m.name.padEnd(22)}${m.requestsPerSecond.toFixed(0).padStart(8)}${String(m.p50Ms).padStart(9)}${String(m.p99Ms).padStart(9)}${rate.padStart(16)}${p99.padStart(14)}${String(m.failures).padStart(8)}`);
  }
  return lines.join('\n');
}

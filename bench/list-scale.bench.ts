/**
 * Lists at the scale of a thousand businesses on the embedded database: one template business is made
 * through the gateway's own services (a connected QBO company, its chart of accounts, customers, invoices,
 * payments, pushed so the sync mappings exist), then copied to the other tenants with every id, key and
 * reference rewritten for each tenant, so each business holds the same shape of data the gateway writes.
 * Then random tenants' first pages (50 rows, with and without a search) are read over GraphQL/HTTP and the
 * latencies reported. BENCH_LIST_DIR keeps the seeded data folder between runs (seeding 1,000 tenants takes
 * minutes; reading it again takes seconds).
 */
import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Types } from 'mongoose';
import { type App, createApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { derivedRecordId } from '../src/persistence/ledger/ledger-ids.js';
import { createLogger } from '../src/logging/logger.js';
import { QBO_LIMITS } from '../src/providers/quickbooks/qbo.limiter.js';
import { connectAndChooseAccounts } from './sync-push.bench.js';

export interface ListScaleResult {
  tenants: number;
  documents: number;
  seededSeconds: number | null;
  lists: { name: string; requests: number; p50: number; p99: number; max: number; rows: number }[];
}

const SCALE = 30;
/** Collections that are not copied: the tenant itself, its keys and connection (sealed per tenant), leases. */
const NOT_COPIED = /^(tenants|apikeys|api_keys|quickbooks_connections|oauth_states|leases|rate_limits?|ledger_id_schemes|bench_keys)$/;

/** The template business, made as the FSM and the sync engine would make it. */
async function seedTemplate(app: App, tenantId: string, invoices: number): Promise<void> {
  await connectAndChooseAccounts(app, tenantId);
  const ledger = app.services.ledgerRecords;
  const customers = Math.max(1, Math.ceil(invoices / 4));
  for (let c = 0; c < customers; c++) await ledger.upsertCustomer(tenantId, { externalId: `c${c}`, displayName: `Customer ${String(c).padStart(4, '0')} Plumbing`, email: `c${c}@example.com` });
  for (let i = 0; i < invoices; i++) {
    await ledger.upsertInvoice(tenantId, {
      externalId: `i${i}`, customerExternalId: `c${i % customers}`, number: `INV-${String(i).padStart(5, '0')}`, date: `2026-0${1 + (i % 9)}-1${i % 10}`, currency: 'USD',
      lines: [{ lineId: 'l1', kind: 'LABOUR', description: 'Service call', quantity: '1', unitPrice: '120.00', amount: '120.00', taxable: false }],
      subtotal: '120.00', totalTax: '0.00', total: '120.00',
    });
  }
  await app.services.ledger.upsertPaymentMethod(tenantId, { externalId: 'pm-card', name: 'Card', isCard: true });
  for (let p = 0; p < invoices / 2; p++) {
    await ledger.recordPayment(tenantId, { externalId: `p${p}`, customerExternalId: `c${p % customers}`, date: '2026-03-20', currency: 'USD', amount: '120.00', paymentMethodExternalId: 'pm-card', allocations: [{ invoiceExternalId: `i${p}`, amount: '120.00' }] });
  }
  await app.services.sync.runs.start(tenantId, {});
  await app.services.sync.runs.idle(tenantId);
}

/** A copy of a template document for another tenant: its ids, tenant references and derived keys rewritten. */
function rewrite(value: unknown, from: string, to: string, ids: Map<string, string>): unknown {
  if (value instanceof Types.ObjectId) {
    const hex = value.toHexString();
    if (hex === from) return new Types.ObjectId(to);
    const mapped = ids.get(hex);
    return mapped ? new Types.ObjectId(mapped) : value;
  }
  if (typeof value === 'string') return ids.get(value) ?? (value.includes(from) ? value.split(from).join(to) : value);
  if (Array.isArray(value)) return value.map((v) => rewrite(v, from, to, ids));
  if (value && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value) && (value as { _bsontype?: string })._bsontype === undefined) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v, from, to, ids)]));
  }
  return value;
}

async function copyTemplate(app: App, templateId: string, tenantIds: readonly string[]): Promise<number> {
  const db = app.database.connection.db!;
  const template = new Types.ObjectId(templateId);
  const collections = (await db.listCollections().toArray()).map((c) => c.name).filter((n) => !NOT_COPIED.test(n));
  let written = 0;
  for (const name of collections) {
    const docs = await db.collection(name).find({ tenantId: template }).toArray();
    if (docs.length === 0) continue;
    for (const tenantId of tenantIds) {
      // Ledger records have ids derived from (tenant, collection, externalId); other ObjectIds are fresh.
      const ids = new Map<string, string>();
      for (const doc of docs) {
        if (!(doc._id instanceof Types.ObjectId)) continue;
        const fresh = typeof doc.externalId === 'string' && name.startsWith('ledger_') ? derivedRecordId(tenantId, name, doc.externalId) : new Types.ObjectId();
        ids.set(doc._id.toHexString(), fresh.toHexString());
      }
      const copies = docs.map((doc) => rewrite(doc, templateId, tenantId, ids) as Record<string, unknown>);
      await db.collection(name).insertMany(copies, { ordered: false });
      written += copies.length;
    }
  }
  return written;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function benchListScale(options: { tenants: number; invoices: number; requests: number; concurrency: number }): Promise<ListScaleResult> {
  const keep = process.env.BENCH_LIST_DIR;
  const dataDir = keep ?? (await mkdtemp(path.join(os.tmpdir(), 'fieldbooks-bench-scale-')));
  await mkdir(dataDir, { recursive: true });
  const seeded = existsSync(path.join(dataDir, `seeded-${options.tenants}x${options.invoices}`));
  const config = loadConfig({}, {
    NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', FIELDBOOKS_DATA_DIR: dataDir, FIELDBOOKS_DEMO: 'false', QBO_SANDBOX_PORT: '0', LOG_LEVEL: 'silent',
    FIELDBOOKS_SYNC_WORKER: 'false', FIELDBOOKS_CDC_INTERVAL_SECONDS: '0', QBO_SANDBOX_TIME_SCALE: String(SCALE),
    QBO_LIMIT_WINDOW_MS: String(Math.round(QBO_LIMITS.windowMs / SCALE)),
    // The read phase is the figure: the per-key request limits would cap it, not the database.
    FIELDBOOKS_RATE_LIMIT_PER_KEY: '0', FIELDBOOKS_RATE_LIMIT_PER_ADDRESS: '0',
    ...(process.env.MONGODB_URI ? { MONGODB_URI: process.env.MONGODB_URI } : {}),
  });
  const dbName = `bench_scale_${options.tenants}x${options.invoices}`;
  // Seeding starts from an empty database, so the gateway's start-up migrations find nothing and are recorded done.
  if (!seeded) await rm(path.join(dataDir, 'ferretdb'), { recursive: true, force: true });
  const starting = Date.now();
  const app = await createApp(config, createLogger({ level: (process.env.BENCH_LOG_LEVEL ?? 'silent'), pretty: false }), { dbName });
  console.log(`  gateway started    in ${((Date.now() - starting) / 1000).toFixed(1)} s`);
  try {
    const keysDoc = app.database.connection.db!.collection<{ _id: string; keys: string[]; documents?: number }>('bench_keys');
    let seededSeconds: number | null = null;
    if (!seeded) {
      const started = Date.now();
      const template = await app.services.tenants.createTenant('Template Plumbing');
      await seedTemplate(app, template.tenant.id, options.invoices);
      const keys = [template.apiKey];
      const others: string[] = [];
      for (let t = 1; t < options.tenants; t++) {
        const created = await app.services.tenants.createTenant(`Plumbing ${t}`);
        others.push(created.tenant.id);
        if (keys.length < 50) keys.push(created.apiKey);
      }
      let copied = 0;
      for (let i = 0; i < others.length; i += 50) copied += await copyTemplate(app, template.tenant.id, others.slice(i, i + 50));
      const templateDocs = copied / Math.max(1, others.length);
      // Counted while writing: FerretDB counts a collection by reading it, minutes at this size.
      await keysDoc.insertOne({ _id: 'keys', keys, documents: Math.round(copied + templateDocs + 2 * options.tenants) });
      seededSeconds = (Date.now() - started) / 1000;
      if (keep) await import('node:fs/promises').then((fs) => fs.writeFile(path.join(dataDir, `seeded-${options.tenants}x${options.invoices}`), new Date().toISOString()));
    }
    const seededDoc = (await keysDoc.findOne({ _id: 'keys' }))!;
    const keys = seededDoc.keys;
    // FerretDB counts a whole collection by reading it (minutes at this size); every tenant holds a copy of
    // the template's documents, so count the template's (an indexed read) and multiply.
    const db = app.database.connection.db!;
    const template = (await db.collection('tenants').findOne({ name: 'Template Plumbing' }))!._id;
    let perTenant = 2; // the tenant and its API key
    for (const c of await db.listCollections().toArray()) if (!NOT_COPIED.test(c.name)) perTenant += await db.collection(c.name).countDocuments({ tenantId: template });
    const documents = seededDoc.documents ?? perTenant * options.tenants;

    const lists = [
      { name: 'viewer (no list: the floor)', query: '{ viewer { tenant { id name } } }' },
      { name: 'invoices, first page', query: '{ invoices(first: 50) { totalCount edges { node { id number total } } } }' },
      { name: 'invoices, search "INV-0001"', query: '{ invoices(first: 50, search: "INV-0001") { totalCount edges { node { id number total } } } }' },
      { name: 'customers, search "customer 00"', query: '{ customers(first: 50, search: "customer 00") { totalCount edges { node { id displayName } } } }' },
      { name: 'payments, first page', query: '{ payments(first: 50) { totalCount edges { node { id amount } } } }' },
    ];
    const results: ListScaleResult['lists'] = [];
    for (const list of lists) {
      const times: number[] = [];
      let rows = 0;
      let next = 0;
      const worker = async () => {
        while (next < options.requests) {
          next++;
          const key = keys[randomInt(keys.length)]!;
          const started = performance.now();
          const response = await fetch(app.gateway.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query: list.query }) });
          const body = (await response.json()) as { data?: Record<string, { edges?: unknown[] }>; errors?: { message: string }[] };
          times.push(performance.now() - started);
          if (body.errors) throw new Error(`${list.name}: ${body.errors[0]!.message}`);
          rows += (Object.values(body.data!)[0]!.edges ?? []).length;
        }
      };
      await Promise.all(Array.from({ length: options.concurrency }, worker));
      times.sort((a, b) => a - b);
      results.push({ name: list.name, requests: times.length, p50: percentile(times, 50), p99: percentile(times, 99), max: times.at(-1)!, rows: Math.round(rows / times.length) });
    }
    return { tenants: options.tenants, documents, seededSeconds, lists: results };
  } finally {
    await app.close();
    if (!keep) await rm(dataDir, { recursive: true, force: true });
  }
}

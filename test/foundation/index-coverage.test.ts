/**
 * Every query the repositories send is served by an index their schemas declare (so a production
 * MongoDB is indexed, not only the embedded FerretDB with its `_id` workarounds). The workload is the
 * shared table in test/helpers/repository-cases.ts: every repository method, as the owning tenant and
 * as another one, on a real database; the rule is in test/helpers/index-coverage.ts.
 */
import mongoose, { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRepositories } from '../../src/persistence/repositories.js';
import { asTenantId } from '../../src/persistence/tenant-id.js';
import { uniqueDbName } from '../helpers/gateway.js';
import { declaredIndexes, recordQueries, type RecordedQuery, unservedReason } from '../helpers/index-coverage.js';
import { REPOSITORY_CASES, seed } from '../helpers/repository-cases.js';

let connection: mongoose.Connection;
const recorded: RecordedQuery[] = [];

beforeAll(async () => {
  connection = await mongoose.createConnection(inject('mongoUri'), { dbName: uniqueDbName('index-coverage') }).asPromise();
  const repos = createRepositories(connection);
  const owner = asTenantId(new Types.ObjectId().toHexString());
  const other = asTenantId(new Types.ObjectId().toHexString());
  const recording = recordQueries(connection);
  try {
    const seeded = await seed(repos, owner);
    for (const tenant of [owner, other]) {
      for (const c of REPOSITORY_CASES) {
        const calls = [...Object.values(c.read), ...Object.values(c.write), ...Object.values(c.crossTenant ?? {}).map((x) => x.call)];
        for (const call of calls) await call(repos, tenant, seeded);
      }
    }
  } finally {
    recording.stop();
  }
  recorded.push(...recording.queries);
});
afterAll(async () => {
  await connection?.dropDatabase().catch(() => {});
  await connection?.close();
});

describe('index coverage of repository queries', () => {
  it('records the workload (finds, counts, updates, on every ledger and list collection)', () => {
    const collections = new Set(recorded.map((q) => q.collection));
    for (const name of ['ledger_customers', 'ledger_invoices', 'ledger_payments', 'ledger_credit_notes', 'ledger_bad_debt_write_offs', 'fsm_job_types', 'fsm_supplies', 'fsm_payment_methods', 'fsm_teams']) {
      expect(collections, name).toContain(name);
    }
    expect(new Set(recorded.map((q) => q.method))).toEqual(expect.objectContaining({ size: expect.any(Number) as number }));
    expect(recorded.some((q) => q.method === 'countDocuments')).toBe(true);
    expect(recorded.some((q) => q.sort)).toBe(true);
  });

  it('the checker refuses what no index serves', () => {
    const indexes = [['tenantId'], ['tenantId', 'sortKey', 'externalId']];
    expect(unservedReason({ collection: 'c', method: 'find', filter: { tenantId: 't' }, sort: { sortKey: 1, externalId: 1 } }, indexes)).toBeUndefined();
    expect(unservedReason({ collection: 'c', method: 'find', filter: { tenantId: 't' }, sort: { changedAt: 1 } }, indexes)).toMatch(/sort changedAt/);
    expect(unservedReason({ collection: 'c', method: 'find', filter: { email: 'a' } }, indexes)).toMatch(/email:eq/);
    expect(unservedReason({ collection: 'c', method: 'find', filter: { $or: [{ tenantId: 't' }] } }, indexes)).toBeDefined();
    expect(unservedReason({ collection: 'c', method: 'find', filter: { _id: { $in: [1] } } }, [])).toBeUndefined();
    expect(unservedReason({ collection: 'c', method: 'countDocuments', filter: {} }, indexes)).toBeDefined();
  });

  it('every recorded filter and sort is served by a declared index', async () => {
    const indexes = declaredIndexes(connection);
    // Collections without a mongoose model (the rate-limit counters) declare their indexes in their
    // repository's ensureIndexes, which the workload ran: read what it made.
    for (const name of new Set(recorded.map((q) => q.collection))) {
      if (indexes.has(name)) continue;
      const made = await connection.db!.collection(name).indexes();
      indexes.set(name, made.map((index) => Object.keys(index.key)).filter((keys) => !(keys.length === 1 && keys[0] === '_id')));
    }
    const unserved = recorded
      .map((query) => ({ query, reason: unservedReason(query, indexes.get(query.collection) ?? []) }))
      .filter((r) => r.reason)
      .map((r) => `${r.query.collection}.${r.query.method}: ${r.reason}`);
    expect([...new Set(unserved)]).toEqual([]);
  });
});

/**
 * Scoping is structural: data written for tenant A is never read, changed or deleted through any
 * repository method called with tenant B. The calls are the shared table in
 * test/helpers/repository-cases.ts (one row per repository, every public method); here each runs as
 * tenant B against tenant A's seeded data, on a real database.
 */
import mongoose, { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRepositories, type Repositories } from '../../src/persistence/repositories.js';
import { asTenantId, type TenantId } from '../../src/persistence/tenant-id.js';
import { uniqueDbName } from '../helpers/gateway.js';
import { CASES_PENDING, REPOSITORY_CASES, repositoriesByPath, type Seeded, seed } from '../helpers/repository-cases.js';

let connection: mongoose.Connection;
let repos: Repositories;
const tenantA = asTenantId(new Types.ObjectId().toHexString());
const tenantB = asTenantId(new Types.ObjectId().toHexString());
let seeded: Seeded;

/** Every document of `tenant` in every collection, read past the repositories (the raw driver). */
async function documentsOf(tenant: TenantId): Promise<string> {
  const db = connection.db!;
  const out: Record<string, unknown[]> = {};
  for (const { name } of (await db.listCollections().toArray()).sort((a, b) => a.name.localeCompare(b.name))) {
    out[name] = await db.collection(name).find({ $or: [{ tenantId: new Types.ObjectId(tenant) }, { _id: new Types.ObjectId(tenant) }] }).sort({ _id: 1 }).toArray();
  }
  return JSON.stringify(out);
}

/** Nothing found: null, false, 0, an empty list or map, or an object made only of those. */
function isNothing(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (value instanceof Map || value instanceof Set) return value.size === 0;
  if (typeof value === 'object' && value.constructor === Object) return Object.values(value).every(isNothing);
  return false;
}

function publicMethods(instance: object): string[] {
  const names = new Set<string>();
  for (let proto = Object.getPrototypeOf(instance) as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      if (name !== 'constructor' && typeof descriptor?.value === 'function') names.add(name);
    }
  }
  return [...names].sort();
}

beforeAll(async () => {
  connection = await mongoose.createConnection(inject('mongoUri'), { dbName: uniqueDbName('repo-scoping') }).asPromise();
  repos = createRepositories(connection);
  seeded = await seed(repos, tenantA);
});
afterAll(async () => {
  await connection?.dropDatabase().catch(() => {});
  await connection?.close();
});

describe('repository tenant scoping', () => {
  it('has a row for every repository, and a call for every public method of each', () => {
    const repositories = repositoriesByPath(repos);
    const withRows = REPOSITORY_CASES.map((c) => c.repository);
    expect(withRows.filter((name) => CASES_PENDING.includes(name)), 'these have rows now: remove them from CASES_PENDING').toEqual([]);
    expect([...withRows, ...CASES_PENDING].sort(), 'a row per repository in test/helpers/repository-cases.ts').toEqual([...repositories.keys()].sort());
    if (CASES_PENDING.length > 0) console.info(`repository scoping: no rows yet for ${CASES_PENDING.join(', ')}`);
    for (const c of REPOSITORY_CASES) {
      const covered = new Set([...Object.keys(c.read), ...Object.keys(c.write), ...Object.keys(c.crossTenant ?? {}), 'ensureIndexes', 'init']);
      const missing = publicMethods(repositories.get(c.repository)!).filter((name) => !covered.has(name));
      expect(missing, `${c.repository}: add these methods to test/helpers/repository-cases.ts`).toEqual([]);
    }
  });

  it('seeds tenant A with data every call would find as tenant A', async () => {
    for (const c of REPOSITORY_CASES) {
      for (const [name, call] of Object.entries(c.read)) {
        // Read-only calls only: the ones that write (replace, status...) run in the next test as B.
        if (['replaceAtVersion', 'setStatusAtVersion', 'markPushedAtVersion', 'update', 'revokeKey'].includes(name)) continue;
        expect(isNothing(await call(repos, tenantA, seeded)), `${c.repository}.${name} finds tenant A's data as tenant A`).toBe(false);
      }
    }
  });

  for (const c of REPOSITORY_CASES) {
    it(`${c.repository}: every method called with tenant B finds, changes and deletes nothing of tenant A`, async () => {
      const before = await documentsOf(tenantA);
      for (const [name, call] of Object.entries(c.read)) {
        expect(await call(repos, tenantB, seeded).then((value) => (isNothing(value) ? 'nothing' : value)), `${c.repository}.${name} as tenant B`).toBe('nothing');
      }
      for (const [name, call] of Object.entries(c.write)) {
        await call(repos, tenantB, seeded);
        expect(await documentsOf(tenantA), `${c.repository}.${name} as tenant B changed tenant A's documents`).toBe(before);
      }
      expect(await documentsOf(tenantA)).toBe(before);
    });
  }
});

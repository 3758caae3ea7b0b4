/**
 * The embedded FerretDB answers a list page (equality on an index's first keys, sort on its next keys, a
 * limit) and its count from a sorted companion of that index (EXACT_PUSHDOWN_PATCH in
 * src/persistence/ferretdb.installer.ts), instead of decoding every document of the tenant in Go. It must
 * answer exactly as MongoDB does: every page below is checked against MongoDB's rules computed here in
 * JavaScript (strings by their UTF-8 bytes, null and missing first, numbers before strings...), and
 * explain() shows whether the companion served it, so a shape it cannot serve exactly (an array in a sort
 * or filter key, a double) is seen to fall back and still answers right.
 */
import mongoose, { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueDbName } from '../helpers/gateway.js';

interface Row {
  number?: unknown;
  name?: unknown;
  _id: Types.ObjectId;
  tenantId: Types.ObjectId | string;
  externalId: string;
  sortKey?: unknown;
  status?: unknown;
  pushPending?: boolean;
  changedAt?: Date;
}

let connection: mongoose.Connection;
const [a, b, c, d, e] = Array.from({ length: 5 }, () => new Types.ObjectId());
const rows: Row[] = [];

// Names whose JSON text sorts differently from the string itself: a prefix followed by a space, an escaped
// "&" or quote, non-ASCII, the empty string; plus ties broken by externalId, a missing key and a null.
const NAMES = ['smith', 'smith plumbing', 'smith & sons', 'smith!', 'Zeta', 'zeta', 'éclair', 'a"b', '', 'abc', 'abc', 'ab'];

function row(tenantId: Types.ObjectId | string, externalId: string, fields: Partial<Row>): Row {
  const r = { _id: new Types.ObjectId(), tenantId, externalId, ...fields };
  rows.push(r);
  return r;
}

beforeAll(async () => {
  connection = await mongoose.createConnection(inject('mongoUri'), { dbName: uniqueDbName('sortpush') }).asPromise();
  for (let t = 0; t < 20; t++) {
    const tenant = t === 0 ? a! : new Types.ObjectId();
    NAMES.forEach((name, i) => row(tenant, `e${String(i).padStart(2, '0')}-${t}`, { sortKey: name, status: i % 3 === 0 ? 'VOID' : 'ACTIVE', pushPending: i % 2 === 0, changedAt: new Date(Date.UTC(2026, 0, 1 + (i % 4))) }));
  }
  row(a!, 'no-key', { status: 'ACTIVE' });
  row(a!, 'null-key', { sortKey: null, status: 'ACTIVE' });
  row(a!, 'number-key', { sortKey: 42, status: 'ACTIVE' });
  row(a!.toHexString(), 'string-tenant', { sortKey: 'a', status: 'ACTIVE' }); // not tenant a: a string, not an ObjectId
  // Tenant b: an array in the sort key (sorts by its smallest element); tenant c: an array in a filter key.
  row(b!, 'b1', { sortKey: 'b' });
  row(b!, 'b2', { sortKey: ['z', 'a'] });
  row(b!, 'b3', { sortKey: 'c' });
  row(c!, 'c1', { sortKey: 'x', status: 'ACTIVE' });
  row(c!, 'c2', { sortKey: 'y', status: ['VOID', 'ACTIVE'] });
  row(d!, 'd1', { sortKey: 1.5 }); // a double: not ordered by the companion
  row(d!, 'd2', { sortKey: 'q' });
  // Tenant e: a search over number and name (narrowed in SQLite, decided by FerretDB's own filter).
  const SEARCH: Partial<Row>[] = [
    { number: 'INV-0001', name: 'Smith & Sons' }, { number: 'inv-00017', name: 'Jones' }, { number: 'INV-0100', name: 'smith plumbing' },
    { number: ['x', 'INV-0001-B'], name: 'array number' }, { number: 10001, name: 'a number' }, { name: 'no number' },
    { number: 'INV\u00a30001', name: 'ÉCLAIR Électrique' }, { number: null, name: 'éclair' }, { number: 'INV-(0001)', name: 'a.b*c' },
  ];
  SEARCH.forEach((fields, i) => row(e!, `s${i}`, { sortKey: `k${i}`, ...fields }));

  const collection = connection.collection<Row>('rows');
  await collection.insertMany(rows);
  // Created after the documents, as on an existing database: the companion indexes what is there.
  await collection.createIndex({ tenantId: 1, sortKey: 1, externalId: 1 });
  await collection.createIndex({ tenantId: 1, status: 1, sortKey: 1 });
  await collection.createIndex({ tenantId: 1, pushPending: 1, changedAt: 1, _id: 1 });
});
afterAll(async () => {
  await connection?.dropDatabase().catch(() => {});
  await connection?.close();
});

/** MongoDB's sort order for the types used here: null/missing, numbers, strings (by UTF-8 bytes), ObjectIds, dates. */
function rank(v: unknown): number {
  if (v === undefined || v === null) return 1;
  if (typeof v === 'number') return 2;
  if (typeof v === 'string') return 3;
  if (v instanceof Types.ObjectId) return 7;
  if (v instanceof Date) return 9;
  throw new Error(`no rank for ${JSON.stringify(v)}`);
}
function compare(x: unknown, y: unknown): number {
  const r = rank(x) - rank(y);
  if (r !== 0 || rank(x) === 1) return r;
  if (typeof x === 'string') return Buffer.compare(Buffer.from(x), Buffer.from(y as string));
  if (x instanceof Types.ObjectId) return Buffer.compare(Buffer.from(x.toHexString()), Buffer.from((y as Types.ObjectId).toHexString()));
  if (x instanceof Date) return x.getTime() - (y as Date).getTime();
  return (x as number) - (y as number);
}
function sorted(list: Row[], keys: (keyof Row)[], dir: 1 | -1 = 1): Row[] {
  return [...list].sort((x, y) => {
    for (const k of keys) {
      const r = compare(x[k], y[k]);
      if (r !== 0) return dir * r;
    }
    return 0;
  });
}
const of = (tenant: Types.ObjectId) => rows.filter((r) => r.tenantId instanceof Types.ObjectId && r.tenantId.equals(tenant));
const keys = (list: { externalId: string }[]) => list.map((r) => r.externalId);

async function explain(filter: object, sort: Record<string, 1 | -1>, limit: number) {
  const e = await connection.collection<Row>('rows').find(filter).sort(sort).limit(limit).explain();
  return { exact: (e.queryPlanner as { fieldbooksExact?: boolean }).fieldbooksExact === true, sort: e.sortPushdown as boolean, limit: e.limitPushdown as boolean, plan: JSON.stringify(e.queryPlanner) };
}

describe('list pages answered from sorted companion indexes', () => {
  it("serves a tenant's first page in MongoDB's order from the companion, and its count", async () => {
    const collection = connection.collection<Row>('rows');
    const mine = of(a!);
    const expected = sorted(mine, ['sortKey', 'externalId']);
    // null and missing first (tied, then by externalId), the number, then strings byte by byte.
    expect(keys(expected.slice(0, 3))).toEqual(['no-key', 'null-key', 'number-key']);

    const page = await collection.find({ tenantId: a }).sort({ sortKey: 1, externalId: 1 }).limit(8).toArray();
    expect(keys(page)).toEqual(keys(expected.slice(0, 8)));
    expect(keys(await collection.find({ tenantId: a }).sort({ sortKey: 1, externalId: 1 }).toArray())).toEqual(keys(expected));
    expect(keys(await collection.find({ tenantId: a }).sort({ sortKey: -1, externalId: -1 }).limit(6).toArray())).toEqual(keys(sorted(mine, ['sortKey', 'externalId'], -1).slice(0, 6)));
    expect(await collection.countDocuments({ tenantId: a })).toBe(mine.length);
    expect(await collection.countDocuments({ tenantId: new Types.ObjectId() })).toBe(0);

    const plan = await explain({ tenantId: a }, { sortKey: 1, externalId: 1 }, 8);
    expect(plan).toMatchObject({ exact: true, sort: true, limit: true });
    expect(plan.plan).toContain('_fbsort');
    expect(plan.plan).not.toContain('TEMP B-TREE');
  });

  it('serves equality on the next keys too (a status, a boolean), with strings, dates and ObjectIds in the sort', async () => {
    const collection = connection.collection<Row>('rows');
    const active = of(a!).filter((r) => r.status === 'ACTIVE');
    expect(keys(await collection.find({ tenantId: a, status: 'ACTIVE' }).sort({ sortKey: 1 }).limit(5).toArray()).length).toBe(5);
    // Ties on sortKey alone come in no defined order: compare the sort keys of the page, and the whole set.
    const page = await collection.find({ tenantId: a, status: 'ACTIVE' }).sort({ sortKey: 1 }).limit(6).toArray();
    expect(page.map((r) => r.sortKey)).toEqual(sorted(active, ['sortKey']).slice(0, 6).map((r) => r.sortKey));
    expect(await collection.countDocuments({ tenantId: a, status: 'ACTIVE' })).toBe(active.length);
    expect(await explain({ tenantId: a, status: 'ACTIVE' }, { sortKey: 1 }, 6)).toMatchObject({ exact: true, sort: true, limit: true });

    const pending = sorted(of(a!).filter((r) => r.pushPending === true), ['changedAt', '_id']);
    const got = await collection.find({ tenantId: a, pushPending: true }).sort({ changedAt: 1, _id: 1 }).limit(4).toArray();
    expect(got.map((r) => r._id.toHexString())).toEqual(pending.slice(0, 4).map((r) => r._id.toHexString()));
    expect(await explain({ tenantId: a, pushPending: true }, { changedAt: 1, _id: 1 }, 4)).toMatchObject({ exact: true, sort: true });
  });

  it('falls back, and still answers as MongoDB does, where the companion cannot be exact', async () => {
    const collection = connection.collection<Row>('rows');
    // An array sorts by its smallest element ascending: b2 (['z', 'a']) first.
    expect(keys(await collection.find({ tenantId: b }).sort({ sortKey: 1, externalId: 1 }).limit(3).toArray())).toEqual(['b2', 'b1', 'b3']);
    expect(await explain({ tenantId: b }, { sortKey: 1, externalId: 1 }, 3)).toMatchObject({ exact: false, sort: false });
    // MongoDB matches an array holding the value.
    expect(keys(await collection.find({ tenantId: c, status: 'ACTIVE' }).sort({ sortKey: 1 }).limit(5).toArray())).toEqual(['c1', 'c2']);
    expect(await collection.countDocuments({ tenantId: c, status: 'ACTIVE' })).toBe(2);
    expect(await explain({ tenantId: c, status: 'ACTIVE' }, { sortKey: 1 }, 5)).toMatchObject({ exact: false });
    // A double is not ordered by the companion: numbers before strings all the same.
    expect(keys(await collection.find({ tenantId: d }).sort({ sortKey: 1, externalId: 1 }).limit(2).toArray())).toEqual(['d1', 'd2']);
    expect(await explain({ tenantId: d }, { sortKey: 1, externalId: 1 }, 2)).toMatchObject({ exact: false });
    // Shapes no companion serves (a range, a sort on other keys, a skip) keep FerretDB's own path.
    expect(await explain({ tenantId: a, sortKey: { $gte: 'a' } }, { sortKey: 1 }, 5)).toMatchObject({ exact: false });
    expect(await explain({ tenantId: a }, { externalId: 1 }, 5)).toMatchObject({ exact: false });
    expect(keys(await collection.find({ tenantId: a }).sort({ sortKey: 1, externalId: 1 }).skip(3).limit(2).toArray())).toEqual(keys(sorted(of(a!), ['sortKey', 'externalId']).slice(3, 5)));
  });

  it("never counts or lists a string tenantId as the ObjectId tenant, and drops the companion with its index", async () => {
    const collection = connection.collection<Row>('rows');
    expect(keys(await collection.find({ tenantId: a }).sort({ sortKey: 1, externalId: 1 }).toArray())).not.toContain('string-tenant');
    expect(keys(await collection.find({ tenantId: a!.toHexString() }).sort({ sortKey: 1, externalId: 1 }).limit(5).toArray())).toEqual(['string-tenant']);
    expect(await collection.countDocuments({ tenantId: a!.toHexString() })).toBe(1);

    await collection.dropIndex('tenantId_1_sortKey_1_externalId_1');
    expect(await explain({ tenantId: a }, { sortKey: 1, externalId: 1 }, 8)).toMatchObject({ exact: false });
    expect(keys(await collection.find({ tenantId: a }).sort({ sortKey: 1, externalId: 1 }).limit(8).toArray())).toEqual(keys(sorted(of(a!), ['sortKey', 'externalId']).slice(0, 8)));
  });

  it('narrows a search in SQLite without changing its answer (strings matched, arrays and other types left to the filter)', async () => {
    const collection = connection.collection<Row>('rows');
    const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Literal, case-insensitive: what the lists send (containsPattern), checked against JavaScript's own regex.
    for (const text of ['inv-0001', 'SMITH', '&', 'éclair', '(0001)', 'a.b*', 'nothing matches', '0001']) {
      const search = { $or: [{ number: { $regex: escape(text), $options: 'i' } }, { name: { $regex: escape(text), $options: 'i' } }] };
      const re = new RegExp(escape(text), 'i');
      const matches = (v: unknown) => (typeof v === 'string' ? re.test(v) : Array.isArray(v) && v.some((x) => typeof x === 'string' && re.test(x)));
      const expected = rows.filter((r) => r.tenantId === e && (matches(r.number) || matches(r.name)));
      const got = await collection.find({ tenantId: e, ...search }).sort({ sortKey: 1, externalId: 1 }).limit(50).toArray();
      expect(keys(got), text).toEqual(keys(sorted(expected, ['sortKey', 'externalId'])));
      expect(await collection.countDocuments({ tenantId: e, ...search }), text).toBe(expected.length);
    }
    // Anchored and non-literal patterns, and a BSON regex value.
    expect(keys(await collection.find({ tenantId: e, $or: [{ number: { $regex: '^INV-0001' } }] }).sort({ sortKey: 1 }).toArray())).toEqual(['s0', 's3']);
    expect(keys(await collection.find({ tenantId: e, $or: [{ name: /^smith/i }, { number: /^inv-01/i }] }).sort({ sortKey: 1 }).toArray())).toEqual(['s0', 's2']);
  });
});

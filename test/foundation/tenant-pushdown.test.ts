/**
 * The embedded FerretDB narrows queries by `tenantId` (or `_id`) inside SQLite, from the index
 * (TENANT_PUSHDOWN_PATCH in src/persistence/ferretdb.installer.ts). Narrowing must never change an answer: every
 * filter below is also evaluated in JavaScript over the documents inserted, and the database must agree,
 * for finds, counts, updates and deletes, whichever fields sit beside `tenantId`.
 */
import mongoose, { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueDbName } from '../helpers/gateway.js';

interface Doc {
  _id: string;
  tenantId: Types.ObjectId;
  kind: 'Income' | 'Expense' | 'Bank';
  name: string;
  amount: number;
  active: boolean;
}

let connection: mongoose.Connection;
const tenants = Array.from({ length: 12 }, () => new Types.ObjectId());
const docs: Doc[] = [];

beforeAll(async () => {
  connection = await mongoose.createConnection(inject('mongoUri'), { dbName: uniqueDbName('pushdown') }).asPromise();
  const collection = connection.collection<Doc>('accounts');
  await collection.createIndex({ tenantId: 1, kind: 1 });
  for (let i = 0; i < 600; i++) {
    docs.push({ _id: `${tenants[i % tenants.length]!.toHexString()}:${i}`, tenantId: tenants[i % tenants.length]!, kind: (['Income', 'Expense', 'Bank'] as const)[i % 3]!, name: `Account ${String(i).padStart(3, '0')}`, amount: i * 7, active: i % 5 !== 0 });
  }
  await collection.insertMany(docs);
});
afterAll(async () => {
  await connection?.dropDatabase().catch(() => {});
  await connection?.close();
});

const ids = (rows: { _id: string }[]) => rows.map((r) => r._id).sort();

describe('queries narrowed by tenant inside the embedded database', () => {
  it('finds exactly what the whole filter matches, with sort and limit', async () => {
    const collection = connection.collection<Doc>('accounts');
    const tenant = tenants[3]!;
    const mine = docs.filter((d) => d.tenantId.equals(tenant));

    expect(ids(await collection.find({ tenantId: tenant }).toArray())).toEqual(ids(mine));
    const incomeOrBank = mine.filter((d) => d.kind !== 'Expense' && d.active).sort((a, b) => b.name.localeCompare(a.name));
    const page = await collection.find({ tenantId: tenant, kind: { $in: ['Income', 'Bank'] }, active: true }).sort({ name: -1 }).limit(5).toArray();
    expect(page.map((d) => d._id)).toEqual(incomeOrBank.slice(0, 5).map((d) => d._id));
    const search = await collection.find({ tenantId: tenant, name: { $regex: '^Account 0[0-4]' }, $or: [{ amount: { $gt: 100 } }, { kind: 'Bank' }] }).toArray();
    expect(ids(search)).toEqual(ids(mine.filter((d) => /^Account 0[0-4]/.test(d.name) && (d.amount > 100 || d.kind === 'Bank'))));
    expect(await collection.countDocuments({ tenantId: tenant, kind: 'Income' })).toBe(mine.filter((d) => d.kind === 'Income').length);
  });

  it('never returns another tenant\'s document, even named by its _id', async () => {
    const collection = connection.collection<Doc>('accounts');
    const other = docs.find((d) => !d.tenantId.equals(tenants[0]))!;
    expect(await collection.findOne({ tenantId: tenants[0]!, _id: other._id })).toBeNull();
    expect(await collection.findOne({ _id: other._id, tenantId: other.tenantId })).toMatchObject({ name: other.name });
    expect(await collection.countDocuments({ tenantId: new Types.ObjectId() })).toBe(0);
  });

  it('reads a page of documents by a list of _ids ($in), with the rest of the filter still applied', async () => {
    const collection = connection.collection<Doc>('accounts');
    const wanted = [docs[1]!, docs[14]!, docs[27]!, docs[40]!];
    expect(ids(await collection.find({ _id: { $in: [...wanted.map((d) => d._id), 'no-such-id'] } }).toArray())).toEqual(ids(wanted));
    const tenant = docs[14]!.tenantId;
    expect(ids(await collection.find({ tenantId: tenant, _id: { $in: wanted.map((d) => d._id) } }).toArray())).toEqual(ids(wanted.filter((d) => d.tenantId.equals(tenant))));
    expect(await collection.countDocuments({ _id: { $in: wanted.map((d) => d._id) }, kind: 'Income' })).toBe(wanted.filter((d) => d.kind === 'Income').length);
    // Mixed or non-scalar lists are not narrowed, and still answer correctly.
    expect(ids(await collection.find({ _id: { $in: [docs[2]!._id, 7 as never] } }).toArray())).toEqual([docs[2]!._id]);
  });

  it('updates and deletes only the matching documents of the named tenant', async () => {
    const collection = connection.collection<Doc>('accounts');
    const tenant = tenants[5]!;
    const expected = docs.filter((d) => d.tenantId.equals(tenant) && d.kind === 'Bank').length;
    const updated = await collection.updateMany({ tenantId: tenant, kind: 'Bank' }, { $set: { active: false } });
    expect(updated.matchedCount).toBe(expected);
    expect(await collection.countDocuments({ kind: 'Bank', active: false, tenantId: { $ne: tenant } })).toBe(docs.filter((d) => !d.tenantId.equals(tenant) && d.kind === 'Bank' && !d.active).length);
    const deleted = await collection.deleteMany({ tenantId: tenant, kind: 'Bank' });
    expect(deleted.deletedCount).toBe(expected);
    expect(await collection.countDocuments({ tenantId: tenant })).toBe(docs.filter((d) => d.tenantId.equals(tenant)).length - expected);
  });
});

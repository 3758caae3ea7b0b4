/**
 * Lookups that reach a document through its `_id`, the only index FerretDB 1.x uses.
 *
 * FerretDB (the embedded database of dev and tests) pushes a filter down to SQLite only when it is
 * exactly `{_id: <value>}`; any other filter, `{tenantId, _id}` included, reads and decodes every
 * document of the collection. On the sync hot path that made each lookup cost 50-130 ms once a
 * collection held a few thousand documents, and a push slowed down as it went. Two remedies live here:
 *
 * - `keyedById`: collections looked up by a natural key (a sync mapping by tenant, kind, record and
 *   part; an outbox entry by tenant and requestid) store that key as their `_id`, a string that starts
 *   with the tenant id. A query naming exactly the key fields is rewritten to `{_id: key}`, an upsert
 *   keeps the key fields through `$setOnInsert`, and a new document gets its key before validation.
 *   On MongoDB the rewritten filter is an exact `_id` hit as well, so this holds in production too.
 * - `byIdReads` (applied by the tenant plugin): a read by `{tenantId, _id}` asks for `{_id}` and drops
 *   a document of another tenant after reading; on FerretDB an update by `{tenantId, _id, ...equalities}`
 *   checks the conditions on the document read by `_id`, then writes by `_id` (what FerretDB does
 *   internally anyway: its conditional updates are read-then-write). On MongoDB updates are untouched.
 */
import { type Connection, type Model, type Query, type Schema, Types } from 'mongoose';
import { crossTenantCollection } from './cross-tenant.collection.js';

/** Connections served by FerretDB (its `buildInfo` carries `ferretdbVersion`). */
const idOnlyIndexes = new WeakSet<Connection>();

export async function detectIdOnlyIndexes(connection: Connection): Promise<boolean> {
  const info = (await connection.db!.admin().command({ buildInfo: 1 })) as { ferretdbVersion?: string };
  if (info.ferretdbVersion) idOnlyIndexes.add(connection);
  return idOnlyIndexes.has(connection);
}

export function usesIdOnlyIndexes(connection: Connection): boolean {
  return idOnlyIndexes.has(connection);
}

type AnyQuery = Query<unknown, unknown>;

const READ_OPS = ['find', 'findOne', 'countDocuments'] as const;
const WRITE_OPS = ['updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace'] as const;

/** A plain value (not an operator document such as `{$in: ...}`). */
function isExact(value: unknown): value is string | number | boolean | Types.ObjectId {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Types.ObjectId;
}

function hex(value: unknown): string {
  return value instanceof Types.ObjectId ? value.toHexString() : String(value);
}

/** The `_id` of a keyed document: the tenant first, so the key alone is tenant-scoped. */
export function compositeKey(tenantId: string | Types.ObjectId, ...parts: (string | number)[]): string {
  return [hex(tenantId), ...parts.map(String)].join(':');
}

/**
 * Makes `fields` (tenantId first) the `_id` of the schema's documents. The schema must declare
 * `_id: String`. `key` builds the id from the field values (use `compositeKey`).
 */
export function keyedById(schema: Schema, fields: readonly string[], key: (values: Record<string, unknown>) => string): void {
  const wanted = [...fields].sort().join('\u0000');
  schema.pre('validate', function (this: Record<string, unknown> & { isNew: boolean }) {
    if (this.isNew && (this._id === undefined || this._id === null)) this._id = key(this);
  });
  schema.pre([...READ_OPS, ...WRITE_OPS], function (this: AnyQuery) {
    const filter = this.getFilter() as Record<string, unknown>;
    const names = Object.keys(filter);
    // {_id: key, tenantId}: the key already names the tenant.
    if (names.length === 2 && typeof filter._id === 'string' && filter.tenantId !== undefined && filter._id.startsWith(`${hex(filter.tenantId)}:`)) {
      this.setQuery({ _id: filter._id });
      return;
    }
    if (names.sort().join('\u0000') !== wanted || !names.every((n) => isExact(filter[n]))) return;
    this.setQuery({ _id: key(filter) });
    if ((this.getOptions() as { upsert?: boolean }).upsert) {
      const update = (this.getUpdate() ?? {}) as Record<string, Record<string, unknown> | undefined>;
      const tenantId = filter.tenantId instanceof Types.ObjectId ? filter.tenantId : new Types.ObjectId(String(filter.tenantId));
      this.setUpdate({ ...update, $setOnInsert: { ...(update.$setOnInsert ?? {}), ...filter, tenantId } });
    }
  });
}

/**
 * Installed by the tenant plugin on every tenant-owned schema: reads by `{tenantId, _id}` go by `_id`
 * and keep only the tenant's document; on FerretDB, writes by `{tenantId, _id, ...}` do the same check
 * on the document read by `_id` first.
 */
export function byIdReads(schema: Schema): void {
  schema.pre(['find', 'findOne'], function (this: AnyQuery) {
    let filter = this.getFilter() as Record<string, unknown>;
    // `{_id: {$in: [one]}}` (a batch lookup of a single id) is the same exact lookup.
    const only = (filter._id as { $in?: unknown[] } | undefined)?.$in;
    if (Array.isArray(only) && only.length === 1 && Object.keys(filter._id as object).length === 1) filter = { ...filter, _id: only[0] };
    const names = Object.keys(filter);
    if (names.length !== 2 || !isExact(filter._id) || !isExact(filter.tenantId)) return;
    const tenant = hex(filter.tenantId);
    this.setQuery({ _id: filter._id });
    // The tenant check needs tenantId in the result: an inclusive projection gets it added.
    const projection = this.projection() as Record<string, unknown> | undefined;
    if (projection && Object.values(projection).some((v) => v === 1 || v === true)) this.select({ tenantId: 1 });
    const ours = (doc: unknown) => !!doc && hex((doc as { tenantId?: unknown }).tenantId) === tenant;
    if ((this as unknown as { op: string }).op === 'find') this.transform((docs: unknown) => (docs as unknown[]).filter(ours));
    else this.transform((doc: unknown) => (ours(doc) ? doc : null));
  });
  schema.pre([...WRITE_OPS], async function (this: AnyQuery) {
    if (!usesIdOnlyIndexes(this.model.db)) return;
    const filter = this.getFilter() as Record<string, unknown>;
    const names = Object.keys(filter);
    if (!names.includes('_id') || !names.includes('tenantId') || !names.every((n) => isExact(filter[n]))) return;
    if ((this.getOptions() as { upsert?: boolean }).upsert) return; // an upsert needs the fields of its filter
    if (typeof filter._id === 'string' && filter._id.startsWith(`${hex(filter.tenantId)}:`)) return; // a keyed id (keyedById rewrites it)
    // The native driver does not cast: an ObjectId _id given as a hex string is converted here.
    const objectIds = (this.model.schema.path('_id') as { instance?: string } | undefined)?.instance === 'ObjectId';
    const id = objectIds && typeof filter._id === 'string' && Types.ObjectId.isValid(filter._id) ? new Types.ObjectId(filter._id) : filter._id;
    const current = (await this.model.collection.findOne({ _id: id as never }, { projection: Object.fromEntries(names.map((n) => [n, 1])) })) as Record<string, unknown> | null;
    const matches = !!current && names.every((n) => n === '_id' || hex(current[n]) === hex(filter[n]));
    // No match: a filter that matches nothing, so the write reports 0 matched, as the full filter would.
    this.setQuery({ _id: matches ? id : objectIds ? new Types.ObjectId() : '\u0000no-match' });
  });
}

/** Start-up migrations done once per database, so a restart does not read every tenant's documents again. */
export const MIGRATIONS_COLLECTION = 'migrations';

/**
 * Gives documents written before their collection was keyed (an ObjectId `_id`) their key. Runs at
 * start-up, before any sync: the old document is removed before its keyed copy is written, because a
 * database created then still has the old unique index on the key fields. It reads the whole collection
 * (a million documents at a thousand businesses), so once it has run it is recorded and skipped.
 */
export async function migrateToKeyedIds(model: Model<never>, key: (values: Record<string, unknown>) => string): Promise<number> {
  const markers = model.db.collection<{ _id: string; at: Date; migrated: number }>(MIGRATIONS_COLLECTION);
  const marker = `keyed-ids:${model.collection.collectionName}`;
  if (await markers.findOne({ _id: marker })) return 0;
  const legacy = await crossTenantCollection(model, 'start-up migration over every tenant').find({ _id: { $type: 'objectId' } }).toArray();
  for (const doc of legacy) {
    await model.collection.deleteOne({ _id: doc._id });
    await model.collection.insertOne({ ...doc, _id: key(doc) as never });
  }
  await markers.updateOne({ _id: marker }, { $setOnInsert: { at: new Date(), migrated: legacy.length } }, { upsert: true });
  return legacy.length;
}

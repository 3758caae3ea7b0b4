/**
 * Index coverage of the queries the repositories send: records each filter and sort at the driver
 * (mongoose's per-connection `debug` hook, test-only) and checks it against the indexes the schemas
 * declare, so a production MongoDB (`MONGODB_URI`) built from those declarations serves every query.
 *
 * A query is served when:
 * - it names `_id` (equality, `$in` or a range): the `_id` index; or
 * - an index starts with fields the filter binds: an equality prefix (a value, `$eq`, `$in`), then
 *   optionally one range field; and a sort, if any, continues that equality prefix in the index's order
 *   (MongoDB's equality-sort-range rule: no in-memory sort of a whole tenant); or
 * - it is a `findOne` with no filter and no sort (a peek at any one document).
 * Conditions under `$or` never count as bound (MongoDB needs an index per branch for those).
 */
import { type Connection, Types } from 'mongoose';

export interface RecordedQuery {
  collection: string;
  method: string;
  filter: Record<string, unknown>;
  sort?: Record<string, unknown>;
}

const FILTER_FIRST = new Set(['find', 'findOne', 'countDocuments', 'findOneAndUpdate', 'findOneAndReplace', 'findOneAndDelete', 'updateOne', 'updateMany', 'replaceOne', 'deleteOne', 'deleteMany']);
const OPTIONS_AT: Record<string, number> = { find: 1, findOne: 1, findOneAndUpdate: 2, findOneAndReplace: 2, findOneAndDelete: 1 };

/** Starts recording the queries sent through `connection`; `stop` ends it. */
export function recordQueries(connection: Connection): { queries: RecordedQuery[]; stop(): void } {
  const queries: RecordedQuery[] = [];
  connection.set('debug', (collection: string, method: string, ...args: unknown[]) => {
    if (FILTER_FIRST.has(method)) {
      const options = (args[OPTIONS_AT[method] ?? -1] ?? {}) as { sort?: Record<string, unknown> };
      queries.push({ collection, method, filter: (args[0] ?? {}) as Record<string, unknown>, ...(options.sort ? { sort: options.sort } : {}) });
    } else if (method === 'distinct') {
      queries.push({ collection, method, filter: (args[1] ?? {}) as Record<string, unknown> });
    } else if (method === 'aggregate') {
      const stages = (args[0] ?? []) as Record<string, unknown>[];
      const match = stages[0]?.$match as Record<string, unknown> | undefined;
      const sort = stages.find((s) => '$sort' in s)?.$sort as Record<string, unknown> | undefined;
      queries.push({ collection, method, filter: match ?? {}, ...(sort ? { sort } : {}) });
    } else if (method === 'bulkWrite') {
      for (const op of (args[0] ?? []) as Record<string, { filter?: Record<string, unknown> }>[]) {
        const [kind, body] = Object.entries(op)[0] ?? [];
        if (kind && kind !== 'insertOne' && body?.filter) queries.push({ collection, method: `bulkWrite.${kind}`, filter: body.filter });
      }
    }
  });
  return {
    queries,
    stop: () => {
      connection.set('debug', false);
    },
  };
}

/** The index keys each collection's schema declares (every collection also has `_id`). */
export function declaredIndexes(connection: Connection): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const model of Object.values(connection.models)) {
    const keys = model.schema.indexes().map(([fields]) => Object.keys(fields as Record<string, unknown>));
    out.set(model.collection.collectionName, [...(out.get(model.collection.collectionName) ?? []), ...keys]);
  }
  return out;
}

type Bound = 'eq' | 'range' | 'other';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Types.ObjectId) && !(value instanceof RegExp);
}

/** How each top-level field (and those of a top-level `$and`) is constrained. */
export function boundFields(filter: Record<string, unknown>): Map<string, Bound> {
  const out = new Map<string, Bound>();
  const strongest = (field: string, bound: Bound) => {
    const had = out.get(field);
    if (!had || bound === 'eq' || (bound === 'range' && had === 'other')) out.set(field, bound);
  };
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value as Record<string, unknown>[]) for (const [field, bound] of boundFields(part)) strongest(field, bound);
    } else if (key.startsWith('$')) {
      continue;
    } else if (isPlainObject(value) && Object.keys(value).some((op) => op.startsWith('$'))) {
      const ops = Object.keys(value);
      if (ops.every((op) => op === '$eq' || op === '$in')) strongest(key, 'eq');
      else if (ops.every((op) => ['$gt', '$gte', '$lt', '$lte', '$eq'].includes(op))) strongest(key, 'range');
      else strongest(key, 'other');
    } else {
      strongest(key, 'eq');
    }
  }
  return out;
}

/** Why no declared index serves `query`, or undefined when one does. */
export function unservedReason(query: RecordedQuery, indexes: string[][]): string | undefined {
  const bound = boundFields(query.filter);
  const sortFields = Object.keys(query.sort ?? {});
  const id = bound.get('_id');
  if (id === 'eq' || id === 'range') return undefined;
  if (bound.size === 0 && sortFields.length === 0 && query.method === 'findOne' && Object.keys(query.filter).length === 0) return undefined;
  for (const index of indexes) {
    let k = 0;
    while (k < index.length && bound.get(index[k]!) === 'eq') k++;
    const leadingBound = k > 0 || bound.get(index[0]!) === 'range';
    if (!leadingBound) continue;
    const sortRest = sortFields.filter((field) => bound.get(field) !== 'eq');
    if (sortRest.every((field, i) => index[k + i] === field)) return undefined;
  }
  const described = [...bound].map(([f, b]) => `${f}:${b}`).join(', ') || 'nothing';
  return `filter binds ${described}${sortFields.length ? `; sort ${sortFields.join(', ')}` : ''}; indexes: ${indexes.map((i) => `{${i.join(', ')}}`).join(' ') || 'only _id'}`;
}

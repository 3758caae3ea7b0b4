/**
 * Every tenant-owned document carries `tenantId`, and every query on it must filter by tenant. This
 * plugin adds the field and its index, and makes an operation that does not name exactly one tenant
 * fail loudly (a developer error) instead of silently reading or changing another tenant's data.
 *
 * "Exactly one tenant" means a top-level `tenantId` equal to an id (an ObjectId, its 24-hex string, or
 * `{$eq: id}`): presence is not enough, since `{tenantId: {$ne: null}}` or `{$in: [...]}` name every
 * tenant. The rule covers every door to the collection: mongoose queries, `aggregate` (the first stage
 * and every stage that reads another collection), `bulkWrite`, `insertMany`, and the native collection
 * (`Model.collection.*`), whose methods are wrapped when the model is compiled. The few lookups that
 * cross tenants by design (an API key by its hash, an OAuth state by its hash, start-up migrations) go
 * through `crossTenantCollection` (cross-tenant.collection.ts), which names the reason at the call site.
 */
import { type Collection, type Model, type Query, type Schema, Types } from 'mongoose';
import { byIdReads } from './id-lookups.js';

const QUERY_OPS: (
  | 'find' | 'findOne' | 'findOneAndUpdate' | 'findOneAndDelete' | 'findOneAndReplace' | 'countDocuments'
  | 'updateOne' | 'updateMany' | 'replaceOne' | 'deleteOne' | 'deleteMany' | 'distinct' | 'estimatedDocumentCount'
)[] = [
  'find',
  'findOne',
  'findOneAndUpdate',
  'findOneAndDelete',
  'findOneAndReplace',
  'countDocuments',
  'updateOne',
  'updateMany',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'distinct',
  // Counts the whole collection, every tenant included: never allowed.
  'estimatedDocumentCount',
];

export class MissingTenantScopeError extends Error {
  constructor(model: string, op: string, detail = 'without an exact tenantId in its filter') {
    super(`${model}.${op} was called ${detail}; every operation on tenant data must be scoped to exactly one tenant.`);
    this.name = 'MissingTenantScopeError';
  }
}

/** An id naming one tenant: an ObjectId or its hex string (mongoose casts it), never an operator or null. */
function isTenantId(value: unknown): boolean {
  return value instanceof Types.ObjectId || (typeof value === 'string' && /^[0-9a-f]{24}$/i.test(value));
}

/** Whether `filter` names exactly one tenant at its top level (`tenantId: id` or `tenantId: {$eq: id}`). */
export function scopesOneTenant(filter: unknown): boolean {
  if (!filter || typeof filter !== 'object') return false;
  const value = (filter as Record<string, unknown>).tenantId;
  if (isTenantId(value)) return true;
  if (value && typeof value === 'object' && !(value instanceof Types.ObjectId)) {
    const keys = Object.keys(value);
    return keys.length === 1 && keys[0] === '$eq' && isTenantId((value as { $eq: unknown }).$eq);
  }
  return false;
}

/** An exact `_id` lookup (what the tenant-checked query hooks rewrite `{tenantId, _id}` to; see id-lookups.ts). */
function isExactIdLookup(filter: unknown): boolean {
  if (!filter || typeof filter !== 'object') return false;
  const id = (filter as Record<string, unknown>)._id;
  return id instanceof Types.ObjectId || typeof id === 'string' || typeof id === 'number';
}

type Stage = Record<string, unknown>;

/**
 * The reason a pipeline is not scoped, or undefined when it is: it starts with a `$match` naming one
 * tenant, and every stage reading another collection (`$lookup`, `$unionWith`, `$graphLookup`, inside
 * `$facet` too) scopes what it reads the same way. Writing stages (`$out`, `$merge`) are refused.
 */
export function pipelineScopeProblem(pipeline: unknown[]): string | undefined {
  const first = pipeline[0] as { $match?: unknown } | undefined;
  if (!first || !scopesOneTenant(first.$match)) return 'without a first $match stage naming exactly one tenantId';
  return nestedStageProblem(pipeline as Stage[]);
}

function nestedStageProblem(stages: Stage[]): string | undefined {
  for (const stage of stages) {
    if ('$out' in stage || '$merge' in stage) return 'with a stage that writes to another collection ($out/$merge)';
    const lookup = stage.$lookup as { pipeline?: unknown[] } | undefined;
    if (lookup && (!Array.isArray(lookup.pipeline) || pipelineScopeProblem(lookup.pipeline))) {
      return 'with a $lookup whose pipeline does not start with a $match naming exactly one tenantId';
    }
    const union = stage.$unionWith as { pipeline?: unknown[] } | string | undefined;
    if (union !== undefined && (typeof union === 'string' || !Array.isArray(union.pipeline) || pipelineScopeProblem(union.pipeline))) {
      return 'with a $unionWith whose pipeline does not start with a $match naming exactly one tenantId';
    }
    const graph = stage.$graphLookup as { restrictSearchWithMatch?: unknown } | undefined;
    if (graph && !scopesOneTenant(graph.restrictSearchWithMatch)) return 'with a $graphLookup whose restrictSearchWithMatch does not name exactly one tenantId';
    const facet = stage.$facet as Record<string, Stage[]> | undefined;
    if (facet) {
      for (const sub of Object.values(facet)) {
        const problem = nestedStageProblem(sub);
        if (problem) return problem;
      }
    }
  }
  return undefined;
}

/** Why a bulkWrite operation is not scoped, or undefined. `idLookups`: the native layer also accepts exact `_id` filters. */
function bulkOpProblem(op: Record<string, unknown>, idLookups: boolean): string | undefined {
  const [kind, body] = Object.entries(op)[0] ?? [];
  const spec = (body ?? {}) as { filter?: unknown; document?: unknown; replacement?: unknown };
  if (kind === 'insertOne') return scopesOneTenant(spec.document) ? undefined : 'with an insertOne document without its tenantId';
  const scoped = scopesOneTenant(spec.filter) || (idLookups && isExactIdLookup(spec.filter));
  if (!scoped) return `with a ${kind ?? 'bulk'} operation whose filter does not name exactly one tenantId`;
  if (kind === 'replaceOne' && !scopesOneTenant(spec.replacement)) return 'with a replaceOne replacement without its tenantId';
  return undefined;
}

const FILTER_METHODS = [
  'find', 'findOne', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace', 'updateOne', 'updateMany',
  'replaceOne', 'deleteOne', 'deleteMany', 'countDocuments',
] as const;
const ALWAYS_REFUSED = ['estimatedDocumentCount', 'watch', 'drop', 'rename'] as const;
const guards = new WeakSet<object>();

/**
 * The model's view of its native collection: every method that reads or writes by filter obeys the
 * same rule as a query (delegating to mongoose's collection, so buffering and the driver are its own).
 * Exact `_id` filters pass: mongoose issues them itself after the query hooks checked the tenant
 * (id-lookups.ts rewrites `{tenantId, _id}` to `{_id}`). `connection.collection(name)` stays the raw
 * door for inspection in tests and for `crossTenantCollection`.
 */
function guardedCollection(native: Collection, modelName: string): Collection {
  const guard = Object.create(native) as Collection;
  const source = native as unknown as Record<string, (...args: unknown[]) => unknown>;
  const wrap = (method: string, check: (args: unknown[]) => string | undefined) => {
    const original = source[method];
    if (typeof original !== 'function') return;
    Object.defineProperty(guard, method, {
      configurable: true,
      writable: true,
      value: (...args: unknown[]) => {
        const problem = check(args);
        if (problem) throw new MissingTenantScopeError(modelName, `collection.${method}`, problem);
        return original.apply(native, args);
      },
    });
  };
  const filterOk = (filter: unknown) => scopesOneTenant(filter) || isExactIdLookup(filter);
  for (const method of FILTER_METHODS) wrap(method, (args) => (filterOk(args[0]) ? undefined : 'without an exact tenantId (or _id) in its filter'));
  wrap('distinct', (args) => (filterOk(args[1]) ? undefined : 'without an exact tenantId in its filter'));
  wrap('aggregate', (args) => pipelineScopeProblem((args[0] ?? []) as unknown[]));
  wrap('insertOne', (args) => (scopesOneTenant(args[0]) ? undefined : 'with a document without its tenantId'));
  wrap('insertMany', (args) => ((args[0] as unknown[]).every(scopesOneTenant) ? undefined : 'with a document without its tenantId'));
  wrap('bulkWrite', (args) => (args[0] as Record<string, unknown>[]).map((op) => bulkOpProblem(op, true)).find(Boolean));
  for (const method of ALWAYS_REFUSED) wrap(method, () => 'on the whole collection (every tenant)');
  guards.add(guard);
  return guard;
}

/** Gives the model (its statics, its documents, its queries) the guarded collection. */
function guardModel(model: Model<unknown>): void {
  if (guards.has(model.collection)) return;
  const guard = guardedCollection(model.collection, model.modelName);
  const target = model as unknown as Record<string, unknown> & { prototype: Record<string, unknown> };
  target.collection = guard;
  target.$__collection = guard;
  target.prototype.collection = guard;
  target.prototype.$collection = guard;
}

/**
 * `index: false` when the schema declares its own index leading with tenantId (a unique one, say):
 * mongoose would otherwise drop the second definition of the same key, options and all.
 */
export function tenantScoped(schema: Schema, options: { index?: boolean } = {}): void {
  schema.add({ tenantId: { type: Types.ObjectId, required: true, index: options.index ?? true, immutable: true } });
  // doc.save() and doc.deleteOne() then name the document's tenant in their filters too.
  if (!schema.get('shardKey')) schema.set('shardKey', { tenantId: 1 });
  schema.pre(QUERY_OPS, function (this: Query<unknown, unknown>) {
    if (!scopesOneTenant(this.getFilter())) {
      throw new MissingTenantScopeError(this.model.modelName, (this as unknown as { op?: string }).op ?? 'query');
    }
  });
  // After the check above: reads by {tenantId, _id} go through the _id index (see id-lookups.ts).
  byIdReads(schema);
  schema.pre('aggregate', function () {
    const problem = pipelineScopeProblem(this.pipeline());
    if (problem) throw new MissingTenantScopeError(this.model().modelName, 'aggregate', problem);
  });
  schema.pre('bulkWrite', function (this: Model<unknown>, ops: Record<string, unknown>[]) {
    const problem = ops.map((op) => bulkOpProblem(op, false)).find(Boolean);
    if (problem) throw new MissingTenantScopeError(this.modelName, 'bulkWrite', problem);
  } as never);
  schema.pre('insertMany', function (this: Model<unknown>, docs: unknown) {
    const list = Array.isArray(docs) ? docs : [docs];
    if (!list.every((doc) => scopesOneTenant(doc instanceof Object && 'toObject' in doc ? (doc as { toObject(): unknown }).toObject() : doc))) {
      throw new MissingTenantScopeError(this.modelName, 'insertMany', 'with a document without its tenantId');
    }
  } as never);
  schema.on('init', (model: Model<unknown>) => guardModel(model));
}

/**
 * Every tenant-owned document carries `tenantId`, and every query on it must filter by tenant. This
 * plugin adds the field and its index, and makes a query that forgets the tenant fail loudly (a
 * developer error) instead of silently reading or changing another tenant's data.
 */
import { type Query, type Schema, Types } from 'mongoose';
import { byIdReads } from './id-lookups.js';

const QUERY_OPS: (
  | 'find' | 'findOne' | 'findOneAndUpdate' | 'findOneAndDelete' | 'findOneAndReplace' | 'countDocuments'
  | 'updateOne' | 'updateMany' | 'replaceOne' | 'deleteOne' | 'deleteMany' | 'distinct'
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
];

export class MissingTenantScopeError extends Error {
  constructor(model: string, op: string) {
    super(`${model}.${op} was called without a tenantId in its filter; every query on tenant data must be scoped by tenant.`);
    this.name = 'MissingTenantScopeError';
  }
}

/**
 * `index: false` when the schema declares its own index leading with tenantId (a unique one, say):
 * mongoose would otherwise drop the second definition of the same key, options and all.
 */
export function tenantScoped(schema: Schema, options: { index?: boolean } = {}): void {
  schema.add({ tenantId: { type: Types.ObjectId, required: true, index: options.index ?? true, immutable: true } });
  schema.pre(QUERY_OPS, function (this: Query<unknown, unknown>) {
    const filter = this.getFilter() as Record<string, unknown>;
    if (filter.tenantId === undefined || filter.tenantId === null) {
      throw new MissingTenantScopeError(this.model.modelName, (this as unknown as { op?: string }).op ?? 'query');
    }
  });
  // After the check above: reads by {tenantId, _id} go through the _id index (see id-lookups.ts).
  byIdReads(schema);
  schema.pre('aggregate', function () {
    const first = this.pipeline()[0] as { $match?: Record<string, unknown> } | undefined;
    if (!first?.$match?.tenantId) throw new MissingTenantScopeError(this.model().modelName, 'aggregate');
  });
}

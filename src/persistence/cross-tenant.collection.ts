/**
 * The one door around the tenant guard (tenant-scoped.plugin.ts), for the few lookups that cross
 * tenants by design (an API key by its hash, an OAuth state by its hash, start-up migrations). Its own
 * file so the id lookups (which the plugin applies) and the plugin need not import each other.
 */
import { type Collection, type Model } from 'mongoose';

/**
 * The driver's collection behind `model`, without the tenant guard: only for the few operations that
 * cross tenants by design. `reason` is there to be read at the call site (and in a stack trace).
 */
export function crossTenantCollection(model: { db: Model<unknown>['db']; collection: Collection }, reason: string): Collection {
  void reason;
  return model.db.collection(model.collection.collectionName);
}

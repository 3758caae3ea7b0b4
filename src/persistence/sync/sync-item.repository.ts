/**
 * `sync_items`: the QBO items, classes and departments the push creates for FSM lists, per company
 * (realm) and key ("LABOUR:<account>", "class:<team>"...). Every lookup is by the keyed `_id`
 * (tenant + realm + key: see ../id-lookups.ts).
 */
import { type Connection, type Model } from 'mongoose';
import { migrateToKeyedIds } from '../id-lookups.js';
import { type TenantId, tenantObjectId } from '../tenant-id.js';
import { type SyncItem, type SyncItemDoc, syncItemKeyOf, syncItemModel } from './sync-item.model.js';

export type { SyncItem } from './sync-item.model.js';

export class SyncItemRepository {
  readonly #model: Model<SyncItemDoc>;

  constructor(connection: Connection) {
    this.#model = syncItemModel(connection);
  }

  async init(): Promise<void> {
    await this.#model.init();
    await migrateToKeyedIds(this.#model as unknown as Model<never>, syncItemKeyOf);
  }

  async get(tenantId: TenantId, realmId: string, key: string): Promise<SyncItem | null> {
    const doc = await this.#model.findOne({ tenantId: tenantObjectId(tenantId), realmId, key }).lean<SyncItemDoc>();
    return doc ? { realmId: doc.realmId, key: doc.key, entity: doc.entity, name: doc.name, qboId: doc.qboId ?? null } : null;
  }

  /** Fixes the list object's name before its first write (a concurrent first write keeps the name it fixed). */
  async reserveName(tenantId: TenantId, realmId: string, key: string, entity: SyncItem['entity'], name: string): Promise<void> {
    await this.#model.updateOne({ tenantId: tenantObjectId(tenantId), realmId, key }, { $setOnInsert: { entity, name } }, { upsert: true }).catch((e: unknown) => {
      if ((e as { code?: number }).code !== 11000) throw e;
    });
  }

  /** The QBO object now known for the key (created, or an existing one adopted under its own name). */
  async setObject(tenantId: TenantId, realmId: string, key: string, qboId: string, name: string): Promise<void> {
    await this.#model.updateOne({ tenantId: tenantObjectId(tenantId), realmId, key }, { $set: { qboId, name } });
  }
}

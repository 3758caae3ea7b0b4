/**
 * Which tenants a QuickBooks company (realm) belongs to: a cross-tenant lookup by design, since a
 * webhook names realms, not tenants. Served by the connections' realmId index.
 */
import { type Connection, type Model } from 'mongoose';
import { connectionModel } from './connection.model.js';
import { type TenantId, tenantIdOf } from '../tenant-id.js';
import { crossTenantCollection } from '../cross-tenant.collection.js';

export class RealmOwnersRepository {
  readonly #connections: Model<unknown>;

  constructor(connection: Connection) {
    this.#connections = connectionModel(connection) as unknown as Model<unknown>;
  }

  /** Cross-tenant by design: the tenants connected (or waiting to reconnect) to these realms. */
  async ownersOfRealmsAcrossTenants(realmIds: readonly string[]): Promise<{ tenantId: TenantId; realmId: string }[]> {
    if (realmIds.length === 0) return [];
    const owners = await crossTenantCollection(this.#connections, 'a webhook names realms, not tenants')
      .find({ realmId: { $in: [...realmIds] }, status: { $in: ['CONNECTED', 'RECONNECT_REQUIRED'] } }, { projection: { tenantId: 1, realmId: 1 } })
      .toArray();
    return owners.map((o) => ({ tenantId: tenantIdOf(String(o.tenantId)), realmId: String(o.realmId) }));
  }
}

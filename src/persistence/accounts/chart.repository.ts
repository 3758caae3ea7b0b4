/**
 * The cached QuickBooks chart of accounts and reference lists (classes, locations, tax codes, payment
 * methods) and, per list, when it was last refreshed from which company. Every method takes the tenant
 * first; rows are upserted by (tenant, QuickBooks id) so a refresh never duplicates them.
 */
import { type Connection, type Model } from 'mongoose';
import { type TenantId, tenantObjectId } from '../tenant-id.js';
import { type CachedAccount, cachedAccountModel } from './account.model.js';
import { type CachedEntity, type ChartRefreshState, chartRefreshStateModel } from './chart-refresh.model.js';
import { type CachedReference, cachedReferenceModel, type ReferenceKind } from './reference-list.model.js';

/** A row as the mapper produces it (the repository adds the tenant, realm and seen time). */
export type AccountRow = Omit<CachedAccount, '_id' | 'tenantId' | 'realmId' | 'seenAt'>;
export type ReferenceRow = Omit<CachedReference, '_id' | 'tenantId' | 'realmId' | 'seenAt' | 'kind'>;

export class ChartRepository {
  readonly #accounts: Model<CachedAccount>;
  readonly #references: Model<CachedReference>;
  readonly #state: Model<ChartRefreshState>;

  constructor(connection: Connection) {
    this.#accounts = cachedAccountModel(connection);
    this.#references = cachedReferenceModel(connection);
    this.#state = chartRefreshStateModel(connection);
  }

  ensureIndexes(): Promise<unknown> {
    return Promise.all([this.#accounts.init(), this.#references.init(), this.#state.init()]);
  }

  /** Every list's refresh state for the tenant. */
  refreshStates(tenantId: TenantId): Promise<ChartRefreshState[]> {
    return this.#state.find({ tenantId: tenantObjectId(tenantId) }).lean<ChartRefreshState[]>().exec();
  }

  refreshState(tenantId: TenantId, entity: CachedEntity): Promise<ChartRefreshState | null> {
    return this.#state.findOne({ tenantId: tenantObjectId(tenantId), entity }).lean<ChartRefreshState>().exec();
  }

  /** Upserts accounts by QuickBooks id; `$max` on seenAt: a slower concurrent refresh must not mark a row older than it is. */
  async upsertAccounts(tenantId: TenantId, realmId: string, rows: readonly AccountRow[], seenAt: Date): Promise<void> {
    const tenant = tenantObjectId(tenantId);
    await this.#accounts.bulkWrite(
      rows.map((row) => ({ updateOne: { filter: { tenantId: tenant, qboId: row.qboId }, update: { $set: { ...row, realmId }, $max: { seenAt } }, upsert: true } })),
      { ordered: false },
    );
  }

  async upsertReferences(tenantId: TenantId, kind: ReferenceKind, realmId: string, rows: readonly ReferenceRow[], seenAt: Date): Promise<void> {
    const tenant = tenantObjectId(tenantId);
    await this.#references.bulkWrite(
      rows.map((row) => ({ updateOne: { filter: { tenantId: tenant, kind, qboId: row.qboId }, update: { $set: { ...row, kind, realmId }, $max: { seenAt } }, upsert: true } })),
      { ordered: false },
    );
  }

  /** After a full refresh of a list: rows it did not see are gone from the company (or from another company). */
  async deleteUnseen(tenantId: TenantId, entity: CachedEntity, seenBefore: Date): Promise<void> {
    const tenant = tenantObjectId(tenantId);
    if (entity === 'Account') await this.#accounts.deleteMany({ tenantId: tenant, seenAt: { $lt: seenBefore } });
    else await this.#references.deleteMany({ tenantId: tenant, kind: entity, seenAt: { $lt: seenBefore } });
  }

  /** Records a list's refresh; a full one also stamps fullRefreshedAt (an incremental one only on insert). */
  async saveRefreshState(tenantId: TenantId, entity: CachedEntity, state: { realmId: string; watermark: string | null; refreshedAt: Date; full: boolean }): Promise<void> {
    const { realmId, watermark, refreshedAt, full } = state;
    await this.#state.updateOne(
      { tenantId: tenantObjectId(tenantId), entity },
      { $set: { realmId, watermark, refreshedAt, ...(full ? { fullRefreshedAt: refreshedAt } : {}) }, ...(full ? {} : { $setOnInsert: { fullRefreshedAt: refreshedAt } }) },
      { upsert: true },
    );
  }

  /** The whole cached chart, in display order. */
  async load(tenantId: TenantId): Promise<{ accounts: CachedAccount[]; references: CachedReference[] }> {
    const tenant = tenantObjectId(tenantId);
    const [accounts, references] = await Promise.all([
      this.#accounts.find({ tenantId: tenant }).sort({ sortKey: 1, qboId: 1 }).lean<CachedAccount[]>().exec(),
      this.#references.find({ tenantId: tenant }).sort({ sortKey: 1, qboId: 1 }).lean<CachedReference[]>().exec(),
    ]);
    return { accounts, references };
  }
}

/**
 * Accounting settings revisions in the database: the newest one, and the insert of the next (the
 * unique (tenantId, version) index lets exactly one of two concurrent inserts of a version win).
 */
import { type Connection, type Model } from 'mongoose';
import { type AccountingSettings } from '../../settings/accounting-settings.values.js';
import { type TenantId, tenantObjectId } from '../tenant-id.js';
import { accountingSettingsModel, type StoredAccountingSettings } from './accounting-settings.model.js';

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

function plain(doc: StoredAccountingSettings): AccountingSettings {
  const { _id, tenantId, ...rest } = doc;
  delete (rest as { __v?: unknown }).__v;
  return { ...rest, id: _id.toHexString(), tenantId: tenantId.toHexString() };
}

export class AccountingSettingsRepository {
  /** The model, for tests that inspect stored documents. Services use the methods. */
  readonly model: Model<StoredAccountingSettings>;
  #ready: Promise<unknown> | undefined;

  constructor(connection: Connection) {
    this.model = accountingSettingsModel(connection);
  }

  /** The unique (tenantId, version) index must exist before the first insert: it is the lock. */
  ensureIndexes(): Promise<unknown> {
    this.#ready ??= this.model.init();
    return this.#ready;
  }

  /** The newest revision as stored now, or null before the first change. */
  async latest(tenantId: TenantId): Promise<AccountingSettings | null> {
    const doc = await this.model.findOne({ tenantId: tenantObjectId(tenantId) }).sort({ version: -1 }).lean();
    return doc ? plain(doc) : null;
  }

  /** Inserts the revision; null when that version exists already (another change took it first). */
  async insertRevision(tenantId: TenantId, revision: Omit<AccountingSettings, 'id' | 'tenantId'>): Promise<AccountingSettings | null> {
    await this.ensureIndexes();
    try {
      return plain((await this.model.create({ ...revision, tenantId: tenantObjectId(tenantId) })).toObject());
    } catch (error) {
      if (isDuplicateKey(error)) return null;
      throw error;
    }
  }
}

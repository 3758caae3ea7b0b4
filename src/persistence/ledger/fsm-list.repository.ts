/**
 * The FSM lists (job types, supplies, payment methods, teams) in the database. Every method takes the
 * tenant first; records come back plain (hex string ids). Queries: by (tenant, externalId) and by
 * (tenant, _id) through the unique and `_id` indexes, lists by (tenant, sortKey, externalId).
 */
import { type Connection, type Model, Types } from 'mongoose';
import { containsPattern, keysetAfter } from '../query-filters.js';
import { type TenantId, tenantObjectId } from '../tenant-id.js';
import { type FsmListRecord, type StoredFsmList } from './fsm-list.model.js';
import { type JobType, jobTypeModel } from './job-type.model.js';
import { type PaymentMethod, paymentMethodModel } from './payment-method.model.js';
import { type Supply, supplyModel } from './supply.model.js';
import { type Team, teamModel } from './team.model.js';

export type { FsmListRecord } from './fsm-list.model.js';
export type { JobType } from './job-type.model.js';
export type { PaymentMethod } from './payment-method.model.js';
export type { Supply } from './supply.model.js';
export type { Team } from './team.model.js';

export interface FsmListRecords {
  jobTypes: JobType;
  supplies: Supply;
  paymentMethods: PaymentMethod;
  teams: Team;
}
export type FsmListName = keyof FsmListRecords;

/** The list sort, also the cursor's fields. */
export const FSM_LIST_SORT_FIELDS = ['sortKey', 'externalId'] as const;

type AnyModel = Model<StoredFsmList<FsmListRecord>>;

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

function objectIds(ids: readonly string[]): Types.ObjectId[] {
  return [...new Set(ids)].filter((id) => Types.ObjectId.isValid(id)).map((id) => new Types.ObjectId(id));
}

/** The plain record of a stored list document. */
function plain<T extends FsmListRecord>(doc: StoredFsmList<FsmListRecord> & Record<string, unknown>): T {
  const { _id, tenantId, ...rest } = doc;
  delete (rest as { __v?: unknown }).__v;
  return { ...rest, id: _id.toHexString(), tenantId: tenantId.toHexString() } as unknown as T;
}

export class FsmListRepository {
  /** The models, for tests that inspect stored documents. Services use the methods. */
  readonly models: { [L in FsmListName]: Model<StoredFsmList<FsmListRecords[L]>> };
  #ready: Promise<unknown> | undefined;

  constructor(connection: Connection) {
    this.models = { jobTypes: jobTypeModel(connection), supplies: supplyModel(connection), paymentMethods: paymentMethodModel(connection), teams: teamModel(connection) };
  }

  ensureIndexes(): Promise<unknown> {
    this.#ready ??= Promise.all(Object.values(this.models).map((model) => model.init()));
    return this.#ready;
  }

  #model(list: FsmListName): AnyModel {
    return this.models[list] as unknown as AnyModel;
  }

  /**
   * Creates or updates the record `externalId` with `set`; repeating it is harmless. Two first upserts
   * racing: the loser's insert hits the unique index, the row exists then, so its retry updates it.
   */
  async upsert<L extends FsmListName>(tenantId: TenantId, list: L, externalId: string, set: Record<string, unknown>): Promise<FsmListRecords[L]> {
    await this.ensureIndexes();
    const filter = { tenantId: tenantObjectId(tenantId), externalId };
    const run = () => this.#model(list).findOneAndUpdate(filter, { $set: set }, { upsert: true, returnDocument: 'after', setDefaultsOnInsert: true }).lean();
    let doc;
    try {
      doc = await run();
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      doc = await run();
    }
    return plain<FsmListRecords[L]>(doc);
  }

  /** A page in name order (`after`: a checked cursor key), with the count of every match. */
  async list<L extends FsmListName>(
    tenantId: TenantId,
    list: L,
    page: { limit: number; after?: readonly string[] },
    search?: string | null,
  ): Promise<{ rows: FsmListRecords[L][]; totalCount: number }> {
    const tenant = tenantObjectId(tenantId);
    const base: Record<string, unknown> = { tenantId: tenant };
    const text = search?.trim();
    if (text) base.$or = [{ name: containsPattern(text) }, { externalId: containsPattern(text) }];
    const filter = page.after ? { tenantId: tenant, $and: [base, keysetAfter(FSM_LIST_SORT_FIELDS, page.after)] } : base;
    const model = this.#model(list);
    const [rows, totalCount] = await Promise.all([model.find(filter).sort({ sortKey: 1, externalId: 1 }).limit(page.limit + 1).lean(), model.countDocuments(base)]);
    return { rows: rows.map((row) => plain<FsmListRecords[L]>(row as never)), totalCount };
  }

  async findById<L extends FsmListName>(tenantId: TenantId, list: L, id: string): Promise<FsmListRecords[L] | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.#model(list).findOne({ tenantId: tenantObjectId(tenantId), _id: new Types.ObjectId(id) }).lean();
    return doc ? plain<FsmListRecords[L]>(doc) : null;
  }

  /** The records with these gateway ids (any order; unknown ones are absent). `onlyStock`: supplies tracked as inventory. */
  async findByIds<L extends FsmListName>(tenantId: TenantId, list: L, ids: readonly string[], options: { onlyStock?: boolean } = {}): Promise<FsmListRecords[L][]> {
    const wanted = objectIds(ids);
    if (wanted.length === 0) return [];
    // Filtered in memory, not in the query: a few rows at most, read by _id.
    const rows = (await this.#model(list).find({ tenantId: tenantObjectId(tenantId), _id: { $in: wanted } }).lean()).map((row) => plain<FsmListRecords[L]>(row as never));
    return options.onlyStock ? rows.filter((row) => (row as Supply).trackInventory === true) : rows;
  }

  /** The records with these FSM externalIds (any order; unknown ones are absent). */
  async findByExternalIds<L extends FsmListName>(tenantId: TenantId, list: L, externalIds: readonly string[]): Promise<FsmListRecords[L][]> {
    if (externalIds.length === 0) return [];
    const rows = await this.#model(list).find({ tenantId: tenantObjectId(tenantId), externalId: { $in: [...new Set(externalIds)] } }).lean();
    return rows.map((row) => plain<FsmListRecords[L]>(row as never));
  }

  /** The payment method whose externalId is `key`, else the first (by externalId) whose name is `key`, any case. */
  async findPaymentMethodByKey(tenantId: TenantId, key: string): Promise<PaymentMethod | null> {
    const tenant = tenantObjectId(tenantId);
    const model = this.#model('paymentMethods');
    const byId = await model.findOne({ tenantId: tenant, externalId: key }).lean();
    if (byId) return plain<PaymentMethod>(byId);
    const byName = await model.findOne({ tenantId: tenant, sortKey: key.toLowerCase() }).sort({ externalId: 1 }).lean();
    return byName ? plain<PaymentMethod>(byName) : null;
  }

  /** Sets fields of one record; null when it does not exist (for this tenant). */
  async update<L extends FsmListName>(tenantId: TenantId, list: L, id: string, set: Record<string, unknown>): Promise<FsmListRecords[L] | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.#model(list).findOneAndUpdate({ tenantId: tenantObjectId(tenantId), _id: new Types.ObjectId(id) }, { $set: set }, { returnDocument: 'after' }).lean();
    return doc ? plain<FsmListRecords[L]>(doc) : null;
  }
}

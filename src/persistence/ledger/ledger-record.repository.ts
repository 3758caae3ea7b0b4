/**
 * The FSM ledger records (one collection per kind) in the database. Every method takes the tenant
 * first; rows come back plain (`LedgerRow`: hex string ids, the storage fields the ledger's rules need:
 * version, content hash, status...). The FerretDB workarounds live here: ids derived from
 * (tenant, collection, externalId) so a lookup by externalId is a read by `_id` (`LedgerIds`), and
 * writes that are single-document operations conditioned on `version` (the ledger's leases make
 * them exclusive). Every query is served by an index declared in ledger-record.model.ts.
 */
import { type Connection, Types } from 'mongoose';
import { type LedgerKind, type RecordStatus } from '../../ledger/ledger-record.types.js';
import { containsPattern, keysetAfter } from '../query-filters.js';
import { type TenantId, tenantObjectId } from '../tenant-id.js';
import { LedgerIds } from './ledger-ids.js';
import { type LedgerModel, type LedgerModels, ledgerModels, LEDGER_KINDS, type StoredRecord } from './ledger-record.model.js';

/** A stored record as services see it: string ids, every stored field (content and storage fields). */
export type LedgerRow<K extends LedgerKind> = Omit<StoredRecord<K>, '_id' | 'tenantId'> & { id: string; tenantId: string };

export interface LedgerListFilter {
  search?: string | null;
  pushPending?: boolean | null;
  status?: RecordStatus | null;
  /** Transactions only: inclusive calendar-date range. */
  dateFrom?: string | null;
  dateTo?: string | null;
  /** Invoices, payments, credit notes, write-offs: one customer's (gateway id). */
  customerId?: string | null;
}

/** The list sort, also the cursor's fields. */
export const LEDGER_LIST_SORT_FIELDS = ['sortKey', 'externalId'] as const;

const SEARCH_FIELDS: { [K in LedgerKind]: string[] } = {
  customer: ['displayName', 'companyName', 'email', 'externalId'],
  supplier: ['displayName', 'companyName', 'email', 'externalId'],
  invoice: ['number', 'jobNumber', 'customerOrderNumber', 'workOrder', 'externalId'],
  payment: ['reference', 'externalId'],
  creditNote: ['number', 'externalId'],
  badDebtWriteOff: ['reason', 'externalId'],
  supplierInvoice: ['number', 'externalId'],
  expense: ['reference', 'externalId'],
};
const PARTIES = new Set<LedgerKind>(['customer', 'supplier']);

type Projection = Record<string, 0 | 1>;

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

function objectIds(ids: readonly string[]): Types.ObjectId[] {
  return ids.filter((id) => Types.ObjectId.isValid(id)).map((id) => new Types.ObjectId(id));
}

/** The plain row of a stored (possibly projected) document. */
function plain<T>(doc: Record<string, unknown>): T {
  const { _id, tenantId, ...rest } = doc as { _id: Types.ObjectId; tenantId?: Types.ObjectId } & Record<string, unknown>;
  return { ...rest, id: _id.toHexString(), ...(tenantId ? { tenantId: tenantId.toHexString() } : {}) } as T;
}

/** The stored form of a row's body: no `id`, the tenant as an ObjectId. */
function stored(tenant: Types.ObjectId, body: Record<string, unknown>): Record<string, unknown> {
  const { id, tenantId, ...rest } = body;
  void id;
  void tenantId;
  return { ...rest, tenantId: tenant };
}

export class LedgerRecordRepository {
  /** The models, for tests that inspect stored documents. Services use the methods. */
  readonly models: LedgerModels;
  readonly #ids: LedgerIds;
  #ready: Promise<unknown> | undefined;

  constructor(connection: Connection) {
    this.models = ledgerModels(connection);
    this.#ids = new LedgerIds(connection);
  }

  ensureIndexes(): Promise<unknown> {
    this.#ready ??= Promise.all(LEDGER_KINDS.map((kind) => this.models[kind].init()));
    return this.#ready;
  }

  #model(kind: LedgerKind): LedgerModel {
    return this.models[kind];
  }

  // ---- by FSM externalId (a read by derived _id) ---------------------------------------------------

  async findByExternalId<K extends LedgerKind>(tenantId: TenantId, kind: K, externalId: string): Promise<LedgerRow<K> | null> {
    const row = await this.#ids.findOne<StoredRecord<K>>(this.#model(kind), tenantObjectId(tenantId), externalId);
    return row ? plain(row as unknown as Record<string, unknown>) : null;
  }

  /** Only `fields` (and id, externalId) of the records with these externalIds; missing ones are absent. */
  async findByExternalIds<K extends LedgerKind, F extends keyof LedgerRow<K>>(
    tenantId: TenantId,
    kind: K,
    externalIds: readonly string[],
    fields: readonly F[],
  ): Promise<(Pick<LedgerRow<K>, F> & { id: string; externalId: string })[]> {
    const projection: Projection = Object.fromEntries([...fields, 'externalId'].map((f) => [f, 1]));
    const rows = await this.#ids.findMany<StoredRecord<K>>(this.#model(kind), tenantObjectId(tenantId), [...externalIds], projection);
    return rows.map((row) => plain(row as unknown as Record<string, unknown>));
  }

  /** The externalIds of the kind's ACTIVE records that start with `prefix` (the pull's credit applications of one QBO payment). */
  async activeExternalIdsStartingWith(tenantId: TenantId, kind: LedgerKind, prefix: string): Promise<string[]> {
    const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const rows = await this.#model(kind).find({ tenantId: tenantObjectId(tenantId), status: 'ACTIVE', externalId: { $regex: `^${escaped}` } }, { externalId: 1 }).lean<{ externalId: string }[]>();
    return rows.map((row) => row.externalId);
  }

  // ---- writes (callers hold the record's lease) -------------------------------------------------

  /** Inserts a new record under its derived id; null when the externalId exists already (a concurrent first upsert won). */
  async insert<K extends LedgerKind>(tenantId: TenantId, kind: K, body: Omit<LedgerRow<K>, 'id' | 'tenantId'>): Promise<LedgerRow<K> | null> {
    await this.ensureIndexes();
    const tenant = tenantObjectId(tenantId);
    const model = this.#model(kind);
    const doc = { ...stored(tenant, body), _id: this.#ids.newId(model, tenant, body.externalId) };
    try {
      return plain((await model.create(doc as never)).toObject() as unknown as Record<string, unknown>);
    } catch (error) {
      if (isDuplicateKey(error)) return null;
      throw error;
    }
  }

  /**
   * Inserts many new records in one round trip (unordered); the unique (tenant, externalId) index is what
   * makes a plain insert safe. Per body, in order: the row, or null when that externalId exists already.
   */
  async insertMany<K extends LedgerKind>(tenantId: TenantId, kind: K, bodies: Omit<LedgerRow<K>, 'id' | 'tenantId'>[]): Promise<(LedgerRow<K> | null)[]> {
    if (bodies.length === 0) return [];
    await this.ensureIndexes();
    const tenant = tenantObjectId(tenantId);
    const model = this.#model(kind);
    const docs = bodies.map((body) => ({ ...stored(tenant, body as Record<string, unknown>), _id: this.#ids.newId(model, tenant, body.externalId) }));
    const failed = new Set<number>();
    try {
      await model.insertMany(docs, { ordered: false, rawResult: true });
    } catch (error) {
      const writeErrors = (error as { writeErrors?: { index?: number; code?: number; err?: { index?: number; code?: number } }[] }).writeErrors ?? [];
      if (writeErrors.length === 0 || !writeErrors.every((w) => (w.code ?? w.err?.code) === 11000)) throw error;
      for (const w of writeErrors) failed.add(w.index ?? w.err?.index ?? -1);
    }
    return docs.map((doc, position) => (failed.has(position) ? null : plain<LedgerRow<K>>(doc)));
  }

  /** Replaces the record if it is still at `version`; null when it changed meanwhile. */
  async replaceAtVersion<K extends LedgerKind>(tenantId: TenantId, kind: K, id: string, version: number, replacement: Omit<LedgerRow<K>, 'id' | 'tenantId'>): Promise<LedgerRow<K> | null> {
    const tenant = tenantObjectId(tenantId);
    const _id = new Types.ObjectId(id);
    const saved = await this.#model(kind)
      .findOneAndReplace({ tenantId: tenant, _id, version }, { ...stored(tenant, replacement as Record<string, unknown>), _id }, { returnDocument: 'after' })
      .lean();
    return saved ? plain(saved as unknown as Record<string, unknown>) : null;
  }

  /** Sets `status` (a new version) if the record is still at `version`; null when it changed meanwhile. */
  async setStatusAtVersion<K extends LedgerKind>(
    tenantId: TenantId,
    kind: K,
    id: string,
    version: number,
    change: { status: RecordStatus; pushPending: boolean; at: Date },
  ): Promise<LedgerRow<K> | null> {
    const saved = await this.#model(kind)
      .findOneAndUpdate(
        { tenantId: tenantObjectId(tenantId), _id: new Types.ObjectId(id), version },
        { $set: { status: change.status, pushPending: change.pushPending, changedAt: change.at, updatedAt: change.at }, $inc: { version: 1 } },
        { returnDocument: 'after' },
      )
      .lean();
    return saved ? plain(saved as unknown as Record<string, unknown>) : null;
  }

  /** Clears pushPending if the record is still at `version` (nothing newer to push); false otherwise. */
  async markPushedAtVersion(tenantId: TenantId, kind: LedgerKind, id: string, version: number): Promise<boolean> {
    if (!Types.ObjectId.isValid(id)) return false;
    const result = await this.#model(kind).updateOne({ tenantId: tenantObjectId(tenantId), _id: new Types.ObjectId(id), version }, { $set: { pushPending: false } });
    return result.matchedCount === 1;
  }

  /** Flags records pending again, as changed `at` (they go to the end of the pending order). */
  async markPending(tenantId: TenantId, kind: LedgerKind, ids: readonly string[], at: Date): Promise<void> {
    const oids = objectIds(ids);
    if (oids.length === 0) return;
    await this.#model(kind).updateMany({ tenantId: tenantObjectId(tenantId), _id: { $in: oids } }, { $set: { pushPending: true, changedAt: at } });
  }

  // ---- by gateway id -------------------------------------------------------------------------------

  /** Full rows of these ids (any order; unknown ones are absent). */
  async getMany<K extends LedgerKind>(tenantId: TenantId, kind: K, ids: readonly string[]): Promise<LedgerRow<K>[]> {
    const oids = objectIds(ids);
    if (oids.length === 0) return [];
    const rows = await this.#model(kind).find({ tenantId: tenantObjectId(tenantId), _id: { $in: oids } }).lean();
    return rows.map((row) => plain(row as unknown as Record<string, unknown>));
  }

  /** Only `fields` (and id) of these ids (any order; unknown ones are absent). */
  async fieldsOf<K extends LedgerKind, F extends keyof LedgerRow<K>>(tenantId: TenantId, kind: K, ids: readonly string[], fields: readonly F[]): Promise<(Pick<LedgerRow<K>, F> & { id: string })[]> {
    const oids = objectIds(ids);
    if (oids.length === 0) return [];
    const projection: Projection = Object.fromEntries(fields.map((f) => [f, 1]));
    const rows = await this.#model(kind).find({ tenantId: tenantObjectId(tenantId), _id: { $in: oids } }, projection).lean();
    return rows.map((row) => plain(row as unknown as Record<string, unknown>));
  }

  /**
   * Pending records oldest change first. `after` is the last id of the previous page: its change time
   * places the cursor (a record re-changed since moved to the end, so nothing is served twice in a sweep).
   */
  async pending<K extends LedgerKind>(tenantId: TenantId, kind: K, options: { limit: number; after?: string }): Promise<LedgerRow<K>[]> {
    const model = this.#model(kind);
    const tenant = tenantObjectId(tenantId);
    const filter: Record<string, unknown> = { tenantId: tenant, pushPending: true };
    if (options.after && Types.ObjectId.isValid(options.after)) {
      const afterId = new Types.ObjectId(options.after);
      const cursor = await model.findOne({ tenantId: tenant, _id: afterId }, { changedAt: 1 }).lean();
      if (cursor) filter.$or = [{ changedAt: { $gt: cursor.changedAt } }, { changedAt: cursor.changedAt, _id: { $gt: afterId } }];
    }
    const rows = await model.find(filter).sort({ changedAt: 1, _id: 1 }).limit(options.limit).lean();
    return rows.map((row) => plain(row as unknown as Record<string, unknown>));
  }

  /** Every record of the kind in `_id` order, a page at a time. */
  async page<K extends LedgerKind>(tenantId: TenantId, kind: K, options: { limit: number; after?: string }): Promise<LedgerRow<K>[]> {
    const filter: Record<string, unknown> = { tenantId: tenantObjectId(tenantId) };
    if (options.after && Types.ObjectId.isValid(options.after)) filter._id = { $gt: new Types.ObjectId(options.after) };
    const rows = await this.#model(kind).find(filter).sort({ _id: 1 }).limit(options.limit).lean();
    return rows.map((row) => plain(row as unknown as Record<string, unknown>));
  }

  /** A list page in sort-key order (`after`: a checked cursor key), with the count of every match. */
  async list<K extends LedgerKind>(tenantId: TenantId, kind: K, filter: LedgerListFilter, page: { limit: number; after?: readonly string[] }): Promise<{ rows: LedgerRow<K>[]; totalCount: number }> {
    const model = this.#model(kind);
    const tenant = tenantObjectId(tenantId);
    const base: Record<string, unknown> = { tenantId: tenant };
    if (filter.pushPending !== undefined && filter.pushPending !== null) base.pushPending = filter.pushPending;
    if (filter.status) base.status = filter.status;
    if (!PARTIES.has(kind) && (filter.dateFrom || filter.dateTo)) {
      base.date = { ...(filter.dateFrom ? { $gte: filter.dateFrom } : {}), ...(filter.dateTo ? { $lte: filter.dateTo } : {}) };
    }
    if (filter.customerId) base.customerId = filter.customerId;
    const text = filter.search?.trim();
    if (text) base.$or = SEARCH_FIELDS[kind].map((field) => ({ [field]: containsPattern(text) }));
    const query = page.after ? { tenantId: tenant, $and: [base, keysetAfter(LEDGER_LIST_SORT_FIELDS, page.after)] } : base;
    const [rows, totalCount] = await Promise.all([model.find(query).sort({ sortKey: 1, externalId: 1 }).limit(page.limit + 1).lean(), model.countDocuments(base)]);
    return { rows: rows.map((row) => plain(row as unknown as Record<string, unknown>)), totalCount };
  }

  // ---- what other records draw on ------------------------------------------------------------------

  /** Whether the customer (gateway id) has any invoice or payment. */
  async customerHasTransactions(tenantId: TenantId, customerId: string): Promise<boolean> {
    const filter = { tenantId: tenantObjectId(tenantId), customerId };
    const [invoice, payment] = await Promise.all([this.models.invoice.exists(filter), this.models.payment.exists(filter)]);
    return !!invoice || !!payment;
  }

  /**
   * The ACTIVE payments, credit notes and write-offs applied to these invoices (gateway ids); `exclude`
   * leaves one record out (the one being edited).
   */
  async settlementsOf(
    tenantId: TenantId,
    invoiceIds: readonly string[],
    exclude?: { kind: LedgerKind; id: string },
  ): Promise<{
    payments: Pick<LedgerRow<'payment'>, 'allocations'>[];
    credits: Pick<LedgerRow<'creditNote'>, 'invoiceId' | 'total'>[];
    writeOffs: Pick<LedgerRow<'badDebtWriteOff'>, 'invoiceId' | 'amount'>[];
  }> {
    const tenant = tenantObjectId(tenantId);
    const ids = [...invoiceIds];
    const not = (kind: LedgerKind) => (exclude?.kind === kind && Types.ObjectId.isValid(exclude.id) ? { _id: { $ne: new Types.ObjectId(exclude.id) } } : {});
    const [payments, credits, writeOffs] = await Promise.all([
      this.models.payment.find({ tenantId: tenant, status: 'ACTIVE', allocatedInvoiceIds: { $in: ids }, ...not('payment') }, { _id: 0, allocations: 1 }).lean<Pick<LedgerRow<'payment'>, 'allocations'>[]>(),
      this.models.creditNote.find({ tenantId: tenant, status: 'ACTIVE', invoiceId: { $in: ids }, ...not('creditNote') }, { _id: 0, invoiceId: 1, total: 1 }).lean<Pick<LedgerRow<'creditNote'>, 'invoiceId' | 'total'>[]>(),
      this.models.badDebtWriteOff.find({ tenantId: tenant, status: 'ACTIVE', invoiceId: { $in: ids }, ...not('badDebtWriteOff') }, { _id: 0, invoiceId: 1, amount: 1 }).lean<Pick<LedgerRow<'badDebtWriteOff'>, 'invoiceId' | 'amount'>[]>(),
    ]);
    return { payments, credits, writeOffs };
  }

  /** The ACTIVE payments of these customers (gateway ids): what their credit is made of. */
  activePaymentsOf(tenantId: TenantId, customerIds: readonly string[]): Promise<Pick<LedgerRow<'payment'>, 'customerId' | 'amount' | 'allocations' | 'refunds'>[]> {
    return this.models.payment
      .find({ tenantId: tenantObjectId(tenantId), status: 'ACTIVE', customerId: { $in: [...customerIds] } }, { _id: 0, customerId: 1, amount: 1, allocations: 1, refunds: 1 })
      .lean<Pick<LedgerRow<'payment'>, 'customerId' | 'amount' | 'allocations' | 'refunds'>[]>();
  }
}

/**
 * `pull_created_records`: customers and invoices entered in QuickBooks that no FSM record is linked to
 * (OPEN) or that were linked since (LINKED). Keyed `<tenant>:<entity>:<QBO id>` (FerretDB serves `_id`
 * lookups from its primary key); the list uses the (tenant, status, _id) index.
 */
import { type Connection, type Model } from 'mongoose';
import { type TenantId, tenantObjectId } from '../tenant-id.js';
import { type CreatedRecord, type CreatedRecordDoc, type CreatedRecordEntity, type CreatedRecordStatus, pullModels } from './pull.model.js';

export type { CreatedRecord, CreatedRecordEntity, CreatedRecordStatus } from './pull.model.js';

/** What a newly seen record is listed with (OPEN, linked to nothing). */
export type NewCreatedRecord = Omit<CreatedRecord, 'id' | 'status' | 'recordId' | 'seenAt'>;

function createdKey(tenantId: TenantId, entity: CreatedRecordEntity, qboId: string): string {
  return `${tenantId}:${entity}:${qboId}`;
}

function toRecord(doc: CreatedRecordDoc): CreatedRecord {
  return {
    id: doc._id,
    entity: doc.entity,
    qboId: doc.qboId,
    name: doc.name,
    customerName: doc.customerName ?? null,
    customerQboId: doc.customerQboId ?? null,
    email: doc.email ?? null,
    amount: doc.amount ?? null,
    date: doc.date ?? null,
    status: doc.status,
    recordId: doc.recordId ?? null,
    seenAt: doc.seenAt,
  };
}

export class CreatedRecordRepository {
  readonly #model: Model<CreatedRecordDoc>;

  constructor(connection: Connection) {
    this.#model = pullModels(connection).createdRecords;
  }

  init(): Promise<unknown> {
    return this.#model.init();
  }

  async get(tenantId: TenantId, entity: CreatedRecordEntity, qboId: string): Promise<CreatedRecord | null> {
    const doc = await this.#model.findOne({ _id: createdKey(tenantId, entity, qboId), tenantId: tenantObjectId(tenantId) }).lean<CreatedRecordDoc>();
    return doc ? toRecord(doc) : null;
  }

  /** Newest first (by key): up to `limit` after the cursor `beforeId` (a row's id), and the count of the whole list. */
  async page(tenantId: TenantId, filter: { entity: CreatedRecordEntity | null; status: CreatedRecordStatus | null }, beforeId: string | undefined, limit: number): Promise<{ rows: CreatedRecord[]; totalCount: number }> {
    const base = { tenantId: tenantObjectId(tenantId), ...(filter.status ? { status: filter.status } : {}), ...(filter.entity ? { entity: filter.entity } : {}) };
    const [rows, totalCount] = await Promise.all([
      this.#model.find({ ...base, ...(beforeId ? { _id: { $lt: beforeId } } : {}) }).sort({ _id: -1 }).limit(limit).lean<CreatedRecordDoc[]>(),
      this.#model.countDocuments(base),
    ]);
    return { rows: rows.map(toRecord), totalCount };
  }

  /** The OPEN ones (entity and QBO id). */
  async open(tenantId: TenantId): Promise<{ entity: CreatedRecordEntity; qboId: string }[]> {
    return this.#model.find({ tenantId: tenantObjectId(tenantId), status: 'OPEN' }, { entity: 1, qboId: 1 }).lean<{ entity: CreatedRecordEntity; qboId: string }[]>();
  }

  /** Which of these are listed already, as `<entity>:<QBO id>`. */
  async listedAmong(tenantId: TenantId, records: { entity: CreatedRecordEntity; qboId: string }[]): Promise<Set<string>> {
    if (records.length === 0) return new Set();
    const rows = await this.#model.find({ tenantId: tenantObjectId(tenantId), _id: { $in: records.map((r) => createdKey(tenantId, r.entity, r.qboId)) } }, { entity: 1, qboId: 1 }).lean<{ entity: CreatedRecordEntity; qboId: string }[]>();
    return new Set(rows.map((r) => `${r.entity}:${r.qboId}`));
  }

  /** A listed record an FSM record now maps to (whoever linked it). */
  async markLinked(tenantId: TenantId, entity: CreatedRecordEntity, qboId: string, recordId: string): Promise<void> {
    await this.#model.updateOne({ _id: createdKey(tenantId, entity, qboId), tenantId: tenantObjectId(tenantId) }, { $set: { status: 'LINKED', recordId } });
  }

  /** Links it, listing it first (with `listed`) if it was not listed yet; returns it as stored. */
  async link(tenantId: TenantId, listed: NewCreatedRecord, recordId: string): Promise<CreatedRecord> {
    const { entity, qboId, ...fields } = listed;
    const key = createdKey(tenantId, entity, qboId);
    await this.#model.updateOne({ _id: key, tenantId: tenantObjectId(tenantId) }, { $set: { status: 'LINKED', recordId }, $setOnInsert: { entity, qboId, ...fields, seenAt: new Date() } }, { upsert: true });
    return toRecord((await this.#model.findOne({ _id: key, tenantId: tenantObjectId(tenantId) }).lean<CreatedRecordDoc>())!);
  }

  /** Lists new records in one insert; returns the positions of those listed already (a webhook and the poller at once). */
  async insertNew(tenantId: TenantId, records: NewCreatedRecord[]): Promise<Set<number>> {
    const failed = new Set<number>();
    if (records.length === 0) return failed;
    const seenAt = new Date();
    const docs = records.map((r) => ({ ...r, _id: createdKey(tenantId, r.entity, r.qboId), tenantId: tenantObjectId(tenantId), status: 'OPEN' as const, recordId: null, seenAt }));
    try {
      await this.#model.insertMany(docs, { ordered: false });
    } catch (error) {
      const writeErrors = (error as { writeErrors?: { index?: number; err?: { index?: number }; code?: number }[] }).writeErrors;
      if (!writeErrors) throw error;
      for (const e of writeErrors) {
        if ((e.code ?? 11000) !== 11000) throw error; // only "listed already" is expected
        failed.add(e.index ?? e.err?.index ?? -1);
      }
    }
    return failed;
  }
}

/**
 * The durable queue of QuickBooks change hints in the database: one document per change under a
 * dedupe key (`<tenant>:<key>`), so a redelivered hint inserts nothing new.
 */
import { type Connection, type Model } from 'mongoose';
import { type TenantId, tenantObjectId } from '../tenant-id.js';
import { type InboundEvent, inboundEventModel, type StoredInboundEvent } from './inbound-event.model.js';

export type { InboundEvent, InboundStatus } from './inbound-event.model.js';

function plain(doc: StoredInboundEvent): InboundEvent {
  const { _id, tenantId, ...rest } = doc;
  return { ...rest, id: _id, tenantId: tenantId.toHexString() };
}

export class InboundEventRepository {
  /** The model, for tests that inspect stored documents. Services use the methods. */
  readonly model: Model<StoredInboundEvent>;

  constructor(connection: Connection) {
    this.model = inboundEventModel(connection);
  }

  async ensureIndexes(): Promise<void> {
    await this.model.init();
  }

  /** Stores the events not stored yet (by `key`); returns how many were new (redeliveries count zero). */
  async insertNew(tenantId: TenantId, events: (Omit<InboundEvent, 'id' | 'tenantId'> & { key: string })[]): Promise<number> {
    if (events.length === 0) return 0;
    const tenant = tenantObjectId(tenantId);
    const docs = events.map(({ key, ...fields }) => ({ ...fields, _id: `${tenantId}:${key}`, tenantId: tenant }));
    try {
      const inserted = await this.model.insertMany(docs, { ordered: false });
      return inserted.length;
    } catch (error) {
      // Duplicate keys are redeliveries: expected and ignored. Anything else is a real failure.
      const e = error as { code?: number; writeErrors?: { code?: number; err?: { code?: number } }[]; insertedDocs?: unknown[]; result?: { insertedCount?: number } };
      const writeErrors = e.writeErrors ?? [];
      const onlyDuplicates = writeErrors.length > 0 ? writeErrors.every((w) => (w.code ?? w.err?.code) === 11000) : e.code === 11000;
      if (!onlyDuplicates) throw error;
      return e.insertedDocs?.length ?? e.result?.insertedCount ?? docs.length - writeErrors.length;
    }
  }

  /** PENDING events, oldest first. */
  async pending(tenantId: TenantId, limit: number): Promise<InboundEvent[]> {
    return (await this.model.find({ tenantId: tenantObjectId(tenantId), status: 'PENDING' }).sort({ receivedAt: 1, _id: 1 }).limit(limit).lean()).map(plain);
  }

  async get(tenantId: TenantId, id: string): Promise<InboundEvent | null> {
    const doc = await this.model.findOne({ tenantId: tenantObjectId(tenantId), _id: id }).lean();
    return doc ? plain(doc) : null;
  }

  async update(tenantId: TenantId, id: string, set: Partial<Pick<InboundEvent, 'status' | 'processedAt' | 'attempts' | 'lastError'>>): Promise<void> {
    await this.model.updateOne({ tenantId: tenantObjectId(tenantId), _id: id }, { $set: set });
  }
}

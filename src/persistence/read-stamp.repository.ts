/**
 * The read stamps behind TenantReadCache (tenant-read.cache.ts): one per tenant and scope, read and
 * replaced by `_id` (keyed ids: see read-stamp.model.ts).
 */
import { randomUUID } from 'node:crypto';
import { type Connection, type Model } from 'mongoose';
import { type ReadStamp, readStampModel } from './read-stamp.model.js';
import { type TenantId, tenantObjectId } from './tenant-id.js';

export type StampView = Pick<ReadStamp, 'stamp' | 'refreshedAt'>;

export class ReadStampRepository {
  readonly #stamps: Model<ReadStamp>;

  constructor(connection: Connection) {
    this.#stamps = readStampModel(connection);
  }

  /** Creates the collection's indexes (the `_id` one is what reads use). */
  ensureIndexes(): Promise<unknown> {
    return this.#stamps.init();
  }

  /** The tenant's stamp for `scope`, or null when nothing was written yet. */
  async stampOf(tenantId: TenantId, scope: string): Promise<StampView | null> {
    const doc = await this.#stamps.findOne({ tenantId: tenantObjectId(tenantId), scope }, { stamp: 1, refreshedAt: 1 }).lean().exec();
    return doc ? { stamp: doc.stamp, refreshedAt: doc.refreshedAt ?? null } : null;
  }

  /** Replaces the stamp with a fresh random one (optionally recording a full refresh). */
  async renew(tenantId: TenantId, scope: string, fields: { refreshedAt?: Date } = {}): Promise<void> {
    await this.#stamps.updateOne({ tenantId: tenantObjectId(tenantId), scope }, { $set: { stamp: randomUUID(), ...fields } }, { upsert: true });
  }
}

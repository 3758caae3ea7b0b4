/**
 * What the pull slice keeps per tenant besides mappings (src/persistence/pull/pull.model.ts): the CDC
 * watermark and the flags on FSM invoices changed in QuickBooks. Every query names the tenant first
 * and is served by the unique index declared on its schema.
 */
import { type Connection, type Model } from 'mongoose';
import { type TenantId, tenantObjectId } from '../tenant-id.js';
import { type InvoiceFlag, type InvoiceFlagDoc, type PullWatermark, type PullWatermarkDoc, pullModels } from './pull.model.js';

export type { InvoiceFlag, InvoiceRemoteChange, PullWatermark } from './pull.model.js';

export class PullWatermarkRepository {
  readonly #model: Model<PullWatermarkDoc>;

  constructor(connection: Connection) {
    this.#model = pullModels(connection).watermarks;
  }

  init(): Promise<unknown> {
    return this.#model.init();
  }

  async get(tenantId: TenantId): Promise<PullWatermark | null> {
    const doc = await this.#model.findOne({ tenantId: tenantObjectId(tenantId) }).lean<PullWatermarkDoc>();
    return doc ? { since: doc.since, lastPollAt: doc.lastPollAt ?? null, lastPath: doc.lastPath ?? null, lastError: doc.lastError ?? null } : null;
  }

  /** Moves the watermark (tests and a reconnection). */
  async setSince(tenantId: TenantId, since: Date): Promise<void> {
    await this.#model.updateOne({ tenantId: tenantObjectId(tenantId) }, { $set: { since } }, { upsert: true });
  }

  /** A poll that failed: the watermark stays (a new tenant's starts at `since`). */
  async recordError(tenantId: TenantId, message: string, since: Date): Promise<void> {
    await this.#model.updateOne({ tenantId: tenantObjectId(tenantId) }, { $set: { lastError: message, lastPollAt: new Date() }, $setOnInsert: { since } }, { upsert: true });
  }

  /** A poll that applied its window: the watermark moves to `since`. */
  async recordPoll(tenantId: TenantId, since: Date, path: 'CDC' | 'QUERY', lastError: string | null): Promise<void> {
    await this.#model.updateOne({ tenantId: tenantObjectId(tenantId) }, { $set: { since, lastPollAt: new Date(), lastPath: path, lastError } }, { upsert: true });
  }
}

export class InvoiceFlagRepository {
  readonly #model: Model<InvoiceFlagDoc>;

  constructor(connection: Connection) {
    this.#model = pullModels(connection).invoiceFlags;
  }

  init(): Promise<unknown> {
    return this.#model.init();
  }

  async get(tenantId: TenantId, invoiceId: string): Promise<InvoiceFlag | null> {
    const doc = await this.#model.findOne({ tenantId: tenantObjectId(tenantId), invoiceId }).lean<InvoiceFlagDoc>();
    return doc ? { invoiceId: doc.invoiceId, qboId: doc.qboId, change: doc.change, detail: doc.detail, seenSyncToken: doc.seenSyncToken ?? null, at: doc.at } : null;
  }

  async set(tenantId: TenantId, flag: InvoiceFlag): Promise<void> {
    const { invoiceId, ...fields } = flag;
    await this.#model.updateOne({ tenantId: tenantObjectId(tenantId), invoiceId }, { $set: fields }, { upsert: true });
  }

  async remove(tenantId: TenantId, invoiceId: string): Promise<void> {
    await this.#model.deleteOne({ tenantId: tenantObjectId(tenantId), invoiceId });
  }
}

/**
 * Stores change hints per tenant (deduplicated) and hands them to whoever processes them (the pull
 * sync registers a handler per QBO entity). Processing is at-least-once and one process at a time per
 * event (a LeaseStore lease; updates alone are not atomic on FerretDB); events whose entity has no
 * handler yet stay PENDING, so nothing received is ever dropped.
 */
import { type Connection, Types } from 'mongoose';
import { LeaseStore } from '../persistence/lease.store.js';
import { type Logger } from '../logging/logger.js';
import { type InboundEvent, inboundEventModel } from './inbound-event.model.js';
import { type ChangeHint } from './webhook.parser.js';

export type InboundHandler = (event: InboundEvent) => Promise<void>;

const MAX_ATTEMPTS = 8;

export class InboundQueue {
  readonly #events;
  readonly #leases: LeaseStore;
  readonly #handlers = new Map<string, InboundHandler>();

  constructor(
    connection: Connection,
    private readonly log: Logger,
  ) {
    this.#events = inboundEventModel(connection);
    this.#leases = new LeaseStore(connection);
  }

  async ensureIndexes(): Promise<void> {
    await this.#events.init();
  }

  /** Registers the processor for one QBO entity name (e.g. "Payment"). */
  handle(entity: string, handler: InboundHandler): void {
    this.#handlers.set(entity, handler);
  }

  /** Stores hints for a tenant; returns how many were new (redeliveries count zero). */
  async enqueue(tenantId: string, hints: ChangeHint[], source: InboundEvent['source'] | 'webhook'): Promise<number> {
    if (hints.length === 0) return 0;
    const now = new Date();
    const docs = hints.map((h) => ({
      _id: `${tenantId}:${h.key}`,
      tenantId: new Types.ObjectId(tenantId),
      realmId: h.realmId,
      entity: h.entity,
      entityId: h.entityId,
      operation: h.operation,
      occurredAt: h.occurredAt ?? null,
      deletedId: h.deletedId ?? null,
      source: source === 'webhook' ? (h.format === 'legacy' ? 'webhook-legacy' : 'webhook-cloudevents') : source,
      status: 'PENDING' as const,
      attempts: 0,
      receivedAt: now,
    }));
    try {
      const inserted = await this.#events.insertMany(docs, { ordered: false });
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

  async pending(tenantId: string, limit = 100): Promise<InboundEvent[]> {
    return this.#events.find({ tenantId: new Types.ObjectId(tenantId), status: 'PENDING' }).sort({ receivedAt: 1, _id: 1 }).limit(limit).lean();
  }

  /** Processes a tenant's pending events that have a handler; returns how many were completed. */
  async drain(tenantId: string): Promise<number> {
    let done = 0;
    for (const event of await this.pending(tenantId, 500)) {
      const handler = this.#handlers.get(event.entity);
      if (!handler) continue;
      const lease = `inbound:${event._id}`;
      if (!(await this.#leases.tryAcquire(lease, 60_000))) continue;
      try {
        const fresh = await this.#events.findOne({ tenantId: event.tenantId, _id: event._id }).lean();
        if (fresh?.status !== 'PENDING') continue;
        try {
          await handler(fresh);
          await this.#events.updateOne({ tenantId: event.tenantId, _id: event._id }, { $set: { status: 'DONE', processedAt: new Date(), attempts: fresh.attempts + 1, lastError: null } });
          done++;
        } catch (error) {
          const attempts = fresh.attempts + 1;
          this.log.warn({ err: error, eventId: event._id, attempts }, 'processing a QuickBooks change failed');
          await this.#events.updateOne(
            { tenantId: event.tenantId, _id: event._id },
            { $set: { attempts, lastError: (error as Error).message, status: attempts >= MAX_ATTEMPTS ? 'FAILED' : 'PENDING' } },
          );
        }
      } finally {
        await this.#leases.release(lease);
      }
    }
    return done;
  }
}

/**
 * Stores change hints per tenant (deduplicated) and hands them to whoever processes them (the pull
 * sync registers a handler per QBO entity). Processing is at-least-once and one process at a time per
 * event (a LeaseStore lease; updates alone are not atomic on FerretDB); events whose entity has no
 * handler yet stay PENDING, so nothing received is ever dropped.
 */
import { type Logger } from '../logging/logger.js';
import { type LeaseStore } from '../persistence/lease.store.js';
import { type InboundEvent, type InboundEventRepository } from '../persistence/webhooks/inbound-event.repository.js';
import { asTenantId } from '../persistence/tenant-id.js';
import { type ChangeHint } from '../providers/accounting-provider.port.js';

export type { InboundEvent };
export type InboundHandler = (event: InboundEvent) => Promise<void>;

const MAX_ATTEMPTS = 8;

export class InboundQueue {
  readonly #handlers = new Map<string, InboundHandler>();

  constructor(
    private readonly events: InboundEventRepository,
    private readonly leases: LeaseStore,
    private readonly log: Logger,
  ) {}

  ensureIndexes(): Promise<void> {
    return this.events.ensureIndexes();
  }

  /** Registers the processor for one QBO entity name (e.g. "Payment"). */
  handle(entity: string, handler: InboundHandler): void {
    this.#handlers.set(entity, handler);
  }

  /** Stores hints for a tenant; returns how many were new (redeliveries count zero). */
  async enqueue(tenantId: string, hints: ChangeHint[], source: InboundEvent['source'] | 'webhook'): Promise<number> {
    if (hints.length === 0) return 0;
    const now = new Date();
    const events = hints.map((h) => ({
      key: h.key,
      // Stored as `realmId` (no data migration): the provider's company id (QBO realm).
      realmId: h.companyId,
      entity: h.entity,
      entityId: h.entityId,
      operation: h.operation,
      occurredAt: h.occurredAt ?? null,
      deletedId: h.deletedId ?? null,
      source: source === 'webhook' ? (h.format === 'legacy' ? ('webhook-legacy' as const) : ('webhook-cloudevents' as const)) : source,
      status: 'PENDING' as const,
      attempts: 0,
      receivedAt: now,
    }));
    return this.events.insertNew(asTenantId(tenantId), events);
  }

  async pending(tenantId: string, limit = 100): Promise<InboundEvent[]> {
    return this.events.pending(asTenantId(tenantId), limit);
  }

  /** Processes a tenant's pending events that have a handler; returns how many were completed. */
  async drain(tenantId: string): Promise<number> {
    let done = 0;
    for (const event of await this.pending(tenantId, 500)) {
      const handler = this.#handlers.get(event.entity);
      if (!handler) continue;
      const lease = `inbound:${event.id}`;
      if (!(await this.leases.tryAcquire(lease, 60_000))) continue;
      const tenant = asTenantId(event.tenantId);
      try {
        const fresh = await this.events.get(tenant, event.id);
        if (fresh?.status !== 'PENDING') continue;
        try {
          await handler(fresh);
          await this.events.update(tenant, event.id, { status: 'DONE', processedAt: new Date(), attempts: fresh.attempts + 1, lastError: null });
          done++;
        } catch (error) {
          const attempts = fresh.attempts + 1;
          this.log.warn({ err: error, eventId: event.id, attempts }, 'processing a QuickBooks change failed');
          await this.events.update(tenant, event.id, { attempts, lastError: (error as Error).message, status: attempts >= MAX_ATTEMPTS ? 'FAILED' : 'PENDING' });
        }
      } finally {
        await this.leases.release(lease);
      }
    }
    return done;
  }
}

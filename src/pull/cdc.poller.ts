/**
 * The backstop behind webhooks: reads every customer, invoice and payment change since the tenant's
 * watermark and applies it, through the provider port's ChangeFeed. Inside the change log's look-back
 * (QuickBooks CDC: 30 days) it reads the log; beyond it (a long outage, a restored backup), or for a
 * provider without a change log, it pages the records modified since the watermark and finds deleted
 * payments and invoices by asking which mapped ids still exist (deleted QBO transactions cannot be queried).
 *
 * A change-log answer holds at most `cap` objects, oldest first (QBO facts §4: a full response may be
 * truncated): when one is full, the window is split by restarting it at the newest change it held
 * (inclusive, so nothing at that instant is skipped; re-applying is idempotent) until a response
 * comes back below the cap. If a single instant holds a full response, that instant is read with the
 * query path instead. The watermark only moves once a window has been applied, so a crash or an error
 * re-reads changes rather than losing them. One poller per tenant across processes: a LeaseStore lease.
 */
import { type LeaseStore } from '../persistence/lease.store.js';
import { type Logger } from '../logging/logger.js';
import { type AccountingProvider, type ProviderCompany, type PulledKind, type RemoteRecord } from '../providers/accounting-provider.port.js';
import { type SyncMappingRepository } from '../persistence/sync/sync-mapping.repository.js';
import { asTenantId } from '../persistence/tenant-id.js';
import { type InboundApplyService, type PageItem } from './inbound-apply.service.js';
import { type PullWatermarkRepository } from '../persistence/pull/pull-state.repository.js';

export const PULLED_KINDS: readonly PulledKind[] = ['customer', 'invoice', 'payment'];

/** The entity names the apply service and the stored mappings use for each pulled kind. */
const ENTITY_OF: Readonly<Record<PulledKind, PageItem['entity']>> = { customer: 'Customer', invoice: 'Invoice', payment: 'Payment' };

/** Stay clear of the look-back's edge: a CDC call that starts at 29.9 days may arrive at QBO past 30. */
const LOOK_BACK_MARGIN_MS = 60 * 60_000;
/** QBO timestamps have whole seconds: a watermark one second early re-reads rather than misses. */
const OVERLAP_MS = 1000;
const LEASE_MS = 10 * 60_000;
const ID_CHECK_CHUNK = 100;

export interface PollReport {
  path: 'CDC' | 'QUERY';
  /** Objects read from QBO. */
  read: number;
  applied: number;
  /** CDC calls made (more than one when a full response split the window). */
  windows: number;
  since: Date;
  until: Date;
}

export interface CdcPollerDeps {
  /** The poller's own lease store (one poll per tenant across processes). */
  leases: LeaseStore;
  mappings: SyncMappingRepository;
  watermarks: PullWatermarkRepository;
  /** The tenant's connected books (QuickBooks: CDC and queries behind the port's ChangeFeed). */
  provider: Pick<AccountingProvider, 'companyFor'>;
  apply: InboundApplyService;
  log: Logger;
  /** Where a tenant without a watermark starts (its connection time). */
  initialSince: (tenantId: string) => Promise<Date>;
  /** The most objects one change-log answer holds (default: the provider's `maxPerAnswer`). */
  cap?: number;
}

export class CdcPoller {
  readonly #lease: LeaseStore;
  readonly #mappings: SyncMappingRepository;

  constructor(private readonly deps: CdcPollerDeps) {
    this.#lease = deps.leases;
    this.#mappings = deps.mappings;
  }

  async watermark(tenantId: string): Promise<Date | null> {
    return (await this.deps.watermarks.get(asTenantId(tenantId)))?.since ?? null;
  }

  /** Moves the watermark (tests and operators: e.g. to re-read a period). */
  async setWatermark(tenantId: string, since: Date): Promise<void> {
    await this.deps.watermarks.setSince(asTenantId(tenantId), since);
  }

  /** One poll of one tenant; undefined when another process is polling it right now. */
  async poll(tenantId: string, onProgress?: (report: PollReport) => void): Promise<PollReport | undefined> {
    const held = await this.#lease.withLease(`pull-cdc:${tenantId}`, LEASE_MS, () => this.#poll(tenantId, onProgress));
    return held.acquired ? held.value : undefined;
  }

  async #poll(tenantId: string, onProgress?: (report: PollReport) => void): Promise<PollReport> {
    const company = await this.deps.provider.companyFor(tenantId);
    const since = (await this.watermark(tenantId)) ?? (await this.deps.initialSince(tenantId));
    const startedAt = new Date();
    const report: PollReport = { path: 'CDC', read: 0, applied: 0, windows: 0, since, until: since };
    const { lookBackMs } = company.changes;
    try {
      const withinLog = company.changes.changesSince !== undefined && (lookBackMs === null || startedAt.getTime() - since.getTime() <= lookBackMs - LOOK_BACK_MARGIN_MS);
      if (!withinLog) {
        await this.#queryPath(tenantId, company, since, report, onProgress);
        await this.#save(tenantId, new Date(startedAt.getTime() - OVERLAP_MS), 'QUERY', null);
      } else {
        await this.#cdcPath(tenantId, company, since, report, onProgress);
      }
    } catch (error) {
      await this.deps.watermarks.recordError(asTenantId(tenantId), (error as Error).message, since);
      throw error;
    }
    return report;
  }

  async #save(tenantId: string, since: Date, path: 'CDC' | 'QUERY', lastError: string | null): Promise<void> {
    await this.deps.watermarks.recordPoll(asTenantId(tenantId), since, path, lastError);
  }

  async #cdcPath(tenantId: string, company: ProviderCompany, start: Date, report: PollReport, onProgress?: (report: PollReport) => void): Promise<void> {
    const feed = company.changes;
    const cap = this.deps.cap ?? feed.maxPerAnswer ?? Number.POSITIVE_INFINITY;
    let since = start;
    for (;;) {
      const answer = await feed.changesSince!(PULLED_KINDS, since);
      if (answer === 'beyond-look-back') {
        // The provider refused `since` as too old (its clock can differ from ours): query instead.
        report.path = 'QUERY';
        const startedAt = new Date();
        await this.#queryPath(tenantId, company, since, report, onProgress);
        await this.#save(tenantId, new Date(startedAt.getTime() - OVERLAP_MS), 'QUERY', null);
        return;
      }
      report.windows++;
      const { records: objects, serverTime } = answer;
      objects.sort((a, b) => (a.updatedAt?.getTime() ?? 0) - (b.updatedAt?.getTime() ?? 0));
      await this.#applyCounted(tenantId, company.companyId, objects, report);
      const newest = objects.reduce((max, o) => Math.max(max, o.updatedAt?.getTime() ?? 0), 0);
      if (objects.length >= cap) {
        if (newest > since.getTime()) {
          // Full: there may be more after the newest change it held. Restart the window there.
          since = new Date(newest);
          await this.#save(tenantId, since, 'CDC', null);
          report.until = since;
          onProgress?.(report);
          continue;
        }
        // A single instant holds a full response: read exactly that second by query, then move past it.
        const second = new Date(Math.floor(since.getTime() / 1000) * 1000);
        await this.#queryPath(tenantId, company, second, report, onProgress, new Date(second.getTime() + 1000));
        since = new Date(second.getTime() + 1000);
        await this.#save(tenantId, since, 'CDC', null);
        continue;
      }
      // Complete: everything up to QBO's "now" is applied; keep a second of overlap for same-second writes.
      const until = new Date(Math.max(since.getTime(), Math.floor(((serverTime ?? new Date()).getTime() - OVERLAP_MS) / 1000) * 1000));
      await this.#save(tenantId, until, 'CDC', null);
      report.until = until;
      onProgress?.(report);
      return;
    }
  }

  async #queryPath(tenantId: string, company: ProviderCompany, since: Date, report: PollReport, onProgress?: (report: PollReport) => void, before?: Date): Promise<void> {
    report.path = report.windows > 0 ? report.path : 'QUERY';
    for (const kind of PULLED_KINDS) {
      for await (const page of company.changes.modifiedBetween(kind, since, before)) {
        await this.#applyCounted(tenantId, company.companyId, page, report);
        onProgress?.(report);
      }
    }
    if (!before) await this.#findDeleted(tenantId, company, report);
    report.until = new Date();
  }

  /**
   * Deleted transactions vanish from queries: every mapped payment and invoice still live is checked by
   * id, in the company they were mapped in (another company's Ids, after a realm change, are not looked
   * for here: absent, they would read as deleted; present, as other objects).
   */
  async #findDeleted(tenantId: string, company: ProviderCompany, report: PollReport): Promise<void> {
    const tenant = asTenantId(tenantId);
    const realmId = company.companyId;
    for (const kind of ['payment', 'invoice'] as const) {
      let after: string | undefined;
      for (;;) {
        const chunk = await this.#mappings.livePage(tenant, realmId, kind, after, ID_CHECK_CHUNK);
        if (chunk.qboIds.length === 0) break;
        after = chunk.next;
        const ids = chunk.qboIds;
        const found = await company.changes.stillExisting(kind, ids);
        for (const id of ids.filter((i) => !found.has(i))) {
          report.read++;
          const result = kind === 'payment' ? await this.deps.apply.reversePayment(tenantId, realmId, id, 'DELETED', null) : await this.deps.apply.invoiceDeleted(tenantId, realmId, id);
          if (result === 'APPLIED') report.applied++;
        }
        if (ids.length < ID_CHECK_CHUNK) break;
      }
    }
  }

  /** A page at a time: its mappings are read in one query (InboundApplyService.applyPage), not one scan per object. */
  async #applyCounted(tenantId: string, realmId: string, records: readonly RemoteRecord[], report: PollReport): Promise<void> {
    if (records.length === 0) return;
    // The apply service still reads the provider's own rows (QuickBooks: src/providers/quickbooks/inbound.mapper.ts).
    const items: PageItem[] = records.map((r) => ({ entity: ENTITY_OF[r.kind], row: r.raw as PageItem['row'] }));
    const results = await this.deps.apply.applyPage(tenantId, realmId, items);
    report.read += items.length;
    report.applied += results.filter((r) => r === 'APPLIED').length;
  }
}

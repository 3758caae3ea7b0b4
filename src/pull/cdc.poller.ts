/**
 * The backstop behind webhooks: reads every Customer, Invoice and Payment change since the tenant's
 * watermark and applies it. Inside QBO's 30-day look-back it uses CDC; beyond it (a long outage, a
 * restored backup) it pages a query by MetaData.LastUpdatedTime and finds deleted payments and
 * invoices by asking QBO which mapped ids still exist (deleted transactions cannot be queried).
 *
 * A CDC response holds at most `cap` objects, oldest first (facts §4: a full response may be
 * truncated): when one is full, the window is split by restarting it at the newest change it held
 * (inclusive, so nothing at that instant is skipped; re-applying is idempotent) until a response
 * comes back below the cap. If a single instant holds a full response, that instant is read with the
 * query path instead. The watermark only moves once a window has been applied, so a crash or an error
 * re-reads changes rather than losing them. One poller per tenant across processes: a LeaseStore lease.
 */
import { type LeaseStore } from '../persistence/lease.store.js';
import { type Logger } from '../logging/logger.js';
import { type QboClient, type QboEntity } from '../providers/quickbooks/qbo.client.js';
import { QboError } from '../providers/quickbooks/qbo.errors.js';
import { type QuickBooksAccess } from '../connection/connection.types.js';
import { type SyncMappingRepository } from '../persistence/sync/sync-mapping.repository.js';
import { asTenantId } from '../persistence/tenant-id.js';
import { type InboundApplyService, type PageItem } from './inbound-apply.service.js';
import { lastUpdatedOf, parseQboInstant, toPacificIso } from '../providers/quickbooks/pacific-time.util.js';
import { type PullWatermarkRepository } from '../persistence/pull/pull-state.repository.js';

export const PULLED_ENTITIES = ['Customer', 'Invoice', 'Payment'] as const satisfies readonly QboEntity[];
type PulledEntity = (typeof PULLED_ENTITIES)[number];

const DAY_MS = 86_400_000;
/** Stay clear of the 30-day edge: a CDC call that starts at 29.9 days may arrive at QBO past 30. */
const CDC_SAFE_LOOK_BACK_MS = 30 * DAY_MS - 60 * 60_000;
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
  access: QuickBooksAccess;
  apply: InboundApplyService;
  log: Logger;
  /** Where a tenant without a watermark starts (its connection time). */
  initialSince: (tenantId: string) => Promise<Date>;
  cap?: number;
}

export class CdcPoller {
  readonly #lease: LeaseStore;
  readonly #mappings: SyncMappingRepository;
  readonly #cap: number;

  constructor(private readonly deps: CdcPollerDeps) {
    this.#lease = deps.leases;
    this.#mappings = deps.mappings;
    this.#cap = deps.cap ?? 1000;
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
    const client = await this.deps.access.clientFor(tenantId);
    const since = (await this.watermark(tenantId)) ?? (await this.deps.initialSince(tenantId));
    const startedAt = new Date();
    const report: PollReport = { path: 'CDC', read: 0, applied: 0, windows: 0, since, until: since };
    try {
      if (startedAt.getTime() - since.getTime() > CDC_SAFE_LOOK_BACK_MS) {
        await this.#queryPath(tenantId, client, since, report, onProgress);
        await this.#save(tenantId, new Date(startedAt.getTime() - OVERLAP_MS), 'QUERY', null);
      } else {
        await this.#cdcPath(tenantId, client, since, report, onProgress);
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

  async #cdcPath(tenantId: string, client: QboClient, start: Date, report: PollReport, onProgress?: (report: PollReport) => void): Promise<void> {
    let since = start;
    for (;;) {
      let body: unknown;
      try {
        body = await client.changeDataCapture([...PULLED_ENTITIES], toPacificIso(since));
      } catch (error) {
        // QBO refuses a changedSince beyond its look-back (the local clock can differ from QBO's): query instead.
        if (error instanceof QboError && error.kind === 'VALIDATION' && /older than|changedSince/i.test(error.message)) {
          report.path = 'QUERY';
          const startedAt = new Date();
          await this.#queryPath(tenantId, client, since, report, onProgress);
          await this.#save(tenantId, new Date(startedAt.getTime() - OVERLAP_MS), 'QUERY', null);
          return;
        }
        throw error;
      }
      report.windows++;
      const { objects, serverTime } = readCdc(body);
      objects.sort((a, b) => (lastUpdatedOf(a.row)?.getTime() ?? 0) - (lastUpdatedOf(b.row)?.getTime() ?? 0));
      await this.#applyCounted(tenantId, client.realmId, objects, report);
      const newest = objects.reduce((max, o) => Math.max(max, lastUpdatedOf(o.row)?.getTime() ?? 0), 0);
      if (objects.length >= this.#cap) {
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
        await this.#queryPath(tenantId, client, second, report, onProgress, new Date(second.getTime() + 1000));
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

  async #queryPath(tenantId: string, client: QboClient, since: Date, report: PollReport, onProgress?: (report: PollReport) => void, before?: Date): Promise<void> {
    report.path = report.windows > 0 ? report.path : 'QUERY';
    const bound = `MetaData.LastUpdatedTime >= '${toPacificIso(since)}'${before ? ` and MetaData.LastUpdatedTime < '${toPacificIso(before)}'` : ''}`;
    for (const entity of PULLED_ENTITIES) {
      for await (const page of client.queryAll<{ Id: string; SyncToken: string }>(entity, `where ${bound}`)) {
        await this.#applyCounted(tenantId, client.realmId, page.map((row) => ({ entity, row })), report);
        onProgress?.(report);
      }
    }
    if (!before) await this.#findDeleted(tenantId, client, report);
    report.until = new Date();
  }

  /**
   * Deleted transactions vanish from queries: every mapped payment and invoice still live is checked by
   * id, in the company they were mapped in (another company's Ids, after a realm change, are not looked
   * for here: absent, they would read as deleted; present, as other objects).
   */
  async #findDeleted(tenantId: string, client: QboClient, report: PollReport): Promise<void> {
    const tenant = asTenantId(tenantId);
    for (const [kind, entity] of [['payment', 'Payment'], ['invoice', 'Invoice']] as const) {
      let after: string | undefined;
      for (;;) {
        const chunk = await this.#mappings.livePage(tenant, client.realmId, kind, after, ID_CHECK_CHUNK);
        if (chunk.qboIds.length === 0) break;
        after = chunk.next;
        const ids = chunk.qboIds;
        const found = new Set<string>();
        for await (const page of client.queryAll(entity, `where Id in (${ids.map((id) => `'${id}'`).join(', ')})`)) for (const row of page) found.add(row.Id);
        for (const id of ids.filter((i) => !found.has(i))) {
          report.read++;
          const result = entity === 'Payment' ? await this.deps.apply.reversePayment(tenantId, client.realmId, id, 'DELETED', null) : await this.deps.apply.invoiceDeleted(tenantId, client.realmId, id);
          if (result === 'APPLIED') report.applied++;
        }
        if (ids.length < ID_CHECK_CHUNK) break;
      }
    }
  }

  /** A page at a time: its mappings are read in one query (InboundApplyService.applyPage), not one scan per object. */
  async #applyCounted(tenantId: string, realmId: string, items: PageItem[], report: PollReport): Promise<void> {
    if (items.length === 0) return;
    const results = await this.deps.apply.applyPage(tenantId, realmId, items);
    report.read += items.length;
    report.applied += results.filter((r) => r === 'APPLIED').length;
  }
}

/** The objects of a CDC body (full payloads and Deleted stubs), with QBO's own time of the response. */
export function readCdc(body: unknown): { objects: { entity: PulledEntity; row: { Id: string; MetaData?: unknown } }[]; serverTime: Date | undefined } {
  const root = (body ?? {}) as { CDCResponse?: { QueryResponse?: Record<string, unknown>[] }[]; time?: unknown };
  const objects: { entity: PulledEntity; row: { Id: string; MetaData?: unknown } }[] = [];
  for (const response of root.CDCResponse ?? []) {
    for (const qr of response.QueryResponse ?? []) {
      for (const entity of PULLED_ENTITIES) {
        const rows = qr[entity];
        if (Array.isArray(rows)) for (const row of rows as { Id: string }[]) objects.push({ entity, row });
      }
    }
  }
  return { objects, serverTime: parseQboInstant(root.time) };
}

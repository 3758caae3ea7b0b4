/**
 * Sync runs: start (manual, automatic or retry), queue, execute, cancel, and read. One run executes
 * at a time per tenant: a lease (the shared LeaseStore: a unique insert, taken over once expired,
 * renewed while the run is active) lets exactly one process drain the tenant's queue; a second request
 * joins the queued run or queues behind the running one, never interleaves.
 *
 * FerretDB runs filtered updates read-then-write, so no status change here is a compare-and-swap by
 * update: every move of a QUEUED run (join, start, cancel) happens under a short per-tenant queue lock
 * (in-process chain + LeaseStore across processes), and a RUNNING run is written only by the process
 * holding the run lease. Every transition follows sync-run.rules.ts and publishes (coalesced) progress.
 */
import { type LeaseStore } from '../persistence/lease.store.js';
import { NotFoundError, UserInputError } from '../errors/domain.errors.js';
import { type PageRequest } from '../paging/page-request.js';
import { type Logger } from '../logging/logger.js';
import { type LedgerKind, type LedgerReader, type LedgerRecord, PUSH_ORDER } from '../ledger/ledger-record.types.js';
import { type DryRunPayload, PUSHABLE_KINDS, type PushOutcome, type PushService } from './push.service.js';
import { type SyncIssueService } from './sync-issue.service.js';
import { beforeIdCursor } from './sync-paging.util.js';
import { rateAndEta, type SyncProgressPublisher } from './sync-progress.publisher.js';
import { type SyncMappingRepository } from '../persistence/sync/sync-mapping.repository.js';
import { asTenantId } from '../persistence/tenant-id.js';
import { type KindCount, type SyncRun, type SyncRunRepository, type SyncTrigger } from '../persistence/sync/sync-run.repository.js';
import { recordPhrase } from './record-terms.rules.js';
import { transition } from './sync-run.rules.js';

export interface StartSyncOptions {
  scope?: LedgerKind[] | null;
  direction?: 'PUSH' | 'PULL' | 'BOTH';
  dryRun?: boolean;
  trigger?: SyncTrigger;
  recordIds?: string[] | null;
}

/**
 * How long a crashed process can hold a tenant's queue. A live run renews its lease every quarter of
 * this; a run that cannot renew in time stops between records rather than overlap a takeover.
 */
const LEASE_MS = 2 * 60_000;
/** The queue lock covers a couple of database writes; a crashed holder blocks starts this long. */
const QUEUE_LOCK_MS = 10_000;
/** The look for orphaned runs happens every half lease, and at least this often. */
const ORPHAN_LOOK_MAX_MS = 15_000;

/** Tells a running run it no longer holds the tenant's lease. */
interface LeaseWatch {
  lost: boolean;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/**
 * Pending records read per query when a run starts. The embedded FerretDB filters and sorts every page
 * by reading the whole collection, so 200-record pages made a 2,000-invoice run wait 11 s (ten full
 * reads) before its first QuickBooks call; the run holds them all in memory anyway.
 */
const PAGE = 1000;
/**
 * Records pushed concurrently within a kind (FIELDBOOKS_SYNC_CONCURRENCY). Their creates meet in the
 * facade's batch calls: when QBO's 40 batch calls a minute are what holds a run back, enough records
 * must be in flight for those calls to fill up to 30 items while earlier ones wait in the limiter.
 */
const CONCURRENCY = 64;

export class SyncRunService {
  readonly #runs: SyncRunRepository;
  readonly #lease: LeaseStore;
  readonly #draining = new Map<string, Promise<void>>();
  /** In-process order of queue-lock holders per tenant (the LeaseStore is re-entrant for its own owner). */
  readonly #queueChains = new Map<string, Promise<unknown>>();
  /** The run lease's duration; tests shorten it to watch renewals. */
  leaseMs = LEASE_MS;
  /** Records of a kind pushed at once. */
  concurrency = CONCURRENCY;
  #closed = false;
  #orphanTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly deps: { runs: SyncRunRepository; leases: LeaseStore; mappings: SyncMappingRepository; push: PushService; issues: SyncIssueService; progress: SyncProgressPublisher; ledger: () => LedgerReader; log: Logger },
  ) {
    this.#runs = deps.runs;
    // FerretDB runs conditional updates as read-then-write: only a unique insert excludes reliably.
    this.#lease = deps.leases;
  }

  init(): Promise<unknown> {
    return this.#runs.init();
  }

  // ---- reads -----------------------------------------------------------------------------------

  async get(tenantId: string, id: string): Promise<SyncRun | null> {
    return this.#runs.get(asTenantId(tenantId), id);
  }

  async list(tenantId: string, page: PageRequest): Promise<{ rows: SyncRun[]; totalCount: number }> {
    return this.#runs.page(asTenantId(tenantId), beforeIdCursor(page), page.limit + 1);
  }

  // ---- commands --------------------------------------------------------------------------------

  async start(tenantId: string, options: StartSyncOptions): Promise<SyncRun> {
    if (options.direction && options.direction !== 'PUSH') {
      throw new UserInputError(`direction ${options.direction} is not available yet: only PUSH runs exist today (pulling from QuickBooks comes later).`, [
        { path: ['input', 'direction'], message: 'only PUSH is supported' },
      ]);
    }
    const scope = this.#scope(options.scope);
    const tenant = asTenantId(tenantId);
    const trigger = options.trigger ?? 'MANUAL';
    if (options.dryRun) {
      // A dry run writes nothing to QBO and takes no lease: it runs now and returns its payloads.
      const run = await this.#runs.create(tenant, { status: 'QUEUED', trigger, scope, direction: 'PUSH', dryRun: true, recordIds: options.recordIds ?? null, queuedAt: new Date() });
      await this.#execute(run);
      return (await this.get(tenantId, run.id))!;
    }
    const run = await this.#withQueueLock(tenantId, async () => {
      if (!options.recordIds) {
        // Join the queued run (its scope widened) rather than queue a second one behind it. Under the
        // queue lock nobody starts or cancels it meanwhile, so the plain update cannot be lost.
        const queued = await this.#runs.oldestQueued(tenant, { joinable: true });
        if (queued) {
          const widened = PUSH_ORDER.filter((k) => queued.scope.includes(k) || scope.includes(k));
          if (widened.length !== queued.scope.length) await this.#runs.update(tenant, queued.id, { scope: widened });
          return { ...queued, scope: widened };
        }
      }
      return this.#runs.create(tenant, { status: 'QUEUED', trigger, scope, direction: 'PUSH', dryRun: false, recordIds: options.recordIds ?? null, queuedAt: new Date() });
    });
    this.kick(tenantId);
    return run;
  }

  async cancel(tenantId: string, id: string): Promise<SyncRun> {
    const run = await this.get(tenantId, id);
    if (!run) throw new NotFoundError('SyncRun', id);
    const tenant = asTenantId(tenantId);
    if (run.status === 'QUEUED') {
      const cancelled = await this.#withQueueLock(tenantId, async () => {
        const fresh = await this.get(tenantId, id);
        if (fresh?.status !== 'QUEUED') return null; // started meanwhile: cancel it as a running run
        const set = { status: transition('QUEUED', 'cancel')!, cancelRequested: true, finishedAt: new Date(), phase: 'cancelled' };
        await this.#runs.update(tenant, fresh.id, set);
        return { ...fresh, ...set };
      });
      if (cancelled) {
        this.#publish(cancelled, true);
        return cancelled;
      }
    }
    // A running run stops between records (a write in flight completes: stopping it halfway would
    // leave QBO and the mapping disagreeing).
    await this.#runs.requestCancel(tenant, run.id);
    return (await this.get(tenantId, id))!;
  }

  /** Waits for the tenant's queue to drain in this process (tests, shutdown). */
  async idle(tenantId?: string): Promise<void> {
    for (;;) {
      const one = tenantId ? this.#draining.get(tenantId) : undefined;
      const pending: Promise<void>[] = tenantId ? (one ? [one] : []) : [...this.#draining.values()];
      if (pending.length === 0) return;
      await Promise.allSettled(pending);
    }
  }

  /**
   * Stops taking records and waits for the pushes in flight. A run still going is handed over (left
   * RUNNING, its lease released) rather than finished: a long run would outlast any shutdown grace
   * period, and another instance takes it over at its next look for orphaned runs.
   */
  close(): Promise<void> {
    this.#closed = true;
    if (this.#orphanTimer) clearTimeout(this.#orphanTimer);
    return this.idle();
  }

  /**
   * Looks for push runs left RUNNING by a process that stopped (SIGKILL, a lost machine, a shutdown
   * that handed them over) every half lease, and drains their tenants here: whichever instance
   * takes the lapsed (or released) lease first finishes the run. Nothing else would: a tenant's
   * queue is only drained when a run is started on it.
   */
  watchForOrphans(): void {
    if (this.#closed || this.#orphanTimer) return;
    const look = () => {
      this.#orphanTimer = setTimeout(() => {
        this.#kickOrphans()
          .catch((err: unknown) => this.deps.log.warn({ err }, 'looking for unfinished sync runs failed'))
          .finally(() => {
            if (!this.#closed) look();
          });
      }, Math.min(this.leaseMs / 2, ORPHAN_LOOK_MAX_MS));
      this.#orphanTimer.unref();
    };
    look();
  }

  async #kickOrphans(): Promise<void> {
    // A cross-tenant read by design: any instance may take over any tenant's run.
    for (const tenantId of await this.#runs.tenantsWithRunningPushAcrossTenants()) this.kick(tenantId);
  }

  /** Makes this process drain the tenant's queue if no process holds its lease. */
  kick(tenantId: string): void {
    if (this.#closed || this.#draining.has(tenantId)) return;
    const drain = this.#drain(tenantId)
      .catch((err: unknown) => this.deps.log.error({ err, tenantId }, 'sync queue drain failed'))
      .finally(() => {
        this.#draining.delete(tenantId);
      });
    this.#draining.set(tenantId, drain);
  }

  // ---- lease and queue -------------------------------------------------------------------------

  #leaseKey(tenantId: string): string {
    return `sync-run:${tenantId}`;
  }

  /**
   * Runs `work` while no other start, join, cancel or dequeue of the tenant's queue runs, in this
   * process (a promise chain) or any other (a LeaseStore lease, retried briefly when held).
   */
  #withQueueLock<T>(tenantId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#queueChains.get(tenantId) ?? Promise.resolve();
    const result = previous.then(async () => {
      const key = `sync-queue:${tenantId}`;
      const deadline = Date.now() + 3 * QUEUE_LOCK_MS;
      for (;;) {
        const held = await this.#lease.withLease(key, QUEUE_LOCK_MS, work);
        if (held.acquired) return held.value;
        if (Date.now() > deadline) throw new Error('The sync queue of this tenant stayed locked by another process; try again.');
        await pause(5 + Math.random() * 20);
      }
    });
    const tail = result.catch(() => undefined);
    this.#queueChains.set(tenantId, tail);
    void tail.then(() => {
      if (this.#queueChains.get(tenantId) === tail) this.#queueChains.delete(tenantId);
    });
    return result;
  }

  async #drain(tenantId: string): Promise<void> {
    const tenant = asTenantId(tenantId);
    const key = this.#leaseKey(tenantId);
    while (!this.#closed) {
      const leaseMs = this.leaseMs;
      if (!(await this.#lease.tryAcquire(key, leaseMs))) {
        // Another process holds the queue: it drains what is queued, unless it has crashed. Then
        // nobody would start the queued runs before the next request, so look again once a
        // crashed holder's lease could have lapsed.
        const queued = await this.#runs.hasQueued(tenant);
        if (queued && !this.#closed) setTimeout(() => this.kick(tenantId), Math.min(leaseMs / 4, 15_000)).unref();
        return;
      }
      const watch: LeaseWatch = { lost: false };
      // Renew while the run is active; renewing only with half the lease left keeps the (read-then-
      // write) renewal clear of any takeover, which needs an expired lease.
      const renewal = setInterval(() => {
        this.#lease
          .renew(key, leaseMs, leaseMs / 2)
          .then((held) => {
            if (!held) watch.lost = true;
          })
          .catch((err: unknown) => {
            watch.lost = true;
            this.deps.log.warn({ err, tenantId }, 'sync run lease could not be renewed');
          });
      }, leaseMs / 4);
      renewal.unref();
      let ran = false;
      try {
        // Holding the run lease, no other process executes this tenant's push runs: a RUNNING one was
        // left by a process that died (SIGKILL, a lost machine) or handed it over (SIGTERM). This
        // process takes it over and finishes it: its records still pending are pushed now, and what
        // the first process already wrote is recognised (mappings, requestid replay), not written again.
        const orphaned = await this.#runs.runningPush(tenant);
        for (const extra of orphaned.slice(1)) {
          // Never more than one in practice (one lease); close any extra rather than run two at once.
          await this.#runs.update(tenant, extra.id, { status: transition('RUNNING', 'fail')!, phase: 'failed', error: 'Interrupted: the process running it stopped. Its records stay pending and are pushed by the next run.', finishedAt: new Date() });
        }
        const resumed = orphaned[0];
        const next = resumed ? { ...resumed, phase: 'resuming' } : await this.#withQueueLock(tenantId, async () => {
          const queued = await this.#runs.oldestQueued(tenant);
          if (!queued) return null;
          const set = { status: transition('QUEUED', 'start')!, startedAt: new Date(), phase: 'preparing' };
          await this.#runs.update(tenant, queued.id, set);
          return { ...queued, ...set };
        });
        if (next) {
          ran = true;
          if (resumed) this.deps.log.info({ tenantId, runId: resumed.id, processed: resumed.processed }, 'taking over a sync run its process left unfinished');
          await this.#execute(next, watch, Boolean(resumed));
        }
      } finally {
        clearInterval(renewal);
        if (!watch.lost) await this.#lease.release(key);
      }
      if (!ran || watch.lost) return;
    }
  }

  // ---- execution -------------------------------------------------------------------------------

  #scope(scope: LedgerKind[] | null | undefined): LedgerKind[] {
    const requested = scope && scope.length > 0 ? scope : [...PUSHABLE_KINDS];
    return PUSH_ORDER.filter((k) => requested.includes(k));
  }

  async #records(run: SyncRun, kind: LedgerKind): Promise<LedgerRecord[]> {
    const tenantId = run.tenantId;
    const ledger = this.deps.ledger();
    if (run.recordIds) return (await ledger.getMany(tenantId, kind, run.recordIds));
    const out: LedgerRecord[] = [];
    for (let after: string | undefined; ; ) {
      // A dry run shows every record; a real run pushes the versions not yet in QBO.
      const page = (run.dryRun ? await ledger.page(tenantId, kind, { limit: PAGE, after }) : await ledger.pending(tenantId, kind, { limit: PAGE, after })) as LedgerRecord[];
      out.push(...page);
      if (page.length < PAGE) return out;
      after = page.at(-1)!.id;
    }
  }

  async #execute(run: SyncRun, watch: LeaseWatch = { lost: false }, resumed = false): Promise<void> {
    const tenantId = run.tenantId;
    const runId = run.id;
    // A run taken over goes on from the counts its first process saved (saved every 250 ms, so a
    // record or two finished just before a SIGKILL may be missing from them; QBO holds them once).
    const counts = resumed
      ? { total: 0, processed: run.processed, succeeded: run.succeeded, failed: run.failed, skipped: run.skipped, blocked: run.blocked }
      : { total: 0, processed: 0, succeeded: 0, failed: 0, skipped: 0, blocked: 0 };
    let current: SyncRun = { ...run, status: run.dryRun ? 'RUNNING' : run.status, startedAt: run.startedAt ?? new Date() };
    const save = async (set: Partial<SyncRun>, final = false) => {
      current = { ...current, ...counts, ...set };
      if (final || !run.dryRun) await this.#runs.update(run.tenantId, run.id, { ...counts, ...set });
      this.#publish(current, final);
    };
    try {
      const session = await this.deps.push.openSession(tenantId, run.dryRun);
      const batches: { kind: LedgerKind; records: LedgerRecord[] }[] = [];
      for (const kind of run.scope) batches.push({ kind, records: await this.#records(run, kind) });
      counts.total = counts.processed + batches.reduce((n, b) => n + b.records.length, 0);
      const kindCounts: KindCount[] = PUSH_ORDER.flatMap((kind) => {
        const before = resumed ? run.kindCounts.find((k) => k.kind === kind) : undefined;
        const done = before ? before.succeeded + before.failed + before.blocked + before.skipped : 0;
        const left = batches.find((b) => b.kind === kind)?.records.length ?? 0;
        return done + left > 0 ? [{ kind, total: done + left, succeeded: before?.succeeded ?? 0, failed: before?.failed ?? 0, blocked: before?.blocked ?? 0, skipped: before?.skipped ?? 0 }] : [];
      });
      const tally = (kind: LedgerKind, result: PushOutcome['result']) => {
        const entry = kindCounts.find((k) => k.kind === kind);
        if (!entry) return;
        if (result === 'SUCCEEDED') entry.succeeded++;
        else if (result === 'SKIPPED') entry.skipped++;
        else if (result === 'BLOCKED') entry.blocked++;
        else entry.failed++;
      };
      await save({ status: 'RUNNING', startedAt: current.startedAt, phase: 'pushing' });
      let lastSave = 0;
      let cancelled = false;
      for (const batch of batches) {
        if (cancelled) break;
        await save({ phase: `pushing ${batch.kind}` });
        this.deps.push.prepare(session, batch.kind, batch.records);
        const queue = [...batch.records];
        const worker = async () => {
          // Shutting down (SIGTERM), the run stops between records and is handed over (below).
          for (let record = queue.shift(); record && !cancelled && !watch.lost && !this.#closed; record = queue.shift()) {
            const outcome = await this.deps.push.push(session, record);
            await this.#recordOutcome(tenantId, runId, record, outcome, run.dryRun);
            counts.processed++;
            tally(record.kind, outcome.result);
            if (outcome.result === 'SUCCEEDED') counts.succeeded++;
            else if (outcome.result === 'SKIPPED') counts.skipped++;
            else if (outcome.result === 'BLOCKED') counts.blocked++;
            else counts.failed++;
            if (Date.now() - lastSave > 250) {
              lastSave = Date.now();
              if (!run.dryRun && (await this.#runs.cancelRequested(run.tenantId, run.id))) cancelled = true;
              await save({ currentRecord: recordPhrase(record), kindCounts });
            }
          }
        };
        await Promise.all(Array.from({ length: run.dryRun ? 1 : this.concurrency }, worker));
      }
      const fresh = run.dryRun ? null : { cancelRequested: (await this.#runs.cancelRequested(run.tenantId, run.id)) === true };
      for (const notice of session.notices) this.deps.log.info({ tenantId, runId }, notice);
      if (this.#closed && !run.dryRun && !watch.lost && !(cancelled || fresh?.cancelRequested) && counts.processed < counts.total) {
        // Handed over: the run stays RUNNING and the lease is released as this process stops, so
        // another instance (or this one once restarted) takes the run over at its next look.
        await save({ phase: 'handed over', currentRecord: null, kindCounts });
        this.deps.log.info({ tenantId, runId, processed: counts.processed, total: counts.total }, 'sync run handed over at shutdown');
        return;
      }
      if (watch.lost) {
        // Another process may own the queue now: stop here; unfinished records stay pending.
        await save({ status: transition('RUNNING', 'fail')!, phase: 'failed', error: 'Stopped: the run lost its lease on the tenant queue (the process stalled); the remaining records stay pending.', currentRecord: null, finishedAt: new Date(), kindCounts }, true);
        return;
      }
      const status = cancelled || fresh?.cancelRequested ? transition('RUNNING', 'cancel')! : transition('RUNNING', 'finish', counts)!;
      await save({ status, phase: 'done', currentRecord: null, finishedAt: new Date(), dryRunPayloads: session.payloads.map((p: DryRunPayload) => JSON.stringify(p)), notices: [...session.notices], kindCounts }, true);
    } catch (error) {
      this.deps.log.warn({ err: error, tenantId, runId }, 'sync run failed');
      await save({ status: 'FAILED', phase: 'failed', error: (error as Error).message, finishedAt: new Date() }, true);
    }
  }

  async #recordOutcome(tenantId: string, runId: string, record: LedgerRecord, outcome: PushOutcome, dryRun: boolean): Promise<void> {
    if (dryRun) return;
    if (outcome.problem && (outcome.result === 'FAILED' || outcome.result === 'BLOCKED')) {
      const issue = await this.deps.issues.open(tenantId, { kind: record.kind, id: record.id, externalId: record.externalId }, outcome.problem, runId);
      await this.deps.mappings.linkIssue(asTenantId(tenantId), { kind: record.kind, recordId: record.id }, issue.id);
    } else {
      await this.deps.issues.resolve(tenantId, record.kind, record.id);
      if (outcome.issueCleared) return; // the push's own state write unlinked the issue
      const mapping = await this.deps.push.mappingOf(tenantId, record.kind, record.id);
      if (mapping?.issueId) await this.deps.mappings.linkIssue(asTenantId(tenantId), { kind: record.kind, recordId: record.id }, null);
    }
  }

  #publish(run: SyncRun, final: boolean): void {
    const { ratePerMinute, etaSeconds } = rateAndEta(run.startedAt, run.processed, run.total);
    this.deps.progress.publish({
      tenantId: run.tenantId,
      runId: run.id,
      status: run.status,
      phase: run.phase,
      total: run.total,
      processed: run.processed,
      succeeded: run.succeeded,
      failed: run.failed,
      skipped: run.skipped,
      blocked: run.blocked,
      currentRecord: run.currentRecord,
      ratePerMinute,
      etaSeconds: final ? 0 : etaSeconds,
      final,
      at: new Date(),
    });
  }
}

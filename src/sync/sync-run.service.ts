/**
 * Sync runs: start (manual, automatic or retry), queue, execute, cancel, and read. One run executes
 * at a time per tenant: a lease (the shared LeaseStore: a unique insert, taken over once expired) lets
 * exactly one process drain the tenant's queue; a second request joins the queued run or queues
 * behind the running one, never interleaves. Every transition follows sync-run.rules.ts, is persisted
 * with a compare-and-swap on the status, and publishes (coalesced) progress.
 */
import { type Connection, type Model, Types } from 'mongoose';
import { LeaseStore } from '../db/lease.store.js';
import { NotFoundError, UserInputError } from '../graphql/errors.js';
import { type PageRequest } from '../graphql/pagination.js';
import { type Logger } from '../logging/logger.js';
import { type LedgerKind, type LedgerReader, type LedgerRecord, PUSH_ORDER } from '../ledger/ledger-record.types.js';
import { type DryRunPayload, PUSHABLE_KINDS, type PushOutcome, type PushService } from './push.service.js';
import { type SyncIssueService } from './sync-issue.service.js';
import { beforeIdFilter } from './sync-paging.util.js';
import { rateAndEta, type SyncProgressPublisher } from './sync-progress.publisher.js';
import { type SyncRun, syncRunModel, type SyncTrigger } from './sync-run.model.js';
import { transition } from './sync-run.rules.js';

export interface StartSyncOptions {
  scope?: LedgerKind[] | null;
  direction?: 'PUSH' | 'PULL' | 'BOTH';
  dryRun?: boolean;
  trigger?: SyncTrigger;
  recordIds?: string[] | null;
}

/**
 * How long a crashed process can hold a tenant's queue. The shared LeaseStore does not extend a held
 * lease, so it is longer than any run is expected to take; a run past it could overlap a takeover.
 */
const LEASE_MS = 15 * 60_000;
const PAGE = 200;
/** Records pushed concurrently within a kind; the facade's limiter paces the calls per realm. */
const CONCURRENCY = 4;

export class SyncRunService {
  readonly #runs: Model<SyncRun>;
  readonly #lease: LeaseStore;
  readonly #draining = new Map<string, Promise<void>>();
  #closed = false;

  constructor(
    connection: Connection,
    private readonly deps: { push: PushService; issues: SyncIssueService; progress: SyncProgressPublisher; ledger: () => LedgerReader; log: Logger },
  ) {
    this.#runs = syncRunModel(connection);
    // FerretDB runs conditional updates as read-then-write: only a unique insert excludes reliably.
    this.#lease = new LeaseStore(connection);
  }

  init(): Promise<unknown> {
    return this.#runs.init();
  }

  // ---- reads -----------------------------------------------------------------------------------

  async get(tenantId: string, id: string): Promise<SyncRun | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    return this.#runs.findOne({ tenantId: new Types.ObjectId(tenantId), _id: new Types.ObjectId(id) }).lean();
  }

  async list(tenantId: string, page: PageRequest): Promise<{ rows: SyncRun[]; totalCount: number }> {
    const base = { tenantId: new Types.ObjectId(tenantId) };
    const [rows, totalCount] = await Promise.all([
      this.#runs.find({ ...base, ...beforeIdFilter(page) }).sort({ _id: -1 }).limit(page.limit + 1).lean(),
      this.#runs.countDocuments(base),
    ]);
    return { rows, totalCount };
  }

  // ---- commands --------------------------------------------------------------------------------

  async start(tenantId: string, options: StartSyncOptions): Promise<SyncRun> {
    if (options.direction && options.direction !== 'PUSH') {
      throw new UserInputError(`direction ${options.direction} is not available yet: only PUSH runs exist today (pulling from QuickBooks comes later).`, [
        { path: ['input', 'direction'], message: 'only PUSH is supported' },
      ]);
    }
    const scope = this.#scope(options.scope);
    const tenant = new Types.ObjectId(tenantId);
    const trigger = options.trigger ?? 'MANUAL';
    if (options.dryRun) {
      // A dry run writes nothing to QBO and takes no lease: it runs now and returns its payloads.
      const run = await this.#runs.create({ tenantId: tenant, status: 'QUEUED', trigger, scope, direction: 'PUSH', dryRun: true, recordIds: options.recordIds ?? null, queuedAt: new Date() });
      await this.#execute(run.toObject());
      return (await this.get(tenantId, run._id.toHexString()))!;
    }
    if (!options.recordIds) {
      // Join the queued run (its scope widened) rather than queue a second one behind it.
      const joined = await this.#runs
        .findOneAndUpdate({ tenantId: tenant, status: 'QUEUED', dryRun: false, recordIds: null }, { $addToSet: { scope: { $each: scope } } }, { returnDocument: 'after' })
        .lean();
      if (joined) {
        this.kick(tenantId);
        return joined;
      }
    }
    const run = await this.#runs.create({ tenantId: tenant, status: 'QUEUED', trigger, scope, direction: 'PUSH', dryRun: false, recordIds: options.recordIds ?? null, queuedAt: new Date() });
    this.kick(tenantId);
    return run.toObject();
  }

  async cancel(tenantId: string, id: string): Promise<SyncRun> {
    const run = await this.get(tenantId, id);
    if (!run) throw new NotFoundError('SyncRun', id);
    const tenant = new Types.ObjectId(tenantId);
    if (run.status === 'QUEUED') {
      const cancelled = await this.#runs.findOneAndUpdate({ tenantId: tenant, _id: run._id, status: 'QUEUED' }, { $set: { status: 'CANCELLED', cancelRequested: true, finishedAt: new Date(), phase: 'cancelled' } }, { returnDocument: 'after' }).lean();
      if (cancelled) {
        this.#publish(cancelled, true);
        return cancelled;
      }
    }
    // A running run stops between records (a write in flight completes: stopping it halfway would
    // leave QBO and the mapping disagreeing).
    await this.#runs.updateOne({ tenantId: tenant, _id: run._id, status: 'RUNNING' }, { $set: { cancelRequested: true } });
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

  close(): Promise<void> {
    this.#closed = true;
    return this.idle();
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

  async #drain(tenantId: string): Promise<void> {
    const tenant = new Types.ObjectId(tenantId);
    while (!this.#closed) {
      if (!(await this.#lease.tryAcquire(this.#leaseKey(tenantId), LEASE_MS))) return; // another process runs this tenant's queue
      let ran = false;
      try {
        const next = await this.#runs.findOneAndUpdate(
          { tenantId: tenant, status: 'QUEUED', dryRun: false },
          { $set: { status: transition('QUEUED', 'start')!, startedAt: new Date(), phase: 'preparing' } },
          { sort: { _id: 1 }, returnDocument: 'after' },
        ).lean();
        if (next) {
          ran = true;
          await this.#execute(next);
        }
      } finally {
        await this.#lease.release(this.#leaseKey(tenantId));
      }
      if (!ran) return;
    }
  }

  // ---- execution -------------------------------------------------------------------------------

  #scope(scope: LedgerKind[] | null | undefined): LedgerKind[] {
    const requested = scope && scope.length > 0 ? scope : [...PUSHABLE_KINDS];
    return PUSH_ORDER.filter((k) => requested.includes(k));
  }

  async #records(run: SyncRun, kind: LedgerKind): Promise<LedgerRecord[]> {
    const tenantId = run.tenantId.toHexString();
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

  async #execute(run: SyncRun): Promise<void> {
    const tenantId = run.tenantId.toHexString();
    const runId = run._id.toHexString();
    const counts = { total: 0, processed: 0, succeeded: 0, failed: 0, skipped: 0, blocked: 0 };
    let current: SyncRun = { ...run, status: run.dryRun ? 'RUNNING' : run.status, startedAt: run.startedAt ?? new Date() };
    const save = async (set: Partial<SyncRun>, final = false) => {
      current = { ...current, ...counts, ...set };
      if (final || !run.dryRun) await this.#runs.updateOne({ tenantId: run.tenantId, _id: run._id }, { $set: { ...counts, ...set } });
      this.#publish(current, final);
    };
    try {
      const session = await this.deps.push.openSession(tenantId, run.dryRun);
      const batches: { kind: LedgerKind; records: LedgerRecord[] }[] = [];
      for (const kind of run.scope) batches.push({ kind, records: await this.#records(run, kind) });
      counts.total = batches.reduce((n, b) => n + b.records.length, 0);
      await save({ status: 'RUNNING', startedAt: current.startedAt, phase: 'pushing' });
      let lastSave = 0;
      let cancelled = false;
      for (const batch of batches) {
        if (cancelled) break;
        await save({ phase: `pushing ${batch.kind}` });
        const queue = [...batch.records];
        const worker = async () => {
          for (let record = queue.shift(); record && !cancelled; record = queue.shift()) {
            const outcome = await this.deps.push.push(session, record);
            await this.#recordOutcome(tenantId, runId, record, outcome, run.dryRun);
            counts.processed++;
            if (outcome.result === 'SUCCEEDED') counts.succeeded++;
            else if (outcome.result === 'SKIPPED') counts.skipped++;
            else if (outcome.result === 'BLOCKED') counts.blocked++;
            else counts.failed++;
            if (Date.now() - lastSave > 250) {
              lastSave = Date.now();
              const fresh = run.dryRun ? null : await this.#runs.findOne({ tenantId: run.tenantId, _id: run._id }, { cancelRequested: 1 }).lean();
              if (fresh?.cancelRequested) cancelled = true;
              await save({ currentRecord: `${record.kind} ${record.externalId}` });
            }
          }
        };
        await Promise.all(Array.from({ length: run.dryRun ? 1 : CONCURRENCY }, worker));
      }
      const fresh = run.dryRun ? null : await this.#runs.findOne({ tenantId: run.tenantId, _id: run._id }, { cancelRequested: 1 }).lean();
      for (const notice of session.notices) this.deps.log.info({ tenantId, runId }, notice);
      const status = cancelled || fresh?.cancelRequested ? transition('RUNNING', 'cancel')! : transition('RUNNING', 'finish', counts)!;
      await save({ status, phase: 'done', currentRecord: null, finishedAt: new Date(), dryRunPayloads: session.payloads.map((p: DryRunPayload) => JSON.stringify(p)), notices: [...session.notices] }, true);
    } catch (error) {
      this.deps.log.warn({ err: error, tenantId, runId }, 'sync run failed');
      await save({ status: 'FAILED', phase: 'failed', error: (error as Error).message, finishedAt: new Date() }, true);
    }
  }

  async #recordOutcome(tenantId: string, runId: string, record: LedgerRecord, outcome: PushOutcome, dryRun: boolean): Promise<void> {
    if (dryRun) return;
    if (outcome.problem && (outcome.result === 'FAILED' || outcome.result === 'BLOCKED')) {
      const issue = await this.deps.issues.open(tenantId, { kind: record.kind, id: record.id, externalId: record.externalId }, outcome.problem, runId);
      await this.deps.push.mappings.updateOne({ tenantId: new Types.ObjectId(tenantId), kind: record.kind, recordId: record.id, part: 'main' }, { $set: { issueId: issue._id } });
    } else {
      await this.deps.issues.resolve(tenantId, record.kind, record.id);
      await this.deps.push.mappings.updateOne({ tenantId: new Types.ObjectId(tenantId), kind: record.kind, recordId: record.id, part: 'main' }, { $set: { issueId: null } });
    }
  }

  #publish(run: SyncRun, final: boolean): void {
    const { ratePerMinute, etaSeconds } = rateAndEta(run.startedAt, run.processed, run.total);
    this.deps.progress.publish({
      tenantId: run.tenantId.toHexString(),
      runId: run._id.toHexString(),
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

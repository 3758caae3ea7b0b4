/**
 * Pull runs (startSync with direction PULL or BOTH, and importCustomers) as sync runs: the same
 * `sync_runs` collection, state machine, progress events and `syncProgress` subscription as pushes,
 * so a sync screen shows them alongside. They are created RUNNING (never QUEUED) so the push queue
 * never picks them up; the per-tenant exclusion is the pull's own lease (the CDC poller's, or the
 * import's), not the push queue's.
 */
import { type AppPubSub } from '../events/pubsub.js';
import { type Logger } from '../logging/logger.js';
import { rateAndEta, SyncProgressPublisher } from '../sync/sync-progress.publisher.js';
import { type SyncRun, type SyncRunRepository } from '../persistence/sync/sync-run.repository.js';
import { asTenantId } from '../persistence/tenant-id.js';
import { type RunCounts, transition } from '../sync/sync-run.rules.js';

export interface PullRunHandle {
  run: SyncRun;
  /** Updates counts (published coalesced; persisted at most every 250 ms). */
  progress(counts: Partial<RunCounts> & { phase?: string; currentRecord?: string | null }): Promise<void>;
}

export class PullRunService {
  readonly #runs: SyncRunRepository;
  readonly #publisher: SyncProgressPublisher;
  readonly #inFlight = new Set<Promise<unknown>>();

  constructor(
    runs: SyncRunRepository,
    pubsub: AppPubSub,
    private readonly log: Logger,
  ) {
    this.#runs = runs;
    this.#publisher = new SyncProgressPublisher(pubsub);
  }

  /** Creates the run and executes `work` in the background; resolves with the run as created. */
  async start(tenantId: string, options: { direction: 'PULL' | 'BOTH'; scope: SyncRun['scope']; phase: string }, work: (handle: PullRunHandle) => Promise<void>): Promise<SyncRun> {
    const now = new Date();
    const run = await this.#runs.create(asTenantId(tenantId), {
      status: transition('QUEUED', 'start')!,
      trigger: 'MANUAL',
      scope: options.scope,
      direction: options.direction,
      dryRun: false,
      recordIds: null,
      phase: options.phase,
      queuedAt: now,
      startedAt: now,
    });
    this.#publish(run, false);
    const task = this.#execute(run, work).finally(() => this.#inFlight.delete(task));
    this.#inFlight.add(task);
    return run;
  }

  async get(tenantId: string, id: string): Promise<SyncRun | null> {
    return this.#runs.get(asTenantId(tenantId), id);
  }

  /** Resolves when every run started by this process has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  async #execute(run: SyncRun, work: (handle: PullRunHandle) => Promise<void>): Promise<void> {
    let current = run;
    let lastSave = 0;
    // Saves go one after another: progress is reported without waiting, and on FerretDB an update
    // is read-then-write, so a progress save still in flight could write RUNNING back over the
    // final status.
    let saved: Promise<void> = Promise.resolve();
    const save = (set: Partial<SyncRun>, final: boolean): Promise<void> => {
      // A failed save is reported to its caller, not to the saves after it.
      saved = saved.catch(() => undefined).then(async () => {
        current = { ...current, ...set };
        if (final || Date.now() - lastSave > 250) {
          lastSave = Date.now();
          await this.#runs.update(run.tenantId, run.id, set);
        }
        this.#publish(current, final);
      });
      return saved;
    };
    try {
      await work({ run, progress: (counts) => save(counts, false) });
      await save({ status: transition('RUNNING', 'finish', current)!, phase: 'done', currentRecord: null, finishedAt: new Date(), total: current.total, processed: current.processed, succeeded: current.succeeded, failed: current.failed, skipped: current.skipped, blocked: current.blocked }, true);
    } catch (error) {
      this.log.warn({ err: error, runId: run.id }, 'pull run failed');
      await save({ status: 'FAILED', phase: 'failed', error: (error as Error).message, finishedAt: new Date(), total: current.total, processed: current.processed, succeeded: current.succeeded, failed: current.failed, skipped: current.skipped }, true);
    }
  }

  #publish(run: SyncRun, final: boolean): void {
    const { ratePerMinute, etaSeconds } = rateAndEta(run.startedAt, run.processed, run.total);
    this.#publisher.publish({
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

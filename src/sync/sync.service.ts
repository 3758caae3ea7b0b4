/**
 * The sync slice's front door: builds its parts (outbox, items, pusher, issues, runs, progress),
 * takes the ledger's reader when the ledger slice provides it, and implements the two contract
 * interfaces the ledger calls: `LedgerChangeListener` (a change wakes the automatic push, debounced
 * per tenant) and `SyncStatusReader` (each record's sync state, one query per kind and batch).
 */
import { type Connection, Types } from 'mongoose';
import { type ChartService } from '../accounts/chart.service.js';
import { type QuickBooksAccess } from '../connection/connection.types.js';
import { type AppPubSub } from '../graphql/pubsub.js';
import { type LedgerListsService } from '../ledger/ledger-lists.service.js';
import {
  type LedgerChangeListener,
  type LedgerKind,
  type LedgerReader,
  type RecordSyncStatus,
  type SyncStatusReader,
} from '../ledger/ledger-record.types.js';
import { type Logger } from '../logging/logger.js';
import { type AccountingSettingsService } from '../settings/accounting-settings.service.js';
import { OutboxService } from './outbox.service.js';
import { PUSHABLE_KINDS, PushService } from './push.service.js';
import { IssueActionRegistry } from './issue-actions.registry.js';
import { IssueActionsService } from './issue-actions.service.js';
import { type SyncIssue } from './sync-issue.model.js';
import { SyncIssueService } from './sync-issue.service.js';
import { SyncItemService } from './sync-item.service.js';
import { SyncProgressPublisher } from './sync-progress.publisher.js';
import { SyncRunService } from './sync-run.service.js';

export interface SyncServiceDeps {
  connection: Connection;
  access: QuickBooksAccess;
  chart: ChartService;
  settings: AccountingSettingsService;
  lists: LedgerListsService;
  pubsub: AppPubSub;
  log: Logger;
  /** Push changed records automatically (config FIELDBOOKS_SYNC_WORKER). */
  automatic: boolean;
  debounceMs: number;
}

export class SyncService implements LedgerChangeListener, SyncStatusReader {
  readonly outbox: OutboxService;
  readonly items: SyncItemService;
  readonly push: PushService;
  readonly issues: SyncIssueService;
  /** What each issue action does; slices register the actions they own (RETRY, RECREATE, LINK, ...). */
  readonly issueActions = new IssueActionRegistry();
  /** Which actions an issue offers, performing them, and this slice's own (RETRY, IGNORE, OPEN_SETTINGS). */
  readonly actions: IssueActionsService;
  readonly runs: SyncRunService;
  #ledger: LedgerReader | undefined;
  readonly #timers = new Map<string, NodeJS.Timeout>();
  #ready: Promise<unknown> | undefined;

  constructor(private readonly deps: SyncServiceDeps) {
    const ledger = () => {
      if (!this.#ledger) throw new Error('The sync engine has no ledger reader: call sync.useLedger(reader) when the ledger slice starts.');
      return this.#ledger;
    };
    this.outbox = new OutboxService(deps.connection);
    this.items = new SyncItemService(deps.connection, deps.chart, this.outbox);
    this.push = new PushService(deps.connection, { access: deps.access, chart: deps.chart, settings: deps.settings, lists: deps.lists, outbox: this.outbox, items: this.items, ledger });
    this.issues = new SyncIssueService(deps.connection);
    this.actions = new IssueActionsService({
      registry: this.issueActions,
      issues: this.issues,
      ledger,
      settingsOf: async (tenantId) => (await deps.settings.get(tenantId)) as unknown as Record<string, unknown>,
      settingProblems: (tenantId) => deps.settings.accountProblems(tenantId),
      pushAgain: async (tenantId, issue) => {
        await this.retryIssue(tenantId, issue._id.toHexString());
      },
      leaveOut: async (tenantId, issue) => {
        const record = await ledger().get(tenantId, issue.kind, issue.recordId);
        if (record) await ledger().markPushed(tenantId, record.kind, record.id, record.version);
        await this.push.mappings.updateOne({ tenantId: new Types.ObjectId(tenantId), kind: issue.kind, recordId: issue.recordId, part: 'main' }, { $set: { issueId: null } });
      },
    });
    this.runs = new SyncRunService(deps.connection, { push: this.push, issues: this.issues, progress: new SyncProgressPublisher(deps.pubsub), ledger, log: deps.log });
  }

  useLedger(reader: LedgerReader): void {
    this.#ledger = reader;
  }

  ensureIndexes(): Promise<unknown> {
    this.#ready ??= Promise.all([this.outbox.init(), this.items.init(), this.push.init(), this.issues.init(), this.runs.init()]);
    return this.#ready;
  }

  // ---- LedgerChangeListener --------------------------------------------------------------------

  recordChanged(tenantId: string, kind: LedgerKind, _id: string): void {
    if (!this.deps.automatic || !PUSHABLE_KINDS.includes(kind)) return;
    // Debounced per tenant: a burst of upserts becomes one run (or joins the queued one).
    const existing = this.#timers.get(tenantId);
    if (existing) clearTimeout(existing);
    const timer = setTimeout(() => {
      this.#timers.delete(tenantId);
      void this.deps.access
        .realmOf(tenantId)
        .then((realm) => (realm ? this.runs.start(tenantId, { trigger: 'AUTOMATIC' }) : undefined))
        .catch((err: unknown) => this.deps.log.warn({ err, tenantId }, 'automatic sync could not start'));
    }, this.deps.debounceMs);
    timer.unref();
    this.#timers.set(tenantId, timer);
  }

  // ---- SyncStatusReader ------------------------------------------------------------------------

  async statusOf(tenantId: string, kind: LedgerKind, recordIds: readonly string[]): Promise<Map<string, RecordSyncStatus>> {
    const mappings = await this.push.mappings
      .find({ tenantId: new Types.ObjectId(tenantId), kind, part: 'main', recordId: { $in: [...new Set(recordIds)] } })
      .lean();
    const byId = new Map(mappings.map((m) => [m.recordId, m]));
    const out = new Map<string, RecordSyncStatus>();
    for (const id of recordIds) {
      const m = byId.get(id);
      out.set(id, {
        state: !m ? 'NOT_SYNCED' : m.state === 'SYNCED' ? 'SYNCED' : m.state,
        quickBooksId: m?.qboId ?? null,
        syncedVersion: m?.syncedVersion ?? null,
        lastSyncedAt: m?.lastSyncedAt ?? null,
        issueId: m?.issueId ? m.issueId.toHexString() : null,
        issueCode: m?.issueCode ?? null,
        issueMessage: m?.issueMessage ?? null,
      });
    }
    return out;
  }

  // ---- issues ----------------------------------------------------------------------------------

  /** Marks the record pending again and pushes it (with its dependencies) in a run of its own. */
  async retryIssue(tenantId: string, issueId: string): Promise<SyncIssue> {
    const issue = await this.issues.get(tenantId, issueId);
    if (!this.#ledger) throw new Error('no ledger reader');
    await this.#ledger.markPending(tenantId, issue.kind, [issue.recordId]);
    await this.runs.start(tenantId, { trigger: 'RETRY', scope: [issue.kind], recordIds: [issue.recordId] });
    return issue;
  }

  async close(): Promise<void> {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    await this.runs.close();
  }
}

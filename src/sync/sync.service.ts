/**
 * The sync slice's front door: builds its parts (outbox, items, pusher, issues, runs, progress),
 * takes the ledger's reader when the ledger slice provides it, and implements the two contract
 * interfaces the ledger calls: `LedgerChangeListener` (a change wakes the automatic push, debounced
 * per tenant) and `SyncStatusReader` (each record's sync state, one query per kind and batch).
 */
import { type ChartService } from '../accounts/chart.service.js';
import { type QuickBooksAccess } from '../connection/connection.types.js';
import { type AppPubSub } from '../events/pubsub.js';
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
import { type SyncRepositories } from '../persistence/sync/sync.repositories.js';
import { type LeaseStore } from '../persistence/lease.store.js';
import { asTenantId } from '../persistence/tenant-id.js';
import { OutboxService } from './outbox.service.js';
import { PUSHABLE_KINDS, PushService } from './push.service.js';
import { type IssueActionHandler, type IssueActionRequest, IssueActionRegistry } from './issue-actions.registry.js';
import { IssueActionsService } from './issue-actions.service.js';
import { UserInputError } from '../errors/domain.errors.js';
import { type SyncIssue } from '../persistence/sync/sync-issue.repository.js';
import { SyncIssueService } from './sync-issue.service.js';
import { SyncItemService } from './sync-item.service.js';
import { SyncProgressPublisher } from './sync-progress.publisher.js';
import { SyncRunService } from './sync-run.service.js';

export interface SyncServiceDeps {
  repositories: SyncRepositories;
  /** A lease store of its own (the run queue's leases exclude every other holder, in this process too). */
  leases: () => LeaseStore;
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
    this.outbox = new OutboxService(deps.repositories.outbox);
    this.items = new SyncItemService(deps.repositories.items, deps.chart, this.outbox);
    this.push = new PushService({ mappings: deps.repositories.mappings, claims: deps.repositories.claims, access: deps.access, chart: deps.chart, settings: deps.settings, lists: deps.lists, outbox: this.outbox, items: this.items, ledger });
    this.issues = new SyncIssueService(deps.repositories.issues);
    this.actions = new IssueActionsService({
      registry: this.issueActions,
      issues: this.issues,
      ledger,
      settingsOf: async (tenantId) => (await deps.settings.get(tenantId)) as unknown as Record<string, unknown>,
      settingProblems: (tenantId) => deps.settings.accountProblems(tenantId),
      pushAgain: async (tenantId, issue) => {
        await this.retryIssue(tenantId, issue.id);
      },
      leaveOut: async (tenantId, issue) => {
        const record = await ledger().get(tenantId, issue.kind, issue.recordId);
        if (record) await ledger().markPushed(tenantId, record.kind, record.id, record.version);
        await deps.repositories.mappings.linkIssue(asTenantId(tenantId), { kind: issue.kind, recordId: issue.recordId }, null);
      },
    });
    this.runs = new SyncRunService({ runs: deps.repositories.runs, leases: deps.leases(), mappings: deps.repositories.mappings, push: this.push, issues: this.issues, progress: new SyncProgressPublisher(deps.pubsub), ledger, log: deps.log });
    this.#registerMatchActions();
  }

  // ---- issue actions of matching and go-live (LINK, PUSH) ------------------------------------------

  readonly #linkByCode = new Map<string, IssueActionHandler>();

  /** LINK for issues of `code` (one registry handler dispatches on the issue's code; each slice adds its codes). */
  registerLinkCase(code: string, handler: IssueActionHandler): void {
    if (this.#linkByCode.has(code)) throw new Error(`LINK for issue code ${code} is registered twice`);
    this.#linkByCode.set(code, handler);
  }

  /**
   * LINK is shared by the slices that raise linkable issues: one handler that dispatches on the
   * issue's code (`registerLinkCase`). PUSH belongs to matching and go-live.
   */
  #registerMatchActions(): void {
    this.registerLinkCase('MATCH_AMBIGUOUS', (request) => this.#linkMatch(request));
    this.registerLinkCase('OPENING_INVOICE_MISSING', (request) => this.#linkOpeningInvoice(request));
    this.issueActions.register('LINK', (request) => {
      const handler = this.#linkByCode.get(request.issue.code);
      if (!handler) throw new UserInputError(`This issue (${request.issue.message}) cannot be solved by linking a QuickBooks record.`, [{ path: ['action'], message: 'LINK is not offered for this issue' }]);
      return handler(request);
    });
    this.issueActions.register('PUSH', (request) => this.#pushAnyway(request));
  }

  #offered(request: IssueActionRequest, action: 'LINK' | 'PUSH'): void {
    if (request.issue.status !== 'OPEN') throw new UserInputError('This issue is already closed.', [{ path: ['id'], message: 'the issue is not open' }]);
    if (!request.issue.actions.includes(action)) throw new UserInputError(`${action} is not offered for this issue.`, [{ path: ['action'], message: `${action} is not one of the issue's actions` }]);
  }

  #remoteId(request: IssueActionRequest): string {
    const remoteId = request.remoteId?.trim();
    if (!remoteId) throw new UserInputError('Choose the QuickBooks record to link (one of the issue\'s candidates).', [{ path: ['remoteId'], message: 'required for LINK' }]);
    return remoteId;
  }

  /** The record is the QBO object the bookkeeper chose; whatever waited for it is pushed. */
  async #linkMatch(request: IssueActionRequest): Promise<void> {
    this.#offered(request, 'LINK');
    const { tenantId, issue } = request;
    await this.push.linkRecord(tenantId, issue.kind, issue.recordId, this.#remoteId(request));
    await this.issues.resolve(tenantId, issue.kind, issue.recordId);
    await this.runs.start(tenantId, { trigger: 'RETRY' });
  }

  /** Go-live: the pre-start invoice is the QBO invoice chosen; the payment (or credit) waiting on it is retried. */
  async #linkOpeningInvoice(request: IssueActionRequest): Promise<void> {
    this.#offered(request, 'LINK');
    const { tenantId, issue } = request;
    if (!issue.blockedById) throw new UserInputError('This issue does not name the invoice to link.', [{ path: ['id'], message: 'no blocking invoice' }]);
    await this.push.linkRecord(tenantId, 'invoice', issue.blockedById, this.#remoteId(request));
    await this.retryIssue(tenantId, issue.id);
  }

  /**
   * PUSH: a matching issue's record is created in QuickBooks as a new one; at go-live, the pre-start
   * invoice is pushed as an opening item and the record waiting on it follows.
   */
  async #pushAnyway(request: IssueActionRequest): Promise<void> {
    this.#offered(request, 'PUSH');
    const { tenantId, issue } = request;
    if (issue.code === 'OPENING_INVOICE_MISSING' && issue.blockedById) await this.push.allowPush(tenantId, 'invoice', issue.blockedById);
    else if (issue.code === 'MATCH_AMBIGUOUS') await this.push.allowPush(tenantId, issue.kind, issue.recordId);
    else throw new UserInputError('PUSH is not offered for this issue.', [{ path: ['action'], message: 'PUSH is not one of the issue\'s actions' }]);
    await this.retryIssue(tenantId, issue.id);
  }

  /**
   * The accounting start date moved: records settled as SKIPPED are looked at again (pushed if now on
   * or after the date, SKIPPED again otherwise), and payments waiting on a pre-start invoice re-check.
   */
  async startDateChanged(tenantId: string): Promise<void> {
    if (!this.#ledger) return;
    const skipped = await this.push.skippedRecords(tenantId);
    for (const kind of PUSHABLE_KINDS) {
      const ids = skipped.filter((r) => r.kind === kind).map((r) => r.recordId);
      if (ids.length > 0) await this.#ledger.markPending(tenantId, kind, ids);
    }
    if (this.deps.automatic && (await this.deps.access.realmOf(tenantId))) await this.runs.start(tenantId, { trigger: 'AUTOMATIC' });
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
    const mappings = await this.deps.repositories.mappings.mainOf(asTenantId(tenantId), kind, recordIds);
    const byId = new Map(mappings.map((m) => [m.recordId, m]));
    const out = new Map<string, RecordSyncStatus>();
    for (const id of recordIds) {
      const m = byId.get(id);
      out.set(id, {
        state: !m ? 'NOT_SYNCED' : m.state === 'SYNCED' ? 'SYNCED' : m.state,
        quickBooksId: m?.qboId ?? null,
        syncedVersion: m?.syncedVersion ?? null,
        lastSyncedAt: m?.lastSyncedAt ?? null,
        issueId: m?.issueId ?? null,
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

/**
 * The pull slice's front door: QuickBooks → FSM. Registers the InboundQueue handlers (webhook hints
 * are re-read from QBO, then applied), drains the queue at start-up (hints stored before a crash are
 * processed after it, poller or not), runs the CDC poller per connected tenant on an interval, starts pull runs
 * on demand (startSync PULL/BOTH) and the customer import. Applying is in InboundApplyService.
 */
import { type ConnectionService } from '../connection/connection.service.js';
import { QuickBooksNotConnectedError, UserInputError } from '../errors/domain.errors.js';
import { type AppPubSub } from '../events/pubsub.js';
import { type LedgerService } from '../ledger/ledger.service.js';
import { type Logger } from '../logging/logger.js';
import { type AccountingProvider, type PulledKind } from '../providers/accounting-provider.port.js';
import { type AccountingSettingsService } from '../settings/accounting-settings.service.js';
import { type SyncService } from '../sync/sync.service.js';
import { type SyncRun } from '../persistence/sync/sync-run.repository.js';
import { type SyncIssue } from '../persistence/sync/sync-issue.repository.js';
import { clause } from '../sync/sync.errors.js';
import { type InboundEvent } from '../webhooks/inbound.queue.js';
import { type InboundQueue } from '../webhooks/inbound.queue.js';
import { CdcPoller, type PollReport } from './cdc.poller.js';
import { CustomerImportService } from './customer-import.service.js';
import { type ApplyResult, InboundApplyService, InboundDeferredError } from './inbound-apply.service.js';
import { registerRemoteChangeActions } from './remote-change.actions.js';
import { type SyncRepositories } from '../persistence/sync/sync.repositories.js';
import { CreatedRecordsService } from './created-records.service.js';
import { type PullRepositories } from '../persistence/pull/pull.repositories.js';
import { type QuickBooksChange } from '../persistence/pull/quickbooks-change.repository.js';
import { type InvoiceFlag } from '../persistence/pull/pull-state.repository.js';
import { type LeaseStore } from '../persistence/lease.store.js';
import { asTenantId } from '../persistence/tenant-id.js';
import { type PageRequest } from '../paging/page-request.js';
import { beforeIdCursor } from '../sync/sync-paging.util.js';
import { PullRunService } from './pull-run.service.js';

/** The pulled kind a hint's entity names (only these three have handlers). */
const PULLED_KIND_OF: Readonly<Record<string, PulledKind>> = { Customer: 'customer', Invoice: 'invoice', Payment: 'payment' };

/** Drains without the poller: as often as an event's processing lease lasts (InboundQueue, 60 s). */
const DRAIN_INTERVAL_MS = 60_000;

export interface PullServiceDeps {
  /**
   * Every tenant with a live QuickBooks connection (the poller serves them all): a cross-tenant read by
   * design, of the connection slice's collection.
   */
  connectedTenants: () => Promise<string[]>;
  /** The sync engine's repositories (mappings, claims and the outbox are shared with the push). */
  repositories: SyncRepositories;
  /** The pull's own repositories. */
  pullRepositories: PullRepositories;
  connections: ConnectionService;
  /** The tenant's books: the poller's change feed and the reads behind webhook hints. */
  provider: Pick<AccountingProvider, 'companyFor'>;
  /** A lease store of its own per holder (the CDC poller's, the customer import's). */
  leases: () => LeaseStore;
  ledger: LedgerService;
  settings: AccountingSettingsService;
  sync: SyncService;
  inbound: InboundQueue;
  pubsub: AppPubSub;
  log: Logger;
  /** 0: no background polling (pulls run on demand; stored webhook hints are still drained). */
  cdcIntervalMs: number;
}

export class PullService {
  readonly #repos: PullRepositories;
  readonly apply: InboundApplyService;
  readonly poller: CdcPoller;
  readonly runs: PullRunService;
  readonly customers: CustomerImportService;
  /** Customers and invoices entered in QuickBooks that no FSM record is linked to. */
  readonly created: CreatedRecordsService;
  #timer: NodeJS.Timeout | undefined;
  #started = false;
  #closed = false;
  readonly #background = new Set<Promise<unknown>>();
  readonly #draining = new Map<string, Promise<number>>();

  constructor(private readonly deps: PullServiceDeps) {
    this.#repos = deps.pullRepositories;
    this.apply = new InboundApplyService({ mappings: deps.repositories.mappings, claims: deps.repositories.claims, outbox: deps.repositories.outbox, flags: this.#repos.invoiceFlags, changes: this.#repos.changes, createdRecords: this.#repos.createdRecords, customerMatches: this.#repos.customerMatches, ledger: deps.ledger, settings: deps.settings, issues: deps.sync.issues, pubsub: deps.pubsub, log: deps.log,
      realmSince: async (tenantId, realmId) => {
        const realm = await deps.connections.realmOf(tenantId);
        return realm?.realmId === realmId ? realm.since : undefined;
      },
    });
    this.poller = new CdcPoller({
      leases: deps.leases(),
      mappings: deps.repositories.mappings,
      watermarks: this.#repos.watermarks,
      provider: deps.provider,
      apply: this.apply,
      log: deps.log,
      initialSince: async (tenantId) => (await deps.connections.status(tenantId)).connectedAt ?? new Date(),
    });
    this.runs = new PullRunService(deps.repositories.runs, deps.pubsub, deps.log);
    this.created = new CreatedRecordsService({ mappings: deps.repositories.mappings, claims: deps.repositories.claims, records: this.#repos.createdRecords, access: deps.connections, ledger: deps.ledger });
    registerRemoteChangeActions(deps.sync.issueActions, { sync: deps.sync, mappings: deps.repositories.mappings, ledger: deps.ledger, flags: this.#repos.invoiceFlags });
    this.customers = new CustomerImportService({ leases: deps.leases(), mappings: deps.repositories.mappings, claims: deps.repositories.claims, matches: this.#repos.customerMatches, access: deps.connections, ledger: deps.ledger, issues: deps.sync.issues, runs: this.runs, log: deps.log });
    deps.inbound.handle('Payment', (event) => this.#onHint(event));
    deps.inbound.handle('Customer', (event) => this.#onHint(event));
    deps.inbound.handle('Invoice', (event) => this.#onHint(event));
  }

  async init(): Promise<void> {
    await Promise.all([this.apply.init(), ...Object.values(this.#repos).map((r: { init(): Promise<unknown> }) => r.init())]);
  }

  /** Changes made in QuickBooks and applied to the FSM, newest first. */
  changes(tenantId: string, page: PageRequest): Promise<{ rows: QuickBooksChange[]; totalCount: number }> {
    return this.#repos.changes.page(asTenantId(tenantId), beforeIdCursor(page), page.limit + 1);
  }

  /** The flag on an FSM invoice whose QuickBooks copy was voided, deleted or edited in QuickBooks. */
  invoiceFlag(tenantId: string, invoiceId: string): Promise<InvoiceFlag | null> {
    return this.#repos.invoiceFlags.get(asTenantId(tenantId), invoiceId);
  }

  /**
   * Drains the hints stored before this start (webhooks acknowledged by a process that crashed or
   * stopped before processing them), with or without the poller, then polls every connected tenant
   * each interval (a poll drains first). With the poller off, stored hints are still drained every
   * minute: a hint whose processing lease a killed process left behind is taken over once it lapses,
   * and one that failed is retried.
   */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#track(this.drainAll());
    const polling = this.deps.cdcIntervalMs > 0;
    this.#timer = setInterval(() => this.#track(polling ? this.pollAll() : this.drainAll()), polling ? this.deps.cdcIntervalMs : DRAIN_INTERVAL_MS);
    this.#timer.unref();
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    while (this.#background.size > 0) await Promise.allSettled([...this.#background]);
    await this.runs.idle();
  }

  /** Resolves when background work started by this process (drains, polls, runs) has finished. */
  async idle(): Promise<void> {
    while (this.#background.size > 0 || this.#draining.size > 0) await Promise.allSettled([...this.#background, ...this.#draining.values()]);
    await this.runs.idle();
  }

  #track(task: Promise<unknown>): void {
    const tracked = task.catch((err: unknown) => this.deps.log.warn({ err }, 'background pull failed')).finally(() => this.#background.delete(tracked));
    this.#background.add(tracked);
  }

  // ---- webhook hints ---------------------------------------------------------------------------

  /** Called by the webhook route with the tenants that received new hints. */
  drainSoon(tenantIds: string[]): void {
    for (const tenantId of tenantIds) this.#track(this.drain(tenantId));
  }

  /** Processes the tenant's stored hints (one drain per tenant at a time in this process). */
  drain(tenantId: string): Promise<number> {
    const running = this.#draining.get(tenantId);
    if (running) return running.then(() => this.drain(tenantId));
    const task = this.deps.inbound.drain(tenantId).finally(() => this.#draining.delete(tenantId));
    this.#draining.set(tenantId, task);
    return task;
  }

  async #onHint(event: InboundEvent): Promise<void> {
    const tenantId = event.tenantId;
    const realm = await this.deps.connections.realmOf(tenantId);
    if (realm?.realmId !== event.realmId) return; // reconnected to another company since: the hint is stale
    await this.applyHint(tenantId, event.entity, event.entityId, event.operation === 'Delete', event.realmId);
  }

  /**
   * A hint says only that something changed: the object itself is read from QBO (deleted: 610 NOT_FOUND).
   * It is applied within the company it came from (`realmId`; by default the connected one).
   */
  async applyHint(tenantId: string, entity: string, qboId: string, deleted: boolean, realmId?: string): Promise<ApplyResult> {
    const kind = PULLED_KIND_OF[entity];
    if (!kind) return 'IGNORED';
    let row: { Id: string; status?: string } = { Id: qboId, status: 'Deleted' };
    let realm = realmId;
    if (!deleted) {
      const company = await this.deps.provider.companyFor(tenantId);
      if (realm && company.companyId !== realm) return 'IGNORED'; // reconnected to another company meanwhile
      realm = company.companyId;
      // Gone (QBO 610): read as deleted. The apply service reads the provider's own row.
      const remote = await company.read(kind, qboId);
      if (remote) row = remote.raw as { Id: string; status?: string };
    }
    realm ??= (await this.deps.connections.realmOf(tenantId))?.realmId;
    if (!realm) throw new QuickBooksNotConnectedError();
    switch (entity) {
      case 'Payment':
        return this.apply.applyPayment(tenantId, realm, row);
      case 'Invoice':
        return this.apply.applyInvoice(tenantId, realm, row);
      case 'Customer':
        return row.status === 'Deleted' ? 'IGNORED' : this.apply.applyCustomer(tenantId, realm, row);
      default:
        return 'IGNORED';
    }
  }

  /**
   * RETRY of an issue raised from a QuickBooks-side change (`qbo:Payment:123`): the change is applied
   * again from QuickBooks' current state (a payment the FSM could not take), or the import's create is
   * repeated (`qbo:Customer:45`). Still failing is an error carrying the issue's current reason.
   */
  async retryIssue(tenantId: string, issue: SyncIssue, remote: { entity: string; qboId: string }): Promise<void> {
    if (remote.entity === 'Customer') {
      await this.customers.createFromQuickBooks(tenantId, remote.qboId);
      return;
    }
    if (remote.entity !== 'Payment') throw new UserInputError(`A change to a QuickBooks ${remote.entity.toLowerCase()} cannot be applied again from here.`, [{ path: ['input', 'action'], message: 'not retryable' }]);
    try {
      await this.applyHint(tenantId, 'Payment', remote.qboId, false);
    } catch (error) {
      if (!(error instanceof InboundDeferredError)) throw error;
    }
    const still = await this.deps.sync.issues.openFor(tenantId, issue.kind, issue.recordId);
    if (still) {
      const message = `The payment still cannot be recorded: ${clause(still.message)}.`;
      throw new UserInputError(message, [{ path: ['input', 'action'], message }]);
    }
  }

  // ---- polling ---------------------------------------------------------------------------------

  async #connectedTenants(): Promise<string[]> {
    return this.deps.connectedTenants();
  }

  async drainAll(): Promise<void> {
    for (const tenantId of await this.#connectedTenants()) await this.drain(tenantId).catch((err: unknown) => this.deps.log.warn({ err, tenantId }, 'draining QuickBooks hints failed'));
  }

  async pollAll(): Promise<void> {
    for (const tenantId of await this.#connectedTenants()) {
      if (this.#closed) return;
      await this.pullNow(tenantId).catch((err: unknown) => this.deps.log.warn({ err, tenantId }, 'QuickBooks CDC poll failed'));
    }
  }

  /** Stored hints first, then the CDC backstop. Undefined report: another process is polling the tenant. */
  async pullNow(tenantId: string, onProgress?: (report: PollReport) => void): Promise<PollReport | undefined> {
    await this.drain(tenantId);
    return this.poller.poll(tenantId, onProgress);
  }

  /** startSync(direction: PULL | BOTH): a run that pulls now; BOTH queues a push once the pull is in. */
  async startPull(tenantId: string, direction: 'PULL' | 'BOTH'): Promise<SyncRun> {
    await this.deps.connections.clientFor(tenantId);
    return this.runs.start(tenantId, { direction, scope: ['customer', 'invoice', 'payment'], phase: 'pulling' }, async (handle) => {
      const report = await this.pullNow(tenantId, (r) => void handle.progress({ total: r.read, processed: r.read, succeeded: r.applied, skipped: r.read - r.applied, phase: `pulling (${r.path})` }));
      if (!report) throw new Error('Another process is pulling this tenant right now; try again in a moment.');
      await handle.progress({ total: report.read, processed: report.read, succeeded: report.applied, skipped: report.read - report.applied, phase: `pulled (${report.path})` });
      if (direction === 'BOTH') await this.deps.sync.runs.start(tenantId, { direction: 'PUSH' });
    });
  }
}

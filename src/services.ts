/** The service container: one instance per gateway, built from its connection and config. */
import { ChartService } from './accounts/chart.service.js';
import { type AppConfig } from './config/config.js';
import { ConnectionService } from './connection/connection.service.js';
import { type AppPubSub } from './events/pubsub.js';
import { type Logger } from './logging/logger.js';
import { type IntuitOAuth } from './providers/quickbooks/intuit-oauth.client.js';
import { QBO_LIMITS, RealmLimiter } from './providers/quickbooks/qbo.limiter.js';
import { type AccountingProvider } from './providers/accounting-provider.port.js';
import { QuickBooksAuth, QuickBooksProvider } from './providers/quickbooks/quickbooks.provider.js';
import { QUICKBOOKS_PUSHERS } from './providers/quickbooks/pushers/quickbooks.pushers.js';
import { PusherRegistry } from './sync/push/record-pusher.registry.js';
import { type TokenCipher } from './connection/token.cipher.js';
import { type RedisConnection } from './redis/redis.connection.js';
import { LedgerListsService } from './ledger/ledger-lists.service.js';
import { type LedgerChangeListener, type SyncStatusReader } from './ledger/ledger-record.types.js';
import { LedgerService } from './ledger/ledger.service.js';
import { type Repositories } from './persistence/repositories.js';
import { AccountingSettingsService } from './settings/accounting-settings.service.js';
import { SyncService } from './sync/sync.service.js';
import { TenantService } from './tenancy/tenant.service.js';
import { InboundQueue } from './webhooks/inbound.queue.js';
import { PullService } from './pull/pull.service.js';

export interface Services {
  config: AppConfig;
  /** The database, behind one repository per kind of record (services get theirs through their constructors). */
  repositories: Repositories;
  pubsub: AppPubSub;
  tenants: TenantService;
  connections: ConnectionService;
  /** The accounting provider behind the port (QuickBooks Online); services get it through their constructors. */
  provider: AccountingProvider;
  limiter: RealmLimiter;
  chart: ChartService;
  settings: AccountingSettingsService;
  ledger: LedgerListsService;
  /** The FSM's business records (customers, invoices, payments...): also the sync engine's LedgerReader. */
  ledgerRecords: LedgerService;
  /** What records show as their sync state; the default knows only the pending flag (the sync slice plugs in its own). */
  syncStatus: SyncStatusReader;
  /** Who is told about every ledger change that needs a push (the sync slice's automatic worker). */
  setChangeListener(listener: LedgerChangeListener | null): void;
  sync: SyncService;
  /** Change hints received from QuickBooks (webhooks), stored durably until processed. */
  inbound: InboundQueue;
  /** QuickBooks → FSM: webhook hint handlers, the CDC poller, pull runs and the customer import. */
  pull: PullService;
}

export interface ServiceDeps {
  config: AppConfig;
  /** The database, behind its repositories (built by the caller from its connection: see createRepositories). */
  repositories: Repositories;
  pubsub: AppPubSub;
  logger: Logger;
  cipher: TokenCipher;
  /** Built lazily: the redirect URI is known only once the HTTP server listens. */
  oauth: () => IntuitOAuth;
  returnOrigins: () => string[];
  /** With REDIS_URL: QBO budgets shared by every instance. */
  redis?: RedisConnection;
}

export function createServices(deps: ServiceDeps): Services {
  const repositories = deps.repositories;
  // One budget per realm for the process, or across every instance through Redis.
  const limiter = new RealmLimiter({ ...QBO_LIMITS, windowMs: deps.config.quickbooks.limitWindowMs }, deps.redis ? { client: deps.redis.client, prefix: deps.redis.prefix } : undefined);
  const tenants = new TenantService(repositories.tenants);
  // OAuth through the port (the provider below reaches the realm through the connections' clients).
  const auth = new QuickBooksAuth(deps.oauth);
  const connections = new ConnectionService({
    connections: repositories.connections,
    leases: repositories.newLeaseStore,
    auth,
    oauth: deps.oauth,
    cipher: deps.cipher,
    limiter,
    pubsub: deps.pubsub,
    log: deps.logger.child({ slice: 'connection' }),
    returnOrigins: deps.returnOrigins,
    minorVersion: deps.config.quickbooks.minorVersion,
    allowSharedRealms: deps.config.quickbooks.allowSharedRealms,
  });
  // The books behind the port: QuickBooks, reached through the connection slice's clients (fresh tokens, shared limiter).
  const provider = new QuickBooksProvider({ clients: connections, auth, pushers: new PusherRegistry(QUICKBOOKS_PUSHERS) });
  const chartLog = deps.logger.child({ slice: 'accounts' });
  const chart = new ChartService(repositories, connections, provider, {
    maxAgeMs: deps.config.accounts.chartMaxAgeMs,
    onBackgroundError: (err: unknown, tenantId) => chartLog.warn({ err, tenantId }, 'background chart-of-accounts refresh failed'),
  });
  // A (re)connection fills the cache at once, so the settings screen has its dropdowns.
  connections.onConnected((realm) => chart.refresh(realm.tenantId, 'full').then(() => undefined));
  // settings and ledger need each other (relax flag, payment methods): the lookup is late-bound.
  const ledger: LedgerListsService = new LedgerListsService(repositories.fsmLists, chart, (tenantId: string): Promise<boolean> => settings.relaxAccountSelection(tenantId));
  const settings: AccountingSettingsService = new AccountingSettingsService(repositories.accountingSettings, repositories.readStamps, chart, ledger, tenants);
  const sync = new SyncService({
    repositories: repositories.sync,
    leases: repositories.newLeaseStore,
    access: connections,
    chart,
    settings,
    lists: ledger,
    pubsub: deps.pubsub,
    log: deps.logger.child({ slice: 'sync' }),
    automatic: deps.config.sync.worker,
    debounceMs: deps.config.sync.debounceMs,
  });
  sync.runs.leaseMs = deps.config.sync.leaseMs;
  sync.runs.concurrency = deps.config.sync.concurrency;
  const ledgerLog = deps.logger.child({ slice: 'ledger' });
  const ledgerRecords = new LedgerService(repositories.ledgerRecords, ledger, repositories.newLeaseStore, (err: unknown, tenantId, kind, id) => ledgerLog.error({ err, tenantId, kind, id }, 'ledger change listener failed'));
  sync.useLedger(ledgerRecords);
  // Every change that needs a push wakes the automatic worker; records show the engine's view of their sync.
  ledgerRecords.setChangeListener(sync);
  // Moving the accounting start date re-evaluates the records it had skipped.
  settings.onSaved((tenantId, before, after) => (before.accountingStartDate !== after.accountingStartDate ? sync.startDateChanged(tenantId) : undefined));
  const inbound = new InboundQueue(repositories.inboundEvents, repositories.newLeaseStore(), deps.logger.child({ slice: 'webhooks' }));
  // Mappings written before realms were recorded belong to the company being left: say so before the switch.
  connections.onRealmChanging((tenantId, previousRealmId) => sync.push.recordLegacyRealm(tenantId, previousRealmId));
  const pull = new PullService({
    // Every connected tenant, across tenants by design (the CDC poller serves them all).
    connectedTenants: () => repositories.connections.connectedTenantsAcrossTenants(),
    repositories: repositories.sync,
    pullRepositories: repositories.pull,
    leases: repositories.newLeaseStore,
    connections,
    provider,
    ledger: ledgerRecords,
    settings,
    sync,
    inbound,
    pubsub: deps.pubsub,
    log: deps.logger.child({ slice: 'pull' }),
    cdcIntervalMs: deps.config.pull.cdcIntervalMs,
  });
  // Issue actions the sync slice owns; RETRY of an issue raised by a QuickBooks-side change re-applies it through the pull.
  sync.actions.registerOwnActions({ entities: ['Payment', 'Customer'], retry: (tenantId, issue, remote) => pull.retryIssue(tenantId, issue, remote) });
  return {
    config: deps.config,
    repositories,
    pubsub: deps.pubsub,
    limiter,
    tenants,
    connections,
    provider,
    chart,
    settings,
    ledger,
    ledgerRecords,
    syncStatus: sync,
    setChangeListener: (listener) => ledgerRecords.setChangeListener(listener),
    sync,
    inbound,
    pull,
  };
}

/**
 * Every repository, built once per gateway from its database connection and handed to the services
 * through their constructors (see src/services.ts). Only `src/persistence/` talks to the database.
 */
import { type Connection } from 'mongoose';
import { LeaseStore } from './lease.store.js';
import { ChartRepository } from './accounts/chart.repository.js';
import { ConnectionRepository } from './connection/connection.repository.js';
import { RealmOwnersRepository } from './connection/realm-owners.repository.js';
import { RateLimitStore } from './rate-limit.store.js';
import { ReadStampRepository } from './read-stamp.repository.js';
import { InboundEventRepository } from './webhooks/inbound-event.repository.js';
import { AccountingSettingsRepository } from './settings/accounting-settings.repository.js';
import { FsmListRepository } from './ledger/fsm-list.repository.js';
import { LedgerRecordRepository } from './ledger/ledger-record.repository.js';
import { type SyncRepositories, syncRepositories } from './sync/sync.repositories.js';
import { TenantRepository } from './tenancy/tenant.repository.js';
import { type PullRepositories, pullRepositories } from './pull/pull.repositories.js';

export interface Repositories {
  /** QuickBooks change hints waiting to be applied (webhooks). */
  inboundEvents: InboundEventRepository;
  /** The cached chart of accounts and reference lists, with their refresh states. */
  chart: ChartRepository;
  /** Each tenant's QuickBooks connection (sealed tokens, compare-and-swap on the token version) and its OAuth states. */
  connections: ConnectionRepository;
  /** Which tenants a QuickBooks company belongs to (cross-tenant by design). */
  realmOwners: RealmOwnersRepository;
  /** The stamps that keep per-tenant read caches right across processes (tenant-read.cache.ts). */
  readStamps: ReadStampRepository;
  /** Accounting settings revisions. */
  accountingSettings: AccountingSettingsRepository;
  /** Tenants and their API keys. */
  tenants: TenantRepository;
  ledgerRecords: LedgerRecordRepository;
  fsmLists: FsmListRepository;
  /** The sync engine's (mappings and claims...), shared by the push and the pull. */
  sync: SyncRepositories;
  /** The pull slice's (watermarks, invoice flags, import matches, QuickBooks changes, created records). */
  pull: PullRepositories;
  /** The API's rate-limit counters when there is no Redis (shared by every gateway on the database). */
  rateLimits: RateLimitStore;
  /** A lease store with its own owner (one per holder that must exclude the others, even in one process). */
  newLeaseStore: () => LeaseStore;
}

export function createRepositories(connection: Connection): Repositories {
  return {
    inboundEvents: new InboundEventRepository(connection),
    chart: new ChartRepository(connection),
    connections: new ConnectionRepository(connection),
    realmOwners: new RealmOwnersRepository(connection),
    readStamps: new ReadStampRepository(connection),
    accountingSettings: new AccountingSettingsRepository(connection),
    tenants: new TenantRepository(connection),
    ledgerRecords: new LedgerRecordRepository(connection),
    fsmLists: new FsmListRepository(connection),
    sync: syncRepositories(connection),
    pull: pullRepositories(connection),
    rateLimits: new RateLimitStore(connection),
    newLeaseStore: () => new LeaseStore(connection),
  };
}

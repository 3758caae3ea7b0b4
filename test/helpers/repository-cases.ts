/**
 * The repository workload both persistence tests share: for every repository built by
 * `createRepositories`, a seed of one tenant's data and a call of every public method.
 *
 * - test/foundation/repository-scoping.test.ts runs every call as ANOTHER tenant: `read` calls must
 *   return nothing (null, false, empty), and no call may change the seeded tenant's documents.
 * - test/foundation/index-coverage.test.ts runs the seed and every call as both tenants while
 *   recording each filter and sort sent to the database, and checks an index serves each one.
 *
 * Adding a repository or a method: add its calls here (the scoping test fails on a repository method
 * without one). Methods that cross tenants by design go in `crossTenant`, with the reason.
 */
import { type Repositories } from '../../src/persistence/repositories.js';
import { type TenantId } from '../../src/persistence/tenant-id.js';
import { DEFAULT_SETTINGS } from '../../src/settings/accounting-settings.values.js';
import { SYNC_CASES, seedSync } from './repository-cases.sync.js';

export type Call = (repos: Repositories, tenant: TenantId, seeded: Seeded) => Promise<unknown>;

/** Every repository in `Repositories` by its path (`ledgerRecords`, `sync.mappings`): groups are walked into. */
export function repositoriesByPath(repos: object, prefix = ''): Map<string, object> {
  const out = new Map<string, object>();
  for (const [name, value] of Object.entries(repos)) {
    if (!value || typeof value !== 'object') continue;
    const path = `${prefix}${name}`;
    if (Object.getPrototypeOf(value) === Object.prototype) for (const [inner, repo] of repositoriesByPath(value as object, `${path}.`)) out.set(inner, repo);
    else out.set(path, value as object);
  }
  return out;
}

/**
 * Repositories whose rows are still to be written (by the engineer converting that slice). It only
 * shrinks: the scoping test fails on a repository neither here nor in REPOSITORY_CASES, and on a
 * name here that has a row.
 */
export const CASES_PENDING: readonly string[] = [];

export interface RepositoryCase {
  /** The repository's path in `Repositories` (see repositoriesByPath). */
  repository: string;
  /** Calls that must find nothing for another tenant. Keys are the method names they exercise. */
  read: Record<string, Call>;
  /** Calls that may write (their own tenant's data) but must not change the seeded tenant's. */
  write: Record<string, Call>;
  /** Methods that cross tenants on purpose (lookups by a global key, migrations): why, and a call (for index coverage). */
  crossTenant?: Record<string, { why: string; call: Call }>;
}

/** What the seed made for the owning tenant: gateway ids by name. */
export type Seeded = Record<string, string>;

const now = new Date('2026-03-01T00:00:00Z');
const storage = { version: 1, pushPending: true, status: 'ACTIVE' as const, contentHash: 'seed', changedAt: now, createdAt: now, updatedAt: now };

/** One tenant's data in every repository. */
export async function seed(repos: Repositories, tenant: TenantId): Promise<Seeded> {
  const r = repos.ledgerRecords;
  const customer = await r.insert(tenant, 'customer', { ...storage, externalId: 'c-1', displayName: 'Harbour Dental', sortKey: 'harbour dental' });
  const invoice = await r.insert(tenant, 'invoice', {
    ...storage,
    externalId: 'i-1',
    customerId: customer!.id,
    number: 'INV-1',
    date: '2026-02-01',
    sortKey: '2026-02-01',
    currency: 'AUD',
    type: 'STANDARD',
    taxInclusive: false,
    lines: [],
    subtotal: '100.00',
    totalTax: '10.00',
    total: '110.00',
  } as never);
  const payment = await r.insert(tenant, 'payment', {
    ...storage,
    externalId: 'p-1',
    customerId: customer!.id,
    date: '2026-02-02',
    sortKey: '2026-02-02',
    currency: 'AUD',
    allocations: [{ invoiceId: invoice!.id, amount: '50.00' }],
    allocatedInvoiceIds: [invoice!.id],
    amount: '60.00',
    paymentMethodId: 'pm',
  });
  await r.insert(tenant, 'creditNote', { ...storage, externalId: 'cn-1', customerId: customer!.id, invoiceId: invoice!.id, number: 'CN-1', date: '2026-02-03', sortKey: '2026-02-03', taxInclusive: false, lines: [], totalTax: '0.00', total: '5.00' });
  await r.insert(tenant, 'badDebtWriteOff', { ...storage, externalId: 'w-1', customerId: customer!.id, invoiceId: invoice!.id, date: '2026-02-04', sortKey: '2026-02-04', amount: '1.00' });
  const l = repos.fsmLists;
  const jobType = await l.upsert(tenant, 'jobTypes', 'jt-1', { name: 'Service call', sortKey: 'service call' });
  const supply = await l.upsert(tenant, 'supplies', 'sup-1', { name: 'Copper pipe', sortKey: 'copper pipe', trackInventory: true });
  const method = await l.upsert(tenant, 'paymentMethods', 'pm-1', { name: 'Visa', sortKey: 'visa', isCard: true });
  const team = await l.upsert(tenant, 'teams', 'team-1', { name: 'Plumbing', sortKey: 'plumbing' });
  // The tenant document itself (its _id is the tenant id), and a key.
  await repos.tenants.models.tenants.create({ _id: tenant, name: 'Seeded Co', demo: true });
  await repos.tenants.addKey(tenant, { keyHash: `seed-hash-${tenant}`, prefix: 'fb_seed', label: 'seeded' });
  const key = (await repos.tenants.listKeys(tenant))[0]!;
  await repos.readStamps.renew(tenant, 'chart', { refreshedAt: now });
  await repos.accountingSettings.insertRevision(tenant, revision(1));
  await repos.inboundEvents.insertNew(tenant, [hint('seed-1')]);
  await repos.connections.upsert(tenant, { status: 'CONNECTED', realmId: 'realm-1', companyName: 'Seeded Co', tokens: sealedTokens, tokenVersion: 1, customerImportSuggested: false });
  await repos.connections.createState(tenant, oauthState(`seed-state-${tenant}`));
  const state = await repos.connections.findLiveStateAcrossTenants(`seed-state-${tenant}`);
  await repos.chart.upsertAccounts(tenant, 'realm-1', [account('1')], now);
  await repos.chart.upsertReferences(tenant, 'Class', 'realm-1', [reference('1')], now);
  await repos.chart.saveRefreshState(tenant, 'Account', { realmId: 'realm-1', watermark: null, refreshedAt: now, full: true });
  const seeded: Seeded = { tenant, apiKey: key.id, apiKeyHash: key.keyHash, customer: customer!.id, invoice: invoice!.id, payment: payment!.id, jobType: jobType.id, supply: supply.id, paymentMethod: method.id, team: team.id, oauthState: state!.id };
  await seedSync(repos, tenant, seeded);
  return seeded;
}

const hint = (key: string) => ({ key, realmId: 'realm-1', entity: 'Payment', entityId: '7', operation: 'Create' as const, source: 'cdc' as const, status: 'PENDING' as const, attempts: 0, receivedAt: now });

const sealed = (data: string) => ({ keyId: 'k1', iv: 'iv', tag: 'tag', data });
const sealedTokens = { access: sealed('access'), refresh: sealed('refresh'), accessExpiresAt: new Date('2099-01-01T00:00:00Z'), refreshExpiresAt: new Date('2099-01-01T00:00:00Z') };
const oauthState = (stateHash: string) => ({ stateHash, returnTo: null, apiKeyHash: 'seed-key-hash', browserNonceHash: null, allowRealmChange: false, expiresAt: new Date('2099-01-01T00:00:00Z') });

const account = (qboId: string) => ({ qboId, name: 'Sales', fullyQualifiedName: 'Sales', acctNum: null, accountType: 'Income', accountSubType: null, classification: 'Revenue', active: true, currentBalance: '0.00', currencyRef: null, parentRef: null, syncToken: '0', lastUpdatedTime: null, sortKey: 'sales' });
const reference = (qboId: string) => ({ qboId, name: 'North', fullyQualifiedName: 'North', active: true, parentRef: null, description: null, paymentType: null, taxable: null, taxGroup: null, syncToken: '0', lastUpdatedTime: null, sortKey: 'north' });

const revision = (version: number) => ({ ...DEFAULT_SETTINGS, version, updatedAt: now, updatedBy: { apiKeyPrefix: 'fb_seed', apiKeyLabel: null } });

export const REPOSITORY_CASES: RepositoryCase[] = [
  {
    repository: 'inboundEvents',
    read: {
      pending: (repos, t) => repos.inboundEvents.pending(t, 10),
      get: (repos, t, s) => repos.inboundEvents.get(t, `${s.tenant}:seed-1`),
    },
    write: {
      insertNew: (repos, t) => repos.inboundEvents.insertNew(t, [hint('seed-1'), hint('other-1')]),
      update: (repos, t, s) => repos.inboundEvents.update(t, `${s.tenant}:seed-1`, { status: 'DONE', attempts: 1 }),
    },
  },
  {
    repository: 'chart',
    read: {
      refreshStates: (repos, t) => repos.chart.refreshStates(t),
      refreshState: (repos, t) => repos.chart.refreshState(t, 'Account'),
      load: (repos, t) => repos.chart.load(t),
    },
    write: {
      upsertAccounts: (repos, t) => repos.chart.upsertAccounts(t, 'realm-2', [account('1'), account('2')], new Date()),
      upsertReferences: (repos, t) => repos.chart.upsertReferences(t, 'Class', 'realm-2', [reference('1')], new Date()),
      deleteUnseen: async (repos, t) => {
        await repos.chart.deleteUnseen(t, 'Account', new Date('2099-01-01T00:00:00Z'));
        await repos.chart.deleteUnseen(t, 'Class', new Date('2099-01-01T00:00:00Z'));
      },
      saveRefreshState: async (repos, t) => {
        await repos.chart.saveRefreshState(t, 'Account', { realmId: 'realm-2', watermark: null, refreshedAt: new Date(), full: true });
        await repos.chart.saveRefreshState(t, 'Class', { realmId: 'realm-2', watermark: 'w', refreshedAt: new Date(), full: false });
      },
    },
  },
  {
    repository: 'connections',
    read: { find: (repos, t) => repos.connections.find(t) },
    write: {
      set: (repos, t) => repos.connections.set(t, { companyName: 'Other Co' }),
      setIfTokenVersion: (repos, t) => repos.connections.setIfTokenVersion(t, 1, { status: 'RECONNECT_REQUIRED', reason: 'REFRESH_TOKEN_INVALID' }),
      upsert: (repos, t) => repos.connections.upsert(t, { status: 'CONNECTED', realmId: 'realm-2', tokens: sealedTokens, tokenVersion: 1 }),
      recordFailureUnlessConnected: (repos, t) => repos.connections.recordFailureUnlessConnected(t, 'CONSENT_DECLINED', 'declined'),
      createState: (repos, t) => repos.connections.createState(t, oauthState(`other-state-${t}`)),
      consumeState: (repos, t, s) => repos.connections.consumeState(t, `seed-state-${s.tenant}`),
    },
    crossTenant: {
      realmHeldByAnotherTenant: { why: "one QuickBooks company's books belong to one tenant", call: (repos, t) => repos.connections.realmHeldByAnotherTenant(t, 'realm-1') },
      connectedTenantsAcrossTenants: { why: 'the CDC poller serves every connected tenant', call: (repos) => repos.connections.connectedTenantsAcrossTenants() },
      withTokensAcrossTenants: { why: 'the re-seal pass covers every tenant', call: (repos) => repos.connections.withTokensAcrossTenants() },
      findLiveStateAcrossTenants: { why: 'the browser callback: an OAuth state names its tenant', call: (repos, _t, s) => repos.connections.findLiveStateAcrossTenants(`seed-state-${s.tenant}`) },
      consumeStateByIdAcrossTenants: { why: 'the browser callback consumes the state it found by hash', call: (repos, _t, s) => repos.connections.consumeStateByIdAcrossTenants(s.oauthState!) },
    },
  },
  {
    repository: 'realmOwners',
    read: {},
    write: {},
    crossTenant: {
      ownersOfRealmsAcrossTenants: { why: 'a webhook names realms, not tenants', call: (repos) => repos.realmOwners.ownersOfRealmsAcrossTenants(['realm-1']) },
    },
  },
  {
    repository: 'rateLimits',
    read: {},
    write: {},
    crossTenant: {
      limiter: {
        why: 'API rate limits count per key and per client address, before a tenant is known',
        call: async (repos) => {
          const { RateLimiterMemory } = await import('rate-limiter-flexible');
          // These counters have no mongoose model: their indexes are the ones this makes (see index-coverage).
          await repos.rateLimits.ensureIndexes(['rate_limits_case']);
          return repos.rateLimits.limiter('rate_limits_case', 5, 60, new RateLimiterMemory({ points: 5, duration: 60 })).consume('key-1');
        },
      },
      sweepExpired: { why: 'expired counters are swept for every key at once', call: (repos) => repos.rateLimits.sweepExpired(['rate_limits_case'], new Date()) },
    },
  },
  {
    repository: 'readStamps',
    read: { stampOf: (repos, t) => repos.readStamps.stampOf(t, 'chart') },
    write: { renew: (repos, t) => repos.readStamps.renew(t, 'chart') },
  },
  {
    repository: 'accountingSettings',
    read: { latest: (repos, t) => repos.accountingSettings.latest(t) },
    write: { insertRevision: (repos, t) => repos.accountingSettings.insertRevision(t, revision(1)) },
  },
  {
    repository: 'tenants',
    read: {
      findTenant: (repos, t) => repos.tenants.findTenant(t),
      isKeyUsable: (repos, t, s) => repos.tenants.isKeyUsable(t, s.apiKey!),
      hasKeyHash: (repos, t, s) => repos.tenants.hasKeyHash(t, s.apiKeyHash!),
      listKeys: (repos, t) => repos.tenants.listKeys(t),
      revokeKey: (repos, t, s) => repos.tenants.revokeKey(t, s.apiKey!, new Date()),
    },
    write: {
      createTenant: (repos) => repos.tenants.createTenant({ name: 'Another Co', demo: false }),
      deleteTenant: (repos, t) => repos.tenants.deleteTenant(t),
      addKey: (repos, t) => repos.tenants.addKey(t, { keyHash: `other-hash-${t}`, prefix: 'fb_other', label: 'other' }),
    },
    crossTenant: {
      findDemoTenantAcrossTenants: { why: 'the embedded default finds its demo tenant by its flag', call: (repos) => repos.tenants.findDemoTenantAcrossTenants() },
      findUsableKeyByHashAcrossTenants: { why: 'the API key a request presents is what names its tenant', call: (repos, _t, s) => repos.tenants.findUsableKeyByHashAcrossTenants(s.apiKeyHash!) },
      usableKeysByHashAcrossTenants: { why: 'open WebSockets re-check their keys, of any tenant, in one query', call: (repos, _t, s) => repos.tenants.usableKeysByHashAcrossTenants([s.apiKeyHash!]) },
      existingTenants: { why: 'which tenants named by those keys still exist (by tenant id)', call: (repos, t) => repos.tenants.existingTenants([t]) },
    },
  },
  {
    repository: 'ledgerRecords',
    read: {
      findByExternalId: (repos, t) => repos.ledgerRecords.findByExternalId(t, 'customer', 'c-1'),
      findByExternalIds: (repos, t) => repos.ledgerRecords.findByExternalIds(t, 'invoice', ['i-1', 'i-2'], ['number', 'total']),
      getMany: (repos, t, s) => repos.ledgerRecords.getMany(t, 'invoice', [s.invoice!]),
      fieldsOf: (repos, t, s) => repos.ledgerRecords.fieldsOf(t, 'customer', [s.customer!], ['externalId', 'version']),
      pending: async (repos, t, s) => [...(await repos.ledgerRecords.pending(t, 'customer', { limit: 10 })), ...(await repos.ledgerRecords.pending(t, 'invoice', { limit: 10, after: s.invoice! }))],
      page: async (repos, t, s) => [...(await repos.ledgerRecords.page(t, 'customer', { limit: 10 })), ...(await repos.ledgerRecords.page(t, 'invoice', { limit: 10, after: s.customer! }))],
      list: async (repos, t) => {
        const all = await repos.ledgerRecords.list(t, 'invoice', {}, { limit: 10 });
        const filtered = await repos.ledgerRecords.list(t, 'invoice', { search: 'inv', status: 'ACTIVE', pushPending: true, dateFrom: '2026-01-01', dateTo: '2026-12-31' }, { limit: 10, after: ['2026-01-01', 'a'] });
        const parties = await repos.ledgerRecords.list(t, 'customer', { search: 'harbour' }, { limit: 10 });
        return [...all.rows, ...filtered.rows, ...parties.rows, all.totalCount + filtered.totalCount + parties.totalCount].filter(Boolean);
      },
      activeExternalIdsStartingWith: (repos, t) => repos.ledgerRecords.activeExternalIdsStartingWith(t, 'customer', 'c-'),
      customerHasTransactions: (repos, t, s) => repos.ledgerRecords.customerHasTransactions(t, s.customer!),
      settlementsOf: async (repos, t, s) => {
        const { payments, credits, writeOffs } = await repos.ledgerRecords.settlementsOf(t, [s.invoice!], { kind: 'payment', id: s.customer! });
        return [...payments, ...credits, ...writeOffs];
      },
      activePaymentsOf: (repos, t, s) => repos.ledgerRecords.activePaymentsOf(t, [s.customer!]),
      replaceAtVersion: (repos, t, s) =>
        repos.ledgerRecords.replaceAtVersion(t, 'customer', s.customer!, 1, { ...storage, externalId: 'c-1', displayName: 'Taken Over', sortKey: 'taken over' }),
      setStatusAtVersion: (repos, t, s) => repos.ledgerRecords.setStatusAtVersion(t, 'invoice', s.invoice!, 1, { status: 'VOIDED', pushPending: true, at: new Date() }),
      markPushedAtVersion: (repos, t, s) => repos.ledgerRecords.markPushedAtVersion(t, 'customer', s.customer!, 1),
    },
    write: {
      markPending: (repos, t, s) => repos.ledgerRecords.markPending(t, 'invoice', [s.invoice!], new Date()),
      insert: (repos, t) => repos.ledgerRecords.insert(t, 'customer', { ...storage, externalId: 'c-1', displayName: 'Same Id Other Tenant', sortKey: 'same id other tenant' }),
      insertMany: (repos, t) =>
        repos.ledgerRecords.insertMany(t, 'customer', [
          { ...storage, externalId: 'c-1', displayName: 'Again', sortKey: 'again' },
          { ...storage, externalId: 'c-2', displayName: 'Second', sortKey: 'second' },
        ] as never),
    },
  },
  {
    repository: 'fsmLists',
    read: {
      list: async (repos, t) => {
        const all = await repos.fsmLists.list(t, 'jobTypes', { limit: 10 });
        const searched = await repos.fsmLists.list(t, 'supplies', { limit: 10, after: ['a', 'a'] }, 'pipe');
        return [...all.rows, ...searched.rows, all.totalCount + searched.totalCount].filter(Boolean);
      },
      findById: (repos, t, s) => repos.fsmLists.findById(t, 'teams', s.team!),
      findByIds: async (repos, t, s) => [...(await repos.fsmLists.findByIds(t, 'supplies', [s.supply!], { onlyStock: true })), ...(await repos.fsmLists.findByIds(t, 'jobTypes', [s.jobType!]))],
      findByExternalIds: (repos, t) => repos.fsmLists.findByExternalIds(t, 'paymentMethods', ['pm-1']),
      findPaymentMethodByKey: async (repos, t) => [await repos.fsmLists.findPaymentMethodByKey(t, 'pm-1'), await repos.fsmLists.findPaymentMethodByKey(t, 'VISA')].filter(Boolean),
      update: (repos, t, s) => repos.fsmLists.update(t, 'jobTypes', s.jobType!, { name: 'Taken over' }),
    },
    write: {
      upsert: (repos, t) => repos.fsmLists.upsert(t, 'teams', 'team-1', { name: 'Same id other tenant', sortKey: 'same id other tenant' }),
    },
  },
  ...SYNC_CASES,
];

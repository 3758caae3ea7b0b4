/**
 * The sync engine's and the pull's rows of the shared repository workload (test/helpers/repository-cases.ts):
 * one tenant's mappings, claims, outbox, runs, issues, items and pull state, and a call of every public
 * method of their repositories.
 */
import { type Repositories } from '../../src/persistence/repositories.js';
import { type TenantId } from '../../src/persistence/tenant-id.js';
import type { RepositoryCase, Seeded } from './repository-cases.js';

const now = new Date('2026-03-01T00:00:00Z');
const REALM = 'realm-1';
const subjectOf = (s: Seeded) => `customer:${s.customer!}:main`;
const customerTarget = { realmId: REALM, entity: 'Customer' as const, qboId: '301' };
const ITEM_KEY = 'item:LABOUR:acc-1';

/** Seeds tenant `t` (whose ledger records are in `s`); adds what it made to `s`. */
export async function seedSync(repos: Repositories, t: TenantId, s: Seeded): Promise<void> {
  const { mappings, claims, outbox, runs, issues, items } = repos.sync;
  const synced = { realmId: REALM, syncToken: '0', syncedVersion: 1, state: 'SYNCED' as const, remoteStatus: 'ACTIVE' };
  await mappings.upsert(t, { kind: 'customer', recordId: s.customer! }, { ...synced, entity: 'Customer', qboId: '301' });
  await mappings.upsert(t, { kind: 'invoice', recordId: s.invoice! }, { ...synced, entity: 'Invoice', qboId: '501' });
  await mappings.upsert(t, { kind: 'payment', recordId: s.payment! }, { ...synced, entity: 'Payment', qboId: '601', state: 'SKIPPED', remoteStatus: 'DELETED' });
  await claims.claim(t, customerTarget, { kind: 'customer', recordId: s.customer!, part: 'main' });

  const write = { realmId: REALM, version: 1, generation: 0, operation: 'create' as const };
  await outbox.record(t, { ...write, requestId: 'req-1', subject: `invoice:${s.invoice!}:main`, entity: 'Invoice', payload: '{"DocNumber":"INV-1"}' });
  await outbox.markDone(t, 'req-1', { Id: '501', SyncToken: '0' });
  await outbox.record(t, { ...write, requestId: 'req-2', subject: subjectOf(s), entity: 'Customer', payload: '{"DisplayName":"Harbour Dental"}' });
  await outbox.listOpenCreate(t, subjectOf(s), 'req-2');

  const run = { trigger: 'MANUAL' as const, scope: ['invoice' as const], direction: 'PUSH' as const, dryRun: false, recordIds: null, queuedAt: now };
  s.run = (await runs.create(t, { ...run, status: 'QUEUED' })).id;
  s.runningRun = (await runs.create(t, { ...run, status: 'RUNNING', startedAt: now })).id;
  await runs.requestCancel(t, s.runningRun);
  s.issue = (
    await issues.open(t, { kind: 'invoice', recordId: s.invoice! }, {
      externalId: 'i-1', runId: s.run, code: 'VALIDATION', message: 'Invoice INV-1 has no lines.', fixHint: 'Add a line.', retryable: true,
      blockedByKind: null, blockedById: null, qboFault: null, actions: [], candidates: [], setting: null,
    })
  ).id;
  await items.reserveName(t, REALM, ITEM_KEY, 'Item', 'Labour');
  await items.setObject(t, REALM, ITEM_KEY, '701', 'Labour');

  const pull = repos.pull;
  await pull.watermarks.setSince(t, now);
  await pull.invoiceFlags.set(t, { invoiceId: s.invoice!, qboId: '501', change: 'EDITED', detail: 'Edited in QuickBooks.', seenSyncToken: '1', at: now });
  await pull.customerMatches.save(t, '301', 'Harbour Dental', { status: 'LINKED', customerId: s.customer!, reason: 'EMAIL', score: 1, candidateIds: [], runId: null }, now);
  s.change = (await pull.changes.add(t, { kind: 'PAYMENT_RECORDED', entity: 'Payment', qboId: '601', recordKind: 'payment', recordId: s.payment!, message: 'QuickBooks payment 601.', at: now })).id;
  await pull.createdRecords.insertNew(t, [{ entity: 'Customer', qboId: '302', name: 'Harbour Strata', customerName: null, customerQboId: null, email: null, amount: null, date: null }]);
}

const created = { entity: 'Customer' as const, qboId: '302', name: 'Harbour Strata', customerName: null, customerQboId: null, email: null, amount: null, date: null };

export const SYNC_CASES: RepositoryCase[] = [
  {
    repository: 'sync.mappings',
    read: {
      get: (r, t, s) => r.sync.mappings.get(t, { kind: 'invoice', recordId: s.invoice! }),
      mainOf: (r, t, s) => r.sync.mappings.mainOf(t, 'invoice', [s.invoice!, s.customer!]),
      byQboId: (r, t) => r.sync.mappings.byQboId(t, REALM, 'invoice', '501'),
      byQboIds: (r, t) => r.sync.mappings.byQboIds(t, REALM, 'invoice', ['501', '502']),
      glances: async (r, t) => [...(await r.sync.mappings.glances(t, REALM, ['invoice', 'customer'], ['501', '301'])), ...(await r.sync.mappings.glances(t, REALM, ['invoice'], ['501']))],
      linkedInRealm: (r, t) => r.sync.mappings.linkedInRealm(t, REALM, 'customer'),
      livePage: async (r, t) => {
        const first = await r.sync.mappings.livePage(t, REALM, 'invoice', undefined, 10);
        const next = await r.sync.mappings.livePage(t, REALM, 'invoice', `${t}:invoice:`, 10);
        return [...first.qboIds, ...next.qboIds];
      },
      skipped: (r, t) => r.sync.mappings.skipped(t),
    },
    write: {
      update: (r, t, s) => r.sync.mappings.update(t, { kind: 'invoice', recordId: s.invoice! }, { syncToken: '9' }),
      upsert: (r, t, s) => r.sync.mappings.upsert(t, { kind: 'customer', recordId: s.customer! }, { entity: 'Customer', state: 'FAILED' }, { realmId: REALM }),
      linkIssue: (r, t, s) => r.sync.mappings.linkIssue(t, { kind: 'invoice', recordId: s.invoice! }, s.issue!),
      resetDeleted: (r, t, s) => r.sync.mappings.resetDeleted(t, { kind: 'payment', recordId: s.payment! }, '601'),
      insertClaimed: (r, t, s) => r.sync.mappings.insertClaimed(t, REALM, 'Customer', [{ kind: 'customer', recordId: s.customer!, qboId: '303', syncToken: '0', syncedVersion: 1 }]),
      stampLegacyRealm: (r, t) => r.sync.mappings.stampLegacyRealm(t, 'realm-old'),
    },
    crossTenant: {
      claimExistingMappingsOfEveryTenant: {
        why: 'start-up migration: claims for the mappings of every tenant written before claims existed, once',
        call: (r) => r.sync.mappings.claimExistingMappingsOfEveryTenant(() => Promise.resolve(REALM)),
      },
    },
  },
  {
    repository: 'sync.claims',
    read: {
      holderOf: (r, t) => r.sync.claims.holderOf(t, customerTarget),
    },
    write: {
      claim: (r, t) => r.sync.claims.claim(t, customerTarget, { kind: 'customer', recordId: 'someone-else', part: 'main' }),
      claimMany: (r, t) => r.sync.claims.claimMany(t, [{ target: { ...customerTarget, qboId: '304' }, owner: { kind: 'customer', recordId: 'someone-else', part: 'main' } }]),
      transfer: (r, t, s) => r.sync.claims.transfer(t, customerTarget, { kind: 'customer', recordId: s.customer!, part: 'main' }, { kind: 'customer', recordId: 'someone-else', part: 'main' }),
      release: (r, t, s) => r.sync.claims.release(t, customerTarget, { kind: 'customer', recordId: s.customer!, part: 'main' }),
    },
    crossTenant: {
      claimManyAcrossTenantsForMigration: {
        why: "start-up migration: one batch holds several tenants' claims",
        call: (r, t) => r.sync.claims.claimManyAcrossTenantsForMigration([{ tenantId: t, target: { ...customerTarget, qboId: '305' }, owner: { kind: 'customer', recordId: 'migrated', part: 'main' } }]),
      },
      isMigrated: { why: 'migration markers belong to no tenant', call: (r) => r.sync.claims.isMigrated('existing-mappings') },
      markMigrated: { why: 'migration markers belong to no tenant', call: (r) => r.sync.claims.markMigrated('a-test-migration') },
    },
  },
  {
    repository: 'sync.outbox',
    read: {
      get: (r, t) => r.sync.outbox.get(t, 'req-1'),
      statusOf: (r, t) => r.sync.outbox.statusOf(t, 'req-1'),
      openCreates: (r, t, s) => r.sync.outbox.openCreates(t, subjectOf(s)),
      wroteObject: (r, t) => r.sync.outbox.wroteObject(t, REALM, 'Invoice', '501'),
      writtenObjects: (r, t) => r.sync.outbox.writtenObjects(t, REALM, ['Customer', 'Invoice'], ['501', '301']),
      createInFlight: (r, t) => r.sync.outbox.createInFlight(t, REALM, 'Customer'),
      createsInFlight: (r, t) => r.sync.outbox.createsInFlight(t, REALM, ['Customer', 'Invoice']),
    },
    write: {
      record: (r, t, s) => r.sync.outbox.record(t, { realmId: REALM, requestId: 'req-1', subject: subjectOf(s), operation: 'update', entity: 'Customer', version: 2, generation: 0, payload: '{}' }),
      countAttempt: (r, t) => r.sync.outbox.countAttempt(t, 'req-2'),
      markDone: (r, t) => r.sync.outbox.markDone(t, 'req-2', { Id: '301' }),
      markFailed: (r, t) => r.sync.outbox.markFailed(t, 'req-1', '6000 rejected'),
      listOpenCreate: (r, t, s) => r.sync.outbox.listOpenCreate(t, subjectOf(s), 'req-3'),
      unlistOpenCreates: (r, t, s) => r.sync.outbox.unlistOpenCreates(t, subjectOf(s), ['req-2']),
    },
  },
  {
    repository: 'sync.runs',
    read: {
      get: (r, t, s) => r.sync.runs.get(t, s.run!),
      cancelRequested: (r, t, s) => r.sync.runs.cancelRequested(t, s.runningRun!),
      page: async (r, t, s) => {
        const first = await r.sync.runs.page(t, undefined, 10);
        const next = await r.sync.runs.page(t, s.runningRun, 10);
        return [...first.rows, ...next.rows, first.totalCount + next.totalCount].filter(Boolean);
      },
      oldestQueued: async (r, t) => [await r.sync.runs.oldestQueued(t), await r.sync.runs.oldestQueued(t, { joinable: true })].filter(Boolean),
      hasQueued: (r, t) => r.sync.runs.hasQueued(t),
      runningPush: (r, t) => r.sync.runs.runningPush(t),
    },
    write: {
      create: (r, t) => r.sync.runs.create(t, { status: 'QUEUED', trigger: 'AUTOMATIC', scope: ['customer'], direction: 'PUSH', dryRun: false, recordIds: null, queuedAt: now }),
      update: (r, t, s) => r.sync.runs.update(t, s.run!, { phase: 'taken over' }),
      requestCancel: (r, t, s) => r.sync.runs.requestCancel(t, s.runningRun!),
      closeRunning: (r, t) => r.sync.runs.closeRunning(t, { status: 'FAILED', phase: 'failed' }),
    },
    crossTenant: {
      tenantsWithRunningPushAcrossTenants: { why: "any instance takes over any tenant's run left by an instance that stopped", call: (r) => r.sync.runs.tenantsWithRunningPushAcrossTenants() },
    },
  },
  {
    repository: 'sync.issues',
    read: {
      get: (r, t, s) => r.sync.issues.get(t, s.issue!),
      openOf: (r, t, s) => r.sync.issues.openOf(t, 'invoice', s.invoice!),
      openOfRecords: (r, t, s) => r.sync.issues.openOfRecords(t, [s.invoice!, s.customer!]),
      page: async (r, t, s) => {
        const all = await r.sync.issues.page(t, null, undefined, 10);
        const open = await r.sync.issues.page(t, 'OPEN', undefined, 10);
        const next = await r.sync.issues.page(t, 'OPEN', s.run, 10);
        return [...all.rows, ...open.rows, ...next.rows, all.totalCount + open.totalCount].filter(Boolean);
      },
    },
    write: {
      open: (r, t, s) =>
        r.sync.issues.open(t, { kind: 'invoice', recordId: s.invoice! }, {
          externalId: 'i-1', runId: null, code: 'VALIDATION', message: 'Taken over.', fixHint: '-', retryable: false,
          blockedByKind: null, blockedById: null, qboFault: null, actions: [], candidates: [], setting: null,
        }),
      resolve: (r, t, s) => r.sync.issues.resolve(t, 'invoice', s.invoice!),
      ignore: (r, t, s) => r.sync.issues.ignore(t, s.issue!),
    },
  },
  {
    repository: 'sync.items',
    read: {
      get: (r, t) => r.sync.items.get(t, REALM, ITEM_KEY),
    },
    write: {
      reserveName: (r, t) => r.sync.items.reserveName(t, REALM, ITEM_KEY, 'Item', 'Taken over'),
      setObject: (r, t) => r.sync.items.setObject(t, REALM, ITEM_KEY, '999', 'Taken over'),
    },
  },
  {
    repository: 'pull.watermarks',
    read: { get: (r, t) => r.pull.watermarks.get(t) },
    write: {
      setSince: (r, t) => r.pull.watermarks.setSince(t, new Date('2026-01-01T00:00:00Z')),
      recordError: (r, t) => r.pull.watermarks.recordError(t, 'QuickBooks is unavailable', now),
      recordPoll: (r, t) => r.pull.watermarks.recordPoll(t, now, 'CDC', null),
    },
  },
  {
    repository: 'pull.invoiceFlags',
    read: { get: (r, t, s) => r.pull.invoiceFlags.get(t, s.invoice!) },
    write: {
      set: (r, t, s) => r.pull.invoiceFlags.set(t, { invoiceId: s.invoice!, qboId: '501', change: 'VOIDED', detail: 'Taken over.', seenSyncToken: null, at: now }),
      remove: (r, t, s) => r.pull.invoiceFlags.remove(t, s.invoice!),
    },
  },
  {
    repository: 'pull.customerMatches',
    read: {
      get: (r, t) => r.pull.customerMatches.get(t, '301'),
      decidedAmong: (r, t) => r.pull.customerMatches.decidedAmong(t, ['301', '302']),
      page: async (r, t) => {
        const all = await r.pull.customerMatches.page(t, null, undefined, 10);
        const linked = await r.pull.customerMatches.page(t, 'LINKED', `${t}:999`, 10);
        return [...all.rows, ...linked.rows, all.totalCount + linked.totalCount].filter(Boolean);
      },
      count: (r, t) => r.pull.customerMatches.count(t, 'LINKED'),
    },
    write: {
      insertMany: (r, t, s) => r.pull.customerMatches.insertMany(t, [{ qboId: '301', qboDisplayName: 'Taken over', outcome: { status: 'CREATED', customerId: s.customer!, reason: null, score: null, candidateIds: [], runId: null } }], now),
      save: (r, t) => r.pull.customerMatches.save(t, '301', 'Taken over', { status: 'AMBIGUOUS' }, now),
    },
  },
  {
    repository: 'pull.changes',
    read: {
      page: async (r, t, s) => {
        const first = await r.pull.changes.page(t, undefined, 10);
        const next = await r.pull.changes.page(t, s.change, 10);
        return [...first.rows, ...next.rows, first.totalCount].filter(Boolean);
      },
    },
    write: {
      add: (r, t) => r.pull.changes.add(t, { kind: 'CUSTOMER_UPDATED', entity: 'Customer', qboId: '301', recordKind: null, recordId: null, message: 'Taken over.', at: now }),
      addMany: (r, t) => r.pull.changes.addMany(t, [{ kind: 'CUSTOMER_UPDATED', entity: 'Customer', qboId: '301', recordKind: null, recordId: null, message: 'Taken over.', at: now }]),
    },
  },
  {
    repository: 'pull.createdRecords',
    read: {
      get: (r, t) => r.pull.createdRecords.get(t, 'Customer', '302'),
      page: async (r, t) => {
        const all = await r.pull.createdRecords.page(t, { entity: null, status: null }, undefined, 10);
        const open = await r.pull.createdRecords.page(t, { entity: 'Customer', status: 'OPEN' }, `${t}:Invoice:`, 10);
        const customers = await r.pull.createdRecords.page(t, { entity: 'Customer', status: null }, undefined, 10);
        return [...all.rows, ...open.rows, ...customers.rows, all.totalCount].filter(Boolean);
      },
      open: (r, t) => r.pull.createdRecords.open(t),
      listedAmong: (r, t) => r.pull.createdRecords.listedAmong(t, [{ entity: 'Customer', qboId: '302' }, { entity: 'Invoice', qboId: '302' }]),
    },
    write: {
      markLinked: (r, t, s) => r.pull.createdRecords.markLinked(t, 'Customer', '302', s.customer!),
      link: (r, t, s) => r.pull.createdRecords.link(t, created, s.customer!),
      insertNew: (r, t) => r.pull.createdRecords.insertNew(t, [created]),
    },
  },
];

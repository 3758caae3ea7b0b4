/**
 * Pushes one ledger record to the accounting system: the engine side. It opens a run's session, reads
 * the record's mapping, holds records whose remote copy was changed there, hands the record to the
 * pusher of its kind (see push/record-pusher.registry.ts; the QuickBooks pushers are in
 * providers/quickbooks/pushers/) with a PushContext (mappings, claims, dependencies pushed first, state
 * writes), and records the outcome. Dry runs collect the exact payloads and never write. The issue
 * actions LINK and PUSH start here too.
 */
import { type ChartService } from '../accounts/chart.service.js';
import { type QuickBooksAccess } from '../connection/connection.types.js';
import { type LedgerListsService } from '../ledger/ledger-lists.service.js';
import { type LedgerKind, type LedgerReader, type LedgerRecord } from '../ledger/ledger-record.types.js';
import { type QboRecord } from '../providers/quickbooks/qbo.client.js';
import { QboError } from '../providers/quickbooks/qbo.errors.js';
import { QboLookahead } from '../providers/quickbooks/qbo-lookahead.js';
import { companyTax } from '../providers/quickbooks/pushers/company-tax.js';
import { QUICKBOOKS_PUSHERS } from '../providers/quickbooks/pushers/quickbooks.pushers.js';
import { type AccountingSettingsService } from '../settings/accounting-settings.service.js';
import { type MappingPart, type SyncMapping, type SyncMappingRepository } from '../persistence/sync/sync-mapping.repository.js';
import { type MappingClaimRepository } from '../persistence/sync/mapping-claim.repository.js';
import { asTenantId } from '../persistence/tenant-id.js';
import { ConflictError, NotFoundError, UserInputError } from '../errors/domain.errors.js';
import { entityNoun, qboText } from './match-label.util.js';
import { type OutboxService } from './outbox.service.js';
import { type QboRef } from './push.types.js';
import { EnginePushContext } from './push/engine-push.context.js';
import { outcomeKey, type PushOutcome, type PushResult, type PushSession } from './push/push-session.types.js';
import { PusherRegistry } from './push/record-pusher.registry.js';
import { remoteDeletedProblem, remoteVoidedProblem } from './remote-change.problems.js';
import { type SyncItemService } from './sync-item.service.js';
import { problemOf, SyncProblem } from './sync.errors.js';

export type { DryRunPayload, PushOutcome, PushResult, PushSession } from './push/push-session.types.js';

/** The pushers by kind (the QuickBooks Online ones: the only provider so far). */
const PUSHERS = new PusherRegistry(QUICKBOOKS_PUSHERS);

/** Every kind that can be pushed, in push order. */
export const PUSHABLE_KINDS: readonly LedgerKind[] = PUSHERS.kinds();

export class PushService {
  readonly #mappings: SyncMappingRepository;
  readonly #claims: MappingClaimRepository;

  constructor(
    private readonly deps: {
      mappings: SyncMappingRepository;
      claims: MappingClaimRepository;
      access: QuickBooksAccess;
      chart: ChartService;
      settings: AccountingSettingsService;
      lists: LedgerListsService;
      outbox: OutboxService;
      items: SyncItemService;
      ledger: () => LedgerReader;
    },
  ) {
    this.#mappings = deps.mappings;
    this.#claims = deps.claims;
  }

  async init(): Promise<void> {
    await this.#mappings.init();
    await this.#claims.init();
    // Mappings written before claims existed get theirs, once (see the repository).
    await this.#mappings.claimExistingMappingsOfEveryTenant(async (tenantId) => (await this.deps.access.realmOf(tenantId))?.realmId);
  }

  /** Mappings without a realm (written before realms were recorded) are stamped with the tenant's company of the time. */
  async recordLegacyRealm(tenantId: string, realmId: string): Promise<void> {
    await this.#mappings.stampLegacyRealm(asTenantId(tenantId), realmId);
  }

  async openSession(tenantId: string, dryRun: boolean): Promise<PushSession> {
    const realm = await this.deps.access.realmOf(tenantId);
    // A dry run reads only local state (settings, mappings, the chart cache): it sends nothing at all.
    const client = dryRun ? undefined : await this.deps.access.clientFor(tenantId);
    const realmId = realm?.realmId ?? client?.realmId ?? 'unknown';
    const settings = await this.deps.settings.get(tenantId);
    const taxCodes = await this.deps.chart.listReferences(tenantId, 'TaxCode');
    const settingProblems = new Map((await this.deps.settings.accountProblems(tenantId, settings)).map((p) => [p.setting, p]));
    return {
      tenantId: asTenantId(tenantId),
      realmId,
      client,
      settings,
      tax: companyTax(realm?.country, taxCodes.map((c) => ({ qboId: c.qboId, name: c.name, taxable: c.taxable }))),
      dryRun,
      payloads: [],
      outcomes: new Map(),
      notices: new Set(),
      lists: new Map(),
      settingProblems,
      country: realm?.country,
      lookahead: new QboLookahead(),
      counterparties: new Map(),
      dependencies: new Map(),
      cleared: new Set(),
      supplierInvoicesAwaitingApproval: (settings as { pushSupplierInvoicesAsAwaitingApproval?: boolean }).pushSupplierInvoicesAsAwaitingApproval === true,
    };
  }

  /**
   * The run is about to push these records (in this order): the lookups before their first creates are
   * registered, so QuickBooks is asked about a hundred of them per query instead of one per record.
   */
  prepare(session: PushSession, kind: LedgerKind, records: readonly LedgerRecord[]): void {
    if (session.dryRun) return;
    PUSHERS.get(kind).prepare?.(session, records);
  }

  /** Pushes one record (once per session, however many dependants ask for it). */
  push(session: PushSession, record: LedgerRecord): Promise<PushOutcome> {
    const key = outcomeKey(record.kind, record.id);
    let outcome = session.outcomes.get(key);
    if (!outcome) {
      outcome = this.#push(session, record);
      session.outcomes.set(key, outcome);
    }
    return outcome;
  }

  /** The engine's side of the session, as the pushers see it. */
  #context(session: PushSession): EnginePushContext {
    const { outbox, lists, chart, items } = this.deps;
    return new EnginePushContext(session, {
      mappings: this.#mappings,
      claims: this.#claims,
      services: { outbox, lists, chart, items },
      ledger: this.deps.ledger,
      registry: PUSHERS,
      push: (s, r) => this.push(s, r),
    });
  }

  async #push(session: PushSession, record: LedgerRecord): Promise<PushOutcome> {
    const ctx = this.#context(session);
    try {
      const pusher = PUSHERS.get(record.kind);
      // Read once here and handed down: each push step used to read it again.
      const mapping = await ctx.mapping(record.kind, record.id);
      if (!pusher.counterparty) holdRemoteChange(record, mapping);
      const result = await pusher.push(ctx, record, mapping);
      if (result === 'SKIPPED' && !session.dryRun) {
        // Dated before the accounting start date: settled as SKIPPED, so later runs do not look at it
        // again (moving the start date back and re-pushing marks it pending again).
        await ctx.setState(record, 'SKIPPED');
        await this.deps.ledger().markPushed(session.tenantId, record.kind, record.id, record.version, record.externalId);
      }
      return { result, issueCleared: session.cleared.has(outcomeKey(record.kind, record.id)) };
    } catch (error) {
      const problem = problemOf(error);
      const result: PushResult = problem.code === 'DEPENDENCY_FAILED' || problem.code === 'OPENING_INVOICE_MISSING' ? 'BLOCKED' : 'FAILED';
      if (!session.dryRun) await ctx.setState(record, result, problem);
      return { result, problem };
    }
  }

  /** The stored mapping, whatever realm it belongs to (status display, issue bookkeeping). */
  async mappingOf(tenantId: string, kind: LedgerKind, recordId: string, part: MappingPart = 'main'): Promise<SyncMapping | null> {
    return this.#mappings.get(asTenantId(tenantId), { kind, recordId, part });
  }

  // ---- issue actions (LINK, PUSH) ------------------------------------------------------------------

  /**
   * LINK: ties the record to the QBO object `remoteId` (of its own customer or vendor), as in sync at
   * its current version. Checked in QuickBooks and claimed; refused with a reason when it cannot hold.
   */
  async linkRecord(tenantId: string, kind: LedgerKind, recordId: string, remoteId: string): Promise<void> {
    const session = await this.openSession(tenantId, false);
    const ctx = this.#context(session);
    const record = await this.deps.ledger().get(tenantId, kind, recordId);
    if (!record) throw new NotFoundError(kind, recordId);
    const pusher = PUSHERS.get(kind);
    const entity = pusher.entity;
    const noun = entityNoun(entity);
    let row: QboRecord;
    try {
      row = await session.client!.read<QboRecord>(entity, remoteId);
    } catch (error) {
      if (error instanceof QboError && error.kind === 'NOT_FOUND') throw new UserInputError(`QuickBooks has no ${noun} with Id ${remoteId}.`, [{ path: ['remoteId'], message: `no QuickBooks ${noun} with this Id` }]);
      throw error;
    }
    const counterparty = pusher.linkCounterparty?.(record);
    if (counterparty) {
      const own = await ctx.mapping(counterparty.kind, counterparty.id);
      const theirs = (row[counterparty.field] as QboRef | undefined)?.value;
      if (!own?.qboId || own.qboId !== theirs) {
        throw new UserInputError(`QuickBooks ${noun} ${qboText(row.DocNumber, remoteId)} belongs to ${String((row[counterparty.field] as QboRef | undefined)?.name ?? 'another customer')}, not to this record's ${counterparty.kind}.`, [{ path: ['remoteId'], message: `a ${noun} of another ${counterparty.kind}` }]);
      }
    }
    try {
      await ctx.saveMapping(record, 'main', entity, { qboId: row.Id, syncToken: row.SyncToken, syncedVersion: record.version, lastSyncedAt: new Date(), state: 'SYNCED', issueCode: null, issueMessage: null, forcePush: false });
    } catch (error) {
      if (error instanceof SyncProblem) throw new ConflictError(error.message, { type: kind, id: recordId });
      throw error;
    }
    await this.deps.ledger().markPushed(tenantId, kind, recordId, record.version);
  }

  /** PUSH: the record is created in QuickBooks without matching, and pushed even if dated before the start date. */
  async allowPush(tenantId: string, kind: LedgerKind, recordId: string): Promise<void> {
    const record = await this.deps.ledger().get(tenantId, kind, recordId);
    if (!record) throw new NotFoundError(kind, recordId);
    await this.#mappings.upsert(asTenantId(tenantId), { kind, recordId }, { forcePush: true }, { entity: PUSHERS.get(kind).entity });
    await this.deps.ledger().markPending(tenantId, kind, [recordId]);
  }

  /** Records settled as SKIPPED (dated before the start date): re-evaluated when the start date moves. */
  async skippedRecords(tenantId: string): Promise<{ kind: LedgerKind; recordId: string }[]> {
    return this.#mappings.skipped(asTenantId(tenantId));
  }
}

/**
 * A record whose QBO copy was deleted or voided in QuickBooks while it is active in the FSM is held
 * before any QuickBooks call: recreating or un-voiding it is the bookkeeper's decision (RECREATE / VOID_IN_FSM).
 */
function holdRemoteChange(record: LedgerRecord, mapping: SyncMapping | null): void {
  if (record.status !== 'ACTIVE') return;
  if (!mapping?.qboId) return;
  if (mapping.remoteStatus === 'DELETED') throw remoteDeletedProblem(record, mapping.entity, mapping.qboId);
  if (mapping.remoteStatus === 'VOIDED') throw remoteVoidedProblem(record, mapping.entity, mapping.qboId);
}

/**
 * Pushes one ledger record to QBO: resolves what its mapper needs (settings, customer, items, classes,
 * tax codes), pushes dependencies first (customer before invoice, invoice before payment), writes
 * through the outbox (exactly once), keeps the mapping (Id, SyncToken, synced version) and reports
 * the outcome. Voided and deleted FSM records are voided/deleted in QBO. Dry runs collect the exact
 * payloads and never write.
 */
import { type Decimal } from 'decimal.js';
import { type ChartService } from '../accounts/chart.service.js';
import { type QuickBooksAccess } from '../connection/connection.types.js';
import { type LedgerListsService } from '../ledger/ledger-lists.service.js';
import {
  type BadDebtWriteOffRecord,
  type CreditNoteRecord,
  type CustomerRecord,
  type ExpenseRecord,
  type InvoiceRecord,
  type LedgerKind,
  type LedgerReader,
  type LedgerRecord,
  type PaymentRecord,
  type SupplierInvoiceRecord,
  type SupplierRecord,
} from '../ledger/ledger-record.types.js';
import { type QboClient, type QboEntity, type QboRecord } from '../providers/quickbooks/qbo.client.js';
import { QboError } from '../providers/quickbooks/qbo.errors.js';
import { type AccountingSettingsService, type AccountSettingProblem } from '../settings/accounting-settings.service.js';
import { type AccountSettingName, TeamTrackingCategory } from '../settings/accounting-settings.fields.js';
import { mapCustomer, qboDisplayName, queryLiteral } from '../providers/quickbooks/mappers/customer.mapper.js';
import { badDebtItem, creditNoteItem, mapBadDebtMemo, mapCreditApplication, mapCreditMemo } from '../providers/quickbooks/mappers/credit.mapper.js';
import { compareTotals, invoiceItemKeys, invoiceLines, mapInvoice, ROUNDING_TOLERANCE, roundingItem, roundingLine, salesLine, stockItemKey, supplyOwnAccount, totalMismatch } from '../providers/quickbooks/mappers/invoice.mapper.js';
import { assertCurrencyAllowed, assertSameCurrency, type CompanyCurrency, homeCurrencyOf, isForeign, recordCurrency } from './currency.rules.js';
import { type Supply } from '../ledger/ledger-lists.service.js';
import { type InventoryAccounts } from '../providers/quickbooks/mappers/item.mapper.js';
import { cents, dec, fromQboAmount } from './money.util.js';
import { mapBill, mapPurchase, paidFromAccount, purchaseRoundingLine, type PurchaseLookups } from '../providers/quickbooks/mappers/purchase.mapper.js';
import { mapVendor } from '../providers/quickbooks/mappers/supplier.mapper.js';
import { candidateOf, describeRecord, entityNoun, humanDate, qboText } from './match-label.util.js';
import { expectedQboTotal, type TaxRateTable, type TaxSide, taxRateTable } from '../providers/quickbooks/qbo-total.rules.js';
import { type OutboxService } from './outbox.service.js';
import { QboLookahead } from '../providers/quickbooks/qbo-lookahead.js';
import { creditRefundItem, hasSurcharge, mapPayment, mapRefundClearingInvoice, mapRefundReceipt, mapSurchargeReceipt, type PaymentLookups, surchargeItem } from '../providers/quickbooks/mappers/payment.mapper.js';
import { type CompanyTax, type ItemKey, itemKeyString, type QboPayload, type QboRef, type SalesLookups, type SupplyInfo, type SyncSettings, type UsSalesTax } from './push.types.js';
import { type SyncItemService } from './sync-item.service.js';
import { allocatedTaxShares, type TaxShare } from '../providers/quickbooks/mappers/tax-split.mapper.js';
import { type MappingFields, type MappingPart, type SyncMapping, type SyncMappingRepository } from '../persistence/sync/sync-mapping.repository.js';
import { type ClaimOwner, type MappingClaimRepository } from '../persistence/sync/mapping-claim.repository.js';
import { asTenantId, type TenantId } from '../persistence/tenant-id.js';
import { diagnoseNotFound } from '../providers/quickbooks/not-found.diagnosis.js';
import { inactiveReferenceProblem, linkedDeletedProblem, remoteDeletedProblem, remoteVoidedProblem, settingAccountProblem, settingsHolding } from './remote-change.problems.js';
import { capitalise, formatAmount, KIND_NOUNS, QUICKBOOKS_NOUNS, recordPhrase } from './record-terms.rules.js';
import { clause, problemOf, SyncProblem } from './sync.errors.js';
import { ConflictError, NotFoundError, UserInputError } from '../graphql/errors.js';

export type PushResult = 'SUCCEEDED' | 'SKIPPED' | 'FAILED' | 'BLOCKED';

export interface PushOutcome {
  result: PushResult;
  problem?: SyncProblem;
  /** The push stored the record as synced (or skipped) and its mapping as pointing at no issue. */
  issueCleared?: boolean;
}

export interface DryRunPayload {
  kind: LedgerKind;
  recordId: string;
  entity: QboEntity;
  operation: string;
  payload: QboPayload;
}

/** Everything one run needs about the tenant, resolved once. */
export interface PushSession {
  tenantId: TenantId;
  realmId: string;
  client: QboClient | undefined;
  settings: SyncSettings;
  tax: CompanyTax;
  dryRun: boolean;
  payloads: DryRunPayload[];
  /** Outcomes of records pushed in this session (dependencies are pushed once). */
  outcomes: Map<string, Promise<PushOutcome>>;
  /** Things the run log says once (e.g. a setting QBO has no equivalent for). */
  notices: Set<string>;
  /** Whether the tenant asked for supplier invoices "awaiting approval" (Xero only). */
  supplierInvoicesAwaitingApproval: boolean;
  /** Items, classes and departments resolved in this session (each is looked up once per run). */
  lists: Map<string, Promise<QboRef>>;
  /** US companies: automated or manual sales tax, read from QBO's preferences once per run, when first needed. */
  usSalesTaxKind?: Promise<'AUTOMATED' | 'MANUAL'>;
  /** Account settings that cannot be used now (inactive, deleted, wrong type), checked once per run against the chart. */
  settingProblems: Map<AccountSettingName, AccountSettingProblem>;
  /** The connected company's country (its default home currency). */
  country?: string;
  /** The company's currencies, read from Preferences once per run, and only when a record is in a foreign currency. */
  currency?: Promise<CompanyCurrency>;
  /** Non-US tax rates per tax code, read once per run for the total checked before a write. */
  taxRates?: Promise<TaxRateTable>;
  /** The checks before first creates (number, name, email already in QuickBooks?), answered per chunk of records. */
  lookahead: QboLookahead;
  /**
   * Customers and suppliers as read once per run, and the QBO refs of dependencies resolved in it: an
   * invoice run reads its customer once, not twice per invoice. A customer changed meanwhile keeps its
   * QBO Id; its new version is pushed as a record of its own.
   */
  counterparties: Map<string, Promise<LedgerRecord | null>>;
  dependencies: Map<string, QboRef>;
  /** Records whose mapping this run stored as SYNCED or SKIPPED, with no issue (see PushOutcome.issueCleared). */
  cleared: Set<string>;
}

/** What an invoice push knows before any QuickBooks call: its FSM lists and the items (so income accounts) its lines need. */
interface SalesPlan {
  base: Pick<SalesLookups, 'settings' | 'tax' | 'jobTypes' | 'supplies'>;
  teams: { id: string; name: string }[];
  keys: ItemKey[];
}

export const PUSHABLE_KINDS: readonly LedgerKind[] = ['customer', 'supplier', 'invoice', 'creditNote', 'payment', 'badDebtWriteOff', 'supplierInvoice', 'expense'];

const ENTITY_OF: Record<LedgerKind, QboEntity> = {
  customer: 'Customer',
  supplier: 'Vendor',
  invoice: 'Invoice',
  payment: 'Payment',
  creditNote: 'CreditMemo',
  badDebtWriteOff: 'CreditMemo',
  supplierInvoice: 'Bill',
  expense: 'Purchase',
};

export const AWAITING_APPROVAL_NOTICE =
  'pushSupplierInvoicesAsAwaitingApproval is on, but QuickBooks Online bills have no approval state: supplier invoices were pushed as ordinary (open) bills.';

/** A QBO mirror of an FSM void/delete: which part, which entity, and how QBO removes it. */
interface MirrorStep {
  part: MappingPart;
  entity: QboEntity;
  /** QBO voids invoices and payments; bills, purchases and credit memos are deleted. */
  voidable: boolean;
}

function outcomeKey(kind: LedgerKind, id: string): string {
  return `${kind}:${id}`;
}

export function companyTax(country: string | undefined, taxCodes: { qboId: string; name: string; taxable: boolean | null }[]): CompanyTax {
  const isUS = (country ?? 'US').toUpperCase() === 'US';
  if (isUS) return { isUS, taxCodesByName: new Map(), exemptCode: { value: 'NON' } };
  const byName = new Map(taxCodes.map((c) => [c.name.trim().toLowerCase(), { value: c.qboId, name: c.name }]));
  // Retention and rounding lines carry no tax: GST-free where the company has it, else any non-taxable code.
  const exempt = byName.get('fre') ?? byName.get('n-t') ?? taxCodes.filter((c) => c.taxable === false).map((c) => ({ value: c.qboId, name: c.name }))[0] ?? null;
  return { isUS, taxCodesByName: byName, exemptCode: exempt, taxableCodeIds: new Set(taxCodes.filter((c) => c.taxable !== false).map((c) => c.qboId)) };
}

/** What the mappers and the item service need of an FSM supply. */
function supplyInfo(s: Supply): SupplyInfo {
  return {
    code: s.code,
    name: s.name,
    incomeAccountId: s.incomeAccountId,
    trackInventory: s.trackInventory === true,
    inventoryAssetAccountId: s.inventoryAssetAccountId ?? null,
    costOfGoodsSoldAccountId: s.costOfGoodsSoldAccountId ?? null,
  };
}

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
    const active = records.filter((r) => r.status === 'ACTIVE');
    const numbers = (entity: QboEntity) => session.lookahead.register(entity, 'DocNumber', active.map((r) => ('number' in r ? r.number.slice(0, 21) : undefined)));
    if (kind === 'invoice') numbers('Invoice');
    else if (kind === 'creditNote') numbers('CreditMemo');
    else if (kind === 'supplierInvoice') numbers('Bill');
    else if (kind === 'customer' || kind === 'supplier') {
      const entity = kind === 'customer' ? 'Customer' : 'Vendor';
      const counterparties = records as readonly (CustomerRecord | SupplierRecord)[];
      session.lookahead.register(entity, 'DisplayName', counterparties.map((r) => qboDisplayName(r.displayName)));
      session.lookahead.register(entity, 'PrimaryEmailAddr', counterparties.map((r) => r.email));
    }
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

  async #push(session: PushSession, record: LedgerRecord): Promise<PushOutcome> {
    try {
      // Read once here and handed down: each push step used to read it again.
      const mapping = await this.#mappingIn(session, record.kind, record.id);
      this.#holdRemoteChange(record, mapping);
      const result = await this.#pushByKind(session, record, mapping);
      if (result === 'SKIPPED' && !session.dryRun) {
        // Dated before the accounting start date: settled as SKIPPED, so later runs do not look at it
        // again (moving the start date back and re-pushing marks it pending again).
        await this.#setState(session, record, 'SKIPPED');
        await this.deps.ledger().markPushed(session.tenantId, record.kind, record.id, record.version, record.externalId);
      }
      return { result, issueCleared: session.cleared.has(outcomeKey(record.kind, record.id)) };
    } catch (error) {
      const problem = problemOf(error);
      const result: PushResult = problem.code === 'DEPENDENCY_FAILED' || problem.code === 'OPENING_INVOICE_MISSING' ? 'BLOCKED' : 'FAILED';
      if (!session.dryRun) await this.#setState(session, record, result, problem);
      return { result, problem };
    }
  }

  async #pushByKind(session: PushSession, record: LedgerRecord, mapping: SyncMapping | null): Promise<PushResult> {
    switch (record.kind) {
      case 'customer':
        return this.#pushCustomer(session, record, mapping);
      case 'invoice':
        return this.#pushInvoice(session, record, mapping);
      case 'payment':
        return this.#pushPayment(session, record, mapping);
      case 'supplier':
        return this.#pushSupplier(session, record, mapping);
      case 'supplierInvoice':
        return this.#pushSupplierInvoice(session, record, mapping);
      case 'expense':
        return this.#pushExpense(session, record, mapping);
      case 'creditNote':
        return this.#pushCreditNote(session, record, mapping);
      case 'badDebtWriteOff':
        return this.#pushBadDebt(session, record, mapping);
    }
  }

  // ---- mappings --------------------------------------------------------------------------------

  /** The stored mapping, whatever realm it belongs to (status display, issue bookkeeping). */
  async mappingOf(tenantId: string, kind: LedgerKind, recordId: string, part: MappingPart = 'main'): Promise<SyncMapping | null> {
    return this.#mappings.get(asTenantId(tenantId), { kind, recordId, part });
  }

  /**
   * The mapping as the session's realm sees it. A mapping made in another QBO company (the tenant
   * reconnected to a different realm) names objects that do not exist here, or worse, other objects
   * with the same Id: it starts over in this realm under a new generation, so no requestid, Id or
   * SyncToken of the old company is ever sent to the new one. A mapping without a realm predates
   * realms being recorded and belongs to the connected company.
   */
  async #mappingIn(session: Pick<PushSession, 'tenantId' | 'realmId' | 'dryRun'>, kind: LedgerKind, recordId: string, part: MappingPart = 'main'): Promise<SyncMapping | null> {
    const mapping = await this.mappingOf(session.tenantId, kind, recordId, part);
    if (!mapping?.realmId || mapping.realmId === session.realmId) return mapping;
    const fresh = { realmId: session.realmId, qboId: null, syncToken: null, syncedVersion: null, state: 'PENDING' as const, remoteStatus: 'ACTIVE', forcePush: false, generation: mapping.generation + 1 };
    if (!session.dryRun) await this.#mappings.update(session.tenantId, { kind, recordId, part }, fresh);
    return { ...mapping, ...fresh };
  }

  /**
   * Stores the mapping's QBO side. A new QBO Id is claimed first (see MappingClaimRepository): if another
   * record of this realm holds the object, nothing is written and the push stops with an issue.
   */
  async #saveMapping(session: PushSession, record: LedgerRecord, part: MappingPart, entity: QboEntity, set: MappingFields): Promise<void> {
    if (typeof set.qboId === 'string') await this.#claim(session, { kind: record.kind, recordId: record.id, part }, entity, set.qboId);
    await this.#mappings.upsert(session.tenantId, { kind: record.kind, recordId: record.id, part }, { entity, realmId: session.realmId, ...set });
  }

  async #claim(session: Pick<PushSession, 'tenantId' | 'realmId' | 'client'>, owner: ClaimOwner, entity: QboEntity, qboId: string): Promise<void> {
    const holder = await this.#claims.claim(session.tenantId, { realmId: session.realmId, entity, qboId }, owner);
    if (holder) throw await this.#takenProblem(session, entity, qboId, holder);
  }

  /** Whether the QBO object is free for `owner` (unclaimed, or already its own). */
  async #isFree(session: Pick<PushSession, 'tenantId' | 'realmId'>, owner: ClaimOwner, entity: QboEntity, qboId: string): Promise<boolean> {
    const holder = await this.#claims.holderOf(session.tenantId, { realmId: session.realmId, entity, qboId });
    return !holder || (holder.kind === owner.kind && holder.recordId === owner.recordId && holder.part === owner.part);
  }

  async #takenProblem(session: Pick<PushSession, 'tenantId' | 'client'>, entity: QboEntity, qboId: string, holder: ClaimOwner): Promise<SyncProblem> {
    const other = await this.deps.ledger().get(session.tenantId, holder.kind, holder.recordId);
    const who = other ? describeRecord(other) : `another FSM ${holder.kind}`;
    // Only for the message: if QuickBooks cannot be read now, the Id still names the record.
    const row = await session.client?.read<QboRecord>(entity, qboId).catch(() => undefined);
    const what = row ? `"${candidateOf(entity, row).label}"` : `Id ${qboId}`;
    return new SyncProblem('MATCH_AMBIGUOUS', `The QuickBooks ${entityNoun(entity)} this record matches (${what}) already belongs to ${who}; one QuickBooks record is linked to one FSM record only.`, {
      fixHint: 'If both FSM records are the same, merge them in the FSM. Otherwise push this one to QuickBooks as a new record, or ignore the issue.',
      retryable: false,
      actions: ['PUSH', 'IGNORE'],
    });
  }

  async #setState(session: PushSession, record: LedgerRecord, state: PushResult, problem?: SyncProblem): Promise<void> {
    const mapped: SyncMapping['state'] = state === 'SUCCEEDED' ? 'SYNCED' : state;
    // Synced or skipped: its issue is resolved by the run's outcome step, so the link goes now, in this write.
    const settled = state === 'SUCCEEDED' || state === 'SKIPPED';
    await this.#mappings.upsert(
      session.tenantId,
      { kind: record.kind, recordId: record.id },
      { state: mapped, issueCode: problem?.code ?? null, issueMessage: problem?.message ?? null, ...(settled ? { issueId: null } : {}) },
      { entity: ENTITY_OF[record.kind], realmId: session.realmId },
    );
    if (settled) session.cleared.add(outcomeKey(record.kind, record.id));
  }

  #record(session: PushSession, kind: LedgerKind, recordId: string, entity: QboEntity, operation: string, payload: QboPayload): void {
    session.payloads.push({ kind, recordId, entity, operation, payload });
  }

  // ---- dependencies ----------------------------------------------------------------------------

  /** The QBO ref of a dependency, pushing it first when its current version is not in QBO yet. */
  async #dependency(session: PushSession, kind: LedgerKind, id: string, entity: QboEntity): Promise<QboRef> {
    const key = outcomeKey(kind, id);
    const resolved = session.dependencies.get(key);
    if (resolved) return resolved;
    const mapping = await this.#mappingIn(session, kind, id);
    const record = await this.#counterpartyOr(session, kind, id);
    if (!record) {
      throw new SyncProblem('DEPENDENCY_FAILED', `The ${KIND_NOUNS[kind]} this record belongs to has not reached fieldbooks from the field-service app.`, {
        fixHint: `Check that the ${KIND_NOUNS[kind]} exists in the field-service app; this record is sent once it arrives.`,
        retryable: true,
        blockedBy: { kind, recordId: id },
      });
    }
    if (record.kind === 'invoice' && record.status === 'ACTIVE' && this.#beforeStartDate(session, record.date) && !mapping?.forcePush) return this.#openingInvoice(session, record, mapping);
    if (mapping?.qboId && mapping.syncedVersion === record.version) {
      session.dependencies.set(key, { value: mapping.qboId });
      return { value: mapping.qboId };
    }
    const outcome = await this.push(session, record);
    if (outcome.result === 'SUCCEEDED') {
      const after = await this.#mappingIn(session, kind, id);
      if (after?.qboId) {
        session.dependencies.set(key, { value: after.qboId });
        return { value: after.qboId };
      }
      if (session.dryRun) return { value: 'NEW', name: `${entity} ${record.externalId}` };
    }
    if (session.dryRun && outcome.result !== 'FAILED') return { value: 'NEW', name: `${entity} ${record.externalId}` };
    const phrase = recordPhrase(record);
    throw new SyncProblem('DEPENDENCY_FAILED', `Waiting for ${phrase}, which could not be sent to QuickBooks${outcome.problem ? `: ${clause(outcome.problem.message)}` : ''}.`, {
      fixHint: outcome.problem
        ? `Fix the issue of ${phrase} first (it is in this list); this record follows it.`
        : `${capitalise(phrase)} was not sent to QuickBooks; retry this record once it has been.`,
      retryable: true,
      blockedBy: { kind, recordId: id, issueCode: outcome.problem?.code },
    });
  }

  /** A customer or supplier read once per run; any other record read now. */
  #counterpartyOr(session: PushSession, kind: LedgerKind, id: string): Promise<LedgerRecord | null> {
    if (kind !== 'customer' && kind !== 'supplier') return this.deps.ledger().get(session.tenantId, kind, id);
    const key = outcomeKey(kind, id);
    let record = session.counterparties.get(key);
    if (!record) {
      record = this.deps.ledger().get(session.tenantId, kind, id);
      session.counterparties.set(key, record);
      record.catch(() => session.counterparties.delete(key));
    }
    return record;
  }

  #beforeStartDate(session: PushSession, date: string): boolean {
    return session.settings.accountingStartDate !== null && date < session.settings.accountingStartDate;
  }

  // ---- generic create / update through the outbox ------------------------------------------------

  /**
   * Creates the QBO object of (record, part) or brings it to the record's version with a sparse
   * update; 5010 re-reads the SyncToken and retries; an object deleted in QBO is created again under
   * a new generation.
   */
  async #upsertRemote(
    session: PushSession,
    record: LedgerRecord,
    part: MappingPart,
    entity: QboEntity,
    body: QboPayload,
    options: { findExisting?: () => Promise<QboRecord | undefined>; mapping?: SyncMapping | null; listed?: string[] } = {},
  ): Promise<QboRecord> {
    const client = session.client!;
    const subject = `${record.kind}:${record.id}:${part}`;
    for (let attempt = 0; attempt < 4; attempt++) {
      // The caller's fresh read serves the first attempt; a retry reads what the previous one stored.
      const mapping = attempt === 0 && options.mapping !== undefined ? options.mapping : await this.#mappingIn(session, record.kind, record.id, part);
      const generation = mapping?.generation ?? 0;
      if (!mapping?.qboId) {
        // Creates with a natural key may share a QBO batch call with the run's other creates.
        const written = await this.deps.outbox
          .write(client, { tenantId: session.tenantId, subject, operation: 'create', entity, version: record.version, generation, body, findExisting: options.findExisting, batchable: !!options.findExisting, listed: attempt === 0 ? options.listed : undefined })
          .catch(async (error: unknown) => {
            // A create cannot target a deleted object: its 610 is a reference made inactive (or a deleted invoice it links to).
            throw error instanceof QboError && error.kind === 'NOT_FOUND' ? await this.#explainNotFound(session, record, part, entity, undefined, body, error) : error;
          });
        await this.#saveMapping(session, record, part, entity, { qboId: written.record.Id, syncToken: written.record.SyncToken, syncedVersion: written.adopted ? null : record.version, lastSyncedAt: new Date() });
        // Settles this create and any earlier one of the subject: they all are this object.
        await this.deps.outbox.settleCreates(session.tenantId, subject, written.record, written.onlyOpenCreate);
        if (!written.adopted) return written.record;
        continue; // an earlier attempt's object: bring it to this version with an update
      }
      // Deleted or voided in QuickBooks (seen by the pull, or by an earlier 610): never written over silently.
      if (mapping.remoteStatus === 'DELETED') throw remoteDeletedProblem(record, entity, mapping.qboId);
      if (mapping.remoteStatus === 'VOIDED' && record.status === 'ACTIVE') throw remoteVoidedProblem(record, entity, mapping.qboId);
      const update = { ...body, Id: mapping.qboId, SyncToken: mapping.syncToken ?? '0' };
      try {
        const written = await this.deps.outbox.write(client, { tenantId: session.tenantId, subject, operation: 'update', entity, version: record.version, generation, baseSyncToken: mapping.syncToken ?? '0', body: update });
        await this.#saveMapping(session, record, part, entity, { syncToken: written.record.SyncToken, syncedVersion: record.version, lastSyncedAt: new Date() });
        await this.deps.outbox.done(session.tenantId, written.requestId, written.record);
        return written.record;
      } catch (error) {
        if (error instanceof QboError && error.kind === 'STALE_OBJECT') {
          // Someone saved it in QBO meanwhile: take the current SyncToken and re-apply our change.
          const current = await client.read<QboRecord>(entity, mapping.qboId);
          await this.#saveMapping(session, record, part, entity, { syncToken: current.SyncToken });
          continue;
        }
        if (error instanceof QboError && error.kind === 'NOT_FOUND') {
          // 610 is "deleted" or "a reference made inactive": read before deciding. The mapping keeps its
          // QBO id either way, so a retry after the fix updates the same object (or the bookkeeper chooses to recreate it).
          throw await this.#explainNotFound(session, record, part, entity, mapping.qboId, update, error);
        }
        throw error;
      }
    }
    throw new SyncProblem('QUICKBOOKS_UNAVAILABLE', `Someone kept changing the QuickBooks ${QUICKBOOKS_NOUNS[record.kind]} while fieldbooks was updating it.`, { fixHint: 'Retry once nobody is editing it in QuickBooks.', retryable: true });
  }

  /** What a 610 meant, as the problem to report; a deleted target is marked so no later push writes over it. */
  async #explainNotFound(session: PushSession, record: LedgerRecord, part: MappingPart, entity: QboEntity, qboId: string | undefined, body: QboPayload, error: QboError): Promise<SyncProblem> {
    const fault = `${error.code ?? ''} ${error.message}: ${error.details.detail ?? ''}`.trim();
    const diagnosis = await diagnoseNotFound(session.client!, qboId ? { entity, id: qboId } : undefined, body);
    switch (diagnosis.kind) {
      case 'DELETED':
        await this.#mappings.update(session.tenantId, { kind: record.kind, recordId: record.id, part }, { remoteStatus: 'DELETED' });
        return remoteDeletedProblem(record, entity, diagnosis.id);
      case 'INACTIVE':
        return inactiveReferenceProblem(diagnosis, record, session.settings, fault);
      case 'LINKED_DELETED':
        return linkedDeletedProblem(record, diagnosis.entity, diagnosis.id, fault);
      case 'UNKNOWN':
        return problemOf(error);
    }
  }

  /**
   * A record whose QBO copy was deleted or voided in QuickBooks while it is active in the FSM is held
   * before any QuickBooks call: recreating or un-voiding it is the bookkeeper's decision (RECREATE / VOID_IN_FSM).
   */
  #holdRemoteChange(record: LedgerRecord, mapping: SyncMapping | null): void {
    if (record.status !== 'ACTIVE' || record.kind === 'customer' || record.kind === 'supplier') return;
    if (!mapping?.qboId) return;
    if (mapping.remoteStatus === 'DELETED') throw remoteDeletedProblem(record, mapping.entity, mapping.qboId);
    if (mapping.remoteStatus === 'VOIDED') throw remoteVoidedProblem(record, mapping.entity, mapping.qboId);
  }

  /**
   * Held before any QuickBooks call when an account the record needs is an account setting that cannot
   * be used now (made inactive or deleted in QuickBooks, wrong type with relax off): the issue names the setting.
   */
  #holdUnusableSettings(session: PushSession, record: LedgerRecord, accountIds: readonly (string | null | undefined)[]): void {
    for (const id of new Set(accountIds)) {
      if (!id) continue;
      for (const setting of settingsHolding(session.settings, id)) {
        const problem = session.settingProblems.get(setting);
        if (problem) throw settingAccountProblem(record, setting, problem.problem, problem.message);
      }
    }
  }

  /**
   * Voids or deletes the QBO objects of a voided/deleted FSM record, in the order given (a linking
   * payment before the credit memo it applies); parts never pushed need nothing.
   */
  async #mirrorStatus(session: PushSession, record: LedgerRecord, steps: MirrorStep[]): Promise<PushResult> {
    const mappings = await Promise.all(steps.map((step) => this.#mappingIn(session, record.kind, record.id, step.part)));
    if (!mappings.some((m) => m?.qboId)) return 'SKIPPED';
    for (const [index, step] of steps.entries()) {
      const mapping = mappings[index];
      if (!mapping?.qboId || mapping.remoteStatus === record.status || mapping.remoteStatus === 'DELETED') continue;
      await this.#mirrorPart(session, record, step, mapping);
    }
    if (!session.dryRun) await this.#markPushed(session, record);
    return 'SUCCEEDED';
  }

  async #mirrorPart(session: PushSession, record: LedgerRecord, step: MirrorStep, mapping: SyncMapping): Promise<void> {
    const operation = record.status === 'VOIDED' && step.voidable ? 'void' : 'delete';
    const qboId = mapping.qboId!;
    let current = { Id: qboId, SyncToken: mapping.syncToken ?? '0' };
    if (session.dryRun) {
      this.#record(session, record.kind, record.id, step.entity, operation, current);
      return;
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const written = await this.deps.outbox.write(session.client!, { tenantId: session.tenantId, subject: `${record.kind}:${record.id}:${step.part}`, operation, entity: step.entity, version: record.version, generation: mapping.generation, baseSyncToken: current.SyncToken, body: current });
        await this.#saveMapping(session, record, step.part, step.entity, { syncToken: written.record.SyncToken, syncedVersion: record.version, remoteStatus: operation === 'void' ? record.status : 'DELETED', lastSyncedAt: new Date() });
        await this.deps.outbox.done(session.tenantId, written.requestId, written.record);
        return;
      } catch (error) {
        if (error instanceof QboError && error.kind === 'STALE_OBJECT') {
          const fresh = await session.client!.read<QboRecord>(step.entity, qboId);
          current = { Id: fresh.Id, SyncToken: fresh.SyncToken };
          continue;
        }
        if (error instanceof QboError && error.kind === 'NOT_FOUND') {
          await this.#saveMapping(session, record, step.part, step.entity, { syncedVersion: record.version, remoteStatus: 'DELETED' });
          return;
        }
        throw error;
      }
    }
    throw new SyncProblem('QUICKBOOKS_UNAVAILABLE', `Someone kept changing the QuickBooks ${QUICKBOOKS_NOUNS[record.kind]} while fieldbooks was voiding or deleting it.`, { fixHint: 'Retry once nobody is editing it in QuickBooks.', retryable: true });
  }

  async #markPushed(session: PushSession, record: LedgerRecord): Promise<void> {
    await this.#setState(session, record, 'SUCCEEDED');
    await this.deps.ledger().markPushed(session.tenantId, record.kind, record.id, record.version, record.externalId);
  }

  // ---- currencies ------------------------------------------------------------------------------

  /**
   * The company's home currency and multicurrency preference. Records in the country's usual home
   * currency need no QBO call; a foreign one reads Preferences once per run (a read, before anything
   * for the record is written). A dry run never calls QBO: multicurrency counts as on there.
   */
  #companyCurrency(session: PushSession, currencies: (string | undefined)[]): Promise<CompanyCurrency> {
    const home = homeCurrencyOf(session.country);
    const foreign = currencies.some((c) => c !== undefined && c.toUpperCase() !== home);
    if (home && !foreign) return Promise.resolve({ home, multicurrency: false });
    if (session.dryRun || !session.client) return Promise.resolve({ home: home ?? 'USD', multicurrency: true });
    if (!session.currency) {
      const client = session.client;
      session.currency = client.preferences().then((prefs) => {
        const currencyPrefs = (prefs.CurrencyPrefs ?? {}) as { MultiCurrencyEnabled?: boolean; HomeCurrency?: { value?: string } };
        return { home: currencyPrefs.HomeCurrency?.value ?? home ?? 'USD', multicurrency: currencyPrefs.MultiCurrencyEnabled === true };
      });
      session.currency.catch(() => (session.currency = undefined));
    }
    return session.currency;
  }

  /** A transaction's company currency, after checking it is its customer's currency (before any write). */
  async #transactionCurrency(session: PushSession, customerId: string, currency: string | undefined, what: string): Promise<CompanyCurrency> {
    const customer = (await this.#counterpartyOr(session, 'customer', customerId)) as CustomerRecord | null;
    const company = await this.#companyCurrency(session, [currency, customer?.currency]);
    assertCurrencyAllowed(currency, company, what);
    if (customer) assertSameCurrency(currency, customer.currency, company, what, `customer ${customer.displayName}`);
    return company;
  }

  // ---- customers -------------------------------------------------------------------------------

  /**
   * The QBO customer or vendor an unmapped FSM one already is, never one another record holds: the
   * same display name (unique in a QBO company, so the strongest match), else the only free QBO record
   * with the same email. Several free candidates, or an email whose QBO record belongs to another FSM
   * record, is an issue with candidates: guessing would link two records to one, or create a duplicate.
   */
  async #matchCounterparty(session: PushSession, record: CustomerRecord | SupplierRecord, entity: 'Customer' | 'Vendor'): Promise<QboRecord | undefined> {
    const client = session.client!;
    const owner: ClaimOwner = { kind: record.kind, recordId: record.id, part: 'main' };
    const name = qboDisplayName(record.displayName);
    const byName = ((await session.lookahead.rows(client, entity, 'DisplayName', name)) ?? (await client.queryPage<QboRecord>(entity, `where DisplayName = ${queryLiteral(name)} maxresults 1`)))[0];
    if (byName && (await this.#isFree(session, owner, entity, byName.Id))) return byName;
    if (!record.email) return undefined;
    const sameEmail = (await session.lookahead.rows(client, entity, 'PrimaryEmailAddr', record.email))?.slice(0, 10) ?? (await client.queryPage<QboRecord>(entity, `where PrimaryEmailAddr = ${queryLiteral(record.email)} maxresults 10`));
    const byEmail = sameEmail.filter((r) => r.Id !== byName?.Id);
    const free: QboRecord[] = [];
    for (const row of byEmail) if (await this.#isFree(session, owner, entity, row.Id)) free.push(row);
    if (free.length === 1 && !byName) return free[0];
    if (byEmail.length === 0) return undefined;
    const noun = entityNoun(entity);
    if (free.length === 0) {
      const holder = await this.#claims.holderOf(session.tenantId, { realmId: session.realmId, entity, qboId: byEmail[0]!.Id });
      const other = holder ? await this.deps.ledger().get(session.tenantId, holder.kind, holder.recordId) : null;
      throw new SyncProblem('MATCH_AMBIGUOUS', `The QuickBooks ${noun} with the email ${record.email} ("${String(byEmail[0]!.DisplayName)}") is already linked to ${other ? describeRecord(other) : `another FSM ${noun}`}, so ${describeRecord(record)} was not linked to it, and not created either, in case it is the same ${noun}.`, {
        fixHint: `If they are the same ${noun}, merge them in the FSM. If not, push this one to QuickBooks as a new ${noun}.`,
        retryable: false,
        actions: ['PUSH', 'IGNORE'],
      });
    }
    throw new SyncProblem('MATCH_AMBIGUOUS', `${describeRecord(record)} matches ${free.length + (byName ? 1 : 0)} QuickBooks ${noun}s (same email ${record.email}${byName ? ' or same name' : ''}); nothing was linked or created.`, {
      fixHint: `Link it to the right QuickBooks ${noun}, or push it as a new one.`,
      retryable: false,
      actions: ['LINK', 'PUSH', 'IGNORE'],
      candidates: free.map((row) => candidateOf(entity, row)),
    });
  }

  async #pushCustomer(session: PushSession, record: CustomerRecord, mapping: SyncMapping | null): Promise<PushResult> {
    const company = await this.#companyCurrency(session, [record.currency]);
    assertCurrencyAllowed(record.currency, company, `Customer ${record.displayName}`);
    const payload = mapCustomer(record, isForeign(record.currency, company) ? { value: recordCurrency(record.currency, company) } : undefined);
    if (mapping?.qboId && mapping.syncedVersion === record.version) return 'SUCCEEDED';
    if (session.dryRun) {
      this.#record(session, 'customer', record.id, 'Customer', mapping?.qboId ? 'update' : 'create (unless matched by email or name)', payload);
      return 'SUCCEEDED';
    }
    const client = session.client!;
    if (!mapping?.qboId && !mapping?.forcePush) {
      // An existing QBO customer (same display name, else same email) is linked, never duplicated;
      // it is the accountant's record, so it is not overwritten on the first link.
      const existing = await this.#matchCounterparty(session, record, 'Customer');
      if (existing) {
        // Linking a QuickBooks customer in another currency would only fail at its first invoice.
        const theirs = (existing.CurrencyRef as { value?: string } | undefined)?.value;
        if (theirs) assertSameCurrency(record.currency, theirs, company, `Customer ${record.displayName}`, `the existing QuickBooks customer "${String(existing.DisplayName)}"`);
        await this.#saveMapping(session, record, 'main', 'Customer', { qboId: existing.Id, syncToken: existing.SyncToken, syncedVersion: record.version, lastSyncedAt: new Date() });
        await this.#markPushed(session, record);
        return 'SUCCEEDED';
      }
    }
    try {
      await this.#upsertRemote(session, record, 'main', 'Customer', payload, {
        mapping,
        findExisting: async () => (await client.queryPage<QboRecord>('Customer', `where DisplayName = ${queryLiteral(qboDisplayName(record.displayName))} maxresults 1`))[0],
      });
    } catch (error) {
      if (!(error instanceof QboError && error.kind === 'DUPLICATE_NAME')) throw error;
      await this.#nameHeld(session, record, error);
    }
    await this.#markPushed(session, record);
    return 'SUCCEEDED';
  }

  /**
   * 6240: link an (inactive) record of the same entity holding the name; another entity holding it
   * (a vendor for a customer, a customer for a supplier, an employee) is an issue naming the holder.
   */
  async #nameHeld(session: PushSession, record: CustomerRecord | SupplierRecord, error: QboError): Promise<void> {
    const client = session.client!;
    const own: 'Customer' | 'Vendor' = record.kind === 'customer' ? 'Customer' : 'Vendor';
    const noun = record.kind === 'customer' ? 'customer' : 'supplier';
    const name = queryLiteral(qboDisplayName(record.displayName));
    const same = (await client.queryPage<QboRecord>(own, `where DisplayName = ${name} and Active in (true, false) maxresults 1`))[0];
    if (same) {
      await this.#saveMapping(session, record, 'main', own, { qboId: same.Id, syncToken: same.SyncToken, syncedVersion: record.version, lastSyncedAt: new Date() });
      return;
    }
    const others = own === 'Customer' ? (['Vendor', 'Employee'] as const) : (['Customer', 'Employee'] as const);
    for (const entity of others) {
      // A failed lookup here only loses the nicer message: the 6240 itself is still reported below.
      const holder = (await client.queryPage<QboRecord>(entity, `where DisplayName = ${name} maxresults 1`).catch(() => []))[0];
      if (holder) {
        const holderNoun = entity === 'Vendor' ? 'supplier' : entity.toLowerCase();
        throw new SyncProblem('NAME_IN_USE', `QuickBooks already has a ${holderNoun} called "${String(holder.DisplayName)}", and QuickBooks needs every customer, supplier and employee name to be different.`, {
          fixHint: `Rename the ${noun} in the field-service app (e.g. add the suburb or "(${noun})"), or rename the ${holderNoun} in QuickBooks, then retry.`,
          retryable: false,
          actions: ['RETRY'],
          qboFault: `${error.code ?? ''} ${error.message}: ${error.details.detail ?? ''}`.trim(),
        });
      }
    }
    throw error;
  }

  // ---- invoices --------------------------------------------------------------------------------

  /** The FSM lists an invoice's lines hang on, and the item keys (so the income accounts) the lines need: local reads only. */
  async #salesPlan(session: PushSession, record: InvoiceRecord): Promise<SalesPlan> {
    const ids = (values: (string | undefined)[]) => values.filter((v): v is string => !!v);
    // Most invoices name no job type, supply or team: the lists make no query for an empty list.
    const lists = this.deps.lists;
    const [jobTypes, supplies, teams] = await Promise.all([
      lists.findByIds('jobTypes', session.tenantId, ids([record.jobTypeId, ...record.lines.map((l) => l.jobTypeId)])),
      lists.findByIds('supplies', session.tenantId, ids(record.lines.map((l) => l.supplyId))),
      lists.findByIds('teams', session.tenantId, ids([record.teamId, ...record.lines.map((l) => l.teamId)])),
    ]);
    const base = {
      settings: session.settings,
      tax: session.tax,
      jobTypes: new Map(jobTypes.map((j) => [j.id, { labourIncomeAccountId: j.labourIncomeAccountId, materialsIncomeAccountId: j.materialsIncomeAccountId }])),
      supplies: new Map(supplies.map((s) => [s.id, supplyInfo(s)])),
    };
    return { base, teams, keys: invoiceItemKeys(record, base) };
  }

  async #salesLookups(session: PushSession, plan: SalesPlan, customer: QboRef): Promise<SalesLookups> {
    const { base, teams, keys } = plan;
    const teamRefs = new Map<string, QboRef>();
    const category = session.settings.teamTrackingCategory;
    if (category !== TeamTrackingCategory.NONE) {
      const entity = category === TeamTrackingCategory.CLASS ? 'Class' : 'Department';
      for (const team of teams) teamRefs.set(team.id, await this.#team(session, entity, team));
    }
    const items = await this.#ensureItems(session, keys, base.supplies);
    return { ...base, customer, teams: teamRefs, item: (key) => items.get(itemKeyString(key))! };
  }

  #ensureContext(session: PushSession) {
    return { tenantId: session.tenantId, client: session.client, realmId: session.realmId, dryRun: session.dryRun };
  }

  /** A list object (item, class, department) resolved once per session; a failure is not kept. */
  #listRef(session: PushSession, key: string, resolve: () => Promise<QboRef>): Promise<QboRef> {
    let ref = session.lists.get(key);
    if (!ref) {
      ref = resolve();
      session.lists.set(key, ref);
      ref.catch(() => session.lists.delete(key));
    }
    return ref;
  }

  #item(session: PushSession, key: ItemKey, supply?: SupplyInfo, inventory?: InventoryAccounts): Promise<QboRef> {
    return this.#listRef(session, `item:${itemKeyString(key)}`, () => this.deps.items.ensureItem(this.#ensureContext(session), key, supply, inventory));
  }

  #team(session: PushSession, entity: 'Class' | 'Department', team: { id: string; name: string }): Promise<QboRef> {
    const id = team.id;
    return this.#listRef(session, `${entity}:${id}`, () => this.deps.items.ensureTeam(this.#ensureContext(session), entity, { id, name: team.name }));
  }

  async #ensureItems(session: PushSession, keys: ItemKey[], supplies: ReadonlyMap<string, SupplyInfo>): Promise<Map<string, QboRef>> {
    const refs = new Map<string, QboRef>();
    for (const key of keys) {
      const id = itemKeyString(key);
      if (refs.has(id)) continue;
      const supply = key.supplyId ? supplies.get(key.supplyId) : undefined;
      const inventory = supply?.trackInventory ? await this.#inventoryAccounts(session, supply) : undefined;
      refs.set(id, await this.#item(session, key, supply, inventory));
    }
    return refs;
  }

  /**
   * Accounts of an Inventory item: the supply's own asset and cost of goods sold accounts, else the
   * settings (defaultInventoryAccount, defaultCostOfGoodsSoldAccount). Without the COGS setting, as
   * before it existed: the supplier-invoice default when it is a COGS account, else the chart's first
   * active COGS account.
   */
  async #inventoryAccounts(session: PushSession, supply: SupplyInfo): Promise<InventoryAccounts> {
    const startDate = session.settings.accountingStartDate ?? new Date().toISOString().slice(0, 10);
    const assetAccountId = supply.inventoryAssetAccountId ?? session.settings.defaultInventoryAccountId;
    const chosen = supply.costOfGoodsSoldAccountId ?? session.settings.defaultCostOfGoodsSoldAccountId;
    if (chosen) return { assetAccountId, expenseAccountId: chosen, startDate };
    const preferred = session.settings.defaultSupplierInvoiceAccountId ? await this.deps.chart.getAccount(session.tenantId, session.settings.defaultSupplierInvoiceAccountId) : null;
    let expense = preferred?.accountType === 'Cost of Goods Sold' && preferred.active ? preferred.qboId : null;
    if (!expense) {
      const { rows } = await this.deps.chart.listAccounts(session.tenantId, { accountTypes: ['Cost of Goods Sold'] }, { limit: 1, after: undefined });
      expense = rows[0]?.qboId ?? null;
    }
    return { assetAccountId, expenseAccountId: expense, startDate };
  }

  async #pushInvoice(session: PushSession, record: InvoiceRecord, mapping: SyncMapping | null): Promise<PushResult> {
    // Before the start date: not pushed, unless the bookkeeper chose to push it as an opening item;
    // one linked to the invoice QuickBooks already holds (go-live) stays as QuickBooks has it.
    if (this.#beforeStartDate(session, record.date) && !mapping?.forcePush) return mapping?.qboId ? 'SUCCEEDED' : 'SKIPPED';
    if (record.status !== 'ACTIVE') return this.#mirrorStatus(session, record, [{ part: 'main', entity: 'Invoice', voidable: true }]);
    if (mapping?.qboId && mapping.syncedVersion === record.version && mapping.state === 'SYNCED') return 'SUCCEEDED';
    const plan = await this.#salesPlan(session, record);
    this.#holdUnusableSettings(session, record, [...plan.keys.map((k) => k.incomeAccountId), session.settings.defaultRoundingAccountId]);
    const currency = await this.#transactionCurrency(session, record.customerId, record.currency, `Invoice ${record.number}`);
    const customer = await this.#dependency(session, 'customer', record.customerId, 'Customer');
    const usSalesTax = await this.#usSalesTax(session, customer, record.totalTax, `invoice ${record.number}`);
    const lookups = { ...(await this.#salesLookups(session, plan, customer)), usSalesTax, currency };
    let payload = mapInvoice(record, lookups);
    if (session.dryRun) {
      this.#record(session, 'invoice', record.id, 'Invoice', mapping?.qboId ? 'update' : 'create (unless QuickBooks holds it: same number, customer and total)', payload);
      return 'SUCCEEDED';
    }
    // What the outbox lists for this invoice, as the check read it: the create below need not read it again.
    const seen: { listed?: string[] } = {};
    if (!mapping?.qboId && (await this.#linkedToExisting(session, record, mapping, 'Invoice', customer, seen))) return 'SUCCEEDED';
    payload = await this.#predictTotal(session, record.total, payload, 'sales', `invoice ${record.number}`, async (difference) => {
      const rounding = await this.#item(session, roundingItem(lookups));
      return roundingLine(difference, { ...lookups, item: (key) => (key.purpose === 'ROUNDING' ? rounding : lookups.item(key)) }, record.taxInclusive);
    });
    const saved = await this.#upsertRemote(session, record, 'main', 'Invoice', payload, {
      mapping,
      listed: seen.listed,
      findExisting: async () => (await this.#documentsNumbered(session, record, 'Invoice', String(payload.DocNumber), customer))[0],
    });
    await this.#checkTotal(session, record, lookups, saved);
    await this.#markPushed(session, record);
    return 'SUCCEEDED';
  }

  /** QBO computes the total; a cent-level difference gets a rounding line, more is reported. */
  async #checkTotal(session: PushSession, record: InvoiceRecord, lookups: SalesLookups, saved: QboRecord): Promise<void> {
    const qboTotal = fromQboAmount(saved.TotalAmt);
    const check = compareTotals(record.total, qboTotal);
    if (check.kind === 'equal') return;
    if (check.kind === 'mismatch') throw totalMismatch(record, qboTotal, check.difference);
    const rounding = await this.#item(session, roundingItem(lookups));
    const withRounding: SalesLookups = { ...lookups, item: (key) => (key.purpose === 'ROUNDING' ? rounding : lookups.item(key)) };
    const mapping = (await this.#mappingIn(session, 'invoice', record.id))!;
    const body = { Id: saved.Id, SyncToken: mapping.syncToken ?? saved.SyncToken, Line: [...invoiceLines(record, withRounding), roundingLine(check.difference, withRounding, record.taxInclusive)] };
    const written = await this.deps.outbox.write(session.client!, { tenantId: session.tenantId, subject: `invoice:${record.id}:main`, operation: 'rounding', entity: 'Invoice', version: record.version, generation: mapping.generation, baseSyncToken: String(body.SyncToken), body });
    await this.#saveMapping(session, record, 'main', 'Invoice', { syncToken: written.record.SyncToken });
    await this.deps.outbox.done(session.tenantId, written.requestId, written.record);
    const after = fromQboAmount(written.record.TotalAmt);
    const recheck = compareTotals(record.total, after);
    if (recheck.kind !== 'equal') throw totalMismatch(record, after, recheck.difference);
  }

  // ---- payments --------------------------------------------------------------------------------

  async #pushPayment(session: PushSession, record: PaymentRecord, mapping: SyncMapping | null): Promise<PushResult> {
    if (this.#beforeStartDate(session, record.date)) return 'SKIPPED';
    if (record.status !== 'ACTIVE') {
      // The payment first (it applies the refunds' clearing invoices), then what hangs on it.
      const refundSteps = (record.refunds ?? []).flatMap((r): MirrorStep[] => [
        { part: `refund-clearing:${r.refundId}`, entity: 'Invoice', voidable: true },
        { part: `refund:${r.refundId}`, entity: 'RefundReceipt', voidable: false },
      ]);
      return this.#mirrorStatus(session, record, [{ part: 'surcharge', entity: 'SalesReceipt', voidable: true }, { part: 'main', entity: 'Payment', voidable: true }, ...refundSteps]);
    }
    if (mapping?.qboId && mapping.syncedVersion === record.version && mapping.state === 'SYNCED') return 'SUCCEEDED';
    const currency = await this.#transactionCurrency(session, record.customerId, record.currency, `The payment ${record.reference ?? record.externalId}`);
    const method = await this.deps.lists.findById('paymentMethods', session.tenantId, record.paymentMethodId);
    if (method) this.#holdUnusableSettings(session, record, [method.isCard ? session.settings.creditCardPaymentsAccountId : session.settings.paymentsAccountId, hasSurcharge(record) ? method.surchargeIncomeAccountId : null, (record.refunds?.length ?? 0) > 0 ? session.settings.creditNoteAccountId : null]);
    const customer = await this.#dependency(session, 'customer', record.customerId, 'Customer');
    const invoices = new Map<string, string>();
    for (const allocation of record.allocations) invoices.set(allocation.invoiceId, (await this.#dependency(session, 'invoice', allocation.invoiceId, 'Invoice')).value);
    if (!method) {
      throw new SyncProblem('REFERENCE_NOT_FOUND', `The payment method of ${recordPhrase(record)} is not known to fieldbooks.`, { fixHint: 'Check the payment method in the field-service app (it must be one of its payment methods), then retry.', retryable: false });
    }
    const qboMethods = await this.deps.chart.listReferences(session.tenantId, 'PaymentMethod');
    const qboMethod = qboMethods.find((m) => m.name.toLowerCase() === method.name.toLowerCase());
    const info = { name: method.name, isCard: method.isCard, surchargeIncomeAccountId: method.surchargeIncomeAccountId, surchargeTaxCode: method.surchargeTaxCode ?? null };
    // Outside the US a surcharge follows the tax codes of the invoices paid, unless the method names one.
    let supplyTaxShares: TaxShare[] | undefined;
    if (hasSurcharge(record) && !session.tax.isUS && !info.surchargeTaxCode) {
      const paid: { amount: string; invoice: InvoiceRecord }[] = [];
      for (const allocation of record.allocations) {
        const invoice = await this.deps.ledger().get(session.tenantId, 'invoice', allocation.invoiceId);
        if (invoice) paid.push({ amount: allocation.amount, invoice });
      }
      supplyTaxShares = allocatedTaxShares(paid, await this.#withSalesRates(session));
    }
    const refunds = record.refunds ?? [];
    const itemKeys = [...(hasSurcharge(record) ? [surchargeItem(info)] : []), ...(refunds.length > 0 ? [creditRefundItem(session.settings)] : [])];
    const items = itemKeys.length > 0 ? await this.#ensureItems(session, itemKeys, new Map()) : new Map<string, QboRef>();
    const lookups: PaymentLookups = {
      settings: session.settings,
      tax: session.tax,
      customer,
      method: info,
      invoices,
      qboPaymentMethod: qboMethod ? { value: qboMethod.qboId, name: qboMethod.name } : undefined,
      item: (key) => items.get(itemKeyString(key))!,
      supplyTaxShares,
      currency,
    };
    const receipt = hasSurcharge(record) ? mapSurchargeReceipt(record, lookups) : undefined;
    if (session.dryRun) {
      for (const refund of refunds) {
        this.#record(session, 'payment', record.id, 'RefundReceipt', 'create', mapRefundReceipt(record, refund, lookups));
        this.#record(session, 'payment', record.id, 'Invoice', 'create (clears the refunded credit; the payment applies it)', mapRefundClearingInvoice(record, refund, lookups));
      }
      this.#record(session, 'payment', record.id, 'Payment', mapping?.qboId ? 'update' : 'create', mapPayment(record, { ...lookups, refundClearing: new Map(refunds.map((r) => [r.refundId, 'NEW'])) }));
      if (receipt) this.#record(session, 'payment', record.id, 'SalesReceipt', 'create', receipt);
      return 'SUCCEEDED';
    }
    // Refunds are never changed once recorded: each one's receipt and clearing invoice is created once.
    const refundClearing = new Map<string, string>();
    for (const refund of refunds) {
      const receiptPart = `refund:${refund.refundId}` as const;
      const clearingPart = `refund-clearing:${refund.refundId}` as const;
      if (!(await this.#mappingIn(session, 'payment', record.id, receiptPart))?.qboId) await this.#upsertRemote(session, record, receiptPart, 'RefundReceipt', mapRefundReceipt(record, refund, lookups));
      const clearing = (await this.#mappingIn(session, 'payment', record.id, clearingPart))?.qboId ?? (await this.#upsertRemote(session, record, clearingPart, 'Invoice', mapRefundClearingInvoice(record, refund, lookups))).Id;
      refundClearing.set(refund.refundId, clearing);
    }
    const payload = mapPayment(record, { ...lookups, refundClearing });
    await this.#upsertRemote(session, record, 'main', 'Payment', payload);
    if (receipt) await this.#upsertRemote(session, record, 'surcharge', 'SalesReceipt', receipt);
    await this.#markPushed(session, record);
    return 'SUCCEEDED';
  }

  // ---- tax splits (non-US) ---------------------------------------------------------------------

  /**
   * The company's tax with each code's combined sales rate, read from QBO once per run (TaxCode and
   * TaxRate lists) when a surcharge or write-off is split by the supply's tax codes. A dry run, which
   * reads nothing, splits by QBO's Taxable flags instead.
   */
  async #withSalesRates(session: PushSession): Promise<CompanyTax> {
    const client = session.client;
    if (session.tax.salesRates || !client) return session.tax;
    const [codes, rates] = await Promise.all([client.queryPage<QboRecord>('TaxCode', 'maxresults 1000'), client.queryPage<QboRecord>('TaxRate', 'maxresults 1000')]);
    const percent = new Map(rates.map((r) => [r.Id, dec(typeof r.RateValue === 'number' ? r.RateValue : 0)]));
    const salesRates = new Map<string, Decimal>();
    for (const code of codes) {
      const details = ((code.SalesTaxRateList as { TaxRateDetail?: { TaxRateRef?: { value?: string } }[] } | undefined)?.TaxRateDetail ?? []);
      salesRates.set(code.Id, details.reduce((sum, d) => sum.plus(percent.get(d.TaxRateRef?.value ?? '') ?? 0), dec(0)));
    }
    session.tax = { ...session.tax, salesRates };
    return session.tax;
  }

  // ---- US sales tax ----------------------------------------------------------------------------

  /**
   * How a US company charges sales tax, and for a manual one the code the transaction must carry
   * (docs/qbo-facts/us-sales-tax.md). A manual company charges nothing without a code, so a taxed
   * record for a customer QBO has no sales tax rate for is held back here, before any write.
   */
  async #usSalesTax(session: PushSession, customer: QboRef, totalTax: string, label: string): Promise<UsSalesTax | undefined> {
    if (!session.tax.isUS) return undefined;
    const client = session.client;
    if (!client) return { kind: 'UNKNOWN' };
    session.usSalesTaxKind ??= client.queryPage<QboRecord>('Preferences', '').then((rows) => {
      const prefs = (rows[0]?.TaxPrefs ?? {}) as { PartnerTaxEnabled?: boolean };
      return prefs.PartnerTaxEnabled === false ? 'MANUAL' : 'AUTOMATED';
    });
    let kind: 'AUTOMATED' | 'MANUAL';
    try {
      kind = await session.usSalesTaxKind;
    } catch (error) {
      session.usSalesTaxKind = undefined; // a failed read is retried by the next record, not cached
      throw error;
    }
    if (kind === 'AUTOMATED' || dec(totalTax).isZero()) return { kind };
    const qboCustomer = await client.read<QboRecord>('Customer', customer.value);
    const code = qboCustomer.DefaultTaxCodeRef as QboRef | undefined;
    if (code?.value) return { kind, code: { value: code.value } };
    const name = typeof qboCustomer.DisplayName === 'string' ? qboCustomer.DisplayName : (customer.name ?? customer.value);
    throw new SyncProblem('SALES_TAX_CODE_MISSING', `QuickBooks has no sales tax rate for customer "${name}", so it cannot record the ${cents(dec(totalTax))} sales tax of ${label} (this company uses manual sales tax).`, {
      fixHint: `In QuickBooks, open customer "${name}", choose its sales tax rate under Tax info, then retry.`,
      retryable: true,
    });
  }

  // ---- matching documents QuickBooks already holds ------------------------------------------------

  /**
   * The QBO documents numbered `docNumber` of this counterparty (customer or vendor) that no other
   * record holds. QBO allows duplicate numbers (docs/qbo-facts/matching-and-go-live.md), so the number
   * alone is not enough: the counterparty must match too. `ahead`: the run's lookahead may answer (only
   * before a first create; finding what an earlier attempt created always asks QuickBooks).
   */
  async #documentsNumbered(session: PushSession, record: LedgerRecord, entity: 'Invoice' | 'CreditMemo' | 'Bill', docNumber: string, counterparty: QboRef, ahead = false): Promise<QboRecord[]> {
    const field = entity === 'Bill' ? 'VendorRef' : 'CustomerRef';
    const owner: ClaimOwner = { kind: record.kind, recordId: record.id, part: 'main' };
    const client = session.client!;
    const numbered = (ahead ? await session.lookahead.rows(client, entity, 'DocNumber', docNumber) : undefined) ?? (await client.queryPage<QboRecord>(entity, `where DocNumber = ${queryLiteral(docNumber)} maxresults 100`));
    const rows = numbered.filter((r) => (r[field] as QboRef | undefined)?.value === counterparty.value);
    const free: QboRecord[] = [];
    for (const row of rows) if (await this.#isFree(session, owner, entity, row.Id)) free.push(row);
    return free;
  }

  /**
   * Before the first create of a document: QuickBooks may already hold it (a QBO user entered it, or
   * the company was connected with its open invoices in it). The one free document with the same number
   * and counterparty and a compatible total is linked as it is (the accountant's record is not
   * overwritten); one with another total, or several, is an issue with candidates, never a duplicate.
   * Not when the outbox holds an unsettled create of ours (it resolves that itself), nor after PUSH.
   */
  async #linkedToExisting(session: PushSession, record: InvoiceRecord | CreditNoteRecord | SupplierInvoiceRecord, mapping: SyncMapping | null, entity: 'Invoice' | 'CreditMemo' | 'Bill', counterparty: QboRef, seen?: { listed?: string[] }): Promise<boolean> {
    if (mapping?.forcePush) return false;
    const open = await this.deps.outbox.unsettledCreates(session.tenantId, `${record.kind}:${record.id}:main`);
    if (seen) seen.listed = open.listed;
    if (open.unsettled) return false;
    const docNumber = record.number.slice(0, 21);
    const rows = await this.#documentsNumbered(session, record, entity, docNumber, counterparty, true);
    if (rows.length === 0) return false;
    const fits = rows.filter((r) => compareTotals(record.total, fromQboAmount(r.TotalAmt)).kind !== 'mismatch');
    if (rows.length === 1 && fits.length === 1) {
      const found = rows[0]!;
      await this.#saveMapping(session, record, 'main', entity, { qboId: found.Id, syncToken: found.SyncToken, syncedVersion: record.version, lastSyncedAt: new Date() });
      await this.#markPushed(session, record);
      return true;
    }
    const noun = entityNoun(entity);
    const whose = String((rows[0]![entity === 'Bill' ? 'VendorRef' : 'CustomerRef'] as QboRef).name ?? counterparty.name ?? 'the same customer');
    throw new SyncProblem(
      'MATCH_AMBIGUOUS',
      `QuickBooks already has ${rows.length === 1 ? `${noun} ${docNumber}` : `${rows.length} ${noun}s numbered ${docNumber}`} for ${whose}${fits.length === 0 ? `, with a different total than the FSM's ${record.total}` : ''}; ${describeRecord(record)} was not created, to avoid a duplicate.`,
      {
        fixHint: `Link it to the QuickBooks ${noun} it is (correct the amounts on one side first if they differ), or push it as a new ${noun} if it really is another one.`,
        retryable: false,
        actions: ['LINK', 'PUSH', 'IGNORE'],
        candidates: rows.map((row) => candidateOf(entity, row)),
      },
    );
  }

  // ---- go-live: invoices dated before the accounting start date ---------------------------------------

  /**
   * An invoice from before the start date that a later payment, credit note or write-off draws on: it
   * is not pushed, but the business usually has it in QuickBooks already (open invoices at go-live).
   * Linked once to the free QBO invoice with its number, customer and total; otherwise an issue on the
   * dependant with the customer's open QBO invoices as candidates, PUSH (as an opening item) and IGNORE.
   */
  async #openingInvoice(session: PushSession, invoice: InvoiceRecord, mapping: SyncMapping | null): Promise<QboRef> {
    if (mapping?.qboId) return { value: mapping.qboId };
    if (session.dryRun) return { value: 'OPENING', name: `Invoice ${invoice.number} (dated before the accounting start date: matched in QuickBooks when pushed)` };
    const customer = await this.#dependency(session, 'customer', invoice.customerId, 'Customer');
    const numbered = await this.#documentsNumbered(session, invoice, 'Invoice', invoice.number.slice(0, 21), customer);
    const fits = numbered.filter((r) => compareTotals(invoice.total, fromQboAmount(r.TotalAmt)).kind !== 'mismatch');
    if (fits.length === 1) {
      const found = fits[0]!;
      await this.#saveMapping(session, invoice, 'main', 'Invoice', { qboId: found.Id, syncToken: found.SyncToken, syncedVersion: invoice.version, lastSyncedAt: new Date(), state: 'SYNCED', issueCode: null, issueMessage: null });
      await this.deps.ledger().markPushed(session.tenantId, 'invoice', invoice.id, invoice.version);
      return { value: found.Id };
    }
    const candidates = numbered.length > 0 ? numbered : await this.#openInvoicesOf(session, invoice, customer);
    const customerName = customer.name ?? (await this.deps.ledger().get(session.tenantId, 'customer', invoice.customerId))?.displayName ?? 'the customer';
    throw new SyncProblem(
      'OPENING_INVOICE_MISSING',
      `Invoice ${invoice.number} (${customerName}, ${humanDate(invoice.date)}, ${invoice.total}) is dated before the accounting start date ${humanDate(session.settings.accountingStartDate)}, so it is not pushed, and QuickBooks has ${numbered.length > 0 ? `no invoice ${invoice.number} for ${customerName} with that total` : `no invoice ${invoice.number} for ${customerName}`}; this record is applied to it, so it waits.`,
      {
        fixHint: `Link invoice ${invoice.number} to the invoice QuickBooks holds for it, or push it to QuickBooks as an opening item, or move the accounting start date back.`,
        retryable: true,
        actions: candidates.length > 0 ? ['LINK', 'PUSH', 'IGNORE'] : ['PUSH', 'IGNORE'],
        candidates: candidates.map((row) => candidateOf('Invoice', row)),
        blockedBy: { kind: 'invoice', recordId: invoice.id, issueCode: 'OPENING_INVOICE_MISSING' },
      },
    );
  }

  /** The customer's open QBO invoices no other record holds (LINK candidates at go-live). */
  async #openInvoicesOf(session: PushSession, invoice: InvoiceRecord, customer: QboRef): Promise<QboRecord[]> {
    const owner: ClaimOwner = { kind: 'invoice', recordId: invoice.id, part: 'main' };
    const rows = await session.client!.queryPage<QboRecord>('Invoice', `where CustomerRef = ${queryLiteral(customer.value)} and Balance > '0' orderby TxnDate desc maxresults 20`);
    const free: QboRecord[] = [];
    for (const row of rows) if (await this.#isFree(session, owner, 'Invoice', row.Id)) free.push(row);
    return free;
  }

  // ---- issue actions (LINK, PUSH) ------------------------------------------------------------------

  /**
   * LINK: ties the record to the QBO object `remoteId` (of its own customer or vendor), as in sync at
   * its current version. Checked in QuickBooks and claimed; refused with a reason when it cannot hold.
   */
  async linkRecord(tenantId: string, kind: LedgerKind, recordId: string, remoteId: string): Promise<void> {
    const session = await this.openSession(tenantId, false);
    const record = await this.deps.ledger().get(tenantId, kind, recordId);
    if (!record) throw new NotFoundError(kind, recordId);
    const entity = ENTITY_OF[kind];
    const noun = entityNoun(entity);
    let row: QboRecord;
    try {
      row = await session.client!.read<QboRecord>(entity, remoteId);
    } catch (error) {
      if (error instanceof QboError && error.kind === 'NOT_FOUND') throw new UserInputError(`QuickBooks has no ${noun} with Id ${remoteId}.`, [{ path: ['remoteId'], message: `no QuickBooks ${noun} with this Id` }]);
      throw error;
    }
    const counterparty = record.kind === 'invoice' || record.kind === 'creditNote' ? { kind: 'customer' as const, id: record.customerId, field: 'CustomerRef' } : record.kind === 'supplierInvoice' && record.supplierId ? { kind: 'supplier' as const, id: record.supplierId, field: 'VendorRef' } : null;
    if (counterparty) {
      const own = await this.#mappingIn(session, counterparty.kind, counterparty.id);
      const theirs = (row[counterparty.field] as QboRef | undefined)?.value;
      if (!own?.qboId || own.qboId !== theirs) {
        throw new UserInputError(`QuickBooks ${noun} ${qboText(row.DocNumber, remoteId)} belongs to ${String((row[counterparty.field] as QboRef | undefined)?.name ?? 'another customer')}, not to this record's ${counterparty.kind}.`, [{ path: ['remoteId'], message: `a ${noun} of another ${counterparty.kind}` }]);
      }
    }
    try {
      await this.#saveMapping(session, record, 'main', entity, { qboId: row.Id, syncToken: row.SyncToken, syncedVersion: record.version, lastSyncedAt: new Date(), state: 'SYNCED', issueCode: null, issueMessage: null, forcePush: false });
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
    await this.#mappings.upsert(asTenantId(tenantId), { kind, recordId }, { forcePush: true }, { entity: ENTITY_OF[kind] });
    await this.deps.ledger().markPending(tenantId, kind, [recordId]);
  }

  /** Records settled as SKIPPED (dated before the start date): re-evaluated when the start date moves. */
  async skippedRecords(tenantId: string): Promise<{ kind: LedgerKind; recordId: string }[]> {
    return this.#mappings.skipped(asTenantId(tenantId));
  }

  // ---- totals ----------------------------------------------------------------------------------

  /** The company's tax rates per code (non-US), read from QuickBooks once per run. */
  #taxRates(session: PushSession): Promise<TaxRateTable> {
    let table = session.taxRates;
    if (!table) {
      const client = session.client!;
      table = Promise.all([client.queryPage<QboRecord>('TaxCode', 'maxresults 1000'), client.queryPage<QboRecord>('TaxRate', 'maxresults 1000')]).then(([codes, rates]) => taxRateTable(codes, rates));
      session.taxRates = table;
      table.catch(() => (session.taxRates = undefined));
    }
    return table;
  }

  /**
   * QBO's total worked out before the write (item 5): a difference above the tolerance holds the
   * record with nothing sent; a smaller one goes in with the write as a rounding line.
   */
  async #predictTotal(session: PushSession, fsmTotal: string, payload: QboPayload, side: TaxSide, label: string, rounding: (difference: Decimal) => Promise<QboPayload>): Promise<QboPayload> {
    const predicted = expectedQboTotal(payload, { isUS: session.tax.isUS, side, rates: session.tax.isUS ? undefined : await this.#taxRates(session) });
    if (!predicted) return payload;
    const check = compareTotals(fsmTotal, predicted);
    if (check.kind === 'equal') return payload;
    if (check.kind === 'mismatch') throw mismatchProblem(label, fsmTotal, predicted, check.difference, 'before');
    return { ...payload, Line: [...(payload.Line as QboPayload[]), await rounding(check.difference)] };
  }


  /**
   * QBO computes every total (facts §8). A difference within the tolerance is absorbed by a rounding
   * line (a sparse update of the lines, through the outbox); a larger one is an issue, never accepted.
   */
  async #reconcileTotal(
    session: PushSession,
    record: LedgerRecord,
    entity: QboEntity,
    saved: QboRecord,
    fsmTotal: string,
    label: string,
    linesWith: (difference: Decimal) => Promise<QboPayload[]>,
  ): Promise<void> {
    // A replayed outbox entry carries only Id and SyncToken: read the total QBO holds.
    const current = saved.TotalAmt === undefined ? await session.client!.read<QboRecord>(entity, saved.Id) : saved;
    const qboTotal = fromQboAmount(current.TotalAmt);
    const check = compareTotals(fsmTotal, qboTotal);
    if (check.kind === 'equal') return;
    if (check.kind === 'mismatch') throw mismatchProblem(label, fsmTotal, qboTotal, check.difference);
    const mapping = (await this.#mappingIn(session, record.kind, record.id))!;
    const body = { Id: current.Id, SyncToken: mapping.syncToken ?? current.SyncToken, Line: await linesWith(check.difference) };
    const written = await this.deps.outbox.write(session.client!, { tenantId: session.tenantId, subject: `${record.kind}:${record.id}:main`, operation: 'rounding', entity, version: record.version, generation: mapping.generation, baseSyncToken: String(body.SyncToken), body });
    await this.#saveMapping(session, record, 'main', entity, { syncToken: written.record.SyncToken });
    await this.deps.outbox.done(session.tenantId, written.requestId, written.record);
    const after = fromQboAmount(written.record.TotalAmt);
    const recheck = compareTotals(fsmTotal, after);
    if (recheck.kind !== 'equal') throw mismatchProblem(label, fsmTotal, after, recheck.difference);
  }

  async #teamRefs(session: PushSession, teamIds: (string | undefined)[]): Promise<Map<string, QboRef>> {
    const refs = new Map<string, QboRef>();
    const category = session.settings.teamTrackingCategory;
    const ids = teamIds.filter((v): v is string => !!v);
    if (category === TeamTrackingCategory.NONE || ids.length === 0) return refs;
    const entity = category === TeamTrackingCategory.CLASS ? 'Class' : 'Department';
    const teams = await this.deps.lists.findByIds('teams', session.tenantId, ids);
    for (const team of teams) refs.set(team.id, await this.#team(session, entity, team));
    return refs;
  }

  // ---- suppliers -------------------------------------------------------------------------------

  async #pushSupplier(session: PushSession, record: SupplierRecord, mapping: SyncMapping | null): Promise<PushResult> {
    const payload = mapVendor(record);
    if (mapping?.qboId && mapping.syncedVersion === record.version) return 'SUCCEEDED';
    if (session.dryRun) {
      this.#record(session, 'supplier', record.id, 'Vendor', mapping?.qboId ? 'update' : 'create (unless matched by email or name)', payload);
      return 'SUCCEEDED';
    }
    const client = session.client!;
    if (!mapping?.qboId && !mapping?.forcePush) {
      // Like customers: an existing QBO vendor (same display name, else same email) is linked as is.
      const existing = await this.#matchCounterparty(session, record, 'Vendor');
      if (existing) {
        await this.#saveMapping(session, record, 'main', 'Vendor', { qboId: existing.Id, syncToken: existing.SyncToken, syncedVersion: record.version, lastSyncedAt: new Date() });
        await this.#markPushed(session, record);
        return 'SUCCEEDED';
      }
    }
    try {
      await this.#upsertRemote(session, record, 'main', 'Vendor', payload, {
        mapping,
        findExisting: async () => (await client.queryPage<QboRecord>('Vendor', `where DisplayName = ${queryLiteral(qboDisplayName(record.displayName))} maxresults 1`))[0],
      });
    } catch (error) {
      if (!(error instanceof QboError && error.kind === 'DUPLICATE_NAME')) throw error;
      await this.#nameHeld(session, record, error);
    }
    await this.#markPushed(session, record);
    return 'SUCCEEDED';
  }

  // ---- supplier invoices and expenses ------------------------------------------------------------

  async #purchaseLookups(session: PushSession, supplierId: string | undefined, lines: { teamId?: string; supplyId?: string }[]): Promise<PurchaseLookups> {
    let vendor: QboRef | undefined;
    let supplierAccountId: string | null = null;
    if (supplierId) {
      vendor = await this.#dependency(session, 'supplier', supplierId, 'Vendor');
      const supplier = await this.deps.ledger().get(session.tenantId, 'supplier', supplierId);
      supplierAccountId = supplier?.defaultExpenseAccountId ?? null;
    }
    return { settings: session.settings, tax: session.tax, vendor, supplierAccountId, teams: await this.#teamRefs(session, lines.map((l) => l.teamId)), stockItems: await this.#stockItems(session, lines) };
  }

  /** The Inventory items of the stock supplies bought on these lines (the same items invoices sell). */
  async #stockItems(session: PushSession, lines: { supplyId?: string }[]): Promise<Map<string, QboRef>> {
    const ids = lines.map((l) => l.supplyId).filter((v): v is string => !!v);
    const refs = new Map<string, QboRef>();
    if (ids.length === 0) return refs;
    const rows = await this.deps.lists.findByIds('supplies', session.tenantId, ids, { onlyStock: true });
    for (const row of rows) {
      const supply = supplyInfo(row);
      const key = stockItemKey(row.id, supplyOwnAccount(supply, session));
      refs.set(row.id, await this.#item(session, key, supply, await this.#inventoryAccounts(session, supply)));
    }
    return refs;
  }

  async #pushSupplierInvoice(session: PushSession, record: SupplierInvoiceRecord, mapping: SyncMapping | null): Promise<PushResult> {
    if (this.#beforeStartDate(session, record.date)) return 'SKIPPED';
    if (record.status !== 'ACTIVE') return this.#mirrorStatus(session, record, [{ part: 'main', entity: 'Bill', voidable: false }]);
    if (session.supplierInvoicesAwaitingApproval) session.notices.add(AWAITING_APPROVAL_NOTICE);
    if (mapping?.qboId && mapping.syncedVersion === record.version && mapping.state === 'SYNCED') return 'SUCCEEDED';
    const lookups = await this.#purchaseLookups(session, record.supplierId, record.lines);
    const payload = mapBill(record, lookups);
    if (session.dryRun) {
      this.#record(session, 'supplierInvoice', record.id, 'Bill', mapping?.qboId ? 'update' : 'create', payload);
      return 'SUCCEEDED';
    }
    // Supplier invoice numbers are unique per supplier, not per company.
    const vendor = lookups.vendor!;
    if (!mapping?.qboId && (await this.#linkedToExisting(session, record, mapping, 'Bill', vendor))) return 'SUCCEEDED';
    const checked = await this.#predictTotal(session, record.total, payload, 'purchase', `supplier invoice ${record.number}`, (difference) => Promise.resolve(purchaseRoundingLine(difference, lookups)));
    const saved = await this.#upsertRemote(session, record, 'main', 'Bill', checked, {
      findExisting: async () => (await this.#documentsNumbered(session, record, 'Bill', String(payload.DocNumber), vendor))[0],
    });
    await this.#reconcileTotal(session, record, 'Bill', saved, record.total, `supplier invoice ${record.number}`, (difference) =>
      Promise.resolve([...(payload.Line as QboPayload[]), purchaseRoundingLine(difference, lookups)]),
    );
    await this.#markPushed(session, record);
    return 'SUCCEEDED';
  }

  async #pushExpense(session: PushSession, record: ExpenseRecord, mapping: SyncMapping | null): Promise<PushResult> {
    if (this.#beforeStartDate(session, record.date)) return 'SKIPPED';
    // The facade voids only invoices, payments and sales receipts: a voided expense is deleted.
    if (record.status !== 'ACTIVE') return this.#mirrorStatus(session, record, [{ part: 'main', entity: 'Purchase', voidable: false }]);
    if (mapping?.qboId && mapping.syncedVersion === record.version && mapping.state === 'SYNCED') return 'SUCCEEDED';
    const lookups = await this.#purchaseLookups(session, record.supplierId, record.lines);
    const paidFrom = paidFromAccount(record, session.settings);
    const account = await this.deps.chart.getAccount(session.tenantId, paidFrom);
    const payload = mapPurchase(record, { ...lookups, paidFrom: { id: paidFrom, accountType: account?.accountType } });
    if (session.dryRun) {
      this.#record(session, 'expense', record.id, 'Purchase', mapping?.qboId ? 'update' : 'create', payload);
      return 'SUCCEEDED';
    }
    // No natural key (an expense reference is optional and not unique): the requestid alone makes the create exactly once.
    const saved = await this.#upsertRemote(session, record, 'main', 'Purchase', payload);
    await this.#reconcileTotal(session, record, 'Purchase', saved, record.total, recordPhrase(record), (difference) =>
      // A sparse Purchase update must repeat PaymentType and AccountRef (facts §3.2).
      Promise.resolve([...(payload.Line as QboPayload[]), purchaseRoundingLine(difference, lookups)]),
    );
    await this.#markPushed(session, record);
    return 'SUCCEEDED';
  }

  // ---- credit notes and bad-debt write-offs ------------------------------------------------------

  /** The credit memo's lines with a rounding line on the rounding item (for #reconcileTotal). */
  async #creditRounding(session: PushSession, lines: QboPayload[], difference: Decimal, taxInclusive: boolean): Promise<QboPayload[]> {
    const lookups = { settings: session.settings };
    const rounding = await this.#item(session, roundingItem(lookups));
    return [...lines, salesLine({ description: `Rounding (${cents(difference)})`, amount: difference, item: rounding, taxCode: session.tax.exemptCode ?? undefined, taxInclusive, tax: session.tax })];
  }

  /** Applies the credit memo of `record` to its invoice with a zero-total Payment (part "link"). */
  async #applyCredit(session: PushSession, record: CreditNoteRecord | BadDebtWriteOffRecord, customer: QboRef, invoice: QboRef, amount: string): Promise<void> {
    const memo = (await this.#mappingIn(session, record.kind, record.id))!;
    const payload = mapCreditApplication({ customer, invoiceId: invoice.value, creditMemoId: memo.qboId!, amount, date: record.date, note: `fieldbooks ${record.kind === 'creditNote' ? 'credit note' : 'bad-debt write-off'} ${record.externalId} applied` });
    await this.#upsertRemote(session, record, 'link', 'Payment', payload);
  }

  async #pushCreditNote(session: PushSession, record: CreditNoteRecord, mapping: SyncMapping | null): Promise<PushResult> {
    if (this.#beforeStartDate(session, record.date)) return 'SKIPPED';
    // The linking payment goes first: QBO would otherwise keep a payment pointing at a deleted memo.
    if (record.status !== 'ACTIVE') return this.#mirrorStatus(session, record, [{ part: 'link', entity: 'Payment', voidable: false }, { part: 'main', entity: 'CreditMemo', voidable: false }]);
    if (mapping?.qboId && mapping.syncedVersion === record.version && mapping.state === 'SYNCED') return 'SUCCEEDED';
    this.#holdUnusableSettings(session, record, [session.settings.creditNoteAccountId, session.settings.defaultRoundingAccountId]);
    const customer = await this.#dependency(session, 'customer', record.customerId, 'Customer');
    const invoice = record.invoiceId ? await this.#dependency(session, 'invoice', record.invoiceId, 'Invoice') : undefined;
    const items = await this.#ensureItems(session, [creditNoteItem(session.settings)], new Map());
    const usSalesTax = await this.#usSalesTax(session, customer, record.totalTax, `credit note ${record.number}`);
    const lookups = { settings: session.settings, tax: session.tax, customer, usSalesTax, item: (key: ItemKey) => items.get(itemKeyString(key))! };
    const payload = mapCreditMemo(record, lookups);
    if (session.dryRun) {
      this.#record(session, 'creditNote', record.id, 'CreditMemo', mapping?.qboId ? 'update' : 'create', payload);
      if (invoice) this.#record(session, 'creditNote', record.id, 'Payment', 'create (applies the credit memo to the invoice)', mapCreditApplication({ customer, invoiceId: invoice.value, creditMemoId: mapping?.qboId ?? 'NEW', amount: record.total, date: record.date, note: 'applied' }));
      return 'SUCCEEDED';
    }
    if (!mapping?.qboId && (await this.#linkedToExisting(session, record, mapping, 'CreditMemo', customer))) {
      if (invoice) await this.#applyCredit(session, record, customer, invoice, record.total);
      await this.#markPushed(session, record);
      return 'SUCCEEDED';
    }
    const checked = await this.#predictTotal(session, record.total, payload, 'sales', `credit note ${record.number}`, async (difference) => (await this.#creditRounding(session, [], difference, record.taxInclusive))[0]!);
    const saved = await this.#upsertRemote(session, record, 'main', 'CreditMemo', checked, {
      findExisting: async () => (await this.#documentsNumbered(session, record, 'CreditMemo', String(payload.DocNumber), customer))[0],
    });
    await this.#reconcileTotal(session, record, 'CreditMemo', saved, record.total, `credit note ${record.number}`, (difference) => this.#creditRounding(session, payload.Line as QboPayload[], difference, record.taxInclusive));
    if (invoice) await this.#applyCredit(session, record, customer, invoice, record.total);
    await this.#markPushed(session, record);
    return 'SUCCEEDED';
  }

  async #pushBadDebt(session: PushSession, record: BadDebtWriteOffRecord, mapping: SyncMapping | null): Promise<PushResult> {
    if (this.#beforeStartDate(session, record.date)) return 'SKIPPED';
    if (record.status !== 'ACTIVE') return this.#mirrorStatus(session, record, [{ part: 'link', entity: 'Payment', voidable: false }, { part: 'main', entity: 'CreditMemo', voidable: false }]);
    if (mapping?.qboId && mapping.syncedVersion === record.version && mapping.state === 'SYNCED') return 'SUCCEEDED';
    this.#holdUnusableSettings(session, record, [session.settings.badDebtAccountId, session.settings.defaultRoundingAccountId]);
    const customer = await this.#dependency(session, 'customer', record.customerId, 'Customer');
    const invoice = await this.#dependency(session, 'invoice', record.invoiceId, 'Invoice');
    const invoiceRecord = await this.deps.ledger().get(session.tenantId, 'invoice', record.invoiceId);
    const items = await this.#ensureItems(session, [badDebtItem(session.settings)], new Map());
    const tax = session.tax.isUS ? session.tax : await this.#withSalesRates(session);
    const payload = mapBadDebtMemo(record, { settings: session.settings, tax, customer, item: (key) => items.get(itemKeyString(key))!, invoice: invoiceRecord ?? undefined });
    if (session.dryRun) {
      this.#record(session, 'badDebtWriteOff', record.id, 'CreditMemo', mapping?.qboId ? 'update' : 'create', payload);
      this.#record(session, 'badDebtWriteOff', record.id, 'Payment', 'create (applies the write-off to the invoice)', mapCreditApplication({ customer, invoiceId: invoice.value, creditMemoId: mapping?.qboId ?? 'NEW', amount: record.amount, date: record.date, note: 'applied' }));
      return 'SUCCEEDED';
    }
    const saved = await this.#upsertRemote(session, record, 'main', 'CreditMemo', payload);
    await this.#reconcileTotal(session, record, 'CreditMemo', saved, record.amount, recordPhrase(record), (difference) => this.#creditRounding(session, payload.Line as QboPayload[], difference, false));
    await this.#applyCredit(session, record, customer, invoice, record.amount);
    await this.#markPushed(session, record);
    return 'SUCCEEDED';
  }
}

/**
 * `before`: QBO would compute another total, nothing was sent. `after`: QBO computed another total than
 * predicted; the document is in QuickBooks but the record is held (FAILED, pending) for review.
 */
function mismatchProblem(label: string, fsmTotal: string, qboTotal: Decimal, difference: Decimal, when: 'before' | 'after' = 'after'): SyncProblem {
  const what = when === 'before' ? `QuickBooks would work out ${formatAmount(qboTotal)} for ${label} from its lines and tax codes` : `QuickBooks works out ${formatAmount(qboTotal)} for ${label}`;
  const outcome = when === 'before' ? 'Nothing was sent to QuickBooks.' : 'It is in QuickBooks with that total and is held for review: it is not marked as synced.';
  return new SyncProblem(
    'TOTAL_MISMATCH',
    `${what}, the field-service app says ${formatAmount(fsmTotal)}: a difference of ${formatAmount(difference)}, more than the ${cents(ROUNDING_TOLERANCE)} fieldbooks may round. ${outcome}`,
    { fixHint: 'Check the tax codes and whether amounts include tax on the lines, correct the record in the field-service app, then retry.', retryable: false },
  );
}

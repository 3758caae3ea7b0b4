/**
 * Pushes one ledger record to QBO: resolves what its mapper needs (settings, customer, items, classes,
 * tax codes), pushes dependencies first (customer before invoice, invoice before payment), writes
 * through the outbox (exactly once), keeps the mapping (Id, SyncToken, synced version) and reports
 * the outcome. Voided and deleted FSM records are voided/deleted in QBO. Dry runs collect the exact
 * payloads and never write.
 */
import { type Connection, type Model, Types } from 'mongoose';
import { type ChartService } from '../accounts/chart.service.js';
import { type QuickBooksAccess } from '../connection/connection.types.js';
import { type LedgerListsService } from '../ledger/ledger-lists.service.js';
import {
  type CustomerRecord,
  type InvoiceRecord,
  type LedgerKind,
  type LedgerReader,
  type LedgerRecord,
  type PaymentRecord,
} from '../ledger/ledger-record.types.js';
import { type QboClient, type QboEntity, type QboRecord } from '../quickbooks/qbo.client.js';
import { QboError } from '../quickbooks/qbo.errors.js';
import { type AccountingSettingsService } from '../settings/accounting-settings.service.js';
import { TeamTrackingCategory } from '../settings/accounting-settings.fields.js';
import { customerMatchQueries, mapCustomer, qboDisplayName, queryLiteral } from './customer.mapper.js';
import { compareTotals, invoiceItemKeys, invoiceLines, mapInvoice, roundingItem, roundingLine, totalMismatch } from './invoice.mapper.js';
import { fromQboAmount } from './money.util.js';
import { type OutboxService } from './outbox.service.js';
import { hasSurcharge, mapPayment, mapSurchargeReceipt, type PaymentLookups, surchargeItem } from './payment.mapper.js';
import { type CompanyTax, type ItemKey, itemKeyString, type QboPayload, type QboRef, type SalesLookups, type SyncSettings } from './push.types.js';
import { type SyncItemService } from './sync-item.service.js';
import { type MappingPart, type SyncMapping, syncMappingModel } from './sync-mapping.model.js';
import { problemOf, SyncProblem } from './sync.errors.js';

export type PushResult = 'SUCCEEDED' | 'SKIPPED' | 'FAILED' | 'BLOCKED';

export interface PushOutcome {
  result: PushResult;
  problem?: SyncProblem;
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
  tenantId: string;
  realmId: string;
  client: QboClient | undefined;
  settings: SyncSettings;
  tax: CompanyTax;
  dryRun: boolean;
  payloads: DryRunPayload[];
  /** Outcomes of records pushed in this session (dependencies are pushed once). */
  outcomes: Map<string, Promise<PushOutcome>>;
}

export const PUSHABLE_KINDS: readonly LedgerKind[] = ['customer', 'invoice', 'payment'];

const ENTITY_OF: Partial<Record<LedgerKind, QboEntity>> = { customer: 'Customer', invoice: 'Invoice', payment: 'Payment' };

function outcomeKey(kind: LedgerKind, id: string): string {
  return `${kind}:${id}`;
}

export function companyTax(country: string | undefined, taxCodes: { qboId: string; name: string; taxable: boolean | null }[]): CompanyTax {
  const isUS = (country ?? 'US').toUpperCase() === 'US';
  if (isUS) return { isUS, taxCodesByName: new Map(), exemptCode: { value: 'NON' } };
  const byName = new Map(taxCodes.map((c) => [c.name.trim().toLowerCase(), { value: c.qboId, name: c.name }]));
  // Retention and rounding lines carry no tax: GST-free where the company has it, else any non-taxable code.
  const exempt = byName.get('fre') ?? byName.get('n-t') ?? taxCodes.filter((c) => c.taxable === false).map((c) => ({ value: c.qboId, name: c.name }))[0] ?? null;
  return { isUS, taxCodesByName: byName, exemptCode: exempt };
}

export class PushService {
  readonly #mappings: Model<SyncMapping>;

  constructor(
    connection: Connection,
    private readonly deps: {
      access: QuickBooksAccess;
      chart: ChartService;
      settings: AccountingSettingsService;
      lists: LedgerListsService;
      outbox: OutboxService;
      items: SyncItemService;
      ledger: () => LedgerReader;
    },
  ) {
    this.#mappings = syncMappingModel(connection);
  }

  init(): Promise<unknown> {
    return this.#mappings.init();
  }

  get mappings(): Model<SyncMapping> {
    return this.#mappings;
  }

  async openSession(tenantId: string, dryRun: boolean): Promise<PushSession> {
    const realm = await this.deps.access.realmOf(tenantId);
    // A dry run reads only local state (settings, mappings, the chart cache): it sends nothing at all.
    const client = dryRun ? undefined : await this.deps.access.clientFor(tenantId);
    const realmId = realm?.realmId ?? client?.realmId ?? 'unknown';
    const settings = await this.deps.settings.get(tenantId);
    const taxCodes = await this.deps.chart.listReferences(tenantId, 'TaxCode');
    return {
      tenantId,
      realmId,
      client,
      settings,
      tax: companyTax(realm?.country, taxCodes.map((c) => ({ qboId: c.qboId, name: c.name, taxable: c.taxable }))),
      dryRun,
      payloads: [],
      outcomes: new Map(),
    };
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
      const result = await this.#pushByKind(session, record);
      if (result === 'SKIPPED' && !session.dryRun) {
        // Dated before the accounting start date: settled as SKIPPED, so later runs do not look at it
        // again (moving the start date back and re-pushing marks it pending again).
        await this.#setState(session, record, 'SKIPPED');
        await this.deps.ledger().markPushed(session.tenantId, record.kind, record.id, record.version);
      }
      return { result };
    } catch (error) {
      const problem = problemOf(error);
      const result: PushResult = problem.code === 'DEPENDENCY_FAILED' ? 'BLOCKED' : 'FAILED';
      if (!session.dryRun) await this.#setState(session, record, result, problem);
      return { result, problem };
    }
  }

  async #pushByKind(session: PushSession, record: LedgerRecord): Promise<PushResult> {
    switch (record.kind) {
      case 'customer':
        return this.#pushCustomer(session, record);
      case 'invoice':
        return this.#pushInvoice(session, record);
      case 'payment':
        return this.#pushPayment(session, record);
      default:
        throw new SyncProblem('INTERNAL', `Pushing ${record.kind} records to QuickBooks is not implemented yet.`, {
          fixHint: 'Leave this kind out of the sync scope for now.',
          retryable: false,
        });
    }
  }

  // ---- mappings --------------------------------------------------------------------------------

  async mappingOf(tenantId: string, kind: LedgerKind, recordId: string, part: MappingPart = 'main'): Promise<SyncMapping | null> {
    return this.#mappings.findOne({ tenantId: new Types.ObjectId(tenantId), kind, recordId, part }).lean();
  }

  async #saveMapping(session: PushSession, record: LedgerRecord, part: MappingPart, entity: QboEntity, set: Partial<SyncMapping>): Promise<void> {
    await this.#mappings.updateOne(
      { tenantId: new Types.ObjectId(session.tenantId), kind: record.kind, recordId: record.id, part },
      { $set: { entity, ...set }, $setOnInsert: { generation: 0 } },
      { upsert: true },
    );
  }

  async #setState(session: PushSession, record: LedgerRecord, state: PushResult, problem?: SyncProblem): Promise<void> {
    const mapped: SyncMapping['state'] = state === 'SUCCEEDED' ? 'SYNCED' : state;
    await this.#mappings.updateOne(
      { tenantId: new Types.ObjectId(session.tenantId), kind: record.kind, recordId: record.id, part: 'main' },
      {
        $set: { state: mapped, issueCode: problem?.code ?? null, issueMessage: problem?.message ?? null },
        $setOnInsert: { entity: ENTITY_OF[record.kind] ?? 'Customer', generation: 0 },
      },
      { upsert: true },
    );
  }

  #record(session: PushSession, kind: LedgerKind, recordId: string, entity: QboEntity, operation: string, payload: QboPayload): void {
    session.payloads.push({ kind, recordId, entity, operation, payload });
  }

  // ---- dependencies ----------------------------------------------------------------------------

  /** The QBO ref of a dependency, pushing it first when its current version is not in QBO yet. */
  async #dependency(session: PushSession, kind: LedgerKind, id: string, entity: QboEntity): Promise<QboRef> {
    const mapping = await this.mappingOf(session.tenantId, kind, id);
    const record = await this.deps.ledger().get(session.tenantId, kind, id);
    if (!record) {
      throw new SyncProblem('DEPENDENCY_FAILED', `The ${kind} ${id} this record refers to does not exist.`, {
        fixHint: `Send the ${kind} to the gateway first, then retry.`,
        retryable: true,
        blockedBy: { kind, recordId: id },
      });
    }
    if (mapping?.qboId && mapping.syncedVersion === record.version) return { value: mapping.qboId };
    const outcome = await this.push(session, record);
    if (outcome.result === 'SUCCEEDED') {
      const after = await this.mappingOf(session.tenantId, kind, id);
      if (after?.qboId) return { value: after.qboId };
      if (session.dryRun) return { value: 'NEW', name: `${entity} ${record.externalId}` };
    }
    if (session.dryRun && outcome.result !== 'FAILED') return { value: 'NEW', name: `${entity} ${record.externalId}` };
    throw new SyncProblem('DEPENDENCY_FAILED', `Waiting for ${kind} ${record.externalId}, which could not be pushed${outcome.problem ? `: ${outcome.problem.message}` : ''}.`, {
      fixHint: `Fix the ${kind}'s sync issue first; this record is pushed after it.`,
      retryable: true,
      blockedBy: { kind, recordId: id, issueCode: outcome.problem?.code },
    });
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
    options: { findExisting?: () => Promise<QboRecord | undefined> } = {},
  ): Promise<QboRecord> {
    const client = session.client!;
    const subject = `${record.kind}:${record.id}:${part}`;
    for (let attempt = 0; attempt < 4; attempt++) {
      const mapping = await this.mappingOf(session.tenantId, record.kind, record.id, part);
      const generation = mapping?.generation ?? 0;
      if (!mapping?.qboId) {
        const written = await this.deps.outbox.write(client, { tenantId: session.tenantId, subject, operation: 'create', entity, version: record.version, generation, body, findExisting: options.findExisting });
        await this.#saveMapping(session, record, part, entity, { qboId: written.record.Id, syncToken: written.record.SyncToken, syncedVersion: written.adopted ? null : record.version, lastSyncedAt: new Date() });
        await this.deps.outbox.done(session.tenantId, written.requestId, written.record);
        await this.deps.outbox.settleCreates(session.tenantId, subject, written.record);
        if (!written.adopted) return written.record;
        continue; // an earlier attempt's object: bring it to this version with an update
      }
      try {
        const update = { ...body, Id: mapping.qboId, SyncToken: mapping.syncToken ?? '0' };
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
          // Deleted in QBO: a new generation, so the re-create gets a requestid of its own.
          await this.#mappings.updateOne(
            { tenantId: new Types.ObjectId(session.tenantId), kind: record.kind, recordId: record.id, part },
            { $set: { qboId: null, syncToken: null, syncedVersion: null }, $inc: { generation: 1 } },
          );
          continue;
        }
        throw error;
      }
    }
    throw new SyncProblem('QUICKBOOKS_UNAVAILABLE', 'The record kept changing in QuickBooks while it was being updated.', { fixHint: 'Retry.', retryable: true });
  }

  /** Voids or deletes the QBO object of a voided/deleted FSM record (nothing to do if never pushed). */
  async #mirrorStatus(session: PushSession, record: LedgerRecord, entity: 'Invoice' | 'Payment'): Promise<PushResult> {
    const mapping = await this.mappingOf(session.tenantId, record.kind, record.id);
    if (!mapping?.qboId) return 'SKIPPED';
    const operation = record.status === 'VOIDED' ? 'void' : 'delete';
    if (mapping.remoteStatus === record.status) return 'SUCCEEDED';
    const ref = { Id: mapping.qboId, SyncToken: mapping.syncToken ?? '0' };
    if (session.dryRun) {
      this.#record(session, record.kind, record.id, entity, operation, ref);
      return 'SUCCEEDED';
    }
    let current = ref;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const written = await this.deps.outbox.write(session.client!, { tenantId: session.tenantId, subject: `${record.kind}:${record.id}:main`, operation, entity, version: record.version, generation: mapping.generation, baseSyncToken: current.SyncToken, body: current });
        await this.#saveMapping(session, record, 'main', entity, { syncToken: written.record.SyncToken, syncedVersion: record.version, remoteStatus: record.status, lastSyncedAt: new Date() });
        await this.deps.outbox.done(session.tenantId, written.requestId, written.record);
        break;
      } catch (error) {
        if (error instanceof QboError && error.kind === 'STALE_OBJECT') {
          const fresh = await session.client!.read<QboRecord>(entity, mapping.qboId);
          current = { Id: fresh.Id, SyncToken: fresh.SyncToken };
          continue;
        }
        if (error instanceof QboError && error.kind === 'NOT_FOUND') {
          await this.#saveMapping(session, record, 'main', entity, { syncedVersion: record.version, remoteStatus: 'DELETED' });
          break;
        }
        throw error;
      }
    }
    await this.#markPushed(session, record);
    return 'SUCCEEDED';
  }

  async #markPushed(session: PushSession, record: LedgerRecord): Promise<void> {
    await this.#setState(session, record, 'SUCCEEDED');
    await this.deps.ledger().markPushed(session.tenantId, record.kind, record.id, record.version);
  }

  // ---- customers -------------------------------------------------------------------------------

  async #findCustomer(client: QboClient, record: CustomerRecord): Promise<QboRecord | undefined> {
    for (const where of customerMatchQueries(record)) {
      const found = (await client.queryPage<QboRecord>('Customer', `${where} maxresults 1`))[0];
      if (found) return found;
    }
    return undefined;
  }

  async #pushCustomer(session: PushSession, record: CustomerRecord): Promise<PushResult> {
    const payload = mapCustomer(record);
    const mapping = await this.mappingOf(session.tenantId, 'customer', record.id);
    if (mapping?.qboId && mapping.syncedVersion === record.version) return 'SUCCEEDED';
    if (session.dryRun) {
      this.#record(session, 'customer', record.id, 'Customer', mapping?.qboId ? 'update' : 'create (unless matched by email or name)', payload);
      return 'SUCCEEDED';
    }
    const client = session.client!;
    if (!mapping?.qboId) {
      // An existing QBO customer (same email, else same display name) is linked, never duplicated;
      // it is the accountant's record, so it is not overwritten on the first link.
      const existing = await this.#findCustomer(client, record);
      if (existing) {
        await this.#saveMapping(session, record, 'main', 'Customer', { qboId: existing.Id, syncToken: existing.SyncToken, syncedVersion: record.version, lastSyncedAt: new Date() });
        await this.#markPushed(session, record);
        return 'SUCCEEDED';
      }
    }
    try {
      await this.#upsertRemote(session, record, 'main', 'Customer', payload, {
        findExisting: async () => (await client.queryPage<QboRecord>('Customer', `where DisplayName = ${queryLiteral(qboDisplayName(record.displayName))} maxresults 1`))[0],
      });
    } catch (error) {
      if (!(error instanceof QboError && error.kind === 'DUPLICATE_NAME')) throw error;
      await this.#nameHeld(session, record, error);
    }
    await this.#markPushed(session, record);
    return 'SUCCEEDED';
  }

  /** 6240: link an (inactive) customer holding the name; a vendor or employee holding it is an issue. */
  async #nameHeld(session: PushSession, record: CustomerRecord, error: QboError): Promise<void> {
    const client = session.client!;
    const name = queryLiteral(qboDisplayName(record.displayName));
    const customer = (await client.queryPage<QboRecord>('Customer', `where DisplayName = ${name} and Active in (true, false) maxresults 1`))[0];
    if (customer) {
      await this.#saveMapping(session, record, 'main', 'Customer', { qboId: customer.Id, syncToken: customer.SyncToken, syncedVersion: record.version, lastSyncedAt: new Date() });
      return;
    }
    for (const entity of ['Vendor', 'Employee'] as const) {
      const holder = (await client.queryPage<QboRecord>(entity, `where DisplayName = ${name} maxresults 1`).catch(() => []))[0];
      if (holder) {
        throw new SyncProblem('NAME_IN_USE', `The QuickBooks ${entity.toLowerCase()} "${String(holder.DisplayName)}" (Id ${holder.Id}) already uses the customer's display name; QuickBooks names are unique across customers, vendors and employees.`, {
          fixHint: `Rename the customer in the FSM (e.g. add the suburb or "(customer)"), or rename the ${entity.toLowerCase()} in QuickBooks, then retry.`,
          retryable: false,
          qboFault: `${error.code ?? ''} ${error.message}: ${error.details.detail ?? ''}`.trim(),
        });
      }
    }
    throw error;
  }

  // ---- invoices --------------------------------------------------------------------------------

  async #salesLookups(session: PushSession, record: InvoiceRecord, customer: QboRef): Promise<SalesLookups> {
    const tenantId = new Types.ObjectId(session.tenantId);
    const ids = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => !!v && Types.ObjectId.isValid(v)))].map((v) => new Types.ObjectId(v));
    const [jobTypes, supplies, teams] = await Promise.all([
      this.deps.lists.jobTypes.find({ tenantId, _id: { $in: ids([record.jobTypeId, ...record.lines.map((l) => l.jobTypeId)]) } }).lean(),
      this.deps.lists.supplies.find({ tenantId, _id: { $in: ids(record.lines.map((l) => l.supplyId)) } }).lean(),
      this.deps.lists.teams.find({ tenantId, _id: { $in: ids([record.teamId, ...record.lines.map((l) => l.teamId)]) } }).lean(),
    ]);
    const base = {
      settings: session.settings,
      tax: session.tax,
      customer,
      jobTypes: new Map(jobTypes.map((j) => [j._id.toHexString(), { labourIncomeAccountId: j.labourIncomeAccountId, materialsIncomeAccountId: j.materialsIncomeAccountId }])),
      supplies: new Map(supplies.map((s) => [s._id.toHexString(), { code: s.code, name: s.name, incomeAccountId: s.incomeAccountId }])),
    };
    const teamRefs = new Map<string, QboRef>();
    const category = session.settings.teamTrackingCategory;
    if (category !== TeamTrackingCategory.NONE) {
      const entity = category === TeamTrackingCategory.CLASS ? 'Class' : 'Department';
      for (const team of teams) teamRefs.set(team._id.toHexString(), await this.deps.items.ensureTeam(this.#ensureContext(session), entity, { id: team._id.toHexString(), name: team.name }));
    }
    const keys = invoiceItemKeys(record, base);
    const items = await this.#ensureItems(session, keys, base.supplies);
    return { ...base, teams: teamRefs, item: (key) => items.get(itemKeyString(key))! };
  }

  #ensureContext(session: PushSession) {
    return { tenantId: session.tenantId, client: session.client, realmId: session.realmId, dryRun: session.dryRun };
  }

  async #ensureItems(session: PushSession, keys: ItemKey[], supplies: ReadonlyMap<string, { code: string | null; name: string }>): Promise<Map<string, QboRef>> {
    const refs = new Map<string, QboRef>();
    for (const key of keys) {
      const id = itemKeyString(key);
      if (!refs.has(id)) refs.set(id, await this.deps.items.ensureItem(this.#ensureContext(session), key, key.supplyId ? supplies.get(key.supplyId) : undefined));
    }
    return refs;
  }

  async #pushInvoice(session: PushSession, record: InvoiceRecord): Promise<PushResult> {
    if (this.#beforeStartDate(session, record.date)) return 'SKIPPED';
    if (record.status !== 'ACTIVE') return this.#mirrorStatus(session, record, 'Invoice');
    const mapping = await this.mappingOf(session.tenantId, 'invoice', record.id);
    if (mapping?.qboId && mapping.syncedVersion === record.version && mapping.state === 'SYNCED') return 'SUCCEEDED';
    const customer = await this.#dependency(session, 'customer', record.customerId, 'Customer');
    const lookups = await this.#salesLookups(session, record, customer);
    const payload = mapInvoice(record, lookups);
    if (session.dryRun) {
      this.#record(session, 'invoice', record.id, 'Invoice', mapping?.qboId ? 'update' : 'create', payload);
      return 'SUCCEEDED';
    }
    const client = session.client!;
    const saved = await this.#upsertRemote(session, record, 'main', 'Invoice', payload, {
      findExisting: async () => (await client.queryPage<QboRecord>('Invoice', `where DocNumber = ${queryLiteral(String(payload.DocNumber))} maxresults 1`))[0],
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
    const rounding = await this.deps.items.ensureItem(this.#ensureContext(session), roundingItem(lookups));
    const withRounding: SalesLookups = { ...lookups, item: (key) => (key.purpose === 'ROUNDING' ? rounding : lookups.item(key)) };
    const mapping = (await this.mappingOf(session.tenantId, 'invoice', record.id))!;
    const body = { Id: saved.Id, SyncToken: mapping.syncToken ?? saved.SyncToken, Line: [...invoiceLines(record, withRounding), roundingLine(check.difference, withRounding, record.taxInclusive)] };
    const written = await this.deps.outbox.write(session.client!, { tenantId: session.tenantId, subject: `invoice:${record.id}:main`, operation: 'rounding', entity: 'Invoice', version: record.version, generation: mapping.generation, baseSyncToken: String(body.SyncToken), body });
    await this.#saveMapping(session, record, 'main', 'Invoice', { syncToken: written.record.SyncToken });
    await this.deps.outbox.done(session.tenantId, written.requestId, written.record);
    const after = fromQboAmount(written.record.TotalAmt);
    const recheck = compareTotals(record.total, after);
    if (recheck.kind !== 'equal') throw totalMismatch(record, after, recheck.difference);
  }

  // ---- payments --------------------------------------------------------------------------------

  async #pushPayment(session: PushSession, record: PaymentRecord): Promise<PushResult> {
    if (this.#beforeStartDate(session, record.date)) return 'SKIPPED';
    if (record.status !== 'ACTIVE') return this.#mirrorStatus(session, record, 'Payment');
    const mapping = await this.mappingOf(session.tenantId, 'payment', record.id);
    if (mapping?.qboId && mapping.syncedVersion === record.version && mapping.state === 'SYNCED') return 'SUCCEEDED';
    const customer = await this.#dependency(session, 'customer', record.customerId, 'Customer');
    const invoices = new Map<string, string>();
    for (const allocation of record.allocations) invoices.set(allocation.invoiceId, (await this.#dependency(session, 'invoice', allocation.invoiceId, 'Invoice')).value);
    const method = Types.ObjectId.isValid(record.paymentMethodId)
      ? await this.deps.lists.paymentMethods.findOne({ tenantId: new Types.ObjectId(session.tenantId), _id: new Types.ObjectId(record.paymentMethodId) }).lean()
      : null;
    if (!method) {
      throw new SyncProblem('REFERENCE_NOT_FOUND', `The payment method ${record.paymentMethodId} of the payment does not exist.`, { fixHint: 'Send the payment method with upsertPaymentMethod, then retry.', retryable: false });
    }
    const qboMethods = await this.deps.chart.listReferences(session.tenantId, 'PaymentMethod');
    const qboMethod = qboMethods.find((m) => m.name.toLowerCase() === method.name.toLowerCase());
    const info = { name: method.name, isCard: method.isCard, surchargeIncomeAccountId: method.surchargeIncomeAccountId };
    const items = hasSurcharge(record) ? await this.#ensureItems(session, [surchargeItem(info)], new Map()) : new Map<string, QboRef>();
    const lookups: PaymentLookups = {
      settings: session.settings,
      tax: session.tax,
      customer,
      method: info,
      invoices,
      qboPaymentMethod: qboMethod ? { value: qboMethod.qboId, name: qboMethod.name } : undefined,
      item: (key) => items.get(itemKeyString(key))!,
    };
    const payload = mapPayment(record, lookups);
    const receipt = hasSurcharge(record) ? mapSurchargeReceipt(record, lookups) : undefined;
    if (session.dryRun) {
      this.#record(session, 'payment', record.id, 'Payment', mapping?.qboId ? 'update' : 'create', payload);
      if (receipt) this.#record(session, 'payment', record.id, 'SalesReceipt', 'create', receipt);
      return 'SUCCEEDED';
    }
    await this.#upsertRemote(session, record, 'main', 'Payment', payload);
    if (receipt) await this.#upsertRemote(session, record, 'surcharge', 'SalesReceipt', receipt);
    await this.#markPushed(session, record);
    return 'SUCCEEDED';
  }
}

/**
 * The FSM ledger: idempotent upserts of customers, suppliers and transactions keyed by the FSM's
 * externalId, status changes (void, delete), lists, and the `LedgerReader` the sync engine pushes
 * from. Every write is one single-document operation (FerretDB has no transactions): everything is
 * validated first, then the record is inserted (the unique index settles concurrent first upserts)
 * or replaced at its version. Writers of a record, and of the invoices whose balances a payment,
 * credit note or write-off draws on, hold insert-based leases (`LedgerLocks`), because FerretDB runs
 * a conditional update as read-then-write and a bare compare-and-swap would lose updates.
 */
import { ConflictError, type FieldProblem, NotFoundError, UserInputError } from '../errors/domain.errors.js';
import { checkCursor, type PageRequest } from '../paging/page-request.js';
import { type LeaseStore } from '../persistence/lease.store.js';
import { type LedgerModels } from '../persistence/ledger/ledger-record.model.js';
import { LEDGER_LIST_SORT_FIELDS, type LedgerListFilter, type LedgerRecordRepository, type LedgerRow } from '../persistence/ledger/ledger-record.repository.js';
import { asTenantId, type TenantId } from '../persistence/tenant-id.js';
import { type Dec, dec, money, sum } from '../money/money.js';
import {
  type BadDebtWriteOffInput,
  type CreditNoteInput,
  type CustomerInput,
  type ExpenseInput,
  type InvoiceInput,
  type PaymentInput,
  type SupplierInput,
  type SupplierInvoiceInput,
} from './ledger-record.input.js';
import { toLedgerRecord } from './ledger-record.mapper.js';
import {
  badDebtWriteOffRules,
  checkExternalId,
  contentHash,
  creditNoteRules,
  customerRules,
  expenseRules,
  type InvoiceRef,
  invoiceRules,
  type InvoiceSettlement,
  paymentRules,
  type RefLookup,
  type RuleResult,
  supplierInvoiceRules,
  supplierRules,
  unappliedOf,
} from './ledger-record.rules.js';
import {
  type LedgerChangeListener,
  type LedgerKind,
  type LedgerReader,
  type LedgerRecordOf,
  type RecordStatus,
} from './ledger-record.types.js';
import { type LedgerListsService } from './ledger-lists.service.js';
import { LedgerLocks, recordLockKey } from './ledger-lock.store.js';

/** What has been applied to an invoice by ACTIVE payments, credit notes and write-offs. */
export interface InvoiceSettlementTotals {
  amountPaid: string;
  amountCredited: string;
  amountWrittenOff: string;
}

export type { LedgerListFilter };

export const NO_CHANGE_LISTENER: LedgerChangeListener = { recordChanged: () => undefined };

const LABELS: { [K in LedgerKind]: string } = {
  customer: 'Customer',
  supplier: 'Supplier',
  invoice: 'Invoice',
  payment: 'Payment',
  creditNote: 'CreditNote',
  badDebtWriteOff: 'BadDebtWriteOff',
  supplierInvoice: 'SupplierInvoice',
  expense: 'Expense',
};

const PARTIES = new Set<LedgerKind>(['customer', 'supplier']);
const CAS_ATTEMPTS = 5;
/** Records re-flagged per lock round (a full re-push can name thousands). */
const MARK_PENDING_CHUNK = 50;

function inputError(what: string, problems: FieldProblem[]): UserInputError {
  return new UserInputError(`${what} was not saved: ${problems.map((p) => `${p.path.slice(1).join('.') || p.path.join('.')} ${p.message}`).join('; ')}.`, problems);
}

type Stored<K extends LedgerKind> = LedgerRow<K>;
type Content = Record<string, unknown>;

interface UpsertPlan<K extends LedgerKind> {
  kind: K;
  tenantId: string;
  externalId: string;
  /** Validates and normalises against the current stored record (null when new). */
  build: (existing: Stored<K> | null) => Promise<RuleResult<Content>>;
  /** Storage-only fields derived from the content (e.g. flattened allocation ids). */
  derived?: (content: Content) => Content;
  /** Invoices (FSM ids) whose outstanding balance this record draws on: locked with the record. */
  invoiceExternalIds?: Opt[];
  origin?: WriteOrigin;
}

/**
 * Who made a change. QUICKBOOKS changes (pulled by the pull slice) are already in QuickBooks: they are
 * stored with pushPending false and not announced to the push engine, so they are never echoed back.
 */
export type WriteOrigin = 'FSM' | 'QUICKBOOKS';

export class LedgerService implements LedgerReader {
  #listener: LedgerChangeListener = NO_CHANGE_LISTENER;
  readonly #locks: LedgerLocks;

  constructor(
    private readonly records: LedgerRecordRepository,
    private readonly lists: LedgerListsService,
    newLeaseStore: () => LeaseStore,
    /** Called when a change listener throws: the record is saved already, so the write must not fail. */
    private readonly onListenerError: (error: unknown, tenantId: string, kind: LedgerKind, id: string) => void = () => undefined,
  ) {
    this.#locks = new LedgerLocks(newLeaseStore);
  }

  /** The repository's models (tests inspect stored documents through them; the slices go through the methods). */
  get models(): LedgerModels {
    return this.records.models;
  }

  /** The externalIds of the kind's ACTIVE records that start with `prefix` (the pull's credit applications of one QBO payment). */
  activeExternalIdsStartingWith(tenantId: string, kind: LedgerKind, prefix: string): Promise<string[]> {
    return this.records.activeExternalIdsStartingWith(asTenantId(tenantId), kind, prefix);
  }

  ensureIndexes(): Promise<unknown> {
    return this.records.ensureIndexes();
  }

  /** The sync slice's hook: told about every change that set pushPending. */
  setChangeListener(listener: LedgerChangeListener | null): void {
    this.#listener = listener ?? NO_CHANGE_LISTENER;
  }

  // ---- upserts ----------------------------------------------------------------------------------

  async upsertCustomer(tenantId: string, input: CustomerInput, origin: WriteOrigin = 'FSM'): Promise<LedgerRecordOf<'customer'>> {
    return this.#upsert({
      kind: 'customer',
      tenantId,
      externalId: input.externalId,
      build: async (existing) => {
        if (!existing) return customerRules(input);
        // QuickBooks fixes a customer's currency once it has transactions; so does the ledger.
        const hasTransactions = await this.records.customerHasTransactions(asTenantId(tenantId), existing.id);
        return customerRules(input, { currency: existing.currency ?? undefined, hasTransactions });
      },
      origin,
    });
  }

  /**
   * First insert of many customers pulled from QuickBooks (the customer import): each validated like
   * upsertCustomer, all inserted in one round trip. The unique (tenant, externalId) index is what makes
   * a plain insert safe without the per-record lease; any that exist already take the locked upsert
   * path. Stored with origin QUICKBOOKS (not pending a push, not announced). Per-input outcome, in order.
   */
  async insertCustomersFromQuickBooks(tenantId: string, inputs: CustomerInput[]): Promise<({ ok: true; record: LedgerRecordOf<'customer'> } | { ok: false; message: string })[]> {
    const tenant = asTenantId(tenantId);
    const now = new Date();
    const out: ({ ok: true; record: LedgerRecordOf<'customer'> } | { ok: false; message: string })[] = [];
    const docs: { index: number; doc: Omit<Stored<'customer'>, 'id' | 'tenantId'> }[] = [];
    inputs.forEach((input, index) => {
      const problem = checkExternalId(input.externalId);
      const result = customerRules(input);
      if (problem || !result.ok) {
        const problems = [...(problem ? [problem] : []), ...(result.ok ? [] : result.problems)];
        out[index] = { ok: false, message: inputError(`Customer ${input.externalId}`, problems).message };
        return;
      }
      const content = result.content as Content;
      const externalId = input.externalId.trim();
      const doc = { ...content, contentHash: contentHash(content), sortKey: String(content.displayName).toLowerCase(), pushPending: false, changedAt: now, updatedAt: now, externalId, version: 1, status: 'ACTIVE', createdAt: now };
      docs.push({ index, doc: doc as unknown as Omit<Stored<'customer'>, 'id' | 'tenantId'> });
    });
    const inserted = await this.records.insertMany(tenant, 'customer', docs.map((d) => d.doc));
    for (const [position, { index }] of docs.entries()) {
      const row = inserted[position];
      // null: that customer exists already, so it takes the locked upsert path.
      out[index] = row ? { ok: true, record: toLedgerRecord('customer', row) } : { ok: true, record: await this.upsertCustomer(tenantId, inputs[index]!, 'QUICKBOOKS') };
    }
    return out;
  }

  async upsertSupplier(tenantId: string, input: SupplierInput): Promise<LedgerRecordOf<'supplier'>> {
    return this.#upsert({ kind: 'supplier', tenantId, externalId: input.externalId, build: () => Promise.resolve(supplierRules(input)) });
  }

  async upsertInvoice(tenantId: string, input: InvoiceInput): Promise<LedgerRecordOf<'invoice'>> {
    return this.#upsert({
      kind: 'invoice',
      tenantId,
      externalId: input.externalId,
      build: async (existing) => {
        const refs = await this.#lookup(tenantId, {
          customers: [input.customerExternalId],
          jobTypes: [input.jobTypeExternalId, ...input.lines.map((l) => l.jobTypeExternalId)],
          supplies: input.lines.map((l) => l.supplyExternalId),
          teams: [input.teamExternalId, ...input.lines.map((l) => l.teamExternalId)],
        });
        let settlement: InvoiceSettlement | undefined;
        if (existing) {
          const totals = (await this.settlementsOf(tenantId, [existing.id])).get(existing.id);
          settlement = { customerId: existing.customerId, currency: existing.currency, settled: totals ? money(settledOf(totals)) : '0.00' };
        }
        return invoiceRules(input, refs, settlement);
      },
    });
  }

  async recordPayment(tenantId: string, input: PaymentInput, origin: WriteOrigin = 'FSM'): Promise<LedgerRecordOf<'payment'> & { currency: string }> {
    return this.#upsert({
      kind: 'payment',
      tenantId,
      externalId: input.externalId,
      origin,
      build: async (existing) => {
        const refs = await this.#lookup(
          tenantId,
          { customers: [input.customerExternalId], paymentMethods: [input.paymentMethodExternalId], invoices: input.allocations.map((a) => a.invoiceExternalId) },
          existing ? { kind: 'payment', id: existing.id } : undefined,
        );
        return paymentRules(input, refs, existing?.refunds ?? []);
      },
      derived: (content) => ({ allocatedInvoiceIds: (content.allocations as { invoiceId: string }[]).map((a) => a.invoiceId) }),
      invoiceExternalIds: input.allocations.map((a) => a.invoiceExternalId),
    }) as Promise<LedgerRecordOf<'payment'> & { currency: string }>;
  }

  /** QUICKBOOKS origin: a credit memo applied to an invoice in QBO (pulled as a credit, never as cash). */
  async issueCreditNote(tenantId: string, input: CreditNoteInput, origin: WriteOrigin = 'FSM'): Promise<LedgerRecordOf<'creditNote'>> {
    return this.#upsert({
      kind: 'creditNote',
      tenantId,
      externalId: input.externalId,
      origin,
      build: async (existing) => {
        const refs = await this.#lookup(
          tenantId,
          { customers: [input.customerExternalId], invoices: [input.invoiceExternalId] },
          existing ? { kind: 'creditNote', id: existing.id } : undefined,
        );
        return creditNoteRules(input, refs);
      },
      invoiceExternalIds: [input.invoiceExternalId],
    });
  }

  async writeOffBadDebt(tenantId: string, input: BadDebtWriteOffInput): Promise<LedgerRecordOf<'badDebtWriteOff'>> {
    return this.#upsert({
      kind: 'badDebtWriteOff',
      tenantId,
      externalId: input.externalId,
      build: async (existing) => {
        const refs = await this.#lookup(tenantId, { invoices: [input.invoiceExternalId] }, existing ? { kind: 'badDebtWriteOff', id: existing.id } : undefined);
        return badDebtWriteOffRules(input, refs);
      },
      invoiceExternalIds: [input.invoiceExternalId],
    });
  }

  async upsertSupplierInvoice(tenantId: string, input: SupplierInvoiceInput): Promise<LedgerRecordOf<'supplierInvoice'>> {
    return this.#upsert({
      kind: 'supplierInvoice',
      tenantId,
      externalId: input.externalId,
      build: async () => supplierInvoiceRules(input, await this.#lookup(tenantId, { suppliers: [input.supplierExternalId], teams: input.lines.map((l) => l.teamExternalId), supplies: input.lines.map((l) => l.supplyExternalId) })),
    });
  }

  async upsertExpense(tenantId: string, input: ExpenseInput): Promise<LedgerRecordOf<'expense'>> {
    return this.#upsert({
      kind: 'expense',
      tenantId,
      externalId: input.externalId,
      build: async () => expenseRules(input, await this.#lookup(tenantId, { suppliers: [input.supplierExternalId], teams: input.lines.map((l) => l.teamExternalId), supplies: input.lines.map((l) => l.supplyExternalId) })),
    });
  }

  async #upsert<K extends LedgerKind>(plan: UpsertPlan<K>): Promise<LedgerRecordOf<K>> {
    const label = LABELS[plan.kind];
    const idProblem = checkExternalId(plan.externalId);
    if (idProblem) throw inputError(label, [idProblem]);
    const externalId = plan.externalId.trim();
    const tenant = asTenantId(plan.tenantId);
    const invoiceKeys = (plan.invoiceExternalIds ?? []).map((id) => id?.trim()).filter((id): id is string => !!id).map((id) => recordLockKey(plan.tenantId, 'invoice', id));
    return this.#locks.withLocks([recordLockKey(plan.tenantId, plan.kind, externalId), ...invoiceKeys], () => this.#upsertLocked(plan, label, tenant, externalId));
  }

  async #upsertLocked<K extends LedgerKind>(plan: UpsertPlan<K>, label: string, tenant: TenantId, externalId: string): Promise<LedgerRecordOf<K>> {
    for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
      const existing = await this.records.findByExternalId(tenant, plan.kind, externalId);
      const result = await plan.build(existing);
      const hash = result.ok ? contentHash(result.content) : null;
      // Repeating an identical upsert is harmless, even on a voided record: nothing is written.
      if (existing && hash === existing.contentHash) return toLedgerRecord(plan.kind, existing);
      const problems = result.ok ? [] : [...result.problems];
      if (existing && existing.status !== 'ACTIVE') {
        problems.unshift({ path: ['input', 'externalId'], message: `${label.toLowerCase()} ${externalId} is ${existing.status} and cannot be edited` });
      }
      if (problems.length > 0 || !result.ok || hash === null) throw inputError(`${label} ${externalId}`, problems);

      const content = result.content;
      const now = new Date();
      const sortKey = PARTIES.has(plan.kind) ? String(content.displayName).toLowerCase() : String(content.date);
      const fromQuickBooks = plan.origin === 'QUICKBOOKS';
      const body = { ...content, ...(plan.derived?.(content) ?? {}), contentHash: hash, sortKey, pushPending: !fromQuickBooks, changedAt: now, updatedAt: now };
      let saved: Stored<K> | null;
      if (!existing) {
        const doc = { ...body, externalId, version: 1, status: 'ACTIVE', createdAt: now };
        saved = await this.records.insert(tenant, plan.kind, doc as unknown as Omit<Stored<K>, 'id' | 'tenantId'>);
        // null: a concurrent first upsert of the same externalId won; validate again against its record.
        if (!saved) continue;
      } else {
        const replacement = { ...body, externalId, version: existing.version + 1, status: existing.status, createdAt: existing.createdAt };
        saved = await this.records.replaceAtVersion(tenant, plan.kind, existing.id, existing.version, replacement as unknown as Omit<Stored<K>, 'id' | 'tenantId'>);
        if (!saved) continue; // changed meanwhile (only by a writer ignoring the lock): start again
      }
      if (!fromQuickBooks) this.#notify(plan.tenantId, plan.kind, saved.id);
      return toLedgerRecord(plan.kind, saved);
    }
    throw new ConflictError(`${label} ${externalId} changed concurrently too many times; retry the call.`, { type: label, externalId });
  }

  #notify(tenantId: string, kind: LedgerKind, id: string): void {
    try {
      this.#listener.recordChanged(tenantId, kind, id);
    } catch (error) {
      this.onListenerError(error, tenantId, kind, id);
    }
  }

  // ---- status changes ----------------------------------------------------------------------------

  voidInvoice(tenantId: string, externalId: string): Promise<LedgerRecordOf<'invoice'>> {
    return this.#changeStatus('invoice', tenantId, externalId, 'VOIDED');
  }

  deleteInvoice(tenantId: string, externalId: string): Promise<LedgerRecordOf<'invoice'>> {
    return this.#changeStatus('invoice', tenantId, externalId, 'DELETED');
  }

  /** QUICKBOOKS origin only today: a credit application pulled from QBO that was undone there. */
  voidCreditNote(tenantId: string, externalId: string, origin: WriteOrigin): Promise<LedgerRecordOf<'creditNote'>> {
    return this.#changeStatus('creditNote', tenantId, externalId, 'VOIDED', origin);
  }

  /** QUICKBOOKS origin: the payment was voided or deleted in QBO (its allocations stop counting). */
  voidPayment(tenantId: string, externalId: string, origin: WriteOrigin = 'FSM'): Promise<LedgerRecordOf<'payment'> & { currency: string }> {
    return this.#changeStatus('payment', tenantId, externalId, 'VOIDED', origin) as Promise<LedgerRecordOf<'payment'> & { currency: string }>;
  }

  /** A new version with the new status (the push engine mirrors it in QBO); repeating it is harmless. */
  async #changeStatus<K extends LedgerKind>(kind: K, tenantId: string, externalId: string, status: RecordStatus, origin: WriteOrigin = 'FSM'): Promise<LedgerRecordOf<K>> {
    const tenant = asTenantId(tenantId);
    const key = externalId.trim();
    return this.#locks.withLocks([recordLockKey(tenantId, kind, key)], () => this.#changeStatusLocked(kind, tenantId, tenant, key, status, origin));
  }

  async #changeStatusLocked<K extends LedgerKind>(kind: K, tenantId: string, tenant: TenantId, key: string, status: RecordStatus, origin: WriteOrigin): Promise<LedgerRecordOf<K>> {
    const label = LABELS[kind];
    for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
      const existing = await this.records.findByExternalId(tenant, kind, key);
      if (!existing) throw new NotFoundError(label, key);
      if (existing.status === status) return toLedgerRecord(kind, existing);
      if (existing.status === 'DELETED') throw inputError(`${label} ${key}`, [{ path: ['externalId'], message: `${label.toLowerCase()} ${key} is DELETED` }]);
      if (kind === 'invoice') {
        const totals = (await this.settlementsOf(tenantId, [existing.id])).get(existing.id);
        if (totals && !settledOf(totals).isZero()) {
          throw inputError(`${label} ${key}`, [
            { path: ['externalId'], message: `invoice ${key} has payments, credit notes or write-offs applied (${money(settledOf(totals))}): void or change those first` },
          ]);
        }
      }
      const now = new Date();
      const saved = await this.records.setStatusAtVersion(tenant, kind, existing.id, existing.version, { status, pushPending: origin !== 'QUICKBOOKS', at: now });
      if (!saved) continue;
      if (origin !== 'QUICKBOOKS') this.#notify(tenantId, kind, saved.id);
      return toLedgerRecord(kind, saved);
    }
    throw new ConflictError(`${label} ${key} changed concurrently too many times; retry the call.`, { type: label, externalId: key });
  }

  // ---- references and balances --------------------------------------------------------------------

  /**
   * Looks every referenced record up by externalId in one query per kind. `exclude` is the record being
   * edited: its own previous allocation must not count against the invoices' outstanding balances.
   */
  async #lookup(
    tenantId: string,
    wants: { customers?: Opt[]; suppliers?: Opt[]; jobTypes?: Opt[]; supplies?: Opt[]; teams?: Opt[]; paymentMethods?: Opt[]; invoices?: Opt[] },
    exclude?: { kind: LedgerKind; id: string },
  ): Promise<RefLookup> {
    const tenant = asTenantId(tenantId);
    const keys = (values: Opt[] | undefined) => [...new Set((values ?? []).map((v) => v?.trim()).filter((v): v is string => !!v))];
    const byExternalId = async <T extends { id: string; externalId: string }>(values: Opt[] | undefined, query: (ids: string[]) => Promise<T[]>) => {
      const ids = keys(values);
      return new Map((ids.length > 0 ? await query(ids) : []).map((row) => [row.externalId, row]));
    };
    const [customers, suppliers, jobTypes, supplies, teams, methods, invoices] = await Promise.all([
      byExternalId(wants.customers, (ids) => this.records.findByExternalIds(tenant, 'customer', ids, ['currency'])),
      byExternalId(wants.suppliers, (ids) => this.records.findByExternalIds(tenant, 'supplier', ids, [])),
      byExternalId(wants.jobTypes, (ids) => this.lists.findByExternalIds('jobTypes', tenantId, ids)),
      byExternalId(wants.supplies, (ids) => this.lists.findByExternalIds('supplies', tenantId, ids)),
      byExternalId(wants.teams, (ids) => this.lists.findByExternalIds('teams', tenantId, ids)),
      byExternalId(wants.paymentMethods, (ids) => this.lists.findByExternalIds('paymentMethods', tenantId, ids)),
      byExternalId(wants.invoices, (ids) => this.records.findByExternalIds(tenant, 'invoice', ids, ['number', 'customerId', 'currency', 'status', 'total'])),
    ]);
    const settlements = await this.settlementsOf(
      tenantId,
      [...invoices.values()].map((i) => i.id),
      exclude,
    );
    const ref = (row: { id: string } | undefined) => (row ? { id: row.id } : undefined);
    return {
      customer: (id) => {
        const row = customers.get(id);
        return row ? { id: row.id, currency: row.currency ?? undefined } : undefined;
      },
      supplier: (id) => ref(suppliers.get(id)),
      jobType: (id) => ref(jobTypes.get(id)),
      supply: (id) => ref(supplies.get(id)),
      team: (id) => ref(teams.get(id)),
      paymentMethod: (id) => {
        const row = methods.get(id);
        return row ? { id: row.id, isCard: row.isCard } : undefined;
      },
      invoice: (id): InvoiceRef | undefined => {
        const row = invoices.get(id);
        if (!row) return undefined;
        const totals = settlements.get(row.id);
        const outstanding = dec(row.total).minus(totals ? settledOf(totals) : 0);
        return { id: row.id, number: row.number, customerId: row.customerId, currency: row.currency, status: row.status, outstanding: money(outstanding) };
      },
    };
  }

  /**
   * Paid, credited and written-off totals of invoices from ACTIVE records (three queries for any number
   * of invoices). `exclude` leaves one record out (the one being edited).
   */
  async settlementsOf(tenantId: string, invoiceIds: readonly string[], exclude?: { kind: LedgerKind; id: string }): Promise<Map<string, InvoiceSettlementTotals>> {
    const result = new Map<string, { paid: Dec[]; credited: Dec[]; writtenOff: Dec[] }>();
    if (invoiceIds.length === 0) return new Map();
    for (const id of invoiceIds) result.set(id, { paid: [], credited: [], writtenOff: [] });
    const { payments, credits, writeOffs } = await this.records.settlementsOf(asTenantId(tenantId), invoiceIds, exclude);
    for (const payment of payments) for (const a of payment.allocations) result.get(a.invoiceId)?.paid.push(dec(a.amount));
    for (const credit of credits) if (credit.invoiceId) result.get(credit.invoiceId)?.credited.push(dec(credit.total));
    for (const writeOff of writeOffs) result.get(writeOff.invoiceId)?.writtenOff.push(dec(writeOff.amount));
    return new Map(
      [...result].map(([id, parts]) => [id, { amountPaid: money(sum(parts.paid)), amountCredited: money(sum(parts.credited)), amountWrittenOff: money(sum(parts.writtenOff)) }]),
    );
  }

  /**
   * Each customer's credit: the unapplied part (deposits, overpayments, payments pulled from QBO with
   * money left unapplied) of their ACTIVE payments. One query for any number of customers.
   */
  async creditBalancesOf(tenantId: string, customerIds: readonly string[]): Promise<Map<string, string>> {
    const parts = new Map<string, Dec[]>(customerIds.map((id) => [id, []]));
    if (customerIds.length === 0) return new Map();
    const payments = await this.records.activePaymentsOf(asTenantId(tenantId), customerIds);
    for (const payment of payments) parts.get(payment.customerId)?.push(unappliedOf(payment));
    return new Map([...parts].map(([id, values]) => [id, money(sum(values))]));
  }

  // ---- lists and lookups -------------------------------------------------------------------------

  async list<K extends LedgerKind>(kind: K, tenantId: string, filter: LedgerListFilter, page: PageRequest): Promise<{ rows: LedgerRecordOf<K>[]; totalCount: number }> {
    const after = checkCursor(LEDGER_LIST_SORT_FIELDS.length, page.after);
    const { rows, totalCount } = await this.records.list(asTenantId(tenantId), kind, filter, { limit: page.limit, after });
    return { rows: rows.map((row) => toLedgerRecord(kind, row)), totalCount };
  }

  /** The list cursor of a record (its sort key). */
  sortKeyOf(kind: LedgerKind, record: LedgerRecordOf<LedgerKind>): string[] {
    const sortKey = PARTIES.has(kind) ? (record as { displayName: string }).displayName.toLowerCase() : (record as { date: string }).date;
    return [sortKey, record.externalId];
  }

  async findByExternalId<K extends LedgerKind>(kind: K, tenantId: string, externalId: string): Promise<LedgerRecordOf<K> | null> {
    const row = await this.records.findByExternalId(asTenantId(tenantId), kind, externalId.trim());
    return row ? toLedgerRecord(kind, row) : null;
  }

  // ---- LedgerReader -----------------------------------------------------------------------------

  async get<K extends LedgerKind>(tenantId: string, kind: K, id: string): Promise<LedgerRecordOf<K> | null> {
    return (await this.getMany(tenantId, kind, [id]))[0] ?? null;
  }

  async getMany<K extends LedgerKind>(tenantId: string, kind: K, ids: string[]): Promise<LedgerRecordOf<K>[]> {
    const rows = await this.records.getMany(asTenantId(tenantId), kind, ids);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toLedgerRecord(kind, row)] : [];
    });
  }

  /**
   * Pending records oldest change first. `after` is the last id of the previous page: its change time
   * places the cursor (a record re-changed since moved to the end, so nothing is served twice in a sweep;
   * records skipped by such a move are still pending and come back on the next sweep).
   */
  async pending<K extends LedgerKind>(tenantId: string, kind: K, options: { limit: number; after?: string }): Promise<LedgerRecordOf<K>[]> {
    return (await this.records.pending(asTenantId(tenantId), kind, options)).map((row) => toLedgerRecord(kind, row));
  }

  async page<K extends LedgerKind>(tenantId: string, kind: K, options: { limit: number; after?: string }): Promise<LedgerRecordOf<K>[]> {
    return (await this.records.page(asTenantId(tenantId), kind, options)).map((row) => toLedgerRecord(kind, row));
  }

  /** Under the record's lock, so a new version written meanwhile is never marked as pushed. */
  async markPushed(tenantId: string, kind: LedgerKind, id: string, version: number, externalId?: string): Promise<boolean> {
    const tenant = asTenantId(tenantId);
    // The update only matches `version`; the read is for the lock's key when the caller lacks it.
    const row = externalId === undefined ? (await this.records.fieldsOf(tenant, kind, [id], ['externalId', 'version']))[0] : { externalId, version };
    if (!row || row.version !== version) return false;
    return this.#locks.withLocks([recordLockKey(tenantId, kind, row.externalId)], () => this.records.markPushedAtVersion(tenant, kind, id, version));
  }

  async markPending(tenantId: string, kind: LedgerKind, ids: string[]): Promise<void> {
    const tenant = asTenantId(tenantId);
    for (let i = 0; i < ids.length; i += MARK_PENDING_CHUNK) {
      const chunk = ids.slice(i, i + MARK_PENDING_CHUNK);
      const rows = await this.records.fieldsOf(tenant, kind, chunk, ['externalId']);
      await this.#locks.withLocks(
        rows.map((row) => recordLockKey(tenantId, kind, row.externalId)),
        () => this.records.markPending(tenant, kind, chunk, new Date()),
      );
    }
  }

  /** pushPending of each record (for the default sync-status reader): one query. */
  async pendingFlags(tenantId: string, kind: LedgerKind, ids: readonly string[]): Promise<Map<string, boolean>> {
    const rows = await this.records.fieldsOf(asTenantId(tenantId), kind, ids, ['pushPending']);
    return new Map(rows.map((row) => [row.id, row.pushPending]));
  }
}

type Opt = string | null | undefined;

function settledOf(totals: InvoiceSettlementTotals): Dec {
  return sum([totals.amountPaid, totals.amountCredited, totals.amountWrittenOff]);
}

/**
 * The FSM ledger: idempotent upserts of customers, suppliers and transactions keyed by the FSM's
 * externalId, status changes (void, delete), lists, and the `LedgerReader` the sync engine pushes
 * from. Every write is one single-document operation (FerretDB has no transactions): everything is
 * validated first, then the record is inserted (the unique index settles concurrent first upserts)
 * or replaced at its version. Writers of a record, and of the invoices whose balances a payment,
 * credit note or write-off draws on, hold insert-based leases (`LedgerLocks`), because FerretDB runs
 * a conditional update as read-then-write and a bare compare-and-swap would lose updates.
 */
import { type Connection, Types } from 'mongoose';
import { containsPattern } from '../accounts/chart.service.js';
import { ConflictError, type FieldProblem, NotFoundError, UserInputError } from '../graphql/errors.js';
import { afterKeyFilter, type PageRequest } from '../graphql/pagination.js';
import { type Dec, dec, money, sum } from './ledger-decimal.rules.js';
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
import { type LedgerModel, type LedgerModels, ledgerModels, LEDGER_KINDS, type StoredRecord } from './ledger-record.model.js';
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
import { LedgerIds } from './ledger-ids.js';
import { LedgerLocks, recordLockKey } from './ledger-lock.store.js';

/** What has been applied to an invoice by ACTIVE payments, credit notes and write-offs. */
export interface InvoiceSettlementTotals {
  amountPaid: string;
  amountCredited: string;
  amountWrittenOff: string;
}

export interface LedgerListFilter {
  search?: string | null;
  pushPending?: boolean | null;
  status?: RecordStatus | null;
  /** Transactions only: inclusive calendar-date range. */
  dateFrom?: string | null;
  dateTo?: string | null;
  /** Invoices, payments, credit notes, write-offs: one customer's (gateway id). */
  customerId?: string | null;
}

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

const SEARCH_FIELDS: { [K in LedgerKind]: string[] } = {
  customer: ['displayName', 'companyName', 'email', 'externalId'],
  supplier: ['displayName', 'companyName', 'email', 'externalId'],
  invoice: ['number', 'jobNumber', 'customerOrderNumber', 'workOrder', 'externalId'],
  payment: ['reference', 'externalId'],
  creditNote: ['number', 'externalId'],
  badDebtWriteOff: ['reason', 'externalId'],
  supplierInvoice: ['number', 'externalId'],
  expense: ['reference', 'externalId'],
};

const PARTIES = new Set<LedgerKind>(['customer', 'supplier']);
const CAS_ATTEMPTS = 5;
/** Records re-flagged per lock round (a full re-push can name thousands). */
const MARK_PENDING_CHUNK = 50;

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

function objectIds(ids: readonly string[]): Types.ObjectId[] {
  return ids.filter((id) => Types.ObjectId.isValid(id)).map((id) => new Types.ObjectId(id));
}

function inputError(what: string, problems: FieldProblem[]): UserInputError {
  return new UserInputError(`${what} was not saved: ${problems.map((p) => `${p.path.slice(1).join('.') || p.path.join('.')} ${p.message}`).join('; ')}.`, problems);
}

type Stored<K extends LedgerKind> = StoredRecord<K>;
type Keyed = { _id: Types.ObjectId; externalId: string };
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
  readonly models: LedgerModels;
  #listener: LedgerChangeListener = NO_CHANGE_LISTENER;
  #ready: Promise<unknown> | undefined;
  readonly #locks: LedgerLocks;
  readonly #ids: LedgerIds;

  constructor(
    connection: Connection,
    private readonly lists: LedgerListsService,
    /** Called when a change listener throws: the record is saved already, so the write must not fail. */
    private readonly onListenerError: (error: unknown, tenantId: string, kind: LedgerKind, id: string) => void = () => undefined,
  ) {
    this.models = ledgerModels(connection);
    this.#locks = new LedgerLocks(connection);
    this.#ids = new LedgerIds(connection);
  }

  ensureIndexes(): Promise<unknown> {
    this.#ready ??= Promise.all(LEDGER_KINDS.map((kind) => this.models[kind].init()));
    return this.#ready;
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
        const filter = { tenantId: new Types.ObjectId(tenantId), customerId: existing._id.toHexString() };
        const [invoice, payment] = await Promise.all([this.models.invoice.exists(filter), this.models.payment.exists(filter)]);
        return customerRules(input, { currency: existing.currency ?? undefined, hasTransactions: !!invoice || !!payment });
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
    await this.ensureIndexes();
    const tenant = new Types.ObjectId(tenantId);
    const now = new Date();
    const out: ({ ok: true; record: LedgerRecordOf<'customer'> } | { ok: false; message: string })[] = [];
    const docs: { index: number; doc: Record<string, unknown> }[] = [];
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
      const doc = { ...content, contentHash: contentHash(content), sortKey: String(content.displayName).toLowerCase(), pushPending: false, changedAt: now, updatedAt: now, _id: this.#ids.newId(this.#model('customer'), tenant, externalId), tenantId: tenant, externalId, version: 1, status: 'ACTIVE', createdAt: now };
      docs.push({ index, doc });
    });
    const failed = new Set<number>();
    if (docs.length > 0) {
      try {
        await this.models.customer.insertMany(docs.map((d) => d.doc), { ordered: false, rawResult: true });
      } catch (error) {
        const writeErrors = (error as { writeErrors?: { index?: number; code?: number; err?: { index?: number; code?: number } }[] }).writeErrors ?? [];
        if (writeErrors.length === 0 || !writeErrors.every((w) => (w.code ?? w.err?.code) === 11000)) throw error;
        for (const w of writeErrors) failed.add(w.index ?? w.err?.index ?? -1);
      }
    }
    for (const [position, { index, doc }] of docs.entries()) {
      out[index] = failed.has(position)
        ? { ok: true, record: await this.upsertCustomer(tenantId, inputs[index]!, 'QUICKBOOKS') }
        : { ok: true, record: toLedgerRecord('customer', doc as unknown as Stored<'customer'>) };
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
          const totals = (await this.settlementsOf(tenantId, [existing._id.toHexString()])).get(existing._id.toHexString());
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
          existing ? { kind: 'payment', id: existing._id.toHexString() } : undefined,
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
          existing ? { kind: 'creditNote', id: existing._id.toHexString() } : undefined,
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
        const refs = await this.#lookup(tenantId, { invoices: [input.invoiceExternalId] }, existing ? { kind: 'badDebtWriteOff', id: existing._id.toHexString() } : undefined);
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
    await this.ensureIndexes();
    const model = this.models[plan.kind];
    const label = LABELS[plan.kind];
    const idProblem = checkExternalId(plan.externalId);
    if (idProblem) throw inputError(label, [idProblem]);
    const externalId = plan.externalId.trim();
    const tenant = new Types.ObjectId(plan.tenantId);
    const invoiceKeys = (plan.invoiceExternalIds ?? []).map((id) => id?.trim()).filter((id): id is string => !!id).map((id) => recordLockKey(plan.tenantId, 'invoice', id));
    return this.#locks.withLocks([recordLockKey(plan.tenantId, plan.kind, externalId), ...invoiceKeys], () => this.#upsertLocked(plan, model, label, tenant, externalId));
  }

  async #upsertLocked<K extends LedgerKind>(plan: UpsertPlan<K>, model: LedgerModels[K], label: string, tenant: Types.ObjectId, externalId: string): Promise<LedgerRecordOf<K>> {
    for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
      const existing = await this.#ids.findOne<Stored<K>>(this.#model(plan.kind), tenant, externalId);
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
        try {
          const doc = { ...body, _id: this.#ids.newId(this.#model(plan.kind), tenant, externalId), tenantId: tenant, externalId, version: 1, status: 'ACTIVE', createdAt: now };
          saved = (await model.create(doc as never)).toObject() as unknown as Stored<K>;
        } catch (error) {
          // A concurrent first upsert of the same externalId won: validate again against its record.
          if (isDuplicateKey(error)) continue;
          throw error;
        }
      } else {
        const replacement = { ...body, _id: existing._id, tenantId: tenant, externalId, version: existing.version + 1, status: existing.status, createdAt: existing.createdAt };
        saved = (await model
          .findOneAndReplace({ tenantId: tenant, _id: existing._id, version: existing.version }, replacement, { returnDocument: 'after' })
          .lean()) as unknown as Stored<K> | null;
        if (!saved) continue; // changed meanwhile (only by a writer ignoring the lock): start again
      }
      if (!saved) continue;
      if (!fromQuickBooks) this.#notify(plan.tenantId, plan.kind, saved._id.toHexString());
      return toLedgerRecord(plan.kind, saved);
    }
    throw new ConflictError(`${label} ${externalId} changed concurrently too many times; retry the call.`, { type: label, externalId });
  }

  #model(kind: LedgerKind): LedgerModel {
    return this.models[kind];
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
    await this.ensureIndexes();
    const tenant = new Types.ObjectId(tenantId);
    const key = externalId.trim();
    return this.#locks.withLocks([recordLockKey(tenantId, kind, key)], () => this.#changeStatusLocked(kind, tenantId, tenant, key, status, origin));
  }

  async #changeStatusLocked<K extends LedgerKind>(kind: K, tenantId: string, tenant: Types.ObjectId, key: string, status: RecordStatus, origin: WriteOrigin): Promise<LedgerRecordOf<K>> {
    const model = this.models[kind];
    const label = LABELS[kind];
    for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
      const existing = await this.#ids.findOne<Stored<K>>(this.#model(kind), tenant, key);
      if (!existing) throw new NotFoundError(label, key);
      if (existing.status === status) return toLedgerRecord(kind, existing);
      if (existing.status === 'DELETED') throw inputError(`${label} ${key}`, [{ path: ['externalId'], message: `${label.toLowerCase()} ${key} is DELETED` }]);
      if (kind === 'invoice') {
        const totals = (await this.settlementsOf(tenantId, [existing._id.toHexString()])).get(existing._id.toHexString());
        if (totals && !settledOf(totals).isZero()) {
          throw inputError(`${label} ${key}`, [
            { path: ['externalId'], message: `invoice ${key} has payments, credit notes or write-offs applied (${money(settledOf(totals))}): void or change those first` },
          ]);
        }
      }
      const now = new Date();
      const saved = (await model
        .findOneAndUpdate(
          { tenantId: tenant, _id: existing._id, version: existing.version },
          { $set: { status, pushPending: origin !== 'QUICKBOOKS', changedAt: now, updatedAt: now }, $inc: { version: 1 } },
          { returnDocument: 'after' },
        )
        .lean()) as unknown as Stored<K> | null;
      if (!saved) continue;
      if (origin !== 'QUICKBOOKS') this.#notify(tenantId, kind, saved._id.toHexString());
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
    const tenant = new Types.ObjectId(tenantId);
    const keys = (values: Opt[] | undefined) => [...new Set((values ?? []).map((v) => v?.trim()).filter((v): v is string => !!v))];
    const byExternalId = async <T extends { _id: Types.ObjectId; externalId: string }>(values: Opt[] | undefined, query: (ids: string[]) => Promise<T[]>) => {
      const ids = keys(values);
      return new Map((ids.length > 0 ? await query(ids) : []).map((row) => [row.externalId, row]));
    };
    const [customers, suppliers, jobTypes, supplies, teams, methods, invoices] = await Promise.all([
      byExternalId(wants.customers, (ids) => this.#ids.findMany<Keyed & { currency?: string | null }>(this.#model('customer'), tenant, ids, { externalId: 1, currency: 1 })),
      byExternalId(wants.suppliers, (ids) => this.#ids.findMany<Keyed>(this.#model('supplier'), tenant, ids, { externalId: 1 })),
      byExternalId(wants.jobTypes, (ids) => this.lists.jobTypes.find({ tenantId: tenant, externalId: { $in: ids } }, { externalId: 1 }).lean()),
      byExternalId(wants.supplies, (ids) => this.lists.supplies.find({ tenantId: tenant, externalId: { $in: ids } }, { externalId: 1 }).lean()),
      byExternalId(wants.teams, (ids) => this.lists.teams.find({ tenantId: tenant, externalId: { $in: ids } }, { externalId: 1 }).lean()),
      byExternalId(wants.paymentMethods, (ids) => this.lists.paymentMethods.find({ tenantId: tenant, externalId: { $in: ids } }, { externalId: 1, isCard: 1 }).lean()),
      byExternalId(wants.invoices, (ids) =>
        this.#ids.findMany<Pick<Stored<'invoice'>, '_id' | 'externalId' | 'number' | 'customerId' | 'currency' | 'status' | 'total'>>(this.#model('invoice'), tenant, ids, {
          externalId: 1,
          number: 1,
          customerId: 1,
          currency: 1,
          status: 1,
          total: 1,
        }),
      ),
    ]);
    const settlements = await this.settlementsOf(
      tenantId,
      [...invoices.values()].map((i) => i._id.toHexString()),
      exclude,
    );
    const ref = (row: { _id: Types.ObjectId } | undefined) => (row ? { id: row._id.toHexString() } : undefined);
    return {
      customer: (id) => {
        const row = customers.get(id);
        return row ? { id: row._id.toHexString(), currency: row.currency ?? undefined } : undefined;
      },
      supplier: (id) => ref(suppliers.get(id)),
      jobType: (id) => ref(jobTypes.get(id)),
      supply: (id) => ref(supplies.get(id)),
      team: (id) => ref(teams.get(id)),
      paymentMethod: (id) => {
        const row = methods.get(id);
        return row ? { id: row._id.toHexString(), isCard: row.isCard } : undefined;
      },
      invoice: (id): InvoiceRef | undefined => {
        const row = invoices.get(id);
        if (!row) return undefined;
        const totals = settlements.get(row._id.toHexString());
        const outstanding = dec(row.total).minus(totals ? settledOf(totals) : 0);
        return { id: row._id.toHexString(), number: row.number, customerId: row.customerId, currency: row.currency, status: row.status, outstanding: money(outstanding) };
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
    const tenant = new Types.ObjectId(tenantId);
    const ids = [...invoiceIds];
    const not = (kind: LedgerKind) => (exclude?.kind === kind && Types.ObjectId.isValid(exclude.id) ? { _id: { $ne: new Types.ObjectId(exclude.id) } } : {});
    const [payments, credits, writeOffs] = await Promise.all([
      this.models.payment.find({ tenantId: tenant, status: 'ACTIVE', allocatedInvoiceIds: { $in: ids }, ...not('payment') }, { allocations: 1 }).lean<Pick<Stored<'payment'>, 'allocations'>[]>(),
      this.models.creditNote.find({ tenantId: tenant, status: 'ACTIVE', invoiceId: { $in: ids }, ...not('creditNote') }, { invoiceId: 1, total: 1 }).lean<Pick<Stored<'creditNote'>, 'invoiceId' | 'total'>[]>(),
      this.models.badDebtWriteOff.find({ tenantId: tenant, status: 'ACTIVE', invoiceId: { $in: ids }, ...not('badDebtWriteOff') }, { invoiceId: 1, amount: 1 }).lean<Pick<Stored<'badDebtWriteOff'>, 'invoiceId' | 'amount'>[]>(),
    ]);
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
    const payments = await this.models.payment
      .find({ tenantId: new Types.ObjectId(tenantId), status: 'ACTIVE', customerId: { $in: [...customerIds] } }, { customerId: 1, amount: 1, allocations: 1, refunds: 1 })
      .lean<Pick<Stored<'payment'>, 'customerId' | 'amount' | 'allocations' | 'refunds'>[]>();
    for (const payment of payments) parts.get(payment.customerId)?.push(unappliedOf(payment));
    return new Map([...parts].map(([id, values]) => [id, money(sum(values))]));
  }

  // ---- lists and lookups -------------------------------------------------------------------------

  async list<K extends LedgerKind>(kind: K, tenantId: string, filter: LedgerListFilter, page: PageRequest): Promise<{ rows: LedgerRecordOf<K>[]; totalCount: number }> {
    const model = this.models[kind];
    const tenant = new Types.ObjectId(tenantId);
    const base: Record<string, unknown> = { tenantId: tenant };
    if (filter.pushPending !== undefined && filter.pushPending !== null) base.pushPending = filter.pushPending;
    if (filter.status) base.status = filter.status;
    if (!PARTIES.has(kind) && (filter.dateFrom || filter.dateTo)) {
      base.date = { ...(filter.dateFrom ? { $gte: filter.dateFrom } : {}), ...(filter.dateTo ? { $lte: filter.dateTo } : {}) };
    }
    if (filter.customerId) base.customerId = filter.customerId;
    const text = filter.search?.trim();
    if (text) base.$or = SEARCH_FIELDS[kind].map((field) => ({ [field]: containsPattern(text) }));
    const query = page.after ? { tenantId: tenant, $and: [base, afterKeyFilter(['sortKey', 'externalId'], page.after)] } : base;
    const [rows, totalCount] = await Promise.all([
      model.find(query).sort({ sortKey: 1, externalId: 1 }).limit(page.limit + 1).lean(),
      model.countDocuments(base),
    ]);
    return { rows: (rows as unknown as Stored<K>[]).map((row) => toLedgerRecord(kind, row)), totalCount };
  }

  /** The list cursor of a record (its sort key). */
  sortKeyOf(kind: LedgerKind, record: LedgerRecordOf<LedgerKind>): string[] {
    const sortKey = PARTIES.has(kind) ? (record as { displayName: string }).displayName.toLowerCase() : (record as { date: string }).date;
    return [sortKey, record.externalId];
  }

  async findByExternalId<K extends LedgerKind>(kind: K, tenantId: string, externalId: string): Promise<LedgerRecordOf<K> | null> {
    const row = await this.#ids.findOne<Stored<K>>(this.#model(kind), new Types.ObjectId(tenantId), externalId.trim());
    return row ? toLedgerRecord(kind, row) : null;
  }

  // ---- LedgerReader -----------------------------------------------------------------------------

  async get<K extends LedgerKind>(tenantId: string, kind: K, id: string): Promise<LedgerRecordOf<K> | null> {
    return (await this.getMany(tenantId, kind, [id]))[0] ?? null;
  }

  async getMany<K extends LedgerKind>(tenantId: string, kind: K, ids: string[]): Promise<LedgerRecordOf<K>[]> {
    const oids = objectIds(ids);
    if (oids.length === 0) return [];
    const rows = (await this.models[kind].find({ tenantId: new Types.ObjectId(tenantId), _id: { $in: oids } }).lean()) as unknown as Stored<K>[];
    const byId = new Map(rows.map((row) => [row._id.toHexString(), row]));
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
    const model = this.models[kind];
    const tenant = new Types.ObjectId(tenantId);
    const filter: Record<string, unknown> = { tenantId: tenant, pushPending: true };
    if (options.after && Types.ObjectId.isValid(options.after)) {
      const afterId = new Types.ObjectId(options.after);
      const cursor = await model.findOne({ tenantId: tenant, _id: afterId }, { changedAt: 1 }).lean();
      if (cursor) filter.$or = [{ changedAt: { $gt: cursor.changedAt } }, { changedAt: cursor.changedAt, _id: { $gt: afterId } }];
    }
    const rows = (await model.find(filter).sort({ changedAt: 1, _id: 1 }).limit(options.limit).lean()) as unknown as Stored<K>[];
    return rows.map((row) => toLedgerRecord(kind, row));
  }

  async page<K extends LedgerKind>(tenantId: string, kind: K, options: { limit: number; after?: string }): Promise<LedgerRecordOf<K>[]> {
    const filter: Record<string, unknown> = { tenantId: new Types.ObjectId(tenantId) };
    if (options.after && Types.ObjectId.isValid(options.after)) filter._id = { $gt: new Types.ObjectId(options.after) };
    const rows = (await this.models[kind].find(filter).sort({ _id: 1 }).limit(options.limit).lean()) as unknown as Stored<K>[];
    return rows.map((row) => toLedgerRecord(kind, row));
  }

  /** Under the record's lock, so a new version written meanwhile is never marked as pushed. */
  async markPushed(tenantId: string, kind: LedgerKind, id: string, version: number, externalId?: string): Promise<boolean> {
    if (!Types.ObjectId.isValid(id)) return false;
    const filter = { tenantId: new Types.ObjectId(tenantId), _id: new Types.ObjectId(id) };
    // The update below only matches `version`; the read is for the lock's key when the caller lacks it.
    const row = externalId === undefined ? await this.models[kind].findOne(filter, { externalId: 1, version: 1 }).lean() : { externalId, version };
    if (!row || row.version !== version) return false;
    return this.#locks.withLocks([recordLockKey(tenantId, kind, row.externalId)], async () => {
      const result = await this.models[kind].updateOne({ ...filter, version }, { $set: { pushPending: false } });
      return result.matchedCount === 1;
    });
  }

  async markPending(tenantId: string, kind: LedgerKind, ids: string[]): Promise<void> {
    const tenant = new Types.ObjectId(tenantId);
    const oids = objectIds(ids);
    for (let i = 0; i < oids.length; i += MARK_PENDING_CHUNK) {
      const chunk = oids.slice(i, i + MARK_PENDING_CHUNK);
      const rows = await this.models[kind].find({ tenantId: tenant, _id: { $in: chunk } }, { externalId: 1 }).lean();
      await this.#locks.withLocks(
        rows.map((row) => recordLockKey(tenantId, kind, row.externalId)),
        () => this.models[kind].updateMany({ tenantId: tenant, _id: { $in: chunk } }, { $set: { pushPending: true, changedAt: new Date() } }),
      );
    }
  }

  /** pushPending of each record (for the default sync-status reader): one query. */
  async pendingFlags(tenantId: string, kind: LedgerKind, ids: readonly string[]): Promise<Map<string, boolean>> {
    const oids = objectIds(ids);
    if (oids.length === 0) return new Map();
    const rows = await this.models[kind].find({ tenantId: new Types.ObjectId(tenantId), _id: { $in: oids } }, { pushPending: 1 }).lean();
    return new Map(rows.map((row) => [row._id.toHexString(), row.pushPending]));
  }
}

type Opt = string | null | undefined;

function settledOf(totals: InvoiceSettlementTotals): Dec {
  return sum([totals.amountPaid, totals.amountCredited, totals.amountWrittenOff]);
}

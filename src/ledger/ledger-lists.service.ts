/**
 * The FSM lists account overrides hang on: idempotent upserts keyed by the FSM's externalId, cursor
 * pages, and the override setters, validated against the chart-of-accounts cache exactly like the
 * accounting settings (exists, active, fits the purpose unless relaxed).
 */
import { type Connection, type Model, Types } from 'mongoose';
import { AccountPurpose } from '../accounts/account-purpose.rules.js';
import { type AccountReference } from '../accounts/account-reference.rules.js';
import { type ChartService, containsPattern } from '../accounts/chart.service.js';
import { NotFoundError, UserInputError, type FieldProblem } from '../graphql/errors.js';
import { afterKeyFilter, type PageRequest } from '../graphql/pagination.js';
import { type FsmListRecord } from './fsm-list.schema.js';
import { type JobType, jobTypeModel } from './job-type.model.js';
import { type PaymentMethod, paymentMethodModel } from './payment-method.model.js';
import { type Supply, supplyModel } from './supply.model.js';
import { type Team, teamModel } from './team.model.js';

export interface FsmListInput {
  externalId: string;
  name: string;
  active?: boolean | null;
}

const SORT_FIELDS = ['sortKey', 'externalId'];

export function fsmListSortKey(row: Pick<FsmListRecord, 'sortKey' | 'externalId'>): string[] {
  return [row.sortKey, row.externalId];
}

/** Trimmed externalId and name, or one input error naming every bad field. */
export function cleanListInput(input: FsmListInput): { externalId: string; name: string } {
  const externalId = input.externalId.trim();
  const name = input.name.trim();
  const problems: FieldProblem[] = [];
  if (!externalId || externalId.length > 100) problems.push({ path: ['input', 'externalId'], message: 'must be 1-100 characters' });
  if (!name || name.length > 200) problems.push({ path: ['input', 'name'], message: 'must be 1-200 characters' });
  if (problems.length > 0) throw new UserInputError(`Invalid input: ${problems.map((p) => `${p.path.at(-1)} ${p.message}`).join('; ')}.`, problems);
  return { externalId, name };
}

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

export class LedgerListsService {
  readonly jobTypes: Model<JobType>;
  readonly supplies: Model<Supply>;
  readonly paymentMethods: Model<PaymentMethod>;
  readonly teams: Model<Team>;
  #ready: Promise<unknown> | undefined;

  constructor(
    connection: Connection,
    private readonly chart: ChartService,
    /** Whether the tenant relaxed account selection restrictions (owned by the settings slice). */
    private readonly isRelaxed: (tenantId: string) => Promise<boolean>,
  ) {
    this.jobTypes = jobTypeModel(connection);
    this.supplies = supplyModel(connection);
    this.paymentMethods = paymentMethodModel(connection);
    this.teams = teamModel(connection);
  }

  ensureIndexes(): Promise<unknown> {
    this.#ready ??= Promise.all([this.jobTypes.init(), this.supplies.init(), this.paymentMethods.init(), this.teams.init()]);
    return this.#ready;
  }

  // ---- upserts (repeating one is harmless) --------------------------------------------------------

  upsertJobType(tenantId: string, input: FsmListInput): Promise<JobType> {
    return this.#upsert(this.jobTypes, tenantId, input, {});
  }

  upsertSupply(tenantId: string, input: FsmListInput & { code?: string | null; trackInventory?: boolean | null }): Promise<Supply> {
    const code = input.code?.trim();
    if (code !== undefined && code.length > 100) throw new UserInputError('code must be at most 100 characters.', [{ path: ['input', 'code'], message: 'must be at most 100 characters' }]);
    const tracked = input.trackInventory === undefined || input.trackInventory === null ? {} : { trackInventory: input.trackInventory };
    return this.#upsert(this.supplies, tenantId, input, { ...(input.code === undefined ? {} : { code: code || null }), ...tracked });
  }

  upsertPaymentMethod(tenantId: string, input: FsmListInput & { isCard?: boolean | null }): Promise<PaymentMethod> {
    return this.#upsert(this.paymentMethods, tenantId, input, input.isCard === undefined || input.isCard === null ? {} : { isCard: input.isCard });
  }

  upsertTeam(tenantId: string, input: FsmListInput): Promise<Team> {
    return this.#upsert(this.teams, tenantId, input, {});
  }

  async #upsert<T extends FsmListRecord>(model: Model<T>, tenantId: string, input: FsmListInput, extra: Record<string, unknown>): Promise<T> {
    await this.ensureIndexes();
    const { externalId, name } = cleanListInput(input);
    const set: Record<string, unknown> = { name, sortKey: name.toLowerCase(), ...extra };
    if (input.active !== undefined && input.active !== null) set.active = input.active;
    const filter = { tenantId: new Types.ObjectId(tenantId), externalId };
    const run = () => model.findOneAndUpdate(filter, { $set: set }, { upsert: true, returnDocument: 'after', setDefaultsOnInsert: true }).lean<T>();
    try {
      return (await run());
    } catch (error) {
      // Two first upserts of the same externalId raced: the loser's insert hit the unique index; the
      // row exists now, so the retry updates it.
      if (!isDuplicateKey(error)) throw error;
      return (await run());
    }
  }

  // ---- lists -----------------------------------------------------------------------------------

  async list<T extends FsmListRecord>(model: Model<T>, tenantId: string, page: PageRequest, search?: string | null): Promise<{ rows: T[]; totalCount: number }> {
    const base: Record<string, unknown> = { tenantId: new Types.ObjectId(tenantId) };
    const text = search?.trim();
    if (text) base.$or = [{ name: containsPattern(text) }, { externalId: containsPattern(text) }];
    const filter = page.after ? { tenantId: base.tenantId, $and: [base, afterKeyFilter(SORT_FIELDS, page.after)] } : base;
    const [rows, totalCount] = await Promise.all([
      model.find(filter).sort({ sortKey: 1, externalId: 1 }).limit(page.limit + 1).lean<T[]>(),
      model.countDocuments(base),
    ]);
    return { rows, totalCount };
  }

  async findById<T extends FsmListRecord>(model: Model<T>, tenantId: string, id: string): Promise<T | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    return model.findOne({ tenantId: new Types.ObjectId(tenantId), _id: new Types.ObjectId(id) }).lean<T>();
  }

  /** The payment method whose externalId is `key`, else whose name is `key` (case-insensitive). */
  async findPaymentMethodByKey(tenantId: string, key: string): Promise<PaymentMethod | null> {
    const tenant = new Types.ObjectId(tenantId);
    const byId = await this.paymentMethods.findOne({ tenantId: tenant, externalId: key }).lean();
    if (byId) return byId;
    return this.paymentMethods.findOne({ tenantId: tenant, sortKey: key.toLowerCase() }).sort({ externalId: 1 }).lean();
  }

  // ---- account overrides ----------------------------------------------------------------------

  async setJobTypeAccounts(tenantId: string, jobTypeId: string, accounts: { labourIncomeAccountId?: string | null; materialsIncomeAccountId?: string | null }): Promise<JobType> {
    return this.#setAccounts(this.jobTypes, 'JobType', tenantId, jobTypeId, [
      { field: 'labourIncomeAccountId', setting: 'labourIncomeAccount', purpose: AccountPurpose.LABOUR_INCOME, value: accounts.labourIncomeAccountId },
      { field: 'materialsIncomeAccountId', setting: 'materialsIncomeAccount', purpose: AccountPurpose.SUPPLIES_INCOME, value: accounts.materialsIncomeAccountId },
    ]);
  }

  async setSupplyIncomeAccount(tenantId: string, supplyId: string, incomeAccountId: string | null | undefined): Promise<Supply> {
    return this.#setAccounts(this.supplies, 'Supply', tenantId, supplyId, [
      { field: 'incomeAccountId', setting: 'incomeAccount', purpose: AccountPurpose.SUPPLIES_INCOME, value: incomeAccountId },
    ]);
  }

  /** A stock supply's own inventory asset and cost of goods sold accounts (null clears one back to the setting). */
  async setSupplyStockAccounts(tenantId: string, supplyId: string, accounts: { inventoryAssetAccountId?: string | null; costOfGoodsSoldAccountId?: string | null }): Promise<Supply> {
    return this.#setAccounts(this.supplies, 'Supply', tenantId, supplyId, [
      { field: 'inventoryAssetAccountId', setting: 'inventoryAssetAccount', purpose: AccountPurpose.INVENTORY_ASSET, value: accounts.inventoryAssetAccountId },
      { field: 'costOfGoodsSoldAccountId', setting: 'costOfGoodsSoldAccount', purpose: AccountPurpose.COST_OF_GOODS_SOLD, value: accounts.costOfGoodsSoldAccountId },
    ]);
  }

  async setPaymentMethodSurchargeAccount(tenantId: string, paymentMethodId: string, surchargeIncomeAccountId: string | null | undefined): Promise<PaymentMethod> {
    return this.#setAccounts(this.paymentMethods, 'PaymentMethod', tenantId, paymentMethodId, [
      { field: 'surchargeIncomeAccountId', setting: 'surchargeIncomeAccount', purpose: AccountPurpose.SURCHARGE_INCOME, value: surchargeIncomeAccountId },
    ]);
  }

  /**
   * The tax code of the method's card surcharges, a QuickBooks tax code name (GST, FRE...), or null for
   * "the tax code of the supply". Checked against the connected company's tax codes when it has any.
   */
  async setPaymentMethodSurchargeTaxCode(tenantId: string, paymentMethodId: string, taxCode: string | null): Promise<PaymentMethod> {
    const existing = await this.findById(this.paymentMethods, tenantId, paymentMethodId);
    if (!existing) throw new NotFoundError('PaymentMethod', paymentMethodId);
    const name = taxCode?.trim() || null;
    if (name) {
      const codes = await this.chart.listReferences(tenantId, 'TaxCode');
      const known = codes.find((c) => c.name.trim().toLowerCase() === name.toLowerCase());
      if (codes.length > 0 && !known) {
        const message = `is not a tax code of the QuickBooks company (it has ${codes.map((c) => c.name).join(', ')})`;
        throw new UserInputError(`Payment method ${existing.name} was not changed: taxCode ${message}.`, [{ path: ['taxCode'], message }]);
      }
    }
    const updated = await this.paymentMethods
      .findOneAndUpdate({ tenantId: new Types.ObjectId(tenantId), _id: existing._id }, { $set: { surchargeTaxCode: name } }, { returnDocument: 'after' })
      .lean();
    if (!updated) throw new NotFoundError('PaymentMethod', paymentMethodId);
    return updated;
  }

  /** Validates every given account, then writes all of them in one single-document update (or none). */
  async #setAccounts<T extends FsmListRecord>(
    model: Model<T>,
    type: string,
    tenantId: string,
    id: string,
    changes: { field: string; setting: string; purpose: AccountPurpose; value: string | null | undefined }[],
  ): Promise<T> {
    const existing = await this.findById(model, tenantId, id);
    if (!existing) throw new NotFoundError(type, id);
    const refs: AccountReference[] = changes
      .filter((c): c is typeof c & { value: string } => typeof c.value === 'string')
      .map((c) => ({ path: [c.field], setting: c.setting, accountId: c.value.trim(), purpose: c.purpose }));
    const problems = await this.chart.checkAccountReferences(tenantId, refs, refs.length > 0 && (await this.isRelaxed(tenantId)));
    if (problems.length > 0) {
      throw new UserInputError(`${type} ${existing.name} was not changed: ${problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}.`, problems);
    }
    const set: Record<string, unknown> = {};
    for (const c of changes) if (c.value !== undefined) set[c.field] = c.value === null ? null : c.value.trim();
    if (Object.keys(set).length === 0) return existing;
    const updated = await model
      .findOneAndUpdate({ tenantId: new Types.ObjectId(tenantId), _id: existing._id }, { $set: set }, { returnDocument: 'after' })
      .lean<T>();
    if (!updated) throw new NotFoundError(type, id);
    return updated;
  }
}

/**
 * The FSM lists account overrides hang on: idempotent upserts keyed by the FSM's externalId, cursor
 * pages, and the override setters, validated against the chart-of-accounts cache exactly like the
 * accounting settings (exists, active, fits the purpose unless relaxed). Storage is the
 * `FsmListRepository`'s.
 */
import { AccountPurpose } from '../accounts/account-purpose.rules.js';
import { type AccountReference } from '../accounts/account-reference.rules.js';
import { type ChartService } from '../accounts/chart.service.js';
import { NotFoundError, UserInputError, type FieldProblem } from '../errors/domain.errors.js';
import { checkCursor, type PageRequest } from '../paging/page-request.js';
import {
  FSM_LIST_SORT_FIELDS,
  type FsmListName,
  type FsmListRecord,
  type FsmListRecords,
  type FsmListRepository,
  type JobType,
  type PaymentMethod,
  type Supply,
  type Team,
} from '../persistence/ledger/fsm-list.repository.js';
import { asTenantId } from '../persistence/tenant-id.js';

export type { FsmListName, FsmListRecord, JobType, PaymentMethod, Supply, Team };

export interface FsmListInput {
  externalId: string;
  name: string;
  active?: boolean | null;
}

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

export class LedgerListsService {
  constructor(
    private readonly repository: FsmListRepository,
    private readonly chart: ChartService,
    /** Whether the tenant relaxed account selection restrictions (owned by the settings slice). */
    private readonly isRelaxed: (tenantId: string) => Promise<boolean>,
  ) {}

  ensureIndexes(): Promise<unknown> {
    return this.repository.ensureIndexes();
  }

  // ---- upserts (repeating one is harmless) --------------------------------------------------------

  upsertJobType(tenantId: string, input: FsmListInput): Promise<JobType> {
    return this.#upsert('jobTypes', tenantId, input, {});
  }

  upsertSupply(tenantId: string, input: FsmListInput & { code?: string | null; trackInventory?: boolean | null }): Promise<Supply> {
    const code = input.code?.trim();
    if (code !== undefined && code.length > 100) throw new UserInputError('code must be at most 100 characters.', [{ path: ['input', 'code'], message: 'must be at most 100 characters' }]);
    const tracked = input.trackInventory === undefined || input.trackInventory === null ? {} : { trackInventory: input.trackInventory };
    return this.#upsert('supplies', tenantId, input, { ...(input.code === undefined ? {} : { code: code || null }), ...tracked });
  }

  upsertPaymentMethod(tenantId: string, input: FsmListInput & { isCard?: boolean | null }): Promise<PaymentMethod> {
    return this.#upsert('paymentMethods', tenantId, input, input.isCard === undefined || input.isCard === null ? {} : { isCard: input.isCard });
  }

  upsertTeam(tenantId: string, input: FsmListInput): Promise<Team> {
    return this.#upsert('teams', tenantId, input, {});
  }

  async #upsert<L extends FsmListName>(list: L, tenantId: string, input: FsmListInput, extra: Record<string, unknown>): Promise<FsmListRecords[L]> {
    const { externalId, name } = cleanListInput(input);
    const set: Record<string, unknown> = { name, sortKey: name.toLowerCase(), ...extra };
    if (input.active !== undefined && input.active !== null) set.active = input.active;
    return this.repository.upsert(asTenantId(tenantId), list, externalId, set);
  }

  // ---- lists -----------------------------------------------------------------------------------

  async list<L extends FsmListName>(list: L, tenantId: string, page: PageRequest, search?: string | null): Promise<{ rows: FsmListRecords[L][]; totalCount: number }> {
    const after = checkCursor(FSM_LIST_SORT_FIELDS.length, page.after);
    return this.repository.list(asTenantId(tenantId), list, { limit: page.limit, after }, search);
  }

  findById<L extends FsmListName>(list: L, tenantId: string, id: string): Promise<FsmListRecords[L] | null> {
    return this.repository.findById(asTenantId(tenantId), list, id);
  }

  /** Records by gateway id, for the push engine (unknown ids are absent). `onlyStock`: supplies tracked as inventory. */
  findByIds<L extends FsmListName>(list: L, tenantId: string, ids: readonly string[], options: { onlyStock?: boolean } = {}): Promise<FsmListRecords[L][]> {
    return this.repository.findByIds(asTenantId(tenantId), list, ids, options);
  }

  /** Records by FSM externalId, for the ledger's reference checks (unknown ids are absent). */
  findByExternalIds<L extends FsmListName>(list: L, tenantId: string, externalIds: readonly string[]): Promise<FsmListRecords[L][]> {
    return this.repository.findByExternalIds(asTenantId(tenantId), list, externalIds);
  }

  /** The payment method whose externalId is `key`, else whose name is `key` (case-insensitive). */
  findPaymentMethodByKey(tenantId: string, key: string): Promise<PaymentMethod | null> {
    return this.repository.findPaymentMethodByKey(asTenantId(tenantId), key);
  }

  // ---- account overrides ----------------------------------------------------------------------

  async setJobTypeAccounts(tenantId: string, jobTypeId: string, accounts: { labourIncomeAccountId?: string | null; materialsIncomeAccountId?: string | null }): Promise<JobType> {
    return this.#setAccounts('jobTypes', 'JobType', tenantId, jobTypeId, [
      { field: 'labourIncomeAccountId', setting: 'labourIncomeAccount', purpose: AccountPurpose.LABOUR_INCOME, value: accounts.labourIncomeAccountId },
      { field: 'materialsIncomeAccountId', setting: 'materialsIncomeAccount', purpose: AccountPurpose.SUPPLIES_INCOME, value: accounts.materialsIncomeAccountId },
    ]);
  }

  async setSupplyIncomeAccount(tenantId: string, supplyId: string, incomeAccountId: string | null | undefined): Promise<Supply> {
    return this.#setAccounts('supplies', 'Supply', tenantId, supplyId, [
      { field: 'incomeAccountId', setting: 'incomeAccount', purpose: AccountPurpose.SUPPLIES_INCOME, value: incomeAccountId },
    ]);
  }

  /** A stock supply's own inventory asset and cost of goods sold accounts (null clears one back to the setting). */
  async setSupplyStockAccounts(tenantId: string, supplyId: string, accounts: { inventoryAssetAccountId?: string | null; costOfGoodsSoldAccountId?: string | null }): Promise<Supply> {
    return this.#setAccounts('supplies', 'Supply', tenantId, supplyId, [
      { field: 'inventoryAssetAccountId', setting: 'inventoryAssetAccount', purpose: AccountPurpose.INVENTORY_ASSET, value: accounts.inventoryAssetAccountId },
      { field: 'costOfGoodsSoldAccountId', setting: 'costOfGoodsSoldAccount', purpose: AccountPurpose.COST_OF_GOODS_SOLD, value: accounts.costOfGoodsSoldAccountId },
    ]);
  }

  async setPaymentMethodSurchargeAccount(tenantId: string, paymentMethodId: string, surchargeIncomeAccountId: string | null | undefined): Promise<PaymentMethod> {
    return this.#setAccounts('paymentMethods', 'PaymentMethod', tenantId, paymentMethodId, [
      { field: 'surchargeIncomeAccountId', setting: 'surchargeIncomeAccount', purpose: AccountPurpose.SURCHARGE_INCOME, value: surchargeIncomeAccountId },
    ]);
  }

  /**
   * The tax code of the method's card surcharges, a QuickBooks tax code name (GST, FRE...), or null for
   * "the tax code of the supply". Checked against the connected company's tax codes when it has any.
   */
  async setPaymentMethodSurchargeTaxCode(tenantId: string, paymentMethodId: string, taxCode: string | null): Promise<PaymentMethod> {
    const existing = await this.findById('paymentMethods', tenantId, paymentMethodId);
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
    const updated = await this.repository.update(asTenantId(tenantId), 'paymentMethods', existing.id, { surchargeTaxCode: name });
    if (!updated) throw new NotFoundError('PaymentMethod', paymentMethodId);
    return updated;
  }

  /** Validates every given account, then writes all of them in one single-document update (or none). */
  async #setAccounts<L extends FsmListName>(
    list: L,
    type: string,
    tenantId: string,
    id: string,
    changes: { field: string; setting: string; purpose: AccountPurpose; value: string | null | undefined }[],
  ): Promise<FsmListRecords[L]> {
    const existing = await this.findById(list, tenantId, id);
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
    const updated = await this.repository.update(asTenantId(tenantId), list, existing.id, set);
    if (!updated) throw new NotFoundError(type, id);
    return updated;
  }
}

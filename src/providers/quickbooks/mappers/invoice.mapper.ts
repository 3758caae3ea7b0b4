/**
 * FSM invoice → QBO Invoice payload (pure). Decides each line's item by its effective income account
 * (supply > job type > default), the class or department per team, the tax code per line (by name for
 * non-US companies, TAX/NON in the US), retention lines, the reference field, and, after QBO computed
 * its total, whether a rounding line absorbs the difference or it is reported.
 */
import { type Decimal } from 'decimal.js';
import { InvoiceReferenceField, TeamTrackingCategory } from '../../../settings/accounting-settings.fields.js';
import { type InvoiceLine, type InvoiceRecord } from '../../../ledger/ledger-record.types.js';
import { dec, money, toQboAmount } from '../../../money/money.js';
import { type CompanyTax, type ItemKey, type ItemPurpose, type QboPayload, type QboRef, type SalesLookups, type UsSalesTax } from '../../../sync/push.types.js';
import { settingMissing, SyncProblem } from '../../../sync/sync.errors.js';
import { formatAmount } from '../../../sync/record-terms.rules.js';
import { currencyFields } from '../../../sync/currency.rules.js';

export const ROUNDING_TOLERANCE = dec('0.05');

type PlanContext = Pick<SalesLookups, 'settings' | 'jobTypes' | 'supplies'>;

export interface LinePlan {
  line: InvoiceLine;
  item: ItemKey;
  /** The account the line's income lands in (the item's income account). */
  incomeAccountId: string;
  /** Sells a stock supply (an Inventory item): the line must carry its quantity. */
  stock?: boolean;
}

/** The one Inventory item of a stock supply (the same key on invoices and bills, so both move one quantity). */
export function stockItemKey(supplyId: string, incomeAccountId: string): ItemKey {
  return { purpose: 'SUPPLY', incomeAccountId, supplyId };
}

/** The income account of a supply's own item: its override, else the supplies default. */
export function supplyOwnAccount(supply: { incomeAccountId: string | null }, ctx: Pick<PlanContext, 'settings'>): string {
  return supply.incomeAccountId ?? required(ctx.settings.defaultSuppliesIncomeAccountId, 'defaultSuppliesIncomeAccount', 'for supplies lines');
}

function required(value: string | null | undefined, setting: string, why: string): string {
  if (!value) throw settingMissing(setting, why);
  return value;
}

/** The income account of a line: a supply's own account, else the job type's override, else the default. */
export function effectiveIncomeAccount(line: InvoiceLine, invoice: Pick<InvoiceRecord, 'jobTypeId'>, ctx: PlanContext): { purpose: ItemPurpose; accountId: string } {
  const jobType = ctx.jobTypes.get(line.jobTypeId ?? invoice.jobTypeId ?? '');
  // A discount goes to the discount account when one is set; otherwise where discounts always went (labour income).
  if (line.kind === 'DISCOUNT' && ctx.settings.discountAccountId) return { purpose: 'DISCOUNT', accountId: ctx.settings.discountAccountId };
  if (line.kind === 'SUPPLIES') {
    const supply = line.supplyId ? ctx.supplies.get(line.supplyId) : undefined;
    const accountId = supply?.incomeAccountId ?? jobType?.materialsIncomeAccountId ?? required(ctx.settings.defaultSuppliesIncomeAccountId, 'defaultSuppliesIncomeAccount', 'for supplies lines');
    return { purpose: 'SUPPLIES', accountId };
  }
  const accountId = jobType?.labourIncomeAccountId ?? required(ctx.settings.defaultLabourIncomeAccountId, 'defaultLabourIncomeAccount', 'for labour lines');
  return { purpose: line.kind === 'OTHER' ? 'OTHER' : 'LABOUR', accountId };
}

/**
 * A supplies line uses its supply's own item when that item's account is the line's effective
 * account; otherwise (a job type overrides materials income) the per-account item, keeping the
 * supply's code in the description.
 */
export function planInvoiceLines(record: InvoiceRecord, ctx: PlanContext): LinePlan[] {
  return record.lines.map((line) => {
    const { purpose, accountId } = effectiveIncomeAccount(line, record, ctx);
    const supply = line.kind === 'SUPPLIES' && line.supplyId ? ctx.supplies.get(line.supplyId) : undefined;
    if (supply && line.supplyId) {
      const supplyItemAccount = supply.incomeAccountId ?? ctx.settings.defaultSuppliesIncomeAccountId;
      if (supplyItemAccount === accountId) return { line, item: { purpose: 'SUPPLY', incomeAccountId: accountId, supplyId: line.supplyId }, incomeAccountId: accountId, stock: supply.trackInventory === true };
      // A stock supply always sells its own Inventory item: QBO counts quantity per item, and a
      // per-account (non-inventory) item would sell stock QBO never takes off the shelf. Its income
      // goes to the item's account; a job type's materials override does not apply to stock.
      if (supply.trackInventory && supplyItemAccount) return { line, item: stockItemKey(line.supplyId, supplyItemAccount), incomeAccountId: supplyItemAccount, stock: true };
    }
    return { line, item: { purpose, incomeAccountId: accountId }, incomeAccountId: accountId };
  });
}

function retentionItem(ctx: PlanContext): ItemKey {
  return { purpose: 'RETENTION', incomeAccountId: required(ctx.settings.retentionIncomeAccountId, 'retentionIncomeAccount', 'for retention lines') };
}

export function roundingItem(ctx: Pick<SalesLookups, 'settings'>): ItemKey {
  return { purpose: 'ROUNDING', incomeAccountId: required(ctx.settings.defaultRoundingAccountId, 'defaultRoundingAccount', 'to absorb rounding differences') };
}

function hasAmount(value: string | undefined): value is string {
  return value !== undefined && !dec(value).isZero();
}

/** Every item the invoice needs (the service ensures they exist before mapping). */
export function invoiceItemKeys(record: InvoiceRecord, ctx: PlanContext): ItemKey[] {
  const keys = planInvoiceLines(record, ctx).map((p) => p.item);
  if (hasAmount(record.retentionWithheld) || hasAmount(record.retentionReleased)) keys.push(retentionItem(ctx));
  return keys;
}

export function lineTaxCode(line: { taxCode?: string; taxable?: boolean }, tax: CompanyTax): QboRef | undefined {
  if (tax.isUS) return { value: line.taxable ? 'TAX' : 'NON' };
  if (!line.taxCode) return undefined;
  const code = tax.taxCodesByName.get(line.taxCode.trim().toLowerCase());
  if (!code) {
    const which = 'description' in line && typeof line.description === 'string' ? `The line "${line.description}" uses the tax code "${line.taxCode}"` : `The tax code "${line.taxCode}"`;
    throw new SyncProblem('TAX_CODE_NOT_FOUND', `${which}, which your QuickBooks company does not have.`, {
      fixHint: 'Use a tax code your QuickBooks company has (as listed under Taxes in QuickBooks), or, if you have just added it there, refresh the chart of accounts in Accounting settings; then retry.',
      retryable: false,
      // Fixed in QuickBooks (the code added there), not in the record: RETRY can then succeed.
      actions: ['RETRY'],
    });
  }
  return code;
}

function exemptCode(tax: CompanyTax): QboRef | undefined {
  return tax.exemptCode ?? undefined;
}

/**
 * US sales tax (docs/qbo-facts/us-sales-tax.md): the FSM's tax goes as TxnTaxDetail.TotalTax, the
 * override QBO honours and spreads over the rates of the transaction's code, so TotalAmt is the FSM
 * total in both kinds of company. Automated companies pick the code themselves; manual ones get the
 * customer's. Nothing for non-US companies (their tax comes from the line codes).
 */
export function usTxnTaxDetail(totalTax: string, tax: CompanyTax, us: UsSalesTax | undefined): QboPayload {
  if (!tax.isUS) return {};
  return { TxnTaxDetail: { ...(us?.kind === 'MANUAL' && us.code ? { TxnTaxCodeRef: us.code } : {}), TotalTax: toQboAmount(totalTax) } };
}

export function globalTaxCalculation(taxInclusive: boolean, tax: CompanyTax): Record<string, string> {
  // GlobalTaxCalculation does not apply to US companies (facts §8) and is required elsewhere.
  return tax.isUS ? {} : { GlobalTaxCalculation: taxInclusive ? 'TaxInclusive' : 'TaxExcluded' };
}

/** A sales line. Tax-inclusive amounts go in TaxInclusiveAmt so QBO derives the net itself. */
export function salesLine(options: { description?: string; amount: Decimal; item: QboRef; taxCode?: QboRef; classRef?: QboRef; qty?: string; unitPrice?: string; taxInclusive: boolean; tax: CompanyTax; stock?: boolean }): QboPayload {
  const detail: Record<string, unknown> = { ItemRef: options.item };
  if (options.taxCode) detail.TaxCodeRef = options.taxCode;
  if (options.classRef) detail.ClassRef = options.classRef;
  const line: Record<string, unknown> = { DetailType: 'SalesItemLineDetail' };
  if (options.description) line.Description = options.description.slice(0, 4000);
  if (options.taxInclusive && !options.tax.isUS) {
    detail.TaxInclusiveAmt = toQboAmount(options.amount);
    // Stock moves by Qty in QBO; the unit price stays off (it would be compared with the net amount).
    if (options.stock && options.qty !== undefined) detail.Qty = dec(options.qty).toNumber();
  } else {
    line.Amount = toQboAmount(options.amount);
    if (options.qty !== undefined && options.unitPrice !== undefined) {
      detail.Qty = dec(options.qty).toNumber();
      detail.UnitPrice = dec(options.unitPrice).toNumber();
    }
  }
  line.SalesItemLineDetail = detail;
  return line;
}

const REFERENCE_LABELS: Record<InvoiceReferenceField, { label: string; field: keyof InvoiceRecord }> = {
  [InvoiceReferenceField.JOB_NUMBER]: { label: 'Job number', field: 'jobNumber' },
  [InvoiceReferenceField.CUSTOMER_ORDER_NUMBER]: { label: 'Order number', field: 'customerOrderNumber' },
  [InvoiceReferenceField.SITE_ADDRESS]: { label: 'Site', field: 'siteAddress' },
  [InvoiceReferenceField.WORK_ORDER]: { label: 'Work order', field: 'workOrder' },
};

/**
 * The reference goes into CustomerMemo ("Job number: J-1001"): every QBO company has it and it
 * prints on the invoice, whereas custom fields need a definition the company may not have.
 */
export function referenceMemo(record: InvoiceRecord, field: InvoiceReferenceField | null): string | undefined {
  if (!field) return undefined;
  const { label, field: key } = REFERENCE_LABELS[field];
  const value = record[key];
  return typeof value === 'string' && value.trim() ? `${label}: ${value.trim()}`.slice(0, 1000) : undefined;
}

function teamRef(teamId: string | undefined, ctx: SalesLookups): QboRef | undefined {
  return teamId ? ctx.teams.get(teamId) : undefined;
}

function lineDescription(plan: LinePlan, ctx: PlanContext): string {
  const supply = plan.line.supplyId ? ctx.supplies.get(plan.line.supplyId) : undefined;
  if (supply?.code && !plan.line.description.includes(supply.code)) return `${supply.code} ${plan.line.description}`;
  return plan.line.description;
}

/** The Line array of the invoice (without a rounding line). */
export function invoiceLines(record: InvoiceRecord, ctx: SalesLookups): QboPayload[] {
  const byClass = ctx.settings.teamTrackingCategory === TeamTrackingCategory.CLASS;
  const lines = planInvoiceLines(record, ctx).map((plan) =>
    salesLine({
      description: lineDescription(plan, ctx),
      amount: dec(plan.line.amount),
      qty: plan.line.quantity,
      unitPrice: plan.line.unitPrice,
      item: ctx.item(plan.item),
      taxCode: lineTaxCode(plan.line, ctx.tax),
      classRef: byClass ? teamRef(plan.line.teamId ?? record.teamId, ctx) : undefined,
      taxInclusive: record.taxInclusive,
      tax: ctx.tax,
      stock: plan.stock,
    }),
  );
  const retention = (amount: Decimal, description: string) =>
    salesLine({ description, amount, item: ctx.item(retentionItem(ctx)), taxCode: exemptCode(ctx.tax), taxInclusive: record.taxInclusive, tax: ctx.tax, classRef: byClass ? teamRef(record.teamId, ctx) : undefined });
  if (hasAmount(record.retentionWithheld)) lines.push(retention(dec(record.retentionWithheld).negated(), 'Retention withheld'));
  if (hasAmount(record.retentionReleased)) lines.push(retention(dec(record.retentionReleased), 'Retention released'));
  return lines;
}

export function mapInvoice(record: InvoiceRecord, ctx: SalesLookups): QboPayload {
  const payload: QboPayload = {
    CustomerRef: ctx.customer,
    DocNumber: record.number.slice(0, 21),
    TxnDate: record.date,
    ...(record.dueDate ? { DueDate: record.dueDate } : {}),
    ...globalTaxCalculation(record.taxInclusive, ctx.tax),
    ...(ctx.currency ? currencyFields(record, ctx.currency, `Invoice ${record.number}`) : {}),
    Line: invoiceLines(record, ctx),
    ...usTxnTaxDetail(record.totalTax, ctx.tax, ctx.usSalesTax),
    PrivateNote: `fieldbooks invoice ${record.externalId}`,
  };
  const memo = referenceMemo(record, ctx.settings.invoiceReferenceField);
  if (memo) payload.CustomerMemo = { value: memo };
  if (ctx.settings.teamTrackingCategory === TeamTrackingCategory.DEPARTMENT) {
    // Departments (locations) are per transaction: the invoice's team, else its first line's.
    const department = teamRef(record.teamId ?? record.lines.find((l) => l.teamId)?.teamId, ctx);
    if (department) payload.DepartmentRef = department;
  }
  return payload;
}

export type TotalCheck = { kind: 'equal' } | { kind: 'round'; difference: Decimal } | { kind: 'mismatch'; difference: Decimal };

/** FSM total versus QBO's TotalAmt: within the tolerance a rounding line absorbs it, beyond it is an issue. */
export function compareTotals(fsmTotal: string, qboTotal: Decimal, tolerance: Decimal = ROUNDING_TOLERANCE): TotalCheck {
  const difference = dec(fsmTotal).minus(qboTotal);
  if (difference.isZero()) return { kind: 'equal' };
  return difference.abs().lte(tolerance) ? { kind: 'round', difference } : { kind: 'mismatch', difference };
}

/** The rounding line added by a sparse update (untaxed, on the rounding item). */
export function roundingLine(difference: Decimal, ctx: SalesLookups, taxInclusive: boolean): QboPayload {
  return salesLine({ description: `Rounding (${money(difference)})`, amount: difference, item: ctx.item(roundingItem(ctx)), taxCode: exemptCode(ctx.tax), taxInclusive, tax: ctx.tax });
}

export function totalMismatch(record: InvoiceRecord, qboTotal: Decimal, difference: Decimal): SyncProblem {
  return new SyncProblem(
    'TOTAL_MISMATCH',
    `QuickBooks works out ${formatAmount(qboTotal)} for invoice ${record.number}, the field-service app says ${formatAmount(record.total)}: a difference of ${formatAmount(difference)}, more than the ${money(ROUNDING_TOLERANCE)} fieldbooks may round.`,
    { fixHint: 'Check the tax codes and whether amounts include tax on the invoice lines, correct the invoice in the field-service app, then retry.', retryable: false },
  );
}

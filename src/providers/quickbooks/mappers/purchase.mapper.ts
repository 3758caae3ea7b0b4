/**
 * FSM supplier invoice → QBO Bill and FSM expense → QBO Purchase (pure). Both carry account-based
 * expense lines whose account is the line's own, else the supplier's default, else the tenant's
 * setting (defaultSupplierInvoiceAccount for bills, defaultExpenseAccount for expenses); tax codes per
 * line for non-US companies (US purchases carry no sales tax, QBO defaults the lines to NON); the team
 * as a class per line or a department per transaction. A Purchase is paid from a bank account (Cash)
 * or a credit card account (CreditCard), decided by the paying account's QBO type.
 */
import { type Decimal } from 'decimal.js';
import { type ExpenseRecord, type PurchaseLine, type SupplierInvoiceRecord } from '../../../ledger/ledger-record.types.js';
import { TeamTrackingCategory } from '../../../settings/accounting-settings.fields.js';
import { globalTaxCalculation, lineTaxCode } from './invoice.mapper.js';
import { dec, toQboAmount } from '../../../money/money.js';
import { type CompanyTax, type QboPayload, type QboRef, type SyncSettings } from '../../../sync/push.types.js';
import { settingMissing, SyncProblem } from '../../../sync/sync.errors.js';

export interface PurchaseLookups {
  settings: SyncSettings;
  tax: CompanyTax;
  /** The QBO vendor (required on bills, optional payee on expenses). */
  vendor?: QboRef;
  /** The supplier's own default expense account, if it has one. */
  supplierAccountId?: string | null;
  /** FSM team id → its QBO class or department (per teamTrackingCategory). */
  teams: ReadonlyMap<string, QboRef>;
  /** FSM supply id → its QBO Inventory item, for stock supplies bought on the record's lines. */
  stockItems?: ReadonlyMap<string, QboRef>;
}

export type PurchaseSetting = 'defaultSupplierInvoiceAccount' | 'defaultExpenseAccount';

/** Line account precedence: the line's own, the supplier's default, then the setting. */
export function purchaseLineAccount(line: Pick<PurchaseLine, 'accountId'>, ctx: Pick<PurchaseLookups, 'settings' | 'supplierAccountId'>, setting: PurchaseSetting): string {
  const fallback = setting === 'defaultSupplierInvoiceAccount' ? ctx.settings.defaultSupplierInvoiceAccountId : ctx.settings.defaultExpenseAccountId;
  const account = line.accountId ?? ctx.supplierAccountId ?? fallback;
  if (!account) throw settingMissing(setting, `for ${setting === 'defaultSupplierInvoiceAccount' ? 'supplier invoice' : 'expense'} lines that name no account (and whose supplier has none)`);
  return account;
}

function purchaseTaxCode(line: PurchaseLine, tax: CompanyTax): QboRef | undefined {
  if (tax.isUS) return undefined;
  const code = lineTaxCode(line, tax);
  if (!code) {
    // Non-US companies reject a purchase line without a tax code (6000); saying which line is kinder.
    throw new SyncProblem('TAX_CODE_NOT_FOUND', `The line "${line.description}" has no tax code; your QuickBooks company needs one on every line.`, {
      fixHint: 'Give every line a tax code your QuickBooks company has (as listed under Taxes in QuickBooks), then retry.',
      retryable: false,
      // Fixed in QuickBooks (the code added there), not in the record: RETRY can then succeed.
      actions: ['RETRY'],
    });
  }
  return code;
}

/** One account-based expense line. Tax-inclusive amounts go in TaxInclusiveAmt so QBO derives the net. */
export function expenseLine(line: PurchaseLine, accountId: string, taxInclusive: boolean, ctx: Pick<PurchaseLookups, 'tax' | 'settings' | 'teams'>): QboPayload {
  const detail: Record<string, unknown> = { AccountRef: { value: accountId }, BillableStatus: 'NotBillable' };
  const taxCode = purchaseTaxCode(line, ctx.tax);
  if (taxCode) detail.TaxCodeRef = taxCode;
  if (ctx.settings.teamTrackingCategory === TeamTrackingCategory.CLASS && line.teamId) {
    const cls = ctx.teams.get(line.teamId);
    if (cls) detail.ClassRef = cls;
  }
  const out: Record<string, unknown> = { DetailType: 'AccountBasedExpenseLineDetail' };
  if (line.description) out.Description = line.description.slice(0, 4000);
  if (taxInclusive && !ctx.tax.isUS) detail.TaxInclusiveAmt = toQboAmount(line.amount);
  else out.Amount = toQboAmount(line.amount);
  out.AccountBasedExpenseLineDetail = detail;
  return out;
}

/**
 * A stock supply bought: an item line on its Inventory item, so QBO raises the quantity on hand and
 * books the cost to the item's inventory asset account. Qty always; UnitPrice only on tax-exclusive
 * lines (QBO checks Qty x UnitPrice against the net amount, which a gross price would fail).
 */
export function stockLine(line: PurchaseLine, item: QboRef, taxInclusive: boolean, ctx: Pick<PurchaseLookups, 'tax' | 'settings' | 'teams'>): QboPayload {
  const detail: Record<string, unknown> = { ItemRef: item, BillableStatus: 'NotBillable' };
  if (line.quantity !== undefined) detail.Qty = dec(line.quantity).toNumber();
  const taxCode = purchaseTaxCode(line, ctx.tax);
  if (taxCode) detail.TaxCodeRef = taxCode;
  if (ctx.settings.teamTrackingCategory === TeamTrackingCategory.CLASS && line.teamId) {
    const cls = ctx.teams.get(line.teamId);
    if (cls) detail.ClassRef = cls;
  }
  const out: Record<string, unknown> = { DetailType: 'ItemBasedExpenseLineDetail' };
  if (line.description) out.Description = line.description.slice(0, 4000);
  if (taxInclusive && !ctx.tax.isUS) detail.TaxInclusiveAmt = toQboAmount(line.amount);
  else {
    out.Amount = toQboAmount(line.amount);
    if (line.unitCost !== undefined && line.quantity !== undefined) detail.UnitPrice = dec(line.unitCost).toNumber();
  }
  out.ItemBasedExpenseLineDetail = detail;
  return out;
}

function purchaseLines(lines: PurchaseLine[], taxInclusive: boolean, ctx: PurchaseLookups, setting: PurchaseSetting): QboPayload[] {
  return lines.map((line) => {
    const item = line.supplyId ? ctx.stockItems?.get(line.supplyId) : undefined;
    return item ? stockLine(line, item, taxInclusive, ctx) : expenseLine(line, purchaseLineAccount(line, ctx, setting), taxInclusive, ctx);
  });
}

function department(lines: PurchaseLine[], ctx: PurchaseLookups): Record<string, QboRef> {
  if (ctx.settings.teamTrackingCategory !== TeamTrackingCategory.DEPARTMENT) return {};
  const teamId = lines.find((l) => l.teamId)?.teamId;
  const ref = teamId ? ctx.teams.get(teamId) : undefined;
  return ref ? { DepartmentRef: ref } : {};
}

export function mapBill(record: SupplierInvoiceRecord, ctx: PurchaseLookups): QboPayload {
  if (!ctx.vendor) throw new Error('mapBill needs the vendor resolved first');
  return {
    VendorRef: ctx.vendor,
    DocNumber: record.number.slice(0, 21),
    TxnDate: record.date,
    ...(record.dueDate ? { DueDate: record.dueDate } : {}),
    ...globalTaxCalculation(record.taxInclusive, ctx.tax),
    ...department(record.lines, ctx),
    Line: purchaseLines(record.lines, record.taxInclusive, ctx, 'defaultSupplierInvoiceAccount'),
    PrivateNote: `fieldbooks supplier invoice ${record.externalId}`,
  };
}

/** The paying account of an expense: its own, else the payments account setting. */
export function paidFromAccount(record: Pick<ExpenseRecord, 'paidFromAccountId'>, settings: SyncSettings): string {
  const account = record.paidFromAccountId ?? settings.paymentsAccountId;
  if (!account) throw settingMissing('paymentsAccount', 'for expenses that do not say which account paid them');
  return account;
}

/** QBO wants a Bank account for Cash purchases and a Credit Card account for card purchases (facts §7.9). */
export function purchasePaymentType(accountId: string, accountType: string | undefined): 'Cash' | 'CreditCard' {
  if (accountType === 'Credit Card') return 'CreditCard';
  if (accountType === 'Bank') return 'Cash';
  throw new SyncProblem('REFERENCE_NOT_FOUND', `The account the expense is paid from is ${accountType ? `a ${accountType} account` : 'not in your QuickBooks chart of accounts'}; QuickBooks expenses are paid from a bank or credit card account.`, {
    fixHint: 'Pay the expense from a bank or credit card account in the field-service app (or choose one for "Account for Payments" in Accounting settings); refresh the chart of accounts if the account is new; then retry.',
    retryable: false,
  });
}

export function mapPurchase(record: ExpenseRecord, ctx: PurchaseLookups & { paidFrom: { id: string; accountType: string | undefined } }): QboPayload {
  const payload: QboPayload = {
    PaymentType: purchasePaymentType(ctx.paidFrom.id, ctx.paidFrom.accountType),
    AccountRef: { value: ctx.paidFrom.id },
    TxnDate: record.date,
    ...globalTaxCalculation(record.taxInclusive, ctx.tax),
    ...department(record.lines, ctx),
    Line: purchaseLines(record.lines, record.taxInclusive, ctx, 'defaultExpenseAccount'),
    PrivateNote: `fieldbooks expense ${record.externalId}`,
  };
  if (ctx.vendor) payload.EntityRef = { ...ctx.vendor, type: 'Vendor' };
  if (record.reference) payload.DocNumber = record.reference.slice(0, 21);
  return payload;
}

/** The rounding line of a bill or purchase: untaxed, on the rounding account. */
export function purchaseRoundingLine(difference: Decimal, ctx: Pick<PurchaseLookups, 'settings' | 'tax'>): QboPayload {
  if (!ctx.settings.defaultRoundingAccountId) throw settingMissing('defaultRoundingAccount', 'to absorb rounding differences');
  const detail: Record<string, unknown> = { AccountRef: { value: ctx.settings.defaultRoundingAccountId }, BillableStatus: 'NotBillable' };
  if (!ctx.tax.isUS && ctx.tax.exemptCode) detail.TaxCodeRef = ctx.tax.exemptCode;
  return { DetailType: 'AccountBasedExpenseLineDetail', Description: `Rounding (${difference.toFixed(2)})`, Amount: toQboAmount(difference), AccountBasedExpenseLineDetail: detail };
}

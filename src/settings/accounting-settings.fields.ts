/**
 * The accounting settings of the design's table, as data: which settings hold a QBO account and the
 * purpose each must fit, plus the enums of the non-account settings. Pure, shared by the model, the
 * service and the GraphQL types so a new setting is added in one place.
 */
import { AccountPurpose } from '../accounts/account-purpose.rules.js';

export const ACCOUNT_SETTINGS = [
  { setting: 'defaultLabourIncomeAccount', purpose: AccountPurpose.LABOUR_INCOME },
  { setting: 'defaultSuppliesIncomeAccount', purpose: AccountPurpose.SUPPLIES_INCOME },
  { setting: 'paymentsAccount', purpose: AccountPurpose.PAYMENT_DEPOSIT },
  { setting: 'creditCardPaymentsAccount', purpose: AccountPurpose.CARD_CLEARING },
  { setting: 'defaultSupplierInvoiceAccount', purpose: AccountPurpose.SUPPLIER_INVOICE_EXPENSE },
  { setting: 'defaultExpenseAccount', purpose: AccountPurpose.EXPENSE },
  { setting: 'defaultRoundingAccount', purpose: AccountPurpose.ROUNDING },
  { setting: 'retentionIncomeAccount', purpose: AccountPurpose.RETENTION_INCOME },
  { setting: 'creditNoteAccount', purpose: AccountPurpose.CREDIT_NOTE },
  { setting: 'badDebtAccount', purpose: AccountPurpose.BAD_DEBT },
  { setting: 'defaultInventoryAccount', purpose: AccountPurpose.INVENTORY_ASSET },
  { setting: 'defaultCostOfGoodsSoldAccount', purpose: AccountPurpose.COST_OF_GOODS_SOLD },
  { setting: 'discountAccount', purpose: AccountPurpose.DISCOUNT },
] as const;

export type AccountSettingName = (typeof ACCOUNT_SETTINGS)[number]['setting'];
/** The settings' names on the FSM's help page (`/work/shared/seed`), as bookkeepers know them. */
export const SETTING_LABELS: Readonly<Record<AccountSettingName, string>> = {
  defaultLabourIncomeAccount: 'Default Labour Income Account',
  defaultSuppliesIncomeAccount: 'Default Supplies Income Account',
  paymentsAccount: 'Account for Payments',
  creditCardPaymentsAccount: 'Account for Credit Card Payments',
  defaultSupplierInvoiceAccount: 'Default Supplier Invoice Account',
  defaultExpenseAccount: 'Default Expense Account',
  defaultRoundingAccount: 'Default Rounding Account',
  retentionIncomeAccount: 'Retention Income Account',
  creditNoteAccount: 'Credit Note Account',
  badDebtAccount: 'Bad Debt Account',
  defaultInventoryAccount: 'Default Inventory Account',
  defaultCostOfGoodsSoldAccount: 'Default Cost of Goods Sold Account',
  discountAccount: 'Discount Account',
};

/** Stored and input field of an account setting: the QBO account id. */
export type AccountSettingIdField = `${AccountSettingName}Id`;

export function idField(setting: AccountSettingName): AccountSettingIdField {
  return `${setting}Id`;
}

export enum InvoiceReferenceField {
  JOB_NUMBER = 'JOB_NUMBER',
  CUSTOMER_ORDER_NUMBER = 'CUSTOMER_ORDER_NUMBER',
  SITE_ADDRESS = 'SITE_ADDRESS',
  WORK_ORDER = 'WORK_ORDER',
}

export enum TeamTrackingCategory {
  CLASS = 'CLASS',
  DEPARTMENT = 'DEPARTMENT',
  NONE = 'NONE',
}

/** Settings kept for parity with other accounting packages that mean nothing in QBO, and why. */
export const NOT_APPLICABLE_TO_QUICKBOOKS = [
  {
    setting: 'pushSupplierInvoicesAsAwaitingApproval',
    reason: 'QuickBooks Online bills have no approval state (Xero has "Awaiting Approval"); supplier invoices are always pushed as open bills.',
  },
] as const;

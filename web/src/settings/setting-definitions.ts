/**
 * The settings screen's layout: the four groups and their order come from the FSM's own help page
 * (the project's seed), with the wording adapted to QuickBooks Online. Each account setting names the
 * purpose the gateway filters the chart of accounts by.
 */
import { type AccountPurpose } from '../generated/graphql.js';

export type AccountSettingId =
  | 'defaultLabourIncomeAccountId'
  | 'defaultSuppliesIncomeAccountId'
  | 'paymentsAccountId'
  | 'creditCardPaymentsAccountId'
  | 'defaultSupplierInvoiceAccountId'
  | 'defaultExpenseAccountId'
  | 'defaultRoundingAccountId'
  | 'retentionIncomeAccountId'
  | 'creditNoteAccountId'
  | 'badDebtAccountId'
  | 'defaultInventoryAccountId'
  | 'defaultCostOfGoodsSoldAccountId'
  | 'discountAccountId';

export type OtherSettingId =
  | 'invoiceReferenceField'
  | 'paymentMethodFromAccounts'
  | 'pushSupplierInvoicesAsAwaitingApproval'
  | 'teamTrackingCategory'
  | 'accountingStartDate'
  | 'relaxAccountSelectionRestrictions';

export type SettingDefinition =
  | { kind: 'account'; id: AccountSettingId; label: string; help: string; purpose: AccountPurpose }
  | { kind: 'other'; id: OtherSettingId; label: string; help: string };

export interface SettingGroup {
  title: string;
  settings: SettingDefinition[];
}

export const SETTING_GROUPS: SettingGroup[] = [
  {
    title: 'Customer Invoicing',
    settings: [
      { kind: 'other', id: 'invoiceReferenceField', label: 'Invoice Reference Field', help: 'This value appears in the reference field at the top of the invoice in QuickBooks.' },
      { kind: 'account', id: 'defaultLabourIncomeAccountId', purpose: 'LABOUR_INCOME', label: 'Default Labour Income Account', help: 'The income account of labour lines pushed to QuickBooks.' },
      { kind: 'account', id: 'defaultSuppliesIncomeAccountId', purpose: 'SUPPLIES_INCOME', label: 'Default Supplies Income Account', help: 'The income account of supplies (materials) lines pushed to QuickBooks.' },
    ],
  },
  {
    title: 'Payments',
    settings: [
      { kind: 'account', id: 'paymentsAccountId', purpose: 'PAYMENT_DEPOSIT', label: 'Account for Payments', help: 'The bank account payments are deposited to. It must be the account you reconcile in QuickBooks.' },
      { kind: 'account', id: 'creditCardPaymentsAccountId', purpose: 'CARD_CLEARING', label: 'Account for Credit Card Payments', help: 'Where card settlements appear. A clearing account makes reconciling against bank feeds much easier.' },
      { kind: 'other', id: 'paymentMethodFromAccounts', label: 'Payment Method from Accounts', help: 'Payments pulled back from QuickBooks are given this payment method, e.g. EFT.' },
    ],
  },
  {
    title: 'Bills & Expenses',
    settings: [
      { kind: 'account', id: 'defaultSupplierInvoiceAccountId', purpose: 'SUPPLIER_INVOICE_EXPENSE', label: 'Default Supplier Invoice Account', help: 'Used for supplier invoices (bills) when the supplier has no account of its own.' },
      { kind: 'account', id: 'defaultExpenseAccountId', purpose: 'EXPENSE', label: 'Default Expense Account', help: 'Used for expenses when the supplier has no account of its own.' },
      { kind: 'other', id: 'pushSupplierInvoicesAsAwaitingApproval', label: 'Push Supplier Invoices as Awaiting Approval', help: 'Sends supplier invoices as awaiting approval rather than awaiting payment.' },
    ],
  },
  {
    title: 'General Settings',
    settings: [
      { kind: 'account', id: 'defaultRoundingAccountId', purpose: 'ROUNDING', label: 'Default Rounding Account', help: 'Used for the line that absorbs rounding differences between fieldbooks and QuickBooks.' },
      { kind: 'account', id: 'retentionIncomeAccountId', purpose: 'RETENTION_INCOME', label: 'Retention Income Account', help: 'Used for retention lines on invoices and progress claims, and on completion and final retention invoices.' },
      { kind: 'account', id: 'creditNoteAccountId', purpose: 'CREDIT_NOTE', label: 'Credit Note Account', help: 'The income account of credit notes given to customers.' },
      { kind: 'account', id: 'badDebtAccountId', purpose: 'BAD_DEBT', label: 'Bad Debt Account', help: 'Used for the adjustment when an invoice is written off as a bad debt.' },
      { kind: 'account', id: 'defaultInventoryAccountId', purpose: 'INVENTORY_ASSET', label: 'Default Inventory Account', help: 'The inventory asset account of products created in QuickBooks when none is set.' },
      { kind: 'account', id: 'defaultCostOfGoodsSoldAccountId', purpose: 'COST_OF_GOODS_SOLD', label: 'Default Cost of Goods Sold Account', help: 'Where the cost of stock sold goes, for stock supplies that do not set their own account.' },
      { kind: 'account', id: 'discountAccountId', purpose: 'DISCOUNT', label: 'Discount Account', help: 'Where discount lines on invoices are posted. Leave empty to post them to the labour income account.' },
      { kind: 'other', id: 'teamTrackingCategory', label: 'Team Tracking Category', help: 'Which QuickBooks tracking category each team maps to: classes or departments (locations).' },
      { kind: 'other', id: 'accountingStartDate', label: 'Accounting Start Date', help: 'Only transactions dated on or after this date are pushed to QuickBooks.' },
      {
        kind: 'other',
        id: 'relaxAccountSelectionRestrictions',
        label: 'Relax Account Selection Restrictions',
        help: 'Stops filtering the account dropdowns by type, so any active account (expense, asset, equity, liability...) can be chosen on every screen.',
      },
    ],
  },
];

export const ACCOUNT_SETTING_IDS: AccountSettingId[] = SETTING_GROUPS.flatMap((g) => g.settings.flatMap((s) => (s.kind === 'account' ? [s.id] : [])));

export const INVOICE_REFERENCE_LABELS = {
  JOB_NUMBER: 'Job number',
  CUSTOMER_ORDER_NUMBER: 'Customer order number',
  SITE_ADDRESS: 'Site address',
  WORK_ORDER: 'Work order',
} as const;

export const TRACKING_CATEGORY_LABELS = {
  NONE: 'None',
  CLASS: 'Classes',
  DEPARTMENT: 'Departments (locations)',
} as const;

/**
 * The accounting settings by the names a bookkeeper sees on the settings screen (the FSM's help page,
 * the project's seed), so issues and hints name "Account for Payments", never `paymentsAccountId`.
 */
const LABELS: Record<string, string> = {
  invoiceReferenceField: 'Invoice Reference Field',
  defaultLabourIncomeAccount: 'Default Labour Income Account',
  defaultSuppliesIncomeAccount: 'Default Supplies Income Account',
  paymentsAccount: 'Account for Payments',
  creditCardPaymentsAccount: 'Account for Credit Card Payments',
  paymentMethodFromAccounts: 'Payment Method from Accounts',
  defaultSupplierInvoiceAccount: 'Default Supplier Invoice Account',
  defaultExpenseAccount: 'Default Expense Account',
  pushSupplierInvoicesAsAwaitingApproval: 'Push Supplier Invoices as Awaiting Approval',
  defaultRoundingAccount: 'Default Rounding Account',
  retentionIncomeAccount: 'Retention Income Account',
  creditNoteAccount: 'Credit Note Account',
  badDebtAccount: 'Bad Debt Account',
  defaultInventoryAccount: 'Default Inventory Account',
  teamTrackingCategory: 'Team Tracking Category',
  accountingStartDate: 'Accounting Start Date',
  relaxAccountSelectionRestrictions: 'Relax Account Selection Restrictions',
};

/** `paymentsAccount`, `paymentsAccountId` → `paymentsAccount`: account settings are named either way. */
function baseName(setting: string): string {
  return setting.endsWith('AccountId') ? setting.slice(0, -2) : setting;
}

/** The settings field a screen edits: the account id for account settings (`paymentsAccountId`), else the setting itself. */
export function settingField(setting: string): string {
  const base = baseName(setting);
  return base.endsWith('Account') && base in LABELS ? `${base}Id` : base;
}

/** The label on the settings screen, or null for a name that is not an accounting setting. */
export function settingLabel(setting: string): string | null {
  return LABELS[baseName(setting)] ?? null;
}

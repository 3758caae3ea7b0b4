/**
 * What each account setting may point at: the purposes of the design's account-settings table and
 * the QBO AccountTypes allowed for each. One pure table, so the chart-of-accounts filter, the
 * settings validation and the override validation can never disagree.
 */

export enum AccountPurpose {
  LABOUR_INCOME = 'LABOUR_INCOME',
  SUPPLIES_INCOME = 'SUPPLIES_INCOME',
  PAYMENT_DEPOSIT = 'PAYMENT_DEPOSIT',
  CARD_CLEARING = 'CARD_CLEARING',
  SUPPLIER_INVOICE_EXPENSE = 'SUPPLIER_INVOICE_EXPENSE',
  EXPENSE = 'EXPENSE',
  ROUNDING = 'ROUNDING',
  RETENTION_INCOME = 'RETENTION_INCOME',
  CREDIT_NOTE = 'CREDIT_NOTE',
  BAD_DEBT = 'BAD_DEBT',
  INVENTORY_ASSET = 'INVENTORY_ASSET',
  SURCHARGE_INCOME = 'SURCHARGE_INCOME',
  DISCOUNT = 'DISCOUNT',
  COST_OF_GOODS_SOLD = 'COST_OF_GOODS_SOLD',
}

/** QBO's AccountType values (the API's spelling, spaces included). */
export const QBO_ACCOUNT_TYPES = [
  'Bank',
  'Accounts Receivable',
  'Other Current Asset',
  'Fixed Asset',
  'Other Asset',
  'Accounts Payable',
  'Credit Card',
  'Other Current Liability',
  'Long Term Liability',
  'Equity',
  'Income',
  'Cost of Goods Sold',
  'Expense',
  'Other Income',
  'Other Expense',
] as const;

export type QboAccountType = (typeof QBO_ACCOUNT_TYPES)[number];

export const ALLOWED_ACCOUNT_TYPES: Readonly<Record<AccountPurpose, readonly QboAccountType[]>> = Object.freeze({
  [AccountPurpose.LABOUR_INCOME]: ['Income', 'Other Income'],
  [AccountPurpose.SUPPLIES_INCOME]: ['Income', 'Other Income'],
  [AccountPurpose.PAYMENT_DEPOSIT]: ['Bank', 'Other Current Asset'],
  // A clearing account for card settlements; some businesses clear through the card's own account.
  [AccountPurpose.CARD_CLEARING]: ['Bank', 'Other Current Asset', 'Credit Card'],
  [AccountPurpose.SUPPLIER_INVOICE_EXPENSE]: ['Expense', 'Other Expense', 'Cost of Goods Sold'],
  [AccountPurpose.EXPENSE]: ['Expense', 'Other Expense', 'Cost of Goods Sold'],
  // A rounding difference can go either way, so income and expense accounts both fit.
  [AccountPurpose.ROUNDING]: ['Income', 'Other Income', 'Expense', 'Other Expense'],
  // Retention withheld is often carried as a receivable until released.
  [AccountPurpose.RETENTION_INCOME]: ['Income', 'Other Income', 'Other Current Asset'],
  [AccountPurpose.CREDIT_NOTE]: ['Income', 'Other Income'],
  // Write-offs are usually an expense; some businesses reduce income instead.
  [AccountPurpose.BAD_DEBT]: ['Expense', 'Other Expense', 'Income'],
  [AccountPurpose.INVENTORY_ASSET]: ['Other Current Asset'],
  [AccountPurpose.SURCHARGE_INCOME]: ['Income', 'Other Income'],
  // Discounts given reduce income (QBO's own "Discounts given" is an Income account); some book them as an expense.
  [AccountPurpose.DISCOUNT]: ['Income', 'Other Income', 'Expense', 'Other Expense'],
  // QBO refuses any other type as an Inventory item's expense account (docs/qbo-facts/inventory.md).
  [AccountPurpose.COST_OF_GOODS_SOLD]: ['Cost of Goods Sold'],
});

export function allowedAccountTypes(purpose: AccountPurpose): readonly QboAccountType[] {
  return ALLOWED_ACCOUNT_TYPES[purpose];
}

export function isAccountTypeAllowed(purpose: AccountPurpose, accountType: string): boolean {
  return (ALLOWED_ACCOUNT_TYPES[purpose] as readonly string[]).includes(accountType);
}

/** "Income, Other Income": for messages. */
export function describeAllowedTypes(purpose: AccountPurpose): string {
  return ALLOWED_ACCOUNT_TYPES[purpose].join(', ');
}

import { describe, expect, it } from 'vitest';
import { ACCOUNT_TYPES } from '../sandbox/company/entities/account.entity.js';
import { AccountPurpose, ALLOWED_ACCOUNT_TYPES, describeAllowedTypes, isAccountTypeAllowed, QBO_ACCOUNT_TYPES } from './account-purpose.rules.js';
import { accountReferenceProblem } from './account-reference.rules.js';

describe('account purposes', () => {
  it('follows the design table for every purpose', () => {
    expect(ALLOWED_ACCOUNT_TYPES).toEqual({
      LABOUR_INCOME: ['Income', 'Other Income'],
      SUPPLIES_INCOME: ['Income', 'Other Income'],
      PAYMENT_DEPOSIT: ['Bank', 'Other Current Asset'],
      CARD_CLEARING: ['Bank', 'Other Current Asset', 'Credit Card'],
      SUPPLIER_INVOICE_EXPENSE: ['Expense', 'Other Expense', 'Cost of Goods Sold'],
      EXPENSE: ['Expense', 'Other Expense', 'Cost of Goods Sold'],
      ROUNDING: ['Income', 'Other Income', 'Expense', 'Other Expense'],
      RETENTION_INCOME: ['Income', 'Other Income', 'Other Current Asset'],
      CREDIT_NOTE: ['Income', 'Other Income'],
      BAD_DEBT: ['Expense', 'Other Expense', 'Income'],
      INVENTORY_ASSET: ['Other Current Asset'],
      SURCHARGE_INCOME: ['Income', 'Other Income'],
      DISCOUNT: ['Income', 'Other Income', 'Expense', 'Other Expense'],
      COST_OF_GOODS_SOLD: ['Cost of Goods Sold'],
    });
  });

  it('covers every purpose and names only real QBO account types', () => {
    expect(Object.keys(ALLOWED_ACCOUNT_TYPES).sort()).toEqual(Object.values(AccountPurpose).sort());
    // The simulator's type table is transcribed from Intuit's docs: the two lists must agree.
    expect([...QBO_ACCOUNT_TYPES].sort()).toEqual(Object.keys(ACCOUNT_TYPES).sort());
  });

  it('matches account types exactly (QBO spelling, case and spaces)', () => {
    expect(isAccountTypeAllowed(AccountPurpose.INVENTORY_ASSET, 'Other Current Asset')).toBe(true);
    expect(isAccountTypeAllowed(AccountPurpose.INVENTORY_ASSET, 'other current asset')).toBe(false);
    expect(isAccountTypeAllowed(AccountPurpose.INVENTORY_ASSET, 'OtherCurrentAsset')).toBe(false);
    expect(isAccountTypeAllowed(AccountPurpose.LABOUR_INCOME, 'Expense')).toBe(false);
    expect(describeAllowedTypes(AccountPurpose.LABOUR_INCOME)).toBe('Income, Other Income');
  });
});

describe('account reference rules', () => {
  const ref = { path: ['input', 'defaultLabourIncomeAccountId'], setting: 'defaultLabourIncomeAccount', accountId: '42', purpose: AccountPurpose.LABOUR_INCOME };
  const officeSupplies = { qboId: '42', name: 'Office Supplies', accountType: 'Expense', active: true };

  it('accepts an active account of an allowed type', () => {
    expect(accountReferenceProblem(ref, { ...officeSupplies, accountType: 'Other Income' }, false)).toBeUndefined();
  });

  it('names the account, its type, the setting and the allowed types when the type does not fit', () => {
    expect(accountReferenceProblem(ref, officeSupplies, false)).toBe(
      'account 42 (Office Supplies, Expense) is not allowed for defaultLabourIncomeAccount: allowed types are Income, Other Income',
    );
  });

  it('lets any type through when relaxed, but never an inactive or unknown account', () => {
    expect(accountReferenceProblem(ref, officeSupplies, true)).toBeUndefined();
    expect(accountReferenceProblem(ref, { ...officeSupplies, active: false }, true)).toBe('account 42 (Office Supplies, Expense) is inactive in QuickBooks');
    expect(accountReferenceProblem(ref, undefined, true)).toMatch(/^account 42 is not in the chart of accounts/);
  });
});

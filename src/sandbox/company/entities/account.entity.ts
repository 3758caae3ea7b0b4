/**
 * Account: Name (unique, no quotes or colons), AccountType or AccountSubType, derived
 * Classification and default sub-type, FullyQualifiedName for sub-accounts, CurrentBalance.
 */
import { faults } from '../../faults.js';
import { type EntityRules } from '../entity.rules.js';
import { optionalString } from '../validate.util.js';
import { applyActiveRename, applyHierarchy, assertUniqueName, ordered } from './name-list.shared.js';

/** AccountType → [Classification, default AccountSubType] (facts §7.1, §7.2). */
export const ACCOUNT_TYPES: Record<string, [string, string]> = {
  Bank: ['Asset', 'CashOnHand'],
  'Accounts Receivable': ['Asset', 'AccountsReceivable'],
  'Other Current Asset': ['Asset', 'OtherCurrentAssets'],
  'Fixed Asset': ['Asset', 'OtherFixedAssets'],
  'Other Asset': ['Asset', 'OtherLongTermAssets'],
  'Accounts Payable': ['Liability', 'AccountsPayable'],
  'Credit Card': ['Liability', 'CreditCard'],
  'Other Current Liability': ['Liability', 'OtherCurrentLiabilities'],
  'Long Term Liability': ['Liability', 'OtherLongTermLiabilities'],
  Equity: ['Equity', 'OpeningBalanceEquity'],
  Income: ['Revenue', 'ServiceFeeIncome'],
  'Cost of Goods Sold': ['Expense', 'SuppliesMaterialsCogs'],
  Expense: ['Expense', 'OfficeGeneralAdministrativeExpenses'],
  'Other Income': ['Revenue', 'OtherMiscellaneousIncome'],
  'Other Expense': ['Expense', 'OtherMiscellaneousExpense'],
};

/** Sub-types we know the parent type of, so a create with only AccountSubType works. */
const SUBTYPE_PARENT: Record<string, string> = {
  Checking: 'Bank', Savings: 'Bank', CashOnHand: 'Bank', AccountsReceivable: 'Accounts Receivable',
  UndepositedFunds: 'Other Current Asset', Inventory: 'Other Current Asset', PrepaidExpenses: 'Other Current Asset', OtherCurrentAssets: 'Other Current Asset',
  AccountsPayable: 'Accounts Payable', CreditCard: 'Credit Card', GlobalTaxPayable: 'Other Current Liability', OtherCurrentLiabilities: 'Other Current Liability',
  SalesOfProductIncome: 'Income', ServiceFeeIncome: 'Income', OtherPrimaryIncome: 'Income', DiscountsRefundsGiven: 'Income',
  SuppliesMaterialsCogs: 'Cost of Goods Sold', CostOfLabourCos: 'Cost of Goods Sold', BadDebts: 'Expense', SuppliesMaterials: 'Expense',
  OtherMiscellaneousExpense: 'Other Expense', OtherMiscellaneousIncome: 'Other Income', OpeningBalanceEquity: 'Equity', RetainedEarnings: 'Equity',
};

export const accountRules: EntityRules = {
  entity: 'Account',
  kind: 'name',
  schemaType: 'Account',
  computed: ['FullyQualifiedName', 'Classification', 'CurrentBalance', 'CurrentBalanceWithSubAccounts'],
  lengths: { Name: 100, Description: 100 },
  build(ctx, draft, previous) {
    const name = optionalString(draft, 'Name');
    if (!name) throw faults.requiredMissing('Name');
    if (/[":]/.test(name)) throw faults.businessValidation('Account name cannot contain a double quote (") or a colon (:).', 'Name');
    const acctNum = optionalString(draft, 'AcctNum');
    const maxAcctNum = ctx.profile.country === 'AU' ? 20 : 7;
    if (acctNum && acctNum.length > maxAcctNum) throw faults.tooLong('AcctNum', maxAcctNum, acctNum.length);
    let type = optionalString(draft, 'AccountType');
    const subType = optionalString(draft, 'AccountSubType');
    if (!type && subType) type = SUBTYPE_PARENT[subType];
    if (!type) throw faults.requiredMissing('AccountType');
    const info = ACCOUNT_TYPES[type];
    if (!info) throw faults.validation('2010', 'Request has invalid or unsupported property', `Property Name:AccountType has an invalid value ${JSON.stringify(type)}`, 'AccountType');
    assertUniqueName(ctx, [{ entity: 'Account', field: 'FullyQualifiedName' }], name, { entity: 'Account', id: previous?.Id }, 'account');
    draft.AccountType = type;
    draft.AccountSubType = subType ?? info[1];
    draft.Classification = info[0];
    applyActiveRename(draft, 'Name');
    applyHierarchy(ctx, 'Account', draft, 'Name', 'SubAccount', previous?.Id);
    draft.CurrentBalance = previous?.CurrentBalance ?? 0;
    draft.CurrentBalanceWithSubAccounts = previous?.CurrentBalanceWithSubAccounts ?? 0;
    draft.CurrencyRef = previous?.CurrencyRef ?? draft.CurrencyRef ?? ctx.profile.currency;
    return ordered(draft, ['Name', 'SubAccount', 'ParentRef', 'FullyQualifiedName', 'Active', 'Classification', 'AccountType', 'AccountSubType', 'AcctNum', 'CurrentBalance', 'CurrentBalanceWithSubAccounts', 'CurrencyRef']);
  },
};

/** GraphQL types of the chart-of-accounts slice: accounts, tracking categories, tax codes, QBO payment methods. */
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../graphql/pagination.js';
import { MoneyScalar } from '../graphql/scalars.js';
import { ALLOWED_ACCOUNT_TYPES, AccountPurpose } from './account-purpose.rules.js';

const PURPOSE_WORDS: Readonly<Record<AccountPurpose, string>> = {
  [AccountPurpose.LABOUR_INCOME]: 'Income from labour lines.',
  [AccountPurpose.SUPPLIES_INCOME]: 'Income from supplies and materials lines.',
  [AccountPurpose.SURCHARGE_INCOME]: 'Card surcharges collected.',
  [AccountPurpose.RETENTION_INCOME]: 'Retention withheld and released.',
  [AccountPurpose.DISCOUNT]: 'Discount lines.',
  [AccountPurpose.ROUNDING]: 'Rounding lines that make totals agree to the cent.',
  [AccountPurpose.CREDIT_NOTE]: 'Credit note lines.',
  [AccountPurpose.BAD_DEBT]: 'Bad-debt write-offs.',
  [AccountPurpose.PAYMENT_DEPOSIT]: 'Where customer payments are deposited (e.g. Undeposited Funds).',
  [AccountPurpose.CARD_CLEARING]: 'Where card payments are deposited until the card provider settles.',
  [AccountPurpose.EXPENSE]: 'Expense (QuickBooks Purchase) lines.',
  [AccountPurpose.SUPPLIER_INVOICE_EXPENSE]: 'Supplier invoice (QuickBooks Bill) lines.',
  [AccountPurpose.INVENTORY_ASSET]: 'Stock on hand of inventory items.',
  [AccountPurpose.COST_OF_GOODS_SOLD]: 'Cost of stock sold.',
};

registerEnumType(AccountPurpose, {
  name: 'AccountPurpose',
  description: 'What an account setting is used for; each purpose allows certain QBO account types.',
  // The allowed types come from the rule table itself, so the contract cannot drift from what is enforced.
  valuesConfig: Object.fromEntries(
    Object.values(AccountPurpose).map((purpose) => [purpose, { description: `${PURPOSE_WORDS[purpose]} QuickBooks account types allowed: ${ALLOWED_ACCOUNT_TYPES[purpose].join(', ')}.` }]),
  ),
});

export enum TrackingKind {
  CLASS = 'CLASS',
  DEPARTMENT = 'DEPARTMENT',
}
registerEnumType(TrackingKind, { name: 'TrackingKind', description: 'QBO tracking categories: classes, or departments (called locations in some companies).',
  valuesConfig: {
    CLASS: { description: 'QuickBooks classes.' },
    DEPARTMENT: { description: 'QuickBooks departments (called locations in some companies).' },
  },
});

export enum ChartOfAccountsState {
  LOADING = 'LOADING',
  READY = 'READY',
  FAILED = 'FAILED',
  NOT_CONNECTED = 'NOT_CONNECTED',
}
registerEnumType(ChartOfAccountsState, {
  name: 'ChartOfAccountsState',
  description: 'Whether the cached chart of accounts is filled, so an empty list can be told from one not read yet.',
  valuesConfig: {
    LOADING: { description: 'Connected; the chart is being read from QuickBooks (the lists are empty or partial until then).' },
    READY: { description: 'Filled from the connected company (or kept from an earlier connection).' },
    FAILED: { description: 'Reading the chart from QuickBooks failed; the message says why. refreshChartOfAccounts tries again.' },
    NOT_CONNECTED: { description: 'Never filled, and no QuickBooks company is connected to fill it from.' },
  },
});

// simpleResolvers: plain fields take no arguments, so they skip the global middlewares (input caps)
// that would otherwise run for every field of every row of a dropdown.
@ObjectType('Account', { simpleResolvers: true, description: "An account of the connected QBO company's chart of accounts (from the gateway's cache)." })
export class AccountType {
  @Field(() => ID, { description: 'The QBO account Id.' })
  id!: string;

  @Field(() => String, { description: 'The account name in QuickBooks.' })
  name!: string;

  @Field(() => String, { description: 'Parent names and the name, colon-separated ("Labour Income:Domestic").' })
  fullyQualifiedName!: string;

  @Field(() => String, { nullable: true, description: 'QBO AcctNum, when account numbers are on.' })
  accountNumber!: string | null;

  @Field(() => String, { description: 'QBO AccountType, e.g. "Income", "Other Current Asset".' })
  accountType!: string;

  @Field(() => String, { nullable: true, description: 'QBO AccountSubType, e.g. "ServiceFeeIncome"; null when QuickBooks gives none.' })
  accountSubType!: string | null;

  @Field(() => String, { nullable: true, description: 'Asset, Liability, Equity, Revenue or Expense.' })
  classification!: string | null;

  @Field(() => Boolean, { description: 'False when made inactive in QuickBooks (inactive accounts cannot be chosen in settings).' })
  active!: boolean;

  @Field(() => MoneyScalar, { description: 'Balance when the cache was last refreshed.' })
  currentBalance!: string;

  @Field(() => String, { nullable: true, description: 'Currency code, e.g. "AUD".' })
  currency!: string | null;

  @Field(() => ID, { nullable: true, description: 'The parent account Id of a sub-account.' })
  parentId!: string | null;

  @Field(() => [AccountPurpose], { description: 'The purposes this account fits (ignoring relaxAccountSelectionRestrictions).' })
  purposes!: AccountPurpose[];

  @Field(() => String, { description: 'QBO SyncToken at the last refresh.' })
  syncToken!: string;

  @Field(() => Date, { nullable: true, description: "QBO's MetaData.LastUpdatedTime." })
  lastUpdatedAt!: Date | null;
}

export const { ConnectionType: AccountConnection, EdgeType: AccountEdge } = connectionTypes('Account', AccountType, 'accounts');
export type AccountConnection = InstanceType<typeof AccountConnection>;

@ObjectType('TrackingCategory', { simpleResolvers: true, description: 'A QBO class or department; each FSM team can map to one.' })
export class TrackingCategoryType {
  @Field(() => ID, { description: 'The QuickBooks class or department id.' })
  id!: string;

  @Field(() => TrackingKind, { description: 'Class or department.' })
  kind!: TrackingKind;

  @Field(() => String, { description: 'Its name in QuickBooks.' })
  name!: string;

  @Field(() => String, { description: 'Parent names and the name, colon-separated.' })
  fullyQualifiedName!: string;

  @Field(() => Boolean, { description: 'False when made inactive in QuickBooks.' })
  active!: boolean;

  @Field(() => ID, { nullable: true, description: 'The parent class or department id; null at the top.' })
  parentId!: string | null;
}

@ObjectType('TaxCode', { simpleResolvers: true, description: 'A QBO tax code (non-US companies put one on every line).' })
export class TaxCodeType {
  @Field(() => ID, { description: 'The QuickBooks TaxCode id.' })
  id!: string;

  @Field(() => String, { description: 'The tax code name, as lines name it (e.g. "GST", "FRE").' })
  name!: string;

  @Field(() => String, { nullable: true, description: "QuickBooks' description of the code; null when none." })
  description!: string | null;

  @Field(() => Boolean, { description: 'False when made inactive in QuickBooks.' })
  active!: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Whether the code charges tax; null when QuickBooks does not say.' })
  taxable!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the code combines several tax rates; null when QuickBooks does not say.' })
  taxGroup!: boolean | null;
}

@ObjectType('QuickBooksPaymentMethod', { simpleResolvers: true, description: 'A payment method defined in QBO (not the FSM\'s own payment methods).' })
export class QuickBooksPaymentMethodType {
  @Field(() => ID, { description: 'The QuickBooks PaymentMethod id.' })
  id!: string;

  @Field(() => String, { description: 'Its name in QuickBooks.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'CREDIT_CARD or NON_CREDIT_CARD.' })
  type!: string | null;

  @Field(() => Boolean, { description: 'False when made inactive in QuickBooks.' })
  active!: boolean;
}

/** GraphQL types of the chart-of-accounts slice: accounts, tracking categories, tax codes, QBO payment methods. */
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../graphql/pagination.js';
import { MoneyScalar } from '../graphql/scalars.js';
import { AccountPurpose } from './account-purpose.rules.js';

registerEnumType(AccountPurpose, {
  name: 'AccountPurpose',
  description: 'What an account setting is used for; each purpose allows certain QBO account types.',
});

export enum TrackingKind {
  CLASS = 'CLASS',
  DEPARTMENT = 'DEPARTMENT',
}
registerEnumType(TrackingKind, { name: 'TrackingKind', description: 'QBO tracking categories: classes, or departments (called locations in some companies).' });

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

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'Parent names and the name, colon-separated ("Labour Income:Domestic").' })
  fullyQualifiedName!: string;

  @Field(() => String, { nullable: true, description: 'QBO AcctNum, when account numbers are on.' })
  accountNumber!: string | null;

  @Field(() => String, { description: 'QBO AccountType, e.g. "Income", "Other Current Asset".' })
  accountType!: string;

  @Field(() => String, { nullable: true })
  accountSubType!: string | null;

  @Field(() => String, { nullable: true, description: 'Asset, Liability, Equity, Revenue or Expense.' })
  classification!: string | null;

  @Field(() => Boolean)
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
  @Field(() => ID)
  id!: string;

  @Field(() => TrackingKind)
  kind!: TrackingKind;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  fullyQualifiedName!: string;

  @Field(() => Boolean)
  active!: boolean;

  @Field(() => ID, { nullable: true })
  parentId!: string | null;
}

@ObjectType('TaxCode', { simpleResolvers: true, description: 'A QBO tax code (non-US companies put one on every line).' })
export class TaxCodeType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Boolean)
  active!: boolean;

  @Field(() => Boolean, { nullable: true })
  taxable!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  taxGroup!: boolean | null;
}

@ObjectType('QuickBooksPaymentMethod', { simpleResolvers: true, description: 'A payment method defined in QBO (not the FSM\'s own payment methods).' })
export class QuickBooksPaymentMethodType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'CREDIT_CARD or NON_CREDIT_CARD.' })
  type!: string | null;

  @Field(() => Boolean)
  active!: boolean;
}

/** GraphQL types of the accounting settings: the settings object (account settings resolve to Accounts) and the input of a change. */
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '../graphql/scalars.js';
import { InvoiceReferenceField, TeamTrackingCategory } from './accounting-settings.fields.js';

registerEnumType(InvoiceReferenceField, { name: 'InvoiceReferenceField', description: "Which FSM value goes into the QBO invoice's reference field." });
registerEnumType(TeamTrackingCategory, { name: 'TeamTrackingCategory', description: 'Which QBO tracking category FSM teams map to.' });

export enum AccountSettingProblemKindEnum {
  INACTIVE = 'INACTIVE',
  DELETED = 'DELETED',
  WRONG_TYPE = 'WRONG_TYPE',
}
registerEnumType(AccountSettingProblemKindEnum, {
  name: 'AccountSettingProblemKind',
  description: 'Why a saved account setting cannot be used now: INACTIVE (made inactive in QuickBooks), DELETED (no longer in the chart of accounts), WRONG_TYPE (a type the setting does not allow, since Relax Account Selection Restrictions is off).',
});

// simpleResolvers: plain fields take no arguments, so they skip the global middlewares (input caps).
@ObjectType('AccountSettingProblem', { simpleResolvers: true, description: 'A saved account setting that a push cannot use as it is; pushes that need it are held with an issue naming the setting.' })
export class AccountSettingProblemType {
  @Field(() => String, { description: 'The setting (AccountingSettings field name without "Id"), e.g. defaultLabourIncomeAccount.' })
  setting!: string;

  @Field(() => String, { description: "The setting's name on the settings screen, e.g. \"Default Labour Income Account\"." })
  settingLabel!: string;

  @Field(() => ID)
  accountId!: string;

  @Field(() => String, { nullable: true, description: "The account's name in QuickBooks; null when it is no longer in the chart." })
  accountName!: string | null;

  @Field(() => AccountSettingProblemKindEnum)
  problem!: AccountSettingProblemKindEnum;

  @Field(() => String)
  message!: string;
}

@ObjectType('SettingsActor', { simpleResolvers: true, description: 'Who changed the settings: the API key used.' })
export class SettingsActorType {
  @Field(() => String)
  apiKeyPrefix!: string;

  @Field(() => String, { nullable: true })
  apiKeyLabel!: string | null;
}

@ObjectType('NotApplicableSetting', { simpleResolvers: true, description: 'A setting kept for parity with other accounting packages that has no effect with QuickBooks Online.' })
export class NotApplicableSettingType {
  @Field(() => String)
  setting!: string;

  @Field(() => String)
  reason!: string;
}

@ObjectType('AccountingSettings', { simpleResolvers: true, description: "The tenant's accounting settings. Each account setting resolves to its Account (null when unset)." })
export class AccountingSettingsType {
  @Field(() => InvoiceReferenceField, { nullable: true })
  invoiceReferenceField!: InvoiceReferenceField | null;

  @Field(() => ID, { nullable: true, description: 'QBO account id. Income account of labour lines (LABOUR_INCOME).' })
  defaultLabourIncomeAccountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'QBO account id. Income account of supplies/materials lines (SUPPLIES_INCOME).' })
  defaultSuppliesIncomeAccountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'QBO account id. Bank account payments are deposited to (PAYMENT_DEPOSIT).' })
  paymentsAccountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'QBO account id. Clearing account card payments are deposited to (CARD_CLEARING).' })
  creditCardPaymentsAccountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'QBO account id. Bill line account when the supplier has none (SUPPLIER_INVOICE_EXPENSE).' })
  defaultSupplierInvoiceAccountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'QBO account id. Expense (Purchase) line account when the supplier has none (EXPENSE).' })
  defaultExpenseAccountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'QBO account id. Account of rounding lines (ROUNDING).' })
  defaultRoundingAccountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'QBO account id. Account of retention withheld and released (RETENTION_INCOME).' })
  retentionIncomeAccountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'QBO account id. Account of credit note lines (CREDIT_NOTE).' })
  creditNoteAccountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'QBO account id. Account of bad-debt write-offs (BAD_DEBT).' })
  badDebtAccountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'QBO account id. Asset account of inventory items created in QBO (INVENTORY_ASSET).' })
  defaultInventoryAccountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'QBO account id. Cost of goods sold of inventory items created in QBO, unless the supply sets its own (COST_OF_GOODS_SOLD).' })
  defaultCostOfGoodsSoldAccountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'QBO account id. Account of DISCOUNT invoice lines; null: they post to the labour income account (DISCOUNT).' })
  discountAccountId!: string | null;

  @Field(() => String, { nullable: true, description: 'externalId of the FSM payment method given to payments pulled back from QBO.' })
  paymentMethodFromAccounts!: string | null;

  @Field(() => Boolean, { description: 'Kept for parity with Xero; has no effect with QBO (see notApplicableToQuickBooks).' })
  pushSupplierInvoicesAsAwaitingApproval!: boolean;

  @Field(() => [NotApplicableSettingType], { description: 'Settings that have no effect with QuickBooks Online, and why.' })
  notApplicableToQuickBooks!: NotApplicableSettingType[];

  @Field(() => TeamTrackingCategory)
  teamTrackingCategory!: TeamTrackingCategory;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Only transactions dated on or after it are pushed.' })
  accountingStartDate!: string | null;

  @Field(() => Boolean, { description: 'When true, account settings and the accounts query accept any active account.' })
  relaxAccountSelectionRestrictions!: boolean;

  @Field(() => Date, { nullable: true })
  updatedAt!: Date | null;

  @Field(() => SettingsActorType, { nullable: true })
  updatedBy!: SettingsActorType | null;
}

@InputType('AccountingSettingsInput', { description: 'A partial change: omitted fields are left alone; null clears a field (back to its default).' })
export class AccountingSettingsInput {
  @Field(() => InvoiceReferenceField, { nullable: true })
  invoiceReferenceField?: InvoiceReferenceField | null;

  @Field(() => ID, { nullable: true })
  defaultLabourIncomeAccountId?: string | null;

  @Field(() => ID, { nullable: true })
  defaultSuppliesIncomeAccountId?: string | null;

  @Field(() => ID, { nullable: true })
  paymentsAccountId?: string | null;

  @Field(() => ID, { nullable: true })
  creditCardPaymentsAccountId?: string | null;

  @Field(() => ID, { nullable: true })
  defaultSupplierInvoiceAccountId?: string | null;

  @Field(() => ID, { nullable: true })
  defaultExpenseAccountId?: string | null;

  @Field(() => ID, { nullable: true })
  defaultRoundingAccountId?: string | null;

  @Field(() => ID, { nullable: true })
  retentionIncomeAccountId?: string | null;

  @Field(() => ID, { nullable: true })
  creditNoteAccountId?: string | null;

  @Field(() => ID, { nullable: true })
  badDebtAccountId?: string | null;

  @Field(() => ID, { nullable: true })
  defaultInventoryAccountId?: string | null;

  @Field(() => ID, { nullable: true })
  defaultCostOfGoodsSoldAccountId?: string | null;

  @Field(() => ID, { nullable: true })
  discountAccountId?: string | null;

  @Field(() => String, { nullable: true, description: 'An FSM payment method, by externalId or name.' })
  paymentMethodFromAccounts?: string | null;

  @Field(() => Boolean, { nullable: true })
  pushSupplierInvoicesAsAwaitingApproval?: boolean | null;

  @Field(() => TeamTrackingCategory, { nullable: true })
  teamTrackingCategory?: TeamTrackingCategory | null;

  @Field(() => LocalDateScalar, { nullable: true })
  accountingStartDate?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Counts for the accounts in the same input.' })
  relaxAccountSelectionRestrictions?: boolean | null;
}

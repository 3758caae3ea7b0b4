/** GraphQL types of the accounting settings: the settings object (account settings resolve to Accounts) and the input of a change. */
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '../graphql/scalars.js';
import { InvoiceReferenceField, TeamTrackingCategory } from './accounting-settings.fields.js';

registerEnumType(InvoiceReferenceField, { name: 'InvoiceReferenceField', description: "Which FSM value goes into the QBO invoice's reference field.",
  valuesConfig: {
    JOB_NUMBER: { description: 'The FSM job number.' },
    CUSTOMER_ORDER_NUMBER: { description: "The customer's order (PO) number." },
    SITE_ADDRESS: { description: 'The site address.' },
    WORK_ORDER: { description: 'The FSM work order number.' },
  },
});
registerEnumType(TeamTrackingCategory, { name: 'TeamTrackingCategory', description: 'Which QBO tracking category FSM teams map to.',
  valuesConfig: {
    NONE: { description: 'Teams are not tracked in QuickBooks.' },
    CLASS: { description: 'Each team is a QuickBooks class.' },
    DEPARTMENT: { description: 'Each team is a QuickBooks department (location).' },
  },
});

export enum AccountSettingProblemKindEnum {
  INACTIVE = 'INACTIVE',
  DELETED = 'DELETED',
  WRONG_TYPE = 'WRONG_TYPE',
}
registerEnumType(AccountSettingProblemKindEnum, {
  name: 'AccountSettingProblemKind',
  description: 'Why a saved account setting cannot be used now: INACTIVE (made inactive in QuickBooks), DELETED (no longer in the chart of accounts), WRONG_TYPE (a type the setting does not allow, since Relax Account Selection Restrictions is off).',
  valuesConfig: {
    INACTIVE: { description: 'The account was made inactive in QuickBooks.' },
    DELETED: { description: 'The account is no longer in the chart of accounts.' },
    WRONG_TYPE: { description: 'The account is of a type the setting does not allow (Relax Account Selection Restrictions is off).' },
  },
});

// simpleResolvers: plain fields take no arguments, so they skip the global middlewares (input caps).
@ObjectType('AccountSettingProblem', { simpleResolvers: true, description: 'A saved account setting that a push cannot use as it is; pushes that need it are held with an issue naming the setting.' })
export class AccountSettingProblemType {
  @Field(() => String, { description: 'The setting (AccountingSettings field name without "Id"), e.g. defaultLabourIncomeAccount.' })
  setting!: string;

  @Field(() => String, { description: "The setting's name on the settings screen, e.g. \"Default Labour Income Account\"." })
  settingLabel!: string;

  @Field(() => ID, { description: 'The QuickBooks account id saved in the setting.' })
  accountId!: string;

  @Field(() => String, { nullable: true, description: "The account's name in QuickBooks; null when it is no longer in the chart." })
  accountName!: string | null;

  @Field(() => AccountSettingProblemKindEnum, { description: 'Inactive, deleted or of a wrong type.' })
  problem!: AccountSettingProblemKindEnum;

  @Field(() => String, { description: 'The problem in plain words, naming the setting and the account.' })
  message!: string;
}

@ObjectType('SettingsActor', { simpleResolvers: true, description: 'Who changed the settings: the API key used.' })
export class SettingsActorType {
  @Field(() => String, { description: 'The first characters of the API key, to tell keys apart.' })
  apiKeyPrefix!: string;

  @Field(() => String, { nullable: true, description: "The API key's label; null when the key is gone." })
  apiKeyLabel!: string | null;
}

@ObjectType('NotApplicableSetting', { simpleResolvers: true, description: 'A setting kept for parity with other accounting packages that has no effect with QuickBooks Online.' })
export class NotApplicableSettingType {
  @Field(() => String, { description: 'The AccountingSettings field, e.g. pushSupplierInvoicesAsAwaitingApproval.' })
  setting!: string;

  @Field(() => String, { description: 'Why it has no effect with QuickBooks Online, in plain words.' })
  reason!: string;
}

@ObjectType('AccountingSettings', { simpleResolvers: true, description: "The tenant's accounting settings. Each account setting resolves to its Account (null when unset)." })
export class AccountingSettingsType {
  @Field(() => InvoiceReferenceField, { nullable: true, description: "Which FSM value goes into the QuickBooks invoice's reference field; null: none." })
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

  @Field(() => TeamTrackingCategory, { description: 'Which QuickBooks tracking category FSM teams map to.' })
  teamTrackingCategory!: TeamTrackingCategory;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Only transactions dated on or after it are pushed.' })
  accountingStartDate!: string | null;

  @Field(() => Boolean, { description: 'When true, account settings and the accounts query accept any active account.' })
  relaxAccountSelectionRestrictions!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the settings were last saved; null: never (defaults).' })
  updatedAt!: Date | null;

  @Field(() => SettingsActorType, { nullable: true, description: 'Who last saved them; null: never saved.' })
  updatedBy!: SettingsActorType | null;
}

@InputType('AccountingSettingsInput', { description: 'A partial change: omitted fields are left alone; null clears a field (back to its default).' })
export class AccountingSettingsInput {
  @Field(() => InvoiceReferenceField, { nullable: true, description: "Which FSM value goes into the QuickBooks invoice's reference field; null clears it." })
  invoiceReferenceField?: InvoiceReferenceField | null;

  @Field(() => ID, { nullable: true, description: 'QuickBooks account id (Account.id) of the setting: Income account of labour lines (LABOUR_INCOME). Null clears it.' })
  defaultLabourIncomeAccountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'QuickBooks account id (Account.id) of the setting: Income account of supplies/materials lines (SUPPLIES_INCOME). Null clears it.' })
  defaultSuppliesIncomeAccountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'QuickBooks account id (Account.id) of the setting: Bank account payments are deposited to (PAYMENT_DEPOSIT). Null clears it.' })
  paymentsAccountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'QuickBooks account id (Account.id) of the setting: Clearing account card payments are deposited to (CARD_CLEARING). Null clears it.' })
  creditCardPaymentsAccountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'QuickBooks account id (Account.id) of the setting: Bill line account when the supplier has none (SUPPLIER_INVOICE_EXPENSE). Null clears it.' })
  defaultSupplierInvoiceAccountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'QuickBooks account id (Account.id) of the setting: Expense (Purchase) line account when the supplier has none (EXPENSE). Null clears it.' })
  defaultExpenseAccountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'QuickBooks account id (Account.id) of the setting: Account of rounding lines (ROUNDING). Null clears it.' })
  defaultRoundingAccountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'QuickBooks account id (Account.id) of the setting: Account of retention withheld and released (RETENTION_INCOME). Null clears it.' })
  retentionIncomeAccountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'QuickBooks account id (Account.id) of the setting: Account of credit note lines (CREDIT_NOTE). Null clears it.' })
  creditNoteAccountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'QuickBooks account id (Account.id) of the setting: Account of bad-debt write-offs (BAD_DEBT). Null clears it.' })
  badDebtAccountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'QuickBooks account id (Account.id) of the setting: Asset account of inventory items created in QBO (INVENTORY_ASSET). Null clears it.' })
  defaultInventoryAccountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'QuickBooks account id (Account.id) of the setting: Cost of goods sold of inventory items created in QBO, unless the supply sets its own (COST_OF_GOODS_SOLD). Null clears it.' })
  defaultCostOfGoodsSoldAccountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'QuickBooks account id (Account.id) of the setting: Account of DISCOUNT invoice lines; null: they post to the labour income account (DISCOUNT). Null clears it.' })
  discountAccountId?: string | null;

  @Field(() => String, { nullable: true, description: 'An FSM payment method, by externalId or name.' })
  paymentMethodFromAccounts?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Kept for parity with Xero; has no effect with QuickBooks Online.' })
  pushSupplierInvoicesAsAwaitingApproval?: boolean | null;

  @Field(() => TeamTrackingCategory, { nullable: true, description: 'Which QuickBooks tracking category FSM teams map to.' })
  teamTrackingCategory?: TeamTrackingCategory | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Only transactions dated on or after it are pushed; null clears it.' })
  accountingStartDate?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Counts for the accounts in the same input.' })
  relaxAccountSelectionRestrictions?: boolean | null;
}

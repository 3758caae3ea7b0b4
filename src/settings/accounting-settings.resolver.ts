/** accountingSettings and updateAccountingSettings; every account setting resolves through the request's account loader. */
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { accountFor } from '../accounts/account.resolver.js';
import { AccountType } from '../accounts/account.type.js';
import { type GraphQLContext } from '../graphql/context.js';
import { NOT_APPLICABLE_TO_QUICKBOOKS, SETTING_LABELS } from './accounting-settings.fields.js';
import { type AccountingSettingsPatch, type SettingsView } from './accounting-settings.service.js';
import { AccountingSettingsInput, AccountingSettingsType, AccountSettingProblemKindEnum, AccountSettingProblemType } from './accounting-settings.type.js';

function toSettingsType(view: SettingsView): AccountingSettingsType {
  const { version: _version, ...values } = view;
  return { ...values, notApplicableToQuickBooks: NOT_APPLICABLE_TO_QUICKBOOKS.map((n) => ({ ...n })) };
}

/** The GraphQL input as a patch: type-graphql leaves omitted fields undefined, explicit nulls null. */
function toPatch(input: AccountingSettingsInput): AccountingSettingsPatch {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

const account = accountFor;

@Resolver(() => AccountingSettingsType)
export class AccountingSettingsResolver {
  @Query(() => AccountingSettingsType, { description: "The tenant's accounting settings (defaults until first saved)." })
  async accountingSettings(@Ctx() ctx: GraphQLContext): Promise<AccountingSettingsType> {
    // Its account problems are checked against the chart: right after a connection, wait (bounded) for the first fill.
    await ctx.services.chart.awaitFirstFill(ctx.tenant.id);
    return toSettingsType(await ctx.services.settings.get(ctx.tenant.id));
  }

  @Mutation(() => AccountingSettingsType, {
    description: 'Changes the given settings. Every account must exist, be active and fit its purpose (unless relaxed); otherwise nothing is saved and the error lists each bad field.',
  })
  async updateAccountingSettings(@Ctx() ctx: GraphQLContext, @Arg('input', () => AccountingSettingsInput, { description: 'The settings to change; omitted fields are left alone.' }) input: AccountingSettingsInput): Promise<AccountingSettingsType> {
    return toSettingsType(await ctx.services.settings.update(ctx.tenant.id, toPatch(input), { apiKeyPrefix: ctx.apiKeyPrefix }));
  }

  @FieldResolver(() => [AccountSettingProblemType], {
    description: 'Each saved account setting that cannot be used now (made inactive or deleted in QuickBooks, or of a wrong type once relax is off), checked against the cached chart of accounts.',
  })
  async accountProblems(@Ctx() ctx: GraphQLContext): Promise<AccountSettingProblemType[]> {
    const problems = await ctx.services.settings.accountProblems(ctx.tenant.id);
    return problems.map((p) => ({ ...p, settingLabel: SETTING_LABELS[p.setting], problem: p.problem as AccountSettingProblemKindEnum }));
  }

  @FieldResolver(() => AccountType, { nullable: true, description: 'The account of defaultLabourIncomeAccountId, from the cached chart of accounts; null when unset or no longer in the chart.' })
  defaultLabourIncomeAccount(@Ctx() ctx: GraphQLContext, @Root() settings: AccountingSettingsType): Promise<AccountType | null> {
    return account(ctx, settings.defaultLabourIncomeAccountId);
  }

  @FieldResolver(() => AccountType, { nullable: true, description: 'The account of defaultSuppliesIncomeAccountId, from the cached chart of accounts; null when unset or no longer in the chart.' })
  defaultSuppliesIncomeAccount(@Ctx() ctx: GraphQLContext, @Root() settings: AccountingSettingsType): Promise<AccountType | null> {
    return account(ctx, settings.defaultSuppliesIncomeAccountId);
  }

  @FieldResolver(() => AccountType, { nullable: true, description: 'The account of paymentsAccountId, from the cached chart of accounts; null when unset or no longer in the chart.' })
  paymentsAccount(@Ctx() ctx: GraphQLContext, @Root() settings: AccountingSettingsType): Promise<AccountType | null> {
    return account(ctx, settings.paymentsAccountId);
  }

  @FieldResolver(() => AccountType, { nullable: true, description: 'The account of creditCardPaymentsAccountId, from the cached chart of accounts; null when unset or no longer in the chart.' })
  creditCardPaymentsAccount(@Ctx() ctx: GraphQLContext, @Root() settings: AccountingSettingsType): Promise<AccountType | null> {
    return account(ctx, settings.creditCardPaymentsAccountId);
  }

  @FieldResolver(() => AccountType, { nullable: true, description: 'The account of defaultSupplierInvoiceAccountId, from the cached chart of accounts; null when unset or no longer in the chart.' })
  defaultSupplierInvoiceAccount(@Ctx() ctx: GraphQLContext, @Root() settings: AccountingSettingsType): Promise<AccountType | null> {
    return account(ctx, settings.defaultSupplierInvoiceAccountId);
  }

  @FieldResolver(() => AccountType, { nullable: true, description: 'The account of defaultExpenseAccountId, from the cached chart of accounts; null when unset or no longer in the chart.' })
  defaultExpenseAccount(@Ctx() ctx: GraphQLContext, @Root() settings: AccountingSettingsType): Promise<AccountType | null> {
    return account(ctx, settings.defaultExpenseAccountId);
  }

  @FieldResolver(() => AccountType, { nullable: true, description: 'The account of defaultRoundingAccountId, from the cached chart of accounts; null when unset or no longer in the chart.' })
  defaultRoundingAccount(@Ctx() ctx: GraphQLContext, @Root() settings: AccountingSettingsType): Promise<AccountType | null> {
    return account(ctx, settings.defaultRoundingAccountId);
  }

  @FieldResolver(() => AccountType, { nullable: true, description: 'The account of retentionIncomeAccountId, from the cached chart of accounts; null when unset or no longer in the chart.' })
  retentionIncomeAccount(@Ctx() ctx: GraphQLContext, @Root() settings: AccountingSettingsType): Promise<AccountType | null> {
    return account(ctx, settings.retentionIncomeAccountId);
  }

  @FieldResolver(() => AccountType, { nullable: true, description: 'The account of creditNoteAccountId, from the cached chart of accounts; null when unset or no longer in the chart.' })
  creditNoteAccount(@Ctx() ctx: GraphQLContext, @Root() settings: AccountingSettingsType): Promise<AccountType | null> {
    return account(ctx, settings.creditNoteAccountId);
  }

  @FieldResolver(() => AccountType, { nullable: true, description: 'The account of badDebtAccountId, from the cached chart of accounts; null when unset or no longer in the chart.' })
  badDebtAccount(@Ctx() ctx: GraphQLContext, @Root() settings: AccountingSettingsType): Promise<AccountType | null> {
    return account(ctx, settings.badDebtAccountId);
  }

  @FieldResolver(() => AccountType, { nullable: true, description: 'The account of defaultInventoryAccountId, from the cached chart of accounts; null when unset or no longer in the chart.' })
  defaultInventoryAccount(@Ctx() ctx: GraphQLContext, @Root() settings: AccountingSettingsType): Promise<AccountType | null> {
    return account(ctx, settings.defaultInventoryAccountId);
  }

  @FieldResolver(() => AccountType, { nullable: true, description: 'The account of defaultCostOfGoodsSoldAccountId, from the cached chart of accounts; null when unset or no longer in the chart.' })
  defaultCostOfGoodsSoldAccount(@Ctx() ctx: GraphQLContext, @Root() settings: AccountingSettingsType): Promise<AccountType | null> {
    return account(ctx, settings.defaultCostOfGoodsSoldAccountId);
  }

  @FieldResolver(() => AccountType, { nullable: true, description: 'The account of discountAccountId, from the cached chart of accounts; null when unset or no longer in the chart.' })
  discountAccount(@Ctx() ctx: GraphQLContext, @Root() settings: AccountingSettingsType): Promise<AccountType | null> {
    return account(ctx, settings.discountAccountId);
  }
}

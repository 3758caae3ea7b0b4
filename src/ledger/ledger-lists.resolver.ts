/** Upserts, lists and account overrides of job types, supplies, payment methods and teams. */
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { accountFor } from '../accounts/account.resolver.js';
import { AccountType } from '../accounts/account.type.js';
import { type GraphQLContext } from '../graphql/context.js';
import { InvoiceLineType, InvoiceRecordType, PaymentType, PurchaseLineType } from './ledger-record.type.js';
import { pageRequest, toConnection } from '../graphql/pagination.js';
import { type FsmListRecord, fsmListSortKey, type JobType, type PaymentMethod, type Supply, type Team } from './ledger-lists.service.js';
import {
  JobTypeConnection,
  JobTypeType,
  PaymentMethodConnection,
  PaymentMethodType,
  SupplyConnection,
  SupplyType,
  TeamConnection,
  TeamType,
  UpsertJobTypeInput,
  UpsertPaymentMethodInput,
  UpsertSupplyInput,
  UpsertTeamInput,
} from './ledger-lists.type.js';

function base(row: FsmListRecord) {
  return { id: row.id, externalId: row.externalId, name: row.name, active: row.active, updatedAt: row.updatedAt };
}
const toJobType = (row: JobType): JobTypeType => ({ ...base(row), labourIncomeAccountId: row.labourIncomeAccountId ?? null, materialsIncomeAccountId: row.materialsIncomeAccountId ?? null });
const toSupply = (row: Supply): SupplyType => ({
  ...base(row),
  code: row.code ?? null,
  incomeAccountId: row.incomeAccountId ?? null,
  trackInventory: row.trackInventory ?? false,
  inventoryAssetAccountId: row.inventoryAssetAccountId ?? null,
  costOfGoodsSoldAccountId: row.costOfGoodsSoldAccountId ?? null,
});
const toPaymentMethod = (row: PaymentMethod): PaymentMethodType => ({ ...base(row), isCard: row.isCard, surchargeIncomeAccountId: row.surchargeIncomeAccountId ?? null, surchargeTaxCode: row.surchargeTaxCode ?? null });
const toTeam = (row: Team): TeamType => base(row);

const account = accountFor;

@Resolver(() => JobTypeType)
export class JobTypeResolver {
  @Query(() => JobTypeConnection, { description: "The FSM's job types, by name." })
  async jobTypes(
    @Ctx() ctx: GraphQLContext,
    @Arg('search', () => String, { nullable: true, description: 'Only rows whose name (or code) contains this text, case-insensitive.' }) search: string | null | undefined,
    @Arg('first', () => Int, { nullable: true, description: 'Rows per page: 1 to 200 (default 50).' }) first: number | null | undefined,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page; absent: the first page.' }) after: string | null | undefined,
  ): Promise<JobTypeConnection> {
    const page = pageRequest(first, after);
    const { rows, totalCount } = await ctx.services.ledger.list('jobTypes', ctx.tenant.id, page, search);
    return toConnection(rows, page, totalCount, fsmListSortKey, toJobType);
  }

  @Mutation(() => JobTypeType, { description: 'Creates or updates the job type with this externalId (repeating a call is harmless).' })
  async upsertJobType(@Ctx() ctx: GraphQLContext, @Arg('input', () => UpsertJobTypeInput, { description: 'The record as the FSM has it now (every field, not a patch).' }) input: UpsertJobTypeInput): Promise<JobTypeType> {
    return toJobType(await ctx.services.ledger.upsertJobType(ctx.tenant.id, input));
  }

  @Mutation(() => JobTypeType, { description: 'Sets (or with null clears) the job type\'s income account overrides; omitted arguments are left alone.' })
  async setJobTypeAccounts(
    @Ctx() ctx: GraphQLContext,
    @Arg('jobTypeId', () => ID, { description: "The job type's gateway id (JobType.id)." }) jobTypeId: string,
    @Arg('labourIncomeAccountId', () => ID, { nullable: true, description: 'QuickBooks income account id for its labour lines; null clears the override; omitted: left alone.' }) labourIncomeAccountId: string | null | undefined,
    @Arg('materialsIncomeAccountId', () => ID, { nullable: true, description: 'QuickBooks income account id for its materials lines; null clears the override; omitted: left alone.' }) materialsIncomeAccountId: string | null | undefined,
  ): Promise<JobTypeType> {
    return toJobType(await ctx.services.ledger.setJobTypeAccounts(ctx.tenant.id, jobTypeId, { labourIncomeAccountId, materialsIncomeAccountId }));
  }

  @FieldResolver(() => AccountType, { nullable: true, description: 'The account of labourIncomeAccountId, from the cached chart of accounts; null when unset or no longer in the chart.' })
  labourIncomeAccount(@Ctx() ctx: GraphQLContext, @Root() row: JobTypeType): Promise<AccountType | null> {
    return account(ctx, row.labourIncomeAccountId);
  }

  @FieldResolver(() => AccountType, { nullable: true, description: 'The account of materialsIncomeAccountId, from the cached chart of accounts; null when unset or no longer in the chart.' })
  materialsIncomeAccount(@Ctx() ctx: GraphQLContext, @Root() row: JobTypeType): Promise<AccountType | null> {
    return account(ctx, row.materialsIncomeAccountId);
  }
}

@Resolver(() => SupplyType)
export class SupplyResolver {
  @Query(() => SupplyConnection, { description: "The FSM's supplies, by name." })
  async supplies(
    @Ctx() ctx: GraphQLContext,
    @Arg('search', () => String, { nullable: true, description: 'Only rows whose name (or code) contains this text, case-insensitive.' }) search: string | null | undefined,
    @Arg('first', () => Int, { nullable: true, description: 'Rows per page: 1 to 200 (default 50).' }) first: number | null | undefined,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page; absent: the first page.' }) after: string | null | undefined,
  ): Promise<SupplyConnection> {
    const page = pageRequest(first, after);
    const { rows, totalCount } = await ctx.services.ledger.list('supplies', ctx.tenant.id, page, search);
    return toConnection(rows, page, totalCount, fsmListSortKey, toSupply);
  }

  @Mutation(() => SupplyType, { description: 'Creates or updates the supply with this externalId (repeating a call is harmless).' })
  async upsertSupply(@Ctx() ctx: GraphQLContext, @Arg('input', () => UpsertSupplyInput, { description: 'The record as the FSM has it now (every field, not a patch).' }) input: UpsertSupplyInput): Promise<SupplyType> {
    return toSupply(await ctx.services.ledger.upsertSupply(ctx.tenant.id, input));
  }

  @Mutation(() => SupplyType, { description: "Sets (or with null clears) the supply's income account override." })
  async setSupplyIncomeAccount(
    @Ctx() ctx: GraphQLContext,
    @Arg('supplyId', () => ID, { description: "The supply's gateway id (Supply.id)." }) supplyId: string,
    @Arg('incomeAccountId', () => ID, { nullable: true, description: 'QuickBooks income account id for lines selling it; null clears the override.' }) incomeAccountId: string | null | undefined,
  ): Promise<SupplyType> {
    return toSupply(await ctx.services.ledger.setSupplyIncomeAccount(ctx.tenant.id, supplyId, incomeAccountId ?? null));
  }

  @FieldResolver(() => AccountType, { nullable: true, description: 'The account of incomeAccountId, from the cached chart of accounts; null when unset or no longer in the chart.' })
  incomeAccount(@Ctx() ctx: GraphQLContext, @Root() row: SupplyType): Promise<AccountType | null> {
    return account(ctx, row.incomeAccountId);
  }

  @Mutation(() => SupplyType, {
    description: "Sets (or with null clears) a stock supply's own inventory asset and cost of goods sold accounts; an omitted argument is left alone. Applies to its QuickBooks item when the item is first created.",
  })
  async setSupplyStockAccounts(
    @Ctx() ctx: GraphQLContext,
    @Arg('supplyId', () => ID, { description: "The supply's gateway id (Supply.id)." }) supplyId: string,
    @Arg('inventoryAssetAccountId', () => ID, { nullable: true, description: 'QuickBooks inventory asset account id; null clears it; omitted: left alone.' }) inventoryAssetAccountId: string | null | undefined,
    @Arg('costOfGoodsSoldAccountId', () => ID, { nullable: true, description: 'QuickBooks cost of goods sold account id; null clears it; omitted: left alone.' }) costOfGoodsSoldAccountId: string | null | undefined,
  ): Promise<SupplyType> {
    return toSupply(await ctx.services.ledger.setSupplyStockAccounts(ctx.tenant.id, supplyId, { inventoryAssetAccountId, costOfGoodsSoldAccountId }));
  }

  @FieldResolver(() => AccountType, { nullable: true, description: 'The account of inventoryAssetAccountId, from the cached chart of accounts; null when unset or no longer in the chart.' })
  inventoryAssetAccount(@Ctx() ctx: GraphQLContext, @Root() row: SupplyType): Promise<AccountType | null> {
    return account(ctx, row.inventoryAssetAccountId);
  }

  @FieldResolver(() => AccountType, { nullable: true, description: 'The account of costOfGoodsSoldAccountId, from the cached chart of accounts; null when unset or no longer in the chart.' })
  costOfGoodsSoldAccount(@Ctx() ctx: GraphQLContext, @Root() row: SupplyType): Promise<AccountType | null> {
    return account(ctx, row.costOfGoodsSoldAccountId);
  }
}

@Resolver(() => PaymentMethodType)
export class PaymentMethodResolver {
  @Query(() => PaymentMethodConnection, { description: "The FSM's payment methods." })
  async paymentMethods(
    @Ctx() ctx: GraphQLContext,
    @Arg('search', () => String, { nullable: true, description: 'Only rows whose name (or code) contains this text, case-insensitive.' }) search: string | null | undefined,
    @Arg('first', () => Int, { nullable: true, description: 'Rows per page: 1 to 200 (default 50).' }) first: number | null | undefined,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page; absent: the first page.' }) after: string | null | undefined,
  ): Promise<PaymentMethodConnection> {
    const page = pageRequest(first, after);
    const { rows, totalCount } = await ctx.services.ledger.list('paymentMethods', ctx.tenant.id, page, search);
    return toConnection(rows, page, totalCount, fsmListSortKey, toPaymentMethod);
  }

  @Mutation(() => PaymentMethodType, { description: 'Creates or updates the payment method with this externalId (repeating a call is harmless).' })
  async upsertPaymentMethod(@Ctx() ctx: GraphQLContext, @Arg('input', () => UpsertPaymentMethodInput, { description: 'The record as the FSM has it now (every field, not a patch).' }) input: UpsertPaymentMethodInput): Promise<PaymentMethodType> {
    return toPaymentMethod(await ctx.services.ledger.upsertPaymentMethod(ctx.tenant.id, input));
  }

  @Mutation(() => PaymentMethodType, { description: "Sets (or with null clears) the payment method's surcharge income account." })
  async setPaymentMethodSurchargeAccount(
    @Ctx() ctx: GraphQLContext,
    @Arg('paymentMethodId', () => ID, { description: "The payment method's gateway id (PaymentMethod.id)." }) paymentMethodId: string,
    @Arg('surchargeIncomeAccountId', () => ID, { nullable: true, description: 'QuickBooks income account id for its card surcharges; null clears it.' }) surchargeIncomeAccountId: string | null | undefined,
  ): Promise<PaymentMethodType> {
    return toPaymentMethod(await ctx.services.ledger.setPaymentMethodSurchargeAccount(ctx.tenant.id, paymentMethodId, surchargeIncomeAccountId ?? null));
  }

  @Mutation(() => PaymentMethodType, {
    description:
      "Sets the tax code of the payment method's card surcharges (a QuickBooks tax code name such as GST or FRE), or with null: the tax code of the invoices paid, as the ATO treats a surcharge as part of the price of the supply. Non-US companies.",
  })
  async setPaymentMethodSurchargeTaxCode(
    @Ctx() ctx: GraphQLContext,
    @Arg('paymentMethodId', () => ID, { description: "The payment method's gateway id (PaymentMethod.id)." }) paymentMethodId: string,
    @Arg('taxCode', () => String, { nullable: true, description: 'A QuickBooks tax code name (e.g. GST, FRE); null: the tax code of the invoices paid.' }) taxCode: string | null | undefined,
  ): Promise<PaymentMethodType> {
    return toPaymentMethod(await ctx.services.ledger.setPaymentMethodSurchargeTaxCode(ctx.tenant.id, paymentMethodId, taxCode ?? null));
  }

  @FieldResolver(() => AccountType, { nullable: true, description: 'The account of surchargeIncomeAccountId, from the cached chart of accounts; null when unset or no longer in the chart.' })
  surchargeIncomeAccount(@Ctx() ctx: GraphQLContext, @Root() row: PaymentMethodType): Promise<AccountType | null> {
    return account(ctx, row.surchargeIncomeAccountId);
  }
}

@Resolver(() => TeamType)
export class TeamResolver {
  @Query(() => TeamConnection, { description: "The FSM's teams, by name." })
  async teams(
    @Ctx() ctx: GraphQLContext,
    @Arg('search', () => String, { nullable: true, description: 'Only rows whose name (or code) contains this text, case-insensitive.' }) search: string | null | undefined,
    @Arg('first', () => Int, { nullable: true, description: 'Rows per page: 1 to 200 (default 50).' }) first: number | null | undefined,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page; absent: the first page.' }) after: string | null | undefined,
  ): Promise<TeamConnection> {
    const page = pageRequest(first, after);
    const { rows, totalCount } = await ctx.services.ledger.list('teams', ctx.tenant.id, page, search);
    return toConnection(rows, page, totalCount, fsmListSortKey, toTeam);
  }

  @Mutation(() => TeamType, { description: 'Creates or updates the team with this externalId (repeating a call is harmless).' })
  async upsertTeam(@Ctx() ctx: GraphQLContext, @Arg('input', () => UpsertTeamInput, { description: 'The record as the FSM has it now (every field, not a patch).' }) input: UpsertTeamInput): Promise<TeamType> {
    return toTeam(await ctx.services.ledger.upsertTeam(ctx.tenant.id, input));
  }
}

/** The job type, supply, team or payment method an id field of a ledger record points at (batched per request). */
async function jobTypeOf(ctx: GraphQLContext, id: string | null | undefined): Promise<JobTypeType | null> {
  const row = id ? await ctx.loaders.listRecord('jobTypes').load(id) : null;
  return row ? toJobType(row) : null;
}
async function supplyOf(ctx: GraphQLContext, id: string | null | undefined): Promise<SupplyType | null> {
  const row = id ? await ctx.loaders.listRecord('supplies').load(id) : null;
  return row ? toSupply(row) : null;
}
async function teamOf(ctx: GraphQLContext, id: string | null | undefined): Promise<TeamType | null> {
  const row = id ? await ctx.loaders.listRecord('teams').load(id) : null;
  return row ? toTeam(row) : null;
}

@Resolver(() => InvoiceRecordType)
export class InvoiceListReferencesResolver {
  @FieldResolver(() => JobTypeType, { nullable: true, description: 'The job type (jobTypeId); null when none.' })
  jobType(@Ctx() ctx: GraphQLContext, @Root() row: InvoiceRecordType): Promise<JobTypeType | null> {
    return jobTypeOf(ctx, row.jobTypeId);
  }

  @FieldResolver(() => TeamType, { nullable: true, description: 'The team that did the work (teamId); null when none.' })
  team(@Ctx() ctx: GraphQLContext, @Root() row: InvoiceRecordType): Promise<TeamType | null> {
    return teamOf(ctx, row.teamId);
  }
}

@Resolver(() => InvoiceLineType)
export class InvoiceLineReferencesResolver {
  @FieldResolver(() => JobTypeType, { nullable: true, description: "The line's job type (jobTypeId); null when none." })
  jobType(@Ctx() ctx: GraphQLContext, @Root() row: InvoiceLineType): Promise<JobTypeType | null> {
    return jobTypeOf(ctx, row.jobTypeId);
  }

  @FieldResolver(() => SupplyType, { nullable: true, description: 'The supply sold (supplyId); null when none.' })
  supply(@Ctx() ctx: GraphQLContext, @Root() row: InvoiceLineType): Promise<SupplyType | null> {
    return supplyOf(ctx, row.supplyId);
  }

  @FieldResolver(() => TeamType, { nullable: true, description: "The line's team (teamId); null when none." })
  team(@Ctx() ctx: GraphQLContext, @Root() row: InvoiceLineType): Promise<TeamType | null> {
    return teamOf(ctx, row.teamId);
  }
}

@Resolver(() => PurchaseLineType)
export class PurchaseLineReferencesResolver {
  @FieldResolver(() => SupplyType, { nullable: true, description: 'The supply bought (supplyId); null when none.' })
  supply(@Ctx() ctx: GraphQLContext, @Root() row: PurchaseLineType): Promise<SupplyType | null> {
    return supplyOf(ctx, row.supplyId);
  }

  @FieldResolver(() => TeamType, { nullable: true, description: 'The team the cost belongs to (teamId); null when none.' })
  team(@Ctx() ctx: GraphQLContext, @Root() row: PurchaseLineType): Promise<TeamType | null> {
    return teamOf(ctx, row.teamId);
  }
}

@Resolver(() => PaymentType)
export class PaymentMethodReferenceResolver {
  @FieldResolver(() => PaymentMethodType, { nullable: true, description: 'The FSM payment method (paymentMethodId).' })
  async paymentMethod(@Ctx() ctx: GraphQLContext, @Root() row: PaymentType): Promise<PaymentMethodType | null> {
    const method = await ctx.loaders.listRecord('paymentMethods').load(row.paymentMethodId);
    return method ? toPaymentMethod(method) : null;
  }
}

export const LEDGER_LIST_REFERENCE_RESOLVERS = [InvoiceListReferencesResolver, InvoiceLineReferencesResolver, PurchaseLineReferencesResolver, PaymentMethodReferenceResolver] as const;

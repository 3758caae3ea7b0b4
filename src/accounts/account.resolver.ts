/**
 * Chart-of-accounts queries (served from the cache, never a QBO call per request) and the explicit
 * refresh. A read of a stale cache schedules an incremental refresh in the background.
 */
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type GraphQLContext } from '../graphql/context.js';
import { UserInputError } from '../errors/domain.errors.js';
import { pageRequest, toConnection } from '../graphql/pagination.js';
import { AccountPurpose } from './account-purpose.rules.js';
import { toAccountType, toQuickBooksPaymentMethod, toTaxCode, toTrackingCategory } from './account.shape.js';
import { AccountConnection, AccountType, QuickBooksPaymentMethodType, TaxCodeType, TrackingCategoryType, TrackingKind } from './account.type.js';
import { accountSortKey } from './chart.service.js';
import { CHART_FILL, type WithChartFill } from './chart-state.resolver.js';
import { type ChartSnapshot } from './chart.snapshot.js';

const MAX_SEARCH_LENGTH = 100;

/** The cached account an id field points at (batched per request); null when unset or no longer in the chart. */
export async function accountFor(ctx: GraphQLContext, id: string | null | undefined): Promise<AccountType | null> {
  if (!id) return null;
  const row = await ctx.loaders.accountById.load(id);
  return row ? toAccountType(row) : null;
}

/**
 * The tenant's chart for this request (one stamp lookup when the process holds it), and a background
 * refresh started when it is old; the refresh's failures are logged, never returned.
 */
async function chartOf(ctx: GraphQLContext): Promise<ChartSnapshot> {
  const snapshot = await ctx.services.chart.snapshot(ctx.tenant.id);
  ctx.services.chart.refreshIfStale(ctx.tenant.id, snapshot).catch((error: unknown) => ctx.log.warn({ err: error }, 'chart of accounts: stale check failed'));
  return snapshot;
}

@Resolver(() => AccountType)
export class AccountResolver {
  @Query(() => AccountConnection, {
    description:
      'The cached chart of accounts. With a purpose, only the account types allowed for it (unless relaxAccountSelectionRestrictions is on). Searches name, number and fully qualified name.',
  })
  async accounts(
    @Ctx() ctx: GraphQLContext,
    @Arg('purpose', () => AccountPurpose, { nullable: true, description: 'Only accounts that fit this setting purpose (unless relaxAccountSelectionRestrictions is on).' }) purpose: AccountPurpose | null | undefined,
    @Arg('search', () => String, { nullable: true, description: 'Only rows whose name (or code) contains this text, case-insensitive.' }) search: string | null | undefined,
    @Arg('includeInactive', () => Boolean, { defaultValue: false, description: 'Include entries made inactive in QuickBooks (default false).' }) includeInactive: boolean,
    @Arg('first', () => Int, { nullable: true, description: 'Rows per page: 1 to 200 (default 50).' }) first: number | null | undefined,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page; absent: the first page.' }) after: string | null | undefined,
  ): Promise<AccountConnection> {
    const page = pageRequest(first, after);
    if (search && search.length > MAX_SEARCH_LENGTH) {
      throw new UserInputError(`search must be at most ${MAX_SEARCH_LENGTH} characters.`, [{ path: ['search'], message: `must be at most ${MAX_SEARCH_LENGTH} characters` }]);
    }
    // Right after a connection the chart is still being read: wait for it (bounded) rather than answer an empty list.
    const fill = await ctx.services.chart.awaitFirstFill(ctx.tenant.id);
    const { chart, settings } = ctx.services;
    const [snapshot, relaxed] = await Promise.all([chartOf(ctx), purpose ? settings.relaxAccountSelection(ctx.tenant.id) : false]);
    const { rows, totalCount } = snapshot.listAccounts({ accountTypes: chart.accountTypesFor(purpose, relaxed), search, includeInactive }, page);
    for (const row of rows) ctx.loaders.accountById.prime(row.qboId, row);
    const connection: WithChartFill<AccountConnection> = toConnection(rows, page, totalCount, accountSortKey, toAccountType);
    connection[CHART_FILL] = fill;
    return connection;
  }

  @Query(() => AccountType, { nullable: true, description: 'One cached account by its QBO id.' })
  async account(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID, { description: 'The QuickBooks account id.' }) id: string): Promise<AccountType | null> {
    const row = await ctx.loaders.accountById.load(id);
    return row ? toAccountType(row) : null;
  }

  @FieldResolver(() => AccountType, { nullable: true, description: 'The parent of a sub-account.' })
  async parent(@Ctx() ctx: GraphQLContext, @Root() account: AccountType): Promise<AccountType | null> {
    if (!account.parentId) return null;
    const row = await ctx.loaders.accountById.load(account.parentId);
    return row ? toAccountType(row) : null;
  }

  @Mutation(() => AccountConnection, {
    description: 'Re-reads the chart of accounts, classes, departments, tax codes and payment methods from QBO now; returns the first page of active accounts.',
  })
  async refreshChartOfAccounts(@Ctx() ctx: GraphQLContext, @Arg('first', () => Int, { nullable: true, description: 'Rows per page: 1 to 200 (default 50).' }) first: number | null | undefined): Promise<AccountConnection> {
    const page = pageRequest(first, undefined);
    await ctx.services.chart.refresh(ctx.tenant.id, 'full');
    const { rows, totalCount } = await ctx.services.chart.listAccounts(ctx.tenant.id, {}, page);
    return toConnection(rows, page, totalCount, accountSortKey, toAccountType);
  }

  @Query(() => [TrackingCategoryType], { description: 'QBO classes or departments (from the cache).' })
  async trackingCategories(
    @Ctx() ctx: GraphQLContext,
    @Arg('kind', () => TrackingKind, { description: 'Classes or departments.' }) kind: TrackingKind,
    @Arg('includeInactive', () => Boolean, { defaultValue: false, description: 'Include entries made inactive in QuickBooks (default false).' }) includeInactive: boolean,
  ): Promise<TrackingCategoryType[]> {
    const rows = (await chartOf(ctx)).listReferences(kind === TrackingKind.CLASS ? 'Class' : 'Department', { includeInactive });
    return rows.map(toTrackingCategory);
  }

  @Query(() => [TaxCodeType], { description: 'QBO tax codes (from the cache).' })
  async taxCodes(@Ctx() ctx: GraphQLContext, @Arg('includeInactive', () => Boolean, { defaultValue: false, description: 'Include entries made inactive in QuickBooks (default false).' }) includeInactive: boolean): Promise<TaxCodeType[]> {
    return (await chartOf(ctx)).listReferences('TaxCode', { includeInactive }).map(toTaxCode);
  }

  @Query(() => [QuickBooksPaymentMethodType], { description: 'Payment methods defined in QBO (from the cache).' })
  async quickBooksPaymentMethods(
    @Ctx() ctx: GraphQLContext,
    @Arg('includeInactive', () => Boolean, { defaultValue: false, description: 'Include entries made inactive in QuickBooks (default false).' }) includeInactive: boolean,
  ): Promise<QuickBooksPaymentMethodType[]> {
    return (await chartOf(ctx)).listReferences('PaymentMethod', { includeInactive }).map(toQuickBooksPaymentMethod);
  }
}

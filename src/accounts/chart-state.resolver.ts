/**
 * The chart's fill state on the two places a client looks: `accounts` (and `refreshChartOfAccounts`), so
 * an empty page can be told from a chart not read yet, and the connection view, so a settings screen can
 * show "loading the chart of accounts" right after connecting.
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { QuickBooksConnectionType } from '../connection/connection.type.js';
import { type GraphQLContext } from '../graphql/context.js';
import { AccountConnection, ChartOfAccountsState } from './account.type.js';
import { type ChartFill } from './chart.service.js';

/** The fill state the `accounts` resolver already read while answering, so the field costs nothing more. */
export const CHART_FILL = Symbol('chartFill');
export type WithChartFill<T> = T & { [CHART_FILL]?: ChartFill };

/**
 * One read of the fill state per object answered, however many of its fields ask (keyed by the object, not
 * the request: a subscription's context lives as long as its socket, each event is a new object).
 */
const perObject = new WeakMap<object, Promise<ChartFill>>();

function fillOf(ctx: GraphQLContext, root: WithChartFill<object>): Promise<ChartFill> {
  const known = root[CHART_FILL];
  if (known) return Promise.resolve(known);
  let fill = perObject.get(root);
  if (!fill) {
    fill = ctx.services.chart.fillState(ctx.tenant.id);
    perObject.set(root, fill);
  }
  return fill;
}

@Resolver(() => AccountConnection)
export class AccountConnectionChartResolver {
  @FieldResolver(() => ChartOfAccountsState, { description: 'Whether the chart of accounts is filled (READY), still being read from QuickBooks (LOADING), failed (FAILED) or has no company to come from (NOT_CONNECTED).' })
  async chartState(@Ctx() ctx: GraphQLContext, @Root() root: WithChartFill<AccountConnection>): Promise<ChartOfAccountsState> {
    return (await fillOf(ctx, root)).state as ChartOfAccountsState;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The chart state in plain words when it is not READY (e.g. "Still loading the chart of accounts from QuickBooks ...").' })
  async chartStateMessage(@Ctx() ctx: GraphQLContext, @Root() root: WithChartFill<AccountConnection>): Promise<string | null> {
    return (await fillOf(ctx, root)).message;
  }
}

@Resolver(() => QuickBooksConnectionType)
export class ConnectionChartResolver {
  @FieldResolver(() => ChartOfAccountsState, { description: "Whether the company's chart of accounts is in the gateway's cache yet (LOADING right after connecting)." })
  async chartState(@Ctx() ctx: GraphQLContext, @Root() root: QuickBooksConnectionType): Promise<ChartOfAccountsState> {
    return (await fillOf(ctx, root)).state as ChartOfAccountsState;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The chart state in plain words when it is not READY.' })
  async chartStateMessage(@Ctx() ctx: GraphQLContext, @Root() root: QuickBooksConnectionType): Promise<string | null> {
    return (await fillOf(ctx, root)).message;
  }
}

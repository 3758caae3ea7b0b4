/** Sync runs, issues and live progress: thin, everything is in SyncService. */
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { type GraphQLContext } from '../graphql/context.js';
import { NotFoundError } from '../graphql/errors.js';
import { type Connection, pageRequest, toConnection } from '../graphql/pagination.js';
import { Topic } from '../graphql/pubsub.js';
import { type SyncIssue } from './sync-issue.model.js';
import { type SyncProgressEvent } from './sync-progress.publisher.js';
import { type SyncRun } from './sync-run.model.js';
import {
  type DryRunPayloadType,
  StartSyncInput,
  SyncDirection,
  SyncIssueConnection,
  SyncIssueStatusEnum,
  SyncIssueType,
  SyncProgressType,
  SyncRunConnection,
  SyncRunType,
} from './sync.type.js';

function runView(run: SyncRun): SyncRunType {
  return {
    ...run,
    id: run._id.toHexString(),
    dryRunPayloads: run.dryRunPayloads.map((p) => JSON.parse(p) as DryRunPayloadType),
    notices: run.notices ?? [],
  } as unknown as SyncRunType;
}

function issueView(issue: SyncIssue): SyncIssueType {
  return { ...issue, id: issue._id.toHexString(), runId: issue.runId?.toHexString() ?? null, quickBooksFault: issue.qboFault } as unknown as SyncIssueType;
}

@Resolver(() => SyncRunType)
export class SyncResolver {
  @Query(() => SyncRunType, { nullable: true })
  async syncRun(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID) id: string): Promise<SyncRunType | null> {
    const run = await ctx.services.sync.runs.get(ctx.tenant.id, id);
    return run ? runView(run) : null;
  }

  @Query(() => SyncRunConnection, { description: 'Newest first.' })
  async syncRuns(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<SyncRunType>> {
    const page = pageRequest(first, after);
    const { rows, totalCount } = await ctx.services.sync.runs.list(ctx.tenant.id, page);
    return toConnection(rows, page, totalCount, (r) => [r._id.toHexString()], runView);
  }

  @Query(() => SyncIssueConnection, { description: 'Newest first.' })
  async syncIssues(
    @Ctx() ctx: GraphQLContext,
    @Arg('status', () => SyncIssueStatusEnum, { nullable: true }) status: SyncIssueStatusEnum | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<SyncIssueType>> {
    const page = pageRequest(first, after);
    const { rows, totalCount } = await ctx.services.sync.issues.list(ctx.tenant.id, status, page);
    return toConnection(rows, page, totalCount, (r) => [r._id.toHexString()], issueView);
  }

  @Mutation(() => SyncRunType, { description: 'Pushes pending records now (joins a queued run, or queues behind a running one). dryRun returns the payloads and sends nothing.' })
  async startSync(@Ctx() ctx: GraphQLContext, @Arg('input', () => StartSyncInput, { nullable: true }) input: StartSyncInput | null): Promise<SyncRunType> {
    await ctx.services.connections.clientFor(ctx.tenant.id); // QUICKBOOKS_NOT_CONNECTED before anything is queued
    // Pulling from QuickBooks is the pull slice's (src/pull); BOTH pulls first, then queues a push.
    const direction = input?.direction ?? SyncDirection.PUSH;
    if (direction === SyncDirection.PULL || direction === SyncDirection.BOTH) return runView(await ctx.services.pull.startPull(ctx.tenant.id, direction));
    const run = await ctx.services.sync.runs.start(ctx.tenant.id, {
      scope: (input?.scope) ?? null,
      direction: input?.direction ?? 'PUSH',
      dryRun: input?.dryRun ?? false,
    });
    return runView(run);
  }

  @Mutation(() => SyncRunType)
  async cancelSyncRun(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID) id: string): Promise<SyncRunType> {
    return runView(await ctx.services.sync.runs.cancel(ctx.tenant.id, id));
  }

  @Mutation(() => SyncIssueType, { description: 'Pushes the record of the issue again (with its dependencies).' })
  async retrySyncIssue(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID) id: string): Promise<SyncIssueType> {
    const issue = await ctx.services.sync.retryIssue(ctx.tenant.id, id);
    if (!issue) throw new NotFoundError('SyncIssue', id);
    return issueView(issue);
  }

  @Subscription(() => SyncProgressType, {
    description: "Progress of one run, or of every run of the tenant without runId; a few events per second at most, the final status always.",
    topics: Topic.SyncProgress,
    filter: ({ payload, args, context }) => {
      const event = payload as SyncProgressEvent;
      const runId = (args as { runId?: string | null }).runId;
      return event.tenantId === (context as GraphQLContext).tenant.id && (!runId || runId === event.runId);
    },
  })
  syncProgress(@Root() event: SyncProgressEvent, @Arg('runId', () => ID, { nullable: true }) _runId: string | null): SyncProgressType {
    return event as unknown as SyncProgressType;
  }
}

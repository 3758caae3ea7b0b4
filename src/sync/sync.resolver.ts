/** Sync runs, issues and live progress: thin, everything is in SyncService. */
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { type GraphQLContext } from '../graphql/context.js';
import { NotFoundError } from '../errors/domain.errors.js';
import { type Connection, pageRequest, toConnection } from '../graphql/pagination.js';
import { Topic } from '../events/pubsub.js';
import { type SyncIssue } from '../persistence/sync/sync-issue.repository.js';
import { type SyncProgressEvent } from './sync-progress.event.js';
import { type LedgerKind, type LedgerRecord } from '../ledger/ledger-record.types.js';
import { remoteRecordOf } from './issue-actions.service.js';
import { capitalise, KIND_NOUNS, recordTerms } from './record-terms.rules.js';
import { issueView, runView } from './sync.view.js';
import { syncStageOf } from './sync-stage.rules.js';
import { settingLabel } from '../settings/setting-labels.js';
import {
  PerformSyncIssueActionInput,
  StartSyncInput,
  SyncDirection,
  SyncIssueConnection,
  SyncIssueStatusEnum,
  SyncIssueType,
  SyncProgressType,
  SyncRecordType,
  SyncRunConnection,
  SyncRunType,
  SyncStageEnum,
} from './sync.type.js';

async function issueViews(ctx: GraphQLContext, issues: SyncIssue[]): Promise<Map<string, SyncIssueType>> {
  const actions = await ctx.services.sync.actions.available(ctx.tenant.id, issues);
  return new Map(issues.map((i) => [i.id, issueView(i, actions.get(i.id) ?? [])]));
}

async function oneIssueView(ctx: GraphQLContext, issue: SyncIssue): Promise<SyncIssueType> {
  return (await issueViews(ctx, [issue])).get(issue.id)!;
}

/** The customer's or supplier's name of a transaction (through the request's loaders). */
async function counterpartyName(ctx: GraphQLContext, record: LedgerRecord): Promise<string | null> {
  if ('customerId' in record && record.customerId) return (await ctx.loaders.ledgerRecord('customer').load(record.customerId))?.displayName ?? null;
  if ('supplierId' in record && record.supplierId) return (await ctx.loaders.ledgerRecord('supplier').load(record.supplierId))?.displayName ?? null;
  return null;
}

/** A record of an issue in a bookkeeper's terms, read now from the ledger (never a stored copy). */
async function describeRecord(ctx: GraphQLContext, kind: LedgerKind, recordId: string, externalId: string | null): Promise<SyncRecordType> {
  const kindLabel = capitalise(KIND_NOUNS[kind]);
  const empty = { kind, kindLabel, number: null, name: null, date: null, amount: null, currency: null, recordId: null, externalId, quickBooksId: null };
  const remote = remoteRecordOf(recordId);
  if (remote) {
    // Only in QuickBooks so far: a customer the import met (its QuickBooks name), a payment received there.
    const match = remote.entity === 'Customer' ? await ctx.services.pull.customers.match(ctx.tenant.id, remote.qboId) : null;
    const name = match?.qboDisplayName ?? null;
    const label = remote.entity === 'Customer' ? `QuickBooks customer${name ? ` ${name}` : ''}` : `${kindLabel} entered in QuickBooks`;
    return { ...empty as SyncRecordType, name, label, quickBooksId: remote.qboId };
  }
  // An id that is not a record's finds nothing (the ledger skips it).
  const record = await ctx.loaders.ledgerRecord(kind).load(recordId);
  if (!record) return { ...empty as SyncRecordType, label: `${kindLabel} no longer in fieldbooks` };
  const [name, sync] = await Promise.all([counterpartyName(ctx, record), ctx.loaders.recordSync(kind).load(record.id)]);
  return { ...recordTerms(record, name), recordId: record.id, externalId: record.externalId, quickBooksId: sync.quickBooksId } as SyncRecordType;
}

const STAGE_DESCRIPTION = 'What the run is doing, as a closed set to branch on (phase says it in words, with the kind or path).';

@Resolver(() => SyncIssueType)
export class SyncIssueFieldsResolver {
  @FieldResolver(() => SyncRecordType, { description: 'The record the issue is about, in human terms.' })
  record(@Root() issue: SyncIssueType, @Ctx() ctx: GraphQLContext): Promise<SyncRecordType> {
    return describeRecord(ctx, issue.kind, issue.recordId, issue.externalId);
  }

  @FieldResolver(() => SyncRecordType, { nullable: true, description: 'The record this one waits for (BLOCKED), in the same terms.' })
  async blockedBy(@Root() issue: SyncIssueType, @Ctx() ctx: GraphQLContext): Promise<SyncRecordType | null> {
    if (!issue.blockedByKind || !issue.blockedById) return null;
    return describeRecord(ctx, issue.blockedByKind, issue.blockedById, null);
  }

  @FieldResolver(() => String, { nullable: true, description: 'OPEN_SETTINGS: the setting as the settings screen names it (e.g. "Account for Payments").' })
  settingLabel(@Root() issue: SyncIssueType): string | null {
    return issue.setting ? settingLabel(issue.setting) : null;
  }
}

@Resolver(() => SyncRunType)
export class SyncResolver {
  @Query(() => SyncRunType, { nullable: true, description: 'One run by id; null when there is none.' })
  async syncRun(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID, { description: 'The run id.' }) id: string): Promise<SyncRunType | null> {
    const run = await ctx.services.sync.runs.get(ctx.tenant.id, id);
    return run ? runView(run) : null;
  }

  @Query(() => SyncRunConnection, { description: 'Newest first.' })
  async syncRuns(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, description: 'Rows per page: 1 to 200 (default 50).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page; absent: the first page.' }) after: string | null,
  ): Promise<Connection<SyncRunType>> {
    const page = pageRequest(first, after);
    const { rows, totalCount } = await ctx.services.sync.runs.list(ctx.tenant.id, page);
    return toConnection(rows, page, totalCount, (r) => [r.id], runView);
  }

  @Query(() => SyncIssueConnection, { description: 'Newest first.' })
  async syncIssues(
    @Ctx() ctx: GraphQLContext,
    @Arg('status', () => SyncIssueStatusEnum, { nullable: true, description: 'Only issues in this status; absent: all.' }) status: SyncIssueStatusEnum | null,
    @Arg('first', () => Int, { nullable: true, description: 'Rows per page: 1 to 200 (default 50).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page; absent: the first page.' }) after: string | null,
  ): Promise<Connection<SyncIssueType>> {
    const page = pageRequest(first, after);
    const { rows, totalCount } = await ctx.services.sync.issues.list(ctx.tenant.id, status, page);
    const views = await issueViews(ctx, rows);
    return toConnection(rows, page, totalCount, (r) => [r.id], (r) => views.get(r.id)!);
  }

  @Mutation(() => SyncRunType, { description: 'Pushes pending records now (joins a queued run, or queues behind a running one). dryRun returns the payloads and sends nothing.' })
  async startSync(@Ctx() ctx: GraphQLContext, @Arg('input', () => StartSyncInput, { nullable: true, description: 'What to sync; absent: push every kind.' }) input: StartSyncInput | null): Promise<SyncRunType> {
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

  @Mutation(() => SyncRunType, { description: 'Stops a queued or running run (after the record in hand); records not sent stay pending.' })
  async cancelSyncRun(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID, { description: 'The run id.' }) id: string): Promise<SyncRunType> {
    return runView(await ctx.services.sync.runs.cancel(ctx.tenant.id, id));
  }

  @Mutation(() => SyncIssueType, { description: 'Pushes the record of the issue again (with its dependencies).' })
  async retrySyncIssue(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID, { description: 'The issue id.' }) id: string): Promise<SyncIssueType> {
    const issue = await ctx.services.sync.retryIssue(ctx.tenant.id, id);
    if (!issue) throw new NotFoundError('SyncIssue', id);
    return oneIssueView(ctx, issue);
  }

  @Mutation(() => SyncIssueType, {
    description: "Performs one of the issue's actions (SyncIssue.actions) fully or not at all, and returns the issue as it is afterwards. RETRY and OPEN_SETTINGS send the record again in a run of its own (the issue resolves when it goes through); IGNORE closes the issue.",
  })
  async performSyncIssueAction(@Ctx() ctx: GraphQLContext, @Arg('input', () => PerformSyncIssueActionInput, { description: 'The issue and the action to perform.' }) input: PerformSyncIssueActionInput): Promise<SyncIssueType> {
    const issue = await ctx.services.sync.actions.perform(ctx.tenant.id, input.issueId, input.action, input.remoteId ?? null);
    return oneIssueView(ctx, issue);
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
  syncProgress(@Root() event: SyncProgressEvent, @Arg('runId', () => ID, { nullable: true, description: 'Only this run; absent: every run of the business.' }) _runId: string | null): SyncProgressType {
    return event as unknown as SyncProgressType;
  }

  @FieldResolver(() => SyncStageEnum, { description: STAGE_DESCRIPTION })
  stage(@Root() run: SyncRunType): SyncStageEnum {
    return syncStageOf(run.phase, run.status);
  }
}

@Resolver(() => SyncProgressType)
export class SyncProgressFieldsResolver {
  @FieldResolver(() => SyncStageEnum, { description: STAGE_DESCRIPTION })
  stage(@Root() event: SyncProgressType): SyncStageEnum {
    return syncStageOf(event.phase, event.status);
  }
}

/** The pull slice's API: customer import and its resolutions, QuickBooks changes, invoice flags. Thin: PullService does the work. */
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { type GraphQLContext } from '../graphql/context.js';
import { type Connection, pageRequest, toConnection } from '../graphql/pagination.js';
import { Topic } from '../events/pubsub.js';
import { InvoiceRecordType } from '../ledger/ledger-record.type.js';
import { type SyncRun } from '../persistence/sync/sync-run.repository.js';
import { SyncKind, SyncRunType } from '../sync/sync.type.js';
import { runView } from '../sync/sync.view.js';
import { type CreatedRecord } from '../persistence/pull/created-record.repository.js';
import { type CustomerMatch } from '../persistence/pull/customer-match.repository.js';
import { type QuickBooksChange } from '../persistence/pull/quickbooks-change.repository.js';
import { type QuickBooksChangeEvent } from './quickbooks-change.event.js';
import {
  CustomerImportMatchConnection,
  CustomerImportMatchType,
  CustomerImportStatusEnum,
  CustomerImportSummaryType,
  InvoiceQuickBooksFlagType,
  QuickBooksChangeConnection,
  QuickBooksChangeType,
  QuickBooksCreatedEntityEnum,
  QuickBooksCreatedRecordConnection,
  QuickBooksCreatedRecordType,
  QuickBooksCreatedStatusEnum,
} from './pull.type.js';

export function pullRunView(run: SyncRun): SyncRunType {
  return runView({ ...run, dryRunPayloads: [] });
}

function matchView(doc: CustomerMatch): CustomerImportMatchType {
  return {
    quickBooksCustomerId: doc.qboId,
    quickBooksDisplayName: doc.qboDisplayName,
    status: doc.status as CustomerImportStatusEnum,
    customerId: doc.customerId,
    reason: doc.reason,
    score: doc.score,
    candidateIds: doc.candidateIds,
    updatedAt: doc.updatedAt,
  };
}

function changeView(doc: QuickBooksChange): QuickBooksChangeType {
  return { ...doc, quickBooksId: doc.qboId } as unknown as QuickBooksChangeType;
}

function createdView(doc: CreatedRecord): QuickBooksCreatedRecordType {
  return {
    id: doc.id,
    entity: doc.entity as QuickBooksCreatedEntityEnum,
    quickBooksId: doc.qboId,
    name: doc.name,
    customerName: doc.customerName,
    quickBooksCustomerId: doc.customerQboId,
    email: doc.email,
    amount: doc.amount,
    date: doc.date,
    status: doc.status as QuickBooksCreatedStatusEnum,
    recordId: doc.recordId,
    seenAt: doc.seenAt,
  };
}

@Resolver()
export class PullResolver {
  @Query(() => QuickBooksCreatedRecordConnection, {
    description: 'Customers and invoices entered in QuickBooks after the import that no FSM record is linked to (OPEN), or that were linked since (LINKED), customers before invoices, by QuickBooks id. Each one is also announced on quickBooksChanges (CUSTOMER_CREATED, INVOICE_CREATED).',
  })
  async quickBooksCreatedRecords(
    @Ctx() ctx: GraphQLContext,
    @Arg('entity', () => QuickBooksCreatedEntityEnum, { nullable: true, description: 'Only customers or only invoices; absent: both.' }) entity: QuickBooksCreatedEntityEnum | null,
    @Arg('status', () => QuickBooksCreatedStatusEnum, { nullable: true, description: 'Only open or only linked ones; absent: both.' }) status: QuickBooksCreatedStatusEnum | null,
    @Arg('first', () => Int, { nullable: true, description: 'Rows per page: 1 to 200 (default 50).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page; absent: the first page.' }) after: string | null,
  ): Promise<Connection<QuickBooksCreatedRecordType>> {
    const page = pageRequest(first, after);
    const { rows, totalCount } = await ctx.services.pull.created.list(ctx.tenant.id, { entity, status }, page);
    return toConnection(rows, page, totalCount, (r) => [r.id], createdView);
  }

  @Mutation(() => QuickBooksCreatedRecordType, {
    description: 'Links an FSM invoice to the invoice a bookkeeper entered in QuickBooks for it (same customer, same total; neither linked yet): later FSM changes update that QuickBooks invoice, never a new one.',
  })
  async linkQuickBooksInvoice(
    @Ctx() ctx: GraphQLContext,
    @Arg('invoiceId', () => ID, { description: "The FSM invoice's gateway id (Invoice.id)." }) invoiceId: string,
    @Arg('quickBooksInvoiceId', () => ID, { description: 'The QuickBooks invoice id (QuickBooksCreatedRecord.quickBooksId).' }) quickBooksInvoiceId: string,
  ): Promise<QuickBooksCreatedRecordType> {
    return createdView(await ctx.services.pull.created.linkInvoice(ctx.tenant.id, invoiceId, quickBooksInvoiceId));
  }

  @Mutation(() => SyncRunType, { description: 'Imports every QuickBooks customer: links matches (QBO id, email, display name), creates the rest, reports ambiguous ones as sync issues. Progress on syncProgress.' })
  async importCustomers(@Ctx() ctx: GraphQLContext): Promise<SyncRunType> {
    return pullRunView(await ctx.services.pull.customers.start(ctx.tenant.id));
  }

  @Mutation(() => CustomerImportMatchType, { description: 'Resolves an ambiguous import match: links the QuickBooks customer to this FSM customer.' })
  async linkCustomer(
    @Ctx() ctx: GraphQLContext,
    @Arg('customerId', () => ID, { description: "The FSM customer's gateway id (Customer.id)." }) customerId: string,
    @Arg('quickBooksCustomerId', () => ID, { description: 'The QuickBooks customer id.' }) quickBooksCustomerId: string,
  ): Promise<CustomerImportMatchType> {
    return matchView(await ctx.services.pull.customers.linkCustomer(ctx.tenant.id, customerId, quickBooksCustomerId));
  }

  @Mutation(() => CustomerImportMatchType, { description: 'Resolves an ambiguous import match: creates a new FSM customer from the QuickBooks customer.' })
  async createCustomerFromQuickBooks(@Ctx() ctx: GraphQLContext, @Arg('quickBooksCustomerId', () => ID, { description: 'The QuickBooks customer id.' }) quickBooksCustomerId: string): Promise<CustomerImportMatchType> {
    return matchView(await ctx.services.pull.customers.createFromQuickBooks(ctx.tenant.id, quickBooksCustomerId));
  }

  @Query(() => CustomerImportMatchConnection, { description: 'Outcomes of the customer import, newest first.' })
  async customerImportMatches(
    @Ctx() ctx: GraphQLContext,
    @Arg('status', () => CustomerImportStatusEnum, { nullable: true, description: 'Only outcomes of this kind; absent: all.' }) status: CustomerImportStatusEnum | null,
    @Arg('first', () => Int, { nullable: true, description: 'Rows per page: 1 to 200 (default 50).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page; absent: the first page.' }) after: string | null,
  ): Promise<Connection<CustomerImportMatchType>> {
    const page = pageRequest(first, after);
    const { rows, totalCount } = await ctx.services.pull.customers.list(ctx.tenant.id, status, page);
    return toConnection(rows, page, totalCount, (r) => [r.id], matchView);
  }

  @Query(() => CustomerImportSummaryType, { description: 'Counts of the customer import outcomes.' })
  async customerImportSummary(@Ctx() ctx: GraphQLContext): Promise<CustomerImportSummaryType> {
    const counts = await ctx.services.pull.customers.counts(ctx.tenant.id);
    return { linked: counts.LINKED, created: counts.CREATED, ambiguous: counts.AMBIGUOUS };
  }

  @Query(() => QuickBooksChangeConnection, { description: 'Changes made in QuickBooks and applied to the FSM, newest first.' })
  async quickBooksChanges(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, description: 'Rows per page: 1 to 200 (default 50).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page; absent: the first page.' }) after: string | null,
  ): Promise<Connection<QuickBooksChangeType>> {
    const page = pageRequest(first, after);
    const { rows, totalCount } = await ctx.services.pull.changes(ctx.tenant.id, page);
    return toConnection(rows, page, totalCount, (r) => [r.id], changeView);
  }

  @Subscription(() => QuickBooksChangeType, {
    name: 'quickBooksChanges',
    description: 'Each change made in QuickBooks as soon as it is applied to the FSM (payments, customer edits, invoice flags).',
    topics: Topic.QuickBooksChanges,
    filter: ({ payload, context }) => (payload as QuickBooksChangeEvent).tenantId === (context as GraphQLContext).tenant.id,
  })
  quickBooksChangesSubscription(@Root() event: QuickBooksChangeEvent): QuickBooksChangeType {
    return event as unknown as QuickBooksChangeType;
  }
}

@Resolver(() => InvoiceRecordType)
export class InvoiceQuickBooksFlagResolver {
  @FieldResolver(() => InvoiceQuickBooksFlagType, { nullable: true, description: 'Set when the QuickBooks copy was voided, deleted or edited in QuickBooks.' })
  async quickBooksFlag(@Root() invoice: InvoiceRecordType, @Ctx() ctx: GraphQLContext): Promise<InvoiceQuickBooksFlagType | null> {
    const flag = await ctx.services.pull.invoiceFlag(ctx.tenant.id, invoice.id);
    return flag ? { change: flag.change as InvoiceQuickBooksFlagType['change'], detail: flag.detail, quickBooksId: flag.qboId, at: flag.at } : null;
  }
}

@Resolver(() => QuickBooksChangeType)
export class QuickBooksChangeFieldsResolver {
  // SyncKind's internal values are the ledger kinds recordKind holds, so the value passes through as is.
  @FieldResolver(() => SyncKind, { nullable: true, description: 'The kind of FSM record affected; null when no FSM record is affected (e.g. a customer entered in QuickBooks, not linked yet).' })
  affectedKind(@Root() change: QuickBooksChangeType): SyncKind | null {
    const kind = change.recordKind as SyncKind | null;
    return kind && Object.values(SyncKind).includes(kind) ? kind : null;
  }
}

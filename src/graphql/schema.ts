/** Builds the executable schema from every slice's resolvers. The single list of resolvers lives here. */
import { type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccountResolver } from '../accounts/account.resolver.js';
import { AccountConnectionChartResolver, ConnectionChartResolver } from '../accounts/chart-state.resolver.js';
import { ConnectionResolver } from '../connection/connection.resolver.js';
import { JobTypeResolver, LEDGER_LIST_REFERENCE_RESOLVERS, PaymentMethodResolver, SupplyResolver, TeamResolver } from '../ledger/ledger-lists.resolver.js';
import { LEDGER_RECORD_RESOLVERS } from '../ledger/ledger-record.resolver.js';
import { AccountingSettingsResolver } from '../settings/accounting-settings.resolver.js';
import { InvoiceQuickBooksFlagResolver, PullResolver, QuickBooksChangeFieldsResolver } from '../pull/pull.resolver.js';
import { CustomerImportMatchFieldsResolver } from '../pull/customer-import-match.resolver.js';
import { SyncIssueFieldsResolver, SyncProgressFieldsResolver, SyncResolver } from '../sync/sync.resolver.js';
import { ViewerResolver } from '../viewer/viewer.resolver.js';
import { enforceInputCaps } from './input-caps.js';
import { type AppPubSub, createAppPubSub } from '../events/pubsub.js';

export const resolvers = [
  ViewerResolver,
  ConnectionResolver,
  AccountResolver,
  AccountConnectionChartResolver,
  ConnectionChartResolver,
  AccountingSettingsResolver,
  JobTypeResolver,
  SupplyResolver,
  PaymentMethodResolver,
  TeamResolver,
  ...LEDGER_RECORD_RESOLVERS,
  ...LEDGER_LIST_REFERENCE_RESOLVERS,
  SyncResolver,
  SyncIssueFieldsResolver,
  SyncProgressFieldsResolver,
  PullResolver,
  InvoiceQuickBooksFlagResolver,
  QuickBooksChangeFieldsResolver,
  CustomerImportMatchFieldsResolver,
] as const;

/** type-graphql has no place to describe the root types; the contract test wants every type described. */
const ROOT_DESCRIPTIONS = {
  Query: "Reads of one business's data (the business behind the API key): FSM records, their QuickBooks sync state, settings, the cached chart of accounts.",
  Mutation: "Changes to one business's data: FSM records (upserts keyed by the FSM's externalId), settings and overrides (keyed by gateway id), sync runs and issue actions, the QuickBooks connection.",
  Subscription: 'Live events over WebSocket (graphql-ws on /graphql): sync progress, changes made in QuickBooks, connection changes.',
} as const;

export async function buildAppSchema(pubSub: AppPubSub = createAppPubSub()): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    pubSub,
    // Validation of inputs is explicit in services (clear messages naming fields), not class-validator.
    validate: false,
    // Caps on every list and string argument, before any resolver (and so any lock or write) runs.
    globalMiddlewares: [enforceInputCaps],
    emitSchemaFile: false,
  });
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (root) root.description = ROOT_DESCRIPTIONS[root.name as keyof typeof ROOT_DESCRIPTIONS];
  }
  return schema;
}

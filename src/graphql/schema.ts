/** Builds the executable schema from every slice's resolvers. The single list of resolvers lives here. */
import { type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccountResolver } from '../accounts/account.resolver.js';
import { AccountConnectionChartResolver, ConnectionChartResolver } from '../accounts/chart-state.resolver.js';
import { ConnectionResolver } from '../connection/connection.resolver.js';
import { JobTypeResolver, PaymentMethodResolver, SupplyResolver, TeamResolver } from '../ledger/ledger-lists.resolver.js';
import { LEDGER_RECORD_RESOLVERS } from '../ledger/ledger-record.resolver.js';
import { AccountingSettingsResolver } from '../settings/accounting-settings.resolver.js';
import { InvoiceQuickBooksFlagResolver, PullResolver } from '../pull/pull.resolver.js';
import { CustomerImportMatchFieldsResolver } from '../pull/customer-import-match.resolver.js';
import { SyncIssueFieldsResolver, SyncProgressFieldsResolver, SyncResolver } from '../sync/sync.resolver.js';
import { ViewerResolver } from '../viewer/viewer.resolver.js';
import { enforceInputCaps } from './input-caps.js';
import { type AppPubSub, createAppPubSub } from './pubsub.js';

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
  SyncResolver,
  SyncIssueFieldsResolver,
  SyncProgressFieldsResolver,
  PullResolver,
  InvoiceQuickBooksFlagResolver,
  CustomerImportMatchFieldsResolver,
] as const;

export async function buildAppSchema(pubSub: AppPubSub = createAppPubSub()): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    pubSub,
    // Validation of inputs is explicit in services (clear messages naming fields), not class-validator.
    validate: false,
    // Caps on every list and string argument, before any resolver (and so any lock or write) runs.
    globalMiddlewares: [enforceInputCaps],
    emitSchemaFile: false,
  });
}

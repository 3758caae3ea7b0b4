/** The per-operation context every resolver receives: who is calling, the services, and the request's DataLoaders. */
import { type AccountLoaders, createAccountLoaders } from '../accounts/account.loader.js';
import { createLedgerLoaders, type LedgerLoaders } from '../ledger/ledger.loader.js';
import { type Logger } from '../logging/logger.js';
import { type AuthenticatedTenant } from '../tenancy/tenant.service.js';
import { type Services } from '../services.js';

export interface GraphQLContext {
  tenant: AuthenticatedTenant;
  services: Services;
  log: Logger;
  requestId: string;
  /** Display prefix of the caller's API key: records who changed settings. */
  apiKeyPrefix: string;
  /** SHA-256 of the caller's API key: binds what the key starts (an OAuth state) to that key. */
  apiKeyHash: string;
  loaders: RequestLoaders;
}

export type RequestLoaders = AccountLoaders & LedgerLoaders;

/** A fresh set per HTTP request; `cache: false` for graphql-ws contexts, which live as long as the socket. */
export function createRequestLoaders(services: Services, tenantId: string, options: { cache?: boolean } = {}): RequestLoaders {
  return { ...createAccountLoaders(services.chart, tenantId, options), ...createLedgerLoaders(services, tenantId, options) };
}

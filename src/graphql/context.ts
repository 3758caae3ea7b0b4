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
  /**
   * Cookies for the HTTP answer (HttpOnly, SameSite=Lax, Secure in production). Absent on WebSocket,
   * whose operations have no answer that could set one: what needs a browser cookie knows it has none.
   */
  cookies?: ResponseCookies;
}

export interface ResponseCookies {
  set(cookie: { name: string; value: string; path: string; expires: Date }): void;
}

export type RequestLoaders = AccountLoaders & LedgerLoaders;

/** A fresh set per HTTP request; `cache: false` for graphql-ws contexts, which live as long as the socket. */
export function createRequestLoaders(services: Services, tenantId: string, options: { cache?: boolean } = {}): RequestLoaders {
  return { ...createAccountLoaders(services.chart, tenantId, options), ...createLedgerLoaders(services, tenantId, options) };
}

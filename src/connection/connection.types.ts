/**
 * What the rest of the gateway needs from a tenant's QuickBooks connection: a ready client for its
 * realm (fresh tokens, shared limiter), and a signal when a connection is (re)made. Accounts, settings
 * and sync depend on this interface only, not on OAuth details.
 */
import { type QboClient } from '../providers/quickbooks/qbo.client.js';

export type ConnectionStatus = 'NOT_CONNECTED' | 'CONNECTED' | 'RECONNECT_REQUIRED' | 'ERROR';

export interface ConnectedRealm {
  tenantId: string;
  realmId: string;
  country: string | undefined;
  companyName: string | undefined;
  /** When this tenant first connected this company (see QuickBooksConnectionDoc.realmSince). */
  since?: Date | undefined;
}

export interface QuickBooksAccess {
  /**
   * A client for the tenant's realm. Throws `QuickBooksNotConnectedError` (GraphQL code
   * QUICKBOOKS_NOT_CONNECTED) or `QuickBooksReconnectRequiredError` (QUICKBOOKS_RECONNECT_REQUIRED).
   */
  clientFor(tenantId: string): Promise<QboClient>;
  /** The tenant's connected realm, or undefined when not connected. */
  realmOf(tenantId: string): Promise<ConnectedRealm | undefined>;
  /** Called after every successful connection (first or re-connection), e.g. to refresh caches. */
  onConnected(listener: (realm: ConnectedRealm) => Promise<void> | void): void;
}

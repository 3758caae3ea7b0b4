/**
 * What a tenant's QuickBooks connection looks like to API callers, and the event announcing that it
 * changed (connected, refreshed, needs reconnecting, disconnected). Its own file, importing no service,
 * so the pubsub's topic map (src/events/pubsub.ts) can name it without importing the connection slice.
 */
import { type ConnectionStatus } from './connection.types.js';

export interface ConnectionView {
  status: ConnectionStatus;
  reason: string | null;
  reasonMessage: string | null;
  realmId: string | null;
  companyName: string | null;
  country: string | null;
  environment: string | null;
  connectedAt: Date | null;
  accessTokenExpiresAt: Date | null;
  refreshTokenExpiresAt: Date | null;
  lastSuccessfulCallAt: Date | null;
  customerImportSuggested: boolean;
}

export interface ConnectionChangedEvent {
  tenantId: string;
  connection: ConnectionView;
}

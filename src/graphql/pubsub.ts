/**
 * The typed topic map for subscriptions (in-process today; a Redis-backed PubSub replaces it when
 * several instances run, without touching resolvers).
 */
import { createPubSub } from '@graphql-yoga/subscription';
import { type ConnectionView } from '../connection/connection.service.js';
import { type QuickBooksChangeEvent } from '../pull/quickbooks-change.event.js';
import { type SyncProgressEvent } from '../sync/sync-progress.publisher.js';

export const enum Topic {
  Heartbeat = 'HEARTBEAT',
  QuickBooksConnectionChanged = 'QUICKBOOKS_CONNECTION_CHANGED',
  SyncProgress = 'SYNC_PROGRESS',
  QuickBooksChanges = 'QUICKBOOKS_CHANGES',
}

export interface HeartbeatEvent {
  tenantId: string;
  sequence: number;
  at: Date;
}

export interface ConnectionChangedEvent {
  tenantId: string;
  connection: ConnectionView;
}

export type Topics = {
  [Topic.Heartbeat]: [HeartbeatEvent];
  [Topic.QuickBooksConnectionChanged]: [ConnectionChangedEvent];
  [Topic.SyncProgress]: [SyncProgressEvent];
  [Topic.QuickBooksChanges]: [QuickBooksChangeEvent];
};

export function createAppPubSub() {
  return createPubSub<Topics>();
}
export type AppPubSub = ReturnType<typeof createAppPubSub>;

/**
 * The subscription topics and the event each carries: the contract between the services that publish
 * and whoever listens (GraphQL subscriptions, the WebSocket server's revocation listener). In one
 * process the events stay in memory; with REDIS_URL they travel through Redis pub/sub
 * (src/redis/redis.event-target.ts), so a subscriber on any instance sees what any instance publishes.
 *
 * Imports point one way: services and resolvers import this module, and the payload types it names
 * come from each slice's `*.event.ts` file, which imports no service (so no slice imports itself back
 * through here; `.dependency-cruiser.cjs` refuses import circles).
 */
import { createPubSub, type PubSubEventTarget } from '@graphql-yoga/subscription';
import { type ConnectionChangedEvent } from '../connection/connection-changed.event.js';
import { type QuickBooksChangeEvent } from '../pull/quickbooks-change.event.js';
import { type SyncProgressEvent } from '../sync/sync-progress.event.js';

export const enum Topic {
  Heartbeat = 'HEARTBEAT',
  QuickBooksConnectionChanged = 'QUICKBOOKS_CONNECTION_CHANGED',
  SyncProgress = 'SYNC_PROGRESS',
  QuickBooksChanges = 'QUICKBOOKS_CHANGES',
  /** Internal (no GraphQL subscription): API keys revoked, so every instance closes their sockets at once. */
  ApiKeysRevoked = 'API_KEYS_REVOKED',
}

export interface HeartbeatEvent {
  tenantId: string;
  sequence: number;
  at: Date;
}

export interface ApiKeysRevokedEvent {
  /** SHA-256 hashes of the revoked keys (what sessions hold; never the keys themselves). */
  keyHashes: string[];
}

export type Topics = {
  [Topic.Heartbeat]: [HeartbeatEvent];
  [Topic.QuickBooksConnectionChanged]: [ConnectionChangedEvent];
  [Topic.SyncProgress]: [SyncProgressEvent];
  [Topic.QuickBooksChanges]: [QuickBooksChangeEvent];
  [Topic.ApiKeysRevoked]: [ApiKeysRevokedEvent];
};

export type AppEventTarget = PubSubEventTarget<Topics>;

/** `eventTarget`: where events travel (Redis across instances); in-process when absent. */
export function createAppPubSub(options: { eventTarget?: AppEventTarget } = {}) {
  return createPubSub<Topics>(options.eventTarget ? { eventTarget: options.eventTarget } : undefined);
}
export type AppPubSub = ReturnType<typeof createAppPubSub>;

/**
 * The typed topic map for subscriptions (in-process today; a Redis-backed PubSub replaces it when
 * several instances run, without touching resolvers).
 */
import { createPubSub } from '@graphql-yoga/subscription';

export const enum Topic {
  Heartbeat = 'HEARTBEAT',
}

export interface HeartbeatEvent {
  tenantId: string;
  sequence: number;
  at: Date;
}

export type Topics = {
  [Topic.Heartbeat]: [HeartbeatEvent];
};

export function createAppPubSub() {
  return createPubSub<Topics>();
}
export type AppPubSub = ReturnType<typeof createAppPubSub>;

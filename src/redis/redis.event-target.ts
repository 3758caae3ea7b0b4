/**
 * Subscription events through Redis pub/sub (@graphql-yoga/redis-event-target with ioredis): every
 * instance publishes to Redis and hears every event, its own included, so each event reaches each
 * subscriber exactly once whichever instance its WebSocket landed on. Channels carry the deployment's
 * prefix; events are JSON with Dates kept as Dates (the resolvers expect the same objects as in one
 * process).
 */
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { type AppEventTarget } from '../events/pubsub.js';
import { type Logger } from '../logging/logger.js';
import { type RedisConnection } from './redis.connection.js';

const DATE_TAG = '$date';

/** JSON that round-trips Dates (tagged), so `at`, `connectedAt`... arrive as Dates on every instance. */
export const eventSerializer = {
  stringify(message: unknown): string {
    return JSON.stringify(message, function (this: Record<string, unknown>, key, value: unknown) {
      // `value` is already toJSON()'d; the holder still has the Date.
      const raw = this[key];
      return raw instanceof Date ? { [DATE_TAG]: raw.toISOString() } : value;
    });
  },
  parse(message: string): unknown {
    return JSON.parse(message, (_key, value: unknown) => {
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        const tagged = value as Record<string, unknown>;
        const keys = Object.keys(tagged);
        if (keys.length === 1 && keys[0] === DATE_TAG && typeof tagged[DATE_TAG] === 'string') return new Date(tagged[DATE_TAG]);
      }
      return value;
    });
  },
};

export function createRedisAppEventTarget(redis: RedisConnection, log: Logger): AppEventTarget {
  const inner = createRedisEventTarget<CustomEvent>({ publishClient: redis.client, subscribeClient: redis.subscriber, serializer: eventSerializer });
  const channel = (topic: string) => `${redis.prefix}events:${topic}`;
  // The prefix is added on the way out and taken for granted on the way in: listeners are keyed by
  // topic, and the pubsub reads only `detail`.
  return {
    addEventListener: (topic, callback, options) => inner.addEventListener(channel(topic), callback as never, options),
    removeEventListener: (topic, callback, options) => inner.removeEventListener(channel(topic), callback as never, options),
    // Published here rather than by the library, which leaves the PUBLISH promise unobserved: with Redis
    // away that rejection would end the process. A lost progress event is logged; the next one follows.
    dispatchEvent: (event) => {
      redis.client
        .publish(channel(event.type), event.detail === undefined ? '' : eventSerializer.stringify(event.detail))
        .catch((error: unknown) => log.warn({ err: error, topic: event.type }, 'could not publish a subscription event to Redis'));
      return true;
    },
  };
}

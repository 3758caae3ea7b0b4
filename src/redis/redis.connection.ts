/**
 * The gateway's Redis (REDIS_URL): what lets several instances act as one gateway. One command
 * client (publishing, rate-limit counters, QBO budgets) and one subscriber (pub/sub needs a
 * connection of its own). Start-up waits for both and fails naming REDIS_URL when Redis cannot be
 * reached; afterwards ioredis reconnects by itself and /readyz reports Redis down meanwhile.
 */
import { Redis } from 'ioredis';
import { type Logger, redactUri } from '../logging/logger.js';

export interface RedisSettings {
  url: string;
  /** Prefix of every key and channel (several deployments may share one Redis). */
  prefix: string;
}

export interface RedisConnection {
  readonly prefix: string;
  /** Commands and publishing. */
  readonly client: Redis;
  /** Subscriptions only (a subscribed ioredis connection accepts no other command). */
  readonly subscriber: Redis;
  /** The URL without its password, for banners and logs. */
  readonly displayUrl: string;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export class RedisUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    super(`REDIS_URL: cannot reach ${redactUri(url)} (${(cause as Error).message})`);
    this.name = 'RedisUnreachableError';
  }
}

const CONNECT_TIMEOUT_MS = 10_000;

export async function connectRedis(settings: RedisSettings, log: Logger): Promise<RedisConnection> {
  const open = (role: string) => {
    const redis = new Redis(settings.url, {
      lazyConnect: true,
      connectTimeout: CONNECT_TIMEOUT_MS,
      // Commands issued while Redis is away fail after a short wait instead of piling up.
      maxRetriesPerRequest: 2,
      connectionName: `fieldbooks-${role}`,
    });
    // Without a listener ioredis prints every reconnect failure to stderr; it retries by itself.
    redis.on('error', (error: Error) => log.warn({ err: error, role }, 'Redis connection error'));
    return redis;
  };
  const client = open('client');
  const subscriber = open('subscriber');
  try {
    // Fail fast at start-up (no endless reconnect loop before the first success).
    await Promise.all([client.connect(), subscriber.connect()]);
  } catch (error) {
    client.disconnect();
    subscriber.disconnect();
    throw new RedisUnreachableError(settings.url, error);
  }
  return {
    prefix: settings.prefix,
    client,
    subscriber,
    displayUrl: redactUri(settings.url),
    async ping() {
      try {
        return (await withTimeout(client.ping(), 2000)) === 'PONG' && subscriber.status === 'ready';
      } catch {
        return false;
      }
    },
    async close() {
      await Promise.allSettled([client.quit(), subscriber.quit()]);
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

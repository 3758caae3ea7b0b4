/**
 * Rate limits on GraphQL, over HTTP and WebSocket alike: per API key, per client address, and on
 * failed authentications per client address (a brute-force guard). Counters live in the database
 * (rate-limiter-flexible's MongoDB store), so every gateway process sharing it shares the limits.
 *
 * On FerretDB the store works as it is, with two differences handled here: FerretDB has no TTL
 * indexes, so expired counters are swept by this module; and its updates are read-then-write, so
 * requests racing on one counter in the same instant can each count once where MongoDB would count
 * every one (a burst can pass by a few requests; a sustained rate is held). If the database cannot
 * be reached, an in-process limiter with the same limits takes over (the library's insurance).
 *
 * With REDIS_URL the counters live in Redis instead (rate-limiter-flexible's Redis store: atomic
 * increments with expiry, exact under races), shared by every instance the same way.
 */
import { createHash } from 'node:crypto';
import { type RequestHandler, type Response } from 'express';
import { type GraphQLError } from 'graphql';
import { type Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { type RateLimitStore } from '../persistence/rate-limit.store.js';
import { RateLimitedError } from '../errors/domain.errors.js';
import { toGraphQLError } from '../graphql/errors.js';
import { type ClientAddress, clientAddressOf } from './client-address.js';
import { type Logger } from '../logging/logger.js';
import { parseAuthorization } from '../tenancy/api-key.js';

export interface RateLimitSettings {
  /** GraphQL operations per API key per minute; 0 turns the limit off. */
  perKeyPerMinute: number;
  /** GraphQL requests (HTTP) and operations (WebSocket) per client address per minute; 0 = off. */
  perAddressPerMinute: number;
  /** Failed authentications per client address per window before it is refused; 0 = off. */
  authFailures: number;
  authFailureWindowSeconds: number;
  /** Proxies whose X-Forwarded-For names the client (see client-address.ts); empty: the socket's peer. */
  trustedProxies?: readonly string[];
}

/** A refusal: how long the caller should wait. */
export interface RateLimitRefusal {
  retryAfterSeconds: number;
  message: string;
}

const COLLECTIONS = { key: 'rate_limits_api_key', address: 'rate_limits_address', authFailure: 'rate_limits_auth_failure' } as const;
const SWEEP_EVERY_MS = 5 * 60_000;

export class GatewayRateLimits {
  readonly #key?: RateLimiterAbstract;
  readonly #address?: RateLimiterAbstract;
  readonly #authFailure?: RateLimiterAbstract;
  #sweeper: NodeJS.Timeout | undefined;
  /** The client's address for the per-address limits, on HTTP and WebSocket alike. */
  readonly clientAddress: ClientAddress;

  constructor(
    private readonly store: RateLimitStore,
    private readonly settings: RateLimitSettings,
    private readonly log: Logger,
    private readonly redis?: { client: Redis; prefix: string },
  ) {
    this.clientAddress = clientAddressOf(settings.trustedProxies ?? []);
    const limiter = (collection: string, points: number, duration: number): RateLimiterAbstract | undefined =>
      points <= 0
        ? undefined
        : redis
          ? new RateLimiterRedis({
              storeClient: redis.client,
              keyPrefix: `${redis.prefix}${collection}`,
              points,
              duration,
              insuranceLimiter: new RateLimiterMemory({ points, duration, keyPrefix: collection }),
            })
          : store.limiter(collection, points, duration, new RateLimiterMemory({ points, duration, keyPrefix: collection }));
    this.#key = limiter(COLLECTIONS.key, settings.perKeyPerMinute, 60);
    this.#address = limiter(COLLECTIONS.address, settings.perAddressPerMinute, 60);
    this.#authFailure = limiter(COLLECTIONS.authFailure, settings.authFailures, settings.authFailureWindowSeconds);
  }

  async init(): Promise<void> {
    // Redis expires its counters itself.
    if (this.redis) return;
    const collections = Object.values(COLLECTIONS);
    await this.store.ensureIndexes(collections);
    const sweep = () => void this.store.sweepExpired(collections, new Date()).catch((error: unknown) => this.log.warn({ err: error }, 'sweeping expired rate-limit counters failed'));
    this.#sweeper = setInterval(sweep, SWEEP_EVERY_MS);
    this.#sweeper.unref();
  }

  stop(): void {
    clearInterval(this.#sweeper);
  }

  /**
   * Before authenticating: counts the request against its address, and refuses an address that
   * failed authentication too often (valid keys included, until the window passes).
   */
  async beforeAuthentication(address: string): Promise<RateLimitRefusal | undefined> {
    const blocked = await this.#authFailure?.get(address);
    if (blocked && blocked.consumedPoints >= this.settings.authFailures) {
      return refusal(blocked, 'Too many failed authentications from this address');
    }
    return this.#consume(this.#address, address, 'Too many requests from this address');
  }

  /** An API key was presented and refused. */
  async authenticationFailed(address: string): Promise<void> {
    await this.#authFailure?.penalty(address, 1);
  }

  /** One operation under a valid key. `address` too for WebSocket operations (HTTP counted it before authenticating). */
  async operation(apiKey: string, address?: string): Promise<RateLimitRefusal | undefined> {
    if (address !== undefined) {
      const byAddress = await this.#consume(this.#address, address, 'Too many requests from this address');
      if (byAddress) return byAddress;
    }
    return this.#consume(this.#key, keyId(apiKey), 'Too many requests for this API key');
  }

  async #consume(limiter: RateLimiterAbstract | undefined, key: string, message: string): Promise<RateLimitRefusal | undefined> {
    if (!limiter) return undefined;
    try {
      await limiter.consume(key, 1);
      return undefined;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return refusal(rejection, message);
      throw rejection;
    }
  }
}

/** Counters never hold the key itself. */
function keyId(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex').slice(0, 32);
}

function refusal(res: RateLimiterRes, message: string): RateLimitRefusal {
  const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return { retryAfterSeconds, message: `${message}: try again in ${retryAfterSeconds} s.` };
}

/**
 * Express middleware for `/graphql` over HTTP: 429 with `Retry-After` (and a GraphQL-shaped body with
 * `extensions.code = RATE_LIMITED`) before the body is parsed. `authenticate` is the gateway's own key
 * check: a key presented and refused counts as a failed authentication; a valid one against its limit.
 */
export function httpRateLimit(limits: GatewayRateLimits, authenticate: (key: string | undefined) => Promise<unknown>): RequestHandler {
  return (req, res, next) => {
    const address = limits.clientAddress(req);
    const check = async (): Promise<RateLimitRefusal | undefined> => {
      const before = await limits.beforeAuthentication(address);
      if (before) return before;
      if (req.headers.authorization === undefined) return undefined; // Apollo answers 401; nothing to guess at
      const key = parseAuthorization(req.headers.authorization);
      const tenant = key ? await authenticate(key) : undefined;
      if (!key || !tenant) {
        await limits.authenticationFailed(address);
        return undefined;
      }
      // The GraphQL context takes this answer instead of authenticating the same request again.
      res.locals.authenticated = { key, tenant };
      return limits.operation(key);
    };
    check().then((refused) => (refused ? refuse(res, refused) : next()), next);
  };
}

function refuse(res: Response, refused: RateLimitRefusal): void {
  res
    .status(429)
    .set('Retry-After', String(refused.retryAfterSeconds))
    .json({ errors: [{ message: refused.message, extensions: { code: 'RATE_LIMITED', retryAfter: refused.retryAfterSeconds } }] });
}

/** The error a WebSocket operation over a limit ends with (graphql-ws sends it as the operation's error). */
export function rateLimitedError(refused: RateLimitRefusal): GraphQLError {
  return toGraphQLError(new RateLimitedError(refused.message, refused.retryAfterSeconds));
}

/** graphql-ws close code for a connection refused by a rate limit (4429, after HTTP's 429). */
export const WS_RATE_LIMITED = 4429;

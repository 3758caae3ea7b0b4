/**
 * graphql-ws on the gateway's `/graphql` path, held to the same rules as HTTP:
 *
 * - Size before parsing: `ws` refuses any frame over `maxMessageBytes` from its header (close 1009),
 *   and until the socket is authenticated only `maxInitBytes` are accepted (connection_init carries an
 *   API key, nothing more), so an anonymous 20 MB frame is never buffered whole, let alone parsed.
 * - The same operation rules (token limit at parse, graphql-armor limits, no introspection in
 *   production) and the same error formatter as Apollo.
 * - A key valid now: every operation re-authenticates the socket's API key (one indexed lookup)
 *   before it runs, and a poll closes sockets whose key was revoked or whose tenant was deleted
 *   (close 4403 "API key revoked"). Both read the database, so a revocation made through any gateway
 *   process sharing it reaches every process's sockets. A revocation is also announced on the pubsub
 *   (through Redis with REDIS_URL), which closes the sockets on every instance at once; the poll is
 *   the backstop for an announcement lost with Redis down.
 * - Kept alive: every `keepAliveMs` each socket is pinged (browsers and `ws` answer with a pong on
 *   their own), so a proxy's idle timeout does not close a quiet subscription, and a socket that did not
 *   answer the previous ping is a dead peer and is terminated, freeing its subscriptions.
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { type ExecutionArgs, GraphQLError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { createRequestLoaders, type GraphQLContext } from '../graphql/context.js';
import { Topic } from '../events/pubsub.js';
import { type FormatErrorOptions, formatGraphQLError } from '../graphql/errors.js';
import { checkOperation, type OperationRules } from '../graphql/operation.rules.js';
import { type Logger } from '../logging/logger.js';
import { type Services } from '../services.js';
import { displayPrefix, hashApiKey, parseAuthorization } from '../tenancy/api-key.js';
import { type GatewayRateLimits, rateLimitedError, WS_RATE_LIMITED } from './rate-limit.js';

/** Close code of a socket refused at connect or whose key stopped being valid (graphql-ws's Forbidden). */
export const WS_FORBIDDEN = 4403;
/** RFC 6455 "Message Too Big": also what `ws` sends when a frame exceeds maxPayload. */
export const WS_MESSAGE_TOO_BIG = 1009;
export const WS_REVOKED_REASON = 'API key revoked';

export interface GraphqlWsOptions {
  schema: GraphQLSchema;
  services: Services;
  logger: Logger;
  rules: OperationRules;
  formatOptions: FormatErrorOptions;
  limits: { maxMessageBytes: number; maxInitBytes: number; keyCheckMs: number; keepAliveMs?: number };
  /** Per key, per address and failed-authentication limits (shared with HTTP; see rate-limit.ts). */
  rateLimits?: GatewayRateLimits;
}

interface Session {
  socket: WebSocket;
  /** False from a ping until its pong (see the keep-alive below). */
  alive: boolean;
  key?: string;
  keyHash?: string;
  tenantId?: string;
}

// A type alias (not an interface) so it meets graphql-ws's Record<PropertyKey, unknown> constraint.
type Extra = {
  socket: WebSocket;
  request: http.IncomingMessage;
  session?: Session;
};

export function startGraphqlWs(httpServer: http.Server, options: GraphqlWsOptions): { dispose(): Promise<void> } {
  const { schema, services, logger, rules, formatOptions, limits, rateLimits } = options;
  const sessions = new Map<WebSocket, Session>();
  const log = logger.child({ transport: 'ws' });
  const clientAddress = (request: http.IncomingMessage) => rateLimits?.clientAddress(request) ?? request.socket.remoteAddress ?? 'unknown';

  const revoke = (session: Session) => {
    sessions.delete(session.socket);
    if (session.socket.readyState === session.socket.OPEN) session.socket.close(WS_FORBIDDEN, WS_REVOKED_REASON);
  };

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: limits.maxMessageBytes });
  const graphqlWs = useServer<{ authorization?: unknown }, Extra>(
    {
      schema,
      onConnect: async (ctx) => {
        const address = clientAddress(ctx.extra.request);
        const limited = await rateLimits?.beforeAuthentication(address);
        if (limited) {
          ctx.extra.socket.close(WS_RATE_LIMITED, limited.message);
          return false;
        }
        const key = parseAuthorization(ctx.connectionParams?.authorization);
        const tenant = await services.tenants.authenticate(key);
        const session = sessions.get(ctx.extra.socket);
        if (!tenant || !key) {
          if (ctx.connectionParams?.authorization !== undefined) await rateLimits?.authenticationFailed(address);
          return false; // graphql-ws closes with 4403 Forbidden
        }
        if (!session) return false;
        Object.assign(session, { key, keyHash: hashApiKey(key), tenantId: tenant.id });
        ctx.extra.session = session;
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const session = ctx.extra.session!;
        // The key must be valid now, not only when the socket opened: a revoked (stolen) key gets no
        // further operation, not even one minting a new key.
        const tenant = await services.tenants.authenticate(session.key);
        if (!tenant || tenant.id !== session.tenantId) {
          revoke(session);
          return [new GraphQLError(WS_REVOKED_REASON, { extensions: { code: 'UNAUTHENTICATED' } })];
        }
        const limited = await rateLimits?.operation(session.key!, clientAddress(ctx.extra.request));
        if (limited) return [rateLimitedError(limited)];
        const checked = checkOperation(schema, rules, payload.query, payload.operationName, payload.variables);
        if ('errors' in checked) return checked.errors;
        const context: GraphQLContext = {
          tenant,
          services,
          log: log.child({ tenantId: tenant.id }),
          requestId: randomUUID(),
          apiKeyPrefix: displayPrefix(session.key!),
          apiKeyHash: session.keyHash!,
          // A subscription lives as long as the socket may: batch, but never serve cached rows.
          loaders: createRequestLoaders(services, tenant.id, { cache: false }),
        };
        const args: ExecutionArgs = { schema, document: checked.document, operationName: payload.operationName, variableValues: payload.variables, contextValue: context };
        return args;
      },
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!result.errors?.length) return;
        return { ...result, errors: result.errors.map((e) => formatGraphQLError(e, formatOptions)) };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatGraphQLError(e, formatOptions)),
    },
    wsServer,
  );

  // Registered after useServer's own listener, so graphql-ws's message handler is already on the
  // socket: it is taken off and called only for messages within the size allowed at this point.
  wsServer.on('connection', (socket) => {
    const session: Session = { socket, alive: true };
    sessions.set(socket, session);
    socket.on('pong', () => (session.alive = true));
    socket.once('close', () => sessions.delete(socket));
    const handlers = socket.listeners('message') as ((data: RawData, isBinary: boolean) => void)[];
    socket.removeAllListeners('message');
    socket.on('message', (data, isBinary) => {
      const limit = session.keyHash ? limits.maxMessageBytes : limits.maxInitBytes;
      if (byteLength(data) > limit) {
        socket.close(WS_MESSAGE_TOO_BIG, session.keyHash ? 'Message too big' : 'connection_init too big');
        return;
      }
      for (const handler of handlers) handler.call(socket, data, isBinary);
    });
  });

  // Revocations announced by any instance (in-process without Redis): close at once.
  const revocations = services.pubsub.subscribe(Topic.ApiKeysRevoked);
  void (async () => {
    for await (const { keyHashes } of revocations) {
      const revoked = new Set(keyHashes);
      for (const session of [...sessions.values()]) if (session.keyHash && revoked.has(session.keyHash)) revoke(session);
    }
  })().catch((error: unknown) => log.error({ err: error }, 'listening for API key revocations stopped; the periodic re-check still closes revoked sockets'));

  // Closes sockets whose key was revoked (or whose tenant was deleted) through any process.
  let checking = false;
  const poll = setInterval(() => {
    if (checking || sessions.size === 0) return;
    checking = true;
    const live = [...sessions.values()].filter((s) => s.keyHash);
    services.tenants
      .validKeyHashes([...new Set(live.map((s) => s.keyHash!))])
      .then((valid) => {
        for (const session of live) if (!valid.has(session.keyHash!)) revoke(session);
      })
      .catch((error: unknown) => log.warn({ err: error }, 'could not re-check WebSocket API keys; each operation still checks its key'))
      .finally(() => (checking = false));
  }, limits.keyCheckMs);
  poll.unref();

  const keepAlive = limits.keepAliveMs
    ? setInterval(() => {
        for (const session of sessions.values()) {
          if (!session.alive) {
            session.socket.terminate();
            continue;
          }
          session.alive = false;
          session.socket.ping();
        }
      }, limits.keepAliveMs)
    : undefined;
  keepAlive?.unref();

  return {
    async dispose() {
      clearInterval(poll);
      clearInterval(keepAlive);
      await revocations.return();
      // graphql-ws's dispose also closes the WebSocketServer; closing it again would never call back.
      await graphqlWs.dispose();
    },
  };
}

function byteLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((n, b) => n + b.length, 0);
  return data instanceof ArrayBuffer ? data.byteLength : data.length;
}

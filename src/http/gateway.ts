/**
 * The gateway's HTTP surface on one Express 5 server: `/graphql` (Apollo for queries and mutations,
 * graphql-ws on the same path for subscriptions), `/healthz`, `/readyz`, `/metrics`. Knows nothing of
 * how the database or QuickBooks are chosen: main.ts wires those.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { pinoHttp } from 'pino-http';
import { createRequestLoaders, type GraphQLContext } from '../graphql/context.js';
import { UnauthenticatedError } from '../errors/domain.errors.js';
import { formatError, formatErrorOptions, toGraphQLError } from '../graphql/errors.js';
import { createOperationRules } from '../graphql/operation.rules.js';
import { buildAppSchema } from '../graphql/schema.js';
import { type Logger } from '../logging/logger.js';
import { type Services } from '../services.js';
import { displayPrefix, hashApiKey, parseAuthorization } from '../tenancy/api-key.js';
import { type AuthenticatedTenant } from '../tenancy/tenant.service.js';
import { graphqlCors, securityHeaders } from './browser-security.js';
import { startGraphqlWs } from './graphql-ws.server.js';
import { createMetrics } from './metrics.js';
import { type GatewayRateLimits, httpRateLimit } from './rate-limit.js';

export interface GatewayOptions {
  /** The services; the GraphQL schema is built here, on `services.pubsub` (the pubsub they publish to). */
  services: Services;
  logger: Logger;
  /** Answers /readyz: each backing service and whether it responds (all must, for 200). */
  readiness: () => Promise<Record<string, boolean>>;
  /** Extra routes mounted before GraphQL (OAuth callback, webhooks, web app...). */
  mount?: (app: express.Express) => void;
  /** Per key, per address and failed-authentication limits on /graphql (both transports). */
  rateLimits?: GatewayRateLimits;
}

export interface RunningGateway {
  url: string;
  graphqlUrl: string;
  wsUrl: string;
  port: number;
  httpServer: http.Server;
  close(): Promise<void>;
}

export { WS_FORBIDDEN } from './graphql-ws.server.js';

const HTTP_BODY_LIMIT = '2mb';

export async function startGateway(options: GatewayOptions, listen: { port: number; host: string; publicUrl?: string }): Promise<RunningGateway> {
  const { services, logger } = options;
  const schema = await buildAppSchema(services.pubsub);
  const production = services.config.isProduction;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const metrics = createMetrics({ realmBudgets: () => services.limiter.usage() });

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url === '/metrics' },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'debug'),
    }),
  );

  app.use(securityHeaders({ production }));
  app.use('/graphql', graphqlCors(services.config.http.corsOrigins));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const parts = await options.readiness();
    const ready = Object.values(parts).every(Boolean);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', ...Object.fromEntries(Object.entries(parts).map(([name, up]) => [name, up ? 'up' : 'down'])) });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  options.mount?.(app);

  // One rule set and one error formatter for both transports (HTTP below, WebSocket here).
  const rules = createOperationRules({ production });
  const formatOptions = formatErrorOptions(production);
  const wsCleanup = startGraphqlWs(httpServer, { schema, services, logger, rules, formatOptions, limits: services.config.websocket , rateLimits: options.rateLimits });

  const disposeWs: ApolloServerPlugin = {
    serverWillStart: () =>
      Promise.resolve({
        async drainServer() {
          await wsCleanup.dispose();
        },
      }),
  };

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    // Introspection is refused by the shared rule set in production (the same rule on WebSocket).
    introspection: true,
    parseOptions: rules.parseOptions,
    validationRules: rules.validationRules,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // main.ts owns signals: it drains the whole app (database, embedded server) in order.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      disposeWs,
      production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
      // No cache hints are used (every answer is per API key, set no-store below), and the plugin's
      // per-field hook wrapped every field's resolver: a 50-row page paid for it 400 times.
      ApolloServerPluginCacheControlDisabled(),
      metrics.apolloPlugin,
      // The cost model needs the variables, so it runs once the operation is resolved (same check as WebSocket's).
      rules.costPlugin,
    ].map(asPlugin),
    formatError: (formatted, error) => formatError(formatted, error, formatOptions),
    logger: {
      debug: (m) => logger.debug(m),
      info: (m) => logger.info(m),
      warn: (m) => logger.warn(m),
      error: (m) => logger.error(m),
    },
  });
  await apollo.start();

  app.use(
    '/graphql',
    (_req: express.Request, res: express.Response, next: express.NextFunction) => {
      res.setHeader('cache-control', 'no-store'); // answers belong to one API key: never stored by a proxy or browser
      next();
    },
    ...(options.rateLimits ? [httpRateLimit(options.rateLimits, (key) => services.tenants.authenticate(key))] : []),
    express.json({ limit: HTTP_BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const key = parseAuthorization(req.headers.authorization);
        // Authenticated once per request: by the rate limiter when it runs (same key, same request), else here.
        const checked = res.locals.authenticated as { key: string; tenant: AuthenticatedTenant } | undefined;
        const tenant = checked && checked.key === key ? checked.tenant : await services.tenants.authenticate(key);
        // A GraphQLError, or Apollo would prefix the message with "Context creation failed: ".
        if (!tenant || !key) throw toGraphQLError(new UnauthenticatedError());
        return {
          tenant,
          services,
          log: req.log.child({ tenantId: tenant.id }),
          requestId: req.id as string /* genReqId above always returns a string */,
          apiKeyPrefix: displayPrefix(key),
          apiKeyHash: hashApiKey(key),
          loaders: createRequestLoaders(services, tenant.id),
          cookies: {
            set: (c) => res.cookie(c.name, c.value, { httpOnly: true, sameSite: 'lax', secure: production, path: c.path, expires: c.expires }),
          },
        };
      },
    }),
  );

  // Last: whatever a route or body parser threw becomes a JSON answer (never Express's HTML page
  // with a stack and file paths). Client mistakes are 4xx; anything else is logged and masked.
  app.use((error: unknown, req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    const { status, message, code } = describeHttpError(error);
    if (status >= 500) req.log.error({ err: error }, 'request failed');
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(listen.port, listen.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  const displayHost = listen.host === '0.0.0.0' || listen.host === '::' ? 'localhost' : listen.host;
  const url = listen.publicUrl ?? `http://${displayHost}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    wsUrl: `${url.replace(/^http/, 'ws')}/graphql`,
    port,
    httpServer,
    close() {
      // apollo.stop() drains HTTP connections and (through disposeWs) closes every WebSocket.
      // (graphql-ws's dispose also closes the WebSocketServer; closing it again would never call back.)
      closing ??= apollo.stop().then(() => {
        httpServer.closeAllConnections();
      });
      return closing;
    },
  };
}

/**
 * Apollo's plugin subpaths resolve to its CommonJS typings while the server resolves to the ESM ones;
 * the runtime objects are the same, only the declarations are duplicated.
 */
function asPlugin(plugin: unknown): ApolloServerPlugin<GraphQLContext> {
  return plugin as ApolloServerPlugin<GraphQLContext>;
}

/** Status, message and code of an error that reached Express: body-parser's carry a 4xx status. */
function describeHttpError(error: unknown): { status: number; message: string; code: string } {
  const e = error as { status?: unknown; statusCode?: unknown; type?: unknown; expose?: unknown; message?: unknown };
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status < 400 || status >= 500) return { status: 500, message: 'Internal server error', code: 'INTERNAL_SERVER_ERROR' };
  if (e.type === 'entity.parse.failed') return { status: 400, message: 'The request body is not valid JSON.', code: 'BAD_REQUEST' };
  if (e.type === 'entity.too.large') return { status: 413, message: `The request body is too large (at most ${HTTP_BODY_LIMIT.toUpperCase().replace('MB', ' MB')}).`, code: 'BAD_REQUEST' };
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') return { status: 415, message: 'The request body must be UTF-8 JSON.', code: 'BAD_REQUEST' };
  return { status, message: e.expose === true && typeof e.message === 'string' ? e.message : 'Bad request', code: 'BAD_REQUEST' };
}

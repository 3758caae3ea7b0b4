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
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express from 'express';
import { type GraphQLSchema, validate as validateDocument, parse, type ExecutionArgs, type GraphQLError, specifiedRules } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { pinoHttp } from 'pino-http';
import { WebSocketServer } from 'ws';
import { createRequestLoaders, type GraphQLContext } from '../graphql/context.js';
import { formatError, UnauthenticatedError } from '../graphql/errors.js';
import { type Logger } from '../logging/logger.js';
import { type Services } from '../services.js';
import { displayPrefix, parseAuthorization } from '../tenancy/api-key.js';
import { createMetrics } from './metrics.js';

export interface GatewayOptions {
  schema: GraphQLSchema;
  services: Services;
  logger: Logger;
  /** Answers /readyz: true when the database responds. */
  isReady: () => Promise<boolean>;
  /** Extra routes mounted before GraphQL (OAuth callback, webhooks, web app...). */
  mount?: (app: express.Express) => void;
}

export interface RunningGateway {
  url: string;
  graphqlUrl: string;
  wsUrl: string;
  port: number;
  httpServer: http.Server;
  close(): Promise<void>;
}

/** Close code graphql-ws uses for a refused connection (bad or missing API key). */
export const WS_FORBIDDEN = 4403;

export async function startGateway(options: GatewayOptions, listen: { port: number; host: string; publicUrl?: string }): Promise<RunningGateway> {
  const { schema, services, logger } = options;
  const production = services.config.isProduction;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const metrics = createMetrics();

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

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await options.isReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', database: ready ? 'up' : 'down' });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  options.mount?.(app);

  // Limits on every operation (depth, aliases, cost, tokens), for HTTP and WebSocket alike.
  const armor = new ApolloArmor({
    maxDepth: { n: 10 },
    maxAliases: { n: 15 },
    costLimit: { maxCost: 5000 },
    maxTokens: { n: 2000 },
    maxDirectives: { n: 20 },
  }).protect();

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer<{ authorization?: unknown }, { context?: GraphQLContext }>(
    {
      schema,
      onConnect: async (ctx) => {
        const key = parseAuthorization(ctx.connectionParams?.authorization);
        const tenant = await services.tenants.authenticate(key);
        if (!tenant || !key) return false; // graphql-ws closes with 4403 Forbidden
        ctx.extra.context = {
          tenant,
          services,
          log: logger.child({ tenantId: tenant.id, transport: 'ws' }),
          requestId: randomUUID(),
          apiKeyPrefix: displayPrefix(key),
          // The context lives as long as the socket: batch, but never serve cached rows.
          loaders: createRequestLoaders(services, tenant.id, { cache: false }),
        };
        return true;
      },
      context: (ctx) => ctx.extra.context!,
      onSubscribe: (ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error as GraphQLError];
        }
        const errors = validateDocument(schema, document, [...specifiedRules, ...armor.validationRules]);
        if (errors.length > 0) return errors;
        const args: ExecutionArgs = {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: ctx.extra.context,
        };
        return args;
      },
    },
    wsServer,
  );

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
    introspection: !production,
    // main.ts owns signals: it drains the whole app (database, embedded server) in order.
    stopOnTerminationSignals: false,
    ...armor,
    plugins: [
      ...armor.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      disposeWs,
      production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
      metrics.apolloPlugin,
    ].map(asPlugin),
    formatError: (formatted, error) => formatError(formatted, error, { exposeInternal: !production }),
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
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const key = parseAuthorization(req.headers.authorization);
        const tenant = await services.tenants.authenticate(key);
        if (!tenant || !key) throw new UnauthenticatedError();
        return {
          tenant,
          services,
          log: req.log.child({ tenantId: tenant.id }),
          requestId: req.id as string /* genReqId above always returns a string */,
          apiKeyPrefix: displayPrefix(key),
          loaders: createRequestLoaders(services, tenant.id),
        };
      },
    }),
  );

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

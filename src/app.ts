/**
 * Assembles one gateway: database (configured or embedded), QuickBooks (Intuit, or the built-in
 * simulator), services, schema, HTTP server. Used by main.ts (the process) and by the tests (several
 * gateways per process, each on its own database).
 */
import 'reflect-metadata';
import { type AppConfig } from './config/config.js';
import { loadTokenCipher } from './connection/encryption-key.js';
import { mountOAuthCallback } from './connection/oauth-callback.route.js';
import { mountWebhookRoute } from './webhooks/webhook.route.js';
import { type Database, openDatabase } from './persistence/database.js';
import { createRepositories } from './persistence/repositories.js';
import { seedDemoData } from './demo/demo-data.js';
import { ensureDemoTenant, type DemoTenant } from './demo/demo-tenant.js';
import { createAppPubSub, Topic } from './events/pubsub.js';
import { type RunningGateway, startGateway } from './http/gateway.js';
import { GatewayRateLimits } from './http/rate-limit.js';
import { defaultWebDistDir, mountWebApp } from './http/web-app.route.js';
import { type Logger } from './logging/logger.js';
import { IntuitOAuth } from './providers/quickbooks/intuit-oauth.client.js';
import { setQboHttpTimeout } from './providers/quickbooks/qbo.client.js';
import { intuitEndpoints, type QboEndpoints, simulatorEndpoints } from './providers/quickbooks/qbo.endpoints.js';
import { connectRedis, type RedisConnection } from './redis/redis.connection.js';
import { createRedisAppEventTarget } from './redis/redis.event-target.js';
import { type Sandbox } from './sandbox/sandbox.js';
import { createServices, type Services } from './services.js';

export interface App {
  config: AppConfig;
  database: Database;
  /** Present with REDIS_URL: what makes several instances one gateway. */
  redis?: RedisConnection;
  services: Services;
  gateway: RunningGateway;
  demo?: DemoTenant;
  quickbooks: { endpoints: QboEndpoints; redirectUri: string; clientId: string; simulator?: Sandbox };
  /** Stops accepting work, drains HTTP and WebSocket, closes the database (and the embedded servers). */
  close(): Promise<void>;
}

interface QboRuntime {
  endpoints: QboEndpoints;
  clientId: string;
  clientSecret: string;
  /** Key of the `intuit-signature` HMAC on webhook deliveries. */
  webhookVerifierToken?: string;
  /** Present when this process runs the simulator itself. */
  simulator?: Sandbox;
}

/** Real Intuit when credentials are configured; otherwise the simulator (in this process, or at QBO_SANDBOX_URL). */
async function startQuickBooks(config: AppConfig, logger: Logger): Promise<QboRuntime> {
  const qb = config.quickbooks;
  if (!qb.useSimulator) {
    return { endpoints: intuitEndpoints(qb.environment), clientId: qb.clientId!, clientSecret: qb.clientSecret!, webhookVerifierToken: qb.webhookVerifierToken };
  }
  // The config schema already refuses this; a second lock, since the simulator's app credentials and
  // webhook verifier token are public.
  if (config.isProduction) throw new Error('production never runs on the QuickBooks simulator: set QBO_CLIENT_ID, QBO_CLIENT_SECRET and QBO_REDIRECT_URI');
  if (qb.simulatorUrl) {
    const info = (await (await fetch(`${qb.simulatorUrl}/_sandbox/info`)).json()) as { app: { clientId: string; clientSecret: string; webhookVerifierToken: string } };
    return { endpoints: simulatorEndpoints(qb.simulatorUrl), clientId: info.app.clientId, clientSecret: info.app.clientSecret, webhookVerifierToken: info.app.webhookVerifierToken };
  }
  // Loaded only here, so a production configuration never loads the simulator's code.
  const { createSandbox } = await import('./sandbox/sandbox.js');
  const simulator = createSandbox({
    oauth: { autoApprove: false },
    scale: config.sandbox.timeScale,
    // Kept across restarts, or the gateway would hold Ids, SyncTokens and tokens of a QuickBooks that forgot them.
    ...(config.sandbox.fresh ? {} : { persistence: { dir: config.sandbox.dataDir, onError: (error: Error) => logger.error({ err: error }, 'the QuickBooks simulator could not save its state') } }),
  });
  const { url } = await simulator.listen(config.sandbox.port, '127.0.0.1');
  logger.info({ url }, 'QuickBooks simulator started');
  const demo = simulator.oauth.demoApp;
  return { endpoints: simulatorEndpoints(url), clientId: demo.clientId, clientSecret: demo.clientSecret, webhookVerifierToken: demo.webhookVerifierToken, simulator };
}

export async function createApp(config: AppConfig, logger: Logger, options: { dbName?: string } = {}): Promise<App> {
  const database = await openDatabase(config, (m) => logger.info(m), { dbName: options.dbName });
  let qbo: QboRuntime | undefined;
  let redis: RedisConnection | undefined;
  try {
    if (config.redis) {
      redis = await connectRedis(config.redis, logger.child({ slice: 'redis' }));
      logger.info({ redis: redis.displayUrl }, 'Redis connected: subscriptions, revocations and limits are shared by every instance');
    }
    setQboHttpTimeout(config.quickbooks.httpTimeoutMs);
    qbo = await startQuickBooks(config, logger);
    const runtime = qbo;
    const cipher = await loadTokenCipher({ configuredKey: config.encryptionKey, dataDir: config.dataDir });
    // Across instances through Redis when configured, in this process otherwise.
    const pubsub = createAppPubSub({ eventTarget: redis ? createRedisAppEventTarget(redis, logger.child({ slice: 'redis' })) : undefined });
    let redirectUri = config.quickbooks.redirectUri ?? '';
    let ownOrigin = '';
    let oauth: IntuitOAuth | undefined;
    const services = createServices({
      config,
      repositories: createRepositories(database.connection),
      pubsub,
      logger,
      cipher,
      oauth: () =>
        (oauth ??= new IntuitOAuth({ clientId: runtime.clientId, clientSecret: runtime.clientSecret, redirectUri, endpoints: runtime.endpoints })),
      returnOrigins: () => [ownOrigin, ...config.returnOrigins].filter(Boolean),
      redis,
    });
    // Every instance closes a revoked key's sockets at once (and the periodic re-check stays as a backstop).
    services.tenants.onKeysRevoked((keyHashes) => pubsub.publish(Topic.ApiKeysRevoked, { keyHashes }));
    await services.tenants.ensureIndexes();
    await services.connections.ensureIndexes();
    await services.inbound.ensureIndexes();
    await services.sync.ensureIndexes();
    await services.pull.init();
    const demo = config.demo.enabled ? await ensureDemoTenant(services.tenants, { dataDir: config.dataDir, apiKey: config.demo.apiKey }) : undefined;
    // A first start also gets a small demo business to push once QuickBooks is connected.
    if (demo?.created) await seedDemoData(demo.tenantId, services.ledger, services.ledgerRecords);
    // Counters in Redis or else the shared database: the limits hold across every gateway process.
    const rateLimits = new GatewayRateLimits(services.repositories.rateLimits, config.rateLimits, logger.child({ slice: 'rate-limit' }), redis ? { client: redis.client, prefix: redis.prefix } : undefined);
    await rateLimits.init();
    const gateway = await startGateway(
      {
        services,
        logger,
        readiness: async () => ({ database: await database.ping(), ...(redis ? { redis: await redis.ping() } : {}) }),
        rateLimits,
        mount: (app) => {
          mountOAuthCallback(app, services.connections, logger);
          mountWebhookRoute(app, {
            receiver: services.provider.webhooks,
            providerName: services.provider.displayName,
            realmOwners: services.repositories.realmOwners,
            queue: services.inbound,
            log: logger.child({ slice: 'webhooks' }),
            secret: () => runtime.webhookVerifierToken,
            onReceived: (tenantIds) => services.pull.drainSoon(tenantIds),
          });
          mountWebApp(app, { distDir: defaultWebDistDir(), demoApiKey: demo?.apiKey });
        },
      },
      { port: config.http.port, host: config.http.host, publicUrl: config.http.publicUrl },
    );
    ownOrigin = new URL(gateway.url).origin;
    // Hints stored before a restart are drained now; then the CDC backstop polls on its interval.
    services.pull.start();
    // Finishes key rotation for every connection, idle tenants included (see TokenVault.resealAll).
    services.connections.startResealing(15 * 60_000);
    // A run left unfinished by an instance that stopped is taken over by whichever instance looks first.
    services.sync.runs.watchForOrphans();
    if (!redirectUri) {
      redirectUri = `${gateway.url}/oauth/callback`;
      // The simulator's demo app must know this callback (as an Intuit app's settings would).
      runtime.simulator?.oauth.addRedirectUri(runtime.clientId, redirectUri);
    }
    let closing: Promise<void> | undefined;
    return {
      config,
      database,
      redis,
      services,
      gateway,
      demo,
      quickbooks: { endpoints: runtime.endpoints, redirectUri, clientId: runtime.clientId, simulator: runtime.simulator },
      close() {
        closing ??= (async () => {
          await gateway.close();
          services.connections.stopResealing();
          rateLimits.stop();
          await services.pull.close();
          await services.sync.close();
          await services.connections.idle();
          await services.limiter.stop();
          await runtime.simulator?.close();
          await redis?.close();
          await database.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await qbo?.simulator?.close().catch(() => {});
    await redis?.close().catch(() => {});
    await database.close().catch(() => {});
    throw error;
  }
}

/**
 * Assembles the QBO sandbox: one Express 5 app serving Intuit's OAuth paths (C's module), the data
 * API under `/v3/company/:realmId` (core, with B's query, CDC, batch and limiter), webhooks (B), and
 * the `/_sandbox/` admin API, all on one virtual clock. Runs in-process (tests, the embedded
 * default) or alone (`main.ts`).
 */
import { type AddressInfo } from 'node:net';
import { type Server } from 'node:http';
import express, { type Express } from 'express';
import { VirtualClock, type Clock } from './clock.js';
import { type StoreOptions } from './company/entity.rules.js';
import { type SeedName } from './company/seeds/seed.registry.js';
import { faults } from './faults.js';
import { createAdminRouter } from './admin/admin.router.js';
import { createOAuthServer, type OAuthServer, type OAuthServerOptions } from './oauth/oauth.server.js';
import { createRealmLimiter, type RealmLimiter, type RealmLimiterOptions } from './limits/limits.js';
import { createWebhookNotifier, type WebhookNotifier, type WebhookNotifierOptions } from './webhooks/webhook.notifier.js';
import { BatchReplayCache } from './batch/batch-replay.cache.js';
import { type BatchResponseBody } from './batch/batch.service.js';
import { type QueryOptions } from './query/query.service.js';
import { CompanyRegistry } from './http/company.registry.js';
import { createDataApiRouter, createFaultHandler, type DataApiDeps } from './http/data-api.router.js';
import { FaultInjector } from './http/fault.injector.js';
import { RequestIdReplay } from './http/request-id.replay.js';
import { RequestLog } from './http/request.log.js';
import { holdUntilDurable } from './persistence/durable-response.js';
import { resumedVirtualTime, SandboxPersistence, type SavedSandboxState } from './persistence/sandbox.persistence.js';

export interface SandboxOptions {
  /** Share a clock with the caller; otherwise one is made from `start`/`scale`. */
  clock?: Clock;
  start?: number;
  scale?: number;
  /** Companies to seed (default: the Australian and the US company). */
  seeds?: readonly SeedName[];
  /** Switches for uncertain QBO behaviour (defaults are the stricter readings). */
  store?: Partial<StoreOptions>;
  /** Throttling (facts §2); `false` turns it off. */
  limits?: Omit<RealmLimiterOptions, 'clock'> | false;
  oauth?: Omit<OAuthServerOptions, 'clock' | 'realms'>;
  webhooks?: Omit<WebhookNotifierOptions, 'clock' | 'verifierToken'> & { verifierToken?: string };
  query?: QueryOptions;
  cdc?: DataApiDeps['cdcOptions'];
  batch?: DataApiDeps['batchOptions'];
  /** Request-log capacity. */
  requestLogSize?: number;
  /** The admin API answers only to loopback Host names, plus these (e.g. a container's service name). */
  adminAllowedHosts?: readonly string[];
  /**
   * Keep the state in this folder across restarts (see `persistence/sandbox.persistence.ts`): what an
   * earlier run saved there is loaded, and no response leaves before the changes it reports are saved.
   * Unset: everything lives in memory and starts from the seeds.
   */
  persistence?: { dir: string; onError?: (error: Error) => void };
}

export interface SandboxState {
  faults: FaultInjector;
  requests: RequestLog;
  replay: RequestIdReplay;
  batchReplay: BatchReplayCache<BatchResponseBody>;
  limiter: RealmLimiter | undefined;
  webhooks: WebhookNotifier;
}

export interface Sandbox {
  app: Express;
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
  close(): Promise<void>;
  clock: Clock;
  companies: CompanyRegistry;
  oauth: OAuthServer;
  state: SandboxState;
  /** Same JSON as `GET /_sandbox/info`. */
  info(): SandboxInfo;
  /** Where the state is kept across restarts (absent: in memory only). */
  persistence?: { dir: string };
}

export interface SandboxInfo {
  app: { clientId: string; clientSecret: string; redirectUris: string[]; webhookVerifierToken: string; name: string };
  companies: { realmId: string; country: 'AU' | 'US'; name: string }[];
  url?: string;
  minorVersion: number;
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  let persistence: SandboxPersistence | undefined;
  let saved: SavedSandboxState | undefined;
  if (options.persistence) ({ persistence, saved } = SandboxPersistence.open(options.persistence));
  const scale = options.scale ?? 1;
  // After a restart virtual time goes on from where it was (tokens keep their expiry, MetaData never goes back).
  const clock = options.clock ?? new VirtualClock({ start: options.start ?? resumedVirtualTime(saved?.simulator?.clock, scale), scale });
  const companies = new CompanyRegistry(clock, options.store, options.seeds ?? ['au', 'us']);
  const oauth = createOAuthServer({
    ...options.oauth,
    clock,
    realms: () => companies.list().map((c) => ({ realmId: c.realmId, companyName: c.name })),
    onStateChange: () => persistence?.oauthChanged(),
  });
  const limiter = options.limits === false ? undefined : createRealmLimiter({ clock, ...options.limits });
  const webhooks = createWebhookNotifier({
    ...options.webhooks,
    clock,
    verifierToken: options.webhooks?.verifierToken ?? oauth.demoApp.webhookVerifierToken,
    onStateChange: () => persistence?.simulatorChanged(),
  });
  companies.attach((store) => webhooks.attach(store));
  // Reset puts the target back to the one given as options, as oauth.reset() does for apps and auto-approve.
  const initialWebhookTarget = webhooks.target();
  const state: SandboxState = {
    faults: new FaultInjector(),
    requests: new RequestLog(options.requestLogSize),
    replay: new RequestIdReplay(clock),
    batchReplay: new BatchReplayCache<BatchResponseBody>({ clock }),
    limiter,
    webhooks,
  };
  if (persistence && saved) persistence.attach({ clock, companies, replay: state.replay, batchReplay: state.batchReplay, oauth, webhooks, requests: state.requests }, saved);
  let baseUrl: string | undefined;

  const info = (): SandboxInfo => {
    const demo = oauth.demoApp;
    return {
      app: { clientId: demo.clientId, clientSecret: demo.clientSecret, redirectUris: demo.redirectUris, webhookVerifierToken: demo.webhookVerifierToken, name: demo.name },
      companies: companies.list().map(({ realmId, country, name }) => ({ realmId, country, name })),
      ...(baseUrl ? { url: baseUrl } : {}),
      minorVersion: 75,
    };
  };

  const deps: DataApiDeps = {
    clock,
    companies,
    authenticate: (header, realmId) => oauth.authenticate(header, realmId),
    limiter,
    faults: state.faults,
    replay: state.replay,
    batchReplay: state.batchReplay,
    log: state.requests,
    queryOptions: options.query,
    cdcOptions: options.cdc,
    batchOptions: options.batch,
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  if (persistence) {
    const durability = persistence;
    app.use(holdUntilDurable(durability));
    // Admin changes (clock, webhook target, exchange rates and other QBO-user actions) are saved too.
    app.use('/_sandbox', (req, res, next) => {
      if (req.method !== 'GET') res.on('finish', () => durability.adminChanged());
      next();
    });
  }
  app.use('/_sandbox', createAdminRouter({
    clock,
    companies,
    faults: state.faults,
    log: state.requests,
    info: () => ({ ...info() }),
    oauth,
    webhooks,
    allowedHosts: options.adminAllowedHosts,
    onReset: () => {
      oauth.reset();
      limiter?.reset();
      state.replay.clear();
      state.batchReplay.clear();
      webhooks.clear();
      webhooks.setTarget(initialWebhookTarget.url, initialWebhookTarget.format);
    },
  }));
  app.use(oauth.router);
  app.use('/v3/company/:realmId', createDataApiRouter(deps));
  // Unknown paths outside /v3 are a plain 404 (Intuit's edge answers them without a QBO fault).
  app.use((req, res) => {
    res.status(404).json({ error: 'not_found', message: `No route for ${req.method} ${req.path}` });
  });
  app.use(createFaultHandler(deps));

  let server: Server | undefined;
  return {
    app,
    clock,
    companies,
    oauth,
    state,
    info,
    ...(persistence ? { persistence: { dir: persistence.dir } } : {}),
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        const s = app.listen(port, host, (err?: Error) => {
          if (err) return reject(err);
          const address = s.address() as AddressInfo;
          const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
          baseUrl = `http://${shownHost}:${address.port}`;
          resolve({ url: baseUrl, port: address.port });
        });
        server = s;
        s.on('error', reject);
      });
    },
    async close() {
      const s = server;
      server = undefined;
      if (s) {
        s.closeAllConnections();
        await new Promise<void>((resolve) => s.close(() => resolve()));
      }
      // Saved before the notifier stops, which drops its queue: undelivered notifications go out after a restart.
      await persistence?.close();
      await webhooks.close();
    },
  };
}

export { faults };

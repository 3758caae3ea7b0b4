/**
 * The sandbox's own admin API under `/_sandbox/` (outside Intuit's namespace, no auth): discovery
 * (`info`), reset and seeding, inspection of entities and the request log, the virtual clock,
 * scripted faults, and "act as a QBO user" actions that change data from the QBO side through the
 * store, so change events (CDC, webhooks) fire exactly as for API writes. It also lets a process that
 * does not share memory with the sandbox point webhooks at its own receiver and steer the OAuth server
 * (auto-approve, apps, redirect URIs, token-endpoint counters).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { type Clock } from '../clock.js';
import { ENTITY_NAMES, type EntityName } from '../company/company.types.js';
import { isSeedName, SEEDS } from '../company/seeds/seed.registry.js';
import { faults } from '../faults.js';
import { pacificDateTimeMs } from '../pacific-time.js';
import { type CompanyRegistry } from '../http/company.registry.js';
import { FAULT_KINDS, type FaultInjector, type FaultRuleInput } from '../http/fault.injector.js';
import { type RequestLog } from '../http/request.log.js';
import { type OAuthServer, type RegisteredApp } from '../oauth/oauth.server.js';
import { type WebhookNotifier } from '../webhooks/webhook.notifier.js';
import { type WebhookFormat } from '../webhooks/webhook.payload.js';
import { hostHeaderName, isLoopbackHostname } from '../../http/loopback.rules.js';
import { actions, type ActionName } from './user-actions.service.js';

export interface AdminDeps {
  clock: Clock;
  companies: CompanyRegistry;
  faults: FaultInjector;
  log: RequestLog;
  info: () => Record<string, unknown>;
  oauth: Pick<OAuthServer, 'apps' | 'demoApp' | 'registerApp' | 'addRedirectUri' | 'setAutoApprove' | 'isAutoApprove' | 'stats'>;
  webhooks: Pick<WebhookNotifier, 'setTarget' | 'target' | 'deliveries' | 'verifierToken'>;
  /** Extra reset work owned by other modules (tokens, limiter windows, replay caches, webhooks). */
  onReset: () => void;
  /** Host names besides the loopback ones the admin API answers to (e.g. a container's service name). */
  allowedHosts?: readonly string[];
}

class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function bad(message: string): never {
  throw new AdminError(400, message);
}

const WEBHOOK_FORMATS: readonly WebhookFormat[] = ['legacy', 'cloudevents'];

/** The JSON object body of a request; anything else (array, string, missing) is refused up front. */
function objectBody(req: Request, allowed: readonly string[]): Record<string, unknown> {
  const body: unknown = req.body;
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) bad('body must be a JSON object');
  // Unknown keys are refused so a typo ("uri" for "url") is reported, not silently ignored.
  const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) bad(`unknown field ${unknown.join(', ')}; expected ${allowed.join(', ')}`);
  return body as Record<string, unknown>;
}

/** An absolute http(s) URL: anything else could never be POSTed to or redirected to. */
function httpUrl(v: unknown, name: string): string {
  if (typeof v !== 'string' || v === '') bad(`${name} is required and must be an absolute http(s) URL`);
  let parsed: URL;
  try {
    parsed = new URL(v);
  } catch {
    bad(`${name} must be an absolute http(s) URL, got ${JSON.stringify(v)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') bad(`${name} must use http or https, got ${JSON.stringify(v)}`);
  return v;
}

function optionalString(v: unknown, name: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.trim() === '') bad(`${name} must be a non-empty string`);
  return v;
}

function num(v: unknown, name: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'string' ? (Number.isNaN(Number(v)) ? Date.parse(v) : Number(v)) : Number(v);
  if (!Number.isFinite(n)) bad(`${name} must be a number (or an ISO date for "time")`);
  return n;
}

/**
 * The admin API has no authentication (it is a local test tool) and hands out the demo app's client
 * secret, so web pages must not reach it: a DNS-rebound name (Host not loopback), a page on another
 * origin (its Origin header), and cross-site "simple" requests (a text/plain or form body, which a
 * browser sends without a preflight) are refused before any route runs.
 */
function adminGuard(allowedHosts: readonly string[]): express.RequestHandler {
  return (req, res, next) => {
    const host = hostHeaderName(req.headers.host);
    if (!host || !(isLoopbackHostname(host) || allowedHosts.includes(host.toLowerCase()))) {
      return void res.status(403).json({ error: 'forbidden', message: `the sandbox admin API answers only to a loopback Host (localhost, 127.0.0.1, [::1]), not ${JSON.stringify(req.headers.host ?? '')}` });
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `${req.protocol}://${req.headers.host}`) {
      return void res.status(403).json({ error: 'forbidden', message: `the sandbox admin API refuses requests from web pages on other origins (${origin})` });
    }
    const hasBody = (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0') || req.headers['transfer-encoding'] !== undefined;
    if (hasBody && !req.is('application/json')) {
      return void res.status(415).json({ error: 'unsupported_media_type', message: `the sandbox admin API takes JSON bodies only (content-type: application/json), got ${JSON.stringify(req.headers['content-type'] ?? '(none)')}` });
    }
    next();
  };
}

export function createAdminRouter(deps: AdminDeps): Router {
  const router = express.Router();
  router.use(adminGuard((deps.allowedHosts ?? []).map((h) => h.toLowerCase())));
  router.use(express.json());

  router.get('/info', (_req, res) => {
    res.json(deps.info());
  });

  router.post('/reset', (_req, res) => {
    deps.companies.reset();
    deps.faults.clear();
    deps.log.clear();
    deps.onReset();
    res.json({ ok: true, companies: deps.companies.list() });
  });

  router.post('/seed', (req: Request, res: Response) => {
    const name: unknown = (req.body as { seed?: unknown } | undefined)?.seed;
    if (!isSeedName(name)) bad(`seed must be one of ${Object.keys(SEEDS).join(', ')}`);
    const store = deps.companies.seed(name);
    res.json({ ok: true, realmId: store.realmId, country: store.country });
  });

  router.get('/entities/:realmId/:entity', (req, res) => {
    const store = deps.companies.get(req.params.realmId);
    if (!store) throw new AdminError(404, `no company with realm id ${req.params.realmId}`);
    const entity = ENTITY_NAMES.find((e) => e.toLowerCase() === req.params.entity.toLowerCase());
    if (!entity) bad(`unknown entity ${req.params.entity}; expected one of ${ENTITY_NAMES.join(', ')}`);
    res.json({ entity, records: store.list(entity), deleted: store.deleted(entity) });
  });

  router.get('/requests', (req, res) => {
    const realmId = typeof req.query.realmId === 'string' ? req.query.realmId : undefined;
    res.json({ requests: deps.log.list({ realmId, since: num(req.query.since, 'since'), limit: num(req.query.limit, 'limit') }) });
  });

  router.get('/clock', (_req, res) => {
    res.json(clockState(deps.clock));
  });

  /** `{time?: epochMs|ISO, advanceMs?: number, scale?: number}` */
  router.post('/clock', (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const time = num(body.time, 'time');
    const advance = num(body.advanceMs, 'advanceMs');
    const scale = num(body.scale, 'scale');
    try {
      if (time !== undefined) deps.clock.set(time);
      if (advance !== undefined) deps.clock.advance(advance);
      if (scale !== undefined) deps.clock.setScale(scale);
    } catch (e) {
      bad((e as Error).message);
    }
    res.json(clockState(deps.clock));
  });

  router.get('/faults', (_req, res) => {
    res.json({ faults: deps.faults.list(), kinds: FAULT_KINDS });
  });

  router.post('/faults', (req, res) => {
    try {
      const rule = deps.faults.add((req.body ?? {}) as FaultRuleInput);
      res.status(201).json(rule);
    } catch (e) {
      bad((e as Error).message);
    }
  });

  router.delete('/faults', (_req, res) => {
    deps.faults.clear();
    res.json({ ok: true });
  });

  // ---- webhooks ----

  const webhookTarget = () => {
    const { url, format } = deps.webhooks.target();
    // null rather than a missing key, so "no target" is explicit in the JSON.
    return { url: url ?? null, format, verifierToken: deps.webhooks.verifierToken };
  };

  router.get('/webhooks', (_req, res) => {
    const deliveries = deps.webhooks.deliveries();
    const counts = { pending: 0, delivered: 0, retrying: 0, abandoned: 0 };
    for (const d of deliveries) counts[d.state]++;
    res.json({ ...webhookTarget(), counts, deliveries });
  });

  /** `{url, format?: 'legacy'|'cloudevents'}`; format defaults to CloudEvents, Intuit's mandatory format (facts §5.3). */
  router.put('/webhooks', (req, res) => {
    const body = objectBody(req, ['url', 'format']);
    const url = httpUrl(body.url, 'url');
    const format = body.format ?? 'cloudevents';
    if (!WEBHOOK_FORMATS.includes(format as WebhookFormat)) bad(`format must be one of ${WEBHOOK_FORMATS.join(', ')}, got ${JSON.stringify(format)}`);
    deps.webhooks.setTarget(url, format as WebhookFormat);
    res.json(webhookTarget());
  });

  /** No target: changes are no longer gathered, and queued notifications are abandoned, not sent. */
  router.delete('/webhooks', (_req, res) => {
    deps.webhooks.setTarget(undefined);
    res.json(webhookTarget());
  });

  // ---- OAuth ----

  router.get('/oauth', (_req, res) => {
    const demoClientId = deps.oauth.demoApp.clientId;
    res.json({
      autoApprove: deps.oauth.isAutoApprove(),
      demoClientId,
      // Secrets stay out of listings: the demo app's is in /info, and other apps' belong to whoever registered them.
      apps: deps.oauth.apps().map((a) => ({ clientId: a.clientId, name: a.name, redirectUris: a.redirectUris, demo: a.clientId === demoClientId })),
      stats: deps.oauth.stats(),
    });
  });

  /** `{on: boolean}` */
  router.put('/oauth/auto-approve', (req, res) => {
    const body = objectBody(req, ['on']);
    if (typeof body.on !== 'boolean') bad(`on is required and must be a boolean (true or false), got ${JSON.stringify(body.on)}`);
    deps.oauth.setAutoApprove(body.on);
    res.json({ autoApprove: deps.oauth.isAutoApprove() });
  });

  /** `{clientId?, clientSecret?, name?, redirectUris?: string[], webhookVerifierToken?}`; missing credentials are generated. */
  router.post('/oauth/apps', (req, res) => {
    const body = objectBody(req, ['clientId', 'clientSecret', 'name', 'redirectUris', 'webhookVerifierToken']);
    const clientId = optionalString(body.clientId, 'clientId') ?? `AB${randomBytes(24).toString('hex')}`;
    // Replacing an app (the demo app included) would silently break whoever holds its credentials.
    if (deps.oauth.apps().some((a) => a.clientId === clientId)) throw new AdminError(409, `clientId ${clientId} is already registered`);
    const uris = body.redirectUris ?? [];
    if (!Array.isArray(uris)) bad('redirectUris must be an array of absolute http(s) URLs');
    const app: RegisteredApp = {
      clientId,
      clientSecret: optionalString(body.clientSecret, 'clientSecret') ?? randomBytes(20).toString('hex'),
      name: optionalString(body.name, 'name') ?? `Sandbox app ${clientId.slice(-6)}`,
      redirectUris: uris.map((u, i) => httpUrl(u, `redirectUris[${i}]`)),
      webhookVerifierToken: optionalString(body.webhookVerifierToken, 'webhookVerifierToken') ?? randomUUID(),
    };
    try {
      // The secret is returned once here: the caller may have let it be generated.
      res.status(201).json(deps.oauth.registerApp(app));
    } catch (e) {
      bad(`redirectUris: ${(e as Error).message}`);
    }
  });

  /** `{uri}`: Intuit compares redirect URIs literally, so the exact string is registered. */
  router.post('/oauth/apps/:clientId/redirect-uris', (req, res) => {
    const { clientId } = req.params;
    if (!deps.oauth.apps().some((a) => a.clientId === clientId)) throw new AdminError(404, `no registered app with client id ${clientId}`);
    const body = objectBody(req, ['uri']);
    const uri = httpUrl(body.uri, 'uri');
    try {
      deps.oauth.addRedirectUri(clientId, uri);
    } catch (e) {
      // The registry's own rules (no fragment) beyond the URL check above.
      bad(`uri: ${(e as Error).message}`);
    }
    const app = deps.oauth.apps().find((a) => a.clientId === clientId);
    res.json({ clientId, redirectUris: app?.redirectUris ?? [] });
  });

  router.post('/act/:realmId/:action', (req, res) => {
    const store = deps.companies.get(req.params.realmId);
    if (!store) throw new AdminError(404, `no company with realm id ${req.params.realmId}`);
    const action = req.params.action as ActionName;
    const run = actions[action];
    if (!(action in actions)) bad(`unknown action ${action}; expected one of ${Object.keys(actions).join(', ')}`);
    const result = run(store, (req.body ?? {}) as Record<string, unknown>);
    res.json({ ...result, time: pacificDateTimeMs(deps.clock.now()) });
  });

  router.use((_req, res) => {
    res.status(404).json({ error: 'not_found', message: 'unknown /_sandbox endpoint' });
  });

  router.use((err: unknown, _req: Request, res: Response, next: (e?: unknown) => void) => {
    if (res.headersSent) return next(err);
    if (err instanceof AdminError) return void res.status(err.status).json({ error: ERROR_CODES[err.status] ?? 'bad_request', message: err.message });
    // express.json() rejects malformed JSON; that is the caller's mistake, not a sandbox failure.
    if ((err as { type?: unknown }).type === 'entity.parse.failed') return void res.status(400).json({ error: 'bad_request', message: 'body must be valid JSON' });
    // QBO faults from store actions come back in QBO's own shape.
    const fault = err as { toBody?: (now: number) => unknown; httpStatus?: number };
    if (typeof fault.toBody === 'function') return void res.status(fault.httpStatus ?? 400).json(fault.toBody(deps.clock.now()));
    res.status(500).json(faults.system().toBody(deps.clock.now()));
  });

  return router;
}

const ERROR_CODES: Record<number, string> = { 400: 'bad_request', 404: 'not_found', 409: 'conflict' };

function clockState(clock: Clock) {
  const now = clock.now();
  return { now, iso: new Date(now).toISOString(), pacific: pacificDateTimeMs(now), scale: clock.scale };
}

export type { EntityName };

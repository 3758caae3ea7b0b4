/**
 * The sandbox's own admin API under `/_sandbox/` (outside Intuit's namespace, no auth): discovery
 * (`info`), reset and seeding, inspection of entities and the request log, the virtual clock,
 * scripted faults, and "act as a QBO user" actions that change data from the QBO side through the
 * store, so change events (CDC, webhooks) fire exactly as for API writes.
 */
import express, { type Request, type Response, type Router } from 'express';
import { type Clock } from '../clock.js';
import { ENTITY_NAMES, type EntityName } from '../company/company.types.js';
import { isSeedName, SEEDS } from '../company/seeds/seed.registry.js';
import { faults } from '../faults.js';
import { pacificDateTimeMs } from '../pacific-time.js';
import { type CompanyRegistry } from '../http/company.registry.js';
import { FAULT_KINDS, type FaultInjector, type FaultRuleInput } from '../http/fault.injector.js';
import { type RequestLog } from '../http/request.log.js';
import { actions, type ActionName } from './user-actions.service.js';

export interface AdminDeps {
  clock: Clock;
  companies: CompanyRegistry;
  faults: FaultInjector;
  log: RequestLog;
  info: () => Record<string, unknown>;
  /** Extra reset work owned by other modules (tokens, limiter windows, replay caches, webhooks). */
  onReset: () => void;
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

function num(v: unknown, name: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'string' ? (Number.isNaN(Number(v)) ? Date.parse(v) : Number(v)) : Number(v);
  if (!Number.isFinite(n)) bad(`${name} must be a number (or an ISO date for "time")`);
  return n;
}

export function createAdminRouter(deps: AdminDeps): Router {
  const router = express.Router();
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
    if (err instanceof AdminError) return void res.status(err.status).json({ error: 'bad_request', message: err.message });
    // QBO faults from store actions come back in QBO's own shape.
    const fault = err as { toBody?: (now: number) => unknown; httpStatus?: number };
    if (typeof fault.toBody === 'function') return void res.status(fault.httpStatus ?? 400).json(fault.toBody(deps.clock.now()));
    res.status(500).json(faults.system().toBody(deps.clock.now()));
  });

  return router;
}

function clockState(clock: Clock) {
  const now = clock.now();
  return { now, iso: new Date(now).toISOString(), pacific: pacificDateTimeMs(now), scale: clock.scale };
}

export type { EntityName };

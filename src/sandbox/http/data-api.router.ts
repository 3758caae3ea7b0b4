/**
 * QBO's data API on Intuit's paths, `/v3/company/:realmId/...`: bearer authentication (C's OAuth
 * module), per realm+app throttling (B's limiter), scripted faults, requestid replay, then CRUD,
 * void, query, CDC and batch. Every response leaves through `respond`, so the `intuit_tid` and
 * `QBO-Version` headers, the replay capture and "drop after commit" apply to all of them alike.
 */
import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { type Clock } from '../clock.js';
import { type InMemoryCompanyStore } from '../company/company.store.js';
import { type EntityName } from '../company/company.types.js';
import { entityFromPath, ENTITY_RULES } from '../company/entity.registry.js';
import { idOf } from '../company/validate.util.js';
import { faults, GatewayFault, QboFault } from '../faults.js';
import { pacificDateTimeMs } from '../pacific-time.js';
import { executeQuery, type QueryOptions } from '../query/query.service.js';
import { executeCdc, type CdcParams } from '../cdc/cdc.service.js';
import { executeBatch, type BatchOptions, type BatchResponseBody } from '../batch/batch.service.js';
import { type BatchReplayCache } from '../batch/batch-replay.cache.js';
import { throttleHeaders, type RealmLimiter } from '../limits/limits.js';
import { type CompanyRegistry } from './company.registry.js';
import { type FaultInjector, type FaultRule } from './fault.injector.js';
import { MAX_REQUEST_ID_LENGTH, type RequestIdReplay } from './request-id.replay.js';
import { type RequestLog } from './request.log.js';

export const QBO_VERSION = '1968.185';
export const DEFAULT_MINOR_VERSION = 75;

export interface DataApiDeps {
  clock: Clock;
  companies: CompanyRegistry;
  authenticate: (authorization: string | undefined, realmId: string) => { clientId: string };
  limiter: RealmLimiter | undefined;
  faults: FaultInjector;
  replay: RequestIdReplay;
  batchReplay: BatchReplayCache<BatchResponseBody>;
  log: RequestLog;
  queryOptions?: QueryOptions;
  cdcOptions?: Pick<CdcParams, 'maxObjects' | 'capScope' | 'lookBackDays'>;
  batchOptions?: Omit<BatchOptions, 'executeQuery' | 'requestId'>;
}

/** Per-call state kept on `res.locals`. */
interface CallState {
  intuitTid: string;
  realmId: string;
  clientId?: string;
  requestId?: string;
  /** Capture the response for requestid replay. */
  capture: boolean;
  replayed: boolean;
  injected?: FaultRule;
  started: number;
  at: number;
  faultCode?: string;
}

function call(res: Response): CallState {
  return res.locals.qbo as CallState;
}

/** Writes a JSON response; applies replay capture and the "drop after commit" fault. */
export function respond(deps: DataApiDeps, req: Request, res: Response, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  const state = res.locals.qbo as CallState | undefined;
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  const headers: Record<string, string> = { 'Content-Type': 'application/json;charset=UTF-8', ...extraHeaders };
  if (state?.capture && state.requestId && status < 500) {
    deps.replay.store(state.realmId, state.requestId, { status, headers, body: bytes });
  }
  if (state?.injected?.kind === 'drop-after-commit') {
    // The write is stored (and replayable); the client only sees a dead connection.
    req.socket.destroy();
    return;
  }
  res.status(status).set(headers).send(bytes);
}

function envelope(entity: string, record: unknown, nowMs: number): unknown {
  return { [entity]: record, time: pacificDateTimeMs(nowMs) };
}

function queryParam(req: Request, name: string): string | undefined {
  const v = req.query[name];
  if (Array.isArray(v)) return typeof v[0] === 'string' ? v[0] : undefined;
  return typeof v === 'string' ? v : undefined;
}

function storeFor(deps: DataApiDeps, res: Response): InMemoryCompanyStore {
  const store = deps.companies.get(call(res).realmId);
  // A realm the token is valid for but with no company behind it: QBO's answer for a wrong realm.
  if (!store) throw faults.businessValidation('Unexpected Internal Error. (-30000)');
  return store;
}

export function createDataApiRouter(deps: DataApiDeps): Router {
  const router = express.Router({ mergeParams: true });
  const jsonBody = express.json({ limit: '10mb', type: ['application/json', 'application/*+json'] });
  const textBody = express.text({ limit: '1mb', type: ['application/text', 'text/plain', 'application/x-www-form-urlencoded'] });

  // 1. Identity of the call, headers, request log.
  router.use((req, res, next) => {
    const state: CallState = { intuitTid: randomUUID(), realmId: String(req.params.realmId), capture: false, replayed: false, started: Date.now(), at: deps.clock.now() };
    res.locals.qbo = state;
    res.set('intuit_tid', state.intuitTid);
    res.set('QBO-Version', QBO_VERSION);
    res.on('close', () => {
      deps.log.add({
        at: state.at,
        method: req.method,
        path: req.path,
        query: { ...req.query },
        realmId: state.realmId,
        clientId: state.clientId,
        requestId: state.requestId,
        intuitTid: state.intuitTid,
        status: res.headersSent ? res.statusCode : 0,
        faultCode: state.faultCode,
        replayed: state.replayed,
        injected: state.injected?.kind,
        durationMs: Date.now() - state.started,
      });
    });
    next();
  });

  // 2. Authentication, then throttling (a throttled call never reaches the company).
  router.use((req, res, next) => {
    const state = call(res);
    state.clientId = deps.authenticate(req.get('authorization'), state.realmId).clientId;
    if (deps.limiter) {
      const release = deps.limiter.acquire(state.realmId, state.clientId, req.path.toLowerCase() === '/batch' ? 'batch' : 'request');
      res.on('close', release);
    }
    next();
  });

  // Bodies are read before any scripted hold, so a write can still commit after the client gave up.
  router.use(jsonBody, textBody);

  // 3. Scripted faults.
  router.use(async (req, res, next) => {
    const state = call(res);
    const rule = deps.faults.match({ realmId: state.realmId, method: req.method, path: req.path });
    if (!rule) return next();
    state.injected = rule;
    switch (rule.kind) {
      case '429':
        throw faults.throttled();
      case '500':
        throw faults.system();
      case '503':
        throw faults.unavailable();
      case 'timeout': {
        await new Promise((resolve) => setTimeout(resolve, rule.holdMs ?? 130_000));
        if (rule.commitAfterHold === false) throw new QboFault(504, 'SystemFault', [{ Message: 'Gateway Timeout', Detail: 'The request timed out.', code: '10000' }]);
        return next();
      }
      default:
        return next(); // drop-after-commit and stale-synctoken act inside the handlers
    }
  });

  // 4. requestid: validate, replay a known one, capture the first response of a new one.
  router.use((req, res, next) => {
    const requestId = queryParam(req, 'requestid');
    if (requestId === undefined || req.method !== 'POST' || req.path.toLowerCase() === '/batch') return next();
    const state = call(res);
    if (requestId.length > MAX_REQUEST_ID_LENGTH) throw faults.tooLong('requestid', MAX_REQUEST_ID_LENGTH, requestId.length);
    state.requestId = requestId;
    const hit = deps.replay.lookup(state.realmId, requestId);
    if (hit) {
      state.replayed = true;
      if (state.injected?.kind === 'drop-after-commit') {
        req.socket.destroy();
        return;
      }
      res.status(hit.status).set(hit.headers).send(hit.body);
      return;
    }
    state.capture = true;
    next();
  });

  router.get('/companyinfo/:id', (req, res) => {
    const store = storeFor(deps, res);
    const info = store.singleton('CompanyInfo');
    if (req.params.id !== store.realmId && req.params.id !== info.Id) throw faults.objectNotFound(`Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.`);
    respond(deps, req, res, 200, envelope('CompanyInfo', info, deps.clock.now()));
  });

  router.get('/preferences', (req, res) => {
    respond(deps, req, res, 200, envelope('Preferences', storeFor(deps, res).singleton('Preferences'), deps.clock.now()));
  });

  const runQuery = (req: Request, res: Response, sql: string | undefined) => {
    if (!sql || !sql.trim()) throw faults.queryParse('QueryParserError: Encountered "<EOF>" at line 1, column 0.');
    const body = executeQuery(storeFor(deps, res), sql, { nowMs: deps.clock.now(), ...deps.queryOptions });
    respond(deps, req, res, 200, { ...body, time: pacificDateTimeMs(deps.clock.now()) });
  };
  router.get('/query', (req, res) => runQuery(req, res, queryParam(req, 'query')));
  router.post('/query', (req, res) => {
    const body: unknown = req.body;
    runQuery(req, res, typeof body === 'string' ? body : queryParam(req, 'query'));
  });

  router.get('/cdc', (req, res) => {
    const body = executeCdc(storeFor(deps, res), { entities: queryParam(req, 'entities'), changedSince: queryParam(req, 'changedSince'), nowMs: deps.clock.now(), ...deps.cdcOptions });
    respond(deps, req, res, 200, { ...body, time: pacificDateTimeMs(deps.clock.now()) });
  });

  router.post('/batch', (req, res) => {
    const store = storeFor(deps, res);
    const requestId = queryParam(req, 'requestid');
    const body: unknown = req.body;
    const run = () => executeBatch(store, body, { ...deps.batchOptions, requestId, executeQuery: (s, sql) => executeQuery(s, sql, { nowMs: deps.clock.now(), ...deps.queryOptions }) });
    const { response, replayed } = deps.batchReplay.run(store.realmId, requestId, body, run);
    call(res).replayed = replayed;
    respond(deps, req, res, 200, { ...response, time: pacificDateTimeMs(deps.clock.now()) });
  });

  router.get('/:entity/:id', (req, res) => {
    const entity = readableEntity(String(req.params.entity));
    const record = storeFor(deps, res).read(entity, String(req.params.id));
    respond(deps, req, res, 200, envelope(entity, record, deps.clock.now()));
  });

  router.post('/:entity', (req, res) => {
    const entity = readableEntity(String(req.params.entity));
    if (!req.is('application/json') && !req.is('application/*+json')) {
      throw new QboFault(415, 'ValidationFault', [{ Message: 'Unsupported Media Type', Detail: 'The sandbox accepts JSON bodies only (Content-Type: application/json).', code: '500' }]);
    }
    const body = req.body as unknown;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw faults.requiredMissing(entity);
    const draft = body as Record<string, unknown>;
    const store = storeFor(deps, res);
    const operation = (queryParam(req, 'operation') ?? '').toLowerCase();
    const include = (queryParam(req, 'include') ?? '').toLowerCase();
    const op = resolveOperation(entity, operation, include, draft);
    const state = call(res);
    if (state.injected?.kind === 'stale-synctoken' && op !== 'create' && draft.Id !== undefined) {
      // Another QBO user saves the record first, so the caller's SyncToken is now stale.
      store.touch(entity, idOf(draft.Id));
    }
    const result = store.write(entity, op, draft, { sparse: draft.sparse === true, allowDuplicateDocNumber: include.split(',').includes('allowduplicatedocnum') });
    respond(deps, req, res, 200, envelope(entity, result, deps.clock.now()));
  });

  router.use((req) => {
    throw new QboFault(404, 'ValidationFault', [{ Message: 'Unsupported Operation', Detail: `Operation ${req.method} ${req.path} is not supported.`, code: '500' }]);
  });

  return router;
}

function readableEntity(segment: string): EntityName {
  const entity = entityFromPath(segment);
  if (!entity) throw new QboFault(404, 'ValidationFault', [{ Message: 'Unsupported Operation', Detail: `Operation /${segment} is not supported.`, code: '500' }]);
  return entity;
}

/** URL operation → store operation, with QBO's split between `operation=void` and `include=void`. */
function resolveOperation(entity: EntityName, operation: string, include: string, body: Record<string, unknown>): 'create' | 'update' | 'delete' | 'void' {
  const viaInclude = entity === 'Payment' || entity === 'SalesReceipt';
  if (include === 'void') {
    if (!viaInclude) throw faults.unsupportedOperation(`Operation include=void is not supported for ${entity}; use operation=void.`);
    return 'void';
  }
  switch (operation) {
    case '':
      return body.Id !== undefined && body.Id !== null && body.Id !== '' ? 'update' : 'create';
    case 'create':
      return 'create';
    case 'update':
      return 'update';
    case 'delete':
      return 'delete';
    case 'void':
      if (viaInclude) throw faults.unsupportedOperation(`Operation void is not supported for ${entity}; use operation=update&include=void.`);
      if (!ENTITY_RULES[entity].void) throw faults.unsupportedOperation(`Operation void is not supported for ${entity}.`);
      return 'void';
    default:
      throw faults.unsupportedOperation(`Operation ${operation} is not supported.`);
  }
}

/** The one error handler: QBO data faults, gateway faults, body-parser errors, anything else as 500. */
export function createFaultHandler(deps: Pick<DataApiDeps, 'clock' | 'replay'> & Partial<DataApiDeps>) {
  return (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(err);
    const now = deps.clock.now();
    const state = res.locals.qbo as CallState | undefined;
    let status: number;
    let body: unknown;
    let headers: Record<string, string> = {};
    if (err instanceof QboFault) {
      status = err.httpStatus;
      body = err.toBody(now);
      if (state) state.faultCode = err.errors[0]?.code;
    } else if (err instanceof GatewayFault) {
      status = err.httpStatus;
      body = err.toBody(now);
      headers = throttleHeaders(err);
      if (state) {
        state.faultCode = err.code;
        state.capture = false; // never replay a gateway refusal: the request did not run
      }
    } else if (isBodyParserError(err)) {
      const fault = faults.validation('2010', 'Request has invalid or unsupported property', `Error parsing the request body: ${err.message}`);
      status = 400;
      body = fault.toBody(now);
      if (state) state.faultCode = '2010';
    } else {
      const fault = faults.system();
      status = 500;
      body = fault.toBody(now);
      if (state) state.faultCode = '10000';
      console.error('[qbo-sandbox] unexpected error', err);
    }
    if (state?.injected && state.injected.kind !== 'drop-after-commit' && state.injected.kind !== 'stale-synctoken') state.capture = false;
    respond(deps as DataApiDeps, req, res, status, body, headers);
  };
}

function isBodyParserError(err: unknown): err is Error & { type: string } {
  return err instanceof Error && typeof (err as { type?: unknown }).type === 'string' && 'status' in err;
}

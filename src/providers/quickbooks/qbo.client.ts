/**
 * The typed promise facade over node-quickbooks: the only code that sends accounting calls to QBO.
 * Adds what the library lacks: explicit timeouts, minorversion, `requestid` on writes, the per-realm
 * limiter, retries with backoff for 429/5xx/timeouts, one token refresh on 401, and errors normalised
 * into `QboError`. Callers get plain JSON entities back.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import pRetry, { AbortError } from 'p-retry';
import QuickBooksModule from 'node-quickbooks';
import { normalizeQboError, QboError } from './qbo.errors.js';
import { type RealmLimiter, type RequestPriority } from './qbo.limiter.js';

// node-quickbooks has no per-call timeout; it uses the CommonJS axios instance, so the default is set
// there (once per process). 30 s is well under QBO's own 120 s limit.
const require = createRequire(import.meta.url);
const axios = require('axios') as {
  defaults: { timeout?: number };
  interceptors: { request: { use(fn: (config: { url?: string; params?: Record<string, unknown> }) => unknown): void } };
};
axios.defaults.timeout = 30_000;

/**
 * node-quickbooks sends `requestid` only for a single entity; a batch call gets it here. The batch's id
 * travels in async-local storage from `QboClient.batch` (bound around the library call) to this
 * interceptor, which axios runs in the same async chain.
 */
const batchRequestId = new AsyncLocalStorage<string>();
axios.interceptors.request.use((config) => {
  const requestId = batchRequestId.getStore();
  if (requestId && config.url?.endsWith('/batch')) config.params = { ...config.params, requestid: requestId };
  return config;
});

/** Process-wide (node-quickbooks shares one axios instance): set once from configuration. */
export function setQboHttpTimeout(ms: number): void {
  axios.defaults.timeout = ms;
}

type Callback = (error: unknown, body: unknown) => void;
type NodeQuickBooks = Record<string, (...args: unknown[]) => void> & { endpoint: string; token: string };
const QuickBooks = QuickBooksModule as unknown as new (options: Record<string, unknown>) => NodeQuickBooks;

export type QboEntity = 'Account' | 'Customer' | 'Vendor' | 'Employee' | 'Item' | 'Invoice' | 'Payment' | 'CreditMemo' | 'SalesReceipt' | 'RefundReceipt' | 'Bill' | 'BillPayment' | 'Purchase' | 'JournalEntry' | 'Deposit' | 'Class' | 'Department' | 'Term' | 'PaymentMethod' | 'TaxCode' | 'TaxRate' | 'CompanyInfo' | 'Preferences';

const PLURAL: Partial<Record<QboEntity, string>> = { Class: 'Classes', JournalEntry: 'JournalEntries', CompanyInfo: 'CompanyInfos', Preferences: 'Preferenceses' };

export interface QboRecord {
  Id: string;
  SyncToken: string;
  [key: string]: unknown;
}

export interface AccessTokenProvider {
  /** A currently valid access token for the realm. */
  accessToken(): Promise<string>;
  /** Called after a 401: refresh (once across processes) and return the new token. */
  refreshAfterUnauthorized(rejected: string): Promise<string>;
  /** Called after every successful call (for lastSuccessfulCallAt). */
  onSuccess?(): void;
}

export interface QboClientOptions {
  realmId: string;
  /** e.g. https://quickbooks.api.intuit.com or the simulator's URL (no trailing slash). */
  apiBaseUrl: string;
  tokens: AccessTokenProvider;
  limiter: RealmLimiter;
  minorVersion?: number;
  retries?: number;
  /** Base delay of the exponential backoff (ms). */
  retryBaseMs?: number;
  /** Items per batch call (QBO recommends at most 30). */
  batchSize?: number;
  /** How long a batched create waits for others to join its batch call (ms). */
  batchLingerMs?: number;
}

interface QueuedCreate {
  entity: QboEntity;
  body: Record<string, unknown>;
  requestId: string;
  resolve: (record: QboRecord) => void;
  reject: (error: unknown) => void;
}

/** A call waiting in the limiter for creates: it takes them from the queue when it is let go. */
interface Claim {
  /** Not let go within a moment: the realm's batch calls (or requests) are spent for now. */
  waiting: boolean;
  timer: NodeJS.Timeout | undefined;
}

/** Single-call creates waiting for the request budget at once (each takes one queued create when let go). */
const MAX_SINGLE_CLAIMS = 4;

/** A batch call's requestid (36 characters at most, facts §1.5): the same items give the same id. */
export function batchRequestIdFor(itemRequestIds: string[]): string {
  return `fbb${createHash('sha256').update(itemRequestIds.join('|')).digest('base64url').slice(0, 33)}`;
}

export class QboClient {
  readonly realmId: string;
  readonly #options: Required<Omit<QboClientOptions, 'tokens' | 'limiter'>> & Pick<QboClientOptions, 'tokens' | 'limiter'>;
  /** Batchable creates not yet taken by a call. */
  readonly #queued: QueuedCreate[] = [];
  #lingering: NodeJS.Timeout | undefined;
  /** The batch call waiting for its slot (at most one: it takes up to `batchSize` creates when let go). */
  #batchClaim: Claim | undefined;
  #singleClaims = 0;

  constructor(options: QboClientOptions) {
    this.realmId = options.realmId;
    this.#options = { minorVersion: 75, retries: 4, retryBaseMs: 500, batchSize: 30, batchLingerMs: 25, ...options };
  }

  /**
   * A create that may share one batch call with the creates other callers make meanwhile. Creates
   * wait in a queue; one batch call at a time waits in the limiter for its slot and takes up to
   * `batchSize` of them only when it is let go, so when QBO's 40 batch calls a minute are what holds
   * a run back, every call leaves full. While it waits (batch slots spent), the creates beyond its
   * share go as single calls on the request budget the batch calls leave (at a lower priority than
   * batch calls and lookups). A short queue waits `batchLingerMs` for company; a lone create goes as a
   * single call.
   *
   * Exactly once: a single call carries the create's own requestid; a batch call's requestid derives
   * from its items' requestids and the bIds from their positions, both fixed when the call takes its
   * items, so a retry of the call (429, 5xx, timeout) is replayed by QBO, not applied twice. A batch
   * formed differently after a crash is a new request: use this only for entities whose earlier create
   * the caller can find by a natural key. Each caller gets its own item's object or fault (as a QboError).
   */
  createBatched<T extends QboRecord>(entity: QboEntity, body: Record<string, unknown>, requestId: string): Promise<T> {
    if (requestId.length === 0 || requestId.length > 36) {
      return Promise.reject(new QboError('VALIDATION', `a batched requestid must be 1-36 characters, got ${requestId.length}`));
    }
    return new Promise<QboRecord>((resolve, reject) => {
      this.#queued.push({ entity, body, requestId, resolve, reject });
      this.#pump();
    }) as Promise<T>;
  }

  #pump(): void {
    const { batchSize, batchLingerMs } = this.#options;
    if (this.#queued.length === 0) return;
    if (!this.#batchClaim) {
      if (this.#queued.length >= batchSize) {
        clearTimeout(this.#lingering);
        this.#lingering = undefined;
        this.#claimBatch();
      } else {
        this.#lingering ??= setTimeout(() => {
          this.#lingering = undefined;
          if (this.#batchClaim || this.#queued.length === 0) return;
          if (this.#queued.length === 1 && this.#singleClaims === 0) this.#claimSingle('normal');
          else this.#claimBatch();
        }, batchLingerMs);
      }
    }
    // Batch slots spent: what the waiting batch call cannot carry goes as single calls.
    while (this.#batchClaim?.waiting && this.#singleClaims < MAX_SINGLE_CLAIMS && this.#queued.length - batchSize > this.#singleClaims) {
      this.#claimSingle('filler');
    }
  }

  #claimBatch(): void {
    const claim: Claim = { waiting: false, timer: undefined };
    this.#batchClaim = claim;
    claim.timer = setTimeout(() => {
      claim.waiting = true;
      this.#pump();
    }, this.#options.batchLingerMs * 2);
    let items: QueuedCreate[] | undefined;
    const take = (): QueuedCreate[] => {
      if (!items) {
        items = this.#queued.splice(0, this.#options.batchSize);
        clearTimeout(claim.timer);
        if (this.#batchClaim === claim) this.#batchClaim = undefined;
        setImmediate(() => this.#pump()); // the next batch call starts waiting for its slot
      }
      return items;
    };
    let requestId: string | undefined;
    this.#call('batch', (qbo, cb) => {
      const taken = take();
      if (taken.length === 0) return cb(null, { BatchItemResponse: [] });
      requestId ??= batchRequestIdFor(taken.map((i) => i.requestId));
      const body = taken.map((item, index) => ({ bId: `b${index}`, operation: 'create', [item.entity]: item.body }));
      // The id is bound right where node-quickbooks calls axios (the limiter runs tasks in its own async context).
      batchRequestId.run(requestId, () => qbo.batch!.call(qbo, body, cb));
    }).then(
      (response) => {
        const byBid = new Map((response as { BatchItemResponse: Record<string, unknown>[] }).BatchItemResponse.map((r) => [String(r.bId), r]));
        take().forEach((item, index) => {
          const answer = byBid.get(`b${index}`);
          if (!answer) item.reject(new QboError('TRANSIENT', `the batch response had no item b${index}`));
          else if (answer.Fault || answer.fault) item.reject(normalizeQboError(answer));
          else if (answer[item.entity]) item.resolve(answer[item.entity] as QboRecord);
          else item.reject(new QboError('UNKNOWN', `batch item b${index} answered without a ${item.entity}`));
        });
      },
      // The whole call failed (after the retries): every item shares the outcome, committed or not.
      (error: unknown) => {
        for (const item of take()) item.reject(error);
      },
    );
  }

  #claimSingle(priority: RequestPriority): void {
    this.#singleClaims++;
    let item: QueuedCreate | null | undefined;
    const take = (): QueuedCreate | null => {
      if (item === undefined) {
        item = this.#queued.shift() ?? null;
        this.#singleClaims--;
        setImmediate(() => this.#pump());
      }
      return item;
    };
    this.#call(
      'request',
      (qbo, cb) => {
        const taken = take();
        if (!taken) return cb(null, null);
        // node-quickbooks deletes `requestId` from the entity it is given: a fresh copy per attempt.
        qbo[`create${taken.entity}`]!.call(qbo, { ...taken.body, requestId: taken.requestId }, cb);
      },
      priority,
    ).then(
      (record) => take()?.resolve(record as QboRecord),
      (error: unknown) => take()?.reject(error),
    );
  }

  create<T extends QboRecord>(entity: QboEntity, body: Record<string, unknown>, requestId?: string): Promise<T> {
    return this.#write(entity, `create${entity}`, body, requestId);
  }

  /** Sparse update by default (only the fields given change); the body must carry Id and SyncToken. */
  update<T extends QboRecord>(entity: QboEntity, body: Record<string, unknown>, options: { sparse?: boolean; requestId?: string } = {}): Promise<T> {
    return this.#write(entity, `update${entity}`, { sparse: options.sparse ?? true, ...body }, options.requestId);
  }

  delete(entity: QboEntity, ref: { Id: string; SyncToken: string }, requestId?: string): Promise<{ Id: string; status: string }> {
    return this.#write(entity, `delete${entity}`, { Id: ref.Id, SyncToken: ref.SyncToken }, requestId, false);
  }

  void<T extends QboRecord>(entity: 'Invoice' | 'Payment' | 'SalesReceipt', ref: { Id: string; SyncToken: string }, requestId?: string): Promise<T> {
    if (entity === 'Invoice') return this.#write(entity, 'voidInvoice', { Id: ref.Id, SyncToken: ref.SyncToken }, requestId);
    return this.#write(entity, `update${entity}`, { Id: ref.Id, SyncToken: ref.SyncToken, sparse: true, void: true }, requestId);
  }

  read<T extends QboRecord>(entity: QboEntity, id: string): Promise<T> {
    return this.#call('request', (qbo, cb) => qbo[`get${entity}`]!.call(qbo, id, cb)) as Promise<T>;
  }

  companyInfo(): Promise<QboRecord> {
    return this.read('CompanyInfo', this.realmId);
  }

  /** The company's Preferences (a singleton read without an id: multicurrency, home currency...). */
  preferences(): Promise<QboRecord> {
    return this.#call('request', (qbo, cb) => qbo.getPreferences!.call(qbo, cb)) as Promise<QboRecord>;
  }

  /**
   * One page of a query: `tail` is everything after `select * from Entity`, e.g.
   * `where Active = true orderby Id startposition 1 maxresults 1000`.
   */
  async queryPage<T extends QboRecord>(entity: QboEntity, tail: string): Promise<T[]> {
    const body = (await this.#call('request', (qbo, cb) => qbo[`find${PLURAL[entity] ?? `${entity}s`}`]!.call(qbo, tail, cb))) as {
      QueryResponse?: Record<string, unknown>;
    };
    const rows = body.QueryResponse?.[entity];
    return Array.isArray(rows) ? (rows as T[]) : [];
  }

  /**
   * Every row matching `where` (may be empty), paged explicitly by Id (node-quickbooks' fetchAll can
   * stop early). Yields pages so callers keep memory bounded.
   */
  async *queryAll<T extends QboRecord>(entity: QboEntity, where = '', pageSize = 1000): AsyncGenerator<T[]> {
    for (let start = 1; ; start += pageSize) {
      const page = await this.queryPage<T>(entity, `${where} orderby Id startposition ${start} maxresults ${pageSize}`.trim());
      if (page.length > 0) yield page;
      if (page.length < pageSize) return;
    }
  }

  async changeDataCapture(entities: QboEntity[], since: string): Promise<unknown> {
    return this.#call('request', (qbo, cb) => qbo.changeDataCapture!.call(qbo, entities.join(','), since, cb));
  }

  /**
   * Items succeed or fail independently: each response item carries its own `Fault`. With a
   * `requestId` (at most 36 characters, bIds at most 10) QBO replays a repeated call.
   */
  async batch(items: Record<string, unknown>[], requestId?: string): Promise<{ BatchItemResponse: Record<string, unknown>[] }> {
    if (items.length > 30) throw new QboError('VALIDATION', `a batch holds at most 30 items, got ${items.length}`);
    if (requestId !== undefined && (requestId.length === 0 || requestId.length > 36)) throw new QboError('VALIDATION', `a batch requestid must be 1-36 characters, got ${requestId.length}`);
    // The id is bound right where node-quickbooks calls axios (the limiter runs tasks in its own async context).
    const send = (qbo: NodeQuickBooks, cb: Callback) => qbo.batch!.call(qbo, items, cb);
    return (await this.#call('batch', requestId ? (qbo, cb) => batchRequestId.run(requestId, () => send(qbo, cb)) : send)) as { BatchItemResponse: Record<string, unknown>[] };
  }

  #write<T>(entity: QboEntity, method: string, body: Record<string, unknown>, requestId?: string, unwrap = true): Promise<T> {
    if (requestId !== undefined && (requestId.length === 0 || requestId.length > 50)) {
      return Promise.reject(new QboError('VALIDATION', `requestid must be 1-50 characters, got ${requestId.length}`));
    }
    return this.#call(
      'request',
      // node-quickbooks deletes `requestId` from the entity it is given: pass a fresh copy per attempt.
      (qbo, cb) => qbo[method]!.call(qbo, requestId ? { ...body, requestId } : { ...body }, cb),
    ).then((result) => (unwrap ? result : ((result as Record<string, unknown>)[entity] ?? result)) as T);
  }

  async #call(kind: 'request' | 'batch', invoke: (qbo: NodeQuickBooks, cb: Callback) => void, priority?: RequestPriority): Promise<unknown> {
    const { tokens, limiter, realmId } = this.#options;
    let token = await tokens.accessToken();
    let refreshed = false;
    return pRetry(
      async () => {
        try {
          const result = await limiter.schedule(realmId, kind, () => this.#invoke(token, invoke), priority);
          tokens.onSuccess?.();
          return result;
        } catch (raw) {
          const error = normalizeQboError(raw);
          if (error.kind === 'AUTH' && !refreshed) {
            refreshed = true;
            try {
              token = await tokens.refreshAfterUnauthorized(token);
            } catch (refreshError) {
              // Not retryable here: reconnect-required (or a refresh outage) goes to the caller as is.
              throw new AbortError(refreshError as Error);
            }
            throw error; // retried with the new token after the first backoff step
          }
          if (!error.retryable) throw new AbortError(error);
          throw error;
        }
      },
      {
        retries: this.#options.retries,
        minTimeout: this.#options.retryBaseMs,
        factor: 2,
        maxTimeout: 60_000,
        randomize: true,
      },
    );
  }

  #invoke(token: string, invoke: (qbo: NodeQuickBooks, cb: Callback) => void): Promise<unknown> {
    const qbo = new QuickBooks({
      consumerKey: 'unused',
      consumerSecret: 'unused',
      token,
      realmId: this.realmId,
      useSandbox: false,
      minorversion: this.#options.minorVersion,
      oauthversion: '2.0',
    });
    qbo.endpoint = `${this.#options.apiBaseUrl}/v3/company/`;
    return new Promise((resolve, reject) => {
      invoke(qbo, (error, body) => (error ? reject(error instanceof Error ? error : normalizeQboError(error)) : resolve(body)));
    });
  }
}

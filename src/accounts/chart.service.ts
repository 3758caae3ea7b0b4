/**
 * The chart-of-accounts cache: refreshes the tenant's accounts and reference lists (QuickBooks: accounts,
 * classes, departments, tax codes and payment methods; the provider's `chartLists`) through the provider
 * port into MongoDB (fully on connect and on demand, incrementally by LastUpdatedTime when
 * the cache is older than `maxAgeMs`), and answers every lookup from the cache, never from QBO.
 *
 * Reads are served from an in-process copy of the tenant's whole chart (a trades business has one to
 * a few hundred accounts), checked on every read against the tenant's chart stamp by one `_id` lookup
 * (db/tenant-read.cache.ts): on the embedded FerretDB any other filter scans every tenant's rows, which
 * made a dropdown cost two full scans (the page and its count). Every refresh replaces the stamp after
 * it wrote, so a change is visible on the next read in every process.
 */
import { type ChartRepository } from '../persistence/accounts/chart.repository.js';
import { type ReadStampRepository } from '../persistence/read-stamp.repository.js';
import { asTenantId, type TenantId } from '../persistence/tenant-id.js';
import { TenantReadCache } from '../persistence/tenant-read.cache.js';
import { type QuickBooksAccess } from '../connection/connection.types.js';
import { type AccountingProvider, type ChartList, type ProviderCompany } from '../providers/accounting-provider.port.js';
import { type FieldProblem } from '../errors/domain.errors.js';
import { type PageRequest } from '../paging/page-request.js';
import { type AccountFilter, ACCOUNT_SORT_FIELDS, ChartSnapshot } from './chart.snapshot.js';
import { type AccountPurpose, allowedAccountTypes } from './account-purpose.rules.js';
import { type AccountReference, accountReferenceProblem } from './account-reference.rules.js';
import { accountRow, laterTimestamp, referenceRow } from './chart-row.mapper.js';
import { type CachedEntity, CACHED_ENTITIES } from '../persistence/accounts/chart-refresh.model.js';
import { type CachedReference, type ReferenceKind } from '../persistence/accounts/reference-list.model.js';
import { type CachedAccount } from '../persistence/accounts/account.model.js';

export const DEFAULT_CHART_MAX_AGE_MS = 15 * 60_000;

export interface ChartServiceOptions {
  /** Older than this, a read schedules an incremental refresh in the background. */
  maxAgeMs?: number;
  /** Where background refresh failures go (they never fail the read that triggered them). */
  onBackgroundError?: (error: unknown, tenantId: string) => void;
  now?: () => Date;
  /** Tenants whose chart is kept in memory in this process. */
  cachedTenants?: number;
}

/**
 * FerretDB 1.24 never answers an unordered bulk write that updates 100 or more existing documents
 * (measured: 99 updates 0.3 s, 101 hung past 15 s and held the connection), and a trades business's
 * chart easily has more accounts than that: the refresh writes in slices well under it.
 */
const WRITE_SLICE = 50;

function slices<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += WRITE_SLICE) out.push(items.slice(i, i + WRITE_SLICE));
  return out;
}

export type RefreshMode = 'full' | 'incremental';

export interface RefreshResult {
  realmId: string;
  mode: RefreshMode;
  /** Rows written per entity. */
  written: Record<CachedEntity, number>;
}

/**
 * Whether the cached chart can be trusted as the company's: READY (filled from the connected company, or
 * kept from an earlier connection), LOADING (connected, first fill under way), FAILED (the last attempt to
 * fill it failed), NOT_CONNECTED (never filled and no connection to fill it from).
 */
export type ChartFillState = 'LOADING' | 'READY' | 'FAILED' | 'NOT_CONNECTED';

export interface ChartFill {
  state: ChartFillState;
  /** For people, when not READY. */
  message: string | null;
  /** When the oldest of the cached lists was last read from QuickBooks (null until filled). */
  refreshedAt: Date | null;
}

/** How long the first read after a connection waits for the chart (then it answers LOADING). */
export const FIRST_FILL_WAIT_MS = 10_000;
/** A READY answer is trusted this long in one process before the cache is checked again (another process may connect another company). */
const READY_TRUST_MS = 30_000;

/** After a failed fill, how long reads leave QuickBooks alone before trying again by themselves. */
const FAILED_RETRY_PAUSE_MS = 60_000;

const LOADING_MESSAGE = 'Still loading the chart of accounts from QuickBooks; the lists fill in a few seconds.';
const NOT_CONNECTED_MESSAGE = 'Connect QuickBooks to load its chart of accounts.';

/** A failed fill in a bookkeeper's words, with QuickBooks' own reason. */
function fillFailureMessage(error: unknown): string {
  const reason = error instanceof Error && error.message ? ` (${error.message.replace(/\.$/, '')})` : '';
  return `The chart of accounts could not be read from QuickBooks${reason}. Use "Refresh chart of accounts" to try again, or "Test connection" if QuickBooks must be reconnected.`;
}

export type { AccountFilter } from './chart.snapshot.js';

export function accountSortKey(account: Pick<CachedAccount, 'sortKey' | 'qboId'>): string[] {
  return ACCOUNT_SORT_FIELDS.map((field) => account[field as 'sortKey' | 'qboId']);
}

/** Moved to persistence with the queries that use it; re-exported for the callers not converted yet. */
export { containsPattern } from '../persistence/query-filters.js';

export class ChartService {
  readonly #chart: ChartRepository;
  readonly #maxAgeMs: number;
  readonly #now: () => Date;
  readonly #onBackgroundError: (error: unknown, tenantId: string) => void;
  /** One refresh at a time per tenant in this process (others queue behind it). */
  readonly #queues = new Map<string, Promise<unknown>>();
  readonly #background = new Set<string>();
  /** Tenants whose chart was seen filled, until when (see READY_TRUST_MS). */
  readonly #readyUntil = new Map<string, number>();
  /** Why and when the last refresh of a tenant's chart failed in this process (cleared by the next success). */
  readonly #failures = new Map<string, { message: string; at: number }>();
  readonly #snapshots: TenantReadCache<ChartSnapshot>;
  #ready: Promise<unknown> | undefined;

  constructor(
    repositories: { chart: ChartRepository; readStamps: ReadStampRepository },
    private readonly access: Pick<QuickBooksAccess, 'realmOf'>,
    /** Where the lists are read from (the tenant's connected books). */
    private readonly provider: Pick<AccountingProvider, 'companyFor' | 'chartLists'>,
    options: ChartServiceOptions = {},
  ) {
    this.#chart = repositories.chart;
    this.#maxAgeMs = options.maxAgeMs ?? DEFAULT_CHART_MAX_AGE_MS;
    this.#now = options.now ?? (() => new Date());
    this.#onBackgroundError = options.onBackgroundError ?? (() => {});
    this.#snapshots = new TenantReadCache(repositories.readStamps, 'chart', (tenantId) => this.#loadSnapshot(tenantId), { maxTenants: options.cachedTenants });
  }

  /** The unique indexes must exist before the first upsert (they are what makes upserts idempotent). */
  ensureIndexes(): Promise<unknown> {
    this.#ready ??= Promise.all([this.#chart.ensureIndexes(), this.#snapshots.init()]);
    return this.#ready;
  }

  // ---- refresh -------------------------------------------------------------------------------

  /**
   * Refreshes every cached list from QBO. `incremental` asks only for rows changed since each list's
   * watermark, and falls back to a full refresh when there is none or the realm changed.
   */
  refresh(tenantId: string, mode: RefreshMode = 'full'): Promise<RefreshResult> {
    // A refresh may follow a connection to another company: reads check the cache's realm again.
    this.#readyUntil.delete(tenantId);
    const previous = this.#queues.get(tenantId) ?? Promise.resolve();
    const run = previous
      .catch(() => {})
      .then(() => this.#refreshNow(tenantId, mode))
      .then(
        (result) => {
          this.#failures.delete(tenantId);
          return result;
        },
        (error: unknown) => {
          this.#failures.set(tenantId, { message: fillFailureMessage(error), at: Date.now() });
          throw error;
        },
      );
    // The queue holds the settled tail; it is removed once the last queued refresh ends (comparing with
    // the stored promise itself: comparing with `run.finally(...)` never matched, so entries stayed forever).
    const tail: Promise<unknown> = run.catch(() => {}).finally(() => {
      if (this.#queues.get(tenantId) === tail) this.#queues.delete(tenantId);
    });
    this.#queues.set(tenantId, tail);
    return run;
  }

  /**
   * Reads never wait for QBO: when the cache is older than the configured age (or was never filled)
   * and the tenant is connected, an incremental refresh starts in the background.
   */
  async refreshIfStale(tenantId: string, snapshot?: ChartSnapshot): Promise<boolean> {
    if (this.#background.has(tenantId)) return false;
    const refreshedAt = (snapshot ?? (await this.snapshot(tenantId))).refreshedAt;
    const fresh = refreshedAt !== null && this.#now().getTime() - refreshedAt.getTime() <= this.#maxAgeMs;
    if (fresh) return false;
    if (!(await this.access.realmOf(tenantId))) return false;
    this.#refreshInBackground(tenantId);
    return true;
  }

  #refreshInBackground(tenantId: string): void {
    if (this.#background.has(tenantId)) return;
    // After a failure, reads do not start another attempt at once (each would wait out QBO's retries
    // again): they answer FAILED until "Refresh chart of accounts" or the retry pause.
    const failed = this.#failures.get(tenantId);
    if (failed && Date.now() - failed.at < FAILED_RETRY_PAUSE_MS) return;
    this.#background.add(tenantId);
    // Incremental becomes full for lists never read or read from another company.
    this.refresh(tenantId, 'incremental')
      .catch((error: unknown) => this.#onBackgroundError(error, tenantId))
      .finally(() => this.#background.delete(tenantId));
  }

  /**
   * Whether the cached chart is the connected company's (see `ChartFillState`). One read of the refresh
   * state (and of the connection while not filled); a READY answer is then remembered for a while.
   */
  async fillState(tenantId: string): Promise<ChartFill> {
    if ((this.#readyUntil.get(tenantId) ?? 0) > Date.now()) return { state: 'READY', message: null, refreshedAt: null };
    const [states, realm] = await Promise.all([
      this.#chart.refreshStates(asTenantId(tenantId)),
      this.access.realmOf(tenantId),
    ]);
    // Filled: every list was read, from the company connected now (after a change of company, the old one's rows do not count).
    const filled = states.length === CACHED_ENTITIES.length && (!realm || states.every((s) => s.realmId === realm.realmId));
    if (filled) {
      this.#readyUntil.set(tenantId, Date.now() + READY_TRUST_MS);
      return { state: 'READY', message: null, refreshedAt: new Date(Math.min(...states.map((s) => s.refreshedAt.getTime()))) };
    }
    if (!realm) return { state: 'NOT_CONNECTED', message: NOT_CONNECTED_MESSAGE, refreshedAt: null };
    const failure = this.#failures.get(tenantId);
    if (failure && !this.#queues.has(tenantId)) return { state: 'FAILED', message: failure.message, refreshedAt: null };
    return { state: 'LOADING', message: LOADING_MESSAGE, refreshedAt: null };
  }

  /**
   * For the first read after a connection: waits (at most `timeoutMs`) until the chart is filled, its fill
   * failed, or there is nothing to fill it from. A fill is started here when none runs in this process (the
   * one started by the connection may run in another process, or have died with it).
   */
  async awaitFirstFill(tenantId: string, timeoutMs = FIRST_FILL_WAIT_MS): Promise<ChartFill> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const fill = await this.fillState(tenantId);
      const left = deadline - Date.now();
      if (fill.state !== 'LOADING' || left <= 0) return fill;
      if (!this.#queues.has(tenantId)) this.#refreshInBackground(tenantId);
      // Wake when this process's fill ends, or poll for another process's.
      const running = this.#queues.get(tenantId) ?? Promise.resolve();
      await Promise.race([running, new Promise((resolve) => setTimeout(resolve, Math.min(250, left)))]);
    }
  }

  async lastRefreshedAt(tenantId: string): Promise<Date | null> {
    const states = await this.#chart.refreshStates(asTenantId(tenantId));
    if (states.length < CACHED_ENTITIES.length) return null;
    return new Date(Math.min(...states.map((s) => s.refreshedAt.getTime())));
  }

  async #refreshNow(tenantId: string, mode: RefreshMode): Promise<RefreshResult> {
    await this.ensureIndexes();
    const company = await this.provider.companyFor(tenantId);
    const lists = new Map(this.provider.chartLists.map((list) => [list.key, list]));
    const tenant = asTenantId(tenantId);
    const states = new Map((await this.#chart.refreshStates(tenant)).map((s) => [s.entity, s]));
    const written = {} as Record<CachedEntity, number>;
    let effective: RefreshMode = mode;
    const started = this.#now();
    try {
      // Sequential on purpose: the per-realm limiter is shared with sync work; five lists are small.
      for (const entity of CACHED_ENTITIES) {
        const list = lists.get(entity);
        if (!list) throw new Error(`the accounting provider has no ${entity} list to cache`);
        const state = states.get(entity);
        const incremental = mode === 'incremental' && list.incremental && state !== undefined && state.realmId === company.companyId && state.watermark !== null;
        if (!incremental) effective = 'full';
        written[entity] = await this.#refreshEntity(company, list, tenant, entity, incremental ? state.watermark : null);
      }
    } catch (error) {
      // What was written before the failure is in the cache now: every process must see it.
      await this.#snapshots.changed(tenantId);
      throw error;
    }
    // After every write: the next read in every process loads the refreshed chart.
    await this.#snapshots.changed(tenantId, { refreshedAt: started });
    return { realmId: company.companyId, mode: effective, written };
  }

  async #refreshEntity(company: ProviderCompany, list: ChartList, tenantId: TenantId, entity: CachedEntity, since: string | null): Promise<number> {
    const started = this.#now();
    const state = await this.#chart.refreshState(tenantId, entity);
    // The provider reads inactive rows too (a deactivated account must reach the cache as inactive, not
    // linger as active), and only rows changed after the watermark when there is one.
    let watermark = since === null ? null : (state?.watermark ?? null);
    let written = 0;
    if (entity === 'Account') {
      for await (const page of company.readAccounts(since)) {
        const rows = page.map(accountRow);
        for (const slice of slices(rows)) {
          // $max on seenAt inside: a slower concurrent refresh must not mark the row as older than it is.
          await this.#chart.upsertAccounts(tenantId, company.companyId, slice, started);
        }
        for (const row of rows) watermark = laterTimestamp(watermark, row.lastUpdatedTime);
        written += page.length;
      }
    } else {
      const kind: ReferenceKind = entity;
      for await (const page of company.readReferences(list, since)) {
        const rows = page.map(referenceRow);
        for (const slice of slices(rows)) {
          await this.#chart.upsertReferences(tenantId, kind, company.companyId, slice, started);
        }
        for (const row of rows) watermark = laterTimestamp(watermark, row.lastUpdatedTime);
        written += page.length;
      }
    }
    if (since === null) {
      // A full refresh saw every row of the realm: anything older is gone (or from another realm).
      await this.#chart.deleteUnseen(tenantId, entity, started);
    }
    await this.#chart.saveRefreshState(tenantId, entity, { realmId: company.companyId, watermark, refreshedAt: started, full: since === null });
    return written;
  }

  // ---- reads ---------------------------------------------------------------------------------

  /** The tenant's chart as the database holds it now (one `_id` lookup when this process holds it already). */
  async snapshot(tenantId: string): Promise<ChartSnapshot> {
    const { value, stamp } = await this.#snapshots.read(tenantId);
    return value.at(stamp?.refreshedAt ?? null);
  }

  async #loadSnapshot(tenantId: string): Promise<ChartSnapshot> {
    const { accounts, references } = await this.#chart.load(asTenantId(tenantId));
    return new ChartSnapshot(accounts, references, null);
  }

  /** One page of accounts (`limit + 1` rows, so the caller can tell whether more exist) and the total. */
  async listAccounts(tenantId: string, filter: AccountFilter, page: PageRequest): Promise<{ rows: CachedAccount[]; totalCount: number }> {
    return (await this.snapshot(tenantId)).listAccounts(filter, page);
  }

  /** The accounts with these QBO ids (any order; unknown ids are simply absent). */
  async findAccounts(tenantId: string, qboIds: readonly string[]): Promise<CachedAccount[]> {
    if (qboIds.length === 0) return [];
    return (await this.snapshot(tenantId)).findAccounts(qboIds);
  }

  async getAccount(tenantId: string, qboId: string): Promise<CachedAccount | null> {
    return (await this.snapshot(tenantId)).findAccounts([qboId])[0] ?? null;
  }

  async listReferences(tenantId: string, kind: ReferenceKind, options: { includeInactive?: boolean } = {}): Promise<CachedReference[]> {
    return (await this.snapshot(tenantId)).listReferences(kind, options);
  }

  /** The account types a purpose allows, or undefined (any type) when restrictions are relaxed. */
  accountTypesFor(purpose: AccountPurpose | null | undefined, relaxed: boolean): readonly string[] | undefined {
    if (!purpose || relaxed) return undefined;
    return allowedAccountTypes(purpose);
  }

  /**
   * Checks account references against the cache in one query; returns one problem per bad field
   * (empty when all may be saved).
   */
  async checkAccountReferences(tenantId: string, refs: readonly AccountReference[], relaxed: boolean): Promise<FieldProblem[]> {
    if (refs.length === 0) return [];
    const accounts = new Map((await this.findAccounts(tenantId, refs.map((r) => r.accountId))).map((a) => [a.qboId, a]));
    const problems: FieldProblem[] = [];
    for (const ref of refs) {
      const message = accountReferenceProblem(ref, accounts.get(ref.accountId), relaxed);
      if (message) problems.push({ path: ref.path, message });
    }
    return problems;
  }
}

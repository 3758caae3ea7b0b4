/**
 * Keeps the simulator's state in its folder so it survives restarts: companies (records, Ids, SyncTokens,
 * deleted and voided transactions, numbering, exchange rates) with their requestid replay entries, the
 * identity platform (apps, codes, connections, tokens), the webhook target and undelivered notifications,
 * the virtual clock and the request log.
 *
 * The rule that keeps the gateway honest: no response leaves the simulator before every change made so far
 * is on disk (`pending` / `durable()`, used by `holdUntilDurable`). A company written and answered is
 * therefore never lost to a crash, whatever kills the process, so the gateway never holds an Id or a
 * refresh token the simulator forgot. Changes are group-committed: the writes of one tick, and any made
 * while a write is under way, share the next one. The request log and the simulator's settings are not
 * part of that rule (nothing the gateway keeps depends on them) and are saved a second after they change.
 *
 * A company's replay entries live in the company's file, so one atomic rename covers both: after a crash
 * a retried requestid either finds its first response or finds no trace of the write, never a write without
 * its replay entry (which would create the record twice).
 */
import { type SavedBatchResponses } from '../batch/batch-replay.cache.js';
import { type BatchResponseBody } from '../batch/batch.service.js';
import { type Clock } from '../clock.js';
import { type CompanyRegistry, type SavedCompany } from '../http/company.registry.js';
import { type RequestIdReplay, type SavedResponse } from '../http/request-id.replay.js';
import { type RequestLog, type RequestLogEntry } from '../http/request.log.js';
import { type OAuthServer, type SavedOAuth } from '../oauth/oauth.server.js';
import { type SavedWebhooks, type WebhookNotifier } from '../webhooks/webhook.notifier.js';
import { type BatchReplayCache } from '../batch/batch-replay.cache.js';
import { SandboxStateError, SnapshotFolder } from './snapshot.files.js';

export interface SavedRealm extends SavedCompany {
  replay: SavedResponse[];
  batchReplay: SavedBatchResponses<BatchResponseBody>[];
}

export interface SavedClock {
  /** Virtual time when saved, and the real time it was saved at. */
  virtualNow: number;
  realNow: number;
}

export interface SavedSimulator {
  clock: SavedClock;
  webhooks: SavedWebhooks;
}

export interface SavedSandboxState {
  realms: SavedRealm[];
  oauth?: SavedOAuth;
  simulator?: SavedSimulator;
  requests?: { seq: number; entries: RequestLogEntry[] };
}

/** The parts of a running simulator the persistence reads and restores. */
export interface PersistedParts {
  clock: Clock;
  companies: CompanyRegistry;
  replay: RequestIdReplay;
  batchReplay: BatchReplayCache<BatchResponseBody>;
  oauth: Pick<OAuthServer, 'exportState' | 'importState'>;
  webhooks: Pick<WebhookNotifier, 'exportState' | 'importState'>;
  requests: RequestLog;
}

const REALM_PREFIX = 'realm-';
/** How long a change to the request log or the simulator's settings waits to be saved with others. */
const LAZY_DELAY_MS = 1_000;

export interface SandboxPersistenceOptions {
  /** Folder of the snapshot files (the gateway uses `<FIELDBOOKS_DATA_DIR>/simulator`). */
  dir: string;
  lazyDelayMs?: number;
  /** Where write failures are reported (the simulator keeps running; responses fail until a write succeeds). */
  onError?: (error: Error) => void;
}

export class SandboxPersistence {
  readonly dir: string;
  readonly #folder: SnapshotFolder;
  readonly #lazyDelayMs: number;
  readonly #onError: (error: Error) => void;
  #parts: PersistedParts | undefined;
  #dirty = new Set<string>();
  /** Urgent changes counted, and the count already on disk. */
  #seq = 0;
  #durableSeq = 0;
  #waiters: { seq: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  #writing: Promise<void> | undefined;
  #kickScheduled = false;
  #lazyTimer: NodeJS.Timeout | undefined;
  #closed = false;
  #unsubscribe: (() => void)[] = [];

  private constructor(folder: SnapshotFolder, options: SandboxPersistenceOptions) {
    this.#folder = folder;
    this.dir = folder.dir;
    this.#lazyDelayMs = options.lazyDelayMs ?? LAZY_DELAY_MS;
    this.#onError = options.onError ?? ((error) => console.error('[qbo-sandbox] could not save the simulator state:', error.message));
  }

  /** Takes the folder (lock) and reads what an earlier run saved; throws `SandboxStateError` when it cannot be used. */
  static open(options: SandboxPersistenceOptions): { persistence: SandboxPersistence; saved: SavedSandboxState } {
    const folder = SnapshotFolder.open(options.dir);
    try {
      const realms = folder
        .parts()
        .filter((p) => p.startsWith(REALM_PREFIX))
        .sort()
        .map((p) => folder.read(p) as SavedRealm);
      for (const r of realms) {
        if (!r?.company?.profile?.realmId || !r.company.records) throw new SandboxStateError(`The QuickBooks simulator's saved company in ${folder.dir} is incomplete; move the realm-*.json files away or set FIELDBOOKS_SANDBOX_FRESH=true.`);
      }
      const saved: SavedSandboxState = {
        realms,
        oauth: folder.read('oauth') as SavedOAuth | undefined,
        simulator: folder.read('simulator') as SavedSimulator | undefined,
        requests: folder.read('requests') as SavedSandboxState['requests'],
      };
      return { persistence: new SandboxPersistence(folder, options), saved };
    } catch (error) {
      folder.release();
      throw error;
    }
  }

  /** Restores the saved state into a fresh simulator and starts saving its changes. */
  attach(parts: PersistedParts, saved: SavedSandboxState): void {
    this.#parts = parts;
    parts.companies.restore(saved.realms);
    for (const r of saved.realms) {
      parts.replay.importRealm(r.company.profile.realmId, r.replay ?? []);
      parts.batchReplay.importRealm(r.company.profile.realmId, r.batchReplay ?? []);
    }
    if (saved.oauth) parts.oauth.importState(saved.oauth);
    if (saved.requests) parts.requests.importState(saved.requests);
    if (saved.simulator) parts.webhooks.importState(saved.simulator.webhooks);

    const realm = (realmId: string) => this.mark(`${REALM_PREFIX}${realmId}`, true);
    this.#unsubscribe.push(
      parts.companies.onChange((e) => realm(e.realmId)),
      parts.companies.onReplace(realm),
      parts.replay.onStore(realm),
      parts.batchReplay.onStore(realm),
      parts.requests.onAdd(() => this.mark('requests', false)),
    );
    // Companies seeded now (first start, or a seed added since) are saved at once.
    for (const { realmId } of parts.companies.list()) if (!saved.realms.some((r) => r.company.profile.realmId === realmId)) realm(realmId);
    this.mark('simulator', false);
  }

  /** The identity platform changed (wired as the OAuth server's `onStateChange`). */
  oauthChanged(): void {
    this.mark('oauth', true);
  }

  /** The webhook target or queue, or the clock changed. */
  simulatorChanged(): void {
    this.mark('simulator', false);
  }

  /**
   * An admin call changed something (clock, webhook target, a company through "act as a QBO user", some of
   * which, like an exchange rate, raise no change event): every company and the settings are saved.
   */
  adminChanged(): void {
    for (const { realmId } of this.#parts?.companies.list() ?? []) this.mark(`${REALM_PREFIX}${realmId}`, true);
    this.mark('simulator', true);
  }

  /**
   * Urgent changes are on disk before the next response leaves (see `pending`); lazy ones within
   * `lazyDelayMs`.
   */
  mark(part: string, urgent: boolean): void {
    if (this.#closed) return;
    this.#dirty.add(part);
    if (urgent) {
      this.#seq++;
      if (!this.#kickScheduled) {
        this.#kickScheduled = true;
        // Writes made in the same tick (a batch, concurrent requests) share one save.
        setImmediate(() => {
          this.#kickScheduled = false;
          this.#kick();
        });
      }
    } else {
      this.#lazyTimer ??= setTimeout(() => {
        this.#lazyTimer = undefined;
        this.#kick();
      }, this.#lazyDelayMs);
      this.#lazyTimer.unref?.();
    }
  }

  /** Some change is not on disk yet: a response must wait for `durable()`. */
  get pending(): boolean {
    return this.#durableSeq < this.#seq;
  }

  /** Resolves once every urgent change made before the call is on disk; rejects if saving failed. */
  durable(): Promise<void> {
    if (!this.pending) return Promise.resolve();
    const seq = this.#seq;
    return new Promise((resolve, reject) => {
      this.#waiters.push({ seq, resolve, reject });
      this.#kick();
    });
  }

  /** Saves everything still unsaved, stops saving and releases the folder. */
  async close(): Promise<void> {
    if (this.#closed) return;
    if (this.#lazyTimer) clearTimeout(this.#lazyTimer);
    this.#lazyTimer = undefined;
    // The clock is saved on the way out so virtual time goes on from where it was.
    this.#dirty.add('simulator');
    this.#kick();
    while (this.#writing) await this.#writing;
    this.#closed = true;
    for (const off of this.#unsubscribe) off();
    this.#folder.release();
  }

  #kick(): void {
    if (this.#writing || this.#dirty.size === 0 || !this.#parts) return;
    this.#writing = this.#writeAll().finally(() => {
      this.#writing = undefined;
      // Changes made during a failed save wait for the next change or close; after success the loop took them all.
    });
  }

  async #writeAll(): Promise<void> {
    while (this.#dirty.size > 0) {
      const seq = this.#seq;
      const parts = [...this.#dirty];
      this.#dirty.clear();
      // Serialised in one synchronous step: each file is the state of one instant (a company with its replay entries).
      const payloads = parts.map((part) => [part, this.#serialize(part)] as const);
      try {
        for (const [part, data] of payloads) await this.#folder.write(part, data);
        await this.#folder.syncDir();
      } catch (error) {
        for (const part of parts) this.#dirty.add(part);
        const err = error as Error;
        this.#onError(err);
        const waiting = this.#waiters;
        this.#waiters = [];
        for (const w of waiting) w.reject(err);
        return;
      }
      this.#durableSeq = Math.max(this.#durableSeq, seq);
      const ready = this.#waiters.filter((w) => w.seq <= this.#durableSeq);
      this.#waiters = this.#waiters.filter((w) => w.seq > this.#durableSeq);
      for (const w of ready) w.resolve();
    }
  }

  #serialize(part: string): unknown {
    const parts = this.#parts!;
    if (part.startsWith(REALM_PREFIX)) {
      const realmId = part.slice(REALM_PREFIX.length);
      const company = parts.companies.saved(realmId);
      if (!company) return undefined; // removed by a reset: its file goes too
      const realm: SavedRealm = { ...company, replay: parts.replay.exportRealm(realmId), batchReplay: parts.batchReplay.exportRealm(realmId) };
      return realm;
    }
    switch (part) {
      case 'oauth':
        return parts.oauth.exportState();
      case 'requests':
        return parts.requests.exportState();
      case 'simulator': {
        const simulator: SavedSimulator = { clock: { virtualNow: parts.clock.now(), realNow: Date.now() }, webhooks: parts.webhooks.exportState() };
        return simulator;
      }
      default:
        throw new Error(`unknown snapshot part ${part}`);
    }
  }
}

/** Virtual time after a restart: where it was, plus the real time the simulator was down (at the current speed). */
export function resumedVirtualTime(saved: SavedClock | undefined, scale: number, realNow = Date.now()): number | undefined {
  if (!saved) return undefined;
  return saved.virtualNow + Math.max(0, realNow - saved.realNow) * scale;
}

/**
 * The token vault: OAuth tokens sealed at rest (AES-256-GCM, bound to tenant and field), fresh access
 * tokens on demand, and refreshes that happen once per realm across every process sharing the
 * database. Intuit rotates refresh tokens, so two processes refreshing with the same token would
 * leave one of them holding a superseded token: a lease per (tenant, token version), taken by a
 * unique-key insert (see LeaseStore: conditional updates are not atomic on FerretDB), makes one
 * process refresh while the others wait for the new version. The new pair is stored before
 * it is used. On `invalid_grant` storage is read once more (another process may have rotated the
 * token) before the connection is marked RECONNECT_REQUIRED.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { type LeaseStore } from '../persistence/lease.store.js';
import { QuickBooksNotConnectedError, QuickBooksReconnectRequiredError } from '../errors/domain.errors.js';
import { type Logger } from '../logging/logger.js';
import { type ProviderAuth, ProviderGrantError, type ProviderTokens } from '../providers/accounting-provider.port.js';
import { type SealedValue, type TokenCipher, UnreadableTokenError } from './token.cipher.js';
import { type ConnectionRepository, type QuickBooksConnectionRecord, type StoredTokens } from '../persistence/connection/connection.repository.js';
import { asTenantId } from '../persistence/tenant-id.js';

/** Refresh this long before Intuit's expiry, so a call never leaves with a token about to lapse. */
const EXPIRY_MARGIN_MS = 5 * 60_000;
const LEASE_MS = 20_000;
const WAIT_FOR_REFRESH_MS = 30_000;

export class TokenVault {
  readonly #inflight = new Map<string, Promise<string>>();

  constructor(
    private readonly connections: ConnectionRepository,
    private readonly leases: LeaseStore,
    private readonly cipher: TokenCipher,
    /** The provider's OAuth (QuickBooks: QuickBooksAuth over intuit-oauth); only refresh is used here. */
    private readonly auth: Pick<ProviderAuth, 'refresh'>,
    private readonly log: Logger,
    private readonly onReconnectRequired: (tenantId: string) => void,
  ) {}

  seal(tenantId: string, tokens: ProviderTokens): StoredTokens {
    return {
      access: this.cipher.seal(tokens.accessToken, `${tenantId}:access`),
      refresh: this.cipher.seal(tokens.refreshToken, `${tenantId}:refresh`),
      accessExpiresAt: tokens.accessExpiresAt,
      refreshExpiresAt: tokens.refreshExpiresAt,
    };
  }

  openRefresh(tenantId: string, tokens: StoredTokens): string {
    return this.cipher.open(tokens.refresh, `${tenantId}:refresh`);
  }

  /** A valid access token, refreshed first when it is close to expiry. */
  accessToken(tenantId: string): Promise<string> {
    return this.#unlessUnreadable(tenantId, () => this.#accessToken(tenantId));
  }

  async #accessToken(tenantId: string): Promise<string> {
    const doc = await this.#load(tenantId);
    const tokens = this.#usable(doc);
    if (tokens.accessExpiresAt.getTime() - Date.now() > EXPIRY_MARGIN_MS) return this.cipher.open(tokens.access, `${tenantId}:access`);
    return this.#refreshOnce(tenantId, doc.tokenVersion);
  }

  /** After QBO answered 401 to `rejected`: the newer token if someone already refreshed, else refresh. */
  refreshAfterUnauthorized(tenantId: string, rejected: string): Promise<string> {
    return this.#unlessUnreadable(tenantId, () => this.#refreshAfterUnauthorized(tenantId, rejected));
  }

  async #refreshAfterUnauthorized(tenantId: string, rejected: string): Promise<string> {
    const doc = await this.#load(tenantId);
    const tokens = this.#usable(doc);
    const current = this.cipher.open(tokens.access, `${tenantId}:access`);
    if (current !== rejected) return current;
    return this.#refreshOnce(tenantId, doc.tokenVersion);
  }

  /** One refresh per tenant and token version in this process; the lease covers the other processes. */
  #refreshOnce(tenantId: string, seenVersion: number): Promise<string> {
    const key = `${tenantId}:${seenVersion}`;
    let pending = this.#inflight.get(key);
    if (!pending) {
      pending = this.#refresh(tenantId, seenVersion).finally(() => this.#inflight.delete(key));
      this.#inflight.set(key, pending);
    }
    return pending;
  }

  async #refresh(tenantId: string, seenVersion: number): Promise<string> {
    const deadline = Date.now() + WAIT_FOR_REFRESH_MS;
    while (Date.now() < deadline) {
      const doc = await this.#load(tenantId);
      const tokens = this.#usable(doc);
      if (doc.tokenVersion > seenVersion) return this.cipher.open(tokens.access, `${tenantId}:access`);

      const lease = `qbo-token-refresh:${tenantId}:${seenVersion}`;
      if (!(await this.leases.tryAcquire(lease, LEASE_MS))) {
        await sleep(100 + Math.floor(Math.random() * 150));
        continue;
      }
      try {
        return await this.#refreshHoldingLease(tenantId, seenVersion, tokens);
      } finally {
        await this.leases.release(lease);
      }
    }
    throw new Error('timed out waiting for another process to refresh the QuickBooks token');
  }

  /** Only the lease holder gets here, so the version checks below are not racing anyone. */
  async #refreshHoldingLease(tenantId: string, seenVersion: number, tokens: StoredTokens): Promise<string> {
    // Another process may have finished a refresh between our read and our lease.
    const current = await this.#load(tenantId);
    if (current.tokenVersion > seenVersion) return this.cipher.open(this.#usable(current).access, `${tenantId}:access`);

    let fresh: ProviderTokens;
    try {
      fresh = await this.auth.refresh(this.openRefresh(tenantId, tokens));
    } catch (error) {
      if (error instanceof ProviderGrantError && error.isInvalidGrant) {
        // Re-read once: a process whose lease lapsed may still have stored a rotated pair.
        const reread = await this.#load(tenantId);
        if (reread.tokenVersion > seenVersion && reread.status === 'CONNECTED' && reread.tokens) {
          return this.cipher.open(reread.tokens.access, `${tenantId}:access`);
        }
        await this.connections.setIfTokenVersion(asTenantId(tenantId), seenVersion, {
          status: 'RECONNECT_REQUIRED',
          reason: 'REFRESH_TOKEN_INVALID',
          reasonMessage: 'QuickBooks no longer accepts the stored authorization (it was revoked, expired or replaced). Connect again to resume syncing.',
        });
        this.log.warn({ tenantId }, 'QuickBooks refresh token rejected: reconnect required');
        this.onReconnectRequired(tenantId);
        throw new QuickBooksReconnectRequiredError('REFRESH_TOKEN_INVALID');
      }
      throw error;
    }
    // The new pair is stored before anyone uses it.
    await this.connections.setIfTokenVersion(asTenantId(tenantId), seenVersion, { tokens: this.seal(tenantId, fresh), tokenVersion: seenVersion + 1 });
    this.log.info({ tenantId }, 'QuickBooks access token refreshed');
    return fresh.accessToken;
  }

  /**
   * Re-seals every connection's tokens under the current key and checks that each opens: run at
   * start-up (a new key list is a restart) and periodically (processes of a rolling deploy may still
   * seal under the old key), so rotation finishes for idle tenants too and the old key can be dropped.
   */
  async resealAll(): Promise<{ checked: number; resealed: number; unreadable: number }> {
    const docs = await this.connections.withTokensAcrossTenants();
    const result = { checked: 0, resealed: 0, unreadable: 0 };
    for (const doc of docs) {
      if (!doc.tokens) continue;
      const tenantId: string = doc.tenantId;
      result.checked += 1;
      let access: string;
      let refresh: string;
      try {
        access = this.cipher.open(doc.tokens.access, `${tenantId}:access`);
        refresh = this.cipher.open(doc.tokens.refresh, `${tenantId}:refresh`);
      } catch (error) {
        if (!(error instanceof UnreadableTokenError)) throw error;
        if (doc.status !== 'RECONNECT_REQUIRED') {
          await this.#markUnreadable(tenantId, doc.tokenVersion, error);
          result.unreadable += 1;
        }
        continue;
      }
      const stale = (sealed: SealedValue) => this.cipher.needsResealing(sealed);
      const recovered = doc.status === 'RECONNECT_REQUIRED' && doc.reason === 'TOKENS_UNREADABLE';
      if (!stale(doc.tokens.access) && !stale(doc.tokens.refresh) && !recovered) continue;
      const tokens: StoredTokens = {
        ...doc.tokens,
        access: this.cipher.seal(access, `${tenantId}:access`),
        refresh: this.cipher.seal(refresh, `${tenantId}:refresh`),
      };
      // Same token version: a concurrent refresh (which seals under the current key anyway) wins.
      const recover = recovered ? { status: 'CONNECTED' as const, reason: null, reasonMessage: null } : {};
      const written = await this.connections.setIfTokenVersion(doc.tenantId, doc.tokenVersion, { tokens, ...recover });
      if (written) result.resealed += 1;
      if (recovered && written) this.onReconnectRequired(tenantId);
    }
    if (result.resealed + result.unreadable > 0) this.log.info(result, 'QuickBooks tokens re-sealed under the current encryption key');
    return result;
  }

  /** Runs `work`; a token that cannot be decrypted makes the connection RECONNECT_REQUIRED instead of an internal error. */
  async #unlessUnreadable<T>(tenantId: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof UnreadableTokenError)) throw error;
      const doc = await this.#load(tenantId);
      await this.#markUnreadable(tenantId, doc.tokenVersion, error);
      throw new QuickBooksReconnectRequiredError('TOKENS_UNREADABLE');
    }
  }

  async #markUnreadable(tenantId: string, tokenVersion: number, error: UnreadableTokenError): Promise<void> {
    // The sealed tokens are kept: if the missing key is put back, the next re-seal pass reconnects.
    await this.connections.setIfTokenVersion(asTenantId(tenantId), tokenVersion, {
      status: 'RECONNECT_REQUIRED',
      reason: 'TOKENS_UNREADABLE',
      reasonMessage: 'The saved QuickBooks authorization can no longer be read (it was saved under an encryption key this server no longer has). Connect to QuickBooks again to resume syncing.',
    });
    this.log.warn({ tenantId, problem: error.message }, 'stored QuickBooks tokens cannot be decrypted: reconnect required');
    this.onReconnectRequired(tenantId);
  }

  async #load(tenantId: string): Promise<QuickBooksConnectionRecord> {
    const doc = await this.connections.find(asTenantId(tenantId));
    if (!doc) throw new QuickBooksNotConnectedError();
    return doc;
  }

  #usable(doc: QuickBooksConnectionRecord): StoredTokens {
    if (doc.status === 'RECONNECT_REQUIRED') throw new QuickBooksReconnectRequiredError(doc.reason ?? 'RECONNECT_REQUIRED');
    if (doc.status !== 'CONNECTED' || !doc.tokens) throw new QuickBooksNotConnectedError();
    return doc.tokens;
  }
}

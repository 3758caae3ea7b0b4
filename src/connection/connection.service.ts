/**
 * Connecting a tenant to QuickBooks and keeping it connected: the OAuth `state` round trip, the code
 * exchange, the company check, disconnect (revoke at Intuit, forget tokens), status, and clients with
 * fresh tokens for the rest of the gateway (`QuickBooksAccess`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { type LeaseStore } from '../persistence/lease.store.js';
import { type ConnectionRepository, type OAuthStateRecord, type QuickBooksConnectionRecord } from '../persistence/connection/connection.repository.js';
import { asTenantId } from '../persistence/tenant-id.js';
import { DomainError, QuickBooksNotConnectedError, UserInputError } from '../errors/domain.errors.js';
import { type AppPubSub, Topic } from '../events/pubsub.js';
import { type Logger } from '../logging/logger.js';
import { type IntuitOAuth } from '../providers/quickbooks/intuit-oauth.client.js';
import { type ProviderAuth, ProviderGrantError, type ProviderTokens } from '../providers/accounting-provider.port.js';
import { QboClient } from '../providers/quickbooks/qbo.client.js';
import { normalizeQboError } from '../providers/quickbooks/qbo.errors.js';
import { type RealmLimiter } from '../providers/quickbooks/qbo.limiter.js';
import { type TokenCipher } from './token.cipher.js';
import { type ConnectionView } from './connection-changed.event.js';
import { type ConnectedRealm, type QuickBooksAccess } from './connection.types.js';
import { TokenVault } from './token.vault.js';
import { type BrowserCookie, connectCookieName, newBrowserNonce, nonceMatches } from './connect-browser.cookie.js';

const STATE_TTL_MS = 10 * 60_000;
const SUCCESS_STAMP_EVERY_MS = 10_000;

export interface CompletedConnection {
  tenantId: string;
  view: ConnectionView;
  returnTo: string | null;
}

/** A callback that could not complete; `reason` is stable for clients, the message is for people. */
export class ConnectionFailedError extends DomainError {
  constructor(
    readonly reason:
      | 'STATE_INVALID'
      | 'STARTED_BY_ANOTHER_KEY'
      | 'STARTED_IN_ANOTHER_BROWSER'
      | 'STARTED_WITHOUT_BROWSER'
      | 'CONSENT_DECLINED'
      | 'CODE_EXCHANGE_FAILED'
      | 'REALM_MISMATCH'
      | 'REALM_IN_USE'
      | 'COMPANY_UNREADABLE',
    message: string,
    readonly returnTo: string | null = null,
  ) {
    super(message, reason === 'REALM_MISMATCH' || reason === 'REALM_IN_USE' ? 'CONFLICT' : 'BAD_USER_INPUT', { reason });
  }
}

/** Who finishes an attempt: an API caller (tenant and key) or the browser callback (the nonce its cookie presented). */
export type ConnectCaller = { via: 'api'; tenantId: string; apiKeyHash: string } | { via: 'browser'; nonce: string | undefined };

export interface ConnectionServiceDeps {
  connections: ConnectionRepository;
  /** A lease store with its own owner per call (the realm claim and the token refresh each hold their own). */
  leases: () => LeaseStore;
  /** The provider's OAuth (authorize URL, code exchange, refresh, revoke) through the port. */
  auth: ProviderAuth;
  /** Intuit's endpoints and redirect URI (the environment shown to users, the API base the clients call). */
  oauth: () => IntuitOAuth;
  cipher: TokenCipher;
  limiter: RealmLimiter;
  pubsub: AppPubSub;
  log: Logger;
  /** Origins `returnTo` may point at (the gateway's own and configured front-ends). */
  returnOrigins: () => string[];
  minorVersion: number;
  /** Operator setting: let one QuickBooks company be connected to several tenants (off by default). */
  allowSharedRealms?: boolean;
}

export class ConnectionService implements QuickBooksAccess {
  readonly #connections: ConnectionRepository;
  readonly #vault: TokenVault;
  readonly #leases: LeaseStore;
  readonly #listeners: ((realm: ConnectedRealm) => Promise<void> | void)[] = [];
  readonly #realmChanging: ((tenantId: string, previousRealmId: string) => Promise<void>)[] = [];
  readonly #lastStamp = new Map<string, number>();
  readonly #background = new Set<Promise<unknown>>();
  #resealTimer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: ConnectionServiceDeps) {
    this.#connections = deps.connections;
    this.#leases = deps.leases();
    this.#vault = new TokenVault(this.#connections, deps.leases(), deps.cipher, deps.auth, deps.log, (tenantId) => void this.#publish(tenantId));
  }

  async ensureIndexes(): Promise<void> {
    await this.#connections.ensureIndexes();
  }

  /**
   * Re-seals every connection's tokens under the current encryption key now (start-up, i.e. after a
   * rotation) and then every `intervalMs`, until `stopResealing`. Unreadable tokens become
   * RECONNECT_REQUIRED with a plain reason.
   */
  startResealing(intervalMs: number): void {
    const pass = () => this.#track(this.#vault.resealAll());
    pass();
    this.#resealTimer = setInterval(pass, intervalMs);
    this.#resealTimer.unref();
  }

  stopResealing(): void {
    clearInterval(this.#resealTimer);
  }

  onConnected(listener: (realm: ConnectedRealm) => Promise<void> | void): void {
    this.#listeners.push(listener);
  }

  /**
   * Runs (awaited) just before a tenant's connection moves to another QuickBooks company, while the
   * old realm is still the connected one: what records no realm yet can be stamped with it.
   */
  onRealmChanging(listener: (tenantId: string, previousRealmId: string) => Promise<void>): void {
    this.#realmChanging.push(listener);
  }

  /** Resolves when background work started by connections (cache refreshes) has finished. */
  async idle(): Promise<void> {
    while (this.#background.size > 0) await Promise.allSettled([...this.#background]);
  }

  async status(tenantId: string): Promise<ConnectionView> {
    return toView(await this.#connections.find(asTenantId(tenantId)));
  }

  async realmOf(tenantId: string): Promise<ConnectedRealm | undefined> {
    const doc = await this.#connections.find(asTenantId(tenantId));
    if (doc?.status !== 'CONNECTED' || !doc.realmId) return undefined;
    return { tenantId, realmId: doc.realmId, country: doc.country ?? undefined, companyName: doc.companyName ?? undefined, since: doc.realmSince ?? doc.connectedAt ?? undefined };
  }

  /**
   * Starts a connection: a single-use, short-lived state bound to the tenant and the API key, and
   * Intuit's URL. `browser: true` (the request came over HTTP, whose answer can set a cookie) also binds
   * it to the browser: the returned cookie must reach /oauth/callback for the browser path to finish.
   */
  async startConnect(
    tenantId: string,
    options: { apiKeyHash: string; returnTo?: string | null; allowRealmChange?: boolean; browser?: boolean },
  ): Promise<{ authorizationUrl: string; expiresAt: Date; browserCookie: BrowserCookie | null }> {
    const returnTo = options.returnTo ? this.#checkReturnTo(options.returnTo) : null;
    const state = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + STATE_TTL_MS);
    const browser = options.browser ? newBrowserNonce() : null;
    await this.#connections.createState(asTenantId(tenantId), {
      stateHash: hashState(state),
      returnTo,
      apiKeyHash: options.apiKeyHash,
      browserNonceHash: browser?.hash ?? null,
      allowRealmChange: options.allowRealmChange ?? false,
      expiresAt,
    });
    const browserCookie = browser ? { name: connectCookieName(state), value: browser.nonce, path: this.callbackPath(), expires: expiresAt } : null;
    return { authorizationUrl: this.deps.auth.authorizationUrl(state), expiresAt, browserCookie };
  }

  /**
   * Finishes a connection from Intuit's redirect URL. Through the API (completeQuickBooksConnection)
   * the caller's tenant and API key must be the ones that started the attempt; through the browser
   * callback, the browser must present the attempt's cookie. A browser that does not spends nothing:
   * the rightful browser can still finish. Nothing is stored unless every step succeeds.
   */
  async completeConnect(callbackUrl: string, caller: ConnectCaller): Promise<CompletedConnection> {
    let params: URLSearchParams;
    try {
      params = new URL(callbackUrl, 'http://callback.invalid').searchParams;
    } catch {
      throw new UserInputError('callbackUrl is not a URL.', [{ path: ['callbackUrl'], message: 'must be the full URL Intuit redirected to' }]);
    }
    const stateValue = params.get('state');
    if (!stateValue) throw new ConnectionFailedError('STATE_INVALID', 'The callback has no state: start again with connectQuickBooks.');

    const state = caller.via === 'api' ? await this.#consumeForApi(stateValue, caller) : await this.#consumeForBrowser(stateValue, caller.nonce);
    const owner: string = state.tenantId;
    const returnTo = state.returnTo ?? null;

    const denied = params.get('error');
    if (denied) {
      const message = denied === 'access_denied' ? 'The QuickBooks connection was declined on the consent page.' : `QuickBooks refused the connection (${denied}).`;
      await this.#recordFailure(owner, 'CONSENT_DECLINED', message);
      throw new ConnectionFailedError('CONSENT_DECLINED', message, returnTo);
    }

    let tokens: ProviderTokens;
    let companyIds: string[];
    try {
      ({ tokens, companyIds } = await this.deps.auth.exchangeCode(callbackUrl));
    } catch (error) {
      const message = `QuickBooks did not accept the authorization code (${error instanceof ProviderGrantError ? error.error : 'error'}). Start again with connectQuickBooks.`;
      await this.#recordFailure(owner, 'CODE_EXCHANGE_FAILED', message);
      throw new ConnectionFailedError('CODE_EXCHANGE_FAILED', message, returnTo);
    }
    // QuickBooks: one realm per consent (the redirect's realmId).
    const realmId = companyIds[0] ?? params.get('realmId') ?? undefined;
    const existing = await this.#connections.find(asTenantId(owner));
    const revokeNew = () => this.deps.auth.revoke(tokens.refreshToken).catch((e: unknown) => this.deps.log.warn({ err: e }, 'revoking unused tokens failed'));
    if (!realmId) {
      await revokeNew();
      throw new ConnectionFailedError('CODE_EXCHANGE_FAILED', 'QuickBooks did not say which company was connected (no realmId).', returnTo);
    }
    if (existing?.realmId && existing.realmId !== realmId && !state.allowRealmChange) {
      await revokeNew();
      const message = `This tenant's books are in QuickBooks company ${existing.companyName ?? existing.realmId}; connecting company ${realmId} would split them. Reconnect to the same company, or confirm the change with connectQuickBooks(allowRealmChange: true).`;
      await this.#recordFailure(owner, 'REALM_MISMATCH', message);
      throw new ConnectionFailedError('REALM_MISMATCH', message, returnTo);
    }

    let company: Record<string, unknown>;
    try {
      company = await this.#clientWithToken(realmId, tokens.accessToken).companyInfo();
    } catch (error) {
      await revokeNew();
      const qbo = normalizeQboError(error);
      const message = `Connected, but the company could not be read (${qbo.message}).`;
      await this.#recordFailure(owner, 'COMPANY_UNREADABLE', message);
      throw new ConnectionFailedError('COMPANY_UNREADABLE', message, returnTo);
    }

    // One tenant per QuickBooks company: two tenants pushing into one company's books would mix them.
    // The claim is held by a lease while the check and the write happen, so two tenants connecting the
    // same company at once cannot both pass (FerretDB has no partial unique index to do it for us).
    const claim = `qbo-realm-claim:${realmId}`;
    if (!this.deps.allowSharedRealms) {
      const deadline = Date.now() + 10_000;
      while (!(await this.#leases.tryAcquire(claim, 10_000))) {
        if (Date.now() > deadline) throw new Error(`timed out waiting to claim QuickBooks company ${realmId}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    try {
      if (!this.deps.allowSharedRealms && (await this.#realmHeldByAnother(realmId, owner))) {
        await revokeNew();
        const name = (company.CompanyName as string | undefined) ?? realmId;
        const message = `QuickBooks company ${name} is already connected to another fieldbooks account; one company's books can belong to only one account. Disconnect it there first, or connect a different company.`;
        await this.#recordFailure(owner, 'REALM_IN_USE', message);
        throw new ConnectionFailedError('REALM_IN_USE', message, returnTo);
      }
      return await this.#storeConnection(owner, realmId, company, tokens, existing, returnTo);
    } finally {
      if (!this.deps.allowSharedRealms) await this.#leases.release(claim);
    }
  }

  /** Single use: the state is consumed atomically before anything else happens. */
  async #consumeForApi(stateValue: string, caller: { tenantId: string; apiKeyHash: string }): Promise<OAuthStateRecord> {
    const state = await this.#connections.consumeState(asTenantId(caller.tenantId), hashState(stateValue));
    if (!state) throw new ConnectionFailedError('STATE_INVALID', 'This connection attempt is unknown, was already used or has expired: start again with connectQuickBooks.');
    if (state.apiKeyHash !== caller.apiKeyHash) {
      // Consumed all the same: a consent link finished by someone else is spent, not left for a retry.
      throw new ConnectionFailedError('STARTED_BY_ANOTHER_KEY', 'This QuickBooks connection was started with a different API key; only that key can finish it. Start again with connectQuickBooks.');
    }
    return state;
  }

  /**
   * The browser callback: the one place a state is looked up without a tenant (the state names it).
   * The browser's cookie is checked before the state is consumed, so a link opened in the wrong
   * browser changes nothing; the consume is conditional, so two callbacks cannot both win.
   */
  async #consumeForBrowser(stateValue: string, nonce: string | undefined): Promise<OAuthStateRecord> {
    const invalid = () => new ConnectionFailedError('STATE_INVALID', 'This QuickBooks connection link is unknown, was already used or has expired. Start connecting again from the settings screen.');
    const found = await this.#connections.findLiveStateAcrossTenants(hashState(stateValue));
    if (!found) throw invalid();
    if (!found.browserNonceHash) {
      throw new ConnectionFailedError(
        'STARTED_WITHOUT_BROWSER',
        'This QuickBooks connection was started by an app, not from the settings screen in a browser, so it cannot be finished in a browser: the app that started it finishes it (completeQuickBooksConnection with the same API key). Nothing was changed. To connect from this browser, open the settings screen here and start connecting again.',
      );
    }
    if (!nonceMatches(nonce, found.browserNonceHash)) {
      throw new ConnectionFailedError(
        'STARTED_IN_ANOTHER_BROWSER',
        'This QuickBooks connection was started in a different browser, so it cannot be finished in this one. Nothing was changed. To connect, open the settings screen in this browser and start connecting again.',
      );
    }
    const consumed = await this.#connections.consumeStateByIdAcrossTenants(found.id);
    if (!consumed) throw invalid();
    return consumed;
  }

  /** The path of the OAuth redirect URI as the browser sees it (a proxy may put the gateway under a prefix): the connect cookie's path. */
  callbackPath(): string {
    try {
      return new URL(this.deps.oauth().redirectUri).pathname;
    } catch {
      return '/oauth/callback';
    }
  }

  async #realmHeldByAnother(realmId: string, owner: string): Promise<boolean> {
    return this.#connections.realmHeldByAnotherTenant(asTenantId(owner), realmId);
  }

  async #storeConnection(
    owner: string,
    realmId: string,
    company: Record<string, unknown>,
    tokens: ProviderTokens,
    existing: QuickBooksConnectionRecord | null,
    returnTo: string | null,
  ): Promise<CompletedConnection> {

    const firstTimeForRealm = existing?.realmId !== realmId;
    if (existing?.realmId && firstTimeForRealm) for (const listener of this.#realmChanging) await listener(owner, existing.realmId);
    const now = new Date();
    await this.#connections.upsert(asTenantId(owner), {
      status: 'CONNECTED',
      reason: null,
      reasonMessage: null,
      realmId,
      companyName: (company.CompanyName as string | undefined) ?? null,
      country: (company.Country as string | undefined) ?? null,
      environment: this.deps.oauth().endpoints.environment,
      connectedAt: now,
      // A connection made before this field existed keeps its last connection time as the best known start.
      realmSince: firstTimeForRealm ? now : (existing?.realmSince ?? existing?.connectedAt ?? now),
      disconnectedAt: null,
      lastSuccessfulCallAt: now,
      tokens: this.#vault.seal(owner, tokens),
      // Set, not $inc: FerretDB runs updates as read-then-write, and $inc can lose counts.
      tokenVersion: (existing?.tokenVersion ?? 0) + 1,
      ...(firstTimeForRealm ? { customerImportSuggested: true } : {}),
    });
    this.deps.log.info({ tenantId: owner, realmId }, 'QuickBooks connected');
    const view = await this.#publish(owner);
    const realm: ConnectedRealm = { tenantId: owner, realmId, country: view.country ?? undefined, companyName: view.companyName ?? undefined };
    for (const listener of this.#listeners) this.#track(Promise.resolve().then(() => listener(realm)));
    return { tenantId: owner, view, returnTo };
  }

  /** Revokes the authorization at Intuit and forgets the tokens (the realm is remembered). */
  async disconnect(tenantId: string): Promise<ConnectionView> {
    const doc = await this.#connections.find(asTenantId(tenantId));
    if (!doc || doc.status === 'NOT_CONNECTED') throw new QuickBooksNotConnectedError();
    if (doc.tokens) {
      try {
        await this.deps.auth.revoke(this.#vault.openRefresh(tenantId, doc.tokens));
      } catch (error) {
        // The tokens are forgotten either way; a failed revoke leaves nothing usable on our side.
        this.deps.log.warn({ tenantId, err: error }, 'revoking at Intuit failed; forgetting the tokens anyway');
      }
    }
    await this.#connections.set(asTenantId(tenantId), {
      status: 'NOT_CONNECTED',
      reason: 'DISCONNECTED',
      reasonMessage: 'Disconnected by the user.',
      tokens: null,
      disconnectedAt: new Date(),
      tokenVersion: doc.tokenVersion + 1,
    });
    return this.#publish(tenantId);
  }

  /** Calls QBO (CompanyInfo) to prove the connection works, refreshing the company name. */
  async verify(tenantId: string): Promise<ConnectionView> {
    const client = await this.clientFor(tenantId);
    const company = await client.companyInfo();
    await this.#connections.set(asTenantId(tenantId), { companyName: company.CompanyName as string, lastSuccessfulCallAt: new Date() });
    return this.status(tenantId);
  }

  async clientFor(tenantId: string): Promise<QboClient> {
    const realm = await this.realmOf(tenantId);
    if (!realm) {
      // Distinguish "never connected" from "needs reconnecting" for the caller.
      await this.#vault.accessToken(tenantId);
      throw new QuickBooksNotConnectedError();
    }
    return new QboClient({
      realmId: realm.realmId,
      apiBaseUrl: this.deps.oauth().endpoints.apiBaseUrl,
      limiter: this.deps.limiter,
      minorVersion: this.deps.minorVersion,
      tokens: {
        accessToken: () => this.#vault.accessToken(tenantId),
        refreshAfterUnauthorized: (rejected) => this.#vault.refreshAfterUnauthorized(tenantId, rejected),
        onSuccess: () => this.#stampSuccess(tenantId),
      },
    });
  }

  #clientWithToken(realmId: string, token: string): QboClient {
    return new QboClient({
      realmId,
      apiBaseUrl: this.deps.oauth().endpoints.apiBaseUrl,
      limiter: this.deps.limiter,
      minorVersion: this.deps.minorVersion,
      retries: 2,
      tokens: { accessToken: () => Promise.resolve(token), refreshAfterUnauthorized: () => Promise.reject(new Error('fresh token rejected')) },
    });
  }

  #checkReturnTo(returnTo: string): string {
    let url: URL;
    try {
      url = new URL(returnTo);
    } catch {
      throw new UserInputError('returnTo must be an absolute URL.', [{ path: ['returnTo'], message: 'must be an absolute URL' }]);
    }
    const allowed = this.deps.returnOrigins();
    if (!allowed.includes(url.origin)) {
      throw new UserInputError(`returnTo must be on an allowed origin (${allowed.join(', ')}); set FIELDBOOKS_RETURN_ORIGINS to add one.`, [
        { path: ['returnTo'], message: `origin ${url.origin} is not allowed` },
      ]);
    }
    return url.toString();
  }

  async #recordFailure(tenantId: string, reason: string, message: string): Promise<void> {
    // A failed attempt never breaks a working connection; it is only recorded when there is none.
    await this.#connections.recordFailureUnlessConnected(asTenantId(tenantId), reason, message);
    await this.#publish(tenantId);
  }

  #stampSuccess(tenantId: string): void {
    const last = this.#lastStamp.get(tenantId) ?? 0;
    if (Date.now() - last < SUCCESS_STAMP_EVERY_MS) return;
    this.#lastStamp.set(tenantId, Date.now());
    this.#track(this.#connections.set(asTenantId(tenantId), { lastSuccessfulCallAt: new Date() }));
  }

  async #publish(tenantId: string): Promise<ConnectionView> {
    const view = await this.status(tenantId);
    this.deps.pubsub.publish(Topic.QuickBooksConnectionChanged, { tenantId, connection: view });
    return view;
  }

  #track(work: Promise<unknown>): void {
    const tracked = work
      .catch((error: unknown) => this.deps.log.error({ err: error }, 'background work after a QuickBooks connection failed'))
      .finally(() => this.#background.delete(tracked));
    this.#background.add(tracked);
  }
}

export function hashState(state: string): string {
  return createHash('sha256').update(state).digest('hex');
}

function toView(doc: QuickBooksConnectionRecord | null): ConnectionView {
  return {
    status: doc?.status ?? 'NOT_CONNECTED',
    reason: doc?.reason ?? null,
    reasonMessage: doc?.reasonMessage ?? null,
    realmId: doc?.realmId ?? null,
    companyName: doc?.companyName ?? null,
    country: doc?.country ?? null,
    environment: doc?.environment ?? null,
    connectedAt: doc?.connectedAt ?? null,
    accessTokenExpiresAt: doc?.tokens?.accessExpiresAt ?? null,
    refreshTokenExpiresAt: doc?.tokens?.refreshExpiresAt ?? null,
    lastSuccessfulCallAt: doc?.lastSuccessfulCallAt ?? null,
    customerImportSuggested: doc?.customerImportSuggested ?? false,
  };
}

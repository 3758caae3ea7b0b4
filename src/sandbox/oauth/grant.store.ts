/**
 * In-memory state of the identity platform: pending consents, authorization codes, connections ("grants":
 * one app authorised on one company) and their access and refresh tokens, with Intuit's lifetimes and
 * refresh-token rotation (facts §6.3) on the virtual clock. Plain logic: no HTTP here, so the router stays
 * thin and the rules can be tested directly.
 *
 * Tokens, codes and consent ids are opaque random strings; the maps are keyed by their SHA-256 so a dump of
 * this state never shows a usable credential. The one exception is each connection's current refresh token,
 * which must be kept in clear because Intuit hands the same value back on every refresh within the rotation
 * window.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { type Clock } from '../clock.js';
import { faults } from '../faults.js';
import { INVALID_REFRESH_TOKEN, OAuthProtocolError } from './oauth.errors.js';
import { type RegisteredApp, type TokenPolicy, type TokenResponse } from './oauth.types.js';
import { ACCOUNTING_SCOPE } from './scope.rules.js';

/** A request waiting on the consent page; the form carries only its id, so the page cannot be tampered into another redirect. */
export interface PendingConsent {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string;
  expiresAt: number;
}

export interface CodeRecord {
  clientId: string;
  redirectUri: string;
  realmId: string | undefined;
  scopes: string[];
  expiresAt: number;
  usedAt?: number;
  /** The connection this code produced, so a replay can revoke it. */
  grantId?: string;
}

export interface Grant {
  id: string;
  clientId: string;
  realmId: string | undefined;
  scopes: string[];
  /** Epoch ms of the user's consent (id_token `auth_time`). */
  authTime: number;
  hardExpiresAt: number;
  revoked: boolean;
  currentRefreshHash: string;
  /** See the module header: needed to answer a refresh inside the rotation window. */
  currentRefreshValue: string;
}

export interface RefreshRecord {
  grantId: string;
  issuedAt: number;
  /** Refresh tokens live N days from their last use (facts §6.3). */
  expiresAt: number;
  firstUsedAt?: number;
  supersededAt?: number;
  revoked: boolean;
}

export interface AccessRecord {
  grantId: string;
  expiresAt: number;
  revoked: boolean;
}

/** What a freshly minted token set carries besides the token response (for callers that need the grant). */
export interface IssuedTokens {
  grant: Grant;
  response: TokenResponse;
}

/** Real access tokens look like a JWE with an empty key part (facts §6.3); clients must treat them as opaque. */
const ACCESS_TOKEN_PREFIX = 'eyJlbmMiOiJBMTI4Q0JDLUhTMjU2IiwiYWxnIjoiZGlyIn0..';
/** Outside these lengths Intuit answers "Malformed bearer token: too short or too long". */
const BEARER_MIN_LENGTH = 32;
const BEARER_MAX_LENGTH = 4096;
/** Keep spent codes and expired access tokens this long so replays and late uses still get the right error. */
const TOMBSTONE_MS = 24 * 3600 * 1000;
const SWEEP_INTERVAL_MS = 60 * 1000;

/**
 * The identity platform's state as plain JSON, for the simulator's persistence: every map as its entries,
 * keyed by token hashes as in memory (so the file shows no usable credential except each connection's
 * current refresh token, see the module header).
 */
export interface SavedGrants {
  consents: [string, PendingConsent][];
  codes: [string, CodeRecord][];
  grants: Grant[];
  refresh: [string, RefreshRecord][];
  access: [string, AccessRecord][];
}

export class GrantStore {
  readonly #consents = new Map<string, PendingConsent>();
  readonly #codes = new Map<string, CodeRecord>();
  readonly #grants = new Map<string, Grant>();
  readonly #refresh = new Map<string, RefreshRecord>();
  readonly #access = new Map<string, AccessRecord>();
  #lastSweep = Number.NEGATIVE_INFINITY;

  /** `onChange` is told after anything that changes the state (a token issued, used or revoked, a code spent...). */
  constructor(
    private readonly clock: Clock,
    private readonly policy: TokenPolicy,
    private readonly onChange: () => void = () => {},
  ) {}

  reset(): void {
    this.#lastSweep = Number.NEGATIVE_INFINITY;
    this.#consents.clear();
    this.#codes.clear();
    this.#grants.clear();
    this.#refresh.clear();
    this.#access.clear();
    this.onChange();
  }

  exportState(): SavedGrants {
    return structuredClone({
      consents: [...this.#consents],
      codes: [...this.#codes],
      grants: [...this.#grants.values()],
      refresh: [...this.#refresh],
      access: [...this.#access],
    });
  }

  /** Replaces the whole state with a saved one (a restart of the simulator). */
  importState(saved: SavedGrants): void {
    const copy = structuredClone(saved);
    this.#consents.clear();
    this.#codes.clear();
    this.#grants.clear();
    this.#refresh.clear();
    this.#access.clear();
    for (const [k, v] of copy.consents) this.#consents.set(k, v);
    for (const [k, v] of copy.codes) this.#codes.set(k, v);
    for (const g of copy.grants) this.#grants.set(g.id, g);
    for (const [k, v] of copy.refresh) this.#refresh.set(k, v);
    for (const [k, v] of copy.access) this.#access.set(k, v);
  }

  // ---- consent page ----

  openConsent(consent: Omit<PendingConsent, 'expiresAt'>): string {
    this.#sweep();
    const id = randomBytes(24).toString('base64url');
    this.#consents.set(hash(id), { ...consent, expiresAt: this.clock.now() + this.policy.consentTtlSeconds * 1000 });
    this.onChange();
    return id;
  }

  /** Single use: a submitted consent is gone whatever the decision. */
  takeConsent(id: string): PendingConsent | undefined {
    const key = hash(id);
    const consent = this.#consents.get(key);
    if (this.#consents.delete(key)) this.onChange();
    if (!consent || this.clock.now() >= consent.expiresAt) return undefined;
    return consent;
  }

  // ---- authorization codes ----

  createCode(input: { clientId: string; redirectUri: string; realmId: string | undefined; scopes: string[] }): string {
    this.#sweep();
    const now = this.clock.now();
    // Intuit's codes look like "AB11" + epoch seconds + random; the length stays far below its 512-char limit.
    const code = `AB11${Math.floor(now / 1000)}${alphanumeric(40)}`;
    this.#codes.set(hash(code), { ...input, scopes: [...input.scopes], expiresAt: now + this.policy.authorizationCodeTtlSeconds * 1000 });
    this.onChange();
    return code;
  }

  exchangeCode(app: RegisteredApp, code: string, redirectUri: string | undefined, includeHardExpiry: boolean): IssuedTokens {
    try {
      return this.#exchangeCode(app, code, redirectUri, includeHardExpiry);
    } finally {
      // Even a refused exchange spends the code (or revokes the connection a replay hit).
      this.onChange();
    }
  }

  #exchangeCode(app: RegisteredApp, code: string, redirectUri: string | undefined, includeHardExpiry: boolean): IssuedTokens {
    const record = this.#codes.get(hash(code));
    // Another client's code is reported like an unknown one and left intact (RFC 6749 §5.2).
    if (!record || record.clientId !== app.clientId) throw new OAuthProtocolError('invalid_grant', 'Invalid authorization code');
    const now = this.clock.now();
    if (record.usedAt !== undefined) {
      if (this.policy.revokeGrantOnCodeReuse && record.grantId) this.#revokeGrant(record.grantId);
      throw new OAuthProtocolError('invalid_grant', 'Authorization code has already been used');
    }
    // Any redemption attempt by its owner spends the code: Intuit warns that repeated exchanges invalidate it.
    record.usedAt = now;
    if (now >= record.expiresAt) throw new OAuthProtocolError('invalid_grant', 'Authorization code has expired');
    if (redirectUri !== record.redirectUri) throw new OAuthProtocolError('invalid_grant', 'redirect_uri does not match the authorization request');
    const issued = this.#newGrant(app.clientId, record.realmId, record.scopes, now, includeHardExpiry);
    record.grantId = issued.grant.id;
    return issued;
  }

  /** A connection without the browser dance, for tests and the admin API. */
  issueDirect(clientId: string, realmId: string, scopes: string[]): IssuedTokens {
    const issued = this.#newGrant(clientId, realmId, scopes, this.clock.now(), false);
    this.onChange();
    return issued;
  }

  // ---- refresh ----

  refresh(app: RegisteredApp, presented: string, includeHardExpiry: boolean): IssuedTokens {
    try {
      return this.#refreshToken(app, presented, includeHardExpiry);
    } finally {
      this.onChange();
    }
  }

  #refreshToken(app: RegisteredApp, presented: string, includeHardExpiry: boolean): IssuedTokens {
    const record = this.#refresh.get(hash(presented));
    const grant = record ? this.#grants.get(record.grantId) : undefined;
    if (!record || !grant || grant.clientId !== app.clientId || grant.revoked || record.revoked) {
      throw new OAuthProtocolError('invalid_grant', INVALID_REFRESH_TOKEN);
    }
    const now = this.clock.now();
    if (now >= record.expiresAt || now >= grant.hardExpiresAt) throw new OAuthProtocolError('invalid_grant', INVALID_REFRESH_TOKEN);

    const current = this.#refresh.get(grant.currentRefreshHash);
    if (!current) throw new Error(`grant ${grant.id} lost its current refresh token`);
    const { supersededRefreshToken: superseded } = this.policy;

    if (record !== current) {
      if (record.supersededAt !== undefined && now >= record.supersededAt + superseded.graceSeconds * 1000) {
        throw new OAuthProtocolError('invalid_grant', INVALID_REFRESH_TOKEN);
      }
      // Still honoured (grace, or the newer value was never used): answer with the newest value so the
      // client converges, without counting this as a use of that newer value.
      return { grant, response: this.#respond(grant, current, grant.currentRefreshValue, now, includeHardExpiry) };
    }

    current.firstUsedAt ??= now;
    if (superseded.after === 'successor-used') {
      for (const key of this.#refreshHashesOf(grant.id)) {
        const older = this.#refresh.get(key);
        if (older && older !== current && older.supersededAt === undefined) older.supersededAt = now;
      }
    }

    if (now - current.issuedAt >= this.policy.refreshTokenRotationSeconds * 1000) {
      if (superseded.after === 'issued') current.supersededAt = now;
      const next = this.#mintRefresh(grant, now);
      return { grant, response: this.#respond(grant, next.record, next.value, now, includeHardExpiry) };
    }
    current.expiresAt = now + this.policy.refreshTokenTtlSeconds * 1000;
    return { grant, response: this.#respond(grant, current, presented, now, includeHardExpiry) };
  }

  // ---- revoke ----

  /**
   * Revokes an access or refresh token issued to `app`. Unknown tokens succeed silently (RFC 7009 §2.2), so a
   * client that revokes twice is not punished; another app's token is refused.
   */
  revoke(app: RegisteredApp, token: string): void {
    try {
      this.#revoke(app, token);
    } finally {
      this.onChange();
    }
  }

  #revoke(app: RegisteredApp, token: string): void {
    const key = hash(token);
    const record = this.#refresh.get(key) ?? this.#access.get(key);
    if (!record) return;
    const grant = this.#grants.get(record.grantId);
    if (!grant) return;
    if (grant.clientId !== app.clientId) throw new OAuthProtocolError('invalid_request', 'Token was not issued to this client');
    if (this.policy.revokeScope === 'connection') this.#revokeGrant(grant.id);
    else record.revoked = true;
  }

  // ---- bearer checks ----

  /**
   * The check every data call makes (facts §1.7, §9.4): 401/3200 for missing, malformed, unknown, expired or
   * revoked; 403/3100 for a valid token of another company or without the accounting scope.
   */
  authenticate(authorizationHeader: string | undefined, realmId: string): Grant {
    const grant = this.#bearerGrant(authorizationHeader);
    if (!grant.scopes.includes(ACCOUNTING_SCOPE)) {
      throw faults.unauthorized(`Authorization Failure: the token was not granted the ${ACCOUNTING_SCOPE} scope`);
    }
    if (grant.realmId !== realmId) {
      throw faults.unauthorized(`Authorization Failure: the token is not authorized for company ${realmId}`);
    }
    return grant;
  }

  /** Bearer check for userinfo: the same token rules, no company. */
  bearerGrant(authorizationHeader: string | undefined): Grant {
    return this.#bearerGrant(authorizationHeader);
  }

  // ---- internals ----

  #bearerGrant(header: string | undefined): Grant {
    if (header === undefined || header.trim() === '') throw faults.unauthenticated('Authorization header is missing');
    const match = /^Bearer +(\S+)$/i.exec(header.trim());
    if (!match?.[1]) throw faults.unauthenticated('Malformed bearer token: the Authorization header is not "Bearer <token>"');
    const token = match[1];
    if (token.length < BEARER_MIN_LENGTH || token.length > BEARER_MAX_LENGTH) {
      throw faults.unauthenticated('Malformed bearer token: too short or too long');
    }
    const record = this.#access.get(hash(token));
    const grant = record ? this.#grants.get(record.grantId) : undefined;
    if (!record || !grant) throw faults.unauthenticated('Token invalid: not issued by this service');
    if (record.revoked || grant.revoked) throw faults.unauthenticated('Token revoked');
    if (this.clock.now() >= record.expiresAt) throw faults.unauthenticated('Token expired');
    return grant;
  }

  #newGrant(clientId: string, realmId: string | undefined, scopes: string[], now: number, includeHardExpiry: boolean): IssuedTokens {
    const grant: Grant = {
      id: randomUUID(),
      clientId,
      realmId,
      scopes: [...scopes],
      authTime: now,
      hardExpiresAt: now + this.policy.refreshTokenHardTtlSeconds * 1000,
      revoked: false,
      currentRefreshHash: '',
      currentRefreshValue: '',
    };
    this.#grants.set(grant.id, grant);
    const refresh = this.#mintRefresh(grant, now);
    return { grant, response: this.#respond(grant, refresh.record, refresh.value, now, includeHardExpiry) };
  }

  #mintRefresh(grant: Grant, now: number): { record: RefreshRecord; value: string } {
    // Shaped like Intuit's ("AB11" + epoch seconds + random), which some clients log-truncate by prefix.
    const value = `AB11${Math.floor(now / 1000)}${alphanumeric(32)}`;
    const record: RefreshRecord = { grantId: grant.id, issuedAt: now, expiresAt: now + this.policy.refreshTokenTtlSeconds * 1000, revoked: false };
    const key = hash(value);
    this.#refresh.set(key, record);
    grant.currentRefreshHash = key;
    grant.currentRefreshValue = value;
    return { record, value };
  }

  #respond(grant: Grant, refresh: RefreshRecord, refreshValue: string, now: number, includeHardExpiry: boolean): TokenResponse {
    this.#sweep();
    const accessToken = `${ACCESS_TOKEN_PREFIX}${randomBytes(16).toString('base64url')}.${randomBytes(480).toString('base64url')}.${randomBytes(16).toString('base64url')}`;
    const expiresIn = this.policy.accessTokenTtlSeconds;
    this.#access.set(hash(accessToken), { grantId: grant.id, expiresAt: now + expiresIn * 1000, revoked: false });
    const response: TokenResponse = {
      token_type: 'bearer',
      access_token: accessToken,
      refresh_token: refreshValue,
      expires_in: expiresIn,
      // The *remaining* life of the refresh token (facts §6.3), capped by the connection's hard expiry.
      x_refresh_token_expires_in: Math.max(0, Math.floor((Math.min(refresh.expiresAt, grant.hardExpiresAt) - now) / 1000)),
    };
    if (includeHardExpiry) response.x_refresh_token_hard_expires_in = Math.max(0, Math.floor((grant.hardExpiresAt - now) / 1000));
    return response;
  }

  #refreshHashesOf(grantId: string): string[] {
    return [...this.#refresh.entries()].filter(([, r]) => r.grantId === grantId).map(([key]) => key);
  }

  #revokeGrant(grantId: string): void {
    const grant = this.#grants.get(grantId);
    if (grant) grant.revoked = true;
  }

  /**
   * Bounded memory for long benchmark runs: drop what can no longer change an answer (a forgotten token
   * fails exactly like an expired one). Runs at most once per virtual minute, so a refresh stays O(1).
   */
  #sweep(): void {
    const now = this.clock.now();
    if (now - this.#lastSweep < SWEEP_INTERVAL_MS) return;
    this.#lastSweep = now;
    const cutoff = now - TOMBSTONE_MS;
    const graceMs = this.policy.supersededRefreshToken.graceSeconds * 1000;
    for (const [key, consent] of this.#consents) if (consent.expiresAt < cutoff) this.#consents.delete(key);
    for (const [key, code] of this.#codes) if (code.expiresAt < cutoff) this.#codes.delete(key);
    for (const [key, access] of this.#access) if (access.expiresAt < cutoff) this.#access.delete(key);
    for (const [key, refresh] of this.#refresh) {
      // A connection's current token stays: refresh() relies on finding it.
      if (this.#grants.get(refresh.grantId)?.currentRefreshHash === key) continue;
      const deadAt = refresh.supersededAt === undefined ? refresh.expiresAt : Math.min(refresh.expiresAt, refresh.supersededAt + graceMs);
      if (deadAt < cutoff) this.#refresh.delete(key);
    }
  }
}

export function hash(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Uniform alphanumeric string: rejection sampling avoids the modulo bias of `byte % 62`. */
export function alphanumeric(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

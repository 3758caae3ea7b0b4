/**
 * OAuth 2.0 with Intuit through intuit-oauth: authorization URL, code exchange, refresh, revoke.
 * intuit-oauth keeps its endpoints in process-wide statics, retries token calls on its own and can
 * log tokens: here the statics are set from configuration, its retries are off (the token vault owns
 * the policy), logging stays off, and errors are rebuilt without any token in them.
 */
import OAuthClient from 'intuit-oauth';
import { type QboEndpoints } from './qbo.endpoints.js';

export const ACCOUNTING_SCOPE = 'com.intuit.quickbooks.accounting';

export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: Date;
  refreshExpiresAt: Date;
  realmId?: string;
}

/** `invalid_grant` and friends: the refresh token or code is no good (re-check storage, then reconnect). */
export class OAuthGrantError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status: number | undefined,
  ) {
    super(`${error}${description ? `: ${description}` : ''}`);
    this.name = 'OAuthGrantError';
  }

  get isInvalidGrant(): boolean {
    return this.error === 'invalid_grant';
  }
}

export interface IntuitOAuthOptions {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  endpoints: QboEndpoints;
  /** Clock for expiry arithmetic (tests may pass the simulator's virtual clock). */
  now?: () => number;
}

export class IntuitOAuth {
  readonly #options: IntuitOAuthOptions;
  readonly #now: () => number;

  constructor(options: IntuitOAuthOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    configureStatics(options.endpoints);
  }

  get endpoints(): QboEndpoints {
    return this.#options.endpoints;
  }

  /** Where Intuit sends the browser back (the gateway's /oauth/callback as the browser sees it). */
  get redirectUri(): string {
    return this.#options.redirectUri;
  }

  authorizationUrl(state: string): string {
    return this.#client().authorizeUri({ scope: [ACCOUNTING_SCOPE], state });
  }

  /** Exchanges the code in Intuit's redirect (`...?code=&state=&realmId=`). */
  async exchangeCode(callbackUrl: string): Promise<TokenSet> {
    const client = this.#client();
    try {
      const response = await client.createToken(callbackUrl);
      return this.#tokenSet(response.getJson() as RawTokens, client.getToken().realmId);
    } catch (error) {
      throw toGrantError(error);
    }
  }

  async refresh(refreshToken: string): Promise<TokenSet> {
    try {
      const response = await this.#client().refreshUsingToken(refreshToken);
      return this.#tokenSet(response.getJson() as RawTokens);
    } catch (error) {
      throw toGrantError(error);
    }
  }

  async revoke(token: string): Promise<void> {
    try {
      await this.#client().revoke({ refresh_token: token });
    } catch (error) {
      throw toGrantError(error);
    }
  }

  #client(): OAuthClient {
    configureStatics(this.#options.endpoints);
    return new OAuthClient({
      clientId: this.#options.clientId,
      clientSecret: this.#options.clientSecret,
      environment: this.#options.endpoints.environment === 'production' ? 'production' : 'sandbox',
      redirectUri: this.#options.redirectUri,
      logging: false,
    });
  }

  #tokenSet(raw: RawTokens, realmId?: string): TokenSet {
    if (!raw.access_token || !raw.refresh_token) throw new OAuthGrantError('invalid_response', 'token response without tokens', undefined);
    const now = this.#now();
    return {
      accessToken: raw.access_token,
      refreshToken: raw.refresh_token,
      accessExpiresAt: new Date(now + Number(raw.expires_in ?? 3600) * 1000),
      refreshExpiresAt: new Date(now + Number(raw.x_refresh_token_expires_in ?? 8_726_400) * 1000),
      realmId: realmId || undefined,
    };
  }
}

interface RawTokens {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number | string;
  x_refresh_token_expires_in?: number | string;
}

function configureStatics(endpoints: QboEndpoints): void {
  const statics = OAuthClient as unknown as Record<string, unknown> & { retryConfig?: { maxRetries: number } };
  statics.authorizeEndpoint = endpoints.authorizeUrl;
  statics.tokenEndpoint = endpoints.tokenUrl;
  statics.revokeEndpoint = endpoints.revokeUrl;
  statics.userinfo_endpoint_sandbox = endpoints.userInfoUrl;
  statics.userinfo_endpoint_production = endpoints.userInfoUrl;
  if (statics.retryConfig) statics.retryConfig.maxRetries = 0;
}

function toGrantError(error: unknown): OAuthGrantError {
  const e = error as { error?: string; error_description?: string; authResponse?: { status?: number; response?: { status?: number } }; message?: string; response?: { status?: number; data?: { error?: string; error_description?: string } } };
  const code = e.error || e.response?.data?.error || 'oauth_error';
  const description = e.error_description || e.response?.data?.error_description || (code === 'oauth_error' ? (e.message ?? '') : '');
  const status = e.response?.status ?? e.authResponse?.response?.status ?? e.authResponse?.status;
  return new OAuthGrantError(code, description, status);
}

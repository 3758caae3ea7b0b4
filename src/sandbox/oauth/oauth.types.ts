/**
 * Shared types of the sandbox's OAuth 2.0 / OpenID Connect server (Intuit's identity platform as seen by
 * an app): registered apps, the token response, the error shape and the tunable policies. Where the facts
 * file (§6) is uncertain, the policy is an option and the default is the stricter reading.
 */

/** An app registered on the (simulated) Intuit developer portal. */
export interface RegisteredApp {
  clientId: string;
  clientSecret: string;
  /** Shown on the consent page. */
  name: string;
  /** Exact-match list, as Intuit compares redirect URIs literally. */
  redirectUris: string[];
  /** Key for the `intuit-signature` HMAC of webhook deliveries to this app. */
  webhookVerifierToken: string;
}

/** Intuit's token endpoint success body (facts §6.3); key order follows Intuit's mocks. */
export interface TokenResponse {
  token_type: 'bearer';
  access_token: string;
  refresh_token: string;
  expires_in: number;
  x_refresh_token_expires_in: number;
  /** Only when the client sent `x-include-refresh-token-hard-expires-in: true`. */
  x_refresh_token_hard_expires_in?: number;
  /** Only for grants that include the `openid` scope. */
  id_token?: string;
}

/** Intuit's OAuth error body: `{"error":"invalid_grant","error_description":"..."}`. */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope';

/** What a successful `authenticate` yields to the data routes. */
export interface AuthenticatedCaller {
  clientId: string;
}

/** The signed-in sandbox user that userinfo and id_token describe. */
export interface SandboxUser {
  sub: string;
  email: string;
  emailVerified: boolean;
  givenName: string;
  familyName: string;
  phoneNumber: string;
  phoneNumberVerified: boolean;
  address: { streetAddress: string; locality: string; region: string; postalCode: string; country: string };
}

/**
 * Lifetimes and the uncertain rules (facts §6.3). All durations are in virtual seconds (see clock.ts).
 */
export interface TokenPolicy {
  /** Access-token life; Intuit: 3600. */
  accessTokenTtlSeconds: number;
  /** Refresh-token life from its last use. Docs say 100 days (mocks show ~101): stricter 100 days. */
  refreshTokenTtlSeconds: number;
  /** A refresh token's value changes when it is at least this old at refresh time (Intuit: ~24-26 h; stricter 24 h). 0 = every refresh. */
  refreshTokenRotationSeconds: number;
  /**
   * When a superseded refresh token stops working.
   * [conflict] help article: as soon as a new one exists; oauth-jsclient README: 24 h after. Stricter default:
   * `issued` with 0 s grace. `successor-used` starts the grace only when the newer value is first used.
   */
  supersededRefreshToken: { after: 'issued' | 'successor-used'; graceSeconds: number };
  /** Maximum life of a connection's refresh tokens (since 2025: 5 years). */
  refreshTokenHardTtlSeconds: number;
  /** Authorization-code life. Not in the facts; short, as codes are exchanged at once. */
  authorizationCodeTtlSeconds: number;
  /** RFC 6749 §4.1.2: a replayed code revokes what it produced ("multiple requests may invalidate tokens"). */
  revokeGrantOnCodeReuse: boolean;
  /** [uncertain] whether revoking one token ends the whole connection; stricter: the whole connection. */
  revokeScope: 'connection' | 'token';
  /** How long the consent page's pending request stays valid. */
  consentTtlSeconds: number;
}

export const defaultTokenPolicy: TokenPolicy = {
  accessTokenTtlSeconds: 3600,
  refreshTokenTtlSeconds: 100 * 24 * 3600,
  refreshTokenRotationSeconds: 24 * 3600,
  supersededRefreshToken: { after: 'issued', graceSeconds: 0 },
  refreshTokenHardTtlSeconds: 5 * 365 * 24 * 3600,
  authorizationCodeTtlSeconds: 300,
  revokeGrantOnCodeReuse: true,
  revokeScope: 'connection',
  consentTtlSeconds: 600,
};

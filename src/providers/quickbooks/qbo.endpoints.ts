/**
 * Where QBO lives, as configuration rather than `if`s: real Intuit (sandbox or production) or the
 * built-in simulator, which mirrors Intuit's paths on one host.
 */
export interface QboEndpoints {
  /** Shown to users and stored on the connection. */
  environment: 'sandbox' | 'production' | 'simulator';
  authorizeUrl: string;
  tokenUrl: string;
  revokeUrl: string;
  userInfoUrl: string;
  /** Accounting API base, without `/v3/company/...`. */
  apiBaseUrl: string;
}

export function intuitEndpoints(environment: 'sandbox' | 'production'): QboEndpoints {
  return {
    environment,
    authorizeUrl: 'https://appcenter.intuit.com/connect/oauth2',
    tokenUrl: 'https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer',
    revokeUrl: 'https://developer.api.intuit.com/v2/oauth2/tokens/revoke',
    userInfoUrl:
      environment === 'sandbox'
        ? 'https://sandbox-accounts.platform.intuit.com/v1/openid_connect/userinfo'
        : 'https://accounts.platform.intuit.com/v1/openid_connect/userinfo',
    apiBaseUrl: environment === 'sandbox' ? 'https://sandbox-quickbooks.api.intuit.com' : 'https://quickbooks.api.intuit.com',
  };
}

export function simulatorEndpoints(baseUrl: string): QboEndpoints {
  const base = baseUrl.replace(/\/$/, '');
  return {
    environment: 'simulator',
    authorizeUrl: `${base}/connect/oauth2`,
    tokenUrl: `${base}/oauth2/v1/tokens/bearer`,
    revokeUrl: `${base}/v2/oauth2/tokens/revoke`,
    userInfoUrl: `${base}/v1/openid_connect/userinfo`,
    apiBaseUrl: base,
  };
}

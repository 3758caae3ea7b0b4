/**
 * The sandbox's Intuit identity platform, assembled: registered apps, the grant store on the virtual clock,
 * the id_token signer and the router on Intuit's paths. The core sandbox mounts `router` at the root and
 * calls `authenticate` on every `/v3/company/:realmId/...` request.
 */
import { type Router } from 'express';
import { type Clock } from '../clock.js';
import { AppRegistry, DEMO_APP } from './app.registry.js';
import { GrantStore, type SavedGrants } from './grant.store.js';
import { IdTokenSigner } from './id-token.signer.js';
import { createOAuthRouter, type OAuthStats } from './oauth.router.js';
import {
  defaultTokenPolicy,
  type AuthenticatedCaller,
  type RegisteredApp,
  type SandboxUser,
  type TokenPolicy,
  type TokenResponse,
} from './oauth.types.js';
import { ACCOUNTING_SCOPE } from './scope.rules.js';

export { DEMO_APP } from './app.registry.js';
export { OAUTH_PATHS, type OAuthStats } from './oauth.router.js';
export { defaultTokenPolicy } from './oauth.types.js';
export type { AuthenticatedCaller, RegisteredApp, SandboxUser, TokenPolicy, TokenResponse } from './oauth.types.js';

/** Intuit's issuer; intuit-oauth's validateIdToken compares `iss` with exactly this string. */
export const INTUIT_ISSUER = 'https://oauth.platform.intuit.com/op/v1';

export interface OAuthServerOptions {
  clock: Clock;
  /** The companies a user can pick on the consent page (the core's seeded companies). */
  realms: () => Array<{ realmId: string; companyName: string }>;
  /** Apps registered besides the demo app; one with the demo app's client id replaces it. */
  apps?: RegisteredApp[];
  /** Skip the consent page and approve at once (first company, or the `realmId` query hint). Default false. */
  autoApprove?: boolean;
  /** Lifetimes and the uncertain rotation/revocation rules; defaults are the stricter readings of facts §6.3. */
  policy?: Partial<Omit<TokenPolicy, 'supersededRefreshToken'>> & { supersededRefreshToken?: Partial<TokenPolicy['supersededRefreshToken']> };
  /** `iss` of id_tokens and the discovery document. Default: Intuit's, so unmodified clients accept it. */
  issuer?: string;
  /** Absolute base URL for the discovery document; by default taken from each request's Host header. */
  publicBaseUrl?: string;
  /** The signed-in sandbox user that userinfo and id_tokens describe. */
  user?: Partial<SandboxUser>;
  /** Told after any change of apps, consents, codes, connections or tokens (the persistence saves them). */
  onStateChange?: () => void;
}

/**
 * Apps and every consent, code, connection and token, as plain JSON. Auto-approve is not kept: it is how the
 * simulator was started (options, QBO_SANDBOX_AUTO_APPROVE), not data.
 */
export interface SavedOAuth {
  apps: RegisteredApp[];
  grants: SavedGrants;
}

export interface OAuthServer {
  router: Router;
  /**
   * Checks a data call's `Authorization` header for company `realmId`. Throws `GatewayFault`: 401/3200 when
   * missing, malformed, unknown, expired or revoked; 403/3100 for another company's token or one without
   * the accounting scope.
   */
  authenticate(authorizationHeader: string | undefined, realmId: string): AuthenticatedCaller;
  apps(): RegisteredApp[];
  readonly demoApp: RegisteredApp;
  registerApp(app: RegisteredApp): RegisteredApp;
  addRedirectUri(clientId: string, redirectUri: string): void;
  setAutoApprove(on: boolean): void;
  /** Whether the consent page is currently skipped (options, then the admin API). */
  isAutoApprove(): boolean;
  /** A connected token set for `realmId` without the browser dance (accounting + OpenID scopes). */
  issueTokensForTest(realmId: string, clientId?: string): TokenResponse & { realmId: string };
  /** Drops every consent, code, connection and token; restores the apps and auto-approve given as options. */
  reset(): void;
  readonly policy: Readonly<TokenPolicy>;
  exportState(): SavedOAuth;
  /** Back to a saved state (a restart of the simulator); the apps given as options stay registered. */
  importState(saved: SavedOAuth): void;
  /** How many code exchanges, refreshes and revocations the token endpoints have served since the last reset. */
  stats(): Readonly<OAuthStats>;
}

const DEFAULT_USER: SandboxUser = {
  sub: '6f2c8a3e-5d41-4b7a-9c0e-1a2b3c4d5e6f',
  email: 'sandbox.user@example.com',
  emailVerified: true,
  givenName: 'Sandy',
  familyName: 'Box',
  phoneNumber: '+1 (555) 010-0100',
  phoneNumberVerified: false,
  address: { streetAddress: '2700 Coast Ave', locality: 'Mountain View', region: 'CA', postalCode: '94043', country: 'US' },
};

export function createOAuthServer(options: OAuthServerOptions): OAuthServer {
  const policy: TokenPolicy = Object.freeze({
    ...defaultTokenPolicy,
    ...options.policy,
    supersededRefreshToken: { ...defaultTokenPolicy.supersededRefreshToken, ...options.policy?.supersededRefreshToken },
  });
  const demoApp: RegisteredApp = { ...DEMO_APP, redirectUris: [...DEMO_APP.redirectUris] };
  const registry = new AppRegistry([demoApp, ...(options.apps ?? [])]);
  const changed = options.onStateChange ?? (() => {});
  const store = new GrantStore(options.clock, policy, changed);
  const signer = new IdTokenSigner();
  const initialAutoApprove = options.autoApprove ?? false;
  let autoApprove = initialAutoApprove;

  const stats: OAuthStats = { authorizationCode: 0, refreshToken: 0, revoke: 0 };
  const router = createOAuthRouter({
    stats,
    store,
    apps: registry,
    signer,
    realms: options.realms,
    autoApprove: () => autoApprove,
    issuer: options.issuer ?? INTUIT_ISSUER,
    idTokenTtlSeconds: policy.accessTokenTtlSeconds,
    user: { ...DEFAULT_USER, ...options.user },
    now: () => options.clock.now(),
    publicBaseUrl: options.publicBaseUrl?.replace(/\/+$/, ''),
  });

  return {
    router,
    authenticate(authorizationHeader, realmId) {
      return { clientId: store.authenticate(authorizationHeader, realmId).clientId };
    },
    apps: () => registry.list(),
    get demoApp() {
      const current = registry.get(demoApp.clientId) ?? demoApp;
      return { ...current, redirectUris: [...current.redirectUris] };
    },
    registerApp(app) {
      const registered = registry.register(app);
      changed();
      return registered;
    },
    addRedirectUri(clientId, redirectUri) {
      registry.addRedirectUri(clientId, redirectUri);
      changed();
    },
    setAutoApprove(on) {
      autoApprove = on;
    },
    isAutoApprove: () => autoApprove,
    issueTokensForTest(realmId, clientId = demoApp.clientId) {
      if (!registry.get(clientId)) throw new Error(`issueTokensForTest: no registered app with client id ${clientId}`);
      if (!options.realms().some((r) => r.realmId === realmId)) {
        throw new Error(`issueTokensForTest: no sandbox company with realmId ${realmId}; seed it before issuing tokens`);
      }
      const { response } = store.issueDirect(clientId, realmId, [ACCOUNTING_SCOPE, 'openid', 'profile', 'email']);
      return { ...response, realmId };
    },
    reset() {
      store.reset();
      registry.reset();
      autoApprove = initialAutoApprove;
      Object.assign(stats, { authorizationCode: 0, refreshToken: 0, revoke: 0 });
      changed();
    },
    exportState: () => ({ apps: registry.list(), grants: store.exportState() }),
    importState(saved) {
      for (const app of saved.apps) registry.register(app);
      store.importState(saved.grants);
    },
    policy,
    stats: () => ({ ...stats }),
  };
}

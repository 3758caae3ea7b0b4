/**
 * Intuit's identity endpoints on Intuit's paths (facts §6.1), so intuit-oauth works against the sandbox by
 * swapping hosts only: authorize + consent, token (code and refresh), revoke, userinfo, OpenID discovery and
 * JWKS. Handlers parse and shape HTTP; the rules live in GrantStore. This router answers its own errors in
 * Intuit's OAuth shapes and never relies on the data API's fault handler.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { GatewayFault } from '../faults.js';
import { type AppRegistry } from './app.registry.js';
import { renderConsentPage, renderErrorPage } from './consent.page.js';
import { type GrantStore, type IssuedTokens } from './grant.store.js';
import { type IdTokenSigner } from './id-token.signer.js';
import { OAuthProtocolError } from './oauth.errors.js';
import { type RegisteredApp, type SandboxUser, type TokenResponse } from './oauth.types.js';
import { KNOWN_SCOPES, OPENID_SCOPES, needsCompany, parseScope } from './scope.rules.js';

export const OAUTH_PATHS = {
  authorize: '/connect/oauth2',
  token: '/oauth2/v1/tokens/bearer',
  revoke: '/v2/oauth2/tokens/revoke',
  userinfo: '/v1/openid_connect/userinfo',
  discovery: '/.well-known/openid_configuration',
  sandboxDiscovery: '/.well-known/openid_sandbox_configuration',
  jwks: '/op/v1/jwks',
} as const;

export interface OAuthRouterDeps {
  store: GrantStore;
  apps: AppRegistry;
  signer: IdTokenSigner;
  realms: () => Array<{ realmId: string; companyName: string }>;
  autoApprove: () => boolean;
  issuer: string;
  idTokenTtlSeconds: number;
  user: SandboxUser;
  now: () => number;
  /** Absolute base for discovery URLs; derived from the request's Host when absent. */
  publicBaseUrl: string | undefined;
  /** Counts of token-endpoint calls by grant type, and of revocations (for tests and the admin API). */
  stats: OAuthStats;
}

export interface OAuthStats {
  authorizationCode: number;
  refreshToken: number;
  revoke: number;
}

export function createOAuthRouter(deps: OAuthRouterDeps): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '16kb' });
  const json = express.json({ limit: '16kb' });

  router.get(OAUTH_PATHS.authorize, (req, res) => authorize(deps, req, res));
  router.post(OAUTH_PATHS.authorize, form, (req, res) => decide(deps, req, res));
  router.post(OAUTH_PATHS.token, form, (req, res, next) => tokenEndpoint(deps, req, res, next));
  router.post(OAUTH_PATHS.revoke, json, form, (req, res, next) => revokeEndpoint(deps, req, res, next));
  router.get(OAUTH_PATHS.userinfo, (req, res) => userinfo(deps, req, res));
  router.get([OAUTH_PATHS.discovery, OAUTH_PATHS.sandboxDiscovery], (req, res) => {
    res.json(discoveryDocument(deps, baseUrl(deps, req)));
  });
  router.get(OAUTH_PATHS.jwks, (_req, res) => {
    res.json(deps.signer.jwks());
  });
  return router;
}

// ---- authorize ----

function authorize(deps: OAuthRouterDeps, req: Request, res: Response): void {
  const query = req.query;
  const clientId = single(query.client_id);
  const app = clientId ? deps.apps.get(clientId) : undefined;
  if (!app) return errorPage(res, 'invalid_client', 'The client_id is missing or does not belong to a registered app.');
  const redirectUri = single(query.redirect_uri);
  if (!redirectUri || !app.redirectUris.includes(redirectUri)) {
    // Never redirect to an unverified URI: that would make the IdP an open redirector.
    return errorPage(res, 'invalid_request', 'The redirect_uri is missing or is not registered for this app.');
  }
  const state = single(query.state);
  const fail = (error: string, description: string) => redirectTo(res, redirectUri, { error, error_description: description, state });

  if (single(query.response_type) !== 'code') return fail('unsupported_response_type', 'response_type must be code');
  const rawScope = single(query.scope);
  const scopes = rawScope ? parseScope(rawScope) : [];
  if (scopes.length === 0) return fail('invalid_scope', 'scope is required');
  const unknown = scopes.filter((s) => !KNOWN_SCOPES.has(s));
  if (unknown.length > 0) return fail('invalid_scope', `unknown scope: ${unknown.join(' ')}`);
  // Intuit's docs make state mandatory (CSRF defence); the stricter reading refuses to go on without it.
  if (!state) return fail('invalid_request', 'state is required');

  const companies = needsCompany(scopes) ? deps.realms() : [];
  if (needsCompany(scopes) && companies.length === 0) return errorPage(res, 'No company', 'This sandbox has no companies to connect.');
  const hint = single(query.realmId);
  if (hint !== undefined && needsCompany(scopes) && !companies.some((c) => c.realmId === hint)) {
    return errorPage(res, 'Unknown company', `The sandbox has no company with realmId ${hint}.`);
  }

  if (deps.autoApprove()) {
    const realmId = needsCompany(scopes) ? (hint ?? companies[0]?.realmId) : undefined;
    return approve(deps, res, { clientId: app.clientId, redirectUri, scopes, state }, realmId);
  }
  const consentId = deps.store.openConsent({ clientId: app.clientId, redirectUri, scopes, state });
  noStore(res);
  res.set('X-Frame-Options', 'DENY');
  res
    .status(200)
    .type('html')
    .send(
      renderConsentPage({
        appName: app.name,
        formAction: `${req.baseUrl}${OAUTH_PATHS.authorize}`,
        consentId,
        scopes,
        companies,
        selectedRealmId: hint,
      }),
    );
}

function decide(deps: OAuthRouterDeps, req: Request, res: Response): void {
  const body = formBody(req);
  const consent = deps.store.takeConsent(body.consent ?? '');
  if (!consent) return errorPage(res, 'Request expired', 'This authorization request has expired or was already answered. Start again from the app.');
  if (body.decision === 'cancel') {
    return redirectTo(res, consent.redirectUri, { error: 'access_denied', state: consent.state });
  }
  if (body.decision !== 'connect') return errorPage(res, 'invalid_request', 'Choose Connect or Cancel.');
  let realmId: string | undefined;
  if (needsCompany(consent.scopes)) {
    realmId = body.realmId;
    if (!realmId || !deps.realms().some((c) => c.realmId === realmId)) {
      return errorPage(res, 'Unknown company', 'Choose one of the listed companies.');
    }
  }
  approve(deps, res, consent, realmId);
}

function approve(
  deps: OAuthRouterDeps,
  res: Response,
  request: { clientId: string; redirectUri: string; scopes: string[]; state: string },
  realmId: string | undefined,
): void {
  const code = deps.store.createCode({ clientId: request.clientId, redirectUri: request.redirectUri, realmId, scopes: request.scopes });
  // realmId only when a company was chosen (facts §6.2).
  redirectTo(res, request.redirectUri, { code, state: request.state, realmId });
}

// ---- token ----

function tokenEndpoint(deps: OAuthRouterDeps, req: Request, res: Response, next: NextFunction): void {
  tokenHeaders(res);
  try {
    const body = formBody(req);
    const app = authenticateClient(deps, req, body);
    if (!req.is('application/x-www-form-urlencoded')) {
      throw new OAuthProtocolError('invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
    }
    const includeHard = req.get('x-include-refresh-token-hard-expires-in')?.toLowerCase() === 'true';
    let issued: IssuedTokens;
    switch (body.grant_type) {
      case 'authorization_code': {
        deps.stats.authorizationCode++;
        if (!body.code) throw new OAuthProtocolError('invalid_request', 'code is required');
        issued = deps.store.exchangeCode(app, body.code, body.redirect_uri, includeHard);
        res.json(withIdToken(deps, issued));
        return;
      }
      case 'refresh_token': {
        deps.stats.refreshToken++;
        if (!body.refresh_token) throw new OAuthProtocolError('invalid_request', 'refresh_token is required');
        issued = deps.store.refresh(app, body.refresh_token, includeHard);
        res.json(issued.response);
        return;
      }
      case undefined:
      case '':
        throw new OAuthProtocolError('invalid_request', 'grant_type is required');
      default:
        throw new OAuthProtocolError('unsupported_grant_type', `grant_type ${body.grant_type} is not supported`);
    }
  } catch (error) {
    sendOAuthError(res, error, next);
  }
}

function withIdToken(deps: OAuthRouterDeps, issued: IssuedTokens): TokenResponse {
  const { grant, response } = issued;
  if (!grant.scopes.includes('openid')) return response;
  const iat = Math.floor(deps.now() / 1000);
  const idToken = deps.signer.sign({
    sub: deps.user.sub,
    aud: [grant.clientId],
    ...(grant.realmId ? { realmid: grant.realmId } : {}),
    auth_time: Math.floor(grant.authTime / 1000),
    iss: deps.issuer,
    exp: iat + deps.idTokenTtlSeconds,
    iat,
  });
  return { ...response, id_token: idToken };
}

// ---- revoke ----

function revokeEndpoint(deps: OAuthRouterDeps, req: Request, res: Response, next: NextFunction): void {
  tokenHeaders(res);
  deps.stats.revoke++;
  try {
    const body = formBody(req);
    const app = authenticateClient(deps, req, body);
    if (!body.token) throw new OAuthProtocolError('invalid_request', 'token is required');
    deps.store.revoke(app, body.token);
    res.status(200).end();
  } catch (error) {
    sendOAuthError(res, error, next);
  }
}

// ---- userinfo ----

function userinfo(deps: OAuthRouterDeps, req: Request, res: Response): void {
  noStore(res);
  let scopes: string[];
  try {
    scopes = deps.store.bearerGrant(req.get('authorization')).scopes;
  } catch (error) {
    if (!(error instanceof GatewayFault)) throw error;
    res.set('WWW-Authenticate', 'Bearer error="invalid_token"');
    res.status(401).json({ error: 'invalid_token', error_description: error.detail });
    return;
  }
  if (!scopes.includes('openid')) {
    res.set('WWW-Authenticate', 'Bearer error="insufficient_scope", scope="openid"');
    res.status(403).json({ error: 'insufficient_scope', error_description: 'The openid scope was not granted' });
    return;
  }
  const { user } = deps;
  // Claims follow the granted scopes, as OpenID Connect §5.4 prescribes.
  res.json({
    sub: user.sub,
    ...(scopes.includes('email') ? { email: user.email, emailVerified: user.emailVerified } : {}),
    ...(scopes.includes('profile') ? { givenName: user.givenName, familyName: user.familyName } : {}),
    ...(scopes.includes('phone') ? { phoneNumber: user.phoneNumber, phoneNumberVerified: user.phoneNumberVerified } : {}),
    ...(scopes.includes('address') ? { address: { ...user.address } } : {}),
  });
}

// ---- discovery ----

function discoveryDocument(deps: OAuthRouterDeps, base: string): Record<string, unknown> {
  return {
    issuer: deps.issuer,
    authorization_endpoint: `${base}${OAUTH_PATHS.authorize}`,
    token_endpoint: `${base}${OAUTH_PATHS.token}`,
    userinfo_endpoint: `${base}${OAUTH_PATHS.userinfo}`,
    revocation_endpoint: `${base}${OAUTH_PATHS.revoke}`,
    jwks_uri: `${base}${OAUTH_PATHS.jwks}`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: [...OPENID_SCOPES],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    claims_supported: ['aud', 'exp', 'iat', 'iss', 'realmid', 'sub'],
  };
}

// ---- helpers ----

/**
 * HTTP Basic (what intuit-oauth sends) or client_secret_post, as the discovery document advertises. Any
 * failure is a bare 401 invalid_client, so a caller learns nothing about which part was wrong.
 */
function authenticateClient(deps: OAuthRouterDeps, req: Request, body: Record<string, string | undefined>): RegisteredApp {
  const header = req.get('authorization');
  let clientId: string | undefined;
  let secret: string | undefined;
  if (header !== undefined) {
    const match = /^Basic +([A-Za-z0-9+/=]+)$/i.exec(header.trim());
    const decoded = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      clientId = decoded.slice(0, colon);
      secret = decoded.slice(colon + 1);
    }
  } else {
    clientId = body.client_id;
    secret = body.client_secret;
  }
  const app = clientId ? deps.apps.get(clientId) : undefined;
  if (!app || secret === undefined || !sameSecret(secret, app.clientSecret)) {
    throw new OAuthProtocolError('invalid_client', undefined, 401);
  }
  return app;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendOAuthError(res: Response, error: unknown, next: NextFunction): void {
  if (!(error instanceof OAuthProtocolError)) return next(error);
  if (error.error === 'invalid_client') res.set('WWW-Authenticate', 'Basic realm="Intuit"');
  res.status(error.httpStatus).json(error.toBody());
}

/** Token responses carry credentials: never cacheable (RFC 6749 §5.1); Intuit adds a transaction id. */
function tokenHeaders(res: Response): void {
  noStore(res);
  res.set('intuit_tid', randomUUID());
}

function noStore(res: Response): void {
  res.set('Cache-Control', 'no-store');
  res.set('Pragma', 'no-cache');
}

function errorPage(res: Response, title: string, detail: string): void {
  noStore(res);
  res.status(400).type('html').send(renderErrorPage(title, detail));
}

function redirectTo(res: Response, uri: string, params: Record<string, string | undefined>): void {
  // The registered URI may carry its own query; URL keeps it and appends ours.
  const target = new URL(uri);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) target.searchParams.set(key, value);
  noStore(res);
  res.redirect(302, target.toString());
}

/** Repeated parameters are ambiguous (RFC 6749 §3.1): treat them as absent. */
function single(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Flat string view of a parsed body; anything else (nested, repeated, unparsed) counts as absent. */
function formBody(req: Request): Record<string, string | undefined> {
  const raw: unknown = req.body;
  if (typeof raw !== 'object' || raw === null) return {};
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) out[key] = single(value);
  return out;
}

function baseUrl(deps: OAuthRouterDeps, req: Request): string {
  return deps.publicBaseUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}${req.baseUrl}`;
}

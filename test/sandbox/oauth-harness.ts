/**
 * Test harness for the sandbox's OAuth server: runs its router on a bare Express app over real HTTP (with a
 * stand-in data route that calls `authenticate` the way the core sandbox does), points the real
 * intuit-oauth client at it, and submits the consent form the way a browser would.
 */
import { once } from 'node:events';
import { type AddressInfo } from 'node:net';
import express from 'express';
import OAuthClient from 'intuit-oauth';
import { VirtualClock } from '../../src/sandbox/clock.js';
import { GatewayFault } from '../../src/sandbox/faults.js';
import { createOAuthServer, type OAuthServer, type OAuthServerOptions } from '../../src/sandbox/oauth/oauth.server.js';

export const COMPANIES = [
  { realmId: '9341457021722202', companyName: 'Bondi Plumbing Pty Ltd' },
  { realmId: '9341457021722203', companyName: 'Sunnyvale HVAC Inc' },
] as const;

export const CALLBACK = 'http://localhost:4000/oauth/callback';
export const OTHER_CALLBACK = 'http://127.0.0.1:4000/oauth/callback';

export interface Harness {
  base: string;
  clock: VirtualClock;
  oauth: OAuthServer;
  /** A data call like node-quickbooks makes; resolves to status and parsed body. */
  dataCall(realmId: string, accessToken: string | undefined): Promise<{ status: number; body: unknown }>;
  newClient(overrides?: { clientSecret?: string; redirectUri?: string; clientId?: string }): OAuthClient;
  close(): Promise<void>;
}

export async function startHarness(options: Partial<OAuthServerOptions> = {}): Promise<Harness> {
  const clock = new VirtualClock();
  const oauth = createOAuthServer({ clock, realms: () => COMPANIES.map((c) => ({ ...c })), ...options });
  const app = express();
  app.use(oauth.router);
  app.get('/v3/company/:realmId/companyinfo/:id', (req, res) => {
    try {
      const caller = oauth.authenticate(req.get('authorization'), req.params.realmId);
      res.json({ CompanyInfo: { Id: req.params.id }, clientId: caller.clientId });
    } catch (error) {
      if (!(error instanceof GatewayFault)) throw error;
      res.status(error.httpStatus).json(error.toBody(clock.now()));
    }
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  pointIntuitOAuthAt(base);

  return {
    base,
    clock,
    oauth,
    async dataCall(realmId, accessToken) {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (accessToken !== undefined) headers.Authorization = `Bearer ${accessToken}`;
      const res = await fetch(`${base}/v3/company/${realmId}/companyinfo/${realmId}`, { headers });
      return { status: res.status, body: await res.json() };
    },
    newClient(overrides = {}) {
      return new OAuthClient({
        clientId: overrides.clientId ?? oauth.demoApp.clientId,
        clientSecret: overrides.clientSecret ?? oauth.demoApp.clientSecret,
        environment: 'sandbox',
        redirectUri: overrides.redirectUri ?? CALLBACK,
      });
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** intuit-oauth keeps its endpoints in process-wide statics (libraries.md); the gateway sets the same ones. */
export function pointIntuitOAuthAt(base: string): void {
  OAuthClient.authorizeEndpoint = `${base}/connect/oauth2`;
  OAuthClient.tokenEndpoint = `${base}/oauth2/v1/tokens/bearer`;
  OAuthClient.revokeEndpoint = `${base}/v2/oauth2/tokens/revoke`;
  OAuthClient.userinfo_endpoint_sandbox = `${base}/v1/openid_connect/userinfo`;
  OAuthClient.userinfo_endpoint_production = `${base}/v1/openid_connect/userinfo`;
  OAuthClient.jwks_uri = `${base}/op/v1/jwks`;
  // Its built-in retries would hide single-use and rotation failures behind delayed repeats.
  OAuthClient.retryConfig.maxRetries = 0;
}

/** What a browser would submit: hidden inputs, the checked radio (or the chosen one) and the clicked button. */
export async function submitConsent(
  pageUrl: string,
  html: string,
  choice: { button: 'connect' | 'cancel'; realmId?: string },
): Promise<Response> {
  const formTag = /<form\b([^>]*)>/i.exec(html);
  if (!formTag) throw new Error('consent page has no form');
  const formAttrs = attributes(formTag[1] ?? '');
  if ((formAttrs.method ?? 'get').toLowerCase() !== 'post') throw new Error('consent form must POST');
  const fields = new URLSearchParams();
  const buttons: Array<Record<string, string>> = [];
  for (const match of html.matchAll(/<(input|button)\b([^>]*)>([^<]*)/gi)) {
    const attrs = attributes(match[2] ?? '');
    if (match[1]?.toLowerCase() === 'button') {
      buttons.push({ ...attrs, label: (match[3] ?? '').trim() });
      continue;
    }
    if (!attrs.name) continue;
    if (attrs.type === 'hidden') fields.set(attrs.name, attrs.value ?? '');
    if (attrs.type === 'radio') {
      const chosen = choice.realmId === undefined ? 'checked' in attrs : attrs.value === choice.realmId;
      if (chosen) fields.set(attrs.name, attrs.value ?? '');
    }
  }
  const label = choice.button === 'connect' ? 'Connect' : 'Cancel';
  const button = buttons.find((b) => b.label === label);
  if (!button?.name) throw new Error(`consent page has no "${label}" submit button`);
  fields.set(button.name, button.value ?? '');
  return fetch(new URL(formAttrs.action ?? '', pageUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
    redirect: 'manual',
  });
}

/** Authorize page -> consent form -> the callback URL Intuit would send the browser to. */
export async function authorizeInBrowser(
  authorizeUrl: string,
  choice: { button: 'connect' | 'cancel'; realmId?: string } = { button: 'connect' },
): Promise<{ page: string; callbackUrl: string }> {
  const res = await fetch(authorizeUrl, { redirect: 'manual' });
  if (res.status !== 200) throw new Error(`authorize page answered ${res.status}`);
  const page = await res.text();
  const submitted = await submitConsent(authorizeUrl, page, choice);
  const location = submitted.headers.get('location');
  if (submitted.status !== 302 || !location) throw new Error(`consent submit answered ${submitted.status} without a redirect`);
  return { page, callbackUrl: location };
}

function attributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of source.matchAll(/([a-zA-Z][\w-]*)(?:="([^"]*)")?/g)) {
    if (m[1]) out[m[1].toLowerCase()] = decodeEntities(m[2] ?? '');
  }
  return out;
}

function decodeEntities(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&');
}

/** intuit-oauth rejects with a wrapped error carrying Intuit's `error` and the HTTP response. */
export interface IntuitOAuthError {
  error: string;
  error_description: string;
  authResponse: { response?: { status?: number; data?: unknown } } | string;
}

export async function oauthFailure(promise: Promise<unknown>): Promise<{ error: string; status: number | undefined; body: unknown }> {
  try {
    await promise;
  } catch (raw) {
    const e = raw as IntuitOAuthError;
    const response = typeof e.authResponse === 'object' ? e.authResponse.response : undefined;
    return { error: e.error, status: response?.status, body: response?.data };
  }
  throw new Error('expected the intuit-oauth call to fail');
}

/**
 * Connecting a test tenant to the gateway's built-in QBO simulator through the real flow: the
 * connectQuickBooks mutation, the simulator's consent page (submitted like a browser), and the
 * gateway's own /oauth/callback, which finishes only in the browser that started the attempt: a
 * TestBrowser keeps the cookies the gateway sets and sends them back where a browser would.
 */
import { print } from 'graphql';
import { type Sandbox } from '../../src/sandbox/sandbox.js';
import { ConnectQuickBooksDocument } from '../generated/graphql.js';
import { authorizeInBrowser } from '../sandbox/oauth-harness.js';
import { type TestGateway } from './gateway.js';
import { gql } from './graphql-client.js';

export function simulatorOf(gw: TestGateway): Sandbox {
  const simulator = gw.app.quickbooks.simulator;
  if (!simulator) throw new Error('this gateway does not run the QBO simulator in-process');
  return simulator;
}

export function realmOf(gw: TestGateway, country: 'AU' | 'US'): { realmId: string; name: string } {
  const company = simulatorOf(gw).info().companies.find((c) => c.country === country);
  if (!company) throw new Error(`the simulator has no ${country} company`);
  return { realmId: company.realmId, name: company.name };
}

interface StoredCookie {
  value: string;
  path: string;
  expires: number;
}

/**
 * A browser's cookie jar, for one origin: what `Set-Cookie` answers stored, sent back on requests whose
 * path is under the cookie's Path, expired ones dropped. Enough for the connect flow; not a full RFC 6265 jar.
 */
export class TestBrowser {
  readonly #cookies = new Map<string, StoredCookie>();

  /** Starts connecting the way the web app does: connectQuickBooks over HTTP, keeping the answer's cookies. */
  async startConnect(graphqlUrl: string, apiKey: string, variables: { returnTo?: string; allowRealmChange?: boolean } = {}): Promise<string> {
    const response = await this.fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ query: print(ConnectQuickBooksDocument), variables }),
    });
    const body = (await response.json()) as { data?: { connectQuickBooks: { authorizationUrl: string } }; errors?: unknown };
    if (!body.data) throw new Error(`connectQuickBooks failed: ${JSON.stringify(body.errors)}`);
    return body.data.connectQuickBooks.authorizationUrl;
  }

  /** fetch with this browser's cookies, storing the ones the answer sets. */
  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const cookie = this.cookieHeader(target);
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(target, { redirect: 'manual', ...init, headers });
    for (const line of response.headers.getSetCookie()) this.#store(line, target);
    return response;
  }

  /** The Cookie header this browser would send to `url`. */
  cookieHeader(url: URL): string {
    const now = Date.now();
    return [...this.#cookies.entries()]
      .filter(([, c]) => c.expires > now && (url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
  }

  /** Names of the cookies held now (tests check what was set and cleared). */
  cookieNames(): string[] {
    return [...this.#cookies.keys()].filter((name) => this.#cookies.get(name)!.expires > Date.now());
  }

  #store(line: string, from: URL): void {
    const [pair, ...attributes] = line.split(';').map((part) => part.trim());
    const at = pair!.indexOf('=');
    const name = pair!.slice(0, at);
    const cookie: StoredCookie = { value: pair!.slice(at + 1), path: from.pathname.replace(/\/[^/]*$/, '') || '/', expires: Infinity };
    for (const attribute of attributes) {
      const [key, ...rest] = attribute.split('=');
      const value = rest.join('=');
      if (key!.toLowerCase() === 'path') cookie.path = value;
      if (key!.toLowerCase() === 'expires') cookie.expires = Date.parse(value);
      if (key!.toLowerCase() === 'max-age') cookie.expires = Date.now() + Number(value) * 1000;
    }
    if (cookie.expires <= Date.now()) this.#cookies.delete(name);
    else this.#cookies.set(name, cookie);
  }
}

export interface ConnectAttempt {
  /** The browser that started the attempt (holding its cookie unless the callback cleared it). */
  browser: TestBrowser;
  authorizationUrl: string;
  /** Where the consent page sent the browser (the gateway's /oauth/callback with code/state or error). */
  callbackUrl: string;
  /** The gateway's answer to the callback. */
  response: Response;
}

/** Starts connecting without keeping the browser (for flows finished through completeQuickBooksConnection). */
export async function startConnect(gw: TestGateway, apiKey: string, variables: { returnTo?: string; allowRealmChange?: boolean } = {}): Promise<string> {
  const started = await gql(gw.graphqlUrl, ConnectQuickBooksDocument, variables, apiKey);
  if (started.errors) throw new Error(`connectQuickBooks failed: ${JSON.stringify(started.errors)}`);
  return started.data!.connectQuickBooks.authorizationUrl;
}

/** Runs the whole browser round trip; `button: 'cancel'` declines on the consent page. */
export async function connectThroughBrowser(
  gw: TestGateway,
  apiKey: string,
  options: { country?: 'AU' | 'US'; realmId?: string; button?: 'connect' | 'cancel'; returnTo?: string; allowRealmChange?: boolean; follow?: boolean } = {},
): Promise<ConnectAttempt> {
  const browser = new TestBrowser();
  const authorizationUrl = await browser.startConnect(gw.graphqlUrl, apiKey, { returnTo: options.returnTo, allowRealmChange: options.allowRealmChange });
  const realmId = options.realmId ?? realmOf(gw, options.country ?? 'AU').realmId;
  const { callbackUrl } = await authorizeInBrowser(authorizationUrl, { button: options.button ?? 'connect', realmId });
  const response = await browser.fetch(callbackUrl);
  return { browser, authorizationUrl, callbackUrl, response };
}

/** A connected tenant for tests that need one (fails loudly otherwise). */
export async function connectTenant(gw: TestGateway, apiKey: string, country: 'AU' | 'US' = 'AU', realmId?: string): Promise<void> {
  const attempt = await connectThroughBrowser(gw, apiKey, { country, realmId });
  if (attempt.response.status !== 200) throw new Error(`connecting failed: ${attempt.response.status} ${await attempt.response.text()}`);
  await gw.app.services.connections.idle();
}

/**
 * The browser half of a connection attempt's binding. `connectQuickBooks` over HTTP sets a cookie
 * holding a random nonce (only its hash is stored on the OAuth state); `GET /oauth/callback`
 * completes only when the browser presents it. A consent link opened in any other browser (say,
 * another company's QuickBooks admin who was sent the link) therefore cannot link that company.
 *
 * One cookie per attempt, named after the attempt's state, so two attempts started in one browser
 * (two tabs, a double click) do not overwrite each other's nonce. The cookie is scoped to the
 * callback's path, so it travels nowhere else.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { parse } from 'cookie';

/** A cookie for the HTTP answer; HttpOnly, SameSite=Lax and Secure are the transport's to add (see GraphQLContext). */
export interface BrowserCookie {
  name: string;
  value: string;
  /** The path of the OAuth redirect URI: the browser sends the cookie to the callback only. */
  path: string;
  expires: Date;
}

const COOKIE_PREFIX = 'fieldbooks_connect_';

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** The cookie name of the attempt whose OAuth state is `state` (a prefix of the state's hash; the state itself is in the URL anyway). */
export function connectCookieName(state: string): string {
  return `${COOKIE_PREFIX}${sha256(state).slice(0, 24)}`;
}

export function newBrowserNonce(): { nonce: string; hash: string } {
  const nonce = randomBytes(32).toString('base64url');
  return { nonce, hash: sha256(nonce) };
}

/** The nonce the browser presented for this attempt, if any (from the request's Cookie header). */
export function presentedNonce(cookieHeader: string | undefined, state: string): string | undefined {
  if (!cookieHeader) return undefined;
  return parse(cookieHeader)[connectCookieName(state)] ?? undefined;
}

/** Constant-time: does the presented nonce hash to the stored one? */
export function nonceMatches(presented: string | undefined, storedHash: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(sha256(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

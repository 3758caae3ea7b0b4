/**
 * What browsers are told: security headers on every response (helmet) and the CORS allowlist of
 * `/graphql`.
 *
 * The web app (web/, built by Vite) loads only its own hashed scripts and styles and talks only to
 * this origin (HTTP and WebSocket), so its policy is `'self'` throughout; it keeps an API key in
 * sessionStorage, so no inline script may run and no other site may frame it. Apollo's landing page
 * (development only, GET /graphql in a browser) loads Apollo's explorer from Apollo's CDN and brings
 * its own nonce-based policy in a meta tag; a header policy would be intersected with it and block
 * it, so that one page gets every header but the CSP.
 */
import cors from 'cors';
import { type RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

export const WEB_APP_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  // The app's favicon is an empty data: URL.
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  // 'self' covers ws:// and wss:// of this host (CSP level 3).
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // Local http://127.0.0.1 must stay http; TLS belongs to the proxy in front of a server.
  upgradeInsecureRequests: null,
};

export function securityHeaders(options: { production: boolean }): RequestHandler {
  const base: HelmetOptions = {
    contentSecurityPolicy: { useDefaults: false, directives: WEB_APP_CSP },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  };
  const strict = helmet(base);
  if (options.production) return strict;
  const landingPage = helmet({ ...base, contentSecurityPolicy: false });
  return (req, res, next) => {
    const apolloLandingPage = req.method === 'GET' && req.path === '/graphql' && req.accepts(['application/json', 'text/html']) === 'text/html';
    return (apolloLandingPage ? landingPage : strict)(req, res, next);
  };
}

/**
 * CORS for `/graphql`: only listed origins get CORS headers (others get none, so the browser refuses
 * the response). API keys travel as a Bearer header, never as cookies, so credentials stay off; the
 * preflight answer is cached for 10 minutes.
 */
export function graphqlCors(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['authorization', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    credentials: false,
    maxAge: 600,
  });
}

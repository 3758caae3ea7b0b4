/**
 * The reference web app (web/, built by Vite into web/dist) served at `/`, with an SPA fallback so a
 * reload of /settings or /sync still lands in the app, and `/app-config.json`, which tells the app
 * the demo API key on a laptop's embedded default.
 *
 * The fallback never answers for the gateway's own paths (/graphql, /oauth/callback, /healthz, ...):
 * this router is mounted before Apollo, so a careless catch-all would swallow the GraphQL landing
 * page or a browser's redirect back from Intuit.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { isLocalRequest } from './loopback.rules.js';

/** Paths that belong to the gateway, never to the web app (prefix match on path segments). */
const GATEWAY_PATHS = ['/graphql', '/oauth', '/webhooks', '/healthz', '/readyz', '/metrics', '/_sandbox'];

export interface WebAppOptions {
  /** The built app (index.html plus hashed assets). Missing: `/` explains how to build it. */
  distDir: string;
  /** The demo tenant's key, when the demo tenant is enabled (never in production). */
  demoApiKey?: string;
}

/** web/dist of this checkout, found from this module whether it runs from src/ (tests) or dist/src/ (npm start). */
export function defaultWebDistDir(): string {
  let dir = import.meta.dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve('web/dist');
    dir = parent;
  }
  return path.join(dir, 'web', 'dist');
}

export function mountWebApp(app: Express, options: WebAppOptions): void {
  app.get('/app-config.json', (req, res) => {
    // The key is handed out only where whoever can reach the page could already read it from the
    // banner or ./.data: the demo tenant is on, the TCP peer is this machine, no proxy header
    // (X-Forwarded-*, X-Real-IP, Forwarded, Via) is present, and the Host is exactly a loopback name or
    // literal (a DNS-rebound page on evil.example or 127.0.0.1.evil.example gets nothing).
    const demoApiKey = options.demoApiKey && isLocalRequest(req) ? options.demoApiKey : null;
    res.set('cache-control', 'no-store').json({ demoApiKey });
  });

  const index = path.join(options.distDir, 'index.html');
  // Hashed assets can be cached for long; index.html must be revalidated so a rebuild shows at once.
  app.use(
    express.static(options.distDir, {
      index: false,
      setHeaders: (res, file) => {
        res.setHeader('cache-control', file.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
      },
    }),
  );

  app.get(/.*/, (req, res, next) => {
    if (isGatewayPath(req.path) || path.extname(req.path) !== '' || !req.accepts('html')) return next();
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The web app is not built yet: run `npm run build` (or `npm run build:web`), then reload.');
      return;
    }
    res.set('cache-control', 'no-cache').sendFile(index);
  });
}

function isGatewayPath(p: string): boolean {
  return GATEWAY_PATHS.some((prefix) => p === prefix || p.startsWith(`${prefix}/`));
}

/**
 * GET /oauth/callback: Intuit's redirect target. Completes the connection when the browser presents
 * the cookie `connectQuickBooks` set on it, then sends the browser to the `returnTo` the connection
 * was started with (`?quickbooks=connected` or `?quickbooks=error&reason=`), or shows a small page when
 * there is none. A browser without that cookie gets a page saying so, and the attempt stays usable.
 */
import { type Express, type Response } from 'express';
import { type Logger } from '../logging/logger.js';
import { connectCookieName, presentedNonce } from './connect-browser.cookie.js';
import { ConnectionFailedError, type ConnectionService } from './connection.service.js';

/** Refusals that spend nothing: the browser that started the attempt can still finish it, so its cookie stays. */
const BROWSER_REFUSALS = new Set(['STARTED_IN_ANOTHER_BROWSER', 'STARTED_WITHOUT_BROWSER']);

export function mountOAuthCallback(app: Express, connections: ConnectionService, log: Logger): void {
  app.get('/oauth/callback', async (req, res) => {
    const url = `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`;
    const state = typeof req.query.state === 'string' ? req.query.state : undefined;
    const spent = () => {
      if (state) res.clearCookie(connectCookieName(state), { path: connections.callbackPath(), httpOnly: true, sameSite: 'lax' });
    };
    try {
      const done = await connections.completeConnect(url, { via: 'browser', nonce: state ? presentedNonce(req.get('cookie'), state) : undefined });
      spent();
      if (done.returnTo) return res.redirect(303, withParams(done.returnTo, { quickbooks: 'connected' }));
      return res.type('html').send(page('QuickBooks connected', `Connected to ${escape(done.view.companyName ?? 'QuickBooks')}. You can close this window.`));
    } catch (error) {
      if (error instanceof ConnectionFailedError) {
        if (BROWSER_REFUSALS.has(error.reason)) return refuse(res, 403, error.message);
        spent();
        if (error.returnTo) return res.redirect(303, withParams(error.returnTo, { quickbooks: 'error', reason: error.reason }));
        return refuse(res, 400, error.message);
      }
      log.error({ err: error }, 'OAuth callback failed');
      return res.status(500).type('html').send(page('QuickBooks not connected', 'Something went wrong while connecting. Please try again.'));
    }
  });
}

function refuse(res: Response, status: number, message: string): Response {
  return res.status(status).type('html').send(page('QuickBooks not connected', escape(message)));
}

function withParams(target: string, params: Record<string, string>): string {
  const url = new URL(target);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1><p>${body}</p></main></body></html>`;
}

/**
 * GET /oauth/callback: Intuit's redirect target. Completes the connection, then sends the browser to
 * the `returnTo` the connection was started with (`?quickbooks=connected` or `?quickbooks=error&reason=`),
 * or shows a small page when there is none.
 */
import { type Express } from 'express';
import { type Logger } from '../logging/logger.js';
import { ConnectionFailedError, type ConnectionService } from './connection.service.js';

export function mountOAuthCallback(app: Express, connections: ConnectionService, log: Logger): void {
  app.get('/oauth/callback', async (req, res) => {
    const url = `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`;
    try {
      const done = await connections.completeConnect(url);
      if (done.returnTo) return res.redirect(303, withParams(done.returnTo, { quickbooks: 'connected' }));
      return res.type('html').send(page('QuickBooks connected', `Connected to ${escape(done.view.companyName ?? 'QuickBooks')}. You can close this window.`));
    } catch (error) {
      if (error instanceof ConnectionFailedError) {
        if (error.returnTo) return res.redirect(303, withParams(error.returnTo, { quickbooks: 'error', reason: error.reason }));
        return res.status(400).type('html').send(page('QuickBooks not connected', escape(error.message)));
      }
      log.error({ err: error }, 'OAuth callback failed');
      return res.status(500).type('html').send(page('QuickBooks not connected', 'Something went wrong while connecting. Please try again.'));
    }
  });
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

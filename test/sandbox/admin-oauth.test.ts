/**
 * Admin API for the OAuth server, over real HTTP: auto-approve makes `/connect/oauth2` redirect at
 * once, a redirect URI added here is then accepted by the authorize endpoint, an app registered here
 * can connect, the token-endpoint counters move, bad input is refused, and reset undoes it all.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAdminHarness, type AdminHarness } from './admin-harness.js';

interface OAuthView {
  autoApprove: boolean;
  demoClientId: string;
  apps: { clientId: string; name: string; redirectUris: string[]; demo: boolean }[];
  stats: { authorizationCode: number; refreshToken: number; revoke: number };
}
interface AppView {
  clientId: string;
  clientSecret: string;
  name: string;
  redirectUris: string[];
  webhookVerifierToken: string;
}

const ACCOUNTING = 'com.intuit.quickbooks.accounting';
const NEW_URI = 'http://127.0.0.1:5173/qbo/callback';

let h: AdminHarness;
let demo: { clientId: string; clientSecret: string; redirectUris: string[] };

beforeEach(async () => {
  h = await startAdminHarness();
  demo = (await h.admin<{ app: typeof demo }>('GET', '/info')).body.app;
});
afterEach(async () => {
  await h.close();
});

const oauth = async () => (await h.admin<OAuthView>('GET', '/oauth')).body;

/** The browser's first request to Intuit's authorize URL, without following the redirect. */
function authorize(clientId: string, redirectUri: string, state = 'csrf-1'): Promise<Response> {
  const q = new URLSearchParams({ client_id: clientId, response_type: 'code', scope: ACCOUNTING, redirect_uri: redirectUri, state });
  return fetch(`${h.url}/connect/oauth2?${q.toString()}`, { redirect: 'manual' });
}

function exchange(app: { clientId: string; clientSecret: string }, body: Record<string, string>): Promise<Response> {
  return fetch(`${h.url}/oauth2/v1/tokens/bearer`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: new URLSearchParams(body).toString(),
  });
}

function codeFrom(res: Response): string {
  expect(res.status).toBe(302);
  const code = new URL(res.headers.get('location')!).searchParams.get('code');
  expect(code).toBeTruthy();
  return code!;
}

describe('GET /_sandbox/oauth', () => {
  it('reports auto-approve, the demo client id, apps without secrets and zeroed stats', async () => {
    const view = await oauth();
    expect(view).toEqual({
      autoApprove: false,
      demoClientId: demo.clientId,
      apps: [{ clientId: demo.clientId, name: expect.any(String) as string, redirectUris: demo.redirectUris, demo: true }],
      stats: { authorizationCode: 0, refreshToken: 0, revoke: 0 },
    });
    expect(JSON.stringify(view)).not.toContain(demo.clientSecret);
  });
});

describe('PUT /_sandbox/oauth/auto-approve', () => {
  it('on: /connect/oauth2 redirects straight to the redirect URI with code, state and realmId; off: the consent page again', async () => {
    const consent = await authorize(demo.clientId, demo.redirectUris[0]!);
    expect(consent.status).toBe(200);
    expect(await consent.text()).toContain('Connect');

    const on = await h.admin('PUT', '/oauth/auto-approve', { on: true });
    expect(on).toEqual({ status: 200, body: { autoApprove: true } });
    expect((await oauth()).autoApprove).toBe(true);

    const res = await authorize(demo.clientId, demo.redirectUris[0]!, 'csrf-auto');
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(demo.redirectUris[0]);
    expect(location.searchParams.get('state')).toBe('csrf-auto');
    expect(location.searchParams.get('code')).toBeTruthy();
    const realms = (await h.admin<{ companies: { realmId: string }[] }>('GET', '/info')).body.companies.map((c) => c.realmId);
    expect(realms).toContain(location.searchParams.get('realmId'));

    expect((await h.admin('PUT', '/oauth/auto-approve', { on: false })).body).toEqual({ autoApprove: false });
    expect((await authorize(demo.clientId, demo.redirectUris[0]!)).status).toBe(200);
  });

  it('refuses anything but a boolean "on"', async () => {
    for (const body of [{}, { on: 'true' }, { on: 1 }, { enabled: true }]) {
      const res = await h.admin<{ message: string }>('PUT', '/oauth/auto-approve', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.message, JSON.stringify(body)).toMatch(/\bon\b|unknown field enabled/);
    }
    expect((await oauth()).autoApprove).toBe(false);
  });
});

describe('POST /_sandbox/oauth/apps/:clientId/redirect-uris', () => {
  it('makes the authorize endpoint accept a URI it refused before', async () => {
    await h.admin('PUT', '/oauth/auto-approve', { on: true });
    expect((await authorize(demo.clientId, NEW_URI)).status).toBe(400);

    const added = await h.admin<{ clientId: string; redirectUris: string[] }>('POST', `/oauth/apps/${demo.clientId}/redirect-uris`, { uri: NEW_URI });
    expect(added.status).toBe(200);
    expect(added.body).toEqual({ clientId: demo.clientId, redirectUris: [...demo.redirectUris, NEW_URI] });
    expect((await oauth()).apps.find((a) => a.demo)!.redirectUris).toContain(NEW_URI);

    const res = await authorize(demo.clientId, NEW_URI);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')!.startsWith(`${NEW_URI}?`)).toBe(true);
    // And the code is bound to it: the exchange with the same redirect_uri succeeds.
    expect((await exchange(demo, { grant_type: 'authorization_code', code: codeFrom(res), redirect_uri: NEW_URI })).status).toBe(200);
  });

  it('refuses a bad uri with 400 naming it, and an unknown app with 404', async () => {
    for (const [body, message] of [
      [{}, /\buri\b.*required/],
      [{ uri: 'callback' }, /\buri\b.*absolute/],
      [{ uri: 'javascript:alert(1)' }, /\buri\b.*http/],
      [{ uri: `${NEW_URI}#frag` }, /\buri\b.*fragment/],
      [{ url: NEW_URI }, /unknown field url/],
    ] as const) {
      const res = await h.admin<{ message: string }>('POST', `/oauth/apps/${demo.clientId}/redirect-uris`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.message, JSON.stringify(body)).toMatch(message);
    }
    const unknown = await h.admin<{ error: string; message: string }>('POST', '/oauth/apps/NoSuchClient/redirect-uris', { uri: NEW_URI });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: 'not_found', message: expect.stringContaining('NoSuchClient') as string });
    expect((await oauth()).apps.find((a) => a.demo)!.redirectUris).toEqual(demo.redirectUris);
  });
});

describe('token-endpoint stats', () => {
  it('count a code exchange and a refresh', async () => {
    await h.admin('PUT', '/oauth/auto-approve', { on: true });
    const code = codeFrom(await authorize(demo.clientId, demo.redirectUris[0]!));
    const tokenRes = await exchange(demo, { grant_type: 'authorization_code', code, redirect_uri: demo.redirectUris[0]! });
    expect(tokenRes.status).toBe(200);
    expect((await oauth()).stats).toEqual({ authorizationCode: 1, refreshToken: 0, revoke: 0 });

    const { refresh_token } = (await tokenRes.json()) as { refresh_token: string };
    expect((await exchange(demo, { grant_type: 'refresh_token', refresh_token })).status).toBe(200);
    expect((await oauth()).stats).toEqual({ authorizationCode: 1, refreshToken: 1, revoke: 0 });
  });
});

describe('POST /_sandbox/oauth/apps', () => {
  it('registers an app that can then connect with its own credentials', async () => {
    const created = await h.admin<AppView>('POST', '/oauth/apps', { name: 'Field tablet app', redirectUris: [NEW_URI] });
    expect(created.status).toBe(201);
    const app = created.body;
    expect(app).toMatchObject({ name: 'Field tablet app', redirectUris: [NEW_URI] });
    expect(app.clientId).toMatch(/^AB/);
    expect(app.clientSecret.length).toBeGreaterThanOrEqual(32);

    const listed = (await oauth()).apps.find((a) => a.clientId === app.clientId);
    expect(listed).toEqual({ clientId: app.clientId, name: 'Field tablet app', redirectUris: [NEW_URI], demo: false });
    expect(JSON.stringify(await oauth())).not.toContain(app.clientSecret);

    await h.admin('PUT', '/oauth/auto-approve', { on: true });
    const code = codeFrom(await authorize(app.clientId, NEW_URI));
    // The demo app's credentials cannot redeem another app's code; the new app's can.
    expect((await exchange(demo, { grant_type: 'authorization_code', code, redirect_uri: NEW_URI })).status).toBe(400);
    const code2 = codeFrom(await authorize(app.clientId, NEW_URI));
    expect((await exchange(app, { grant_type: 'authorization_code', code: code2, redirect_uri: NEW_URI })).status).toBe(200);
  });

  it('keeps given credentials, refuses a taken client id with 409 and bad fields with 400', async () => {
    const given = { clientId: 'ABgivenClient', clientSecret: 'given-secret', name: 'Given', redirectUris: [NEW_URI], webhookVerifierToken: 'vt-1' };
    const created = await h.admin<AppView>('POST', '/oauth/apps', given);
    expect(created).toEqual({ status: 201, body: given });

    for (const clientId of ['ABgivenClient', demo.clientId]) {
      const dup = await h.admin<{ error: string; message: string }>('POST', '/oauth/apps', { clientId, redirectUris: [] });
      expect(dup.status).toBe(409);
      expect(dup.body.error).toBe('conflict');
      expect(dup.body.message).toContain(clientId);
    }

    for (const [body, message] of [
      [{ redirectUris: 'http://x/cb' }, /\bredirectUris\b.*array/],
      [{ redirectUris: ['http://ok/cb', 'nope'] }, /\bredirectUris\[1\].*absolute/],
      [{ redirectUris: ['http://ok/cb#x'] }, /redirectUris.*fragment/],
      [{ clientSecret: 5 }, /\bclientSecret\b/],
      [{ clientId: '' }, /\bclientId\b/],
      [{ secret: 'x' }, /unknown field secret/],
    ] as const) {
      const res = await h.admin<{ message: string }>('POST', '/oauth/apps', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.message, JSON.stringify(body)).toMatch(message);
    }
    // Only the demo app and the one good registration exist, and the demo app is untouched.
    const view = await oauth();
    expect(view.apps.map((a) => a.clientId).sort()).toEqual(['ABgivenClient', demo.clientId].sort());
    expect(view.apps.find((a) => a.demo)!.redirectUris).toEqual(demo.redirectUris);
  });
});

describe('POST /_sandbox/reset', () => {
  it('undoes auto-approve, added redirect URIs, registered apps and the stats', async () => {
    await h.admin('PUT', '/oauth/auto-approve', { on: true });
    await h.admin('POST', `/oauth/apps/${demo.clientId}/redirect-uris`, { uri: NEW_URI });
    await h.admin('POST', '/oauth/apps', { clientId: 'ABtemp', redirectUris: [] });
    const code = codeFrom(await authorize(demo.clientId, demo.redirectUris[0]!));
    await exchange(demo, { grant_type: 'authorization_code', code, redirect_uri: demo.redirectUris[0]! });

    expect((await h.admin('POST', '/reset')).status).toBe(200);
    expect(await oauth()).toEqual({
      autoApprove: false,
      demoClientId: demo.clientId,
      apps: [{ clientId: demo.clientId, name: expect.any(String) as string, redirectUris: demo.redirectUris, demo: true }],
      stats: { authorizationCode: 0, refreshToken: 0, revoke: 0 },
    });
  });
});

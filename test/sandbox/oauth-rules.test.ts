/**
 * The sandbox OAuth server's rules over HTTP, beyond the happy dance: bearer-header checks, OpenID-only
 * grants, the configurable refresh-token rotation readings (facts §6.3), lifetimes on the virtual clock,
 * token-endpoint and authorize errors, and the test/admin hooks.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CALLBACK, COMPANIES, authorizeInBrowser, startHarness, submitConsent, type Harness } from './oauth-harness.js';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const [AU, US] = COMPANIES;
const SECOND_APP = {
  clientId: 'ABsecondAppClientId000000000000000000000000000000',
  clientSecret: 'secondAppSecret0000000000000000000000000',
  name: 'Second app',
  redirectUris: ['https://second.example/cb'],
  webhookVerifierToken: '11111111-2222-3333-4444-555555555555',
};

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function harness(options: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  h = await startHarness(options);
  return h;
}

function basic(clientId: string, secret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
}

async function tokenCall(
  hx: Harness,
  body: Record<string, string>,
  init: { auth?: string | null; contentType?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
  const auth = init.auth === undefined ? basic(hx.oauth.demoApp.clientId, hx.oauth.demoApp.clientSecret) : init.auth;
  if (auth !== null) headers.Authorization = auth;
  const contentType = init.contentType ?? 'application/x-www-form-urlencoded';
  headers['Content-Type'] = contentType;
  const res = await fetch(`${hx.base}/oauth2/v1/tokens/bearer`, {
    method: 'POST',
    headers,
    body: contentType.includes('json') ? JSON.stringify(body) : new URLSearchParams(body).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function refresh(hx: Harness, refreshToken: string, auth?: string) {
  return tokenCall(hx, { grant_type: 'refresh_token', refresh_token: refreshToken }, { auth });
}

function authorizeUrl(hx: Harness, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  const all = { client_id: hx.oauth.demoApp.clientId, redirect_uri: CALLBACK, response_type: 'code', scope: 'com.intuit.quickbooks.accounting', state: 'st', ...params };
  for (const [k, v] of Object.entries(all)) if (v !== undefined) query.set(k, v);
  return `${hx.base}/connect/oauth2?${query.toString()}`;
}

function faultOf(body: unknown): { code: string; detail: string } {
  const first = (body as { fault: { error: Array<{ code: string; detail: string }> } }).fault.error[0];
  if (!first) throw new Error('no fault entry');
  return first;
}

describe('bearer checks on data calls', () => {
  it('answers missing, non-Bearer, wrong-length and unknown tokens with 401/3200', async () => {
    const hx = await harness();
    const missing = await fetch(`${hx.base}/v3/company/${AU.realmId}/companyinfo/1`);
    expect(missing.status).toBe(401);
    expect(faultOf(await missing.json())).toMatchObject({ code: '3200', detail: 'Authorization header is missing' });

    const basicAuth = await fetch(`${hx.base}/v3/company/${AU.realmId}/companyinfo/1`, { headers: { Authorization: 'Basic abc' } });
    expect(faultOf(await basicAuth.json()).code).toBe('3200');

    const short = await hx.dataCall(AU.realmId, 'abc');
    expect(short.status).toBe(401);
    expect(faultOf(short.body).detail).toBe('Malformed bearer token: too short or too long');

    const unknown = await hx.dataCall(AU.realmId, 'x'.repeat(600));
    expect(unknown.status).toBe(401);
    expect(faultOf(unknown.body).code).toBe('3200');
  });
});

describe('OpenID-only grants', () => {
  it('skips the company choice, omits realmId, serves userinfo and is refused on company data with 403/3100', async () => {
    const hx = await harness();
    const { page, callbackUrl } = await authorizeInBrowser(authorizeUrl(hx, { scope: 'openid email' }));
    expect(page).not.toContain(AU.companyName);
    const callback = new URL(callbackUrl);
    expect(callback.searchParams.has('realmId')).toBe(false);
    const tokens = await tokenCall(hx, { grant_type: 'authorization_code', code: callback.searchParams.get('code') ?? '', redirect_uri: CALLBACK });
    expect(tokens.status).toBe(200);
    expect(typeof tokens.body.id_token).toBe('string');
    const payload = JSON.parse(Buffer.from(String(tokens.body.id_token).split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(payload).toMatchObject({ aud: [hx.oauth.demoApp.clientId], iss: 'https://oauth.platform.intuit.com/op/v1' });
    expect(payload).not.toHaveProperty('realmid');

    const access = String(tokens.body.access_token);
    const info = await fetch(`${hx.base}/v1/openid_connect/userinfo`, { headers: { Authorization: `Bearer ${access}` } });
    expect(await info.json()).toEqual({ sub: expect.any(String) as unknown, email: 'sandbox.user@example.com', emailVerified: true });
    const data = await hx.dataCall(AU.realmId, access);
    expect(data.status).toBe(403);
    expect(faultOf(data.body).code).toBe('3100');
  });

  it('refuses accounting data to a payments-only connection of the same company with 403/3100', async () => {
    const hx = await harness();
    const { callbackUrl } = await authorizeInBrowser(authorizeUrl(hx, { scope: 'com.intuit.quickbooks.payment' }));
    const callback = new URL(callbackUrl);
    // Payments is a company scope: a company is chosen and returned.
    expect(callback.searchParams.get('realmId')).toBe(AU.realmId);
    const tokens = await tokenCall(hx, { grant_type: 'authorization_code', code: callback.searchParams.get('code') ?? '', redirect_uri: CALLBACK });
    const data = await hx.dataCall(AU.realmId, String(tokens.body.access_token));
    expect(data.status).toBe(403);
    expect(faultOf(data.body)).toMatchObject({ code: '3100', detail: expect.stringContaining('com.intuit.quickbooks.accounting') as unknown });
  });

  it('refuses userinfo without the openid scope (403) and with a bad token (401)', async () => {
    const hx = await harness();
    const { callbackUrl } = await authorizeInBrowser(authorizeUrl(hx, {}));
    const code = new URL(callbackUrl).searchParams.get('code') ?? '';
    const tokens = await tokenCall(hx, { grant_type: 'authorization_code', code, redirect_uri: CALLBACK });
    expect(tokens.body).not.toHaveProperty('id_token');
    const noOpenId = await fetch(`${hx.base}/v1/openid_connect/userinfo`, { headers: { Authorization: `Bearer ${String(tokens.body.access_token)}` } });
    expect(noOpenId.status).toBe(403);
    const bad = await fetch(`${hx.base}/v1/openid_connect/userinfo`, { headers: { Authorization: `Bearer ${'y'.repeat(100)}` } });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ error: 'invalid_token' });
  });
});

describe('refresh-token rotation readings', () => {
  it('by default keeps x_refresh_token_expires_in as the remaining life and kills a token 100 days after its last use', async () => {
    const hx = await harness();
    const first = hx.oauth.issueTokensForTest(AU.realmId);
    hx.clock.advance(10 * DAY);
    const used = await refresh(hx, first.refresh_token);
    expect(used.status).toBe(200);
    const current = String(used.body.refresh_token);
    expect(used.body.x_refresh_token_expires_in).toBe(100 * 24 * 3600);
    hx.clock.advance(100 * DAY);
    expect(await refresh(hx, current)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('reports the hard expiry only when asked with x-include-refresh-token-hard-expires-in', async () => {
    const hx = await harness();
    const first = hx.oauth.issueTokensForTest(AU.realmId);
    const plain = await refresh(hx, first.refresh_token);
    expect(plain.body).not.toHaveProperty('x_refresh_token_hard_expires_in');
    const asked = await tokenCall(hx, { grant_type: 'refresh_token', refresh_token: first.refresh_token }, { headers: { 'x-include-refresh-token-hard-expires-in': 'true' } });
    // Remaining seconds of the 5-year cap, counted from the connection's start (real time ticks on meanwhile).
    const hard = Number(asked.body.x_refresh_token_hard_expires_in);
    expect(hard).toBeLessThanOrEqual(5 * 365 * 24 * 3600);
    expect(hard).toBeGreaterThan(5 * 365 * 24 * 3600 - 30);
  });

  it('lets only one of two racing refreshes past the rotation win; the loser gets invalid_grant (facts §9.1)', async () => {
    const hx = await harness();
    const first = hx.oauth.issueTokensForTest(AU.realmId);
    hx.clock.advance(25 * HOUR);
    const results = await Promise.all([refresh(hx, first.refresh_token), refresh(hx, first.refresh_token)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    expect(results.find((r) => r.status === 400)?.body).toEqual({ error: 'invalid_grant', error_description: 'Incorrect or invalid refresh token' });
  });

  it('with a 24 h grace (oauth-jsclient README reading) honours the superseded token until the grace ends', async () => {
    const hx = await harness({ policy: { supersededRefreshToken: { graceSeconds: 24 * 3600 } } });
    const first = hx.oauth.issueTokensForTest(AU.realmId);
    hx.clock.advance(25 * HOUR);
    const rotated = await refresh(hx, first.refresh_token);
    const second = String(rotated.body.refresh_token);
    expect(second).not.toBe(first.refresh_token);
    hx.clock.advance(23 * HOUR);
    const graced = await refresh(hx, first.refresh_token);
    expect(graced.status).toBe(200);
    expect(graced.body.refresh_token).toBe(second);
    hx.clock.advance(2 * HOUR);
    expect(await refresh(hx, first.refresh_token)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('with supersession on first use of the successor, the old value works until the new one is used', async () => {
    const hx = await harness({ policy: { supersededRefreshToken: { after: 'successor-used' } } });
    const first = hx.oauth.issueTokensForTest(AU.realmId);
    hx.clock.advance(25 * HOUR);
    const second = String((await refresh(hx, first.refresh_token)).body.refresh_token);
    const lost = await refresh(hx, first.refresh_token);
    expect(lost.status).toBe(200);
    expect(lost.body.refresh_token).toBe(second);
    expect((await refresh(hx, second)).status).toBe(200);
    expect(await refresh(hx, first.refresh_token)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('with rotation on every refresh, each refresh returns a new value and strands the previous one', async () => {
    const hx = await harness({ policy: { refreshTokenRotationSeconds: 0 } });
    const first = hx.oauth.issueTokensForTest(AU.realmId);
    const second = String((await refresh(hx, first.refresh_token)).body.refresh_token);
    expect(second).not.toBe(first.refresh_token);
    expect((await refresh(hx, first.refresh_token)).status).toBe(400);
    expect((await refresh(hx, second)).status).toBe(200);
  });

  it("refuses another app's refresh token with invalid_grant", async () => {
    const hx = await harness({ apps: [SECOND_APP] });
    const tokens = hx.oauth.issueTokensForTest(AU.realmId);
    const other = await refresh(hx, tokens.refresh_token, basic(SECOND_APP.clientId, SECOND_APP.clientSecret));
    expect(other).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    // Still good for its own app: a foreign attempt must not burn it.
    expect((await refresh(hx, tokens.refresh_token)).status).toBe(200);
  });
});

describe('token endpoint', () => {
  it('expires authorization codes after 300 virtual seconds', async () => {
    const hx = await harness();
    const { callbackUrl } = await authorizeInBrowser(authorizeUrl(hx, {}));
    hx.clock.advance(301 * 1000);
    const res = await tokenCall(hx, { grant_type: 'authorization_code', code: new URL(callbackUrl).searchParams.get('code') ?? '', redirect_uri: CALLBACK });
    expect(res).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('speaks Intuit error JSON for bad grant types, bodies and client authentication', async () => {
    const hx = await harness();
    expect(await tokenCall(hx, { grant_type: 'password' })).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    expect(await tokenCall(hx, {})).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(await tokenCall(hx, { grant_type: 'refresh_token' }, { contentType: 'application/json' })).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(await tokenCall(hx, { grant_type: 'refresh_token', refresh_token: 'x' }, { auth: null })).toEqual({ status: 401, body: { error: 'invalid_client' } });
    expect(await tokenCall(hx, { grant_type: 'refresh_token', refresh_token: 'x' }, { auth: 'Basic !!!' })).toEqual({ status: 401, body: { error: 'invalid_client' } });
  });

  it('accepts client_secret_post as the discovery document advertises', async () => {
    const hx = await harness();
    const tokens = hx.oauth.issueTokensForTest(US.realmId);
    const res = await tokenCall(
      hx,
      { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: hx.oauth.demoApp.clientId, client_secret: hx.oauth.demoApp.clientSecret },
      { auth: null },
    );
    expect(res.status).toBe(200);
  });

  it('can revoke one token only when configured so', async () => {
    const hx = await harness({ policy: { revokeScope: 'token' } });
    const tokens = hx.oauth.issueTokensForTest(AU.realmId);
    const res = await fetch(`${hx.base}/v2/oauth2/tokens/revoke`, {
      method: 'POST',
      headers: { Authorization: basic(hx.oauth.demoApp.clientId, hx.oauth.demoApp.clientSecret), 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ token: tokens.access_token }),
    });
    expect(res.status).toBe(200);
    expect((await hx.dataCall(AU.realmId, tokens.access_token)).status).toBe(401);
    expect((await refresh(hx, tokens.refresh_token)).status).toBe(200);
  });
});

describe('authorize endpoint', () => {
  it('redirects request errors back to the app with the state', async () => {
    const hx = await harness();
    const cases: Array<[Record<string, string | undefined>, string]> = [
      [{ state: undefined }, 'invalid_request'],
      [{ scope: 'com.intuit.quickbooks.accounting made.up' }, 'invalid_scope'],
      [{ scope: undefined }, 'invalid_scope'],
      [{ response_type: 'token' }, 'unsupported_response_type'],
    ];
    for (const [params, error] of cases) {
      const res = await fetch(authorizeUrl(hx, params), { redirect: 'manual' });
      expect(res.status, error).toBe(302);
      const location = new URL(res.headers.get('location') ?? '');
      expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
      expect(location.searchParams.get('error')).toBe(error);
    }
  });

  it('accepts each consent form once', async () => {
    const hx = await harness();
    const url = authorizeUrl(hx, {});
    const html = await (await fetch(url)).text();
    expect((await submitConsent(url, html, { button: 'connect' })).status).toBe(302);
    expect((await submitConsent(url, html, { button: 'connect' })).status).toBe(400);
  });

  it('preselects the company named by the realmId hint on the consent page', async () => {
    const hx = await harness();
    const { callbackUrl } = await authorizeInBrowser(authorizeUrl(hx, { realmId: US.realmId }));
    expect(new URL(callbackUrl).searchParams.get('realmId')).toBe(US.realmId);
  });

  it('refuses a company that is not listed', async () => {
    const hx = await harness();
    const url = authorizeUrl(hx, {});
    const html = (await (await fetch(url)).text()).replace(`value="${AU.realmId}"`, 'value="123"');
    const res = await submitConsent(url, html, { button: 'connect', realmId: '123' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });
});

describe('test and admin hooks', () => {
  it('registers redirect URIs, and reset drops every token and restores the options', async () => {
    const hx = await harness({ autoApprove: true });
    expect((await fetch(authorizeUrl(hx, { redirect_uri: 'http://localhost:5173/cb' }), { redirect: 'manual' })).status).toBe(400);
    hx.oauth.addRedirectUri(hx.oauth.demoApp.clientId, 'http://localhost:5173/cb');
    expect((await fetch(authorizeUrl(hx, { redirect_uri: 'http://localhost:5173/cb' }), { redirect: 'manual' })).status).toBe(302);

    const tokens = hx.oauth.issueTokensForTest(AU.realmId);
    hx.oauth.setAutoApprove(false);
    hx.oauth.reset();
    expect((await hx.dataCall(AU.realmId, tokens.access_token)).status).toBe(401);
    expect((await refresh(hx, tokens.refresh_token)).status).toBe(400);
    expect(hx.oauth.demoApp.redirectUris).not.toContain('http://localhost:5173/cb');
    expect((await fetch(authorizeUrl(hx, {}), { redirect: 'manual' })).status).toBe(302);
  });

  it('lists the demo app with its webhook verifier token and refuses test tokens for unknown companies', async () => {
    const hx = await harness({ apps: [SECOND_APP] });
    expect(hx.oauth.apps().map((a) => a.clientId)).toEqual([hx.oauth.demoApp.clientId, SECOND_APP.clientId]);
    expect(hx.oauth.demoApp.redirectUris).toEqual(['http://localhost:4000/oauth/callback', 'http://127.0.0.1:4000/oauth/callback']);
    expect(hx.oauth.demoApp.webhookVerifierToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(() => hx.oauth.issueTokensForTest('1')).toThrow(/no sandbox company/);
  });
});

/**
 * The real intuit-oauth client against the sandbox over HTTP: the full connect dance (authorize page,
 * consent form, callback, code exchange, refresh with rotation, revoke) and the ways it must fail.
 */
import OAuthClient from 'intuit-oauth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALLBACK, COMPANIES, OTHER_CALLBACK, authorizeInBrowser, oauthFailure, startHarness, type Harness } from './oauth-harness.js';

const HOUR = 3600 * 1000;
const SCOPES = [OAuthClient.scopes.Accounting, OAuthClient.scopes.OpenId, OAuthClient.scopes.Profile, OAuthClient.scopes.Email];
const [AU, US] = COMPANIES;

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

function gatewayError(body: unknown): { code: string; message: string; detail: string; type: string } {
  const fault = (body as { fault: { error: Array<{ code: string; message: string; detail: string }>; type: string } }).fault;
  const first = fault.error[0];
  if (!first) throw new Error('gateway fault without an error entry');
  return { ...first, type: fault.type };
}

describe('intuit-oauth connect dance', () => {
  it('authorizes, exchanges the code, rotates the refresh token after 24 h, rejects the superseded one and revokes', async () => {
    const client = h.newClient();
    const authorizeUrl = client.authorizeUri({ scope: SCOPES, state: 'csrf-42' });
    expect(authorizeUrl.startsWith(`${h.base}/connect/oauth2?`)).toBe(true);

    const { page, callbackUrl } = await authorizeInBrowser(authorizeUrl, { button: 'connect', realmId: US.realmId });
    expect(page).toContain(AU.companyName);
    expect(page).toContain(US.companyName);
    expect(page).toContain('fieldbooks (sandbox demo app)');
    const callback = new URL(callbackUrl);
    expect(`${callback.origin}${callback.pathname}`).toBe(CALLBACK);
    expect(callback.searchParams.get('state')).toBe('csrf-42');
    expect(callback.searchParams.get('realmId')).toBe(US.realmId);
    expect(callback.searchParams.get('code')).toMatch(/^AB11\d+[A-Za-z0-9]+$/);

    const created = await client.createToken(callbackUrl);
    const first = created.getJson() as Record<string, unknown>;
    expect(first).toMatchObject({ token_type: 'bearer', expires_in: 3600, x_refresh_token_expires_in: 100 * 24 * 3600 });
    expect(typeof first.id_token).toBe('string');
    expect(client.getToken().realmId).toBe(US.realmId);
    const access1 = client.getToken().access_token;
    const refresh1 = client.getToken().refresh_token;
    expect(created.headers()).toHaveProperty('intuit_tid');
    expect(created.headers()['cache-control']).toBe('no-store');

    expect((await h.dataCall(US.realmId, access1)).status).toBe(200);
    const userinfo = (await client.getUserInfo()).getJson() as Record<string, unknown>;
    expect(userinfo).toMatchObject({ email: 'sandbox.user@example.com', givenName: 'Sandy', emailVerified: true });
    expect(userinfo).not.toHaveProperty('phoneNumber');
    // The id_token verifies against this host's JWKS with Intuit's issuer check.
    await expect(client.validateIdToken()).resolves.toBe(true);

    // Inside the 24 h window the refresh token keeps its value; the access token is new.
    h.clock.advance(2 * HOUR);
    const same = (await client.refreshUsingToken(refresh1)).getJson() as Record<string, unknown>;
    expect(same.refresh_token).toBe(refresh1);
    expect(same.access_token).not.toBe(access1);
    expect(same.x_refresh_token_expires_in).toBe(100 * 24 * 3600);

    // After 24 h the value rotates, and the superseded one is dead at once (the stricter reading of facts §6.3).
    h.clock.advance(23 * HOUR);
    const rotated = (await client.refreshUsingToken(refresh1)).getJson() as Record<string, unknown>;
    const refresh2 = rotated.refresh_token as string;
    expect(refresh2).not.toBe(refresh1);
    const stale = await oauthFailure(client.refreshUsingToken(refresh1));
    expect(stale).toMatchObject({ error: 'invalid_grant', status: 400, body: { error: 'invalid_grant', error_description: 'Incorrect or invalid refresh token' } });

    const again = (await client.refreshUsingToken(refresh2)).getJson() as Record<string, unknown>;
    expect(again.refresh_token).toBe(refresh2);
    const access3 = again.access_token as string;
    expect((await h.dataCall(US.realmId, access3)).status).toBe(200);

    const revoked = await client.revoke({ refresh_token: refresh2 });
    expect(revoked.status()).toBe(200);
    const afterRevoke = await oauthFailure(client.refreshUsingToken(refresh2));
    expect(afterRevoke).toMatchObject({ error: 'invalid_grant', status: 400 });
    // Revoking the refresh token ends the whole connection, including live access tokens.
    const data = await h.dataCall(US.realmId, access3);
    expect(data.status).toBe(401);
    expect(gatewayError(data.body)).toMatchObject({ code: '3200', type: 'AUTHENTICATION', detail: 'Token revoked' });
  });

  it('redirects a declined consent with access_denied and the state, and no code', async () => {
    const client = h.newClient();
    const { callbackUrl } = await authorizeInBrowser(client.authorizeUri({ scope: SCOPES, state: 'nope-1' }), { button: 'cancel' });
    const callback = new URL(callbackUrl);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe('nope-1');
    expect(callback.searchParams.has('code')).toBe(false);
    expect(callback.searchParams.has('realmId')).toBe(false);
  });

  it('accepts a code once; a replay fails invalid_grant and revokes what the code produced', async () => {
    const client = h.newClient();
    const { callbackUrl } = await authorizeInBrowser(client.authorizeUri({ scope: SCOPES, state: 's' }));
    await client.createToken(callbackUrl);
    const access = client.getToken().access_token;
    expect((await h.dataCall(AU.realmId, access)).status).toBe(200);

    const replay = await oauthFailure(h.newClient().createToken(callbackUrl));
    expect(replay).toMatchObject({ error: 'invalid_grant', status: 400 });
    expect((await h.dataCall(AU.realmId, access)).status).toBe(401);
  });

  it('rejects a code exchanged with a redirect_uri other than the authorized one, and shows an error page for an unregistered one', async () => {
    const client = h.newClient();
    const { callbackUrl } = await authorizeInBrowser(client.authorizeUri({ scope: SCOPES, state: 's' }));
    const other = h.newClient({ redirectUri: OTHER_CALLBACK });
    expect(await oauthFailure(other.createToken(callbackUrl))).toMatchObject({ error: 'invalid_grant', status: 400 });

    const rogue = h.newClient({ redirectUri: 'https://evil.example/callback' });
    const res = await fetch(rogue.authorizeUri({ scope: SCOPES, state: 's' }), { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('redirect_uri');
  });

  it('answers a bad client secret with 401 {"error":"invalid_client"}', async () => {
    const client = h.newClient();
    const { callbackUrl } = await authorizeInBrowser(client.authorizeUri({ scope: SCOPES, state: 's' }));
    const impostor = h.newClient({ clientSecret: 'not-the-secret' });
    const failure = await oauthFailure(impostor.createToken(callbackUrl));
    expect(failure.status).toBe(401);
    expect(failure.body).toEqual({ error: 'invalid_client' });
    // A failed client authentication must not spend the code.
    await expect(client.createToken(callbackUrl)).resolves.toBeDefined();

    const unknownApp = h.newClient({ clientId: 'ABunknown' });
    const page = await fetch(unknownApp.authorizeUri({ scope: SCOPES, state: 's' }), { redirect: 'manual' });
    expect(page.status).toBe(400);
    expect(page.headers.get('location')).toBeNull();
  });

  it('gives 403/3100 in the gateway shape for a token used on another company', async () => {
    const client = h.newClient();
    const { callbackUrl } = await authorizeInBrowser(client.authorizeUri({ scope: SCOPES, state: 's' }), { button: 'connect', realmId: AU.realmId });
    await client.createToken(callbackUrl);
    const res = await h.dataCall(US.realmId, client.getToken().access_token);
    expect(res.status).toBe(403);
    expect(gatewayError(res.body)).toMatchObject({
      code: '3100',
      type: 'AUTHORIZATION',
      message: 'message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403',
    });
    expect(() => h.oauth.authenticate(`Bearer ${client.getToken().access_token}`, US.realmId)).toThrow(/3100/);
  });

  it('expires access tokens after 3600 s of virtual time with 401/3200 in the gateway shape', async () => {
    const tokens = h.oauth.issueTokensForTest(AU.realmId);
    h.clock.advance(3599 * 1000);
    expect((await h.dataCall(AU.realmId, tokens.access_token)).status).toBe(200);
    h.clock.advance(1000);
    const res = await h.dataCall(AU.realmId, tokens.access_token);
    expect(res.status).toBe(401);
    expect(Object.keys(res.body as object).sort()).toEqual(
      ['attachableResponse', 'batchItemResponse', 'cdcresponse', 'fault', 'intuitObject', 'queryResponse', 'report', 'requestId', 'status', 'syncErrorResponse', 'time', 'warnings'].sort(),
    );
    expect(gatewayError(res.body)).toMatchObject({
      code: '3200',
      type: 'AUTHENTICATION',
      message: 'message=AuthenticationFailed; errorCode=003200; statusCode=401',
      detail: 'Token expired',
    });
    // Gateway faults carry epoch-ms time from the virtual clock (not the Pacific string of data faults).
    const time = (res.body as { time: unknown }).time;
    expect(typeof time).toBe('number');
    expect(Math.abs((time as number) - h.clock.now())).toBeLessThan(60_000);
  });

  it('auto-approves straight to the callback with the hinted company when switched on', async () => {
    h.oauth.setAutoApprove(true);
    const client = h.newClient();
    const res = await fetch(`${client.authorizeUri({ scope: SCOPES, state: 'auto' })}&realmId=${US.realmId}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const callback = new URL(res.headers.get('location') ?? '');
    expect(callback.searchParams.get('realmId')).toBe(US.realmId);
    expect(callback.searchParams.get('state')).toBe('auto');
    await client.createToken(callback.toString());
    expect((await h.dataCall(US.realmId, client.getToken().access_token)).status).toBe(200);

    h.oauth.setAutoApprove(false);
    const page = await fetch(client.authorizeUri({ scope: SCOPES, state: 'manual' }), { redirect: 'manual' });
    expect(page.status).toBe(200);
  });

  it('publishes a discovery document that points at this host', async () => {
    const doc = (await (await fetch(`${h.base}/.well-known/openid_configuration`)).json()) as Record<string, unknown>;
    expect(doc).toMatchObject({
      issuer: 'https://oauth.platform.intuit.com/op/v1',
      authorization_endpoint: `${h.base}/connect/oauth2`,
      token_endpoint: `${h.base}/oauth2/v1/tokens/bearer`,
      revocation_endpoint: `${h.base}/v2/oauth2/tokens/revoke`,
      userinfo_endpoint: `${h.base}/v1/openid_connect/userinfo`,
      jwks_uri: `${h.base}/op/v1/jwks`,
      response_types_supported: ['code'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    });
  });
});

/**
 * Connecting to QuickBooks through the simulator's consent page and the gateway's /oauth/callback,
 * over real HTTP; declined, forged, replayed and cross-company attempts; disconnect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompleteQuickBooksConnectionDocument, ConnectionChangedDocument, ConnectionDocument, ConnectQuickBooksDocument, DisconnectQuickBooksDocument, VerifyQuickBooksConnectionDocument } from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql, wsClient } from '../helpers/graphql-client.js';
import { connectThroughBrowser, realmOf, simulatorOf, startConnect, TestBrowser } from '../helpers/quickbooks.js';
import { authorizeInBrowser } from '../sandbox/oauth-harness.js';

let gw: TestGateway;

beforeAll(async () => {
  // Many tenants of this file connect the simulator's one AU company: sharing is the operator's opt-in
  // (test/security/oauth-binding.test.ts covers the default, one tenant per company).
  gw = await startTestGateway('connect', { FIELDBOOKS_ALLOW_SHARED_REALMS: 'true' });
});
afterAll(async () => {
  await gw?.close();
});

async function newTenant(name: string): Promise<string> {
  return (await gw.app.services.tenants.createTenant(name)).apiKey;
}

async function status(key: string) {
  const result = await gql(gw.graphqlUrl, ConnectionDocument, {}, key);
  expect(result.errors).toBeUndefined();
  return result.data!.quickBooksConnection;
}

describe('storage', () => {
  it('holds at most one connection per tenant (a unique index, not just a convention)', async () => {
    const indexes = await gw.app.database.connection.collection('quickbooks_connections').indexes();
    expect(indexes.find((i) => JSON.stringify(i.key) === '{"tenantId":1}')?.unique).toBe(true);
  });
});

describe('connecting', () => {
  it('starts NOT_CONNECTED, and the authorization URL carries the accounting scope, our callback and a state', async () => {
    const key = await newTenant('Fresh Co');
    expect((await status(key)).status).toBe('NOT_CONNECTED');
    const url = new URL(await startConnect(gw, key));
    expect(url.origin + url.pathname).toBe(`${gw.app.quickbooks.endpoints.apiBaseUrl}/connect/oauth2`);
    expect(url.searchParams.get('scope')).toBe('com.intuit.quickbooks.accounting');
    expect(url.searchParams.get('redirect_uri')).toBe(`${gw.url}/oauth/callback`);
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
  });

  it('completes the full flow: consent page -> callback -> CONNECTED with the company, announced on the subscription', async () => {
    const key = await newTenant('Bondi Plumbing');
    const client = wsClient(gw.wsUrl, key);
    const events: string[] = [];
    const unsubscribe = client.subscribe({ query: 'subscription { quickBooksConnectionChanged { status companyName } }' }, {
      next: (e) => events.push((e.data as { quickBooksConnectionChanged: { status: string } }).quickBooksConnectionChanged.status),
      error: () => {},
      complete: () => {},
    });
    await new Promise((r) => setTimeout(r, 100));

    const attempt = await connectThroughBrowser(gw, key, { country: 'AU' });
    expect(attempt.response.status).toBe(200);
    expect(await attempt.response.text()).toContain('QuickBooks connected');

    const au = realmOf(gw, 'AU');
    const connection = await status(key);
    expect(connection).toMatchObject({ status: 'CONNECTED', realmId: au.realmId, companyName: au.name, country: 'AU', environment: 'simulator', reason: null, customerImportSuggested: true });
    expect(new Date(connection.accessTokenExpiresAt!).getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(new Date(connection.refreshTokenExpiresAt!).getTime()).toBeGreaterThan(Date.now() + 50 * 86_400_000);

    await new Promise((r) => setTimeout(r, 100));
    unsubscribe();
    await client.dispose();
    expect(events).toContain('CONNECTED');

    const verified = await gql(gw.graphqlUrl, VerifyQuickBooksConnectionDocument, {}, key);
    expect(verified.data?.verifyQuickBooksConnection.companyName).toBe(au.name);
  });

  it('redirects to returnTo on an allowed origin, and refuses other origins', async () => {
    const key = await newTenant('Return Co');
    const attempt = await connectThroughBrowser(gw, key, { returnTo: `${gw.url}/settings?tab=quickbooks` });
    expect(attempt.response.status).toBe(303);
    const location = new URL(attempt.response.headers.get('location')!);
    expect(location.pathname).toBe('/settings');
    expect(location.searchParams.get('quickbooks')).toBe('connected');
    expect(location.searchParams.get('tab')).toBe('quickbooks');

    const refused = await gql(gw.graphqlUrl, ConnectQuickBooksDocument, { returnTo: 'https://evil.example.com/steal' }, key);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.extensions?.fields).toEqual([{ path: ['returnTo'], message: 'origin https://evil.example.com is not allowed' }]);
  });

  it('a declined consent leaves NOT_CONNECTED with the reason, and no tokens', async () => {
    const key = await newTenant('Declined Co');
    const attempt = await connectThroughBrowser(gw, key, { button: 'cancel', returnTo: `${gw.url}/settings` });
    expect(attempt.callbackUrl).toContain('error=access_denied');
    expect(attempt.response.status).toBe(303);
    expect(new URL(attempt.response.headers.get('location')!).searchParams.get('reason')).toBe('CONSENT_DECLINED');
    const connection = await status(key);
    expect(connection).toMatchObject({ status: 'NOT_CONNECTED', reason: 'CONSENT_DECLINED', realmId: null, accessTokenExpiresAt: null });
  });

  it('refuses a replayed state and a forged state, changing nothing', async () => {
    const key = await newTenant('Replay Co');
    const attempt = await connectThroughBrowser(gw, key);
    expect(attempt.response.status).toBe(200);
    await gw.app.services.connections.idle();
    const before = await status(key);

    const replay = await attempt.browser.fetch(attempt.callbackUrl);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toMatch(/unknown, was already used or has expired/);

    const forged = new URL(attempt.callbackUrl);
    forged.searchParams.set('state', 'A'.repeat(43));
    const forgedResponse = await fetch(forged, { redirect: 'manual' });
    expect(forgedResponse.status).toBe(400);

    const viaMutation = await gql(gw.graphqlUrl, CompleteQuickBooksConnectionDocument, { callbackUrl: attempt.callbackUrl }, key);
    expect(viaMutation.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'STATE_INVALID' });
    expect(await status(key)).toEqual(before);
  });

  it("does not accept another tenant's state through completeQuickBooksConnection", async () => {
    const keyA = await newTenant('State Owner');
    const keyB = await newTenant('State Thief');
    const authorizationUrl = await startConnect(gw, keyA);
    const { callbackUrl } = await authorizeInBrowser(authorizationUrl, { button: 'connect', realmId: realmOf(gw, 'AU').realmId });
    const stolen = await gql(gw.graphqlUrl, CompleteQuickBooksConnectionDocument, { callbackUrl }, keyB);
    expect(stolen.errors?.[0]?.extensions?.reason).toBe('STATE_INVALID');
    expect((await status(keyB)).status).toBe('NOT_CONNECTED');
    // The rightful owner can still finish (the state was not consumed by the thief).
    const owner = await gql(gw.graphqlUrl, CompleteQuickBooksConnectionDocument, { callbackUrl }, keyA);
    expect(owner.data?.completeQuickBooksConnection.status).toBe('CONNECTED');
  });

  it('a code that fails to exchange leaves a clear status and no half-made connection', async () => {
    const key = await newTenant('Bad Code Co');
    const browser = new TestBrowser();
    const authorizationUrl = await browser.startConnect(gw.graphqlUrl, key);
    const { callbackUrl } = await authorizeInBrowser(authorizationUrl, { button: 'connect', realmId: realmOf(gw, 'AU').realmId });
    const tampered = new URL(callbackUrl);
    tampered.searchParams.set('code', 'not-a-real-code');
    const response = await browser.fetch(tampered);
    expect(response.status).toBe(400);
    expect(await status(key)).toMatchObject({ status: 'NOT_CONNECTED', reason: 'CODE_EXCHANGE_FAILED', realmId: null });
  });

  it('refuses to switch to a different company unless confirmed', async () => {
    const key = await newTenant('Switch Co');
    await connectThroughBrowser(gw, key, { country: 'AU' });
    const refused = await connectThroughBrowser(gw, key, { country: 'US' });
    expect(refused.response.status).toBe(400);
    expect(await refused.response.text()).toContain('would split them');
    const still = await status(key);
    expect(still).toMatchObject({ status: 'CONNECTED', realmId: realmOf(gw, 'AU').realmId });

    const confirmed = await connectThroughBrowser(gw, key, { country: 'US', allowRealmChange: true });
    expect(confirmed.response.status).toBe(200);
    expect(await status(key)).toMatchObject({ status: 'CONNECTED', realmId: realmOf(gw, 'US').realmId, country: 'US', customerImportSuggested: true });
  });

  it('disconnect revokes at Intuit, forgets the tokens and reports NOT_CONNECTED', async () => {
    const key = await newTenant('Leaving Co');
    await connectThroughBrowser(gw, key);
    const revokesBefore = simulatorOf(gw).oauth.stats().revoke;
    const result = await gql(gw.graphqlUrl, DisconnectQuickBooksDocument, {}, key);
    expect(result.data?.disconnectQuickBooks).toMatchObject({ status: 'NOT_CONNECTED', reason: 'DISCONNECTED' });
    expect(simulatorOf(gw).oauth.stats().revoke).toBe(revokesBefore + 1);
    const verify = await gql(gw.graphqlUrl, VerifyQuickBooksConnectionDocument, {}, key);
    expect(verify.errors?.[0]?.extensions?.code).toBe('QUICKBOOKS_NOT_CONNECTED');
    const raw = await gw.app.database.connection.collection('quickbooks_connections').findOne({ status: 'NOT_CONNECTED', reason: 'DISCONNECTED' });
    expect(raw?.tokens).toBeNull();
  });

  it('the connection subscription only shows the subscriber its own tenant', async () => {
    const keyA = await newTenant('Sub A');
    const keyB = await newTenant('Sub B');
    const client = wsClient(gw.wsUrl, keyB);
    const seen: unknown[] = [];
    const unsubscribe = client.subscribe({ query: 'subscription { quickBooksConnectionChanged { status companyName } }' }, { next: (e) => seen.push(e), error: () => {}, complete: () => {} });
    await new Promise((r) => setTimeout(r, 100));
    await connectThroughBrowser(gw, keyA);
    await new Promise((r) => setTimeout(r, 150));
    unsubscribe();
    await client.dispose();
    expect(seen).toEqual([]);
    void ConnectionChangedDocument;
  });
});

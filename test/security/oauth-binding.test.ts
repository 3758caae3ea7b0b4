/**
 * Issue #11 item 6, over real HTTP and WebSocket against the gateway and its simulator: an OAuth state
 * is bound to the tenant and the API key that started it (another key of the same tenant cannot finish
 * it through the API) and, on the browser callback, to the browser that started it (a consent link
 * opened anywhere else links nothing); a QuickBooks company connected to one tenant is refused for
 * another by default.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CompleteQuickBooksConnectionDocument, ConnectionDocument, ConnectQuickBooksDocument, CreateApiKeyDocument, DisconnectQuickBooksDocument } from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { collect, gql, wsClient } from '../helpers/graphql-client.js';
import { connectThroughBrowser, realmOf, startConnect, TestBrowser } from '../helpers/quickbooks.js';
import { authorizeInBrowser } from '../sandbox/oauth-harness.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway('oauth_binding');
});
afterAll(async () => {
  await gw?.close();
});

const created: string[] = [];
async function newTenant(name: string): Promise<string> {
  const key = (await gw.app.services.tenants.createTenant(name)).apiKey;
  created.push(key);
  return key;
}

// The simulator has two companies: each test leaves them free for the next (one company, one tenant).
afterEach(async () => {
  for (const key of created.splice(0)) {
    const status = await gql(gw.graphqlUrl, ConnectionDocument, {}, key);
    if (status.data?.quickBooksConnection.status === 'CONNECTED') expect((await gql(gw.graphqlUrl, DisconnectQuickBooksDocument, {}, key)).errors).toBeUndefined();
  }
});

describe('connecting is bound to who started it', () => {
  it('a consent link started by one API key cannot be finished by another key, even of the same tenant', async () => {
    const owner = await newTenant('Bound Co');
    const created = await gql(gw.graphqlUrl, CreateApiKeyDocument, { label: 'second' }, owner);
    expect(created.errors).toBeUndefined();
    const otherKey = created.data!.createApiKey.secret;
    const authorizationUrl = await startConnect(gw, owner);
    const { callbackUrl } = await authorizeInBrowser(authorizationUrl, { button: 'connect', realmId: realmOf(gw, 'US').realmId });

    const refused = await gql(gw.graphqlUrl, CompleteQuickBooksConnectionDocument, { callbackUrl }, otherKey);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'STARTED_BY_ANOTHER_KEY' });
    expect(refused.errors?.[0]?.message).toMatch(/started with a different API key/);
    const status = await gql(gw.graphqlUrl, ConnectionDocument, {}, owner);
    expect(status.data?.quickBooksConnection.status).toBe('NOT_CONNECTED');
    // Spent: the link cannot be replayed by the rightful key either.
    const replay = await gql(gw.graphqlUrl, CompleteQuickBooksConnectionDocument, { callbackUrl }, owner);
    expect(replay.errors?.[0]?.extensions?.reason).toBe('STATE_INVALID');

    const again = await startConnect(gw, owner);
    const second = await authorizeInBrowser(again, { button: 'connect', realmId: realmOf(gw, 'US').realmId });
    const done = await gql(gw.graphqlUrl, CompleteQuickBooksConnectionDocument, { callbackUrl: second.callbackUrl }, owner);
    expect(done.data?.completeQuickBooksConnection.status).toBe('CONNECTED');
  });

  it('a consent link opened in another browser links nothing, spends nothing, and the starting browser still finishes', async () => {
    const sender = await newTenant('Link Sender Co');
    const senderBrowser = new TestBrowser();
    const authorizationUrl = await senderBrowser.startConnect(gw.graphqlUrl, sender, { returnTo: `${gw.url}/connection` });
    expect(senderBrowser.cookieNames()).toHaveLength(1);

    // Another company's admin, who has their own fieldbooks session (and connect cookie) in their browser.
    const victim = await newTenant('Link Receiver Co');
    const victimBrowser = new TestBrowser();
    await victimBrowser.startConnect(gw.graphqlUrl, victim);
    const usRealm = realmOf(gw, 'US').realmId;
    const opened = await authorizeInBrowser(authorizationUrl, { button: 'connect', realmId: usRealm });
    const refused = await victimBrowser.fetch(opened.callbackUrl);
    expect(refused.status).toBe(403);
    // Not sent on to the sender's returnTo: the page itself tells the person what to do.
    expect(refused.headers.get('location')).toBeNull();
    const page = await refused.text();
    expect(page).toContain('started in a different browser');
    expect(page).toContain('start connecting again');
    // A browser with no cookie at all, and one with a forged value under the right name, fare no better.
    expect((await fetch(opened.callbackUrl, { redirect: 'manual' })).status).toBe(403);
    const cookieName = senderBrowser.cookieNames()[0]!;
    expect((await fetch(opened.callbackUrl, { redirect: 'manual', headers: { cookie: `${cookieName}=${'x'.repeat(43)}` } })).status).toBe(403);
    for (const key of [sender, victim]) {
      expect((await gql(gw.graphqlUrl, ConnectionDocument, {}, key)).data?.quickBooksConnection).toMatchObject({ status: 'NOT_CONNECTED', realmId: null });
    }

    // Nothing was spent: the sender, in the browser that started it, finishes the same attempt.
    const own = await authorizeInBrowser(authorizationUrl, { button: 'connect', realmId: usRealm });
    const done = await senderBrowser.fetch(own.callbackUrl);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${gw.url}/connection?quickbooks=connected`);
    expect((await gql(gw.graphqlUrl, ConnectionDocument, {}, sender)).data?.quickBooksConnection).toMatchObject({ status: 'CONNECTED', realmId: usRealm });
    // The cookie is cleared once the attempt is spent.
    expect(senderBrowser.cookieNames()).toEqual([]);
  });

  it('the connect cookie is HttpOnly, SameSite=Lax, scoped to the callback path and expires with the attempt', async () => {
    const key = await newTenant('Cookie Check Co');
    const response = await fetch(gw.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: 'mutation { connectQuickBooks { authorizationUrl expiresAt } }' }),
    });
    const body = (await response.json()) as { data: { connectQuickBooks: { expiresAt: string } } };
    const cookies = response.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    const cookie = cookies[0]!;
    expect(cookie).toMatch(/^fieldbooks_connect_[0-9a-f]{24}=[\w-]{43};/);
    expect(cookie).toMatch(/; Path=\/oauth\/callback(;|$)/);
    expect(cookie).toMatch(/; HttpOnly(;|$)/);
    expect(cookie).toMatch(/; SameSite=Lax(;|$)/);
    // Development over plain HTTP: not Secure (production sets it; see production.test.ts).
    expect(cookie).not.toMatch(/Secure/);
    const expires = Date.parse(/Expires=([^;]+)/.exec(cookie)![1]!);
    expect(Math.abs(expires - Date.parse(body.data.connectQuickBooks.expiresAt))).toBeLessThan(1500);
  });

  it('an attempt started over WebSocket cannot be finished in a browser, only through completeQuickBooksConnection with the same key', async () => {
    const key = await newTenant('Socket Started Co');
    const client = wsClient(gw.wsUrl, key);
    try {
      const { events, error } = await collect(client, ConnectQuickBooksDocument, {});
      expect(error).toBeUndefined();
      const authorizationUrl = events[0]!.data!.connectQuickBooks.authorizationUrl;
      const { callbackUrl } = await authorizeInBrowser(authorizationUrl, { button: 'connect', realmId: realmOf(gw, 'US').realmId });

      const browser = new TestBrowser();
      const refused = await browser.fetch(callbackUrl);
      expect(refused.status).toBe(403);
      const page = await refused.text();
      expect(page).toContain('started by an app');
      expect(page).toContain('completeQuickBooksConnection with the same API key');
      expect((await gql(gw.graphqlUrl, ConnectionDocument, {}, key)).data?.quickBooksConnection.status).toBe('NOT_CONNECTED');

      const done = await gql(gw.graphqlUrl, CompleteQuickBooksConnectionDocument, { callbackUrl }, key);
      expect(done.errors).toBeUndefined();
      expect(done.data?.completeQuickBooksConnection).toMatchObject({ status: 'CONNECTED', realmId: realmOf(gw, 'US').realmId });
    } finally {
      await client.dispose();
    }
  });

  it('a company connected to one tenant is refused for another, with a clear message, over the browser callback', async () => {
    const first = await newTenant('First Owner Co');
    const second = await newTenant('Second Owner Co');
    const connected = await connectThroughBrowser(gw, first, { country: 'AU' });
    expect(connected.response.status).toBe(200);
    await gw.app.services.connections.idle();

    const refused = await connectThroughBrowser(gw, second, { country: 'AU' });
    expect(refused.response.status).toBe(400);
    const page = await refused.response.text();
    // The page escapes HTML ("&" in the company's name): compare the text around it.
    expect(page).toContain('QuickBooks company Harbourside Plumbing');
    expect(page).toContain('is already connected to another fieldbooks account');
    const status = await gql(gw.graphqlUrl, ConnectionDocument, {}, second);
    expect(status.data?.quickBooksConnection).toMatchObject({ status: 'NOT_CONNECTED', reason: 'REALM_IN_USE', realmId: null });
    // The first tenant keeps its connection.
    expect((await gql(gw.graphqlUrl, ConnectionDocument, {}, first)).data?.quickBooksConnection).toMatchObject({ status: 'CONNECTED', realmId: realmOf(gw, 'AU').realmId });
  });
});

describe('an operator may allow sharing a company', () => {
  let shared: TestGateway;
  beforeAll(async () => {
    shared = await startTestGateway('oauth_binding_shared', { FIELDBOOKS_ALLOW_SHARED_REALMS: 'true' });
  });
  afterAll(async () => {
    await shared?.close();
  });

  it('connects the same company to two tenants when FIELDBOOKS_ALLOW_SHARED_REALMS=true', async () => {
    for (const name of ['Shared A', 'Shared B']) {
      const key = (await shared.app.services.tenants.createTenant(name)).apiKey;
      const attempt = await connectThroughBrowser(shared, key, { country: 'AU' });
      expect(attempt.response.status).toBe(200);
    }
    await shared.app.services.connections.idle();
  });
});

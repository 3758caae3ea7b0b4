/**
 * Issue #11 item 6, over real HTTP against the gateway and its simulator: an OAuth state is bound to
 * the tenant and the API key that started it (another key of the same tenant cannot finish it through
 * the API), and a QuickBooks company connected to one tenant is refused for another by default.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompleteQuickBooksConnectionDocument, ConnectionDocument, CreateApiKeyDocument } from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';
import { connectThroughBrowser, realmOf, startConnect } from '../helpers/quickbooks.js';
import { authorizeInBrowser } from '../sandbox/oauth-harness.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway('oauth_binding');
});
afterAll(async () => {
  await gw?.close();
});

async function newTenant(name: string): Promise<string> {
  return (await gw.app.services.tenants.createTenant(name)).apiKey;
}

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

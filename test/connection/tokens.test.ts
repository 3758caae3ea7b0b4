/**
 * Token lifecycle against the simulator over real HTTP: one refresh per realm however many requests
 * arrive with an expired token (in one process and across two gateways sharing the database),
 * rotation picked up across processes, revocation leading to RECONNECT_REQUIRED, and no token ever
 * in clear in the database, the logs or an API response.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTokenCipher } from '../../src/connection/encryption-key.js';
import { type StoredTokens } from '../../src/persistence/connection/connection.repository.js';
import { ConnectionDocument, VerifyQuickBooksConnectionDocument } from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';
import { connectTenant, simulatorOf } from '../helpers/quickbooks.js';

const HOUR = 3_600_000;
let gw1: TestGateway;
let gw2: TestGateway;
let key: string;
let tenantId: string;
const logs = new PassThrough();
let logText = '';
logs.on('data', (chunk: Buffer) => (logText += chunk.toString()));

beforeAll(async () => {
  gw1 = await startTestGateway('tokens', { LOG_LEVEL: 'debug' }, { logSink: logs });
  // A second gateway "process": same database, same key folder, same QuickBooks (the first one's simulator).
  gw2 = await startTestGateway('tokens_2', { LOG_LEVEL: 'debug', QBO_SANDBOX_URL: gw1.app.quickbooks.endpoints.apiBaseUrl }, { dbName: gw1.dbName, dataDir: gw1.dataDir, logSink: logs });
  const created = await gw1.app.services.tenants.createTenant('Token Co');
  key = created.apiKey;
  tenantId = created.tenant.id;
  await connectTenant(gw1, key);
});
afterAll(async () => {
  await gw2?.app.close();
  await gw1?.close();
});

async function storedTokens(): Promise<{ access: string; refresh: string; version: number }> {
  const cipher = await loadTokenCipher({ dataDir: gw1.dataDir });
  const doc = await gw1.app.database.connection.collection('quickbooks_connections').findOne({});
  const tokens = doc!.tokens as StoredTokens;
  return { access: cipher.open(tokens.access, `${tenantId}:access`), refresh: cipher.open(tokens.refresh, `${tenantId}:refresh`), version: doc!.tokenVersion as number };
}

function verifyMany(count: number) {
  return Promise.all(
    Array.from({ length: count }, (_, i) => gql((i % 2 === 0 ? gw1 : gw2).graphqlUrl, VerifyQuickBooksConnectionDocument, {}, key)),
  );
}

describe('token refresh', () => {
  it('twenty concurrent requests with an expired access token cause exactly one refresh, across two gateways', async () => {
    const simulator = simulatorOf(gw1);
    const before = await storedTokens();
    const refreshesBefore = simulator.oauth.stats().refreshToken;
    simulator.clock.advance(HOUR + 60_000); // every access token issued so far is now expired at QBO

    const results = await verifyMany(20);
    expect(results.map((r) => r.errors?.[0]?.message ?? 'ok')).toEqual(Array(20).fill('ok'));
    expect(simulator.oauth.stats().refreshToken - refreshesBefore).toBe(1);

    const after = await storedTokens();
    expect(after.version).toBe(before.version + 1);
    expect(after.access).not.toBe(before.access);
  });

  it('a refresh token rotated by one gateway is the one the other gateway uses next', async () => {
    const simulator = simulatorOf(gw1);
    const before = await storedTokens();
    simulator.clock.advance(25 * HOUR); // past Intuit's 24 h: the next refresh rotates the refresh token
    const viaGw2 = await gql(gw2.graphqlUrl, VerifyQuickBooksConnectionDocument, {}, key);
    expect(viaGw2.errors).toBeUndefined();
    const rotated = await storedTokens();
    expect(rotated.refresh).not.toBe(before.refresh);

    simulator.clock.advance(25 * HOUR);
    const viaGw1 = await gql(gw1.graphqlUrl, VerifyQuickBooksConnectionDocument, {}, key);
    expect(viaGw1.errors).toBeUndefined(); // it would be invalid_grant had gw1 used the superseded token
    expect((await storedTokens()).version).toBe(rotated.version + 1);
  });

  it('never keeps a token in clear: not in MongoDB, not in the logs, not in a response', async () => {
    const { access, refresh } = await storedTokens();
    const raw = JSON.stringify(await gw1.app.database.connection.collection('quickbooks_connections').find({}).toArray());
    expect(raw).not.toContain(access);
    expect(raw).not.toContain(refresh);
    expect(logText.length).toBeGreaterThan(1000); // debug logging really ran
    expect(logText).not.toContain(access);
    expect(logText).not.toContain(refresh);
    const response = JSON.stringify(await gql(gw1.graphqlUrl, ConnectionDocument, {}, key));
    expect(response).not.toContain(access);
    expect(response).not.toContain(refresh);
  });

  it('a revoked authorization yields RECONNECT_REQUIRED with the reason, in every gateway', async () => {
    const simulator = simulatorOf(gw1);
    const { refresh } = await storedTokens();
    const app = simulator.oauth.demoApp;
    const revoked = await fetch(`${gw1.app.quickbooks.endpoints.apiBaseUrl}/v2/oauth2/tokens/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}` },
      body: JSON.stringify({ token: refresh }),
    });
    expect(revoked.status).toBe(200);

    const result = await gql(gw1.graphqlUrl, VerifyQuickBooksConnectionDocument, {}, key);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUICKBOOKS_RECONNECT_REQUIRED', reason: 'REFRESH_TOKEN_INVALID' });
    const status = await gql(gw2.graphqlUrl, ConnectionDocument, {}, key);
    expect(status.data?.quickBooksConnection).toMatchObject({ status: 'RECONNECT_REQUIRED', reason: 'REFRESH_TOKEN_INVALID' });
    expect(status.data?.quickBooksConnection.reasonMessage).toMatch(/Connect again/);
    const other = await gql(gw2.graphqlUrl, VerifyQuickBooksConnectionDocument, {}, key);
    expect(other.errors?.[0]?.extensions?.code).toBe('QUICKBOOKS_RECONNECT_REQUIRED');

    // Reconnecting (same company) restores it.
    await connectTenant(gw1, key);
    const again = await gql(gw2.graphqlUrl, VerifyQuickBooksConnectionDocument, {}, key);
    expect(again.errors).toBeUndefined();
    expect(again.data?.verifyQuickBooksConnection.status).toBe('CONNECTED');
  });
});

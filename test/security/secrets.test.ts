/**
 * Issue #11 item 9, over real HTTP against gateways sharing one database (as processes would): key
 * rotation finishes for idle tenants (a re-seal pass at start-up), tokens that cannot be decrypted
 * become RECONNECT_REQUIRED with a plain reason (not an internal error), and an OAuth callback's
 * `code`/`state` never reach the logs.
 */
import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StoredTokens } from '../../src/persistence/connection/connection.repository.js';
import { TokenCipher } from '../../src/connection/token.cipher.js';
import { ConnectionDocument, VerifyQuickBooksConnectionDocument } from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';
import { connectThroughBrowser, connectTenant } from '../helpers/quickbooks.js';

const oldKey = randomBytes(32);
const newKey = randomBytes(32);
const logs = new PassThrough();
let logText = '';
logs.on('data', (chunk: Buffer) => (logText += chunk.toString()));

let gw1: TestGateway;
const extra: TestGateway[] = [];
const tenants: { id: string; key: string }[] = [];

beforeAll(async () => {
  gw1 = await startTestGateway('secrets', { LOG_LEVEL: 'debug', FIELDBOOKS_ENCRYPTION_KEY: `old:${oldKey.toString('base64')}` }, { logSink: logs });
  for (const [name, country] of [['Active Co', 'AU'], ['Idle Co', 'US']] as const) {
    const created = await gw1.app.services.tenants.createTenant(name);
    tenants.push({ id: created.tenant.id, key: created.apiKey });
    await connectTenant(gw1, created.apiKey, country);
  }
});
afterAll(async () => {
  for (const gw of extra.reverse()) await gw.app.close();
  await gw1?.close();
});

/** Another gateway "process" on the same database and simulator with its own key list. */
async function gatewayWithKeys(label: string, keys: string): Promise<TestGateway> {
  const gw = await startTestGateway(label, { FIELDBOOKS_ENCRYPTION_KEY: keys, QBO_SANDBOX_URL: gw1.app.quickbooks.endpoints.apiBaseUrl }, { dbName: gw1.dbName });
  extra.push(gw);
  await gw.app.services.connections.idle(); // the start-up re-seal pass
  return gw;
}

async function stored(): Promise<{ tenantId: string; tokens: StoredTokens; status: string }[]> {
  const docs = await gw1.app.database.connection.collection('quickbooks_connections').find({}).toArray();
  return docs.map((d) => ({ tenantId: String(d.tenantId), tokens: d.tokens as StoredTokens, status: d.status as string }));
}

describe('secrets at rest and in logs', () => {
  it('never logs the code or state of /oauth/callback', async () => {
    const attempt = await connectThroughBrowser(gw1, tenants[0]!.key, { country: 'AU' });
    expect(attempt.response.status).toBe(200);
    const url = new URL(attempt.callbackUrl);
    const code = url.searchParams.get('code')!;
    const state = url.searchParams.get('state')!;
    await new Promise((r) => setTimeout(r, 50));
    expect(logText).toContain('/oauth/callback');
    expect(logText).not.toContain(code);
    expect(logText).not.toContain(state);
  });

  it('re-seals every connection under the new key at start-up, idle tenants included, so the old key can go', async () => {
    expect((await stored()).map((s) => s.tokens.access.keyId)).toEqual(['old', 'old']);
    const gw2 = await gatewayWithKeys('secrets_rotated', `new:${newKey.toString('base64')},old:${oldKey.toString('base64')}`);
    const after = await stored();
    expect(after.flatMap((s) => [s.tokens.access.keyId, s.tokens.refresh.keyId])).toEqual(['new', 'new', 'new', 'new']);
    // Opens with the new key alone, and the idle tenant works over HTTP through a gateway that no longer has the old key.
    const newOnly = new TokenCipher({ new: newKey }, 'new');
    for (const s of after) expect(newOnly.open(s.tokens.refresh, `${s.tenantId}:refresh`)).toMatch(/\S/);
    const gw3 = await gatewayWithKeys('secrets_new_only', `new:${newKey.toString('base64')}`);
    const verified = await gql(gw3.graphqlUrl, VerifyQuickBooksConnectionDocument, {}, tenants[1]!.key);
    expect(verified.errors).toBeUndefined();
    expect(verified.data?.verifyQuickBooksConnection.status).toBe('CONNECTED');
    await gw2.app.close();
  });

  it('a token that cannot be decrypted is RECONNECT_REQUIRED with a plain reason, not an internal error', async () => {
    // Damaged at rest (a 4-byte tag): the call that meets it marks the connection.
    const active = (await stored()).find((s) => s.tenantId === tenants[0]!.id)!;
    const shortTag = Buffer.from(active.tokens.access.tag, 'base64').subarray(0, 4).toString('base64');
    await gw1.app.database.connection
      .collection('quickbooks_connections')
      .updateOne({ status: 'CONNECTED', 'tokens.access.data': active.tokens.access.data }, { $set: { 'tokens.access.tag': shortTag } });
    const gw3 = extra.at(-1)!;
    const result = await gql(gw3.graphqlUrl, VerifyQuickBooksConnectionDocument, {}, tenants[0]!.key);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUICKBOOKS_RECONNECT_REQUIRED', reason: 'TOKENS_UNREADABLE' });
    const status = await gql(gw3.graphqlUrl, ConnectionDocument, {}, tenants[0]!.key);
    expect(status.data?.quickBooksConnection).toMatchObject({ status: 'RECONNECT_REQUIRED', reason: 'TOKENS_UNREADABLE' });
    expect(status.data?.quickBooksConnection.reasonMessage).toMatch(/can no longer be read.*Connect to QuickBooks again/);
  });

  it('a start-up without the key the tokens were sealed with marks them RECONNECT_REQUIRED at once', async () => {
    const gw4 = await gatewayWithKeys('secrets_lost_key', `other:${randomBytes(32).toString('base64')}`);
    const status = await gql(gw4.graphqlUrl, ConnectionDocument, {}, tenants[1]!.key);
    expect(status.data?.quickBooksConnection).toMatchObject({ status: 'RECONNECT_REQUIRED', reason: 'TOKENS_UNREADABLE' });
    const verified = await gql(gw4.graphqlUrl, VerifyQuickBooksConnectionDocument, {}, tenants[1]!.key);
    expect(verified.errors?.[0]?.extensions?.code).toBe('QUICKBOOKS_RECONNECT_REQUIRED');
  });
});

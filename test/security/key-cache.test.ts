/**
 * Authenticating a request with a key the process has seen costs one lookup of the key's document by
 * `_id` (no scan by hash) and one of its tenant by `_id`, and the key lookup is also the revocation check: a key
 * revoked through another process (two gateways on one database) is refused on the very next HTTP
 * request, concurrent requests included (they share lookups, never one sent before they arrived).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateApiKeyDocument, RevokeApiKeyDocument, ViewerDocument } from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';

let a: TestGateway;
let b: TestGateway;
let key: string;

beforeAll(async () => {
  a = await startTestGateway('key_cache');
  b = await startTestGateway('key_cache_b', {}, { dbName: a.dbName, dataDir: a.dataDir });
  key = (await a.app.services.tenants.createTenant('Key Cache Electrical')).apiKey;
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

async function newKey(label: string): Promise<{ id: string; secret: string }> {
  const created = await gql(a.graphqlUrl, CreateApiKeyDocument, { label }, key);
  expect(created.errors).toBeUndefined();
  return { id: created.data!.createApiKey.apiKey.id, secret: created.data!.createApiKey.secret };
}

describe('API key authentication', () => {
  it('a key seen before costs one lookup by _id (and its tenant one by _id), never a scan by hash', async () => {
    expect((await gql(b.graphqlUrl, ViewerDocument, {}, key)).data?.viewer.tenant.name).toBe('Key Cache Electrical');
    const queries: { collection: string; filter: string[] }[] = [];
    const connection = b.app.database.connection;
    connection.set('debug', (collection: string, _method: string, filter: unknown) => {
      queries.push({ collection, filter: filter && typeof filter === 'object' ? Object.keys(filter) : [] });
    });
    try {
      expect((await gql(b.graphqlUrl, ViewerDocument, {}, key)).data?.viewer.tenant.name).toBe('Key Cache Electrical');
    } finally {
      connection.set('debug', false);
    }
    const keyQueries = queries.filter((q) => q.collection === 'apikeys');
    // Authentication: one lookup by _id, none by hash (Viewer's apiKeys field lists the tenant's keys besides).
    expect(keyQueries.filter((q) => q.filter.join() === '_id')).toHaveLength(1);
    expect(keyQueries.filter((q) => q.filter.includes('keyHash'))).toEqual([]);
    // Its tenant is checked by _id too (a deleted tenant's keys stop working), never scanned.
    expect(queries.filter((q) => q.collection === 'tenants').every((q) => q.filter.join() === '_id')).toBe(true);
  });

  it('a key revoked through another process is refused on the next request, concurrent ones too', async () => {
    const second = await newKey('tablet');
    expect((await gql(b.graphqlUrl, ViewerDocument, {}, second.secret)).status).toBe(200); // B knows the key now
    const revoked = await gql(a.graphqlUrl, RevokeApiKeyDocument, { id: second.id }, key);
    expect(revoked.errors).toBeUndefined();
    const answers = await Promise.all(Array.from({ length: 20 }, () => gql(b.graphqlUrl, ViewerDocument, {}, second.secret)));
    for (const answer of answers) {
      expect(answer.data?.viewer).toBeUndefined();
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect((await gql(b.graphqlUrl, ViewerDocument, {}, key)).status).toBe(200); // the tenant's other key still works
  });
});

/** GraphQL over real HTTP against a real gateway and database: authentication and tenant isolation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateApiKeyDocument, RevokeApiKeyDocument, ViewerDocument } from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';

let gw: TestGateway;
let keyA: string;
let keyB: string;
let tenantA: string;

beforeAll(async () => {
  gw = await startTestGateway('graphql_http');
  const a = await gw.app.services.tenants.createTenant('Acme Plumbing');
  const b = await gw.app.services.tenants.createTenant('Bolt Electrical');
  keyA = a.apiKey;
  keyB = b.apiKey;
  tenantA = a.tenant.id;
});
afterAll(async () => {
  await gw?.close();
});

describe('authentication', () => {
  it('answers viewer for the tenant behind the key', async () => {
    const result = await gql(gw.graphqlUrl, ViewerDocument, {}, keyA);
    expect(result.errors).toBeUndefined();
    expect(result.data?.viewer.tenant).toEqual({ id: tenantA, name: 'Acme Plumbing' });
  });

  it('refuses a missing key with UNAUTHENTICATED and HTTP 401', async () => {
    const result = await gql(gw.graphqlUrl, ViewerDocument, {});
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data ?? undefined).toBeUndefined();
  });

  it('refuses a wrong key with UNAUTHENTICATED', async () => {
    const result = await gql(gw.graphqlUrl, ViewerDocument, {}, 'fbk_' + 'x'.repeat(43));
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('stores keys hashed, never in clear', async () => {
    const docs = await gw.app.database.connection.collection('apikeys').find({}).toArray();
    expect(docs.length).toBeGreaterThanOrEqual(2);
    const serialized = JSON.stringify(docs);
    expect(serialized).not.toContain(keyA);
    expect(serialized).not.toContain(keyB);
  });
});

describe('tenant isolation', () => {
  it("never shows or lets tenant B touch tenant A's keys", async () => {
    const created = await gql(gw.graphqlUrl, CreateApiKeyDocument, { label: 'ci runner' }, keyA);
    expect(created.errors).toBeUndefined();
    const newKey = created.data!.createApiKey;
    expect(newKey.secret).toMatch(/^fbk_/);

    const seenByB = await gql(gw.graphqlUrl, ViewerDocument, {}, keyB);
    expect(seenByB.data?.viewer.apiKeys.map((k) => k.id)).not.toContain(newKey.apiKey.id);
    expect(seenByB.data?.viewer.apiKeys.every((k) => k.label === 'default')).toBe(true);

    const revokeByB = await gql(gw.graphqlUrl, RevokeApiKeyDocument, { id: newKey.apiKey.id }, keyB);
    expect(revokeByB.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // The new key still works, and belongs to A.
    const withNewKey = await gql(gw.graphqlUrl, ViewerDocument, {}, newKey.secret);
    expect(withNewKey.data?.viewer.tenant.id).toBe(tenantA);
    expect(withNewKey.data?.viewer.apiKeys.map((k) => k.label).sort()).toEqual(['ci runner', 'default']);
  });

  it('a revoked key stops working at once', async () => {
    const created = await gql(gw.graphqlUrl, CreateApiKeyDocument, { label: 'temporary' }, keyA);
    const { secret, apiKey } = created.data!.createApiKey;
    const revoked = await gql(gw.graphqlUrl, RevokeApiKeyDocument, { id: apiKey.id }, keyA);
    expect(revoked.data?.revokeApiKey.revokedAt).toBeTruthy();
    const after = await gql(gw.graphqlUrl, ViewerDocument, {}, secret);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('rejects bad input with BAD_USER_INPUT naming the field', async () => {
    const result = await gql(gw.graphqlUrl, CreateApiKeyDocument, { label: '   ' }, keyA);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.fields).toEqual([{ path: ['label'], message: 'must be 1-100 characters' }]);
  });
});

describe('operation limits and health', () => {
  it('rejects an over-deep or alias-bombed query before running it', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: viewer { tenant { id } }`).join(' ');
    const response = await fetch(gw.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keyA}` },
      body: JSON.stringify({ query: `{ ${aliases} }` }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('reports liveness and readiness', async () => {
    expect(await (await fetch(`${gw.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${gw.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'up' });
  });

  it('exposes Prometheus metrics', async () => {
    const text = await (await fetch(`${gw.url}/metrics`)).text();
    expect(text).toContain('fieldbooks_graphql_operations_total');
    expect(text).toContain('process_cpu_user_seconds_total');
  });
});

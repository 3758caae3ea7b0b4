/**
 * Issue #11 item 12: tenant scoping that an operator cannot satisfy, on every door to a collection
 * (queries, aggregate, bulkWrite, insertMany, the native collection), on the gateway's own database
 * connection; the gateway keeps answering over HTTP with the guard in place.
 */
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MissingTenantScopeError } from '../../src/persistence/tenant-scoped.plugin.js';
import { apiKeyModel } from '../../src/persistence/tenancy/tenant.model.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

let gw: TestGateway;
let a: { tenantId: string; apiKey: string };
let b: { tenantId: string; apiKey: string };

beforeAll(async () => {
  gw = await startTestGateway('tenant_scope');
  const one = await gw.app.services.tenants.createTenant('Alpha Plumbing');
  const two = await gw.app.services.tenants.createTenant('Beta Electrical');
  a = { tenantId: one.tenant.id, apiKey: one.apiKey };
  b = { tenantId: two.tenant.id, apiKey: two.apiKey };
});
afterAll(async () => {
  await gw?.close();
});

async function viewer(apiKey: string): Promise<unknown> {
  const response = await fetch(gw.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query: '{ viewer { tenant { id name } } }' }),
  });
  return response.json();
}

describe('tenant scoping names exactly one tenant', () => {
  it('refuses operator filters that every tenant satisfies, on queries and counts', async () => {
    const keys = apiKeyModel(gw.app.database.connection);
    const A = new Types.ObjectId(a.tenantId);
    for (const tenantId of [{ $ne: null }, { $exists: true }, { $in: [A, new Types.ObjectId(b.tenantId)] }, { $gt: new Types.ObjectId('000000000000000000000000') }, null]) {
      await expect(keys.find({ tenantId } as never)).rejects.toBeInstanceOf(MissingTenantScopeError);
      await expect(keys.countDocuments({ tenantId } as never)).rejects.toBeInstanceOf(MissingTenantScopeError);
      await expect(keys.updateMany({ tenantId } as never, { $set: { label: 'stolen' } })).rejects.toBeInstanceOf(MissingTenantScopeError);
      await expect(keys.deleteMany({ tenantId } as never)).rejects.toBeInstanceOf(MissingTenantScopeError);
    }
    await expect(keys.find({ $or: [{ tenantId: A }, { label: { $exists: true } }] })).rejects.toBeInstanceOf(MissingTenantScopeError);
    await expect(keys.estimatedDocumentCount()).rejects.toBeInstanceOf(MissingTenantScopeError);
    expect(await keys.countDocuments({ tenantId: A })).toBe(1);
    expect(await keys.countDocuments({ tenantId: { $eq: A } })).toBe(1);
    expect(await keys.countDocuments({ tenantId: a.tenantId })).toBe(1);
  });

  it('checks every aggregate stage that reads, not only the first', async () => {
    const keys = apiKeyModel(gw.app.database.connection);
    const A = new Types.ObjectId(a.tenantId);
    await expect(keys.aggregate([{ $sort: { createdAt: 1 } }, { $match: { tenantId: A } }])).rejects.toBeInstanceOf(MissingTenantScopeError);
    await expect(keys.aggregate([{ $match: { tenantId: { $ne: null } } }])).rejects.toBeInstanceOf(MissingTenantScopeError);
    await expect(keys.aggregate([{ $match: { tenantId: A } }, { $lookup: { from: 'api_keys', localField: 'label', foreignField: 'label', as: 'others' } }])).rejects.toBeInstanceOf(MissingTenantScopeError);
    await expect(keys.aggregate([{ $match: { tenantId: A } }, { $unionWith: { coll: 'api_keys', pipeline: [{ $match: {} }] } }])).rejects.toBeInstanceOf(MissingTenantScopeError);
    await expect(keys.aggregate([{ $match: { tenantId: A } }, { $facet: { x: [{ $lookup: { from: 'api_keys', pipeline: [], as: 'all' } }] } }])).rejects.toBeInstanceOf(MissingTenantScopeError);
    await expect(keys.aggregate([{ $match: { tenantId: A } }, { $out: 'copied_keys' }])).rejects.toBeInstanceOf(MissingTenantScopeError);
    expect(await keys.aggregate([{ $match: { tenantId: A } }, { $count: 'n' }])).toEqual([{ n: 1 }]);
  });

  it('checks bulkWrite and insertMany, and writes nothing when one operation is unscoped', async () => {
    const keys = apiKeyModel(gw.app.database.connection);
    const A = new Types.ObjectId(a.tenantId);
    await expect(
      keys.bulkWrite([
        { updateOne: { filter: { tenantId: A }, update: { $set: { label: 'fine' } } } },
        { updateMany: { filter: { tenantId: { $ne: null } }, update: { $set: { label: 'stolen' } } } },
      ]),
    ).rejects.toBeInstanceOf(MissingTenantScopeError);
    await expect(keys.bulkWrite([{ deleteMany: { filter: {} } }])).rejects.toBeInstanceOf(MissingTenantScopeError);
    await expect(keys.insertMany([{ keyHash: 'x'.repeat(64), prefix: 'fbk_x', label: 'orphan' }] as never)).rejects.toThrow();
    const labels = (await keys.find({ tenantId: A }).lean()).map((k) => k.label);
    expect(labels).not.toContain('fine');
    expect(labels).not.toContain('stolen');
  });

  it('guards the native collection too (Model.collection.*)', async () => {
    const keys = apiKeyModel(gw.app.database.connection);
    expect(() => keys.collection.find({})).toThrow(MissingTenantScopeError);
    expect(() => keys.collection.updateMany({ tenantId: { $ne: null } }, { $set: { label: 'stolen' } })).toThrow(MissingTenantScopeError);
    expect(() => keys.collection.deleteMany({})).toThrow(MissingTenantScopeError);
    expect(() => keys.collection.countDocuments({})).toThrow(MissingTenantScopeError);
    expect(() => keys.collection.aggregate([{ $match: {} }])).toThrow(MissingTenantScopeError);
    expect(() => keys.collection.bulkWrite([{ deleteMany: { filter: {} } }])).toThrow(MissingTenantScopeError);
    expect(() => keys.collection.insertOne({ keyHash: 'y', label: 'orphan' })).toThrow(MissingTenantScopeError);
    expect(await keys.collection.countDocuments({ tenantId: new Types.ObjectId(b.tenantId) })).toBe(1);
  });

  it('still serves each tenant its own data over HTTP', async () => {
    expect(await viewer(a.apiKey)).toEqual({ data: { viewer: { tenant: { id: a.tenantId, name: 'Alpha Plumbing' } } } });
    expect(await viewer(b.apiKey)).toEqual({ data: { viewer: { tenant: { id: b.tenantId, name: 'Beta Electrical' } } } });
  });
});

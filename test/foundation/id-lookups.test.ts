/**
 * Lookups routed through `_id` (FerretDB's only index) must stay tenant-scoped and keep the meaning of
 * the filter they replace: a keyed document is found by its fields, an upsert keeps its fields, a
 * read or a write naming another tenant's id finds nothing, and legacy ObjectId documents are re-keyed.
 */
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usesIdOnlyIndexes } from '../../src/persistence/id-lookups.js';
import { apiKeyModel } from '../../src/persistence/tenancy/tenant.model.js';
import { mappingKey, syncMappingModel } from '../../src/persistence/sync/sync-mapping.model.js';
import { MIGRATIONS_COLLECTION } from '../../src/persistence/id-lookups.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway('id-lookups');
});
afterAll(async () => {
  await gw?.close();
});

describe('lookups by _id', () => {
  it('knows the embedded database is FerretDB', () => {
    expect(usesIdOnlyIndexes(gw.app.database.connection)).toBe(true);
  });

  it('stores a keyed document under its key, finds it by its fields and upserts keep the fields', async () => {
    const mappings = syncMappingModel(gw.app.database.connection);
    const tenantId = new Types.ObjectId();
    const fields = { tenantId, kind: 'invoice' as const, recordId: 'r1', part: 'main' as const };
    await mappings.updateOne(fields, { $set: { entity: 'Invoice', qboId: '42' }, $setOnInsert: { generation: 0 } }, { upsert: true });
    const stored = await mappings.collection.findOne({ _id: mappingKey(tenantId, 'invoice', 'r1', 'main') as never });
    expect(stored).toMatchObject({ tenantId, kind: 'invoice', recordId: 'r1', part: 'main', qboId: '42', generation: 0 });
    expect(await mappings.findOne(fields).lean()).toMatchObject({ qboId: '42' });
    // A second upsert updates the same document.
    await mappings.updateOne(fields, { $set: { qboId: '43' } }, { upsert: true });
    expect(await mappings.countDocuments({ tenantId })).toBe(1);
    expect((await mappings.findOne(fields).lean())?.qboId).toBe('43');
    // Another tenant's fields never reach it.
    expect(await mappings.findOne({ ...fields, tenantId: new Types.ObjectId() }).lean()).toBeNull();
    // A document created through mongoose gets its key too.
    const created = await mappings.create({ tenantId, kind: 'payment', recordId: 'p1', part: 'main', entity: 'Payment' });
    expect(created._id).toBe(mappingKey(tenantId, 'payment', 'p1', 'main'));
  });

  it("reads and writes by {tenantId, _id} find nothing of another tenant's", async () => {
    const keys = apiKeyModel(gw.app.database.connection);
    const owner = new Types.ObjectId();
    const stranger = new Types.ObjectId();
    const key = await keys.create({ tenantId: owner, label: 'mine', prefix: 'fbk_x', keyHash: `hash-${owner.toHexString()}` });
    expect((await keys.findOne({ tenantId: owner, _id: key._id }).lean())?.label).toBe('mine');
    expect(await keys.findOne({ tenantId: stranger, _id: key._id }).lean()).toBeNull();
    expect(await keys.find({ tenantId: stranger, _id: key._id }).lean()).toEqual([]);
    // A projection that leaves tenantId out is still checked.
    expect(await keys.findOne({ tenantId: stranger, _id: key._id }, { label: 1 }).lean()).toBeNull();
    const blocked = await keys.updateOne({ tenantId: stranger, _id: key._id }, { $set: { label: 'stolen' } });
    expect(blocked.matchedCount).toBe(0);
    const allowed = await keys.updateOne({ tenantId: owner, _id: key._id.toHexString() }, { $set: { label: 'renamed' } });
    expect(allowed.matchedCount).toBe(1);
    expect((await keys.findOne({ tenantId: owner, _id: key._id }).lean())?.label).toBe('renamed');
  });

  it('re-keys documents written with an ObjectId _id when the sync engine starts', async () => {
    const mappings = syncMappingModel(gw.app.database.connection);
    const tenantId = new Types.ObjectId();
    const markers = gw.app.database.connection.collection(MIGRATIONS_COLLECTION);
    // The gateway's start recorded the migration as done; a database from before keyed ids has no record.
    expect(await markers.findOne({ _id: 'keyed-ids:sync_mappings' as never })).not.toBeNull();
    await markers.deleteOne({ _id: 'keyed-ids:sync_mappings' as never });
    await mappings.collection.insertOne({ _id: new Types.ObjectId(), tenantId, kind: 'customer', recordId: 'c9', part: 'main', entity: 'Customer', qboId: '7', generation: 0, state: 'SYNCED', remoteStatus: 'ACTIVE' });
    await gw.app.services.sync.push.init();
    expect(await mappings.collection.findOne({ _id: mappingKey(tenantId, 'customer', 'c9', 'main') as never })).toMatchObject({ qboId: '7' });
    expect(await mappings.countDocuments({ tenantId })).toBe(1);

    // Recorded again: later starts do not read every tenant's mappings (an ObjectId document now stays as it is).
    const stray = new Types.ObjectId();
    await mappings.collection.insertOne({ _id: stray, tenantId, kind: 'customer', recordId: 'c10', part: 'main', entity: 'Customer', qboId: '8', generation: 0, state: 'SYNCED', remoteStatus: 'ACTIVE' });
    await gw.app.services.sync.push.init();
    expect(await mappings.collection.findOne({ _id: stray })).toMatchObject({ qboId: '8' });
  });
});

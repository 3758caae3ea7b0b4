/**
 * Ledger records are found by externalId through an `_id` derived from it. A record written before
 * that scheme (a random ObjectId in a collection that was not empty when the scheme arrived) is still
 * found and updated, never duplicated; a fresh collection never falls back to scanning.
 */
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerService } from '../../src/ledger/ledger.service.js';
import { derivedRecordId } from '../../src/persistence/ledger/ledger-ids.js';
import { LedgerRecordRepository } from '../../src/persistence/ledger/ledger-record.repository.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

let gw: TestGateway;
let tenantId: string;

beforeAll(async () => {
  gw = await startTestGateway('ledger_ids');
  tenantId = (await gw.app.services.tenants.createTenant('Ids Co')).tenant.id;
});
afterAll(async () => {
  await gw?.close();
});

describe('ledger record ids', () => {
  it('gives a new record the id derived from its externalId and finds it by externalId', async () => {
    const ledger = gw.app.services.ledgerRecords;
    const created = await ledger.upsertCustomer(tenantId, { externalId: 'c-derived', displayName: 'Derived Pty Ltd' });
    expect(created.id).toBe(derivedRecordId(tenantId, 'ledger_customers', 'c-derived').toHexString());
    const again = await ledger.upsertCustomer(tenantId, { externalId: 'c-derived', displayName: 'Derived Pty Ltd (renamed)' });
    expect(again).toMatchObject({ id: created.id, version: 2 });
    expect((await ledger.findByExternalId('customer', tenantId, 'c-derived'))?.displayName).toBe('Derived Pty Ltd (renamed)');
    // Another tenant's same externalId is another record.
    const other = (await gw.app.services.tenants.createTenant('Other Ids Co')).tenant.id;
    expect(await ledger.findByExternalId('customer', other, 'c-derived')).toBeNull();
  });

  it('still finds and updates a record stored with a random id before the scheme', async () => {
    // A ledger whose supplier collection already held a record when this code first looked at it.
    const suppliers = gw.app.services.ledgerRecords.models.supplier.collection;
    const legacyId = new Types.ObjectId();
    const now = new Date();
    await suppliers.insertOne({
      _id: legacyId,
      tenantId: new Types.ObjectId(tenantId),
      externalId: 's-legacy',
      displayName: 'Legacy Supplies',
      version: 1,
      pushPending: false,
      status: 'ACTIVE',
      contentHash: 'legacy',
      sortKey: 'legacy supplies',
      changedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    // A fresh repository: it judges the collection (not empty, unmarked) on first use.
    const ledger = new LedgerService(new LedgerRecordRepository(gw.app.database.connection), gw.app.services.ledger, gw.app.services.repositories.newLeaseStore);
    const updated = await ledger.upsertSupplier(tenantId, { externalId: 's-legacy', displayName: 'Legacy Supplies Renamed' });
    expect(updated).toMatchObject({ id: legacyId.toHexString(), version: 2 });
    expect(await suppliers.countDocuments({ tenantId: new Types.ObjectId(tenantId), externalId: 's-legacy' })).toBe(1);
    // New records in that collection get derived ids and are found too.
    const fresh = await ledger.upsertSupplier(tenantId, { externalId: 's-new', displayName: 'New Supplies' });
    expect(fresh.id).toBe(derivedRecordId(tenantId, 'ledger_suppliers', 's-new').toHexString());
    expect((await ledger.findByExternalId('supplier', tenantId, 's-legacy'))?.id).toBe(legacyId.toHexString());
  });
});

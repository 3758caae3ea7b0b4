/** Tenant scoping is enforced by the data layer, not left to each query. */
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MissingTenantScopeError } from '../../src/persistence/tenant-scoped.plugin.js';
import { apiKeyModel } from '../../src/persistence/tenancy/tenant.model.js';
import { createTenantFromCli, parseTenantCreateArgs } from '../../src/tenancy/tenant-create.cli.js';
import { loadConfig } from '../../src/config/config.js';
import { openDatabase } from '../../src/persistence/database.js';
import { TenantRepository } from '../../src/persistence/tenancy/tenant.repository.js';
import { TenantService } from '../../src/tenancy/tenant.service.js';
import { inject } from 'vitest';
import { startTestGateway, type TestGateway, uniqueDbName } from '../helpers/gateway.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway('tenancy');
});
afterAll(async () => {
  await gw?.close();
});

describe('tenant scoping', () => {
  it('refuses a query on tenant data that does not name the tenant', async () => {
    const keys = apiKeyModel(gw.app.database.connection);
    await expect(keys.find({})).rejects.toBeInstanceOf(MissingTenantScopeError);
    await expect(keys.updateMany({ label: 'x' }, { $set: { label: 'y' } })).rejects.toBeInstanceOf(MissingTenantScopeError);
    await expect(keys.deleteMany({})).rejects.toBeInstanceOf(MissingTenantScopeError);
    await expect(keys.find({ tenantId: new Types.ObjectId() })).resolves.toEqual([]);
  });
});

describe('tenant:create', () => {
  it('parses its arguments and explains what is missing', () => {
    expect(parseTenantCreateArgs(['--name', ' Acme Plumbing ', '--json'])).toEqual({ name: 'Acme Plumbing', json: true });
    expect(() => parseTenantCreateArgs([])).toThrow(/--name is required/);
    expect(() => parseTenantCreateArgs(['--nme', 'x'])).toThrow();
  });

  it('creates a tenant whose key authenticates', async () => {
    const dbName = uniqueDbName('cli');
    const config = loadConfig({}, { MONGODB_URI: inject('mongoUri') });
    const result = await createTenantFromCli(config, 'Acme Plumbing', { dbName });
    expect(result.apiKey).toMatch(/^fbk_[A-Za-z0-9_-]{43}$/);
    const database = await openDatabase(config, () => {}, { dbName });
    try {
      const found = await new TenantService(new TenantRepository(database.connection)).authenticate(result.apiKey);
      expect(found).toEqual({ id: result.tenantId, name: 'Acme Plumbing' });
    } finally {
      await database.connection.dropDatabase();
      await database.close();
    }
  });
});

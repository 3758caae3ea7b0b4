/**
 * The embedded default's demo tenant: created on first start, kept afterwards. Its key is
 * FIELDBOOKS_DEMO_API_KEY when set (a frontend team can keep one fixed key), otherwise a generated key
 * kept in the data folder, so every start can print it (only the hash is in the database).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateApiKey } from '../tenancy/api-key.js';
import { type TenantService } from '../tenancy/tenant.service.js';

export const DEMO_TENANT_NAME = 'Demo Field Services';

export interface DemoTenant {
  tenantId: string;
  name: string;
  apiKey: string;
  created: boolean;
}

export async function ensureDemoTenant(tenants: TenantService, options: { dataDir: string; apiKey?: string }): Promise<DemoTenant> {
  const keyFile = path.join(options.dataDir, 'demo-api-key');
  const apiKey = options.apiKey ?? (existsSync(keyFile) ? (await readFile(keyFile, 'utf8')).trim() : generateApiKey());
  if (!options.apiKey && !existsSync(keyFile)) {
    await mkdir(options.dataDir, { recursive: true });
    await writeFile(keyFile, `${apiKey}\n`, { mode: 0o600 });
  }

  const existing = await tenants.findDemoTenant();
  if (!existing) {
    const { tenant } = await tenants.createTenant(DEMO_TENANT_NAME, { demo: true, apiKey });
    return { tenantId: tenant.id, name: tenant.name, apiKey, created: true };
  }
  if (!(await tenants.hasKey(existing.id, apiKey))) {
    await tenants.addKey(existing.id, options.apiKey ? 'FIELDBOOKS_DEMO_API_KEY' : 'demo', apiKey);
  }
  return { tenantId: existing.id, name: existing.name, apiKey, created: false };
}

/**
 * `npm run tenant:create -- --name "Acme Plumbing" [--json]`: creates a tenant and prints its first
 * API key (the only time the key is shown). Uses the same database as the gateway (MONGODB_URI, or
 * the embedded server under the data folder).
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { type AppConfig, ConfigError, loadConfig } from '../config/config.js';
import { loadDotEnv } from '../config/dotenv.js';
import { openDatabase } from '../persistence/database.js';
import { TenantRepository } from '../persistence/tenancy/tenant.repository.js';
import { TenantService } from './tenant.service.js';

export interface TenantCreateResult {
  tenantId: string;
  name: string;
  apiKey: string;
}

export function parseTenantCreateArgs(argv: string[]): { name: string; json: boolean } {
  const { values } = parseArgs({ args: argv, options: { name: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
  const name = values.name?.trim();
  if (!name) throw new Error('--name is required, e.g. npm run tenant:create -- --name "Acme Plumbing"');
  if (name.length > 200) throw new Error('--name must be at most 200 characters');
  return { name, json: values.json ?? false };
}

export async function createTenantFromCli(config: AppConfig, name: string, options: { dbName?: string } = {}): Promise<TenantCreateResult> {
  const database = await openDatabase(config, () => {}, options);
  try {
    const tenants = new TenantService(new TenantRepository(database.connection));
    await tenants.ensureIndexes();
    const { tenant, apiKey } = await tenants.createTenant(name);
    return { tenantId: tenant.id, name: tenant.name, apiKey };
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  let args;
  let config;
  try {
    args = parseTenantCreateArgs(process.argv.slice(2));
    loadDotEnv();
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : `tenant:create: ${(error as Error).message}`);
    process.exit(2);
  }
  const result = await createTenantFromCli(config, args.name);
  if (args.json) {
    console.log(JSON.stringify({ tenantId: result.tenantId, apiKey: result.apiKey }));
  } else {
    console.log(`Created tenant "${result.name}" (${result.tenantId}).\nAPI key (shown once, keep it safe): ${result.apiKey}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(`tenant:create failed: ${(error as Error).message}`);
    process.exit(1);
  });
}

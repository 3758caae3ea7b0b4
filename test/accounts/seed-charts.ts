/**
 * What the simulator's seed companies hold, read from the seed data itself (not hard-coded lists), so
 * the expectations follow when the seeds change.
 */
import { type CompanySeed } from '../../src/sandbox/company/company.store.js';
import { auCompanySeed } from '../../src/sandbox/company/seeds/au-company.seed.js';
import { usCompanySeed } from '../../src/sandbox/company/seeds/us-company.seed.js';

export interface SeedAccount {
  id: string;
  name: string;
  accountType: string;
  active: boolean;
  acctNum: string | undefined;
}

const SEEDS: Record<'AU' | 'US', () => CompanySeed> = { AU: auCompanySeed, US: usCompanySeed };

function records(country: 'AU' | 'US', entity: string) {
  return SEEDS[country]()
    .records.filter((r) => r.entity === entity)
    .map((r) => r.record);
}

export function seedAccounts(country: 'AU' | 'US'): SeedAccount[] {
  return records(country, 'Account').map((r) => ({
    id: r.Id as string,
    name: r.Name as string,
    accountType: r.AccountType as string,
    active: r.Active !== false,
    acctNum: r.AcctNum as string | undefined,
  }));
}

export function seedNames(country: 'AU' | 'US', entity: 'Class' | 'Department' | 'TaxCode' | 'PaymentMethod', options: { activeOnly?: boolean } = {}): string[] {
  return records(country, entity)
    .filter((r) => !options.activeOnly || r.Active !== false)
    .map((r) => r.Name as string)
    .sort();
}

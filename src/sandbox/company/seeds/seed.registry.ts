/**
 * The seed companies by name, for `createSandbox`, `POST /_sandbox/seed` and `npm run sandbox`.
 */
import { type CompanySeed } from '../company.store.js';
import { AU_COMPANY_NAME, AU_REALM_ID, auCompanySeed } from './au-company.seed.js';
import { US_COMPANY_NAME, US_MANUAL_COMPANY_NAME, US_MANUAL_REALM_ID, US_REALM_ID, usCompanySeed, usManualTaxCompanySeed } from './us-company.seed.js';

export { AU_REALM_ID, US_REALM_ID, US_MANUAL_REALM_ID, AU_COMPANY_NAME, US_COMPANY_NAME, US_MANUAL_COMPANY_NAME };

export const SEEDS = {
  au: auCompanySeed,
  us: usCompanySeed,
  /** A US company on manual (pre-2017) sales tax; not loaded by default: `POST /_sandbox/seed {"seed":"usManual"}`. */
  usManual: usManualTaxCompanySeed,
} as const satisfies Record<string, () => CompanySeed>;

export type SeedName = keyof typeof SEEDS;

export function isSeedName(name: unknown): name is SeedName {
  return typeof name === 'string' && name in SEEDS;
}

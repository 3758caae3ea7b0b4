/**
 * TaxCode and TaxRate: read-only through the entity endpoints (QBO creates them via /taxservice);
 * seeded per company. US companies have the TAX/NON pseudo-codes plus a combined sales-tax code.
 */
import { type EntityRules } from '../entity.rules.js';

export const taxCodeRules: EntityRules = {
  entity: 'TaxCode',
  kind: 'readonly',
  schemaType: 'TaxCode',
  build: (_ctx, draft) => draft,
};

export const taxRateRules: EntityRules = {
  entity: 'TaxRate',
  kind: 'readonly',
  schemaType: 'TaxRate',
  build: (_ctx, draft) => draft,
};

/**
 * Employee: seeded, readable and queryable; writes through the API are refused (the sandbox treats
 * employees as payroll-owned). Its DisplayName still reserves the shared Customer/Vendor namespace.
 */
import { type EntityRules } from '../entity.rules.js';

export const employeeRules: EntityRules = {
  entity: 'Employee',
  kind: 'readonly',
  schemaType: 'Employee',
  build(_ctx, draft) {
    draft.Active ??= true;
    return draft;
  },
};

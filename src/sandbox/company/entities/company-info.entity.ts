/**
 * CompanyInfo and Preferences: one record each per company; updatable (CompanyInfo needs
 * CompanyName and CompanyAddr), never created or deleted.
 */
import { faults } from '../../faults.js';
import { type EntityRules } from '../entity.rules.js';
import { isObject } from '../validate.util.js';

export const companyInfoRules: EntityRules = {
  entity: 'CompanyInfo',
  kind: 'singleton',
  schemaType: 'CompanyInfo',
  lengths: { CompanyName: 1024, LegalName: 1024 },
  build(_ctx, draft, previous) {
    if (typeof draft.CompanyName !== 'string' || !draft.CompanyName) throw faults.requiredMissing('CompanyName');
    if (!isObject(draft.CompanyAddr)) throw faults.requiredMissing('CompanyAddr');
    // Read-only facts of the subscription survive a full update.
    for (const keep of ['Country', 'SupportedLanguages', 'NameValue', 'CompanyStartDate']) if (previous && draft[keep] === undefined) draft[keep] = previous[keep];
    return draft;
  },
};

export const preferencesRules: EntityRules = {
  entity: 'Preferences',
  kind: 'singleton',
  schemaType: 'Preferences',
  build(_ctx, draft, previous) {
    // Preferences updates are always merged per section: QBO never clears a preference group.
    if (!previous) return draft;
    const out: Record<string, unknown> = { ...previous };
    for (const [k, v] of Object.entries(draft)) out[k] = isObject(v) && isObject(previous[k]) ? { ...previous[k], ...v } : v;
    for (const k of ['Id', 'SyncToken', 'MetaData', 'domain', 'sparse']) delete out[k];
    // Multicurrency and the home currency are set in the QBO UI only, never through the API.
    out.CurrencyPrefs = previous.CurrencyPrefs;
    return out;
  },
};

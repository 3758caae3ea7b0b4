/**
 * Customer, Vendor and Employee share one DisplayName namespace (inactive ones included, fault 6240)
 * and the same name-part rules.
 */
import { faults } from '../../faults.js';
import { isObject } from '../validate.util.js';
import { type EntityName, type QboRecord } from '../company.types.js';
import { type Draft, type EntityContext } from '../entity.rules.js';
import { currencyRef, multicurrencyEnabled, partyCurrency } from './transaction.shared.js';
import { applyActiveRename, assertNameCharacters, assertUniqueName } from './name-list.shared.js';

export const PARTY_NAMESPACE = [
  { entity: 'Customer', field: 'DisplayName' },
  { entity: 'Vendor', field: 'DisplayName' },
  { entity: 'Employee', field: 'DisplayName' },
] as const satisfies readonly { entity: EntityName; field: string }[];

export const PARTY_LENGTHS = {
  DisplayName: 500,
  Title: 16,
  GivenName: 100,
  MiddleName: 100,
  FamilyName: 100,
  Suffix: 16,
  CompanyName: 100,
  PrintOnCheckName: 110,
  Notes: 2000,
  'PrimaryEmailAddr.Address': 100,
} as const;

const NAME_PARTS = ['Title', 'GivenName', 'MiddleName', 'FamilyName', 'Suffix'] as const;

/** DisplayName is required unless a name part is given, in which case QBO composes it. */
export function applyDisplayName(ctx: EntityContext, entity: EntityName, draft: Draft, selfId: string | undefined): string {
  let display = typeof draft.DisplayName === 'string' ? draft.DisplayName.trim() : '';
  if (!display) {
    const parts = NAME_PARTS.map((p) => draft[p]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    if (parts.length === 0) throw faults.requiredMissing('DisplayName');
    display = parts.join(' ');
  }
  draft.DisplayName = display;
  assertNameCharacters(display, 'DisplayName');
  assertUniqueName(ctx, PARTY_NAMESPACE, display, { entity, id: selfId }, 'customer, vendor or employee');
  applyActiveRename(draft, 'DisplayName');
  if (draft.PrintOnCheckName === undefined) draft.PrintOnCheckName = draft.CompanyName ?? display.replace(/ \(deleted\)$/, '');
  return String(draft.DisplayName);
}

/**
 * A customer's or vendor's currency: chosen at create (the home currency by default), a foreign one
 * only when multicurrency is on, and never changed afterwards (facts: docs/qbo-facts/multicurrency.md).
 */
export function applyPartyCurrency(ctx: EntityContext, draft: Draft, previous: QboRecord | undefined, noun: 'customer' | 'vendor'): void {
  const raw = draft.CurrencyRef;
  const given = isObject(raw) && typeof raw.value === 'string' && raw.value.trim() ? raw.value.trim().toUpperCase() : undefined;
  if (previous) {
    const fixed = partyCurrency(ctx, previous);
    if (given !== undefined && given !== fixed) {
      throw faults.businessValidation(`You can't change the currency of a ${noun}: this ${noun} uses ${fixed}.`, 'CurrencyRef');
    }
    draft.CurrencyRef = previous.CurrencyRef ?? ctx.profile.currency;
    return;
  }
  const home = ctx.profile.currency.value;
  const code = given ?? home;
  if (code !== home && !multicurrencyEnabled(ctx)) {
    throw faults.businessValidation(`Multicurrency is not enabled; the ${noun} currency must be ${home}.`, 'CurrencyRef');
  }
  if (!/^[A-Z]{3}$/.test(code)) throw faults.invalidReference('CurrencyRef');
  draft.CurrencyRef = code === home ? ctx.profile.currency : currencyRef(code);
}

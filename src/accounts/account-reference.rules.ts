/**
 * Whether an account id may be saved in a setting or an override: it must exist in the cached chart,
 * be active, and (unless selection restrictions are relaxed) have a type allowed for the purpose.
 * Pure: the caller loads the accounts (in one query) and turns problems into one input error.
 */
import { type AccountPurpose, describeAllowedTypes, isAccountTypeAllowed } from './account-purpose.rules.js';

/** The fields of a cached account the rules look at. */
export interface AccountFacts {
  qboId: string;
  name: string;
  accountType: string;
  active: boolean;
}

export interface AccountReference {
  /** Path of the input field, e.g. ["input", "defaultLabourIncomeAccountId"]. */
  path: string[];
  /** The setting's name as users know it, e.g. "defaultLabourIncomeAccount". */
  setting: string;
  accountId: string;
  purpose: AccountPurpose;
}

/** Why `account` may not be used for `ref`, or undefined when it may. */
export function accountReferenceProblem(ref: AccountReference, account: AccountFacts | undefined, relaxed: boolean): string | undefined {
  if (!account) {
    return `account ${ref.accountId} is not in the chart of accounts (if it was just created in QuickBooks, refresh the chart of accounts)`;
  }
  const label = `account ${account.qboId} (${account.name}, ${account.accountType})`;
  if (!account.active) return `${label} is inactive in QuickBooks`;
  if (!relaxed && !isAccountTypeAllowed(ref.purpose, account.accountType)) {
    return `${label} is not allowed for ${ref.setting}: allowed types are ${describeAllowedTypes(ref.purpose)}`;
  }
  return undefined;
}

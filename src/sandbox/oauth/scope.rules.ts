/**
 * Intuit's OAuth scopes (facts §6.2) and the rules that hang off them: which scopes exist, which ones
 * grant access to a company's data (and so put `realmId` on the redirect), and which are OpenID ones.
 */

export const ACCOUNTING_SCOPE = 'com.intuit.quickbooks.accounting';
export const PAYMENT_SCOPE = 'com.intuit.quickbooks.payment';

export const OPENID_SCOPES = ['openid', 'profile', 'email', 'phone', 'address'] as const;

/** Every scope an authorize request may ask for; anything else is `invalid_scope`. */
export const KNOWN_SCOPES: ReadonlySet<string> = new Set([
  ACCOUNTING_SCOPE,
  PAYMENT_SCOPE,
  ...OPENID_SCOPES,
  'payroll.compensation.read',
  'project-management.project',
  'app-foundations.custom-dimensions.read',
  'app-foundations.custom-field-definitions',
  'time-tracking.time-entry',
  'indirect-tax.tax-calculation.quickbooks',
  // Older constants still accepted by Intuit's SDKs.
  'com.intuit.quickbooks.payroll',
  'com.intuit.quickbooks.payroll.timetracking',
  'com.intuit.quickbooks.payroll.benefits',
  'intuit_name',
]);

/** Scopes are space-separated (facts §6.2); duplicates and extra blanks are harmless. */
export function parseScope(raw: string): string[] {
  return [...new Set(raw.split(' ').filter((s) => s.length > 0))];
}

/** A company is picked (and `realmId` returned) only when a company-data scope is requested. */
export function needsCompany(scopes: readonly string[]): boolean {
  return scopes.includes(ACCOUNTING_SCOPE) || scopes.includes(PAYMENT_SCOPE);
}

import { describe, expect, it } from 'vitest';
import { AccountPurpose } from '../accounts/account-purpose.rules.js';
import { ACCOUNT_SETTINGS } from './accounting-settings.fields.js';
import { DEFAULT_SETTINGS } from './accounting-settings.values.js';
import { accountReferencesOf, applyPatch } from './accounting-settings.service.js';
import { InvoiceReferenceField, TeamTrackingCategory } from './accounting-settings.fields.js';

describe('settings patches', () => {
  it('changes only given fields; null puts a field back to its default', () => {
    const current = { ...DEFAULT_SETTINGS, paymentsAccountId: '10', badDebtAccountId: '20', teamTrackingCategory: TeamTrackingCategory.CLASS, relaxAccountSelectionRestrictions: true };
    const next = applyPatch(current, { paymentsAccountId: '11', badDebtAccountId: null, teamTrackingCategory: null, relaxAccountSelectionRestrictions: null, invoiceReferenceField: undefined });
    expect(next).toEqual({ ...current, paymentsAccountId: '11', badDebtAccountId: null, teamTrackingCategory: TeamTrackingCategory.NONE, relaxAccountSelectionRestrictions: false });
    expect(next.invoiceReferenceField).toBe(InvoiceReferenceField.JOB_NUMBER);
    expect(current.paymentsAccountId).toBe('10'); // inputs are never mutated
  });

  it('ignores keys that are not settings', () => {
    expect(applyPatch(DEFAULT_SETTINGS, { version: 9 } as never)).toEqual(DEFAULT_SETTINGS);
  });

  it('checks only the accounts a patch sets, each with its input path, setting name and purpose', () => {
    expect(accountReferencesOf({ defaultLabourIncomeAccountId: ' 42 ', paymentsAccountId: null, creditNoteAccountId: undefined })).toEqual([
      { path: ['input', 'defaultLabourIncomeAccountId'], setting: 'defaultLabourIncomeAccount', accountId: '42', purpose: AccountPurpose.LABOUR_INCOME },
    ]);
  });

  it('has one account setting per purpose of the design table except the override-only SURCHARGE_INCOME', () => {
    expect(ACCOUNT_SETTINGS.map((s) => s.purpose).sort()).toEqual(Object.values(AccountPurpose).filter((p) => p !== AccountPurpose.SURCHARGE_INCOME).sort());
  });
});

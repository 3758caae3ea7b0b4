/**
 * Accounting settings over real HTTP against a tenant connected to the simulator: all-or-nothing
 * validation naming every bad field, partial updates and explicit clears, who and when, and every
 * account reference of a response resolved in one database query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountPurpose, isAccountTypeAllowed } from '../../src/accounts/account-purpose.rules.js';
import { ACCOUNT_SETTINGS } from '../../src/settings/accounting-settings.fields.js';
import { AccountingSettingsDocument, type AccountingSettingsInput, UpdateAccountingSettingsDocument, UpsertPaymentMethodDocument } from '../generated/graphql.js';
import { seedAccounts } from '../accounts/seed-charts.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';
import { connectTenant } from '../helpers/quickbooks.js';

let gw: TestGateway;
let key: string;

beforeAll(async () => {
  gw = await startTestGateway('settings');
  key = (await gw.app.services.tenants.createTenant('Settings Co')).apiKey;
  await connectTenant(gw, key, 'AU');
});
afterAll(async () => {
  await gw?.close();
});

const chart = seedAccounts('AU');

/** The first active seeded account fitting `purpose`, optionally avoiding some types. */
function fitting(purpose: AccountPurpose): string {
  const account = chart.find((a) => a.active && isAccountTypeAllowed(purpose, a.accountType));
  if (!account) throw new Error(`the AU seed has no account for ${purpose}`);
  return account.id;
}

function notFitting(purpose: AccountPurpose) {
  const account = chart.find((a) => a.active && !isAccountTypeAllowed(purpose, a.accountType));
  if (!account) throw new Error(`every AU account fits ${purpose}`);
  return account;
}

/** A valid id for every account setting. */
function validAccounts(): AccountingSettingsInput {
  return Object.fromEntries(ACCOUNT_SETTINGS.map(({ setting, purpose }) => [`${setting}Id`, fitting(purpose)]));
}

async function settings() {
  const result = await gql(gw.graphqlUrl, AccountingSettingsDocument, {}, key);
  expect(result.errors).toBeUndefined();
  return result.data!.accountingSettings;
}

async function update(input: AccountingSettingsInput, apiKey = key) {
  return gql(gw.graphqlUrl, UpdateAccountingSettingsDocument, { input }, apiKey);
}

describe('accountingSettings', () => {
  it('starts with defaults, and reports push-as-awaiting-approval as not applicable to QBO', async () => {
    const fresh = (await gw.app.services.tenants.createTenant('Defaults Co')).apiKey;
    const result = await gql(gw.graphqlUrl, AccountingSettingsDocument, {}, fresh);
    expect(result.data!.accountingSettings).toMatchObject({
      invoiceReferenceField: 'JOB_NUMBER',
      defaultLabourIncomeAccountId: null,
      defaultLabourIncomeAccount: null,
      pushSupplierInvoicesAsAwaitingApproval: false,
      teamTrackingCategory: 'NONE',
      accountingStartDate: null,
      relaxAccountSelectionRestrictions: false,
      updatedAt: null,
      updatedBy: null,
    });
    const notApplicable = result.data!.accountingSettings.notApplicableToQuickBooks;
    expect(notApplicable.map((n) => n.setting)).toEqual(['pushSupplierInvoicesAsAwaitingApproval']);
    expect(notApplicable[0]!.reason).toMatch(/no approval state/);
  });
});

describe('updateAccountingSettings', () => {
  it('saves nothing when one account among valid ones has the wrong type, and names that field with the reason', async () => {
    const before = await settings();
    const wrong = notFitting(AccountPurpose.LABOUR_INCOME);
    const result = await update({ ...validAccounts(), defaultLabourIncomeAccountId: wrong.id, invoiceReferenceField: 'WORK_ORDER' });
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        {
          path: ['input', 'defaultLabourIncomeAccountId'],
          message: `account ${wrong.id} (${wrong.name}, ${wrong.accountType}) is not allowed for defaultLabourIncomeAccount: allowed types are Income, Other Income`,
        },
      ],
    });
    expect(await settings()).toEqual(before);
  });

  it('lists every bad field at once: wrong type, unknown account, inactive account, unknown payment method', async () => {
    const inactive = chart.find((a) => !a.active)!;
    const result = await update({
      ...validAccounts(),
      paymentsAccountId: notFitting(AccountPurpose.PAYMENT_DEPOSIT).id,
      defaultInventoryAccountId: '987654321',
      creditCardPaymentsAccountId: inactive.id,
      paymentMethodFromAccounts: 'Carrier pigeon',
    });
    const fields = result.errors![0]!.extensions.fields as { path: string[]; message: string }[];
    expect(fields.map((f) => f.path.join('.')).sort()).toEqual(
      ['input.creditCardPaymentsAccountId', 'input.defaultInventoryAccountId', 'input.paymentMethodFromAccounts', 'input.paymentsAccountId'].sort(),
    );
    expect(fields.find((f) => f.path[1] === 'defaultInventoryAccountId')!.message).toMatch(/^account 987654321 is not in the chart of accounts/);
    expect(fields.find((f) => f.path[1] === 'creditCardPaymentsAccountId')!.message).toMatch(/is inactive/);
    expect((await settings()).paymentsAccountId).toBeNull();
  });

  it('saves valid accounts and returns each resolved, all account references in one database query', async () => {
    const input = { ...validAccounts(), invoiceReferenceField: 'CUSTOMER_ORDER_NUMBER' as const, accountingStartDate: '2026-07-01', teamTrackingCategory: 'CLASS' as const };
    const saved = await update(input);
    expect(saved.errors).toBeUndefined();
    // Saving a new start date re-evaluates skipped records in a sync run of its own, which reads the chart too:
    // let it finish, so that only this request's reads are counted.
    await gw.app.services.sync.runs.idle();

    const queries: string[] = [];
    const connection = gw.app.database.connection;
    connection.set('debug', (collection: string, method: string) => queries.push(`${collection}.${method}`));
    let current;
    try {
      current = await settings();
    } finally {
      connection.set('debug', false);
    }
    // At most one load of the chart (none when this process holds it already: see test/accounts/read-path.test.ts).
    expect(queries.filter((q) => q.startsWith('qbo_accounts.')).length).toBeLessThanOrEqual(1);

    for (const { setting } of ACCOUNT_SETTINGS) {
      const id = String(input[`${setting}Id`]);
      const expected = chart.find((a) => a.id === id)!;
      expect(current[`${setting}Id`]).toBe(id);
      expect(current[setting]).toEqual({ id, name: expected.name, accountType: expected.accountType });
    }
    expect(current).toMatchObject({ invoiceReferenceField: 'CUSTOMER_ORDER_NUMBER', accountingStartDate: '2026-07-01', teamTrackingCategory: 'CLASS' });
  });

  it('changes only the fields given; an explicit null clears one', async () => {
    const before = await settings();
    const creditNote = chart.find((a) => a.active && a.accountType === 'Income' && a.id !== before.creditNoteAccountId)!;
    const result = await update({ creditNoteAccountId: creditNote.id, badDebtAccountId: null, accountingStartDate: null });
    expect(result.errors).toBeUndefined();
    const after = result.data!.updateAccountingSettings;
    expect(after.creditNoteAccountId).toBe(creditNote.id);
    expect(after.badDebtAccountId).toBeNull();
    expect(after.badDebtAccount).toBeNull();
    expect(after.accountingStartDate).toBeNull();
    for (const field of ['defaultLabourIncomeAccountId', 'paymentsAccountId', 'defaultInventoryAccountId', 'invoiceReferenceField', 'teamTrackingCategory'] as const) {
      expect(after[field]).toBe(before[field]);
    }
  });

  it('accepts any active account when the same input relaxes the restrictions', async () => {
    const wrong = notFitting(AccountPurpose.INVENTORY_ASSET);
    const refused = await update({ defaultInventoryAccountId: wrong.id });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const relaxed = await update({ defaultInventoryAccountId: wrong.id, relaxAccountSelectionRestrictions: true });
    expect(relaxed.errors).toBeUndefined();
    expect(relaxed.data!.updateAccountingSettings.defaultInventoryAccount).toMatchObject({ id: wrong.id });
    // Still never an inactive account.
    const inactive = chart.find((a) => !a.active)!;
    const refusedInactive = await update({ paymentsAccountId: inactive.id });
    const fields = refusedInactive.errors?.[0]?.extensions?.fields as { path: string[]; message: string }[];
    expect(fields.map((f) => f.path)).toEqual([['input', 'paymentsAccountId']]);
    expect(fields[0]!.message).toMatch(/is inactive/);
    await update({ relaxAccountSelectionRestrictions: false, defaultInventoryAccountId: fitting(AccountPurpose.INVENTORY_ASSET) });
  });

  it('records who changed the settings (API key prefix and label) and when', async () => {
    const second = await gw.app.services.tenants.addKey((await gw.app.services.tenants.authenticate(key))!.id, 'settings screen');
    const started = Date.now();
    const result = await update({ pushSupplierInvoicesAsAwaitingApproval: true }, second);
    expect(result.errors).toBeUndefined();
    const saved = result.data!.updateAccountingSettings;
    expect(saved.updatedBy).toEqual({ apiKeyPrefix: second.slice(0, 10), apiKeyLabel: 'settings screen' });
    expect(new Date(saved.updatedAt!).getTime()).toBeGreaterThanOrEqual(started - 1000);
    expect(saved.pushSupplierInvoicesAsAwaitingApproval).toBe(true);
  });

  it('takes the payment method for pulled payments by externalId or name, and stores its externalId', async () => {
    await gql(gw.graphqlUrl, UpsertPaymentMethodDocument, { input: { externalId: 'pm-eft', name: 'EFT' } }, key);
    const byName = await update({ paymentMethodFromAccounts: 'eft' });
    expect(byName.errors).toBeUndefined();
    expect(byName.data!.updateAccountingSettings.paymentMethodFromAccounts).toBe('pm-eft');
    const byId = await update({ paymentMethodFromAccounts: 'pm-eft' });
    expect(byId.data!.updateAccountingSettings.paymentMethodFromAccounts).toBe('pm-eft');
  });

  it('keeps concurrent partial updates: each one\'s field survives', async () => {
    const labour = chart.filter((a) => a.active && isAccountTypeAllowed(AccountPurpose.LABOUR_INCOME, a.accountType));
    const results = await Promise.all([
      update({ defaultLabourIncomeAccountId: labour[1]!.id }),
      update({ invoiceReferenceField: 'SITE_ADDRESS' }),
      update({ teamTrackingCategory: 'DEPARTMENT' }),
      update({ accountingStartDate: '2027-01-01' }),
      update({ pushSupplierInvoicesAsAwaitingApproval: false }),
      update({ creditNoteAccountId: labour[0]!.id }),
    ]);
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(await settings()).toMatchObject({
      defaultLabourIncomeAccountId: labour[1]!.id,
      invoiceReferenceField: 'SITE_ADDRESS',
      teamTrackingCategory: 'DEPARTMENT',
      accountingStartDate: '2027-01-01',
      pushSupplierInvoicesAsAwaitingApproval: false,
      creditNoteAccountId: labour[0]!.id,
    });
  });

  it('refuses a malformed date through the LocalDate scalar', async () => {
    const result = await gql(gw.graphqlUrl, UpdateAccountingSettingsDocument, { input: { accountingStartDate: '01/07/2026' } }, key);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

/**
 * The FSM lists account overrides hang on (job types, supplies, payment methods, teams): idempotent
 * upserts by externalId, cursor pages, and overrides validated like the settings, resolved to Accounts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountPurpose, isAccountTypeAllowed } from '../../src/accounts/account-purpose.rules.js';
import {
  JobTypesDocument,
  PaymentMethodsDocument,
  SetJobTypeAccountsDocument,
  SetPaymentMethodSurchargeAccountDocument,
  SetSupplyIncomeAccountDocument,
  SuppliesDocument,
  TeamsDocument,
  UpdateAccountingSettingsDocument,
  UpsertJobTypeDocument,
  UpsertPaymentMethodDocument,
  UpsertSupplyDocument,
  UpsertTeamDocument,
} from '../generated/graphql.js';
import { seedAccounts } from '../accounts/seed-charts.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';
import { connectTenant } from '../helpers/quickbooks.js';

let gw: TestGateway;
let key: string;
let otherKey: string;

beforeAll(async () => {
  gw = await startTestGateway('overrides');
  key = (await gw.app.services.tenants.createTenant('Overrides Co')).apiKey;
  otherKey = (await gw.app.services.tenants.createTenant('Other Co')).apiKey;
  await connectTenant(gw, key, 'AU');
});
afterAll(async () => {
  await gw?.close();
});

const chart = seedAccounts('AU');
const incomeAccounts = chart.filter((a) => a.active && isAccountTypeAllowed(AccountPurpose.LABOUR_INCOME, a.accountType));
const expense = chart.find((a) => a.active && a.accountType === 'Expense')!;

describe('upserts by externalId', () => {
  it('repeating an upsert updates the same record instead of adding one', async () => {
    const first = await gql(gw.graphqlUrl, UpsertJobTypeDocument, { input: { externalId: 'jt-1', name: 'Domestic' } }, key);
    const again = await gql(gw.graphqlUrl, UpsertJobTypeDocument, { input: { externalId: 'jt-1', name: 'Domestic Service' } }, key);
    expect(again.data!.upsertJobType.id).toBe(first.data!.upsertJobType.id);
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => gql(gw.graphqlUrl, UpsertTeamDocument, { input: { externalId: 'team-1', name: 'Plumbing crew' } }, key)));
    expect(new Set(concurrent.map((r) => r.data!.upsertTeam.id)).size).toBe(1);
    const jobTypes = await gql(gw.graphqlUrl, JobTypesDocument, {}, key);
    expect(jobTypes.data!.jobTypes.totalCount).toBe(1);
    expect(jobTypes.data!.jobTypes.edges[0]!.node.name).toBe('Domestic Service');
    const teams = await gql(gw.graphqlUrl, TeamsDocument, {}, key);
    expect(teams.data!.teams.totalCount).toBe(1);
  });

  it('refuses an empty externalId or name, naming the field', async () => {
    const result = await gql(gw.graphqlUrl, UpsertSupplyDocument, { input: { externalId: '  ', name: '' } }, key);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'externalId'] }, { path: ['input', 'name'] }] });
  });

  it('pages lists with cursors and keeps tenants apart', async () => {
    for (let i = 0; i < 12; i++) await gql(gw.graphqlUrl, UpsertSupplyDocument, { input: { externalId: `sup-${i}`, name: `Supply ${String(i).padStart(2, '0')}`, code: `S${i}` } }, key);
    const names: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = (await gql(gw.graphqlUrl, SuppliesDocument, { first: 5, after }, key)).data!.supplies;
      expect(page.totalCount).toBe(12);
      names.push(...page.edges.map((e) => e.node.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(names).toEqual(Array.from({ length: 12 }, (_, i) => `Supply ${String(i).padStart(2, '0')}`));
    expect((await gql(gw.graphqlUrl, SuppliesDocument, {}, otherKey)).data!.supplies.totalCount).toBe(0);
  });
});

describe('account overrides', () => {
  it('sets a job type\'s labour and materials income accounts, resolved to Accounts', async () => {
    const jt = (await gql(gw.graphqlUrl, UpsertJobTypeDocument, { input: { externalId: 'jt-2', name: 'Commercial' } }, key)).data!.upsertJobType;
    const [labour, materials] = [incomeAccounts[0]!, incomeAccounts[1]!];
    const result = await gql(gw.graphqlUrl, SetJobTypeAccountsDocument, { jobTypeId: jt.id, labourIncomeAccountId: labour.id, materialsIncomeAccountId: materials.id }, key);
    expect(result.errors).toBeUndefined();
    expect(result.data!.setJobTypeAccounts).toMatchObject({
      labourIncomeAccount: { id: labour.id, name: labour.name },
      materialsIncomeAccount: { id: materials.id, name: materials.name },
    });
    // Omitted arguments are left alone; null clears.
    const cleared = await gql(gw.graphqlUrl, SetJobTypeAccountsDocument, { jobTypeId: jt.id, materialsIncomeAccountId: null }, key);
    expect(cleared.data!.setJobTypeAccounts).toMatchObject({ labourIncomeAccountId: labour.id, materialsIncomeAccountId: null, materialsIncomeAccount: null });
  });

  it('refuses a wrong-type account, changing nothing and naming the argument', async () => {
    const jt = (await gql(gw.graphqlUrl, UpsertJobTypeDocument, { input: { externalId: 'jt-3', name: 'Strata' } }, key)).data!.upsertJobType;
    const result = await gql(gw.graphqlUrl, SetJobTypeAccountsDocument, { jobTypeId: jt.id, labourIncomeAccountId: incomeAccounts[0]!.id, materialsIncomeAccountId: expense.id }, key);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: ['materialsIncomeAccountId'], message: `account ${expense.id} (${expense.name}, Expense) is not allowed for materialsIncomeAccount: allowed types are Income, Other Income` }],
    });
    const stored = (await gql(gw.graphqlUrl, JobTypesDocument, { search: 'Strata' }, key)).data!.jobTypes.edges[0]!.node;
    expect(stored.labourIncomeAccountId).toBeNull();
  });

  it('sets a supply\'s income account and a payment method\'s surcharge account, validated by purpose', async () => {
    const supplyId = (await gql(gw.graphqlUrl, SuppliesDocument, { first: 1 }, key)).data!.supplies.edges[0]!.node.id;
    const ok = await gql(gw.graphqlUrl, SetSupplyIncomeAccountDocument, { supplyId, incomeAccountId: incomeAccounts[2]!.id }, key);
    expect(ok.data!.setSupplyIncomeAccount.incomeAccount).toMatchObject({ id: incomeAccounts[2]!.id });
    const bad = await gql(gw.graphqlUrl, SetSupplyIncomeAccountDocument, { supplyId, incomeAccountId: expense.id }, key);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const visa = (await gql(gw.graphqlUrl, UpsertPaymentMethodDocument, { input: { externalId: 'pm-visa', name: 'Visa', isCard: true } }, key)).data!.upsertPaymentMethod;
    expect(visa.isCard).toBe(true);
    const surcharge = chart.find((a) => a.name === 'Card Surcharge Income')!;
    const set = await gql(gw.graphqlUrl, SetPaymentMethodSurchargeAccountDocument, { paymentMethodId: visa.id, surchargeIncomeAccountId: surcharge.id }, key);
    expect(set.data!.setPaymentMethodSurchargeAccount.surchargeIncomeAccount).toMatchObject({ id: surcharge.id, name: surcharge.name });
    const wrong = await gql(gw.graphqlUrl, SetPaymentMethodSurchargeAccountDocument, { paymentMethodId: visa.id, surchargeIncomeAccountId: expense.id }, key);
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['surchargeIncomeAccountId'] }] });
    const methods = await gql(gw.graphqlUrl, PaymentMethodsDocument, {}, key);
    expect(methods.data!.paymentMethods.edges.find((e) => e.node.id === visa.id)!.node.surchargeIncomeAccount).toMatchObject({ id: surcharge.id });
  });

  it('accepts any active account for an override once the tenant relaxed restrictions', async () => {
    const jt = (await gql(gw.graphqlUrl, UpsertJobTypeDocument, { input: { externalId: 'jt-4', name: 'Relaxed' } }, key)).data!.upsertJobType;
    await gql(gw.graphqlUrl, UpdateAccountingSettingsDocument, { input: { relaxAccountSelectionRestrictions: true } }, key);
    try {
      const result = await gql(gw.graphqlUrl, SetJobTypeAccountsDocument, { jobTypeId: jt.id, labourIncomeAccountId: expense.id }, key);
      expect(result.errors).toBeUndefined();
    } finally {
      await gql(gw.graphqlUrl, UpdateAccountingSettingsDocument, { input: { relaxAccountSelectionRestrictions: false } }, key);
    }
  });

  it('answers NOT_FOUND for another tenant\'s record', async () => {
    const jt = (await gql(gw.graphqlUrl, UpsertJobTypeDocument, { input: { externalId: 'jt-5', name: 'Mine' } }, key)).data!.upsertJobType;
    const result = await gql(gw.graphqlUrl, SetJobTypeAccountsDocument, { jobTypeId: jt.id, labourIncomeAccountId: incomeAccounts[0]!.id }, otherKey);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('resolves every account reference of a job type list in one database query', async () => {
    const queries: string[] = [];
    const connection = gw.app.database.connection;
    connection.set('debug', (collection: string, method: string) => queries.push(`${collection}.${method}`));
    try {
      const list = await gql(gw.graphqlUrl, JobTypesDocument, { first: 50 }, key);
      expect(list.data!.jobTypes.edges.filter((e) => e.node.labourIncomeAccount).length).toBeGreaterThanOrEqual(2);
    } finally {
      connection.set('debug', false);
    }
    // At most one load of the chart (none when this process holds it already: see test/accounts/read-path.test.ts).
    expect(queries.filter((q) => q.startsWith('qbo_accounts.')).length).toBeLessThanOrEqual(1);
  });
});

/**
 * The read path's in-process copies (chart of accounts, accounting settings) across processes: two
 * gateways on one database act as two processes. A chart refresh or a settings change made through
 * one is visible on the very next read through the other, while a read of an unchanged chart or
 * unchanged settings does not query their collections (one `_id` lookup of the tenant's stamp).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountingSettingsDocument, AccountsDocument, RefreshChartOfAccountsDocument, UpdateAccountingSettingsDocument } from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';
import { connectTenant, realmOf, simulatorOf } from '../helpers/quickbooks.js';

let a: TestGateway;
let b: TestGateway;
let key: string;

beforeAll(async () => {
  a = await startTestGateway('read_path');
  b = await startTestGateway('read_path_b', {}, { dbName: a.dbName, dataDir: a.dataDir });
  key = (await a.app.services.tenants.createTenant('Read Path Plumbing')).apiKey;
  await connectTenant(a, key, 'US');
}, 120_000);
afterAll(async () => {
  await b?.close();
  await a?.close();
});

/** Collections (and the filter names) queried through `gw` while `run` runs. */
async function queriesDuring<T>(gw: TestGateway, run: () => Promise<T>): Promise<{ result: T; queries: { collection: string; method: string; filter: string[] }[] }> {
  const queries: { collection: string; method: string; filter: string[] }[] = [];
  const connection = gw.app.database.connection;
  connection.set('debug', (collection: string, method: string, filter: unknown) => {
    queries.push({ collection, method, filter: filter && typeof filter === 'object' ? Object.keys(filter) : [] });
  });
  try {
    return { result: await run(), queries };
  } finally {
    connection.set('debug', false);
  }
}

async function expenseAccounts(gw: TestGateway) {
  const result = await gql(gw.graphqlUrl, AccountsDocument, { purpose: 'EXPENSE', first: 200 }, key);
  expect(result.errors).toBeUndefined();
  return result.data!.accounts;
}

describe('the chart of accounts', () => {
  it('an unchanged chart is read from memory: one stamp lookup by _id, no account query', async () => {
    await expenseAccounts(b); // this process loads the chart once
    const { result, queries } = await queriesDuring(b, () => expenseAccounts(b));
    expect(result.edges.map((e) => e.node.name)).toContain('Insurance');
    expect(queries.filter((q) => q.collection === 'qbo_accounts')).toEqual([]);
    const stamps = queries.filter((q) => q.collection === 'tenant_read_stamps');
    expect(stamps.length).toBeGreaterThan(0);
    expect(stamps.every((q) => q.method === 'findOne' && q.filter.join() === '_id')).toBe(true);
  });

  it('an account renamed, made inactive or created in QuickBooks is visible in the other process on its next read after a refresh', async () => {
    const before = await expenseAccounts(b);
    const store = simulatorOf(a).companies.get(realmOf(a, 'US').realmId)!;
    const byName = (name: string) => store.list('Account').find((r) => r.Name === name)!;
    const insurance = byName('Insurance');
    const utilities = byName('Utilities');
    store.write('Account', 'update', { Id: insurance.Id, SyncToken: insurance.SyncToken, Name: 'Business Insurance', sparse: true });
    store.write('Account', 'update', { Id: utilities.Id, SyncToken: utilities.SyncToken, Name: utilities.Name, Active: false, sparse: true });
    store.write('Account', 'create', { Name: 'Tool Hire', AccountType: 'Expense', AccountSubType: 'EquipmentRental' });

    const refreshed = await gql(a.graphqlUrl, RefreshChartOfAccountsDocument, { first: 1 }, key);
    expect(refreshed.errors).toBeUndefined();
    const after = await expenseAccounts(b);
    const names = after.edges.map((e) => e.node.name);
    expect(names).toContain('Business Insurance');
    expect(names).not.toContain('Insurance');
    expect(names).not.toContain('Utilities');
    expect(names).toContain('Tool Hire');
    expect(after.totalCount).toBe(before.totalCount); // one made inactive, one created
  });

  it('pages with cursors and searches as the database query did', async () => {
    const all = await expenseAccounts(b);
    const first = await gql(b.graphqlUrl, AccountsDocument, { purpose: 'EXPENSE', first: 2 }, key);
    const next = await gql(b.graphqlUrl, AccountsDocument, { purpose: 'EXPENSE', first: 2, after: first.data!.accounts.pageInfo.endCursor }, key);
    expect([...first.data!.accounts.edges, ...next.data!.accounts.edges].map((e) => e.node.id)).toEqual(all.edges.slice(0, 4).map((e) => e.node.id));
    expect(first.data!.accounts.pageInfo.hasNextPage).toBe(true);
    const search = await gql(b.graphqlUrl, AccountsDocument, { search: 'insur' }, key);
    expect(search.data!.accounts.edges.map((e) => e.node.name)).toEqual(['Business Insurance']);
    const bad = await gql(b.graphqlUrl, AccountsDocument, { after: 'bm90LWEtY3Vyc29y' }, key);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('the accounting settings', () => {
  it('a change saved through one process is what the other reads next; unchanged settings are not queried again', async () => {
    const all = await expenseAccounts(b);
    const chosen = all.edges[0]!.node;
    const readB = async () => {
      const result = await gql(b.graphqlUrl, AccountingSettingsDocument, {}, key);
      expect(result.errors).toBeUndefined();
      return result.data!.accountingSettings;
    };
    await readB();
    const saved = await gql(a.graphqlUrl, UpdateAccountingSettingsDocument, { input: { defaultExpenseAccountId: chosen.id, accountingStartDate: '2026-02-01' } }, key);
    expect(saved.errors).toBeUndefined();
    const { result, queries } = await queriesDuring(b, readB);
    expect(result.defaultExpenseAccountId).toBe(chosen.id);
    expect(result.accountingStartDate).toBe('2026-02-01');
    expect(queries.some((q) => q.collection === 'accounting_settings_revisions')).toBe(true); // loaded again: the stamp changed
    const again = await queriesDuring(b, readB);
    expect(again.result.defaultExpenseAccountId).toBe(chosen.id);
    expect(again.queries.filter((q) => q.collection === 'accounting_settings_revisions' || q.collection === 'qbo_accounts')).toEqual([]);
  });
});

/**
 * The chart-of-accounts cache over real HTTP: filled on connect through the real OAuth flow, filtered
 * by purpose exactly as the design table says (against the seeded AU and US charts), searched, paged,
 * served without QBO calls, refreshed fully and incrementally.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AccountPurpose, isAccountTypeAllowed } from '../../src/accounts/account-purpose.rules.js';
import { ChartService } from '../../src/accounts/chart.service.js';
import {
  type AccountPurpose as AccountPurposeName,
  AccountDocument,
  AccountsDocument,
  QuickBooksPaymentMethodsDocument,
  RefreshChartOfAccountsDocument,
  TaxCodesDocument,
  TrackingCategoriesDocument,
  UpdateAccountingSettingsDocument,
} from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';
import { connectTenant, realmOf, simulatorOf } from '../helpers/quickbooks.js';
import { seedAccounts, seedNames } from './seed-charts.js';

let gw: TestGateway;
const keys = {} as Record<'AU' | 'US' | 'none', string>;
const tenantIds = {} as Record<'AU' | 'US' | 'none', string>;

beforeAll(async () => {
  gw = await startTestGateway('accounts');
  for (const who of ['AU', 'US', 'none'] as const) {
    const created = await gw.app.services.tenants.createTenant(`Chart ${who}`);
    keys[who] = created.apiKey;
    tenantIds[who] = created.tenant.id;
  }
  await connectTenant(gw, keys.AU, 'AU');
  await connectTenant(gw, keys.US, 'US');
});
afterAll(async () => {
  await gw?.close();
});

type Vars = { purpose?: AccountPurposeName; search?: string; includeInactive?: boolean; first?: number; after?: string };

async function accountsPage(key: string, variables: Vars) {
  const result = await gql(gw.graphqlUrl, AccountsDocument, variables, key);
  expect(result.errors).toBeUndefined();
  return result.data!.accounts;
}

/** Every row, following the cursors. */
async function allAccounts(key: string, variables: Vars) {
  const nodes = [];
  let after: string | undefined;
  for (;;) {
    const page = await accountsPage(key, { ...variables, first: 200, after });
    nodes.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor!;
  }
}

function dataApiCalls(realmId: string): number {
  return simulatorOf(gw).state.requests.list({ realmId }).length;
}

describe('filled on connect', () => {
  it.each(['AU', 'US'] as const)('holds every %s account, inactive ones included, with exact decimal balances', async (country) => {
    const nodes = await allAccounts(keys[country], { includeInactive: true });
    const seeded = seedAccounts(country);
    expect(nodes.map((n) => n.id).sort()).toEqual(seeded.map((a) => a.id).sort());
    for (const node of nodes) {
      const seed = seeded.find((a) => a.id === node.id)!;
      // QBO renames an inactive name-list row "<name> (deleted)".
      expect(node).toMatchObject({ name: seed.active ? seed.name : `${seed.name} (deleted)`, accountType: seed.accountType, active: seed.active });
      expect(node.currentBalance).toMatch(/^-?\d+\.\d{2,}$/);
    }
    expect(nodes.some((n) => !n.active)).toBe(true);
  });

  it('leaves inactive accounts out by default', async () => {
    const nodes = await allAccounts(keys.AU, {});
    expect(nodes.map((n) => n.id).sort()).toEqual(
      seedAccounts('AU')
        .filter((a) => a.active)
        .map((a) => a.id)
        .sort(),
    );
  });
});

describe('accounts(purpose)', () => {
  const cases = (['AU', 'US'] as const).flatMap((country) => Object.values(AccountPurpose).map((purpose) => [country, purpose] as const));

  it.each(cases)('%s %s: exactly the active accounts of the allowed types', async (country, purpose) => {
    const expected = seedAccounts(country)
      .filter((a) => a.active && isAccountTypeAllowed(purpose, a.accountType))
      .map((a) => a.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0); // the seeds cover every purpose; an empty set would prove nothing
    const page = await accountsPage(keys[country], { purpose: purpose, first: 200 });
    expect(page.edges.map((e) => e.node.id).sort()).toEqual(expected);
    expect(page.totalCount).toBe(expected.length);
    for (const edge of page.edges) expect(edge.node.purposes).toContain(purpose);
  });

  it('returns every active account for any purpose once restrictions are relaxed, and filters again when not', async () => {
    const key = keys.US;
    const relax = await gql(gw.graphqlUrl, UpdateAccountingSettingsDocument, { input: { relaxAccountSelectionRestrictions: true } }, key);
    expect(relax.errors).toBeUndefined();
    const allActive = seedAccounts('US')
      .filter((a) => a.active)
      .map((a) => a.id)
      .sort();
    const page = await accountsPage(key, { purpose: 'INVENTORY_ASSET', first: 200 });
    expect(page.edges.map((e) => e.node.id).sort()).toEqual(allActive);

    await gql(gw.graphqlUrl, UpdateAccountingSettingsDocument, { input: { relaxAccountSelectionRestrictions: false } }, key);
    const strict = await accountsPage(key, { purpose: 'INVENTORY_ASSET', first: 200 });
    expect(strict.totalCount).toBeLessThan(allActive.length);
  });
});

describe('search and paging', () => {
  it('searches name, number and fully qualified name, case-insensitively, with user text taken literally', async () => {
    const byName = await allAccounts(keys.AU, { search: 'LABOUR income' });
    expect(byName.map((n) => n.name).sort()).toEqual(
      seedAccounts('AU')
        .filter((a) => a.active && a.name.toLowerCase().includes('labour income'))
        .map((a) => a.name)
        .sort(),
    );
    const withNumber = seedAccounts('AU').find((a) => a.acctNum)!;
    const byNumber = await allAccounts(keys.AU, { search: withNumber.acctNum });
    expect(byNumber.map((n) => n.id)).toContain(withNumber.id);
    // Regex metacharacters are escaped: ".*" matches nothing rather than everything.
    expect(await allAccounts(keys.AU, { search: '.*' })).toEqual([]);
    expect(await allAccounts(keys.AU, { search: '(' })).toEqual([]);
  });

  it('combines search with purpose', async () => {
    const nodes = await allAccounts(keys.AU, { search: 'income', purpose: 'BAD_DEBT' });
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(isAccountTypeAllowed(AccountPurpose.BAD_DEBT, node.accountType)).toBe(true);
      expect(node.name.toLowerCase()).toContain('income');
    }
  });

  it('pages with cursors: every row exactly once, in fully-qualified-name order, same totalCount on each page', async () => {
    const everything = await allAccounts(keys.AU, {});
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await accountsPage(keys.AU, { first: 7, after });
      pages++;
      expect(page.totalCount).toBe(everything.length);
      expect(page.edges.length).toBeLessThanOrEqual(7);
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
      after = page.pageInfo.endCursor!;
    }
    expect(pages).toBe(Math.ceil(everything.length / 7));
    expect(seen).toEqual(everything.map((n) => n.id));
    const names = everything.map((n) => n.fullyQualifiedName.toLowerCase());
    expect(names).toEqual([...names].sort());
  });

  it('refuses a bad page size or a forged cursor with BAD_USER_INPUT naming the argument', async () => {
    const big = await gql(gw.graphqlUrl, AccountsDocument, { first: 1000 }, keys.AU);
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['first'] }] });
    const forged = await gql(gw.graphqlUrl, AccountsDocument, { after: 'not-a-cursor' }, keys.AU);
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['after'] }] });
  });
});

describe('served from the cache', () => {
  it('answers account queries without calling QBO', async () => {
    const realm = realmOf(gw, 'AU').realmId;
    const before = dataApiCalls(realm);
    await allAccounts(keys.AU, { purpose: 'LABOUR_INCOME' });
    await allAccounts(keys.AU, { search: 'bank' });
    const one = seedAccounts('AU')[0]!;
    const single = await gql(gw.graphqlUrl, AccountDocument, { id: one.id }, keys.AU);
    expect(single.data?.account?.name).toBe(one.name);
    expect(dataApiCalls(realm)).toBe(before);
  });

  it('returns null for an id that is not in the chart', async () => {
    const unknown = await gql(gw.graphqlUrl, AccountDocument, { id: '999999' }, keys.AU);
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data?.account).toBeNull();
  });

  it('keeps tenants apart: the AU tenant never sees US accounts', async () => {
    const usOnly = seedAccounts('US').map((a) => a.id).filter((id) => !seedAccounts('AU').some((a) => a.id === id));
    const auIds = new Set((await allAccounts(keys.AU, { includeInactive: true })).map((n) => n.id));
    for (const id of usOnly) expect(auIds.has(id)).toBe(false);
    const noneIds = await allAccounts(keys.none, { includeInactive: true });
    expect(noneIds).toEqual([]);
  });
});

describe('tracking categories, tax codes, QBO payment methods', () => {
  it.each(['AU', 'US'] as const)('%s: match the seed', async (country) => {
    const classes = await gql(gw.graphqlUrl, TrackingCategoriesDocument, { kind: 'CLASS' }, keys[country]);
    expect(classes.data!.trackingCategories.map((c) => c.name).sort()).toEqual(seedNames(country, 'Class', { activeOnly: true }));
    expect(classes.data!.trackingCategories.every((c) => c.kind === 'CLASS')).toBe(true);
    const departments = await gql(gw.graphqlUrl, TrackingCategoriesDocument, { kind: 'DEPARTMENT' }, keys[country]);
    expect(departments.data!.trackingCategories.map((c) => c.name).sort()).toEqual(seedNames(country, 'Department', { activeOnly: true }));
    const taxCodes = await gql(gw.graphqlUrl, TaxCodesDocument, {}, keys[country]);
    expect(taxCodes.data!.taxCodes.map((c) => c.name).sort()).toEqual(seedNames(country, 'TaxCode', { activeOnly: true }));
    const methods = await gql(gw.graphqlUrl, QuickBooksPaymentMethodsDocument, {}, keys[country]);
    expect(methods.data!.quickBooksPaymentMethods.map((m) => m.name).sort()).toEqual(seedNames(country, 'PaymentMethod', { activeOnly: true }));
  });
});

describe('refreshing', () => {
  it('refuses refreshChartOfAccounts for a tenant that is not connected', async () => {
    const result = await gql(gw.graphqlUrl, RefreshChartOfAccountsDocument, {}, keys.none);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUICKBOOKS_NOT_CONNECTED');
  });

  it('picks up accounts created and deactivated in QBO: incrementally, then with refreshChartOfAccounts', async () => {
    const tenantId = tenantIds.AU;
    const client = await gw.app.services.connections.clientFor(tenantId);
    // Changes land in a later (virtual) second than the seed, as they would in a real company.
    simulatorOf(gw).clock.advance(5_000);
    const created = await client.create<{ Id: string; SyncToken: string }>('Account', { Name: 'Equipment Hire Income', AccountType: 'Income', AcctNum: '4-5000' });
    const bankFees = seedAccounts('AU').find((a) => a.name === 'Bank Fees')!;
    const current = await client.read<{ Id: string; SyncToken: string }>('Account', bankFees.id);
    await client.update('Account', { Id: current.Id, SyncToken: current.SyncToken, Name: 'Bank Fees', Active: false });

    const before = await allAccounts(keys.AU, { purpose: 'LABOUR_INCOME' });
    expect(before.map((n) => n.id)).not.toContain(created.Id); // the cache is not QBO

    const result = await gw.app.services.chart.refresh(tenantId, 'incremental');
    expect(result.mode).toBe('incremental');
    // Only what changed since the watermark came back (the new account and the deactivated one).
    expect(result.written.Account).toBe(2);
    expect((await allAccounts(keys.AU, { purpose: 'LABOUR_INCOME' })).map((n) => n.id)).toContain(created.Id);
    const fees = await gql(gw.graphqlUrl, AccountDocument, { id: bankFees.id }, keys.AU);
    expect(fees.data?.account).toMatchObject({ active: false });
    expect((await allAccounts(keys.AU, { purpose: 'EXPENSE' })).map((n) => n.id)).not.toContain(bankFees.id);

    const sub = await client.create<{ Id: string; SyncToken: string }>('Account', { Name: 'Excavator', AccountType: 'Income', SubAccount: true, ParentRef: { value: created.Id } });
    const refreshed = await gql(gw.graphqlUrl, RefreshChartOfAccountsDocument, { first: 200 }, keys.AU);
    expect(refreshed.errors).toBeUndefined();
    // Two accounts created, one deactivated.
    expect(refreshed.data!.refreshChartOfAccounts.totalCount).toBe(seedAccounts('AU').filter((a) => a.active).length + 2 - 1);
    expect(refreshed.data!.refreshChartOfAccounts.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining([created.Id, sub.Id]));
    const excavator = await gql(gw.graphqlUrl, AccountDocument, { id: sub.Id }, keys.AU);
    expect(excavator.data?.account).toMatchObject({ fullyQualifiedName: 'Equipment Hire Income:Excavator', parentId: created.Id, parent: { id: created.Id, name: 'Equipment Hire Income' } });
  });
});

describe('a stale cache', () => {
  it('is refreshed incrementally in the background when older than the configured age, and only then', async () => {
    const access = gw.app.services.connections;
    const realm = realmOf(gw, 'AU').realmId;
    const now = new ChartService(gw.app.services.repositories, access, gw.app.services.provider, { maxAgeMs: 60_000 });
    const twoMinutesLater = new ChartService(gw.app.services.repositories, access, gw.app.services.provider, { maxAgeMs: 60_000, now: () => new Date(Date.now() + 120_000) });

    const calls = dataApiCalls(realm);
    expect(await now.refreshIfStale(tenantIds.AU)).toBe(false);
    expect(await twoMinutesLater.refreshIfStale(tenantIds.none)).toBe(false); // not connected: nothing to refresh from
    expect(dataApiCalls(realm)).toBe(calls);

    expect(await twoMinutesLater.refreshIfStale(tenantIds.AU)).toBe(true);
    await vi.waitFor(async () => expect((await now.lastRefreshedAt(tenantIds.AU))!.getTime()).toBeGreaterThan(Date.now() + 60_000), { timeout: 10_000 });
    expect(dataApiCalls(realm)).toBeGreaterThan(calls);
  });
});

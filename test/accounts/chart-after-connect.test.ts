/**
 * The chart of accounts right after a connection (issue 14 item 2), over GraphQL on real HTTP against the
 * simulator. The simulator is made slow or failing for the chart's queries (scripted faults on
 * `/query`), so the background fill started by the connection is still running when the client asks:
 * - `accounts` asked at once waits for the first fill and answers the chart (not an empty list), READY;
 * - the connection view says LOADING meanwhile, so a client can tell "empty" from "not read yet";
 * - `accountingSettings` asked at once also waits for the chart it checks settings against;
 * - the wait is bounded: past it `accounts` answers LOADING with a plain message;
 * - a fill that fails is FAILED with the reason, and "Refresh chart of accounts" makes it READY.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_FILL_WAIT_MS } from '../../src/accounts/chart.service.js';
import { AccountsWithChartStateDocument, ConnectionChartStateDocument, RefreshChartOfAccountsDocument, SettingsRightAfterConnectDocument } from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';
import { connectThroughBrowser, realmOf, simulatorOf } from '../helpers/quickbooks.js';

let gw: TestGateway;
let realmId: string;

beforeAll(async () => {
  // Several tenants connect the same simulator company, one per case.
  gw = await startTestGateway('chart_after_connect', { FIELDBOOKS_ALLOW_SHARED_REALMS: 'true' });
  realmId = realmOf(gw, 'AU').realmId;
});
afterEach(async () => {
  simulatorOf(gw).state.faults.clear();
  await gw.app.services.connections.idle();
});
afterAll(async () => {
  await gw?.close();
});

/** A new tenant, connected through the browser flow; returns as soon as the callback answered (the chart fill runs on). */
async function connectNewTenant(name: string): Promise<string> {
  const { apiKey } = await gw.app.services.tenants.createTenant(name);
  const attempt = await connectThroughBrowser(gw, apiKey, { realmId });
  expect(attempt.response.status).toBe(200);
  return apiKey;
}

/** Every chart query the connection's fill makes is held this long by the simulator. */
function slowChartQueries(holdMs: number, count = 20): void {
  simulatorOf(gw).state.faults.add({ kind: 'timeout', realmId, method: 'GET', path: '/query', holdMs, count });
}

describe('accounts right after connecting', () => {
  it('waits for the first fill and answers the chart, while the connection view says LOADING', async () => {
    slowChartQueries(400);
    const key = await connectNewTenant('Chart right away');

    const connection = await gql(gw.graphqlUrl, ConnectionChartStateDocument, {}, key);
    expect(connection.errors).toBeUndefined();
    expect(connection.data!.quickBooksConnection).toMatchObject({ status: 'CONNECTED', chartState: 'LOADING' });
    expect(connection.data!.quickBooksConnection.chartStateMessage).toContain('Still loading the chart of accounts from QuickBooks');

    const started = Date.now();
    const accounts = await gql(gw.graphqlUrl, AccountsWithChartStateDocument, { purpose: 'LABOUR_INCOME', first: 50 }, key);
    expect(accounts.errors).toBeUndefined();
    const page = accounts.data!.accounts;
    expect(page.chartState).toBe('READY');
    expect(page.chartStateMessage).toBeNull();
    expect(page.totalCount).toBeGreaterThan(0);
    expect(page.edges.map((e) => e.node.name)).toContain('Labour Income');
    expect(Date.now() - started).toBeLessThan(FIRST_FILL_WAIT_MS);

    const after = await gql(gw.graphqlUrl, ConnectionChartStateDocument, {}, key);
    expect(after.data!.quickBooksConnection).toMatchObject({ chartState: 'READY', chartStateMessage: null });
  });

  it('accountingSettings asked at once also waits for the chart', async () => {
    slowChartQueries(400);
    const key = await connectNewTenant('Settings right away');
    const result = await gql(gw.graphqlUrl, SettingsRightAfterConnectDocument, {}, key);
    expect(result.errors).toBeUndefined();
    // Asked next: by the time the settings were answered, the chart (about 2 s of held queries) was filled.
    const after = await gql(gw.graphqlUrl, ConnectionChartStateDocument, {}, key);
    expect(after.data!.quickBooksConnection.chartState).toBe('READY');
  });

  it('waits at most FIRST_FILL_WAIT_MS, then answers LOADING in plain words', async () => {
    // The first chart query is held past the wait (and past nothing else: the fill then finishes).
    slowChartQueries(FIRST_FILL_WAIT_MS + 3_000, 1);
    const key = await connectNewTenant('Chart still loading');
    const started = Date.now();
    const accounts = await gql(gw.graphqlUrl, AccountsWithChartStateDocument, { first: 50 }, key);
    const waited = Date.now() - started;
    expect(accounts.errors).toBeUndefined();
    expect(accounts.data!.accounts.chartState).toBe('LOADING');
    expect(accounts.data!.accounts.chartStateMessage).toContain('Still loading the chart of accounts from QuickBooks');
    expect(waited).toBeGreaterThanOrEqual(FIRST_FILL_WAIT_MS - 500);
    expect(waited).toBeLessThan(FIRST_FILL_WAIT_MS + 2_500);

    await gw.app.services.connections.idle();
    const later = await gql(gw.graphqlUrl, AccountsWithChartStateDocument, { first: 50 }, key);
    expect(later.data!.accounts).toMatchObject({ chartState: 'READY' });
    expect(later.data!.accounts.totalCount).toBeGreaterThan(0);
  }, 30_000);

  it('a fill that fails is FAILED with the reason; "Refresh chart of accounts" then fills it', async () => {
    // QuickBooks answers every chart query with a 500 (the client's retries fail too).
    simulatorOf(gw).state.faults.add({ kind: '500', realmId, method: 'GET', path: '/query', rate: 1 });
    const key = await connectNewTenant('Chart failing');
    // The fill gives up after the client's retries (longer than a read waits).
    await gw.app.services.connections.idle();
    const started = Date.now();
    const accounts = await gql(gw.graphqlUrl, AccountsWithChartStateDocument, { first: 50 }, key);
    expect(accounts.errors).toBeUndefined();
    expect(accounts.data!.accounts).toMatchObject({ chartState: 'FAILED', totalCount: 0 });
    expect(accounts.data!.accounts.chartStateMessage).toMatch(/^The chart of accounts could not be read from QuickBooks/);
    expect(accounts.data!.accounts.chartStateMessage).toContain('Refresh chart of accounts');
    // Answered at once: a read does not start another attempt that would wait out QuickBooks' retries again.
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((await gql(gw.graphqlUrl, ConnectionChartStateDocument, {}, key)).data!.quickBooksConnection.chartState).toBe('FAILED');

    simulatorOf(gw).state.faults.clear();
    const refreshed = await gql(gw.graphqlUrl, RefreshChartOfAccountsDocument, { first: 10 }, key);
    expect(refreshed.errors).toBeUndefined();
    const after = await gql(gw.graphqlUrl, AccountsWithChartStateDocument, { first: 50 }, key);
    expect(after.data!.accounts.chartState).toBe('READY');
    expect(after.data!.accounts.totalCount).toBeGreaterThan(0);
  }, 40_000);

  it('a tenant that never connected is NOT_CONNECTED, not LOADING, and is answered at once', async () => {
    const { apiKey } = await gw.app.services.tenants.createTenant('Never connected');
    const started = Date.now();
    const accounts = await gql(gw.graphqlUrl, AccountsWithChartStateDocument, { first: 50 }, apiKey);
    expect(accounts.data!.accounts).toMatchObject({ chartState: 'NOT_CONNECTED', totalCount: 0, chartStateMessage: 'Connect QuickBooks to load its chart of accounts.' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

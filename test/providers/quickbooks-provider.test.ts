/**
 * The QuickBooks provider behind the port, against the built-in simulator over real HTTP (a real
 * QboClient with its limiter and node-quickbooks): reads by id (610 becomes null), the chart lists in
 * the port's neutral rows, the change feed (CDC, its 30-day refusal, queries by change time, which ids
 * still exist), and QBO's faults arriving as the port's ProviderError kinds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QboClient, type QboRecord } from '../../src/providers/quickbooks/qbo.client.js';
import { QBO_LIMITS, RealmLimiter } from '../../src/providers/quickbooks/qbo.limiter.js';
import { QBO_CHART_LISTS, QuickBooksAuth, QuickBooksProvider, toProviderError } from '../../src/providers/quickbooks/quickbooks.provider.js';
import { type ProviderCompany, type RemoteRecord } from '../../src/providers/accounting-provider.port.js';
import { startSandboxClient, type SandboxClient } from '../sandbox/query-http.helper.js';

let c: SandboxClient;
let limiter: RealmLimiter;
let client: QboClient;
let company: ProviderCompany;

beforeAll(async () => {
  c = await startSandboxClient({ limits: false });
  limiter = new RealmLimiter({ ...QBO_LIMITS, windowMs: 60_000 });
  client = new QboClient({
    realmId: c.realmId,
    apiBaseUrl: c.url,
    limiter,
    retries: 1,
    retryBaseMs: 10,
    tokens: { accessToken: () => Promise.resolve(c.accessToken), refreshAfterUnauthorized: () => Promise.reject(new Error('no refresh in this test')) },
  });
  const auth = new QuickBooksAuth(() => {
    throw new Error('no OAuth in this test');
  });
  const provider = new QuickBooksProvider({ clients: { clientFor: () => Promise.resolve(client) }, auth });
  company = await provider.companyFor('any-tenant');
});
afterAll(async () => {
  await limiter.stop();
  await c.close();
});

/** A one-line invoice for a new customer (the seeded company's first item). */
async function newInvoice(name: string): Promise<QboRecord> {
  const item = (await client.queryPage<QboRecord>('Item', 'maxresults 1'))[0]!;
  const customer = await client.create<QboRecord>('Customer', { DisplayName: name });
  return client.create<QboRecord>('Invoice', { CustomerRef: { value: customer.Id }, Line: [{ DetailType: 'SalesItemLineDetail', Amount: 50, SalesItemLineDetail: { ItemRef: { value: item.Id } } }] });
}

async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for await (const page of pages) rows.push(...page);
  return rows;
}

describe('the QuickBooks company behind the port', () => {
  it('names the realm as the company and describes it from CompanyInfo', async () => {
    expect(company.companyId).toBe(c.realmId);
    const described = await company.describe();
    expect(described).toMatchObject({ companyId: c.realmId, country: 'US' });
    expect(described.name).toBeTruthy();
  });

  it('reads a record by id, and a deleted one as null (QBO answers 610)', async () => {
    const customer = await client.create<QboRecord>('Customer', { DisplayName: 'Port Read Customer' });
    const read = await company.read('customer', customer.Id);
    expect(read).toMatchObject({ kind: 'customer', id: customer.Id, versionToken: customer.SyncToken, deleted: false, raw: { DisplayName: 'Port Read Customer' } });
    expect(read!.updatedAt).toBeInstanceOf(Date);
    const invoice = await newInvoice('Port Read Invoice Customer');
    await client.delete('Invoice', { Id: invoice.Id, SyncToken: invoice.SyncToken });
    expect(await company.read('invoice', invoice.Id)).toBeNull();
  });

  it('reads the chart in neutral rows, inactive accounts included', async () => {
    const account = await client.create<QboRecord>('Account', { Name: 'Port Inactive Expense', AccountType: 'Expense' });
    await client.update('Account', { Id: account.Id, SyncToken: account.SyncToken, Name: 'Port Inactive Expense', Active: false });
    const accounts = await collect(company.readAccounts(null));
    const inactive = accounts.find((a) => a.id === account.Id);
    // QBO renames a deactivated account "<name> (deleted)".
    expect(inactive).toMatchObject({ type: 'Expense', active: false });
    expect(inactive!.name).toMatch(/^Port Inactive Expense/);
    expect(inactive!.balance).toMatch(/^-?\d+\.\d{2,}$/);
    const taxCodes = await collect(company.readReferences(QBO_CHART_LISTS.find((l) => l.key === 'TaxCode')!, null));
    expect(taxCodes.length).toBeGreaterThan(0);
    expect(taxCodes[0]!.id).toBeTruthy();
    expect(taxCodes[0]!.name).toBeTruthy();
    expect(taxCodes[0]!.paymentType).toBeNull();
    // Incremental: only what changed after the newest change time seen.
    const newest = accounts.map((a) => a.updatedAt!).reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
    c.sandbox.clock.advance(2_000);
    const later = await client.create<QboRecord>('Account', { Name: 'Port Later Income', AccountType: 'Income' });
    expect((await collect(company.readAccounts(newest))).map((a) => a.id)).toEqual([later.Id]);
  });

  it('follows changes by CDC, refuses a window past 30 days as beyond-look-back, and queries by change time instead', async () => {
    c.sandbox.clock.advance(60_000);
    const since = new Date(c.sandbox.clock.now());
    c.sandbox.clock.advance(1_000);
    const customer = await client.create<QboRecord>('Customer', { DisplayName: 'Port CDC Customer' });
    const window = await company.changes.changesSince!(['customer', 'invoice', 'payment'], since);
    if (window === 'beyond-look-back') throw new Error('expected a CDC window');
    expect(window.records.map((r) => [r.kind, r.id])).toContainEqual(['customer', customer.Id]);
    expect(window.serverTime).toBeInstanceOf(Date);

    expect(await company.changes.changesSince!(['customer'], new Date(c.sandbox.clock.now() - 31 * 86_400_000))).toBe('beyond-look-back');

    const queried: RemoteRecord[] = [];
    for await (const page of company.changes.modifiedBetween('customer', since)) queried.push(...page);
    expect(queried.map((r) => r.id)).toContain(customer.Id);
    expect(await collect(company.changes.modifiedBetween('customer', since, since))).toEqual([]);
  });

  it('tells which ids still exist (deleted transactions vanish from queries)', async () => {
    const kept = await newInvoice('Port Kept Invoice Customer');
    const gone = await newInvoice('Port Gone Invoice Customer');
    await client.delete('Invoice', { Id: gone.Id, SyncToken: gone.SyncToken });
    expect([...(await company.changes.stillExisting('invoice', [kept.Id, gone.Id]))]).toEqual([kept.Id]);
  });
});

describe('QuickBooks faults over HTTP as ProviderErrors', () => {
  it('a stale SyncToken is stale, a taken name is duplicate, neither retryable', async () => {
    const customer = await client.create<QboRecord>('Customer', { DisplayName: 'Port Fault Customer' });
    await client.update('Customer', { Id: customer.Id, SyncToken: customer.SyncToken, CompanyName: 'First edit' });
    const stale = toProviderError(await client.update('Customer', { Id: customer.Id, SyncToken: customer.SyncToken, CompanyName: 'Second edit' }).catch((e: unknown) => e));
    expect(stale).toMatchObject({ provider: 'quickbooks', kind: 'stale', providerCode: '5010', retryable: false });

    const duplicate = toProviderError(await client.create('Customer', { DisplayName: 'Port Fault Customer' }).catch((e: unknown) => e));
    expect(duplicate).toMatchObject({ kind: 'duplicate', providerCode: '6240', retryable: false });
    expect(duplicate.message).toMatch(/Duplicate Name/i);
  });
});

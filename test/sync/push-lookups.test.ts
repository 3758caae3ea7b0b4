/**
 * The QuickBooks lookups of a push run, against the simulator over real HTTP: before its first create
 * each invoice is checked against the invoices QuickBooks already holds (same number and customer) and
 * each customer against QuickBooks' customers (same name or email), a hundred per query, not one query
 * per record; what QuickBooks already holds is still linked, never duplicated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { connectTenant, realmOf, simulatorOf } from '../helpers/quickbooks.js';

let gw: TestGateway;
let tenantId: string;
let realmId: string;

interface QboRow {
  Id: string;
  DocNumber?: string;
  DisplayName?: string;
  CustomerRef?: { value: string };
}

const rows = (entity: string): QboRow[] => simulatorOf(gw).companies.get(realmId)!.list(entity as never) as unknown as QboRow[];
const lastSeq = () => simulatorOf(gw).state.requests.list().at(-1)?.seq ?? 0;

/** The SELECTs sent since `since` on `entity` (node-quickbooks sends them as GET /query?query=...). */
function queriesOf(since: number, entity: string): string[] {
  return simulatorOf(gw)
    .state.requests.list()
    .filter((r) => r.seq > since && r.path.endsWith('/query'))
    .map((r) => (typeof r.query.query === 'string' ? r.query.query : ''))
    .filter((q) => new RegExp(`from ${entity}\\b`, 'i').test(q));
}

beforeAll(async () => {
  gw = await startTestGateway('push_lookups', { FIELDBOOKS_SYNC_WORKER: 'false' });
  const created = await gw.app.services.tenants.createTenant('Lookups Plumbing');
  tenantId = created.tenant.id;
  await connectTenant(gw, created.apiKey, 'US');
  realmId = realmOf(gw, 'US').realmId;
  await gw.app.services.chart.refresh(tenantId);
  const accounts = await gw.app.services.chart.listAccounts(tenantId, {}, { limit: 500, after: undefined });
  const id = (name: string) => accounts.rows.find((a) => a.name === name)?.qboId ?? null;
  await gw.app.services.settings.update(
    tenantId,
    { defaultLabourIncomeAccountId: id('Services'), defaultSuppliesIncomeAccountId: id('Materials Income'), paymentsAccountId: id('Checking'), defaultRoundingAccountId: id('Rounding'), accountingStartDate: '2026-01-01' },
    { apiKeyPrefix: 'lookups' },
  );
});

afterAll(async () => {
  await gw?.close();
});

describe('lookups before first creates', () => {
  it('checks 150 invoices and 3 customers with a few queries, and still links what QuickBooks holds', async () => {
    const store = simulatorOf(gw).companies.get(realmId)!;
    // Entered in QuickBooks by a QBO user: one of the FSM's customers, and its invoice L000100 (same total).
    const theirs = store.write('Customer', 'create', { DisplayName: 'Lookup Customer 1' }) as unknown as QboRow;
    const item = rows('Item').find((r) => (r as { Type?: string }).Type === 'Service')!;
    const held = store.write('Invoice', 'create', { CustomerRef: { value: theirs.Id }, DocNumber: 'L000100', TxnDate: '2026-03-02', Line: [{ DetailType: 'SalesItemLineDetail', Amount: 120, SalesItemLineDetail: { ItemRef: { value: item.Id } } }] }) as unknown as QboRow;
    const ledger = gw.app.services.ledgerRecords;
    for (let c = 0; c < 3; c++) await ledger.upsertCustomer(tenantId, { externalId: `c${c}`, displayName: `Lookup Customer ${c}`, ...(c === 2 ? { email: 'two@example.com' } : {}) });
    let linkedId = '';
    for (let i = 0; i < 150; i++) {
      const made = await ledger.upsertInvoice(tenantId, {
        externalId: `i${i}`, customerExternalId: `c${i % 3}`, number: `L${String(i).padStart(6, '0')}`, date: '2026-03-02', currency: 'USD',
        lines: [{ lineId: 'l1', kind: 'LABOUR', description: 'Service call', quantity: '1', unitPrice: '120.00', amount: '120.00', taxable: false }],
        subtotal: '120.00', totalTax: '0.00', total: '120.00',
      });
      if (i === 100) linkedId = made.id;
    }
    const since = lastSeq();
    const run = await gw.app.services.sync.runs.start(tenantId, {});
    await gw.app.services.sync.runs.idle(tenantId);
    const finished = await gw.app.services.sync.runs.get(tenantId, run.id);
    expect(finished?.status).toBe('SUCCEEDED');
    expect(finished?.succeeded).toBe(153);

    // 150 numbers in chunks of 100: two invoice queries (one per record before); the three customers'
    // names and the one email in one query each (the customer lookups by name happen once per customer before).
    expect(queriesOf(since, 'Invoice')).toHaveLength(2);
    expect(queriesOf(since, 'Invoice').every((q) => /DocNumber in \(/i.test(q))).toBe(true);
    expect(queriesOf(since, 'Customer').filter((q) => /DisplayName in \(/i.test(q))).toHaveLength(1);
    expect(queriesOf(since, 'Customer').filter((q) => /PrimaryEmailAddr in \(/i.test(q))).toHaveLength(1);
    expect(queriesOf(since, 'Customer').length).toBeLessThanOrEqual(2);

    // What QuickBooks held is linked: one customer and one invoice L000100, the QBO user's.
    expect(rows('Customer').filter((r) => r.DisplayName === 'Lookup Customer 1')).toHaveLength(1);
    expect(rows('Invoice').filter((r) => r.DocNumber === 'L000100').map((r) => r.Id)).toEqual([held.Id]);
    const mapping = await gw.app.services.sync.push.mappingOf(tenantId, 'invoice', linkedId);
    expect(mapping?.qboId).toBe(held.Id);
    // Every other invoice exactly once.
    const numbers = rows('Invoice').map((r) => r.DocNumber).filter((n): n is string => !!n && /^L\d{6}$/.test(n));
    expect(numbers).toHaveLength(150);
    expect(new Set(numbers).size).toBe(150);
  }, 180_000);
});

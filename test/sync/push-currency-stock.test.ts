/**
 * Issue #13 items 4 and 5 through the public GraphQL API against the AU simulator company, with QBO's
 * end state read back from the simulator's admin API and checked to the cent:
 * - foreign currency: an NZD customer is refused with a clear issue while multicurrency is off (nothing
 *   written to QBO), then, once a bookkeeper turns multicurrency on, lands with its currency, invoices at
 *   the FSM's rate or QBO's, NZD payments, home amounts and balances;
 * - retention withheld on a standard invoice; a discount line on the discount account (labour income
 *   without the setting, as before);
 * - stock: per-supply inventory asset and cost of goods sold accounts, bills as item lines raising the
 *   quantity, a job type's materials override never turning stock into a non-inventory item, and QBO's
 *   quantity on hand agreeing with the FSM's purchases less sales after voids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RecordPaymentDocument,
  RefreshChartOfAccountsDocument,
  SetJobTypeAccountsDocument,
  SetSupplyStockAccountsDocument,
  StartSyncDocument,
  SyncIssuesDocument,
  SyncRunDocument,
  UpdateAccountingSettingsDocument,
  UpsertCustomerDocument,
  UpsertInvoiceDocument,
  UpsertJobTypeDocument,
  UpsertPaymentMethodDocument,
  UpsertSupplierDocument,
  UpsertSupplierInvoiceDocument,
  UpsertSupplyDocument,
  VoidInvoiceDocument,
} from '../generated/graphql.js';
import { accountIdByName, chooseAustralianAccounts } from '../helpers/accounting-setup.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';
import { connectTenant, realmOf, simulatorOf } from '../helpers/quickbooks.js';

interface Ref {
  value: string;
  name?: string;
}
interface QboRow {
  Id: string;
  DisplayName?: string;
  Name?: string;
  Type?: string;
  DocNumber?: string;
  TotalAmt?: number;
  HomeTotalAmt?: number;
  Balance?: number;
  HomeBalance?: number;
  ExchangeRate?: number;
  CurrencyRef?: Ref;
  CustomerRef?: Ref;
  IncomeAccountRef?: Ref;
  AssetAccountRef?: Ref;
  ExpenseAccountRef?: Ref;
  QtyOnHand?: number;
  TrackQtyOnHand?: boolean;
  PrivateNote?: string;
  TxnTaxDetail?: { TotalTax?: number };
  Line?: {
    Amount?: number;
    DetailType?: string;
    LinkedTxn?: { TxnId: string; TxnType: string }[];
    SalesItemLineDetail?: { ItemRef: Ref; ItemAccountRef?: Ref; Qty?: number };
    ItemBasedExpenseLineDetail?: { ItemRef: Ref; Qty?: number; UnitPrice?: number };
  }[];
}

let gw: TestGateway;
let key: string;
let tenantId: string;
let realmId: string;

async function entities(entity: string): Promise<QboRow[]> {
  const response = await fetch(`${gw.app.quickbooks.endpoints.apiBaseUrl}/_sandbox/entities/${realmId}/${entity}`);
  return ((await response.json()) as { records: QboRow[] }).records;
}
async function act(action: string, body: Record<string, unknown> = {}): Promise<void> {
  const response = await fetch(`${gw.app.quickbooks.endpoints.apiBaseUrl}/_sandbox/act/${realmId}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
}
async function runToEnd() {
  const started = await gql(gw.graphqlUrl, StartSyncDocument, { input: {} }, key);
  expect(started.errors).toBeUndefined();
  await gw.app.services.sync.runs.idle(tenantId);
  return (await gql(gw.graphqlUrl, SyncRunDocument, { id: started.data!.startSync.id }, key)).data!.syncRun!;
}
async function openIssues() {
  const result = await gql(gw.graphqlUrl, SyncIssuesDocument, { status: 'OPEN', first: 100 }, key);
  expect(result.errors).toBeUndefined();
  return result.data!.syncIssues.edges.map((e) => e.node);
}
async function must<T extends { errors?: unknown; data?: unknown }>(result: Promise<T>): Promise<NonNullable<T['data']>> {
  const r = await result;
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as NonNullable<T['data']>;
}
const id = (name: string) => accountIdByName(gw.graphqlUrl, key, name);
const byNote = (rows: QboRow[], note: string) => rows.find((r) => r.PrivateNote === note);

function line(lineId: string, kind: 'LABOUR' | 'SUPPLIES' | 'OTHER' | 'DISCOUNT', quantity: string, unitPrice: string, amount: string, taxCode: string, extra: Record<string, unknown> = {}) {
  return { lineId, kind, quantity, unitPrice, amount, taxCode, description: `${kind} ${lineId}`, ...extra };
}

beforeAll(async () => {
  gw = await startTestGateway('sync-currency-stock', { FIELDBOOKS_SYNC_WORKER: 'false' });
  const created = await gw.app.services.tenants.createTenant('Currency and stock');
  key = created.apiKey;
  tenantId = created.tenant.id;
  await connectTenant(gw, key, 'AU');
  realmId = realmOf(gw, 'AU').realmId;
  await chooseAustralianAccounts(gw.graphqlUrl, key, { retentionIncomeAccountId: await id('Retention Income'), defaultInventoryAccountId: await id('Inventory Asset') });
  await must(gql(gw.graphqlUrl, UpsertPaymentMethodDocument, { input: { externalId: 'pm-eft', name: 'EFT', isCard: false } }, key));
});
afterAll(async () => {
  await gw?.close();
});

describe('foreign currency (AU company, NZD customer)', () => {
  beforeAll(async () => {
    await must(gql(gw.graphqlUrl, UpsertCustomerDocument, { input: { externalId: 'kiwi', displayName: 'Kiwi Plumbing Ltd', currency: 'nzd' } }, key));
    const inv = (externalId: string, number: string, exchangeRate?: string) => ({
      externalId,
      customerExternalId: 'kiwi',
      number,
      date: '2026-11-10',
      currency: 'NZD',
      ...(exchangeRate ? { exchangeRate } : {}),
      lines: [line('1', 'LABOUR', '8', '125.00', '1000.00', 'EXP'), line('2', 'OTHER', '1', '234.57', '234.57', 'EXP')],
      subtotal: '1234.57',
      totalTax: '0.00',
      total: '1234.57',
    });
    await must(gql(gw.graphqlUrl, UpsertInvoiceDocument, { input: inv('nz-1', 'NZ-1001', '0.9137') }, key));
    await must(gql(gw.graphqlUrl, UpsertInvoiceDocument, { input: inv('nz-2', 'NZ-1002') }, key));
  });

  it('the ledger keeps the customer currency and refuses an invoice in another one', async () => {
    const wrong = await gql(gw.graphqlUrl, UpsertInvoiceDocument, {
      input: { externalId: 'nz-bad', customerExternalId: 'kiwi', number: 'NZ-BAD', date: '2026-11-10', currency: 'AUD', lines: [line('1', 'LABOUR', '1', '10.00', '10.00', 'GST')], subtotal: '10.00', totalTax: '1.00', total: '11.00' },
    }, key);
    expect(wrong.errors?.[0]?.extensions?.fields).toEqual([{ path: ['input', 'currency'], message: "must be the customer's currency (NZD)" }]);
  });

  it('without multicurrency: a clear issue on the customer and its invoices, and nothing written to QuickBooks', async () => {
    await runToEnd();
    const issues = await openIssues();
    const customerIssue = issues.find((i) => i.kind === 'CUSTOMER')!;
    expect(customerIssue.code).toBe('CURRENCY_NOT_ENABLED');
    expect(customerIssue.message).toBe('Customer Kiwi Plumbing Ltd is in NZD, but the QuickBooks company works only in AUD: multicurrency is off.');
    expect(customerIssue.fixHint).toMatch(/Turn on multicurrency in QuickBooks/);
    const invoiceIssues = issues.filter((i) => i.kind === 'INVOICE').map((i) => [i.code, i.message]);
    expect(invoiceIssues).toEqual(
      expect.arrayContaining([
        ['CURRENCY_NOT_ENABLED', 'Invoice NZ-1001 is in NZD, but the QuickBooks company works only in AUD: multicurrency is off.'],
        ['CURRENCY_NOT_ENABLED', 'Invoice NZ-1002 is in NZD, but the QuickBooks company works only in AUD: multicurrency is off.'],
      ]),
    );
    expect((await entities('Customer')).some((c) => c.DisplayName === 'Kiwi Plumbing Ltd')).toBe(false);
    expect((await entities('Invoice')).some((i) => i.DocNumber?.startsWith('NZ-'))).toBe(false);
  });

  it('with multicurrency on: the NZD customer, invoices at the FSM rate or QBO rate, and NZD payments, home amounts to the cent', async () => {
    await act('enable-multicurrency');
    await runToEnd();
    const customer = (await entities('Customer')).find((c) => c.DisplayName === 'Kiwi Plumbing Ltd')!;
    expect(customer.CurrencyRef).toEqual({ value: 'NZD', name: 'New Zealand Dollar' });

    const invoices = await entities('Invoice');
    const first = invoices.find((i) => i.DocNumber === 'NZ-1001')!;
    const second = invoices.find((i) => i.DocNumber === 'NZ-1002')!;
    // 1234.57 NZD x 0.9137 = 1128.0266 -> 1128.03 AUD; QBO's own rate on 2026-11-10 is 0.9042 -> 1116.30.
    expect(first).toMatchObject({ CustomerRef: { value: customer.Id }, CurrencyRef: { value: 'NZD' }, ExchangeRate: 0.9137, TotalAmt: 1234.57, HomeTotalAmt: 1128.03, Balance: 1234.57, HomeBalance: 1128.03 });
    expect(second).toMatchObject({ CurrencyRef: { value: 'NZD' }, ExchangeRate: 0.9042, TotalAmt: 1234.57, HomeTotalAmt: 1116.3 });
    expect((await openIssues()).filter((i) => i.code === 'CURRENCY_NOT_ENABLED')).toEqual([]);

    await must(gql(gw.graphqlUrl, RecordPaymentDocument, { input: { externalId: 'nz-pay-1', customerExternalId: 'kiwi', date: '2026-11-20', currency: 'NZD', exchangeRate: '0.9211', amount: '500.00', paymentMethodExternalId: 'pm-eft', reference: 'NZ-EFT-1', allocations: [{ invoiceExternalId: 'nz-1', amount: '500.00' }] } }, key));
    await must(gql(gw.graphqlUrl, RecordPaymentDocument, { input: { externalId: 'nz-pay-2', customerExternalId: 'kiwi', date: '2026-11-21', currency: 'NZD', amount: '1234.57', paymentMethodExternalId: 'pm-eft', reference: 'NZ-EFT-2', allocations: [{ invoiceExternalId: 'nz-2', amount: '1234.57' }] } }, key));
    const run = await runToEnd();
    expect(run.status).toBe('SUCCEEDED');
    const payments = await entities('Payment');
    expect(byNote(payments, 'fieldbooks payment nz-pay-1')).toMatchObject({ CurrencyRef: { value: 'NZD' }, ExchangeRate: 0.9211, TotalAmt: 500, HomeTotalAmt: 460.55 });
    expect(byNote(payments, 'fieldbooks payment nz-pay-2')).toMatchObject({ CurrencyRef: { value: 'NZD' }, ExchangeRate: 0.9042, TotalAmt: 1234.57, HomeTotalAmt: 1116.3 });
    const after = await entities('Invoice');
    // The invoice's open balance stays at its own rate: 734.57 x 0.9137 = 671.1766 -> 671.18.
    expect(after.find((i) => i.DocNumber === 'NZ-1001')).toMatchObject({ Balance: 734.57, HomeBalance: 671.18 });
    expect(after.find((i) => i.DocNumber === 'NZ-1002')).toMatchObject({ Balance: 0, HomeBalance: 0 });
    const customers = await entities('Customer');
    expect(customers.find((c) => c.Id === customer.Id)!.Balance).toBe(734.57);
  });
});

describe('retention on a standard invoice, and discounts', () => {
  it('withholds retention on a standard invoice: QBO total equals the FSM total to the cent', async () => {
    await must(gql(gw.graphqlUrl, UpsertCustomerDocument, { input: { externalId: 'builder', displayName: 'Coastline Builders' } }, key));
    // 1234.50 + GST 123.45 = 1357.95, less 5% retention of 67.90 = 1290.05.
    const saved = await must(gql(gw.graphqlUrl, UpsertInvoiceDocument, {
      input: { externalId: 'ret-1', customerExternalId: 'builder', number: 'INV-R1', date: '2026-11-12', currency: 'AUD', lines: [line('1', 'LABOUR', '10', '123.45', '1234.50', 'GST')], subtotal: '1234.50', totalTax: '123.45', retentionWithheld: '67.90', total: '1290.05' },
    }, key));
    expect(saved.upsertInvoice.type).toBe('STANDARD');
    expect(saved.upsertInvoice.retentionWithheld).toBe('67.90');
    await runToEnd();
    const invoice = (await entities('Invoice')).find((i) => i.DocNumber === 'INV-R1')!;
    expect(invoice).toMatchObject({ TotalAmt: 1290.05, Balance: 1290.05, TxnTaxDetail: { TotalTax: 123.45 } });
    const retentionItem = (await entities('Item')).find((i) => i.IncomeAccountRef?.value === undefined ? false : i.Name?.startsWith('Retention - '))!;
    expect(invoice.Line!.find((l) => l.SalesItemLineDetail?.ItemRef.value === retentionItem.Id)!.Amount).toBe(-67.9);
  });

  it('posts a discount line to labour income without the setting, and to the discount account with it', async () => {
    const discounted = (externalId: string, number: string) => ({
      externalId,
      customerExternalId: 'builder',
      number,
      date: '2026-11-13',
      currency: 'AUD',
      lines: [line('1', 'LABOUR', '4', '125.00', '500.00', 'GST'), line('2', 'DISCOUNT', '1', '-37.50', '-37.50', 'GST')],
      subtotal: '462.50',
      totalTax: '46.25',
      total: '508.75',
    });
    await must(gql(gw.graphqlUrl, UpsertInvoiceDocument, { input: discounted('disc-1', 'INV-D1') }, key));
    await runToEnd();
    const labour = await id('Labour Income');
    const discountAccount = await id('Discounts Given');
    await must(gql(gw.graphqlUrl, UpdateAccountingSettingsDocument, { input: { discountAccountId: discountAccount } }, key));
    await must(gql(gw.graphqlUrl, UpsertInvoiceDocument, { input: discounted('disc-2', 'INV-D2') }, key));
    await runToEnd();
    const invoices = await entities('Invoice');
    const accountOfDiscount = (number: string) => {
      const inv = invoices.find((i) => i.DocNumber === number)!;
      expect(inv.TotalAmt).toBe(508.75);
      expect(inv.TxnTaxDetail?.TotalTax).toBe(46.25);
      return inv.Line!.find((l) => l.Amount === -37.5)!.SalesItemLineDetail!.ItemAccountRef!.value;
    };
    expect(accountOfDiscount('INV-D1')).toBe(labour);
    expect(accountOfDiscount('INV-D2')).toBe(discountAccount);
  });
});

describe('stock supplies', () => {
  it('per-supply accounts, bills as item lines, job-type overrides keep stock, and QBO quantities agree with the FSM after purchases, sales and a void', async () => {
    // A second inventory asset account, made in QBO by the bookkeeper, then seen through a chart refresh.
    simulatorOf(gw).companies.get(realmId)!.write('Account', 'create', { Name: 'Inventory - Tapware', AccountType: 'Other Current Asset', AccountSubType: 'Inventory' });
    await must(gql(gw.graphqlUrl, RefreshChartOfAccountsDocument, { first: 1 }, key));
    const tapwareAsset = await id('Inventory - Tapware');
    const materialsCogs = await id('Materials Purchased');
    const subcontractCogs = await id('Subcontractors');
    await must(gql(gw.graphqlUrl, UpdateAccountingSettingsDocument, { input: { defaultCostOfGoodsSoldAccountId: materialsCogs } }, key));

    const pipe = (await must(gql(gw.graphqlUrl, UpsertSupplyDocument, { input: { externalId: 'cp15', name: 'Copper pipe 15mm', code: 'CP15', trackInventory: true } }, key))).upsertSupply;
    const mixer = (await must(gql(gw.graphqlUrl, UpsertSupplyDocument, { input: { externalId: 'mx1', name: 'Mixer tap', code: 'MX1', trackInventory: true } }, key))).upsertSupply;
    const set = await must(gql(gw.graphqlUrl, SetSupplyStockAccountsDocument, { supplyId: mixer.id, inventoryAssetAccountId: tapwareAsset, costOfGoodsSoldAccountId: subcontractCogs }, key));
    expect(set.setSupplyStockAccounts).toMatchObject({ inventoryAssetAccountId: tapwareAsset, costOfGoodsSoldAccountId: subcontractCogs, inventoryAssetAccount: { name: 'Inventory - Tapware' } });
    const refused = await gql(gw.graphqlUrl, SetSupplyStockAccountsDocument, { supplyId: pipe.id, costOfGoodsSoldAccountId: await id('Labour Income') }, key);
    expect(refused.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ path: ['costOfGoodsSoldAccountId'] })]);

    const jobType = (await must(gql(gw.graphqlUrl, UpsertJobTypeDocument, { input: { externalId: 'jt-maint', name: 'Maintenance' } }, key))).upsertJobType;
    await must(gql(gw.graphqlUrl, SetJobTypeAccountsDocument, { jobTypeId: jobType.id, materialsIncomeAccountId: await id('Labour Income') }, key));

    await must(gql(gw.graphqlUrl, UpsertSupplierDocument, { input: { externalId: 'reece', displayName: 'Reece Plumbing Supplies' } }, key));
    const bill = (externalId: string, number: string, lines: { lineId: string; supply: string; qty: string; cost: string; amount: string }[], tax: string, total: string) => ({
      externalId,
      supplierExternalId: 'reece',
      number,
      date: '2026-11-05',
      lines: lines.map((l) => ({ lineId: l.lineId, description: `${l.supply} x ${l.qty}`, amount: l.amount, taxCode: 'GST', supplyExternalId: l.supply, quantity: l.qty, unitCost: l.cost })),
      totalTax: tax,
      total,
    });
    // 50 x 6.20 = 310.00; 20 x 48.35 = 967.00; GST 127.70.
    await must(gql(gw.graphqlUrl, UpsertSupplierInvoiceDocument, { input: bill('b-1', 'R-5001', [{ lineId: '1', supply: 'cp15', qty: '50', cost: '6.20', amount: '310.00' }, { lineId: '2', supply: 'mx1', qty: '20', cost: '48.35', amount: '967.00' }], '127.70', '1404.70') }, key));
    await must(gql(gw.graphqlUrl, UpsertSupplierInvoiceDocument, { input: bill('b-2', 'R-5002', [{ lineId: '1', supply: 'cp15', qty: '10', cost: '6.25', amount: '62.50' }], '6.25', '68.75') }, key));

    const sale = (externalId: string, number: string, lines: ReturnType<typeof line>[], subtotal: string, tax: string, total: string, extra: Record<string, unknown> = {}) => ({
      externalId, customerExternalId: 'builder', number, date: '2026-11-15', currency: 'AUD', lines, subtotal, totalTax: tax, total, ...extra,
    });
    // Sold: pipe 12 + 3 (voided below) + 4 (maintenance job type), mixer 5.
    await must(gql(gw.graphqlUrl, UpsertInvoiceDocument, { input: sale('s-1', 'INV-S1', [line('1', 'SUPPLIES', '12', '12.50', '150.00', 'GST', { supplyExternalId: 'cp15' }), line('2', 'SUPPLIES', '5', '129.00', '645.00', 'GST', { supplyExternalId: 'mx1' })], '795.00', '79.50', '874.50') }, key));
    await must(gql(gw.graphqlUrl, UpsertInvoiceDocument, { input: sale('s-2', 'INV-S2', [line('1', 'SUPPLIES', '3', '12.50', '37.50', 'GST', { supplyExternalId: 'cp15' })], '37.50', '3.75', '41.25') }, key));
    // Tax-inclusive, on a job type whose materials income is overridden: still the pipe's Inventory item.
    await must(gql(gw.graphqlUrl, UpsertInvoiceDocument, { input: sale('s-3', 'INV-S3', [line('1', 'SUPPLIES', '4', '13.75', '55.00', 'GST', { supplyExternalId: 'cp15', jobTypeExternalId: 'jt-maint' })], '55.00', '5.00', '55.00', { taxInclusive: true }) }, key));
    let run = await runToEnd();
    expect(run.status).toBe('SUCCEEDED');
    await must(gql(gw.graphqlUrl, VoidInvoiceDocument, { externalId: 's-2' }, key));
    run = await runToEnd();
    expect(run.status).toBe('SUCCEEDED');

    const items = await entities('Item');
    const pipeItem = items.find((i) => i.Name === 'CP15 Copper pipe 15mm')!;
    const mixerItem = items.find((i) => i.Name === 'MX1 Mixer tap')!;
    expect(pipeItem).toMatchObject({ Type: 'Inventory', TrackQtyOnHand: true, AssetAccountRef: { value: await id('Inventory Asset') }, ExpenseAccountRef: { value: materialsCogs } });
    expect(mixerItem).toMatchObject({ Type: 'Inventory', TrackQtyOnHand: true, AssetAccountRef: { value: tapwareAsset }, ExpenseAccountRef: { value: subcontractCogs } });
    // The FSM's own count: bought 50 + 10, sold 12 + 4 (the voided 3 came back) = 44; mixer 20 - 5 = 15.
    expect(pipeItem.QtyOnHand).toBe(44);
    expect(mixerItem.QtyOnHand).toBe(15);
    expect(items.filter((i) => i.Name?.includes('Copper pipe')).map((i) => i.Type)).toEqual(['Inventory']);

    const bills = await entities('Bill');
    const first = bills.find((b) => b.DocNumber === 'R-5001')!;
    expect(first.TotalAmt).toBe(1404.7);
    expect(first.Line!.map((l) => [l.DetailType, l.ItemBasedExpenseLineDetail?.ItemRef.value, l.ItemBasedExpenseLineDetail?.Qty, l.Amount])).toEqual([
      ['ItemBasedExpenseLineDetail', pipeItem.Id, 50, 310],
      ['ItemBasedExpenseLineDetail', mixerItem.Id, 20, 967],
    ]);
    const maintenance = (await entities('Invoice')).find((i) => i.DocNumber === 'INV-S3')!;
    expect(maintenance.TotalAmt).toBe(55);
    expect(maintenance.Line![0]!.SalesItemLineDetail).toMatchObject({ ItemRef: { value: pipeItem.Id }, Qty: 4 });
  });
});

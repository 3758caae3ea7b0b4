import { describe, expect, it } from 'vitest';
import { type BadDebtWriteOffRecord, type CreditNoteRecord, type ExpenseRecord, type InvoiceRecord, type SupplierInvoiceRecord, type SupplierRecord } from '../../../ledger/ledger-record.types.js';
import { InvoiceReferenceField, TeamTrackingCategory } from '../../../settings/accounting-settings.fields.js';
import { badDebtItem, mapBadDebtMemo, mapCreditApplication, mapCreditMemo } from './credit.mapper.js';
import { itemBody, itemType } from './item.mapper.js';
import { dec } from '../../../money/money.js';
import { mapBill, mapPurchase, purchaseLineAccount, purchasePaymentType, purchaseRoundingLine, type PurchaseLookups } from './purchase.mapper.js';
import { type CompanyTax, itemKeyString, type SyncSettings } from '../../../sync/push.types.js';
import { mapVendor, vendorMatchQueries } from './supplier.mapper.js';
import { SyncProblem } from '../../../sync/sync.errors.js';

const settings: SyncSettings = {
  defaultLabourIncomeAccountId: 'L',
  defaultSuppliesIncomeAccountId: 'S',
  paymentsAccountId: 'BANK',
  creditCardPaymentsAccountId: 'CLEAR',
  defaultSupplierInvoiceAccountId: 'AP-EXP',
  defaultExpenseAccountId: 'EXP',
  defaultRoundingAccountId: 'ROUND',
  retentionIncomeAccountId: 'RET',
  creditNoteAccountId: 'CN',
  badDebtAccountId: 'BD',
  defaultInventoryAccountId: 'INV',
  defaultCostOfGoodsSoldAccountId: null,
  discountAccountId: null,
  invoiceReferenceField: InvoiceReferenceField.JOB_NUMBER,
  teamTrackingCategory: TeamTrackingCategory.CLASS,
  accountingStartDate: '2026-01-01',
};
const AU: CompanyTax = { isUS: false, taxCodesByName: new Map([['gst', { value: '3' }], ['fre', { value: '4' }]]), exemptCode: { value: '4' } };
const US: CompanyTax = { isUS: true, taxCodesByName: new Map(), exemptCode: { value: 'NON' } };
const meta = { tenantId: 't', version: 1, pushPending: true, status: 'ACTIVE' as const, createdAt: new Date(), updatedAt: new Date() };

function lookups(tax: CompanyTax = AU, extra: Partial<PurchaseLookups> = {}): PurchaseLookups {
  return { settings, tax, vendor: { value: '56' }, supplierAccountId: null, teams: new Map([['team', { value: '200', name: 'Plumbing' }]]), ...extra };
}

const bill: SupplierInvoiceRecord = {
  ...meta, id: 'b1', externalId: 'si-1', kind: 'supplierInvoice', supplierId: 's1', number: 'R-7781', date: '2026-03-02', dueDate: '2026-04-01', taxInclusive: false,
  lines: [
    { lineId: '1', description: 'Copper pipe', amount: '100.00', taxCode: 'GST', accountId: 'COGS', teamId: 'team' },
    { lineId: '2', description: 'Freight', amount: '20.00', taxCode: 'FRE' },
  ],
  totalTax: '10.00', total: '130.00',
};

describe('supplier mapper', () => {
  const supplier: SupplierRecord = { ...meta, id: 's1', externalId: 'sup-1', kind: 'supplier', displayName: 'Reece: Plumbing\tSupplies', email: "o'neil@reece.example", companyName: 'Reece Pty Ltd' };
  it('maps a vendor with a QBO-safe display name', () => {
    expect(mapVendor(supplier)).toEqual({ DisplayName: 'Reece Plumbing Supplies', CompanyName: 'Reece Pty Ltd', PrimaryEmailAddr: { Address: "o'neil@reece.example" } });
  });
  it('matches by email first, then by display name', () => {
    expect(vendorMatchQueries(supplier)).toEqual(["where PrimaryEmailAddr = 'o\\'neil@reece.example'", "where DisplayName = 'Reece Plumbing Supplies'"]);
    expect(vendorMatchQueries({ ...supplier, email: undefined })).toHaveLength(1);
  });
});

describe('bill mapper', () => {
  it('line account: line > supplier default > setting', () => {
    expect(purchaseLineAccount({ accountId: 'X' }, { settings, supplierAccountId: 'SUP' }, 'defaultSupplierInvoiceAccount')).toBe('X');
    expect(purchaseLineAccount({}, { settings, supplierAccountId: 'SUP' }, 'defaultSupplierInvoiceAccount')).toBe('SUP');
    expect(purchaseLineAccount({}, { settings, supplierAccountId: null }, 'defaultSupplierInvoiceAccount')).toBe('AP-EXP');
    expect(purchaseLineAccount({}, { settings, supplierAccountId: null }, 'defaultExpenseAccount')).toBe('EXP');
    expect(() => purchaseLineAccount({}, { settings: { ...settings, defaultExpenseAccountId: null }, supplierAccountId: null }, 'defaultExpenseAccount')).toThrow(/"Default Expense Account"/);
  });

  it('maps vendor, lines, accounts, tax per line and class for a non-US company', () => {
    const payload = mapBill(bill, lookups(AU, { supplierAccountId: 'SUP' }));
    expect(payload).toMatchObject({ VendorRef: { value: '56' }, DocNumber: 'R-7781', TxnDate: '2026-03-02', DueDate: '2026-04-01', GlobalTaxCalculation: 'TaxExcluded' });
    expect(payload.Line).toEqual([
      { DetailType: 'AccountBasedExpenseLineDetail', Description: 'Copper pipe', Amount: 100, AccountBasedExpenseLineDetail: { AccountRef: { value: 'COGS' }, BillableStatus: 'NotBillable', TaxCodeRef: { value: '3' }, ClassRef: { value: '200', name: 'Plumbing' } } },
      { DetailType: 'AccountBasedExpenseLineDetail', Description: 'Freight', Amount: 20, AccountBasedExpenseLineDetail: { AccountRef: { value: 'SUP' }, BillableStatus: 'NotBillable', TaxCodeRef: { value: '4' } } },
    ]);
  });

  it('US bills carry no tax codes and no GlobalTaxCalculation', () => {
    const payload = mapBill(bill, lookups(US));
    expect(payload.GlobalTaxCalculation).toBeUndefined();
    expect((payload.Line as { AccountBasedExpenseLineDetail: Record<string, unknown> }[]).every((l) => l.AccountBasedExpenseLineDetail.TaxCodeRef === undefined)).toBe(true);
  });

  it('tax-inclusive lines carry the gross in TaxInclusiveAmt; a line without a tax code is named', () => {
    const payload = mapBill({ ...bill, taxInclusive: true }, lookups());
    const line = (payload.Line as { Amount?: number; AccountBasedExpenseLineDetail: { TaxInclusiveAmt?: number } }[])[0]!;
    expect(line.Amount).toBeUndefined();
    expect(line.AccountBasedExpenseLineDetail.TaxInclusiveAmt).toBe(100);
    expect(() => mapBill({ ...bill, lines: [{ lineId: '9', description: 'x', amount: '1.00' }] }, lookups())).toThrow(/The line "x" has no tax code/);
  });

  it('departments are per transaction', () => {
    const payload = mapBill(bill, lookups(AU, { settings: { ...settings, teamTrackingCategory: TeamTrackingCategory.DEPARTMENT } }));
    expect(payload.DepartmentRef).toEqual({ value: '200', name: 'Plumbing' });
    expect((payload.Line as { AccountBasedExpenseLineDetail: Record<string, unknown> }[])[0]!.AccountBasedExpenseLineDetail.ClassRef).toBeUndefined();
  });

  it('rounding lines are untaxed on the rounding account', () => {
    expect(purchaseRoundingLine(dec('-0.01'), { settings, tax: AU })).toMatchObject({ Amount: -0.01, AccountBasedExpenseLineDetail: { AccountRef: { value: 'ROUND' }, TaxCodeRef: { value: '4' } } });
  });
});

describe('purchase mapper', () => {
  const expense: ExpenseRecord = { ...meta, id: 'e1', externalId: 'exp-1', kind: 'expense', supplierId: 's1', date: '2026-03-03', taxInclusive: false, lines: [{ lineId: '1', description: 'Fuel', amount: '50.00', taxCode: 'GST' }], totalTax: '5.00', total: '55.00', reference: 'RCPT-1' };
  it('payment type follows the paying account: bank → Cash, credit card → CreditCard, else an issue', () => {
    expect(purchasePaymentType('1', 'Bank')).toBe('Cash');
    expect(purchasePaymentType('1', 'Credit Card')).toBe('CreditCard');
    expect(() => purchasePaymentType('1', 'Other Current Asset')).toThrow(SyncProblem);
  });
  it('maps account, payee, lines on the expense default and the reference', () => {
    const payload = mapPurchase(expense, { ...lookups(), paidFrom: { id: 'VISA', accountType: 'Credit Card' } });
    expect(payload).toMatchObject({ PaymentType: 'CreditCard', AccountRef: { value: 'VISA' }, EntityRef: { value: '56', type: 'Vendor' }, DocNumber: 'RCPT-1', GlobalTaxCalculation: 'TaxExcluded' });
    expect((payload.Line as { AccountBasedExpenseLineDetail: { AccountRef: { value: string } } }[])[0]!.AccountBasedExpenseLineDetail.AccountRef.value).toBe('EXP');
    const cash = mapPurchase({ ...expense, supplierId: undefined }, { ...lookups(AU, { vendor: undefined }), paidFrom: { id: 'BANK', accountType: 'Bank' } });
    expect(cash).toMatchObject({ PaymentType: 'Cash', AccountRef: { value: 'BANK' } });
    expect(cash.EntityRef).toBeUndefined();
  });
});

describe('credit mappers', () => {
  const item = (key: Parameters<typeof itemKeyString>[0]) => ({ value: `item:${itemKeyString(key)}` });
  const note: CreditNoteRecord = { ...meta, id: 'cn1', externalId: 'cn-1', kind: 'creditNote', customerId: 'c', invoiceId: 'i', number: 'CN-1', date: '2026-03-04', taxInclusive: false, lines: [{ lineId: '1', description: 'Overcharge', amount: '20.00', taxCode: 'GST' }], totalTax: '2.00', total: '22.00' };
  it('a credit note is a CreditMemo on the credit-note item', () => {
    const payload = mapCreditMemo(note, { settings, tax: AU, customer: { value: '58' }, item });
    expect(payload).toMatchObject({ CustomerRef: { value: '58' }, DocNumber: 'CN-1', GlobalTaxCalculation: 'TaxExcluded' });
    expect(payload.Line).toEqual([{ DetailType: 'SalesItemLineDetail', Description: 'Overcharge', Amount: 20, SalesItemLineDetail: { ItemRef: { value: 'item:CREDIT_NOTE:CN' }, TaxCodeRef: { value: '3' } } }]);
  });
  const invoice: InvoiceRecord = {
    ...meta, id: 'i', externalId: 'inv-1', kind: 'invoice', customerId: 'c', number: '1001', date: '2026-02-01', currency: 'AUD', type: 'STANDARD', taxInclusive: false,
    lines: [
      { lineId: '1', kind: 'LABOUR', description: 'Labour', quantity: '1', unitPrice: '100.00', amount: '100.00', taxCode: 'GST' },
      { lineId: '2', kind: 'OTHER', description: 'Water rates passed on', quantity: '1', unitPrice: '40.00', amount: '40.00', taxCode: 'FRE' },
    ],
    subtotal: '140.00', totalTax: '10.00', total: '150.00',
  };
  it('a US write-off is an untaxed CreditMemo on the bad-debt item', () => {
    const writeOff: BadDebtWriteOffRecord = { ...meta, id: 'w1', externalId: 'wo-1', kind: 'badDebtWriteOff', invoiceId: 'i', customerId: 'c', date: '2026-03-05', amount: '45.10', reason: 'Gone bust' };
    const payload = mapBadDebtMemo(writeOff, { settings, tax: US, customer: { value: '58' }, item, invoice });
    expect(payload.Line).toEqual([{ DetailType: 'SalesItemLineDetail', Description: 'Bad debt written off (invoice 1001): Gone bust', Amount: 45.1, SalesItemLineDetail: { ItemRef: { value: 'item:BAD_DEBT:BD' }, TaxCodeRef: { value: 'NON' } } }]);
    expect(() => badDebtItem({ ...settings, badDebtAccountId: null })).toThrow(/"Bad Debt Account"/);
  });
  it("an AU write-off carries the invoice's tax split, tax-inclusive, so the GST on it is reversed", () => {
    // 150.00 = 110.00 GST-inclusive (100 + 10 GST) + 40.00 GST-free: writing off all of it, and half of it.
    const writeOff: BadDebtWriteOffRecord = { ...meta, id: 'w1', externalId: 'wo-1', kind: 'badDebtWriteOff', invoiceId: 'i', customerId: 'c', date: '2026-03-05', amount: '150.00' };
    const lines = (amount: string) =>
      (mapBadDebtMemo({ ...writeOff, amount }, { settings, tax: AU, customer: { value: '58' }, item, invoice }).Line as { SalesItemLineDetail: { TaxCodeRef: { value: string }; TaxInclusiveAmt: number } }[]).map((l) => [l.SalesItemLineDetail.TaxCodeRef.value, l.SalesItemLineDetail.TaxInclusiveAmt]);
    expect(mapBadDebtMemo(writeOff, { settings, tax: AU, customer: { value: '58' }, item, invoice }).GlobalTaxCalculation).toBe('TaxInclusive');
    expect(lines('150.00')).toEqual([['3', 110], ['4', 40]]);
    expect(lines('75.00')).toEqual([['3', 55], ['4', 20]]);
    expect(lines('0.01')).toEqual([['3', 0.01]]);
  });
  it('the application is a zero-total payment linking the invoice and the credit memo for the same amount', () => {
    expect(mapCreditApplication({ customer: { value: '58' }, invoiceId: '130', creditMemoId: '140', amount: '22.00', date: '2026-03-04', note: 'n' })).toEqual({
      CustomerRef: { value: '58' },
      TxnDate: '2026-03-04',
      TotalAmt: 0,
      Line: [
        { Amount: 22, LinkedTxn: [{ TxnId: '130', TxnType: 'Invoice' }] },
        { Amount: 22, LinkedTxn: [{ TxnId: '140', TxnType: 'CreditMemo' }] },
      ],
      PrivateNote: 'n',
    });
  });
});

describe('item mapper', () => {
  const key = { purpose: 'SUPPLY' as const, incomeAccountId: 'S', supplyId: 'sup' };
  it('inventory-tracked supplies become Inventory items with asset and COGS accounts', () => {
    expect(itemType(key, { trackInventory: true })).toBe('Inventory');
    expect(itemType(key, {})).toBe('NonInventory');
    expect(itemType({ purpose: 'LABOUR', incomeAccountId: 'L' })).toBe('Service');
    expect(itemBody(key, 'CP15 Copper', 'Inventory', { assetAccountId: 'INV', expenseAccountId: 'COGS', startDate: '2026-01-01' })).toEqual({
      Name: 'CP15 Copper', Type: 'Inventory', IncomeAccountRef: { value: 'S' }, TrackQtyOnHand: true, QtyOnHand: 0, InvStartDate: '2026-01-01', AssetAccountRef: { value: 'INV' }, ExpenseAccountRef: { value: 'COGS' },
    });
    expect(itemBody(key, 'x', 'NonInventory')).toEqual({ Name: 'x', Type: 'NonInventory', IncomeAccountRef: { value: 'S' }, TrackQtyOnHand: false });
  });
  it('an Inventory item without the inventory account is a setting issue', () => {
    expect(() => itemBody(key, 'x', 'Inventory', { assetAccountId: null, expenseAccountId: 'COGS', startDate: '2026-01-01' })).toThrow(/"Default Inventory Account"/);
    expect(() => itemBody(key, 'x', 'Inventory', { assetAccountId: 'INV', expenseAccountId: null, startDate: '2026-01-01' })).toThrow(/Cost of Goods Sold/);
  });
});

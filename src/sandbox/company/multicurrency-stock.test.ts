/**
 * Multicurrency and inventory quantities in the simulator, as QBO behaves (docs/qbo-facts/multicurrency.md,
 * docs/qbo-facts/inventory.md): the preference, per-customer currency fixed at create, ExchangeRate
 * sent or QBO's own, home amounts, the faults; quantities moved by bills, invoices, credits and voids.
 */
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock.js';
import { QboFault } from '../faults.js';
import { InMemoryCompanyStore } from './company.store.js';
import { auCompanySeed } from './seeds/au-company.seed.js';

function au(): InMemoryCompanyStore {
  return new InMemoryCompanyStore(new VirtualClock({ start: Date.parse('2026-11-20T01:00:00Z'), scale: 1 }), auCompanySeed());
}

function fault(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof QboFault) return `${e.errors[0]?.code} ${e.errors[0]?.Detail}`;
    throw e;
  }
  throw new Error('expected a QBO fault');
}

const idOf = (s: InMemoryCompanyStore, entity: 'Item' | 'Customer' | 'Account' | 'Vendor' | 'TaxCode', name: string) =>
  s.list(entity).find((r) => r.Name === name || r.DisplayName === name)!.Id;

function invoiceBody(s: InMemoryCompanyStore, customerId: string, extra: Record<string, unknown> = {}) {
  return {
    CustomerRef: { value: customerId },
    TxnDate: '2026-11-20',
    GlobalTaxCalculation: 'TaxExcluded',
    Line: [{ DetailType: 'SalesItemLineDetail', Amount: 1000, SalesItemLineDetail: { ItemRef: { value: idOf(s, 'Item', 'Labour') }, TaxCodeRef: { value: idOf(s, 'TaxCode', 'FRE') } } }],
    ...extra,
  };
}

describe('multicurrency', () => {
  it('is off by default: a foreign customer or transaction currency is refused', () => {
    const s = au();
    expect(s.singleton('Preferences').CurrencyPrefs).toMatchObject({ MultiCurrencyEnabled: false, HomeCurrency: { value: 'AUD' } });
    expect(fault(() => s.write('Customer', 'create', { DisplayName: 'Kiwi Ltd', CurrencyRef: { value: 'NZD' } }))).toMatch(/^6000 .*Multicurrency is not enabled/);
    const local = s.write('Customer', 'create', { DisplayName: 'Local Ltd' });
    expect(fault(() => s.write('Invoice', 'create', invoiceBody(s, String(local.Id), { CurrencyRef: { value: 'NZD' } })))).toMatch(/Multicurrency is not enabled; the currency must be AUD/);
    const inv = s.write('Invoice', 'create', invoiceBody(s, String(local.Id)));
    expect(inv.HomeTotalAmt).toBeUndefined();
    expect(inv.ExchangeRate).toBeUndefined();
  });

  it('cannot be turned on through the API (Preferences keeps CurrencyPrefs)', () => {
    const s = au();
    const prefs = s.singleton('Preferences');
    s.write('Preferences', 'update', { Id: prefs.Id, SyncToken: prefs.SyncToken, sparse: true, CurrencyPrefs: { MultiCurrencyEnabled: true } }, { sparse: true });
    expect((s.singleton('Preferences').CurrencyPrefs as { MultiCurrencyEnabled: boolean }).MultiCurrencyEnabled).toBe(false);
  });

  it('on: customer currency fixed at create, invoice in it with the sent or QBO rate, home amounts to the cent', () => {
    const s = au();
    s.enableMulticurrency();
    const kiwi = s.write('Customer', 'create', { DisplayName: 'Kiwi Ltd', CurrencyRef: { value: 'NZD' } });
    expect(kiwi.CurrencyRef).toEqual({ value: 'NZD', name: 'New Zealand Dollar' });
    expect(fault(() => s.write('Customer', 'update', { Id: kiwi.Id, SyncToken: kiwi.SyncToken, sparse: true, CurrencyRef: { value: 'AUD' } }, { sparse: true }))).toMatch(/can.t change the currency of a customer/);

    // The customer's currency is the default; another one is refused.
    const sent = s.write('Invoice', 'create', invoiceBody(s, String(kiwi.Id), { ExchangeRate: 0.9137 }));
    expect(sent).toMatchObject({ CurrencyRef: { value: 'NZD' }, ExchangeRate: 0.9137, TotalAmt: 1000, HomeTotalAmt: 913.7, Balance: 1000, HomeBalance: 913.7 });
    const qboRate = s.write('Invoice', 'create', invoiceBody(s, String(kiwi.Id), { CurrencyRef: { value: 'NZD' } }));
    expect(qboRate).toMatchObject({ ExchangeRate: 0.9042, HomeTotalAmt: 904.2 });
    expect(fault(() => s.write('Invoice', 'create', invoiceBody(s, String(kiwi.Id), { CurrencyRef: { value: 'AUD' } })))).toMatch(/must be the customer currency \(NZD\)/);
    expect(fault(() => s.write('Invoice', 'create', invoiceBody(s, String(kiwi.Id), { TxnDate: '2025-06-30' })))).toMatch(/no exchange rate for NZD on 2025-06-30/);
    expect(fault(() => s.write('Invoice', 'create', invoiceBody(s, String(kiwi.Id), { ExchangeRate: 0 })))).toMatch(/greater than zero/);

    // A home-currency customer's invoice carries rate 1 and equal home amounts.
    const local = s.write('Customer', 'create', { DisplayName: 'Local Ltd' });
    expect(s.write('Invoice', 'create', invoiceBody(s, String(local.Id)))).toMatchObject({ CurrencyRef: { value: 'AUD' }, ExchangeRate: 1, HomeTotalAmt: 1000 });

    // An NZD payment at its own rate; HomeBalance of the invoice follows its own rate.
    const pay = s.write('Payment', 'create', { CustomerRef: { value: kiwi.Id }, TotalAmt: 400, ExchangeRate: 0.95, Line: [{ Amount: 400, LinkedTxn: [{ TxnId: sent.Id, TxnType: 'Invoice' }] }] });
    expect(pay).toMatchObject({ CurrencyRef: { value: 'NZD' }, ExchangeRate: 0.95, TotalAmt: 400, HomeTotalAmt: 380 });
    expect(s.read('Invoice', String(sent.Id))).toMatchObject({ Balance: 600, HomeBalance: 548.22 });
    // A payment in another currency than the invoice is refused.
    const localInv = s.write('Invoice', 'create', invoiceBody(s, String(local.Id)));
    expect(fault(() => s.write('Payment', 'create', { CustomerRef: { value: kiwi.Id }, TotalAmt: 10, Line: [{ Amount: 10, LinkedTxn: [{ TxnId: localInv.Id, TxnType: 'Invoice' }] }] }))).toMatch(/belongs to another customer|is in AUD/);
  });

  it('takes a rate entered by a user for later dates', () => {
    const s = au();
    s.enableMulticurrency();
    s.setExchangeRate('NZD', '2026-11-15', 0.9);
    const kiwi = s.write('Customer', 'create', { DisplayName: 'Kiwi Ltd', CurrencyRef: { value: 'NZD' } });
    expect(s.write('Invoice', 'create', invoiceBody(s, String(kiwi.Id)))).toMatchObject({ ExchangeRate: 0.9, HomeTotalAmt: 900 });
  });
});

describe('inventory quantities', () => {
  it('bills add, invoices take away, credit memos put back, voids and deletes undo', () => {
    const s = au();
    const item = s.write('Item', 'create', {
      Name: 'Tap Washer', Type: 'Inventory', QtyOnHand: 0, InvStartDate: '2026-01-01', TrackQtyOnHand: true,
      IncomeAccountRef: { value: idOf(s, 'Account', 'Materials Income') }, ExpenseAccountRef: { value: s.list('Account').find((a) => a.AccountType === 'Cost of Goods Sold')!.Id }, AssetAccountRef: { value: idOf(s, 'Account', 'Inventory Asset') },
    });
    const gst = idOf(s, 'TaxCode', 'GST');
    const qty = () => s.read('Item', String(item.Id)).QtyOnHand;
    const bill = s.write('Bill', 'create', {
      VendorRef: { value: idOf(s, 'Vendor', 'Reece Plumbing Supplies') }, GlobalTaxCalculation: 'TaxExcluded',
      Line: [{ DetailType: 'ItemBasedExpenseLineDetail', Amount: 50, ItemBasedExpenseLineDetail: { ItemRef: { value: item.Id }, Qty: 20, UnitPrice: 2.5, TaxCodeRef: { value: gst } } }],
    });
    expect(qty()).toBe(20);
    const customer = s.write('Customer', 'create', { DisplayName: 'Stock Buyer' });
    const sale = (q: number) => ({ CustomerRef: { value: customer.Id }, GlobalTaxCalculation: 'TaxExcluded', Line: [{ DetailType: 'SalesItemLineDetail', Amount: q * 4, SalesItemLineDetail: { ItemRef: { value: item.Id }, Qty: q, UnitPrice: 4, TaxCodeRef: { value: gst } } }] });
    const inv = s.write('Invoice', 'create', sale(7));
    expect(qty()).toBe(13);
    s.write('CreditMemo', 'create', sale(2));
    expect(qty()).toBe(15);
    s.write('Invoice', 'void', { Id: inv.Id, SyncToken: s.read('Invoice', String(inv.Id)).SyncToken });
    expect(qty()).toBe(22);
    s.write('Bill', 'delete', { Id: bill.Id, SyncToken: bill.SyncToken });
    expect(qty()).toBe(2);
    expect(s.list('Item').find((i) => i.Id === item.Id)!.QtyOnHand).toBe(2);
    // An update that sends a quantity sets the quantity on hand now.
    const current = s.read('Item', String(item.Id));
    s.write('Item', 'update', { ...current, QtyOnHand: 10 });
    expect(qty()).toBe(10);
  });

  it('an Inventory item needs a Cost of Goods Sold expense account', () => {
    const s = au();
    expect(fault(() => s.write('Item', 'create', {
      Name: 'Bad Stock', Type: 'Inventory', QtyOnHand: 0, InvStartDate: '2026-01-01',
      IncomeAccountRef: { value: idOf(s, 'Account', 'Materials Income') }, ExpenseAccountRef: { value: idOf(s, 'Account', 'Telephone & Internet') }, AssetAccountRef: { value: idOf(s, 'Account', 'Inventory Asset') },
    }))).toMatch(/^2500 /);
  });
});

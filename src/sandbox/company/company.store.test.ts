import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock.js';
import { QboFault } from '../faults.js';
import { InMemoryCompanyStore } from './company.store.js';
import { type ChangeEvent } from './company.types.js';
import { auCompanySeed } from './seeds/au-company.seed.js';
import { usCompanySeed } from './seeds/us-company.seed.js';

const START = Date.parse('2026-05-05T09:08:55Z');
function stores(options: ConstructorParameters<typeof InMemoryCompanyStore>[2] = {}) {
  const clock = new VirtualClock({ start: START, scale: 1 });
  return { clock, au: new InMemoryCompanyStore(clock, auCompanySeed(), options), us: new InMemoryCompanyStore(clock, usCompanySeed(), options) };
}

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof QboFault) return e.errors[0]?.code;
    throw e;
  }
  return undefined;
}

const byName = (s: InMemoryCompanyStore, entity: 'Item' | 'Customer' | 'Account' | 'Vendor', name: string) =>
  s.list(entity).find((r) => r.Name === name || r.DisplayName === name)!.Id;

describe('seeds', () => {
  it('load both companies through the entity rules, with realistic charts of accounts', () => {
    const { au, us } = stores();
    for (const s of [au, us]) {
      const accounts = s.list('Account');
      expect(accounts.length).toBeGreaterThan(25);
      for (const sub of ['Checking', 'UndepositedFunds', 'AccountsReceivable', 'AccountsPayable', 'Inventory', 'BadDebts', 'SuppliesMaterialsCogs', 'DiscountsRefundsGiven']) {
        expect(accounts.some((a) => a.AccountSubType === sub)).toBe(true);
      }
      expect(accounts.some((a) => a.Active === false && String(a.Name).endsWith(' (deleted)'))).toBe(true);
      expect(s.list('PaymentMethod').map((p) => p.Name)).toEqual(expect.arrayContaining(['Cash', 'Visa', 'MasterCard']));
      expect(s.list('Employee')).toHaveLength(1);
      expect(s.realmId).toMatch(/^\d{10,19}$/);
    }
    expect(au.list('TaxCode').map((t) => t.Name)).toEqual(expect.arrayContaining(['GST', 'FRE']));
    expect(us.list('TaxCode').map((t) => t.Id)).toEqual(expect.arrayContaining(['TAX', 'NON']));
    // The seeded US payment already reduced its invoice.
    const inv = us.list('Invoice')[0]!;
    expect(inv.Balance).toBe(185);
    expect(inv.LinkedTxn).toHaveLength(1);
  });

  it('new ids continue above the seeded ones', () => {
    const { us } = stores();
    const max = Math.max(...us.list('Account').map((a) => Number(a.Id)));
    const acct = us.write('Account', 'create', { Name: 'New Bank', AccountType: 'Bank' });
    expect(Number(acct.Id)).toBeGreaterThan(max);
  });
});

describe('store rules', () => {
  it('emits change events with the record time', () => {
    const { us, clock } = stores();
    const events: ChangeEvent[] = [];
    us.onChange((e) => events.push(e));
    clock.advance(60_000);
    const c = us.write('Customer', 'create', { DisplayName: 'Event Co' });
    expect(events).toEqual([{ realmId: us.realmId, entity: 'Customer', id: c.Id, operation: 'Create', at: Math.floor((START + 60_000) / 1000) * 1000 }]);
  });

  it('keeps deleted stubs for CDC', () => {
    const { us, clock } = stores();
    const inv = us.list('Invoice')[1]!;
    clock.advance(1000);
    us.write('Invoice', 'delete', { Id: inv.Id, SyncToken: inv.SyncToken });
    expect(us.deletedSince('Invoice', START)).toEqual([{ domain: 'QBO', status: 'Deleted', Id: inv.Id, MetaData: { LastUpdatedTime: expect.stringMatching(/-07:00$/) as string } }]);
    expect(us.list('Invoice').some((r) => r.Id === inv.Id)).toBe(false);
  });

  it('credit memo applied by a zero payment reduces both balances', () => {
    const { us } = stores();
    const amy = byName(us, 'Customer', "Amy's Bird Sanctuary");
    const labor = byName(us, 'Item', 'Labor');
    const inv = us.write('Invoice', 'create', { CustomerRef: { value: amy }, Line: [{ DetailType: 'SalesItemLineDetail', Amount: 80, SalesItemLineDetail: { ItemRef: { value: labor } } }] });
    const cm = us.write('CreditMemo', 'create', { CustomerRef: { value: amy }, Line: [{ DetailType: 'SalesItemLineDetail', Amount: 30, SalesItemLineDetail: { ItemRef: { value: labor } } }] });
    expect(cm.RemainingCredit).toBe(30);
    us.write('Payment', 'create', { CustomerRef: { value: amy }, TotalAmt: 0, Line: [{ Amount: 30, LinkedTxn: [{ TxnId: inv.Id, TxnType: 'Invoice' }] }, { Amount: 30, LinkedTxn: [{ TxnId: cm.Id, TxnType: 'CreditMemo' }] }] });
    expect(us.read('Invoice', String(inv.Id)).Balance).toBe(50);
    const after = us.read('CreditMemo', String(cm.Id));
    expect(after.RemainingCredit).toBe(0);
    expect(after.SyncToken).toBe('1');
  });

  it('lists customers with the same Balance and BalanceWithJobs as reading them one by one', () => {
    const { us } = stores();
    const amy = byName(us, 'Customer', "Amy's Bird Sanctuary");
    const labor = byName(us, 'Item', 'Labor');
    const job = us.write('Customer', 'create', { DisplayName: 'Amy Pond job', ParentRef: { value: amy } });
    us.write('Invoice', 'create', { CustomerRef: { value: amy }, Line: [{ DetailType: 'SalesItemLineDetail', Amount: 80, SalesItemLineDetail: { ItemRef: { value: labor } } }] });
    us.write('Invoice', 'create', { CustomerRef: { value: job.Id }, Line: [{ DetailType: 'SalesItemLineDetail', Amount: 45.5, SalesItemLineDetail: { ItemRef: { value: labor } } }] });
    us.write('CreditMemo', 'create', { CustomerRef: { value: amy }, Line: [{ DetailType: 'SalesItemLineDetail', Amount: 12.25, SalesItemLineDetail: { ItemRef: { value: labor } } }] });
    us.write('Payment', 'create', { CustomerRef: { value: job.Id }, TotalAmt: 5 });
    const listed = us.list('Customer');
    for (const customer of listed) {
      const one = us.read('Customer', customer.Id);
      expect({ id: customer.Id, Balance: customer.Balance, BalanceWithJobs: customer.BalanceWithJobs }).toEqual({ id: one.Id, Balance: one.Balance, BalanceWithJobs: one.BalanceWithJobs });
    }
    const parent = listed.find((c) => c.Id === amy)!;
    // The job's open 45.50 less its unapplied 5.00 payment.
    expect(new Decimal(String(parent.BalanceWithJobs)).minus(String(parent.Balance)).toFixed(2)).toBe('40.50');
  });

  it('bill payments reduce bill balances', () => {
    const { us } = stores();
    const bill = us.list('Bill')[0]!;
    const checking = byName(us, 'Account', 'Checking');
    us.write('BillPayment', 'create', { VendorRef: bill.VendorRef, PayType: 'Check', CheckPayment: { BankAccountRef: { value: checking } }, TotalAmt: 50, Line: [{ Amount: 50, LinkedTxn: [{ TxnId: bill.Id, TxnType: 'Bill' }] }] });
    const after = us.read('Bill', bill.Id);
    expect(after.Balance).toBe(100);
    expect(after.LinkedTxn).toEqual([{ TxnId: expect.any(String) as string, TxnType: 'BillPaymentCheck' }]);
  });

  it('journal entries must balance and name a customer on A/R lines', () => {
    const { us } = stores();
    const ar = byName(us, 'Account', 'Accounts Receivable (A/R)');
    const income = byName(us, 'Account', 'Services');
    const line = (posting: string, account: string, amount: number, entity?: unknown) => ({ DetailType: 'JournalEntryLineDetail', Amount: amount, JournalEntryLineDetail: { PostingType: posting, AccountRef: { value: account }, ...(entity ? { Entity: entity } : {}) } });
    expect(code(() => us.write('JournalEntry', 'create', { Line: [line('Debit', income, 10), line('Credit', income, 9)] }))).toBe('6000');
    expect(code(() => us.write('JournalEntry', 'create', { Line: [line('Debit', ar, 10), line('Credit', income, 10)] }))).toBe('6000');
    const amy = byName(us, 'Customer', "Amy's Bird Sanctuary");
    const je = us.write('JournalEntry', 'create', { Line: [line('Debit', ar, 10, { Type: 'Customer', EntityRef: { value: amy } }), line('Credit', income, 10)] });
    expect(je.TotalAmt).toBe(0);
    expect((je.Line as { Id: string }[]).map((l) => l.Id)).toEqual(['0', '1']);
  });

  it('items: unique names, Inventory needs its accounts, a term computes DueDate', () => {
    const { us } = stores();
    expect(code(() => us.write('Item', 'create', { Name: 'labor', Type: 'Service', IncomeAccountRef: { value: byName(us, 'Account', 'Services') } }))).toBe('6240');
    expect(code(() => us.write('Item', 'create', { Name: 'Widget', Type: 'Inventory', IncomeAccountRef: { value: byName(us, 'Account', 'Services') } }))).toBe('2020');
    const term = us.write('Term', 'create', { Name: 'Net 45', DueDays: 45 });
    const amy = byName(us, 'Customer', "Amy's Bird Sanctuary");
    const inv = us.write('Invoice', 'create', { CustomerRef: { value: amy }, TxnDate: '2026-01-01', SalesTermRef: { value: term.Id }, Line: [{ DetailType: 'SalesItemLineDetail', Amount: 1, SalesItemLineDetail: { ItemRef: { value: byName(us, 'Item', 'Labor') } } }] });
    expect(inv.DueDate).toBe('2026-02-15');
  });

  it('employees are read-only through the API', () => {
    const { us } = stores();
    expect(code(() => us.write('Employee', 'create', { DisplayName: 'New Hire' }))).toBe('500');
    expect(code(() => us.write('TaxCode', 'create', { Name: 'X' }))).toBe('500');
  });

  it('strictLineAmounts can be switched off; inactive refs can be 2500 instead of 610', () => {
    const { us } = stores({ strictLineAmounts: false, inactiveReferenceCode: '2500' });
    const amy = byName(us, 'Customer', "Amy's Bird Sanctuary");
    const labor = byName(us, 'Item', 'Labor');
    const inv = us.write('Invoice', 'create', { CustomerRef: { value: amy }, Line: [{ DetailType: 'SalesItemLineDetail', Amount: 90, SalesItemLineDetail: { ItemRef: { value: labor }, Qty: 1, UnitPrice: 100 } }] });
    expect(inv.TotalAmt).toBe(90);
    const former = us.list('Customer').find((c) => c.Active === false)!.Id;
    expect(code(() => us.write('Invoice', 'create', { CustomerRef: { value: former }, Line: [{ DetailType: 'SalesItemLineDetail', Amount: 1, SalesItemLineDetail: { ItemRef: { value: labor } } }] }))).toBe('2500');
  });

  it('percent discounts and ApplyTaxAfterDiscount (AU)', () => {
    const { au } = stores();
    const cafe = byName(au, 'Customer', 'Bondi Beach Cafe');
    const labour = byName(au, 'Item', 'Labour');
    const inv = au.write('Invoice', 'create', {
      CustomerRef: { value: cafe }, GlobalTaxCalculation: 'TaxExcluded', ApplyTaxAfterDiscount: true,
      Line: [
        { DetailType: 'SalesItemLineDetail', Amount: 300, SalesItemLineDetail: { ItemRef: { value: labour }, TaxCodeRef: { value: '3' } } },
        { DetailType: 'DiscountLineDetail', DiscountLineDetail: { PercentBased: true, DiscountPercent: 10 } },
      ],
    });
    const discount = (inv.Line as { DetailType: string; Amount: number }[]).find((l) => l.DetailType === 'DiscountLineDetail')!;
    expect(discount.Amount).toBe(30);
    expect((inv.TxnTaxDetail as { TotalTax: number }).TotalTax).toBe(27);
    expect(inv.TotalAmt).toBe(297);
  });
});

/**
 * Customer credit in the simulator as QBO keeps it (docs/qbo-facts/customer-credit.md): unapplied
 * payments lower the customer's balance and are applied later by updating the payment; a credit memo
 * applied with a Payment of 0 moves no money; a RefundReceipt pays money out of a bank account.
 */
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock.js';
import { QboFault } from '../faults.js';
import { InMemoryCompanyStore } from './company.store.js';
import { usCompanySeed } from './seeds/us-company.seed.js';

function store() {
  return new InMemoryCompanyStore(new VirtualClock({ start: Date.parse('2026-05-05T09:08:55Z'), scale: 1 }), usCompanySeed(), {});
}
function fault(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof QboFault) return e.errors[0]?.Detail ?? e.errors[0]?.Message;
    throw e;
  }
  return undefined;
}
const byName = (s: InMemoryCompanyStore, entity: 'Item' | 'Customer' | 'Account', name: string) => s.list(entity).find((r) => r.Name === name || r.DisplayName === name)!.Id;

describe('customer credit', () => {
  it('an unapplied payment is credit on the customer, applied later by updating the payment, never beyond the invoice', () => {
    const us = store();
    const amy = byName(us, 'Customer', "Amy's Bird Sanctuary");
    const before = Number(us.read('Customer', amy).Balance);
    const deposit = us.write('Payment', 'create', { CustomerRef: { value: amy }, TotalAmt: 500 });
    expect(deposit).toMatchObject({ TotalAmt: 500, UnappliedAmt: 500, Line: [] });
    expect(Number(us.read('Customer', amy).Balance)).toBeCloseTo(before - 500, 2);
    const invoice = us.write('Invoice', 'create', { CustomerRef: { value: amy }, Line: [{ DetailType: 'SalesItemLineDetail', Amount: 330, SalesItemLineDetail: { ItemRef: { value: byName(us, 'Item', 'Labor') } } }] });
    expect(fault(() => us.write('Payment', 'update', { ...deposit, Line: [{ Amount: 330.01, LinkedTxn: [{ TxnId: invoice.Id, TxnType: 'Invoice' }] }] }))).toContain('more than its open balance');
    const applied = us.write('Payment', 'update', { ...deposit, Line: [{ Amount: 330, LinkedTxn: [{ TxnId: invoice.Id, TxnType: 'Invoice' }] }] });
    expect(applied).toMatchObject({ TotalAmt: 500, UnappliedAmt: 170 });
    expect(us.read('Invoice', String(invoice.Id)).Balance).toBe(0);
    expect(Number(us.read('Customer', amy).Balance)).toBeCloseTo(before - 170, 2);
    expect(fault(() => us.write('Payment', 'update', { ...applied, TotalAmt: 300 }))).toContain('at least the total applied');
  });

  it('a RefundReceipt needs the account the money is paid from, a bank or asset account', () => {
    const us = store();
    const amy = byName(us, 'Customer', "Amy's Bird Sanctuary");
    const line = { DetailType: 'SalesItemLineDetail', Amount: 170, SalesItemLineDetail: { ItemRef: { value: byName(us, 'Item', 'Labor') } } };
    expect(fault(() => us.write('RefundReceipt', 'create', { CustomerRef: { value: amy }, Line: [line] }))).toContain('DepositToAccountRef');
    expect(fault(() => us.write('RefundReceipt', 'create', { CustomerRef: { value: amy }, Line: [line], DepositToAccountRef: { value: byName(us, 'Account', 'Services') } }))).toContain('must be a bank');
    const refund = us.write('RefundReceipt', 'create', { CustomerRef: { value: amy }, Line: [line], DepositToAccountRef: { value: byName(us, 'Account', 'Checking') } });
    expect(refund).toMatchObject({ TotalAmt: 170, Balance: 0, DepositToAccountRef: { value: byName(us, 'Account', 'Checking') } });
  });
});

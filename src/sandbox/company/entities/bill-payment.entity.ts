/**
 * BillPayment: pays bills by check (BankAccountRef) or credit card (CCAccountRef); each applied
 * line reduces the bill's Balance and adds a BillPaymentCheck/BillPaymentCreditCard LinkedTxn.
 */
import { faults } from '../../faults.js';
import { amount, dec } from '../money.decimal.js';
import { type Draft, type EntityRules, type LinkTarget } from '../entity.rules.js';
import { resolveRecord } from '../refs.resolver.js';
import { isObject, oneOf, requireAmount } from '../validate.util.js';
import { billPayments } from './bill.entity.js';
import { applyCurrency, applyDocNumber, applyTxnDate, TXN_LENGTHS, voidedForm } from './transaction.shared.js';
import { ordered } from './name-list.shared.js';

function linksOf(record: Draft): LinkTarget[] {
  return ((record.Line as Draft[] | undefined) ?? []).flatMap((l) => ((l.LinkedTxn as Draft[] | undefined) ?? []).filter((t) => t.TxnType === 'Bill').map((t) => ({ entity: 'Bill' as const, id: String(t.TxnId) })));
}

export const billPaymentRules: EntityRules = {
  entity: 'BillPayment',
  kind: 'txn',
  schemaType: 'BillPayment',
  computed: ['HomeTotalAmt', 'TxnStatus'],
  lengths: TXN_LENGTHS,
  build(ctx, draft, previous) {
    const { ref: vendorRef } = resolveRecord(ctx, 'Vendor', draft.VendorRef, 'VendorRef');
    draft.VendorRef = vendorRef;
    if (draft.PayType === undefined) throw faults.requiredMissing('PayType');
    const payType = oneOf(draft.PayType, ['Check', 'CreditCard'] as const, 'PayType');
    if (payType === 'Check') {
      const cp = isObject(draft.CheckPayment) ? draft.CheckPayment : undefined;
      if (!cp) throw faults.requiredMissing('CheckPayment.BankAccountRef');
      draft.CheckPayment = { ...cp, BankAccountRef: resolveRecord(ctx, 'Account', cp.BankAccountRef, 'CheckPayment.BankAccountRef').ref, PrintStatus: cp.PrintStatus ?? 'NeedToPrint' };
    } else {
      const cc = isObject(draft.CreditCardPayment) ? draft.CreditCardPayment : undefined;
      if (!cc) throw faults.requiredMissing('CreditCardPayment.CCAccountRef');
      draft.CreditCardPayment = { ...cc, CCAccountRef: resolveRecord(ctx, 'Account', cc.CCAccountRef, 'CreditCardPayment.CCAccountRef').ref };
    }
    requireAmount(draft.TotalAmt, 'TotalAmt');
    applyTxnDate(ctx, draft);
    applyDocNumber(ctx, draft, previous, undefined);
    applyCurrency(ctx, draft);
    const lines: Draft[] = [];
    let applied = dec(0);
    for (const raw of Array.isArray(draft.Line) ? (draft.Line as unknown[]) : []) {
      if (!isObject(raw)) continue;
      requireAmount(raw.Amount, 'Line.Amount');
      const value = dec(raw.Amount);
      const links = (Array.isArray(raw.LinkedTxn) ? (raw.LinkedTxn as unknown[]) : []).filter(isObject);
      if (links.length === 0) throw faults.requiredMissing('Line.LinkedTxn');
      for (const link of links) {
        oneOf(link.TxnType, ['Bill'] as const, 'Line.LinkedTxn.TxnType');
        const bill = ctx.find('Bill', String(link.TxnId));
        if (!bill) throw faults.invalidReference('Line.LinkedTxn.TxnId');
        const open = dec(bill.TotalAmt).minus(billPayments(ctx, bill.Id, previous?.Id).amount);
        if (value.greaterThan(open)) throw faults.businessValidation(`The amount applied to Bill ${bill.Id} is more than its open balance (${open.toFixed(2)}).`, 'Line.Amount');
      }
      applied = applied.plus(value);
      lines.push({ Amount: amount(value), LinkedTxn: links.map((l) => ({ TxnId: String(l.TxnId as string), TxnType: 'Bill' })) });
    }
    if (applied.greaterThan(dec(draft.TotalAmt))) throw faults.businessValidation('The total applied to bills is more than the payment amount.', 'TotalAmt');
    draft.Line = lines;
    draft.TotalAmt = amount(dec(draft.TotalAmt));
    return ordered(draft, ['VendorRef', 'PayType', 'CheckPayment', 'CreditCardPayment', 'TotalAmt', 'DocNumber', 'TxnDate', 'CurrencyRef', 'Line']);
  },
  void: (_ctx, record) => voidedForm(record),
  linksOf,
};

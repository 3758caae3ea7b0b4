/**
 * Bill: vendor, expense lines (account- or item-based), A/P account default, DueDate from terms,
 * purchase-side tax for non-US companies, Balance reduced by bill payments.
 */
import { faults } from '../../faults.js';
import { amount, dec, sum } from '../money.decimal.js';
import { type QboRecord } from '../company.types.js';
import { type Draft, type EntityContext, type EntityRules } from '../entity.rules.js';
import { buildExpenseLines } from '../lines.builder.js';
import { refTo, resolveOptional, resolveRecord } from '../refs.resolver.js';
import { computeGlobalTax } from '../tax.calculator.js';
import { applyCurrency, applyDocNumber, applyGlobalTax, applyHeaderRefs, applyHomeAmounts, applyTxnDate, TXN_LENGTHS } from './transaction.shared.js';
import { dueDateFor } from './term.entity.js';
import { ordered } from './name-list.shared.js';
import { idOf, isDate } from '../validate.util.js';

export function billPayments(ctx: EntityContext, billId: string, exclude?: string): { amount: ReturnType<typeof dec>; links: Draft[] } {
  const amounts = [];
  const links: Draft[] = [];
  for (const bp of ctx.all('BillPayment')) {
    if (bp.Id === exclude) continue;
    let applied = dec(0);
    for (const line of (bp.Line as Draft[] | undefined) ?? []) {
      for (const l of (line.LinkedTxn as Draft[] | undefined) ?? []) if (l.TxnType === 'Bill' && l.TxnId === billId) applied = applied.plus(dec(line.Amount));
    }
    if (!applied.isZero()) {
      amounts.push(applied);
      links.push({ TxnId: bp.Id, TxnType: bp.PayType === 'CreditCard' ? 'BillPaymentCreditCard' : 'BillPaymentCheck' });
    }
  }
  return { amount: sum(amounts), links };
}

function relinkBill(ctx: EntityContext, record: QboRecord): Draft | undefined {
  const { amount: paid, links } = billPayments(ctx, record.Id);
  const balance = amount(dec(record.TotalAmt).minus(paid));
  if (record.Balance === balance && JSON.stringify(record.LinkedTxn ?? []) === JSON.stringify(links)) return undefined;
  if (record.HomeBalance !== undefined) return { Balance: balance, HomeBalance: amount(dec(balance).times(dec(record.ExchangeRate ?? 1))), LinkedTxn: links };
  return { Balance: balance, LinkedTxn: links };
}

export const billRules: EntityRules = {
  entity: 'Bill',
  kind: 'txn',
  schemaType: 'Bill',
  computed: ['TotalAmt', 'Balance', 'HomeTotalAmt', 'HomeBalance', 'LinkedTxn'],
  lengths: TXN_LENGTHS,
  build(ctx, draft, previous) {
    const { ref: vendorRef, record: vendor } = resolveRecord(ctx, 'Vendor', draft.VendorRef, 'VendorRef');
    draft.VendorRef = vendorRef;
    const mode = applyGlobalTax(ctx, draft);
    const txnDate = applyTxnDate(ctx, draft);
    applyDocNumber(ctx, draft, previous, undefined);
    applyCurrency(ctx, draft, { record: vendor, label: 'vendor' });
    applyHeaderRefs(ctx, draft);
    const lines = buildExpenseLines(ctx, draft, previous, mode);
    draft.Line = lines.lines;
    const tax = ctx.profile.country === 'US' ? undefined : computeGlobalTax(ctx, lines.taxable, mode ?? 'NotApplicable', 'purchase', undefined);
    if (tax) draft.TxnTaxDetail = tax.detail;
    const total = lines.subtotal.plus(tax?.totalTax ?? 0);
    draft.TotalAmt = amount(total);
    const ap = resolveOptional(ctx, 'Account', draft.APAccountRef, 'APAccountRef');
    const defaultAp = ctx.all('Account').find((a) => a.AccountType === 'Accounts Payable' && a.Active !== false);
    if (!ap && !defaultAp) throw faults.requiredMissing('APAccountRef');
    draft.APAccountRef = ap ?? refTo(defaultAp!);
    const term = resolveOptional(ctx, 'Term', draft.SalesTermRef, 'SalesTermRef');
    if (term) draft.SalesTermRef = term;
    if (!isDate(draft.DueDate)) {
      const termId = term?.value ?? (vendor.TermRef as Draft | undefined)?.value;
      const termRecord = termId ? ctx.find('Term', idOf(termId)) : undefined;
      draft.DueDate = termRecord ? dueDateFor(termRecord, txnDate) : txnDate;
    }
    const { amount: paid, links } = billPayments(ctx, previous?.Id ?? '');
    draft.Balance = amount(total.minus(paid));
    draft.LinkedTxn = links;
    applyHomeAmounts(ctx, draft, ['TotalAmt', 'Balance']);
    return ordered(draft, ['DueDate', 'Balance', 'TxnDate', 'CurrencyRef', 'LinkedTxn', 'Line', 'TxnTaxDetail', 'VendorRef', 'APAccountRef', 'GlobalTaxCalculation', 'TotalAmt']);
  },
  relink: relinkBill,
};

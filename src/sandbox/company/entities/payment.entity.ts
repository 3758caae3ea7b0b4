/**
 * Payment (ReceivePayment): applies money to invoices and credit memos through Line.LinkedTxn.
 * Applied amounts may not exceed a form's open balance; UnappliedAmt = TotalAmt − invoices + credits.
 * Creating, editing, voiding (`include=void`) or deleting a payment relinks the forms it touches.
 */
import { faults } from '../../faults.js';
import { type Decimal, amount, dec } from '../money.decimal.js';
import { type QboRecord } from '../company.types.js';
import { type Draft, type EntityContext, type EntityRules, type LinkTarget } from '../entity.rules.js';
import { refTo, resolveOptional, resolveRecord } from '../refs.resolver.js';
import { isObject, oneOf, requireAmount } from '../validate.util.js';
import { appliedTo } from './sales-form.shared.js';
import { applyCurrency, applyHomeAmounts, applyTxnDate, TXN_LENGTHS, voidedForm } from './transaction.shared.js';
import { ordered } from './name-list.shared.js';

export function undepositedFunds(ctx: EntityContext): QboRecord | undefined {
  return ctx.all('Account').find((a) => a.AccountSubType === 'UndepositedFunds' && a.Active !== false);
}

/** QBO leaks JAXB NameValue extensions on applied payment lines; clients ignore them but they are real. */
function lineEx(txnId: string, openBalance: Decimal, docNumber: unknown): Draft {
  const nv = (name: string, value: string) => ({
    name: '{http://schema.intuit.com/finance/v3}NameValue',
    declaredType: 'com.intuit.schema.finance.v3.NameValue',
    scope: 'javax.xml.bind.JAXBElement$GlobalScope',
    value: { Name: name, Value: value },
    nil: false,
    globalScope: true,
    typeSubstituted: false,
  });
  const any = [nv('txnId', txnId), nv('txnOpenBalance', openBalance.toFixed(2))];
  if (typeof docNumber === 'string') any.push(nv('txnReferenceNumber', docNumber));
  return { any };
}

function linksOf(record: Draft): LinkTarget[] {
  const out: LinkTarget[] = [];
  for (const line of (record.Line as Draft[] | undefined) ?? []) {
    for (const link of (line.LinkedTxn as Draft[] | undefined) ?? []) {
      if (link.TxnType === 'Invoice' || link.TxnType === 'CreditMemo') out.push({ entity: link.TxnType, id: String(link.TxnId) });
    }
  }
  return out;
}

export const paymentRules: EntityRules = {
  entity: 'Payment',
  kind: 'txn',
  schemaType: 'Payment',
  computed: ['UnappliedAmt', 'HomeTotalAmt', 'TxnStatus'],
  lengths: { ...TXN_LENGTHS, PaymentRefNum: 21 },
  build(ctx, draft, previous) {
    if (previous?.TxnStatus === 'Voided') throw faults.businessValidation('A voided payment cannot be changed.');
    const { ref: customerRef, record: customer } = resolveRecord(ctx, 'Customer', draft.CustomerRef, 'CustomerRef');
    draft.CustomerRef = customerRef;
    requireAmount(draft.TotalAmt, 'TotalAmt');
    const total = dec(draft.TotalAmt);
    if (total.isNegative()) throw faults.businessValidation('The payment amount cannot be negative.', 'TotalAmt');
    applyTxnDate(ctx, draft);
    applyCurrency(ctx, draft, { record: customer, label: 'customer' });
    const currency = String((draft.CurrencyRef as Draft).value);
    const lines: Draft[] = [];
    let net = dec(0);
    for (const raw of (Array.isArray(draft.Line) ? (draft.Line as unknown[]) : [])) {
      if (!isObject(raw)) continue;
      requireAmount(raw.Amount, 'Line.Amount');
      const value = dec(raw.Amount);
      const links = Array.isArray(raw.LinkedTxn) ? (raw.LinkedTxn as unknown[]).filter(isObject) : [];
      if (links.length === 0) throw faults.requiredMissing('Line.LinkedTxn');
      const outLinks: Draft[] = [];
      let openForEx = dec(0);
      let docNumber: unknown;
      for (const link of links) {
        const type = oneOf(link.TxnType, ['Invoice', 'CreditMemo'] as const, 'Line.LinkedTxn.TxnType');
        const id = String(link.TxnId);
        const target = ctx.find(type, id);
        if (!target) throw faults.invalidReference('Line.LinkedTxn.TxnId', `Invalid Reference Id : ${type} ${id} assigned to this payment does not exist.`);
        if ((target.CustomerRef as Draft | undefined)?.value !== customerRef.value) {
          throw faults.businessValidation(`${type} ${id} belongs to another customer.`, 'Line.LinkedTxn.TxnId');
        }
        const targetCurrency = isObject(target.CurrencyRef) ? String(target.CurrencyRef.value) : ctx.profile.currency.value;
        if (targetCurrency !== currency) {
          throw faults.businessValidation(`${type} ${id} is in ${targetCurrency}; a payment in ${currency} cannot be applied to it.`, 'Line.LinkedTxn.TxnId');
        }
        const open = dec(target.TotalAmt).minus(appliedTo(ctx, type, id, previous?.Id).amount);
        if (value.greaterThan(open)) {
          throw faults.businessValidation(`The amount applied to ${type} ${id} (${value.toFixed(2)}) is more than its open balance (${open.toFixed(2)}).`, 'Line.Amount');
        }
        net = type === 'Invoice' ? net.plus(value) : net.minus(value);
        openForEx = open;
        docNumber = target.DocNumber;
        outLinks.push({ TxnId: id, TxnType: type });
      }
      lines.push({ Amount: amount(value), LinkedTxn: outLinks, LineEx: lineEx(outLinks[0]!.TxnId as string, openForEx, docNumber) });
    }
    const unapplied = total.minus(net);
    if (unapplied.isNegative()) throw faults.businessValidation('The payment amount must be at least the total applied to invoices less credits.', 'TotalAmt');
    draft.Line = lines;
    draft.TotalAmt = amount(total);
    draft.UnappliedAmt = amount(unapplied);
    applyHomeAmounts(ctx, draft, ['TotalAmt']);
    const deposit = resolveOptional(ctx, 'Account', draft.DepositToAccountRef, 'DepositToAccountRef', { withName: false });
    const uf = undepositedFunds(ctx);
    draft.DepositToAccountRef = deposit ?? (uf ? refTo(uf, false) : undefined);
    const pm = resolveOptional(ctx, 'PaymentMethod', draft.PaymentMethodRef, 'PaymentMethodRef');
    if (pm) draft.PaymentMethodRef = pm;
    draft.ProcessPayment ??= false;
    return ordered(draft, ['CustomerRef', 'DepositToAccountRef', 'PaymentMethodRef', 'PaymentRefNum', 'TotalAmt', 'UnappliedAmt', 'ProcessPayment', 'TxnDate', 'CurrencyRef', 'ExchangeRate', 'HomeTotalAmt', 'Line']);
  },
  void: (_ctx, record) => ({ ...voidedForm(record), UnappliedAmt: 0 }),
  linksOf,
};

/**
 * Purchase (expense, check, credit-card charge): PaymentType with a matching paying account
 * (Bank for Cash/Check, Credit Card for CreditCard), optional payee, expense lines and tax.
 */
import { faults } from '../../faults.js';
import { amount } from '../money.decimal.js';
import { type QboRecord } from '../company.types.js';
import { type EntityRules } from '../entity.rules.js';
import { buildExpenseLines } from '../lines.builder.js';
import { resolveRecord } from '../refs.resolver.js';
import { computeGlobalTax } from '../tax.calculator.js';
import { isObject, oneOf } from '../validate.util.js';
import { applyCurrency, applyDocNumber, applyGlobalTax, applyHeaderRefs, applyHomeAmounts, applyTxnDate, TXN_LENGTHS, voidedForm } from './transaction.shared.js';
import { ordered } from './name-list.shared.js';

export const purchaseRules: EntityRules = {
  entity: 'Purchase',
  kind: 'txn',
  schemaType: 'Purchase',
  computed: ['TotalAmt', 'HomeTotalAmt', 'RemitToAddr', 'TxnStatus'],
  lengths: TXN_LENGTHS,
  build(ctx, draft, previous) {
    if (draft.PaymentType === undefined) throw faults.requiredMissing('PaymentType');
    const paymentType = oneOf(draft.PaymentType, ['Cash', 'Check', 'CreditCard'] as const, 'PaymentType');
    const { ref: accountRef, record: account } = resolveRecord(ctx, 'Account', draft.AccountRef, 'AccountRef');
    const wanted = paymentType === 'CreditCard' ? 'Credit Card' : 'Bank';
    if (account.AccountType !== wanted) throw faults.invalidReference('AccountRef', `Invalid Reference Id : AccountRef must be a ${wanted} account for PaymentType ${paymentType}`);
    draft.AccountRef = accountRef;
    let payee: { record: QboRecord; label: string } | undefined;
    if (isObject(draft.EntityRef)) {
      const type = oneOf(draft.EntityRef.type ?? 'Vendor', ['Vendor', 'Customer', 'Employee'] as const, 'EntityRef.type');
      const { ref, record } = resolveRecord(ctx, type, draft.EntityRef, 'EntityRef');
      draft.EntityRef = { value: ref.value, name: ref.name, type };
      if (type === 'Vendor') payee = { record, label: 'vendor' };
    }
    const mode = applyGlobalTax(ctx, draft);
    applyTxnDate(ctx, draft);
    applyDocNumber(ctx, draft, previous, undefined);
    applyCurrency(ctx, draft, payee);
    applyHeaderRefs(ctx, draft);
    const lines = buildExpenseLines(ctx, draft, previous, mode);
    draft.Line = lines.lines;
    const tax = ctx.profile.country === 'US' ? undefined : computeGlobalTax(ctx, lines.taxable, mode ?? 'NotApplicable', 'purchase', undefined);
    if (tax) draft.TxnTaxDetail = tax.detail;
    draft.TotalAmt = amount(lines.subtotal.plus(tax?.totalTax ?? 0));
    applyHomeAmounts(ctx, draft, ['TotalAmt']);
    if (paymentType === 'Check') draft.PrintStatus ??= 'NotSet';
    draft.Credit ??= false;
    return ordered(draft, ['AccountRef', 'PaymentType', 'EntityRef', 'Credit', 'TotalAmt', 'PrintStatus', 'DocNumber', 'TxnDate', 'CurrencyRef', 'Line', 'TxnTaxDetail', 'GlobalTaxCalculation']);
  },
  void: (_ctx, record) => voidedForm(record),
};

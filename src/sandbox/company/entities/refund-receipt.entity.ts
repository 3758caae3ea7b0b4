/**
 * RefundReceipt: money paid back to a customer for goods or services sold (XSD: "a refund (or credit)
 * of payment or part of a payment"). A sales form like a SalesReceipt (item lines, tax, TotalAmt) whose
 * money leaves `DepositToAccountRef`, the account the refund is paid from. Balance is always 0 and it
 * never touches Accounts Receivable, so it does not consume a customer's credit by itself
 * (docs/qbo-facts/customer-credit.md). Whether QBO accepts one without DepositToAccountRef is not
 * documented: the simulator takes the stricter reading and requires it. Deleted, not voided, here.
 */
import { faults } from '../../faults.js';
import { type EntityRules } from '../entity.rules.js';
import { resolveOptional } from '../refs.resolver.js';
import { buildSalesForm } from './sales-form.shared.js';
import { TXN_LENGTHS } from './transaction.shared.js';
import { ordered } from './name-list.shared.js';

export const refundReceiptRules: EntityRules = {
  entity: 'RefundReceipt',
  kind: 'txn',
  schemaType: 'RefundReceipt',
  computed: ['TotalAmt', 'Balance', 'HomeTotalAmt', 'HomeBalance', 'RemainingCredit', 'TxnStatus'],
  lengths: { ...TXN_LENGTHS, PaymentRefNum: 21 },
  build(ctx, draft, previous) {
    buildSalesForm(ctx, draft, previous);
    const from = resolveOptional(ctx, 'Account', draft.DepositToAccountRef, 'DepositToAccountRef');
    if (!from) throw faults.requiredMissing('DepositToAccountRef');
    const type = ctx.find('Account', from.value)?.AccountType;
    // Money is paid out of a bank (or other current asset, e.g. a clearing account), never an income account.
    if (type !== 'Bank' && type !== 'Other Current Asset' && type !== 'Credit Card') {
      throw faults.businessValidation(`The account a refund is paid from must be a bank, credit card or other current asset account, not ${String(type)}.`, 'DepositToAccountRef');
    }
    draft.DepositToAccountRef = from;
    const pm = resolveOptional(ctx, 'PaymentMethod', draft.PaymentMethodRef, 'PaymentMethodRef');
    if (pm) draft.PaymentMethodRef = pm;
    draft.Balance = 0;
    return ordered(draft, ['CustomField', 'DocNumber', 'TxnDate', 'CurrencyRef', 'Line', 'TxnTaxDetail', 'CustomerRef', 'BillAddr', 'GlobalTaxCalculation', 'TotalAmt', 'ApplyTaxAfterDiscount', 'PrintStatus', 'Balance', 'PaymentMethodRef', 'PaymentRefNum', 'DepositToAccountRef']);
  },
};

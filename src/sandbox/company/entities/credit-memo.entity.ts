/**
 * CreditMemo: a sales form whose RemainingCredit (= Balance) falls as payments apply it to invoices.
 */
import { type EntityRules } from '../entity.rules.js';
import { buildSalesForm, paymentLinks, relinkSalesForm } from './sales-form.shared.js';
import { applyHomeAmounts, TXN_LENGTHS } from './transaction.shared.js';
import { ordered } from './name-list.shared.js';

export const creditMemoRules: EntityRules = {
  entity: 'CreditMemo',
  kind: 'txn',
  schemaType: 'CreditMemo',
  computed: ['TotalAmt', 'Balance', 'RemainingCredit', 'HomeTotalAmt', 'HomeBalance', 'LinkedTxn', 'TxnStatus'],
  lengths: TXN_LENGTHS,
  build(ctx, draft, previous) {
    buildSalesForm(ctx, draft, previous);
    const { balance, linked } = paymentLinks(ctx, 'CreditMemo', { ...draft, Id: previous?.Id ?? '' });
    draft.RemainingCredit = balance;
    draft.Balance = balance;
    draft.LinkedTxn = linked;
    applyHomeAmounts(ctx, draft, ['Balance']);
    return ordered(draft, ['RemainingCredit', 'CustomField', 'DocNumber', 'TxnDate', 'CurrencyRef', 'LinkedTxn', 'Line', 'TxnTaxDetail', 'CustomerRef', 'BillAddr', 'GlobalTaxCalculation', 'TotalAmt', 'ApplyTaxAfterDiscount', 'PrintStatus', 'EmailStatus', 'Balance']);
  },
  relink: (ctx, record) => relinkSalesForm(ctx, 'CreditMemo', record, ['RemainingCredit', 'Balance']),
};

/**
 * SalesReceipt: a paid-on-the-spot sales form (Balance 0), deposited to Undeposited Funds unless
 * told otherwise; void via `operation=update&include=void`.
 */
import { type EntityRules } from '../entity.rules.js';
import { refTo, resolveOptional } from '../refs.resolver.js';
import { buildSalesForm } from './sales-form.shared.js';
import { TXN_LENGTHS, voidedForm } from './transaction.shared.js';
import { ordered } from './name-list.shared.js';
import { undepositedFunds } from './payment.entity.js';

export const salesReceiptRules: EntityRules = {
  entity: 'SalesReceipt',
  kind: 'txn',
  schemaType: 'SalesReceipt',
  computed: ['TotalAmt', 'Balance', 'HomeTotalAmt', 'HomeBalance', 'TxnStatus'],
  lengths: { ...TXN_LENGTHS, PaymentRefNum: 21 },
  build(ctx, draft, previous) {
    if (previous?.TxnStatus === 'Voided') draft.TxnStatus = 'Voided';
    buildSalesForm(ctx, draft, previous);
    const pm = resolveOptional(ctx, 'PaymentMethod', draft.PaymentMethodRef, 'PaymentMethodRef');
    if (pm) draft.PaymentMethodRef = pm;
    const deposit = resolveOptional(ctx, 'Account', draft.DepositToAccountRef, 'DepositToAccountRef', { withName: false });
    const uf = undepositedFunds(ctx);
    draft.DepositToAccountRef = deposit ?? (uf ? refTo(uf) : undefined);
    draft.Balance = 0;
    return ordered(draft, ['CustomField', 'DocNumber', 'TxnDate', 'CurrencyRef', 'Line', 'TxnTaxDetail', 'CustomerRef', 'BillAddr', 'GlobalTaxCalculation', 'TotalAmt', 'ApplyTaxAfterDiscount', 'PrintStatus', 'EmailStatus', 'Balance', 'PaymentMethodRef', 'DepositToAccountRef']);
  },
  void: (_ctx, record) => voidedForm(record),
};

/**
 * Invoice: a sales form with DueDate from terms, online-payment flags, Balance reduced by applied
 * payments and credit memos (each application changes the invoice's SyncToken and LinkedTxn), and
 * void via `operation=void`.
 */
import { type EntityRules } from '../entity.rules.js';
import { buildSalesForm, paymentLinks, relinkSalesForm } from './sales-form.shared.js';
import { applyDueDate, applyHomeAmounts, TXN_LENGTHS, voidedForm } from './transaction.shared.js';
import { ordered } from './name-list.shared.js';

export const invoiceRules: EntityRules = {
  entity: 'Invoice',
  kind: 'txn',
  schemaType: 'Invoice',
  computed: ['TotalAmt', 'Balance', 'HomeTotalAmt', 'HomeBalance', 'LinkedTxn', 'InvoiceLink', 'TxnStatus'],
  lengths: TXN_LENGTHS,
  build(ctx, draft, previous) {
    if (previous?.TxnStatus === 'Voided') draft.TxnStatus = 'Voided';
    const { customer } = buildSalesForm(ctx, draft, previous);
    applyDueDate(ctx, draft, 'SalesTermRef', customer.SalesTermRef);
    draft.AllowIPNPayment ??= false;
    draft.AllowOnlinePayment ??= false;
    draft.AllowOnlineCreditCardPayment ??= true;
    draft.AllowOnlineACHPayment ??= true;
    draft.LinkedTxn = previous?.LinkedTxn ?? [];
    const { balance, linked } = paymentLinks(ctx, 'Invoice', { ...draft, Id: previous?.Id ?? '' });
    draft.Balance = balance;
    draft.LinkedTxn = linked;
    applyHomeAmounts(ctx, draft, ['Balance']);
    return ordered(draft, ['AllowIPNPayment', 'AllowOnlinePayment', 'AllowOnlineCreditCardPayment', 'AllowOnlineACHPayment', 'CustomField', 'DocNumber', 'TxnDate', 'CurrencyRef', 'ExchangeRate', 'LinkedTxn', 'Line', 'TxnTaxDetail', 'CustomerRef', 'BillAddr', 'ShipAddr', 'SalesTermRef', 'DueDate', 'GlobalTaxCalculation', 'TotalAmt', 'ApplyTaxAfterDiscount', 'PrintStatus', 'EmailStatus', 'BillEmail', 'Balance', 'HomeBalance', 'HomeTotalAmt']);
  },
  void: (_ctx, record) => voidedForm(record),
  relink: (ctx, record) => relinkSalesForm(ctx, 'Invoice', record, ['Balance']),
};

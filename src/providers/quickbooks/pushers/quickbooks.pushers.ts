/**
 * The QuickBooks Online pushers, one per record kind, in push order (a kind never before the kinds it
 * depends on). Adding a kind: its pusher file, plus one line here.
 */
import { type AnyRecordPusher } from '../../../sync/push/record-pusher.registry.js';
import { badDebtWriteOffPusher } from './bad-debt-write-off.pusher.js';
import { creditNotePusher } from './credit-note.pusher.js';
import { customerPusher } from './customer.pusher.js';
import { expensePusher } from './expense.pusher.js';
import { invoicePusher } from './invoice.pusher.js';
import { paymentPusher } from './payment.pusher.js';
import { supplierInvoicePusher } from './supplier-invoice.pusher.js';
import { supplierPusher } from './supplier.pusher.js';

export const QUICKBOOKS_PUSHERS: readonly AnyRecordPusher[] = [
  customerPusher,
  supplierPusher,
  invoicePusher,
  creditNotePusher,
  paymentPusher,
  badDebtWriteOffPusher,
  supplierInvoicePusher,
  expensePusher,
];

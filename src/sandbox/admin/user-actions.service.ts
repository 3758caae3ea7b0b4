/**
 * "Act as a QBO user": changes a bookkeeper makes in the QBO UI (record a payment, edit or void an
 * invoice, rename a customer). They go through the same store writes as the API, with the record's
 * current SyncToken, so SyncTokens move, CDC sees them and webhooks fire.
 */
import { type InMemoryCompanyStore } from '../company/company.store.js';
import { faults } from '../faults.js';
import { idOf } from '../company/validate.util.js';

type Body = Record<string, unknown>;
type Action = (store: InMemoryCompanyStore, body: Body) => Record<string, unknown>;

function requireId(body: Body, field: string): string {
  const v = body[field];
  if (typeof v !== 'string' && typeof v !== 'number') throw faults.requiredMissing(field);
  return String(v);
}

/** `{invoiceId, amount?, paymentMethodId?, depositToAccountId?, txnDate?}`: amount defaults to the open balance. */
const recordPayment: Action = (store, body) => {
  const invoice = store.read('Invoice', requireId(body, 'invoiceId'));
  const amount = body.amount ?? invoice.Balance;
  const payment: Body = {
    CustomerRef: { value: (invoice.CustomerRef as { value: string }).value },
    TotalAmt: amount,
    Line: [{ Amount: amount, LinkedTxn: [{ TxnId: invoice.Id, TxnType: 'Invoice' }] }],
  };
  if (body.paymentMethodId !== undefined) payment.PaymentMethodRef = { value: idOf(body.paymentMethodId) };
  if (body.depositToAccountId !== undefined) payment.DepositToAccountRef = { value: idOf(body.depositToAccountId) };
  if (typeof body.txnDate === 'string') payment.TxnDate = body.txnDate;
  if (typeof body.paymentRefNum === 'string') payment.PaymentRefNum = body.paymentRefNum;
  const created = store.write('Payment', 'create', payment);
  return { Payment: created, Invoice: store.read('Invoice', invoice.Id) };
};

/** `{invoiceId, changes: {...sparse fields}}` */
const editInvoice: Action = (store, body) => {
  const invoice = store.read('Invoice', requireId(body, 'invoiceId'));
  const changes = (body.changes ?? {}) as Body;
  const updated = store.write('Invoice', 'update', { ...changes, Id: invoice.Id, SyncToken: invoice.SyncToken, sparse: true }, { sparse: true });
  return { Invoice: updated };
};

/** `{invoiceId}` */
const voidInvoice: Action = (store, body) => {
  const invoice = store.read('Invoice', requireId(body, 'invoiceId'));
  return { Invoice: store.write('Invoice', 'void', { Id: invoice.Id, SyncToken: invoice.SyncToken }) };
};

/** `{customerId, displayName}` */
const renameCustomer: Action = (store, body) => {
  const customer = store.read('Customer', requireId(body, 'customerId'));
  if (typeof body.displayName !== 'string' || !body.displayName) throw faults.requiredMissing('displayName');
  const updated = store.write('Customer', 'update', { Id: customer.Id, SyncToken: customer.SyncToken, sparse: true, DisplayName: body.displayName }, { sparse: true });
  return { Customer: updated };
};

export const actions = {
  'record-payment': recordPayment,
  'edit-invoice': editInvoice,
  'void-invoice': voidInvoice,
  'rename-customer': renameCustomer,
} as const satisfies Record<string, Action>;

export type ActionName = keyof typeof actions;

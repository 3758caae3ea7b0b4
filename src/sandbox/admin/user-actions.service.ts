/**
 * "Act as a QBO user": changes a bookkeeper makes in the QBO UI (record a payment, edit, void or delete
 * an invoice, rename a customer, make a list record inactive or active again, create a record). They go
 * through the same store writes as the API, with the record's current SyncToken, so SyncTokens move,
 * CDC sees them and webhooks fire.
 */
import { type InMemoryCompanyStore } from '../company/company.store.js';
import { ENTITY_NAMES, type EntityName } from '../company/company.types.js';
import { ENTITY_RULES } from '../company/entity.registry.js';
import { faults } from '../faults.js';
import { idOf } from '../company/validate.util.js';
import { Decimal, amount, dec } from '../company/money.decimal.js';

type Body = Record<string, unknown>;
type Action = (store: InMemoryCompanyStore, body: Body) => Record<string, unknown>;

function requireId(body: Body, field: string): string {
  const v = body[field];
  if (typeof v !== 'string' && typeof v !== 'number') throw faults.requiredMissing(field);
  return String(v);
}

/**
 * `{invoiceId?, customerId?, amount?, applied?, paymentMethodId?, depositToAccountId?, txnDate?}`:
 * "Receive payment". `amount` (the money received) defaults to the invoice's open balance and
 * `applied` (the part applied to the invoice) to `amount`; the rest stays as the customer's credit
 * (UnappliedAmt). Without `invoiceId` the payment is a deposit: `customerId` and `amount` required,
 * nothing applied.
 */
const recordPayment: Action = (store, body) => {
  const invoice = body.invoiceId !== undefined ? store.read('Invoice', requireId(body, 'invoiceId')) : undefined;
  const customerId = invoice ? (invoice.CustomerRef as { value: string }).value : requireId(body, 'customerId');
  if (!invoice && body.amount === undefined) throw faults.requiredMissing('amount');
  const amount = body.amount ?? invoice?.Balance;
  const applied = body.applied ?? amount;
  const payment: Body = {
    CustomerRef: { value: customerId },
    TotalAmt: amount,
    Line: invoice ? [{ Amount: applied, LinkedTxn: [{ TxnId: invoice.Id, TxnType: 'Invoice' }] }] : [],
  };
  if (body.paymentMethodId !== undefined) payment.PaymentMethodRef = { value: idOf(body.paymentMethodId) };
  if (body.depositToAccountId !== undefined) payment.DepositToAccountRef = { value: idOf(body.depositToAccountId) };
  if (typeof body.txnDate === 'string') payment.TxnDate = body.txnDate;
  if (typeof body.paymentRefNum === 'string') payment.PaymentRefNum = body.paymentRefNum;
  const created = store.write('Payment', 'create', payment);
  return { Payment: created, ...(invoice ? { Invoice: store.read('Invoice', invoice.Id) } : {}) };
};

/**
 * `{invoiceId, creditMemoId, amount?, txnDate?}`: applying a credit memo to an invoice in "Receive
 * payment" with no money received saves a Payment of TotalAmt 0 whose lines link the invoice and the
 * credit memo for the same amount (default: the smaller of the two open balances).
 */
const applyCreditMemo: Action = (store, body) => {
  const invoice = store.read('Invoice', requireId(body, 'invoiceId'));
  const memo = store.read('CreditMemo', requireId(body, 'creditMemoId'));
  const applied = body.amount ?? amount(Decimal.min(dec(invoice.Balance), dec(memo.Balance)));
  const payment: Body = {
    CustomerRef: { value: (invoice.CustomerRef as { value: string }).value },
    TotalAmt: 0,
    Line: [
      { Amount: applied, LinkedTxn: [{ TxnId: invoice.Id, TxnType: 'Invoice' }] },
      { Amount: applied, LinkedTxn: [{ TxnId: memo.Id, TxnType: 'CreditMemo' }] },
    ],
  };
  if (typeof body.txnDate === 'string') payment.TxnDate = body.txnDate;
  const created = store.write('Payment', 'create', payment);
  return { Payment: created, Invoice: store.read('Invoice', invoice.Id), CreditMemo: store.read('CreditMemo', memo.Id) };
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

function entityOf(body: Body, kind: 'name' | 'txn'): EntityName {
  const entity = ENTITY_NAMES.find((e) => e.toLowerCase() === (typeof body.entity === 'string' ? body.entity : '').toLowerCase());
  if (!entity) throw faults.requiredMissing('entity');
  if (ENTITY_RULES[entity].kind !== kind) {
    throw faults.unsupportedOperation(kind === 'name' ? `${entity} is not a name list: only name-list records (customers, items, accounts, classes, vendors...) are made inactive.` : `${entity} is not a transaction: name-list records cannot be deleted, only made inactive.`);
  }
  return entity;
}

/**
 * `{entity, id, active}`: "Make inactive" / "Make active" on a name-list record (QBO's only delete for
 * them): a sparse update of Active, so the name gets or loses its " (deleted)" suffix as in QBO.
 */
const setActive: Action = (store, body) => {
  const entity = entityOf(body, 'name');
  if (typeof body.active !== 'boolean') throw faults.requiredMissing('active');
  const record = store.read(entity, requireId(body, 'id'));
  const updated = store.write(entity, 'update', { Id: record.Id, SyncToken: record.SyncToken, sparse: true, Active: body.active }, { sparse: true });
  return { [entity]: updated };
};

/** `{entity, id}`: a transaction deleted in QBO (only a CDC stub remains; reads answer 610). */
const deleteTransaction: Action = (store, body) => {
  const entity = entityOf(body, 'txn');
  const record = store.read(entity, requireId(body, 'id'));
  return { [entity]: store.write(entity, 'delete', { Id: record.Id, SyncToken: record.SyncToken }) };
};

/** `{entity, body}`: a record a QBO user enters directly (a customer, an invoice...), with the API's rules. */
const createRecord: Action = (store, body) => {
  const entity = ENTITY_NAMES.find((e) => e.toLowerCase() === (typeof body.entity === 'string' ? body.entity : '').toLowerCase());
  if (!entity) throw faults.requiredMissing('entity');
  if (typeof body.body !== 'object' || body.body === null || Array.isArray(body.body)) throw faults.requiredMissing('body');
  return { [entity]: store.write(entity, 'create', body.body as Body) };
};

/**
 * `{customerId, taxCodeId}`: the bookkeeper picks the customer's sales tax rate ("Tax info" in QBO's
 * customer form), which manual-sales-tax US companies use on the customer's transactions.
 */
const setCustomerTaxCode: Action = (store, body) => {
  const customer = store.read('Customer', requireId(body, 'customerId'));
  const code = store.read('TaxCode', requireId(body, 'taxCodeId'));
  const updated = store.write('Customer', 'update', { Id: customer.Id, SyncToken: customer.SyncToken, sparse: true, Taxable: true, DefaultTaxCodeRef: { value: code.Id } }, { sparse: true });
  return { Customer: updated };
};

/** `{}`: Account and Settings > Advanced > Currency > Multicurrency (UI only in QBO, and for good). */
const enableMulticurrency: Action = (store) => ({ Preferences: store.enableMulticurrency() });

/** `{currency, asOfDate, rate}`: a rate entered on the currency list (home units per one foreign unit). */
const setExchangeRate: Action = (store, body) => {
  if (typeof body.currency !== 'string' || !/^[A-Za-z]{3}$/.test(body.currency)) throw faults.requiredMissing('currency');
  if (typeof body.asOfDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(body.asOfDate)) throw faults.requiredMissing('asOfDate');
  if (typeof body.rate !== 'number' && typeof body.rate !== 'string') throw faults.requiredMissing('rate');
  store.setExchangeRate(body.currency, body.asOfDate, body.rate);
  return { ExchangeRate: { SourceCurrencyCode: body.currency.toUpperCase(), TargetCurrencyCode: store.profile.currency.value, AsOfDate: body.asOfDate, Rate: Number(body.rate) } };
};

export const actions = {
  'enable-multicurrency': enableMulticurrency,
  'set-exchange-rate': setExchangeRate,
  'record-payment': recordPayment,
  'apply-credit-memo': applyCreditMemo,
  'edit-invoice': editInvoice,
  'void-invoice': voidInvoice,
  'rename-customer': renameCustomer,
  'set-active': setActive,
  delete: deleteTransaction,
  create: createRecord,
  'set-customer-tax-code': setCustomerTaxCode,
} as const satisfies Record<string, Action>;

export type ActionName = keyof typeof actions;

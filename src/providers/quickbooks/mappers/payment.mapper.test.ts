import { describe, expect, it } from 'vitest';
import { type PaymentRecord } from '../../../ledger/ledger-record.types.js';
import { InvoiceReferenceField, TeamTrackingCategory } from '../../../settings/accounting-settings.fields.js';
import { creditRefundItem, mapPayment, mapRefundClearingInvoice, mapRefundReceipt, type PaymentLookups } from './payment.mapper.js';
import { type CompanyTax, itemKeyString, type SyncSettings } from '../../../sync/push.types.js';

const settings: SyncSettings = {
  defaultLabourIncomeAccountId: 'L',
  defaultSuppliesIncomeAccountId: 'S',
  paymentsAccountId: 'BANK',
  creditCardPaymentsAccountId: 'CLEAR',
  defaultSupplierInvoiceAccountId: null,
  defaultExpenseAccountId: null,
  defaultRoundingAccountId: 'ROUND',
  retentionIncomeAccountId: 'RET',
  creditNoteAccountId: 'CN',
  badDebtAccountId: null,
  defaultInventoryAccountId: null,
  defaultCostOfGoodsSoldAccountId: null,
  discountAccountId: null,
  invoiceReferenceField: InvoiceReferenceField.CUSTOMER_ORDER_NUMBER,
  teamTrackingCategory: TeamTrackingCategory.CLASS,
  accountingStartDate: null,
};
const AU: CompanyTax = { isUS: false, taxCodesByName: new Map([['gst', { value: '3' }], ['fre', { value: '4' }]]), exemptCode: { value: '4' } };

const payment = (over: Partial<PaymentRecord> = {}): PaymentRecord => ({
  kind: 'payment',
  id: 'p1',
  tenantId: 't',
  externalId: 'dep-1',
  version: 3,
  status: 'ACTIVE',
  pushPending: true,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  customerId: 'c1',
  date: '2026-11-02',
  amount: '500.00',
  allocations: [{ invoiceId: 'i1', amount: '330.00' }],
  paymentMethodId: 'pm',
  refunds: [{ refundId: 'rf-1', date: '2026-11-10', amount: '100.10', reference: 'EFT-RF1' }],
  ...over,
});

const lookups: PaymentLookups = {
  settings,
  tax: AU,
  customer: { value: '58' },
  method: { name: 'EFT', isCard: false, surchargeIncomeAccountId: null },
  invoices: new Map([['i1', '130']]),
  qboPaymentMethod: { value: '7', name: 'EFT' },
  item: (key) => ({ value: `item:${itemKeyString(key)}` }),
  refundClearing: new Map([['rf-1', '131']]),
};

describe('payments with customer credit', () => {
  it('a deposit is a Payment with no lines; the credit applied later becomes lines, refunds link their clearing invoice', () => {
    expect(mapPayment(payment({ allocations: [], refunds: undefined }), lookups)).toMatchObject({ TotalAmt: 500, Line: [], DepositToAccountRef: { value: 'BANK' } });
    expect(mapPayment(payment(), lookups).Line).toEqual([
      { Amount: 330, LinkedTxn: [{ TxnId: '130', TxnType: 'Invoice' }] },
      { Amount: 100.1, LinkedTxn: [{ TxnId: '131', TxnType: 'Invoice' }] },
    ]);
  });

  it('a refund is a RefundReceipt out of the deposit account and a clearing invoice on the same untaxed item', () => {
    const refund = payment().refunds![0]!;
    const receipt = mapRefundReceipt(payment(), refund, lookups);
    const clearing = mapRefundClearingInvoice(payment(), refund, lookups);
    expect(receipt).toMatchObject({ CustomerRef: { value: '58' }, TxnDate: '2026-11-10', DepositToAccountRef: { value: 'BANK' }, PaymentMethodRef: { value: '7' }, PaymentRefNum: 'EFT-RF1', PrivateNote: 'fieldbooks payment dep-1 refund rf-1' });
    for (const doc of [receipt, clearing]) {
      expect(doc.Line).toEqual([expect.objectContaining({ Amount: 100.1, SalesItemLineDetail: expect.objectContaining({ ItemRef: { value: 'item:CREDIT_REFUND:CN' }, TaxCodeRef: { value: '4' } }) as unknown })]);
    }
    expect(clearing).not.toHaveProperty('DepositToAccountRef');
    expect(() => creditRefundItem({ ...settings, creditNoteAccountId: null })).toThrow(/Credit Note Account/);
  });
});

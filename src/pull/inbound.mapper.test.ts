import { describe, expect, it } from 'vitest';
import { isVoided, type MappedInvoice, planInboundPayment } from './inbound.mapper.js';

const invoices = new Map<string, MappedInvoice>([
  ['101', { qboId: '101', externalId: 'inv-a', customerExternalId: 'c-1', currency: 'AUD' }],
  ['102', { qboId: '102', externalId: 'inv-b', customerExternalId: 'c-1', currency: 'AUD' }],
]);
const options = { externalId: 'qbo-payment-9', paymentMethodExternalId: 'pm-qbo' };

describe('planInboundPayment', () => {
  it('allocates each line to its FSM invoice in exact cents, across several invoices', () => {
    const plan = planInboundPayment(
      { Id: '9', TxnDate: '2026-03-05', TotalAmt: 100.3, CurrencyRef: { value: 'AUD' }, Line: [
        { Amount: 0.1, LinkedTxn: [{ TxnId: '101', TxnType: 'Invoice' }] },
        { Amount: 0.2, LinkedTxn: [{ TxnId: '101', TxnType: 'Invoice' }] },
        { Amount: 100, LinkedTxn: [{ TxnId: '102', TxnType: 'Invoice' }] },
      ] },
      invoices,
      options,
    );
    expect(plan).toMatchObject({
      action: 'record',
      unapplied: '0.00',
      input: { amount: '100.30', customerExternalId: 'c-1', paymentMethodExternalId: 'pm-qbo', date: '2026-03-05', allocations: [{ invoiceExternalId: 'inv-a', amount: '0.30' }, { invoiceExternalId: 'inv-b', amount: '100.00' }] },
    });
  });

  it('keeps what it cannot place in QBO and ignores payments on unknown invoices', () => {
    const partial = planInboundPayment({ Id: '9', TotalAmt: 80, Line: [{ Amount: 50, LinkedTxn: [{ TxnId: '101', TxnType: 'Invoice' }] }, { Amount: 30, LinkedTxn: [{ TxnId: '555', TxnType: 'Invoice' }] }] }, invoices, options);
    expect(partial).toMatchObject({ action: 'record', unapplied: '30.00', unmappedInvoiceIds: ['555'], input: { amount: '50.00' } });
    expect(planInboundPayment({ Id: '9', TotalAmt: 30, Line: [{ Amount: 30, LinkedTxn: [{ TxnId: '555', TxnType: 'Invoice' }] }] }, invoices, options).action).toBe('ignore');
    expect(planInboundPayment({ Id: '9', TotalAmt: 30, Line: [] }, invoices, options).action).toBe('ignore');
  });

  it('recognises voided transactions', () => {
    expect(isVoided({ TxnStatus: 'Voided' })).toBe(true);
    expect(isVoided({ PrivateNote: 'Voided', TotalAmt: 0 })).toBe(true);
    expect(isVoided({ PrivateNote: 'Voided early', TotalAmt: 10 })).toBe(false);
  });
});

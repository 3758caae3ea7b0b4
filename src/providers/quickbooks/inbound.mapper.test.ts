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
    expect(partial).toMatchObject({ action: 'record', unapplied: '0.00', unmappedInvoiceIds: ['555'], credits: [], input: { amount: '50.00' } });
    expect(planInboundPayment({ Id: '9', TotalAmt: 30, Line: [{ Amount: 30, LinkedTxn: [{ TxnId: '555', TxnType: 'Invoice' }] }] }, invoices, options).action).toBe('ignore');
    // Customer credit of a customer the FSM does not know stays in QBO.
    expect(planInboundPayment({ Id: '9', TotalAmt: 30, Line: [] }, invoices, options).action).toBe('ignore');
  });

  it('keeps the unapplied part of a payment as customer credit: a deposit, an overpayment', () => {
    const deposit = planInboundPayment({ Id: '9', TotalAmt: 250, CurrencyRef: { value: 'AUD' }, Line: [] }, invoices, { ...options, customer: { externalId: 'c-1' } });
    expect(deposit).toMatchObject({ action: 'record', unapplied: '250.00', credits: [], input: { customerExternalId: 'c-1', currency: 'AUD', amount: '250.00', allocations: [] } });
    const over = planInboundPayment({ Id: '9', TotalAmt: 150.1, Line: [{ Amount: 110, LinkedTxn: [{ TxnId: '101', TxnType: 'Invoice' }] }] }, invoices, options);
    expect(over).toMatchObject({ action: 'record', unapplied: '40.10', input: { amount: '150.10', allocations: [{ invoiceExternalId: 'inv-a', amount: '110.00' }] } });
  });

  it('pulls a credit memo applied to an invoice as a credit, never as cash', () => {
    const applied = planInboundPayment(
      { Id: '9', TotalAmt: 0, Line: [{ Amount: 110, LinkedTxn: [{ TxnId: '101', TxnType: 'Invoice' }] }, { Amount: 110, LinkedTxn: [{ TxnId: '77', TxnType: 'CreditMemo' }] }] },
      invoices,
      options,
    );
    expect(applied).toEqual({
      action: 'record',
      input: null,
      unapplied: '0.00',
      unmappedInvoiceIds: [],
      credits: [{ invoiceQboId: '101', invoiceExternalId: 'inv-a', customerExternalId: 'c-1', creditMemoIds: ['77'], amount: '110.00' }],
    });
    // Cash and credit together: 60.00 of credit covers the first invoice's 60.00, the rest is cash.
    const mixed = planInboundPayment(
      { Id: '9', TotalAmt: 50, Line: [{ Amount: 60, LinkedTxn: [{ TxnId: '101', TxnType: 'Invoice' }] }, { Amount: 50, LinkedTxn: [{ TxnId: '102', TxnType: 'Invoice' }] }, { Amount: 60, LinkedTxn: [{ TxnId: '77', TxnType: 'CreditMemo' }] }] },
      invoices,
      options,
    );
    expect(mixed).toMatchObject({ action: 'record', unapplied: '0.00', input: { amount: '50.00', allocations: [{ invoiceExternalId: 'inv-b', amount: '50.00' }] }, credits: [{ invoiceExternalId: 'inv-a', amount: '60.00' }] });
  });

  it('recognises voided transactions', () => {
    expect(isVoided({ TxnStatus: 'Voided' })).toBe(true);
    expect(isVoided({ PrivateNote: 'Voided', TotalAmt: 0 })).toBe(true);
    expect(isVoided({ PrivateNote: 'Voided early', TotalAmt: 10 })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { type InvoiceInput, type PaymentInput } from './ledger-record.input.js';
import { contentHash, type InvoiceRef, invoiceRules, paymentRules, type RefLookup } from './ledger-record.rules.js';

const invoices: Record<string, InvoiceRef> = {
  'inv-1': { id: 'i1', number: 'INV-1', customerId: 'c1', currency: 'AUD', status: 'ACTIVE', outstanding: '110.00' },
  'inv-2': { id: 'i2', number: 'INV-2', customerId: 'c1', currency: 'USD', status: 'ACTIVE', outstanding: '50.00' },
  'inv-3': { id: 'i3', number: 'INV-3', customerId: 'c1', currency: 'AUD', status: 'VOIDED', outstanding: '50.00' },
};
const refs: RefLookup = {
  customer: (id) => (id === 'cust-1' ? { id: 'c1' } : undefined),
  supplier: () => undefined,
  jobType: (id) => (id === 'jt-1' ? { id: 'j1' } : undefined),
  supply: (id) => (id === 'sup-1' ? { id: 's1' } : undefined),
  team: () => undefined,
  paymentMethod: (id) => (id === 'cash' ? { id: 'pm1', isCard: false } : undefined),
  invoice: (id) => invoices[id],
};

function invoice(overrides: Partial<InvoiceInput> = {}): InvoiceInput {
  return {
    externalId: 'inv-9',
    customerExternalId: 'cust-1',
    number: 'INV-9',
    date: '2026-03-01',
    currency: 'aud',
    lines: [
      { lineId: 'l1', kind: 'LABOUR', description: 'Labour', quantity: '1.5', unitPrice: '80', amount: '120', jobTypeExternalId: 'jt-1' },
      { lineId: 'l2', kind: 'SUPPLIES', description: 'Pipe', quantity: '3', unitPrice: '0.125', amount: '0.38', supplyExternalId: 'sup-1' },
    ],
    subtotal: '120.38',
    totalTax: '12.04',
    total: '132.42',
    ...overrides,
  };
}

describe('invoiceRules', () => {
  it('normalises a valid invoice (money to cents, currency upper-case, references to gateway ids)', () => {
    const result = invoiceRules(invoice(), refs);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.content).toMatchObject({ customerId: 'c1', currency: 'AUD', subtotal: '120.38', total: '132.42', type: 'STANDARD', taxInclusive: false });
    expect(result.content.lines[0]).toMatchObject({ amount: '120.00', quantity: '1.5', unitPrice: '80', jobTypeId: 'j1' });
    expect(result.content.lines[1]).toMatchObject({ supplyId: 's1' });
  });

  it('names every bad field at once', () => {
    const bad = invoice({
      customerExternalId: 'nobody',
      date: '2026-02-30',
      lines: [
        { lineId: 'l1', kind: 'LABOUR', quantity: '-1', unitPrice: '80', amount: '-80' },
        { lineId: 'l1', kind: 'LABOUR', quantity: '2', unitPrice: '10.005', amount: '20.00', supplyExternalId: 'sup-1' },
      ],
      total: '1.00',
    });
    const result = invoiceRules(bad, refs);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path.join('.'))).toEqual([
      'input.customerExternalId',
      'input.date',
      'input.lines.1.lineId',
      'input.lines.0.quantity',
      'input.lines.0.amount',
      'input.lines.1.amount',
      'input.lines.1.supplyExternalId',
      'input.total',
    ]);
    expect(result.problems.find((p) => p.path.join('.') === 'input.lines.1.amount')!.message).toContain('20.01');
  });

  it('checks retention: withheld on standard invoices and progress claims, included in the total', () => {
    const claim = invoiceRules(invoice({ type: 'PROGRESS_CLAIM', retentionWithheld: '13.24', total: '119.18' }), refs);
    expect(claim.ok).toBe(true);
    const wrongTotal = invoiceRules(invoice({ type: 'PROGRESS_CLAIM', retentionWithheld: '13.24' }), refs);
    expect(!wrongTotal.ok && wrongTotal.problems).toEqual([{ path: ['input', 'total'], message: 'must equal subtotal + totalTax - retentionWithheld + retentionReleased (119.18)' }]);
    const standard = invoiceRules(invoice({ retentionWithheld: '13.24', total: '119.18' }), refs);
    expect(standard.ok).toBe(true);
    const completion = invoiceRules(invoice({ type: 'COMPLETION', retentionWithheld: '1.00', total: '131.42' }), refs);
    expect(!completion.ok && completion.problems[0]!.path).toEqual(['input', 'retentionWithheld']);
    const release = invoiceRules(invoice({ type: 'FINAL_RETENTION', lines: [], subtotal: '0', totalTax: '0', retentionReleased: '13.24', total: '13.24' }), refs);
    expect(release.ok).toBe(true);
  });

  it('refuses a total below what is already settled, and a customer change once settled', () => {
    const result = invoiceRules(invoice({ customerExternalId: 'cust-1' }), refs, { customerId: 'other', currency: 'AUD', settled: '200.00' });
    expect(!result.ok && result.problems.map((p) => p.path.join('.'))).toEqual(['input.total', 'input.customerExternalId']);
  });
});

describe('paymentRules', () => {
  const payment = (overrides: Partial<PaymentInput> = {}): PaymentInput => ({
    externalId: 'pay-1',
    customerExternalId: 'cust-1',
    date: '2026-03-02',
    currency: 'AUD',
    amount: '110.00',
    paymentMethodExternalId: 'cash',
    allocations: [{ invoiceExternalId: 'inv-1', amount: '110' }],
    ...overrides,
  });

  it('accepts a payment that exactly settles an invoice', () => {
    expect(paymentRules(payment(), refs)).toMatchObject({ ok: true, content: { allocations: [{ invoiceId: 'i1', amount: '110.00' }], amount: '110.00' } });
  });

  it('refuses over-allocation, currency mismatch, voided invoices, wrong sums and surcharges on cash', () => {
    const result = paymentRules(
      payment({
        amount: '100.00',
        surcharge: '1.00',
        allocations: [
          { invoiceExternalId: 'inv-1', amount: '110.01' },
          { invoiceExternalId: 'inv-2', amount: '10' },
          { invoiceExternalId: 'inv-3', amount: '10' },
          { invoiceExternalId: 'inv-1', amount: '1' },
        ],
      }),
      refs,
    );
    expect(!result.ok && result.problems).toEqual([
      { path: ['input', 'surcharge'], message: 'only card payments carry a surcharge' },
      { path: ['input', 'allocations', '0', 'amount'], message: 'exceeds the outstanding balance of invoice INV-1 (110.00)' },
      { path: ['input', 'allocations', '1', 'invoiceExternalId'], message: 'invoice INV-2 is in USD, the payment in AUD' },
      { path: ['input', 'allocations', '2', 'invoiceExternalId'], message: 'invoice INV-3 is VOIDED' },
      { path: ['input', 'allocations', '3', 'invoiceExternalId'], message: 'invoice INV-1 appears in more than one allocation' },
      { path: ['input', 'allocations'], message: 'apply 131.01 to invoices, more than the payment amount 100.00' },
    ]);
  });
});

describe('contentHash', () => {
  it('ignores key order and absent optionals, not values', () => {
    expect(contentHash({ a: '1', b: { c: 2, d: undefined } })).toBe(contentHash({ b: { c: 2 }, a: '1' }));
    expect(contentHash({ a: '1.00' })).not.toBe(contentHash({ a: '1.01' }));
  });
});

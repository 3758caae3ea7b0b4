/**
 * Concurrent writers against the real database server. FerretDB runs a conditional update as
 * read-then-write, so these fail if the ledger relied on a bare compare-and-swap: lost updates
 * (two writers both making version n + 1), a push acknowledged over a newer version, or two payments
 * together over-allocating one invoice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InvoiceInput } from '../../src/ledger/ledger-record.input.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

let gw: TestGateway;
let tenantId: string;
const ledger = () => gw.app.services.ledgerRecords;

beforeAll(async () => {
  gw = await startTestGateway('ledger_concurrency');
  tenantId = (await gw.app.services.tenants.createTenant('Concurrent Co')).tenant.id;
  await gw.app.services.ledger.upsertPaymentMethod(tenantId, { externalId: 'cash', name: 'Cash' });
  await ledger().upsertCustomer(tenantId, { externalId: 'cust', displayName: 'Busy Customer' });
});
afterAll(async () => {
  await gw?.close();
});

const invoice: InvoiceInput = {
  externalId: 'inv',
  customerExternalId: 'cust',
  number: 'INV-1',
  date: '2026-05-01',
  currency: 'AUD',
  lines: [{ lineId: 'l1', kind: 'LABOUR', quantity: '1', unitPrice: '120.38', amount: '120.38' }],
  subtotal: '120.38',
  totalTax: '12.04',
  total: '132.42',
};

describe('concurrent writes', () => {
  it('gives every concurrent change of one record its own version (no lost update)', async () => {
    await ledger().upsertCustomer(tenantId, { externalId: 'c', displayName: 'v0' });
    const versions = await Promise.all(Array.from({ length: 8 }, (_, i) => ledger().upsertCustomer(tenantId, { externalId: 'c', displayName: `v${i + 1}` }).then((r) => [r.version, r.displayName] as const)));
    expect(new Set(versions.map(([v]) => v)).size).toBe(8);
    expect(Math.max(...versions.map(([v]) => v))).toBe(9);
    const last = versions.find(([v]) => v === 9)!;
    const stored = (await ledger().findByExternalId('customer', tenantId, 'c'))!;
    expect(stored).toMatchObject({ version: 9, displayName: last[1], pushPending: true });
  });

  it('never lets a push acknowledgement of an old version clear a newer one', async () => {
    const first = await ledger().upsertCustomer(tenantId, { externalId: 'p', displayName: 'p0' });
    for (let round = 1; round <= 5; round++) {
      const current = (await ledger().findByExternalId('customer', tenantId, 'p'))!;
      const [, acked] = await Promise.all([
        ledger().upsertCustomer(tenantId, { externalId: 'p', displayName: `p${round}` }),
        ledger().markPushed(tenantId, 'customer', first.id, current.version),
      ]);
      const after = (await ledger().get(tenantId, 'customer', first.id))!;
      expect(after.version).toBe(current.version + 1);
      // Whichever ran first, the new version is still waiting to be pushed.
      expect(after.pushPending).toBe(true);
      expect(typeof acked).toBe('boolean');
    }
  });

  it('lets concurrent payments take an invoice only up to its total', async () => {
    await ledger().upsertInvoice(tenantId, invoice);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        ledger().recordPayment(tenantId, {
          externalId: `pay-${i}`,
          customerExternalId: 'cust',
          date: '2026-05-02',
          currency: 'AUD',
          amount: '50.00',
          paymentMethodExternalId: 'cash',
          allocations: [{ invoiceExternalId: 'inv', amount: '50.00' }],
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.every((r) => (r.reason as { extensions?: { code?: string } }).extensions?.code === 'BAD_USER_INPUT')).toBe(true);
    const id = (await ledger().findByExternalId('invoice', tenantId, 'inv'))!.id;
    expect((await ledger().settlementsOf(tenantId, [id])).get(id)!.amountPaid).toBe('100.00');
  });
});

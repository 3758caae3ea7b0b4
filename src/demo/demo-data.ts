/**
 * The embedded default's demo FSM data: a small Australian trades business (teams, job types,
 * supplies, payment methods, customers, a fortnight of invoices and some payments), so a newcomer's
 * first run has something to push once they connect the simulator's AU company and choose accounts.
 * Seeded once, when the demo tenant is created; every write is an idempotent upsert by externalId.
 * Amounts are exact decimal strings (GST at 10% on the summed lines, as QBO computes it for AU).
 */
import { dec, money, toCents } from '../money/money.js';
import { type LedgerService } from '../ledger/ledger.service.js';
import { type LedgerListsService } from '../ledger/ledger-lists.service.js';
import { type InvoiceLineInput } from '../ledger/ledger-record.input.js';

export const DEMO_CUSTOMERS = [
  ['demo-c-1', 'Harbour View Dental', 'accounts@harbourviewdental.example'],
  ['demo-c-2', 'Bronte Cafe Pty Ltd', 'owner@brontecafe.example'],
  ['demo-c-3', 'Coogee Strata Management', 'strata@coogee.example'],
  ['demo-c-4', 'Sarah Nguyen', 'sarah.nguyen@example.com'],
  ['demo-c-5', 'Randwick Physio Clinic', 'admin@randwickphysio.example'],
] as const;

/** How many records the demo pushes: customers, invoices and payments. */
export const DEMO_COUNTS = { customers: DEMO_CUSTOMERS.length, invoices: 10, payments: 6 } as const;


export async function seedDemoData(tenantId: string, lists: LedgerListsService, records: LedgerService, today = new Date()): Promise<void> {
  await lists.upsertTeam(tenantId, { externalId: 'demo-team-plumbing', name: 'Plumbing' });
  await lists.upsertTeam(tenantId, { externalId: 'demo-team-electrical', name: 'Electrical' });
  await lists.upsertJobType(tenantId, { externalId: 'demo-jt-domestic', name: 'Domestic' });
  await lists.upsertJobType(tenantId, { externalId: 'demo-jt-commercial', name: 'Commercial' });
  await lists.upsertSupply(tenantId, { externalId: 'demo-sup-valve', name: 'Tempering valve', code: 'TV-15' });
  await lists.upsertSupply(tenantId, { externalId: 'demo-sup-cable', name: 'TPS cable 2.5mm (per m)', code: 'TPS25' });
  await lists.upsertPaymentMethod(tenantId, { externalId: 'demo-pm-eft', name: 'EFT', isCard: false });
  await lists.upsertPaymentMethod(tenantId, { externalId: 'demo-pm-visa', name: 'Visa', isCard: true });
  for (const [externalId, displayName, email] of DEMO_CUSTOMERS) await records.upsertCustomer(tenantId, { externalId, displayName, email });

  for (let i = 0; i < DEMO_COUNTS.invoices; i++) {
    const date = new Date(today.getTime() - (13 - i) * 86_400_000).toISOString().slice(0, 10);
    const plumbing = i % 2 === 0;
    const team = plumbing ? 'demo-team-plumbing' : 'demo-team-electrical';
    const hours = dec(1 + (i % 4)).plus('0.5');
    const rate = dec(plumbing ? '110.00' : '125.00');
    const labour = hours.times(rate);
    const lines: InvoiceLineInput[] = [
      { lineId: 'l1', kind: 'LABOUR', description: plumbing ? 'Plumbing labour' : 'Electrical labour', quantity: hours.toString(), unitPrice: rate.toFixed(2), amount: money(labour), taxCode: 'GST', teamExternalId: team },
    ];
    let subtotal = labour;
    if (i % 3 !== 2) {
      const supply = plumbing
        ? { id: 'demo-sup-valve', name: 'Tempering valve', qty: dec(1), price: dec('189.00') }
        : { id: 'demo-sup-cable', name: 'TPS cable 2.5mm', qty: dec(20 + i), price: dec('3.45') };
      const amount = supply.qty.times(supply.price);
      lines.push({ lineId: 'l2', kind: 'SUPPLIES', description: supply.name, quantity: supply.qty.toString(), unitPrice: supply.price.toFixed(2), amount: money(amount), taxCode: 'GST', teamExternalId: team, supplyExternalId: supply.id });
      subtotal = subtotal.plus(amount);
    }
    const tax = toCents(subtotal.times('0.1'));
    const customer = DEMO_CUSTOMERS[i % DEMO_CUSTOMERS.length]![0];
    const invoice = await records.upsertInvoice(tenantId, {
      externalId: `demo-inv-${1001 + i}`,
      customerExternalId: customer,
      number: `D${1001 + i}`,
      date,
      currency: 'AUD',
      jobNumber: `JOB-${4201 + i}`,
      jobTypeExternalId: i % 3 === 0 ? 'demo-jt-commercial' : 'demo-jt-domestic',
      lines,
      subtotal: money(subtotal),
      totalTax: money(tax),
      total: money(subtotal.plus(tax)),
    });
    if (i < DEMO_COUNTS.payments) {
      await records.recordPayment(tenantId, {
        externalId: `demo-pay-${1001 + i}`,
        customerExternalId: customer,
        date,
        currency: 'AUD',
        amount: invoice.total,
        paymentMethodExternalId: i % 2 === 0 ? 'demo-pm-eft' : 'demo-pm-visa',
        allocations: [{ invoiceExternalId: invoice.externalId, amount: invoice.total }],
      });
    }
  }
}

/**
 * Id fields that point at another object resolve that object (README "The GraphQL contract", Ids):
 * over real HTTP, on records upserted the way the FSM does, batched through the request's loaders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IssueCreditNoteDocument,
  RecordPaymentDocument,
  UpsertCustomerDocument,
  UpsertExpenseDocument,
  UpsertInvoiceDocument,
  UpsertJobTypeDocument,
  UpsertPaymentMethodDocument,
  UpsertSupplierDocument,
  UpsertSupplierInvoiceDocument,
  UpsertSupplyDocument,
  UpsertTeamDocument,
  WriteOffBadDebtDocument,
} from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';

let gw: TestGateway;
let key: string;

async function ok<T>(result: Promise<{ errors?: unknown; data?: T | null }>): Promise<T> {
  const { errors, data } = await result;
  expect(errors).toBeUndefined();
  return data!;
}

async function raw(query: string): Promise<{ data?: Record<string, unknown>; errors?: unknown }> {
  const response = await fetch(gw.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query }) });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
}

beforeAll(async () => {
  gw = await startTestGateway('references');
  key = (await gw.app.services.tenants.createTenant('Harbour Plumbing')).apiKey;
  await ok(gql(gw.graphqlUrl, UpsertJobTypeDocument, { input: { externalId: 'jt-1', name: 'Domestic' } }, key));
  await ok(gql(gw.graphqlUrl, UpsertJobTypeDocument, { input: { externalId: 'jt-2', name: 'Commercial' } }, key));
  await ok(gql(gw.graphqlUrl, UpsertSupplyDocument, { input: { externalId: 'sup-1', name: 'Copper pipe' } }, key));
  await ok(gql(gw.graphqlUrl, UpsertTeamDocument, { input: { externalId: 'team-1', name: 'Plumbers' } }, key));
  await ok(gql(gw.graphqlUrl, UpsertTeamDocument, { input: { externalId: 'team-2', name: 'Gasfitters' } }, key));
  await ok(gql(gw.graphqlUrl, UpsertPaymentMethodDocument, { input: { externalId: 'visa', name: 'Visa', isCard: true } }, key));
  await ok(gql(gw.graphqlUrl, UpsertCustomerDocument, { input: { externalId: 'cust-1', displayName: 'Harbour Dental Group' } }, key));
  await ok(gql(gw.graphqlUrl, UpsertSupplierDocument, { input: { externalId: 'supp-1', displayName: 'Reece Plumbing' } }, key));
  await ok(
    gql(
      gw.graphqlUrl,
      UpsertInvoiceDocument,
      {
        input: {
          externalId: 'inv-1',
          customerExternalId: 'cust-1',
          number: '1042',
          date: '2026-03-01',
          currency: 'AUD',
          jobTypeExternalId: 'jt-2',
          teamExternalId: 'team-2',
          lines: [
            { lineId: 'l1', kind: 'LABOUR', description: 'Labour', quantity: '1.5', unitPrice: '80', amount: '120.00', jobTypeExternalId: 'jt-1', teamExternalId: 'team-1', taxCode: 'GST' },
            { lineId: 'l2', kind: 'SUPPLIES', description: 'Pipe', quantity: '3', unitPrice: '0.125', amount: '0.38', supplyExternalId: 'sup-1', taxCode: 'GST' },
          ],
          subtotal: '120.38',
          totalTax: '12.04',
          total: '132.42',
        },
      },
      key,
    ),
  );
  await ok(gql(gw.graphqlUrl, RecordPaymentDocument, { input: { externalId: 'pay-1', customerExternalId: 'cust-1', date: '2026-03-02', currency: 'AUD', amount: '50.00', paymentMethodExternalId: 'visa', allocations: [{ invoiceExternalId: 'inv-1', amount: '50.00' }] } }, key));
  await ok(gql(gw.graphqlUrl, IssueCreditNoteDocument, { input: { externalId: 'cn-1', customerExternalId: 'cust-1', invoiceExternalId: 'inv-1', number: 'CN-7', date: '2026-03-03', lines: [{ lineId: 'c1', amount: '10.00', taxCode: 'GST' }], totalTax: '1.00', total: '11.00' } }, key));
  await ok(gql(gw.graphqlUrl, WriteOffBadDebtDocument, { input: { externalId: 'wo-1', invoiceExternalId: 'inv-1', date: '2026-03-04', amount: '10.00' } }, key));
  await ok(gql(gw.graphqlUrl, UpsertSupplierInvoiceDocument, { input: { externalId: 'bill-1', supplierExternalId: 'supp-1', number: 'R-77', date: '2026-03-03', lines: [{ lineId: 'b1', amount: '100.00', teamExternalId: 'team-1', supplyExternalId: 'sup-1', quantity: '10', unitCost: '10.00' }], totalTax: '10.00', total: '110.00' } }, key));
  await ok(gql(gw.graphqlUrl, UpsertExpenseDocument, { input: { externalId: 'exp-1', supplierExternalId: 'supp-1', date: '2026-03-04', taxInclusive: true, lines: [{ lineId: 'e1', amount: '55.00' }], totalTax: '5.00', total: '55.00' } }, key));
});
afterAll(async () => {
  await gw?.close();
});

describe('id fields resolve the objects they point at', () => {
  it('resolves job types, teams, supplies, payment methods, invoices, customers and suppliers', async () => {
    const result = await raw(`{
      invoice(externalId: "inv-1") { jobType { name } team { name } lines { lineId jobType { name } supply { name } team { name } } }
      payment(externalId: "pay-1") { paymentMethod { name isCard } }
      creditNote(externalId: "cn-1") { invoice { number } }
      badDebtWriteOffs { edges { node { customer { displayName } invoice { number } } } }
      supplierInvoice(externalId: "bill-1") { lines { supply { name } team { name } } }
      expense(externalId: "exp-1") { supplier { displayName } paidFromAccount { id } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      invoice: {
        jobType: { name: 'Commercial' },
        team: { name: 'Gasfitters' },
        lines: [
          { lineId: 'l1', jobType: { name: 'Domestic' }, supply: null, team: { name: 'Plumbers' } },
          { lineId: 'l2', jobType: null, supply: { name: 'Copper pipe' }, team: null },
        ],
      },
      payment: { paymentMethod: { name: 'Visa', isCard: true } },
      creditNote: { invoice: { number: '1042' } },
      badDebtWriteOffs: { edges: [{ node: { customer: { displayName: 'Harbour Dental Group' }, invoice: { number: '1042' } } }] },
      supplierInvoice: { lines: [{ supply: { name: 'Copper pipe' }, team: { name: 'Plumbers' } }] },
      expense: { supplier: { displayName: 'Reece Plumbing' }, paidFromAccount: null },
    });
  });
});

describe('mutations on an existing record take its gateway id or its externalId', () => {
  it('voids a payment by gateway id, and names a bad choice of arguments', async () => {
    const paymentId = ((await raw('{ payment(externalId: "pay-1") { id } }')).data!.payment as { id: string }).id;
    const voided = await raw(`mutation { voidPayment(id: "${paymentId}") { externalId status } }`);
    expect(voided.errors).toBeUndefined();
    expect(voided.data).toEqual({ voidPayment: { externalId: 'pay-1', status: 'VOIDED' } });
    const both = await raw(`mutation { voidInvoice(id: "${paymentId}", externalId: "inv-1") { id } }`);
    expect(JSON.stringify(both.errors)).toMatch(/Pass exactly one of id and externalId/);
    const unknown = await raw('mutation { deleteInvoice(id: "0123456789abcdef01234567") { id } }');
    expect(JSON.stringify(unknown.errors)).toMatch(/Invoice 0123456789abcdef01234567 was not found/);
    const invoice = await raw('{ invoice(externalId: "inv-1") { status } }');
    expect(invoice.data).toEqual({ invoice: { status: 'ACTIVE' } });
  });
});

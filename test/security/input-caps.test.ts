/**
 * Issue #11 item 7, over real HTTP and WebSocket: caps on list and string inputs, checked before any
 * lock or write, errors naming the field; names refuse control characters (NUL, bidi overrides).
 */
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerDocument, CustomersDocument, RecordPaymentDocument, UpsertCustomerDocument, UpsertInvoiceDocument, UpsertPaymentMethodDocument } from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql, wsClient, type HttpResult } from '../helpers/graphql-client.js';

let gw: TestGateway;
let key: string;

beforeAll(async () => {
  gw = await startTestGateway('input_caps');
  key = (await gw.app.services.tenants.createTenant('Caps Co')).apiKey;
  await gql(gw.graphqlUrl, UpsertPaymentMethodDocument, { input: { externalId: 'cash', name: 'Cash' } }, key);
  expect((await gql(gw.graphqlUrl, UpsertCustomerDocument, { input: { externalId: 'c1', displayName: 'Alice Smith' } }, key)).errors).toBeUndefined();
  const invoice = await gql(gw.graphqlUrl, UpsertInvoiceDocument, {
    input: {
      externalId: 'inv-1', customerExternalId: 'c1', number: 'INV-1', date: '2026-03-01', currency: 'AUD',
      lines: [{ lineId: 'l1', kind: 'LABOUR', description: 'Labour\nsecond line', quantity: '1', unitPrice: '100', amount: '100.00', taxCode: 'GST' }],
      subtotal: '100.00', totalTax: '10.00', total: '110.00',
    },
  }, key);
  expect(invoice.errors).toBeUndefined();
});
afterAll(async () => {
  await gw?.close();
});

function fields(result: HttpResult<unknown>): { path: string; message: string }[] {
  const found = (result.errors?.[0]?.extensions?.fields ?? []) as { path: string[]; message: string }[];
  return found.map((f) => ({ path: f.path.join('.'), message: f.message }));
}

describe('input caps', () => {
  it('refuses 10,000 allocations at once, naming the field, before taking any invoice lock', async () => {
    const allocations = Array.from({ length: 10_000 }, () => ({ invoiceExternalId: 'inv-1', amount: '0.01' }));
    const started = Date.now();
    const result = await gql(gw.graphqlUrl, RecordPaymentDocument, {
      input: { externalId: 'pay-huge', customerExternalId: 'c1', date: '2026-03-02', currency: 'AUD', amount: '100.00', paymentMethodExternalId: 'cash', allocations },
    }, key);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fields(result)).toEqual([{ path: 'input.allocations', message: 'must have at most 100 entries (got 10,000)' }]);
    // Nothing written, no lock left behind: a normal payment goes through at once.
    const normal = await gql(gw.graphqlUrl, RecordPaymentDocument, {
      input: { externalId: 'pay-1', customerExternalId: 'c1', date: '2026-03-02', currency: 'AUD', amount: '110.00', paymentMethodExternalId: 'cash', allocations: [{ invoiceExternalId: 'inv-1', amount: '110.00' }] },
    }, key);
    expect(normal.errors).toBeUndefined();
    expect(await gw.app.database.connection.collection('ledger_payments').countDocuments({ externalId: 'pay-huge' })).toBe(0);
  });

  it('refuses a 1 MB search over HTTP and over WebSocket, naming the argument', async () => {
    const search = 'x'.repeat(1_000_000);
    const started = Date.now();
    const http = await gql(gw.graphqlUrl, CustomersDocument, { search }, key);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(fields(http)).toEqual([{ path: 'search', message: 'must be at most 100 characters (got 1,000,000)' }]);

    const client = wsClient(gw.wsUrl, key);
    try {
      const result = await new Promise<{ errors?: { message: string; extensions?: Record<string, unknown> }[] }>((resolve, reject) => {
        client.subscribe({ query: print(CustomersDocument), variables: { search } }, { next: resolve as never, error: reject, complete: () => {} });
      });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.fields).toEqual([{ path: ['search'], message: 'must be at most 100 characters (got 1,000,000)' }]);
    } finally {
      await client.dispose();
    }
  });

  it('refuses NUL and bidi overrides in names, and over-long ids, and saves nothing', async () => {
    const nul = await gql(gw.graphqlUrl, UpsertCustomerDocument, { input: { externalId: 'c-nul', displayName: 'Evil\u0000Corp' } }, key);
    expect(fields(nul)).toEqual([{ path: 'input.displayName', message: 'must not contain a NUL character (U+0000)' }]);
    const bidi = await gql(gw.graphqlUrl, UpsertCustomerDocument, { input: { externalId: 'c-bidi', displayName: 'Invoice \u202Efdp.exe' } }, key);
    expect(fields(bidi)).toEqual([{ path: 'input.displayName', message: 'must not contain a bidirectional-text control character (U+202E)' }]);
    const longId = await gql(gw.graphqlUrl, UpsertCustomerDocument, { input: { externalId: 'c'.repeat(5_000), displayName: 'Long Id\tCo' } }, key);
    expect(fields(longId)).toEqual([
      { path: 'input.externalId', message: 'must be at most 100 characters (got 5,000)' },
      { path: 'input.displayName', message: 'must not contain a control character (U+0009)' },
    ]);
    for (const externalId of ['c-nul', 'c-bidi']) {
      const found = await gql(gw.graphqlUrl, CustomerDocument, { externalId }, key);
      expect(found.data?.customer).toBeNull();
    }
    // Ordinary text still passes: line breaks in a description, accents and right-to-left script in a name.
    const fine = await gql(gw.graphqlUrl, UpsertCustomerDocument, { input: { externalId: 'c-fine', displayName: 'Café שלום' } }, key);
    expect(fine.errors).toBeUndefined();
  });
});

/**
 * The port must fit Xero too, not only QuickBooks: a minimal Xero-shaped provider, written from
 * /work/shared/docs/xero-api-facts.md, must satisfy `AccountingProvider` without any QuickBooks concept
 * (no realm, no SyncToken, no requestid, no change-data-capture, no payment methods, no payment webhooks).
 * `tsc --noEmit` is the type-level check (the `satisfies` below); the tests check that the fake's answers
 * are Xero's, so the shape is exercised rather than only declared.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type AccountingProvider,
  type ChangeFeed,
  type ChangeHint,
  type DocumentStatus,
  type ProviderCompany,
  ProviderError,
  type RemoteAccount,
  type RemoteRecord,
  type RemoteReference,
  WebhookPayloadError,
} from './accounting-provider.port.js';

/** Xero's invoice status machine (Xero §5.4), in the port's words. */
const XERO_MOVES: Record<DocumentStatus, readonly DocumentStatus[]> = {
  draft: ['awaiting-approval', 'approved', 'deleted'],
  'awaiting-approval': ['draft', 'approved', 'deleted'],
  approved: ['voided'],
  paid: [],
  voided: [],
  deleted: [],
};

/** Pages as a provider's reads hand them out: one at a time, asynchronously. */
function pagesOf<T>(...pages: T[][]): AsyncIterable<T[]> {
  return (async function* () {
    for (const page of pages) yield await Promise.resolve(page);
  })();
}

const xeroSignature = (body: Buffer, key: string) => createHmac('sha256', key).update(body).digest('base64');

interface XeroEvent {
  resourceId: string;
  eventDateUtc: string;
  eventType: 'CREATE' | 'UPDATE';
  eventCategory: 'CONTACT' | 'INVOICE' | 'CREDITNOTE';
  tenantId: string;
}

/** A Xero organisation with no change log: every kind is paged with If-Modified-Since. */
function xeroCompany(tenantId: string, invoices: RemoteRecord[]): ProviderCompany {
  const changes: ChangeFeed = {
    style: 'modified-since',
    lookBackMs: null,
    maxPerAnswer: null,
    // No `changesSince`: Xero has no CDC endpoint (Xero §4.5).
    modifiedBetween: (kind, since, before) => pagesOf(invoices.filter((r) => r.kind === kind && r.updatedAt! >= since && (!before || r.updatedAt! < before))),
    stillExisting: (kind, ids) => Promise.resolve(new Set(ids.filter((id) => invoices.some((r) => r.kind === kind && r.id === id && !r.deleted)))),
  };
  const sales: RemoteAccount = { id: 'b2b3e1c6-0000-4000-8000-000000000200', code: '200', name: 'Sales', fullyQualifiedName: 'Sales', type: 'REVENUE', subType: null, classification: 'REVENUE', active: true, balance: '0.00', currency: null, parent: null, versionToken: null, updatedAt: '2026-03-01T00:00:00Z' };
  return {
    provider: 'xero',
    companyId: tenantId,
    describe: () => Promise.resolve({ companyId: tenantId, name: 'Demo Company (AU)', country: 'AU' }),
    readAccounts: () => pagesOf([sales]),
    readReferences: (list) =>
      list.kind === 'trackingOption'
        ? pagesOf([{ id: 'opt-north', name: 'North', fullyQualifiedName: 'Team: North', active: true, parent: list.dimension ?? null, description: null, paymentType: null, taxable: null, taxGroup: null, versionToken: null, updatedAt: null }])
        : pagesOf<RemoteReference>(),
    read: (kind, id) => Promise.resolve(invoices.find((r) => r.kind === kind && r.id === id) ?? null),
    changes,
  };
}

const xero = {
  kind: 'xero',
  displayName: 'Xero',
  limits: { requestsPerMinute: 60, concurrent: 5, requestsPerSecond: null, requestsPerDay: 5000, batching: { style: 'multi-record-request', maxItems: 50, callsPerMinute: null } },
  idempotency: { carrier: 'header', name: 'Idempotency-Key', maxLength: 128, retentionMs: 6 * 60_000 },
  versioning: 'last-write-wins',
  parties: { style: 'one-contact-both-roles', nameUniqueAcross: 'active-contacts' },
  documents: {
    salesInvoiceCreateStatuses: ['draft', 'awaiting-approval', 'approved'],
    supplierInvoiceCreateStatuses: ['draft', 'awaiting-approval', 'approved'],
    canMove: (from, to) => XERO_MOVES[from].includes(to),
  },
  accountReference: 'code',
  chartLists: [
    { key: 'Accounts', kind: 'account', incremental: true },
    // Tracking categories and tax rates take no If-Modified-Since (Xero §4.5): read whole.
    { key: 'TrackingCategory:Team', kind: 'trackingOption', dimension: { id: 'c0ffee00-0000-4000-8000-000000000001', name: 'Team' }, incremental: false },
    { key: 'TaxRates', kind: 'taxCode', incremental: false },
  ],
  auth: {
    refreshTokenScope: 'every-company-of-the-consent',
    authorizationUrl: (state) => `https://login.xero.com/identity/connect/authorize?response_type=code&state=${state}`,
    // One consent, several organisations (GET /connections).
    exchangeCode: (_callbackUrl) =>
      Promise.resolve({
        tokens: { accessToken: 'a', refreshToken: 'r', accessExpiresAt: new Date(Date.now() + 30 * 60_000), refreshExpiresAt: new Date(Date.now() + 60 * 86_400_000) },
        companyIds: ['tenant-au', 'tenant-nz'],
      }),
    refresh: () => Promise.reject(new Error('not in this fake')),
    revoke: () => Promise.resolve(),
  },
  webhooks: {
    path: '/webhooks/xero',
    signatureHeader: 'x-xero-signature',
    answerWithinMs: 5000,
    reports: ['customer', 'invoice'],
    verify(rawBody, signature, key) {
      if (!signature || !key) return false;
      const expected = Buffer.from(xeroSignature(rawBody, key));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
    parse(rawBody): ChangeHint[] {
      const body = JSON.parse(rawBody.toString('utf8')) as { events?: XeroEvent[] };
      if (!Array.isArray(body.events)) throw new WebhookPayloadError('not a Xero webhook payload: no events');
      return body.events.map((e) => ({
        key: `${e.tenantId}:${e.eventCategory}:${e.resourceId}:${e.eventDateUtc}:${e.eventType}`,
        companyId: e.tenantId,
        entity: e.eventCategory === 'CONTACT' ? 'Customer' : e.eventCategory === 'INVOICE' ? 'Invoice' : 'CreditMemo',
        entityId: e.resourceId,
        operation: e.eventType === 'CREATE' ? 'Create' : 'Update',
        occurredAt: e.eventDateUtc,
        format: 'xero',
      }));
    },
  },
  companyFor: (tenantId) =>
    Promise.resolve(
      xeroCompany(tenantId, [
        { kind: 'invoice', id: 'inv-1', versionToken: null, updatedAt: new Date('2026-03-02T00:00:00Z'), deleted: false, raw: { Status: 'AUTHORISED' } },
        { kind: 'invoice', id: 'inv-2', versionToken: null, updatedAt: new Date('2026-03-03T00:00:00Z'), deleted: true, raw: { Status: 'DELETED' } },
      ]),
    ),
  normaliseError: (error) => (error instanceof ProviderError ? error : new ProviderError('xero', 'unknown', String(error))),
  pushers: { kinds: () => [], pusherFor: () => undefined },
} satisfies AccountingProvider;

describe('a Xero-shaped provider fits the port', () => {
  it('verifies x-xero-signature with the facts sheet test vector, and takes intent-to-receive deliveries', () => {
    // Xero §7: key `xero-sim-test-key` over this exact body gives this signature (computed with Node and openssl).
    const itr = Buffer.from('{"events":[],"lastEventSequence":0,"firstEventSequence":0,"entropy":"S0m3r4Nd0mt3xt"}');
    expect(xero.webhooks.verify(itr, '99ejnSf99OTaSwkNxGahCUqYOmw8VpTY0L/GOhJq4Zs=', 'xero-sim-test-key')).toBe(true);
    expect(xero.webhooks.verify(itr, '99ejnSf99OTaSwkNxGahCUqYOmw8VpTY0L/GOhJq4Zt=', 'xero-sim-test-key')).toBe(false);
    expect(xero.webhooks.parse(itr)).toEqual([]);
  });

  it('reports contacts and invoices by tenant, but no payments (they are polled)', () => {
    const body = Buffer.from(JSON.stringify({ events: [{ resourceId: 'c-1', eventDateUtc: '2026-06-21T01:15:39.902', eventType: 'UPDATE', eventCategory: 'CONTACT', tenantId: 'tenant-au' }] }));
    expect(xero.webhooks.parse(body)).toEqual([expect.objectContaining({ companyId: 'tenant-au', entity: 'Customer', entityId: 'c-1', operation: 'Update' })]);
    expect(xero.webhooks.reports).not.toContain('payment');
  });

  it('follows the invoice approval machine: draft, awaiting approval, approved; void only once approved', () => {
    expect(xero.documents.supplierInvoiceCreateStatuses).toContain('awaiting-approval');
    expect(xero.documents.canMove('awaiting-approval', 'approved')).toBe(true);
    expect(xero.documents.canMove('approved', 'draft')).toBe(false);
    expect(xero.documents.canMove('approved', 'voided')).toBe(true);
  });

  it('pulls without a change log: modified-since pages, deletes seen as a status', async () => {
    const company = await xero.companyFor('tenant-au');
    expect(company.changes.changesSince).toBeUndefined();
    const pages: RemoteRecord[][] = [];
    for await (const page of company.changes.modifiedBetween('invoice', new Date('2026-03-01T00:00:00Z'))) pages.push(page);
    expect(pages.flat().map((r) => r.id)).toEqual(['inv-1', 'inv-2']);
    expect([...(await company.changes.stillExisting('invoice', ['inv-1', 'inv-2']))]).toEqual(['inv-1']);
  });

  it('names accounts by code, one consent reaches several organisations, and keys are sent as a header', async () => {
    const company = await xero.companyFor('tenant-au');
    const accounts: RemoteAccount[] = [];
    for await (const page of company.readAccounts(null)) accounts.push(...page);
    expect(xero.accountReference).toBe('code');
    expect(accounts[0]).toMatchObject({ code: '200', versionToken: null });
    expect((await xero.auth.exchangeCode('https://app/callback?code=x&state=y')).companyIds).toHaveLength(2);
    expect(xero.idempotency).toMatchObject({ carrier: 'header', name: 'Idempotency-Key', maxLength: 128 });
    expect(xero.limits).toMatchObject({ requestsPerMinute: 60, concurrent: 5, requestsPerDay: 5000 });
  });
});

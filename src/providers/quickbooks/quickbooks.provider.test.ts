import { describe, expect, it } from 'vitest';
import { ProviderError } from '../accounting-provider.port.js';
import { OAuthGrantError } from './intuit-oauth.client.js';
import { normalizeQboError, QboError, type QboErrorKind } from './qbo.errors.js';
import { QBO_DOCUMENTS, QBO_WEBHOOKS, toProviderError } from './quickbooks.provider.js';
import { expectedSignature } from './webhooks/webhook.signature.js';

/** A fault as Intuit sends it (data-service faults capitalised, gateway faults lower-case), with the bearer token in the request. */
const dataFault = (code: string, status: number, message = `m${code}`) => ({
  response: { status, headers: { intuit_tid: 'tid-1' }, data: { Fault: { Error: [{ Message: message, Detail: `d${code}`, code, element: 'DisplayName' }], type: 'ValidationFault' } } },
  config: { headers: { Authorization: 'Bearer secret-token' } },
});
const gatewayFault = (code: string, status: number) => ({
  response: { status, data: { fault: { error: [{ message: 'message=x', detail: 'y', code, element: null }], type: 'AUTHENTICATION' }, time: 1 } },
});

describe('QuickBooks faults as ProviderErrors', () => {
  // Every QboErrorKind, from the fault QBO really sends for it, to the port's kind.
  const cases: [QboErrorKind, unknown, ProviderError['kind'], boolean][] = [
    ['AUTH', gatewayFault('3200', 401), 'auth', false],
    ['FORBIDDEN', gatewayFault('3100', 403), 'auth', false],
    ['THROTTLED', gatewayFault('3001', 429), 'throttled', true],
    ['TRANSIENT', dataFault('10000', 500), 'unavailable', true],
    ['STALE_OBJECT', dataFault('5010', 400), 'stale', false],
    ['DUPLICATE_NAME', dataFault('6240', 400), 'duplicate', false],
    ['NOT_FOUND', dataFault('610', 400), 'not-found', false],
    ['VALIDATION', dataFault('2020', 400), 'validation', false],
    ['UNKNOWN', { message: 'something odd' }, 'unknown', false],
  ];

  it.each(cases)('QBO %s becomes %s', (qboKind, raw, kind, retryable) => {
    const qbo = normalizeQboError(raw);
    expect(qbo.kind).toBe(qboKind);
    // From the normalised QboError and from the raw fault alike.
    for (const error of [toProviderError(qbo), toProviderError(raw)]) {
      expect(error).toBeInstanceOf(ProviderError);
      expect(error.provider).toBe('quickbooks');
      expect(error.kind).toBe(kind);
      expect(error.retryable).toBe(retryable);
      expect(error.message).toBe(qbo.message);
      expect(error.providerCode).toBe(qbo.code);
    }
  });

  it('keeps the fault text, detail and field for the bookkeeper, and never the bearer token', () => {
    const error = toProviderError(dataFault('6240', 400, 'Duplicate Name Exists Error'));
    expect(error).toMatchObject({ kind: 'duplicate', message: 'Duplicate Name Exists Error', providerCode: '6240', details: { detail: 'd6240', element: 'DisplayName', status: 400 } });
    expect(JSON.stringify(error)).not.toContain('secret-token');
    expect(error.details.cause).toBeInstanceOf(QboError);
  });

  it('says when only a new connection helps: 3100 and an invalid grant, not an expired access token', () => {
    expect(toProviderError(gatewayFault('3100', 403)).details.reconnect).toBe(true);
    expect(toProviderError(gatewayFault('3200', 401)).details.reconnect).toBe(false);
    const grant = toProviderError(new OAuthGrantError('invalid_grant', 'Incorrect Token type or clientID', 400));
    expect(grant).toMatchObject({ kind: 'auth', providerCode: 'invalid_grant', details: { reconnect: true, status: 400 } });
    expect(toProviderError(new OAuthGrantError('invalid_client', '', 401)).details.reconnect).toBe(false);
  });

  it('treats network failures as unavailable and passes a ProviderError through unchanged', () => {
    expect(toProviderError({ code: 'ECONNRESET', message: 'socket hang up' }).kind).toBe('unavailable');
    const already = new ProviderError('quickbooks', 'stale', 'x');
    expect(toProviderError(already)).toBe(already);
    expect(toProviderError(new QboError('TRANSIENT', 'QuickBooks did not answer in time')).retryable).toBe(true);
  });
});

describe('QuickBooks webhooks and documents behind the port', () => {
  const body = Buffer.from(JSON.stringify({ eventNotifications: [{ realmId: '9341', dataChangeEvent: { entities: [{ name: 'Payment', id: '42', operation: 'Update', lastUpdated: '2026-03-01T10:00:00.000Z' }] } }] }));

  it('verifies intuit-signature and names the realm as the company', () => {
    expect(QBO_WEBHOOKS.verify(body, expectedSignature(body, 'verifier'), 'verifier')).toBe(true);
    expect(QBO_WEBHOOKS.verify(body, expectedSignature(body, 'other'), 'verifier')).toBe(false);
    expect(QBO_WEBHOOKS.verify(body, expectedSignature(body, 'verifier'), undefined)).toBe(false);
    expect(QBO_WEBHOOKS.parse(body)).toEqual([expect.objectContaining({ companyId: '9341', entity: 'Payment', entityId: '42', operation: 'Update', format: 'legacy' })]);
    expect(QBO_WEBHOOKS.parse(body)[0]).not.toHaveProperty('realmId');
  });

  it('has no draft or approval states: saved documents are approved and may only be voided or deleted', () => {
    expect(QBO_DOCUMENTS.salesInvoiceCreateStatuses).toEqual(['approved']);
    expect(QBO_DOCUMENTS.canMove('approved', 'voided')).toBe(true);
    expect(QBO_DOCUMENTS.canMove('draft', 'approved')).toBe(false);
    expect(QBO_DOCUMENTS.canMove('voided', 'approved')).toBe(false);
  });
});

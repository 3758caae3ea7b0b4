import { describe, expect, it } from 'vitest';
import { parseWebhookBody, WebhookPayloadError } from './webhook.parser.js';
import { expectedSignature, isValidSignature } from './webhook.signature.js';

// Intuit's published test vector (facts §5.2): this exact body, this verifier token, this signature.
const LEGACY =
  '{"eventNotifications":[{"realmId":"1269959970","dataChangeEvent":{"entities":[{"name":"Vendor","id":"40","operation":"Update","lastUpdated":"2016-10-05T03:09:04.000Z"},{"name":"Customer","id":"43","operation":"Create","lastUpdated":"2016-10-05T03:07:04.000Z"}]}}]}';
const TOKEN = '00faeec4-08d0-4996-bb37-698ae19f0149';
const SIGNATURE = '6q+xGyMirJupwKTh2/WBl2NcdxzxqdIbk3sneKTxLWM=';

describe('webhook signature', () => {
  it("matches Intuit's published test vector", () => {
    expect(expectedSignature(Buffer.from(LEGACY), TOKEN)).toBe(SIGNATURE);
    expect(isValidSignature(Buffer.from(LEGACY), SIGNATURE, TOKEN)).toBe(true);
  });

  it('rejects a changed body, a wrong token, a missing header or token', () => {
    expect(isValidSignature(Buffer.from(LEGACY.replace('"40"', '"41"')), SIGNATURE, TOKEN)).toBe(false);
    expect(isValidSignature(Buffer.from(LEGACY), SIGNATURE, 'another-token')).toBe(false);
    expect(isValidSignature(Buffer.from(LEGACY), undefined, TOKEN)).toBe(false);
    expect(isValidSignature(Buffer.from(LEGACY), SIGNATURE, undefined)).toBe(false);
    expect(isValidSignature(Buffer.from(LEGACY), 'short', TOKEN)).toBe(false);
  });
});

describe('parseWebhookBody', () => {
  it('flattens a legacy payload into one hint per entity', () => {
    const hints = parseWebhookBody(Buffer.from(LEGACY));
    expect(hints.map(({ realmId, entity, entityId, operation, occurredAt, format }) => ({ realmId, entity, entityId, operation, occurredAt, format }))).toEqual([
      { realmId: '1269959970', entity: 'Vendor', entityId: '40', operation: 'Update', occurredAt: '2016-10-05T03:09:04.000Z', format: 'legacy' },
      { realmId: '1269959970', entity: 'Customer', entityId: '43', operation: 'Create', occurredAt: '2016-10-05T03:07:04.000Z', format: 'legacy' },
    ]);
    expect(new Set(hints.map((h) => h.key)).size).toBe(2);
    // A redelivery produces the same keys (dedupe).
    expect(parseWebhookBody(Buffer.from(LEGACY)).map((h) => h.key)).toEqual(hints.map((h) => h.key));
  });

  it('reads CloudEvents, including several realms in one delivery and merges', () => {
    const body = JSON.stringify([
      { specversion: '1.0', id: 'e1', source: 'intuit.x', type: 'qbo.payment.created.v1', time: '2026-05-01T00:00:00Z', intuitentityid: '77', intuitaccountid: '111', data: {} },
      { specversion: '1.0', id: 'e2', source: 'intuit.x', type: 'qbo.customer.merged.v1', intuitentityid: '5', intuitaccountid: '222', data: { deletedid: '27' } },
      { specversion: '1.0', id: 'e3', source: 'intuit.x', type: 'qbo.salesreceipt.updated.v1', intuitentityid: '9', intuitaccountid: '111' },
    ]);
    const hints = parseWebhookBody(Buffer.from(body));
    expect(hints.map(({ realmId, entity, entityId, operation, deletedId }) => ({ realmId, entity, entityId, operation, deletedId }))).toEqual([
      { realmId: '111', entity: 'Payment', entityId: '77', operation: 'Create', deletedId: undefined },
      { realmId: '222', entity: 'Customer', entityId: '5', operation: 'Merge', deletedId: '27' },
      { realmId: '111', entity: 'SalesReceipt', entityId: '9', operation: 'Update', deletedId: undefined },
    ]);
  });

  it('refuses what is not a QuickBooks payload, saying why', () => {
    expect(() => parseWebhookBody(Buffer.from('not json'))).toThrow(WebhookPayloadError);
    expect(() => parseWebhookBody(Buffer.from('{"hello":1}'))).toThrow(/not a QuickBooks webhook payload/);
    expect(() => parseWebhookBody(Buffer.from('[{"specversion":"1.0","id":"x","type":"qbo.payment.exploded.v1","intuitentityid":"1","intuitaccountid":"2"}]'))).toThrow(/unknown CloudEvent action "exploded"/);
  });
});

/**
 * Turns a webhook body, legacy (`{"eventNotifications":[...]}`) or CloudEvents (a JSON array), into
 * one flat list of change hints. Pure: no I/O. A delivery may mix realms (CloudEvents) or hold many
 * entities per realm (legacy). Events are hints that something changed; the entity itself is always
 * read from QBO afterwards.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { type ChangeOperation, WebhookPayloadError } from '../../accounting-provider.port.js';

/** Declared with the port (every provider's parser throws it); exported here for the parser's callers. */
export { WebhookPayloadError };

export type { ChangeOperation };

export interface ChangeHint {
  /** Stable across redeliveries of the same change: the dedupe key. */
  key: string;
  realmId: string;
  entity: string;
  entityId: string;
  operation: ChangeOperation;
  /** When QBO says the change happened (ISO string), if it says. */
  occurredAt?: string;
  /** The record merged away (Merge). */
  deletedId?: string;
  format: 'legacy' | 'cloudevents';
}

const legacySchema = z.object({
  eventNotifications: z.array(
    z.object({
      realmId: z.string().min(1),
      dataChangeEvent: z.object({
        entities: z.array(
          z.object({
            name: z.string().min(1),
            id: z.string().min(1),
            operation: z.enum(['Create', 'Update', 'Delete', 'Merge', 'Void', 'Emailed']),
            lastUpdated: z.string().optional(),
            deletedId: z.string().optional(),
          }),
        ),
      }),
    }),
  ),
});

const cloudEventSchema = z.object({
  specversion: z.string(),
  id: z.string().min(1),
  type: z.string().regex(/^qbo\.[a-z]+\.[a-z]+\.v\d+$/, 'type must look like qbo.<entity>.<action>.v1'),
  time: z.string().optional(),
  intuitentityid: z.string().min(1),
  intuitaccountid: z.string().min(1),
  data: z.record(z.string(), z.unknown()).nullish(),
});

const ACTIONS: Record<string, ChangeOperation> = {
  created: 'Create',
  updated: 'Update',
  deleted: 'Delete',
  merged: 'Merge',
  voided: 'Void',
  emailed: 'Emailed',
};

/** QBO entity names as in the API, from the lower-case names CloudEvents use. */
const ENTITY_NAMES = [
  'Account', 'Bill', 'BillPayment', 'Budget', 'Class', 'CreditMemo', 'Currency', 'Customer', 'Department', 'Deposit', 'Employee',
  'Estimate', 'Invoice', 'Item', 'JournalCode', 'JournalEntry', 'Payment', 'PaymentMethod', 'Preferences', 'Purchase', 'PurchaseOrder',
  'RefundReceipt', 'SalesReceipt', 'TaxAgency', 'Term', 'TimeActivity', 'Transfer', 'Vendor', 'VendorCredit',
];
const BY_LOWER = new Map(ENTITY_NAMES.map((name) => [name.toLowerCase(), name]));

function keyOf(parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 40);
}

export function parseWebhookBody(raw: Buffer): ChangeHint[] {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new WebhookPayloadError('body is not JSON');
  }
  if (Array.isArray(body)) return body.map(parseCloudEvent);
  const legacy = legacySchema.safeParse(body);
  if (!legacy.success) throw new WebhookPayloadError(`not a QuickBooks webhook payload: ${legacy.error.issues[0]?.message ?? 'unknown shape'}`);
  return legacy.data.eventNotifications.flatMap((n) =>
    n.dataChangeEvent.entities.map((e) => ({
      key: keyOf(['legacy', n.realmId, e.name, e.id, e.operation, e.lastUpdated ?? '']),
      realmId: n.realmId,
      entity: e.name,
      entityId: e.id,
      operation: e.operation,
      occurredAt: e.lastUpdated,
      deletedId: e.deletedId,
      format: 'legacy' as const,
    })),
  );
}

function parseCloudEvent(value: unknown): ChangeHint {
  const event = cloudEventSchema.safeParse(value);
  if (!event.success) throw new WebhookPayloadError(`not a QuickBooks CloudEvent: ${event.error.issues[0]?.path.join('.')} ${event.error.issues[0]?.message}`);
  const [, entityLower = '', action = ''] = event.data.type.split('.');
  const operation = ACTIONS[action];
  if (!operation) throw new WebhookPayloadError(`unknown CloudEvent action "${action}" in ${event.data.type}`);
  const data = event.data.data ?? {};
  return {
    // CloudEvents ids are unique per event: a redelivery carries the same id.
    key: keyOf(['cloudevents', event.data.id]),
    realmId: event.data.intuitaccountid,
    entity: BY_LOWER.get(entityLower) ?? entityLower,
    entityId: event.data.intuitentityid,
    operation,
    occurredAt: event.data.time,
    deletedId: typeof data.deletedid === 'string' ? data.deletedid : undefined,
    format: 'cloudevents',
  };
}

/**
 * The durable queue of QBO change hints (from webhooks today, the CDC poller later): one document per
 * change, keyed by a dedupe key so a redelivered webhook inserts nothing new. Received, stored, then
 * acknowledged: a crash after the 200 loses nothing, because processing reads from here.
 */
import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { type ChangeOperation } from '../../providers/accounting-provider.port.js';
import { tenantScoped } from '../tenant-scoped.plugin.js';

export type InboundStatus = 'PENDING' | 'DONE' | 'FAILED';

/** One stored change hint, as services see it. */
export interface InboundEvent {
  /** `<tenant>:<dedupe key>`: the same change for the same tenant is stored once. */
  id: string;
  tenantId: string;
  realmId: string;
  entity: string;
  entityId: string;
  operation: ChangeOperation;
  occurredAt?: string | null;
  deletedId?: string | null;
  source: 'webhook-legacy' | 'webhook-cloudevents' | 'cdc';
  status: InboundStatus;
  attempts: number;
  lastError?: string | null;
  receivedAt: Date;
  processedAt?: Date | null;
}

/** The stored document: the same fields, `_id` for the id and the tenant as an ObjectId. */
export type StoredInboundEvent = Omit<InboundEvent, 'id' | 'tenantId'> & { _id: string; tenantId: Types.ObjectId };

const schema = new Schema<StoredInboundEvent>(
  {
    _id: { type: String, required: true },
    realmId: { type: String, required: true },
    entity: { type: String, required: true },
    entityId: { type: String, required: true },
    operation: { type: String, required: true },
    occurredAt: { type: String, default: null },
    deletedId: { type: String, default: null },
    source: { type: String, required: true },
    status: { type: String, required: true, default: 'PENDING' },
    attempts: { type: Number, required: true, default: 0 },
    lastError: { type: String, default: null },
    receivedAt: { type: Date, required: true },
    processedAt: { type: Date, default: null },
  },
  { collection: 'qbo_inbound_events', versionKey: false },
);
schema.plugin(tenantScoped, { index: false });
// Pending events oldest first (the _id breaks ties, as the query sorts).
schema.index({ tenantId: 1, status: 1, receivedAt: 1, _id: 1 });

export function inboundEventModel(connection: Connection): Model<StoredInboundEvent> {
  return (connection.models.InboundEvent as Model<StoredInboundEvent> | undefined) ?? connection.model<StoredInboundEvent>('InboundEvent', schema);
}

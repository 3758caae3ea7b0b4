/**
 * The durable queue of QBO change hints (from webhooks today, the CDC poller later): one document per
 * change, keyed by a dedupe key so a redelivered webhook inserts nothing new. Received, stored, then
 * acknowledged: a crash after the 200 loses nothing, because processing reads from here.
 */
import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { tenantScoped } from '../persistence/tenant-scoped.plugin.js';
import { type ChangeOperation } from './webhook.parser.js';

export type InboundStatus = 'PENDING' | 'DONE' | 'FAILED';

export interface InboundEvent {
  /** `<tenant>:<dedupe key>`: the same change for the same tenant is stored once. */
  _id: string;
  tenantId: Types.ObjectId;
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

const schema = new Schema<InboundEvent>(
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
schema.index({ tenantId: 1, status: 1, receivedAt: 1 });

export function inboundEventModel(connection: Connection): Model<InboundEvent> {
  return (connection.models.InboundEvent as Model<InboundEvent> | undefined) ?? connection.model<InboundEvent>('InboundEvent', schema);
}

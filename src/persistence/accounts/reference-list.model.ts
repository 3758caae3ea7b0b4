/**
 * The tenant's cached QBO name lists besides accounts: classes and departments (tracking categories),
 * tax codes and payment methods. One collection, keyed by (tenantId, kind, qboId), refreshed with the
 * chart of accounts.
 */
import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { tenantScoped } from '../tenant-scoped.plugin.js';
import { type QboRef } from './account.model.js';

export const REFERENCE_KINDS = ['Class', 'Department', 'TaxCode', 'PaymentMethod'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export interface CachedReference {
  _id: Types.ObjectId;
  tenantId: Types.ObjectId;
  realmId: string;
  kind: ReferenceKind;
  qboId: string;
  name: string;
  fullyQualifiedName: string;
  active: boolean;
  parentRef: QboRef | null;
  description: string | null;
  /** PaymentMethod.Type: CREDIT_CARD or NON_CREDIT_CARD. */
  paymentType: string | null;
  /** TaxCode.Taxable / TaxGroup. */
  taxable: boolean | null;
  taxGroup: boolean | null;
  syncToken: string;
  lastUpdatedTime: string | null;
  sortKey: string;
  seenAt: Date;
}

const refSchema = new Schema<QboRef>({ value: { type: String, required: true }, name: { type: String, default: null } }, { _id: false });

const referenceSchema = new Schema<CachedReference>(
  {
    realmId: { type: String, required: true },
    kind: { type: String, required: true, enum: REFERENCE_KINDS },
    qboId: { type: String, required: true },
    name: { type: String, required: true },
    fullyQualifiedName: { type: String, required: true },
    active: { type: Boolean, required: true },
    parentRef: { type: refSchema, default: null },
    description: { type: String, default: null },
    paymentType: { type: String, default: null },
    taxable: { type: Boolean, default: null },
    taxGroup: { type: Boolean, default: null },
    syncToken: { type: String, required: true },
    lastUpdatedTime: { type: String, default: null },
    sortKey: { type: String, required: true },
    seenAt: { type: Date, required: true },
  },
  { collection: 'qbo_reference_lists', timestamps: true },
);
referenceSchema.plugin(tenantScoped);
referenceSchema.index({ tenantId: 1, kind: 1, qboId: 1 }, { unique: true });
referenceSchema.index({ tenantId: 1, kind: 1, sortKey: 1 });
// The whole chart in display order (ChartRepository.load reads every kind at once).
referenceSchema.index({ tenantId: 1, sortKey: 1, qboId: 1 });

export function cachedReferenceModel(connection: Connection): Model<CachedReference> {
  return (connection.models.CachedReference as Model<CachedReference> | undefined) ?? connection.model<CachedReference>('CachedReference', referenceSchema);
}

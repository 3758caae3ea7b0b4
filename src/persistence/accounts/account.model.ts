/**
 * The tenant's cached QBO chart of accounts: one document per QBO account (active or not), keyed by
 * (tenantId, qboId). Read by every account dropdown and every settings validation, so requests never
 * call QBO; written only by the refresh in chart.service.ts.
 */
import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { tenantScoped } from '../tenant-scoped.plugin.js';

export interface QboRef {
  value: string;
  name?: string | null;
}

export interface CachedAccount {
  _id: Types.ObjectId;
  tenantId: Types.ObjectId;
  realmId: string;
  qboId: string;
  name: string;
  fullyQualifiedName: string;
  acctNum: string | null;
  accountType: string;
  accountSubType: string | null;
  classification: string | null;
  active: boolean;
  /** Exact decimal string as QBO sent it (FerretDB has no Decimal128; never a float). */
  currentBalance: string;
  currencyRef: QboRef | null;
  parentRef: QboRef | null;
  syncToken: string;
  /** QBO's MetaData.LastUpdatedTime, verbatim (Pacific offset), for the incremental refresh. */
  lastUpdatedTime: string | null;
  /** Lower-cased fully qualified name: the sort key (FerretDB has no collation). */
  sortKey: string;
  /** Start time of the refresh that last saw this row; rows a full refresh did not see are removed. */
  seenAt: Date;
}

const refSchema = new Schema<QboRef>({ value: { type: String, required: true }, name: { type: String, default: null } }, { _id: false });

const accountSchema = new Schema<CachedAccount>(
  {
    realmId: { type: String, required: true },
    qboId: { type: String, required: true },
    name: { type: String, required: true },
    fullyQualifiedName: { type: String, required: true },
    acctNum: { type: String, default: null },
    accountType: { type: String, required: true },
    accountSubType: { type: String, default: null },
    classification: { type: String, default: null },
    active: { type: Boolean, required: true },
    currentBalance: { type: String, required: true },
    currencyRef: { type: refSchema, default: null },
    parentRef: { type: refSchema, default: null },
    syncToken: { type: String, required: true },
    lastUpdatedTime: { type: String, default: null },
    sortKey: { type: String, required: true },
    seenAt: { type: Date, required: true },
  },
  { collection: 'qbo_accounts', timestamps: true },
);
accountSchema.plugin(tenantScoped);
accountSchema.index({ tenantId: 1, qboId: 1 }, { unique: true });
accountSchema.index({ tenantId: 1, sortKey: 1, qboId: 1 });

export function cachedAccountModel(connection: Connection): Model<CachedAccount> {
  return (connection.models.CachedAccount as Model<CachedAccount> | undefined) ?? connection.model<CachedAccount>('CachedAccount', accountSchema);
}

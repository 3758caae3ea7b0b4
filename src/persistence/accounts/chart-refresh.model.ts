/**
 * Per tenant and QBO entity: when the cache was last refreshed, from which realm, and the watermark
 * (the newest MetaData.LastUpdatedTime seen) the next incremental refresh starts from.
 */
import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { tenantScoped } from '../tenant-scoped.plugin.js';

export const CACHED_ENTITIES = ['Account', 'Class', 'Department', 'TaxCode', 'PaymentMethod'] as const;
export type CachedEntity = (typeof CACHED_ENTITIES)[number];

export interface ChartRefreshState {
  _id: Types.ObjectId;
  tenantId: Types.ObjectId;
  entity: CachedEntity;
  realmId: string;
  /** QBO timestamp string of the newest change seen, or null when the list was empty. */
  watermark: string | null;
  refreshedAt: Date;
  fullRefreshedAt: Date;
}

const stateSchema = new Schema<ChartRefreshState>(
  {
    entity: { type: String, required: true, enum: CACHED_ENTITIES },
    realmId: { type: String, required: true },
    watermark: { type: String, default: null },
    refreshedAt: { type: Date, required: true },
    fullRefreshedAt: { type: Date, required: true },
  },
  { collection: 'qbo_chart_refresh_state' },
);
stateSchema.plugin(tenantScoped);
stateSchema.index({ tenantId: 1, entity: 1 }, { unique: true });

export function chartRefreshStateModel(connection: Connection): Model<ChartRefreshState> {
  return (connection.models.ChartRefreshState as Model<ChartRefreshState> | undefined) ?? connection.model<ChartRefreshState>('ChartRefreshState', stateSchema);
}

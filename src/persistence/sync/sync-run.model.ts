/**
 * Persisted sync runs: the state machine of sync-run.rules.ts, with counts, progress and (dry runs)
 * the payloads that would have been sent.
 */
import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { tenantScoped } from '../tenant-scoped.plugin.js';
import { type TenantId } from '../tenant-id.js';
import { type LedgerKind } from '../../ledger/ledger-record.types.js';
import { type SyncRunStatus } from '../../sync/sync-run.rules.js';

export type SyncTrigger = 'MANUAL' | 'AUTOMATIC' | 'RETRY';

export interface KindCount {
  kind: LedgerKind;
  total: number;
  succeeded: number;
  failed: number;
  blocked: number;
  skipped: number;
}

/** A run as the sync and pull slices see it (ids are strings outside persistence). */
export interface SyncRun {
  id: string;
  tenantId: TenantId;
  status: SyncRunStatus;
  trigger: SyncTrigger;
  scope: LedgerKind[];
  /** PULL and BOTH runs are the pull slice's (src/pull/pull-run.service.ts). */
  direction: 'PUSH' | 'PULL' | 'BOTH';
  dryRun: boolean;
  /** Only these records (retry of one issue), else every pending record in scope. */
  recordIds: string[] | null;
  phase: string;
  total: number;
  processed: number;
  succeeded: number;
  failed: number;
  skipped: number;
  blocked: number;
  currentRecord: string | null;
  cancelRequested: boolean;
  error: string | null;
  /** Dry runs: the payloads that would be sent, as JSON text. */
  dryRunPayloads: string[];
  /** Things the run says once (a setting QBO has no equivalent for...). */
  notices: string[];
  /** Counts per kind, in push order (only kinds the run had records of). */
  kindCounts: KindCount[];
  queuedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** The stored document (persistence only). */
export interface SyncRunDoc extends Omit<SyncRun, 'id' | 'tenantId'> {
  _id: Types.ObjectId;
  tenantId: Types.ObjectId;
}

const schema = new Schema<SyncRunDoc>(
  {
    status: { type: String, required: true },
    trigger: { type: String, required: true },
    scope: { type: [String], required: true },
    direction: { type: String, required: true, default: 'PUSH' },
    dryRun: { type: Boolean, required: true, default: false },
    recordIds: { type: [String], default: null },
    phase: { type: String, required: true, default: 'queued' },
    total: { type: Number, default: 0 },
    processed: { type: Number, default: 0 },
    succeeded: { type: Number, default: 0 },
    failed: { type: Number, default: 0 },
    skipped: { type: Number, default: 0 },
    blocked: { type: Number, default: 0 },
    currentRecord: { type: String, default: null },
    cancelRequested: { type: Boolean, default: false },
    error: { type: String, default: null },
    dryRunPayloads: { type: [String], default: [] },
    notices: { type: [String], default: [] },
    kindCounts: { type: [{ _id: false, kind: String, total: Number, succeeded: Number, failed: Number, blocked: Number, skipped: Number }], default: [] },
    queuedAt: { type: Date, required: true },
    startedAt: { type: Date, default: null },
    finishedAt: { type: Date, default: null },
  },
  { collection: 'sync_runs', timestamps: true },
);
schema.plugin(tenantScoped);
schema.index({ tenantId: 1, _id: -1 });
schema.index({ tenantId: 1, status: 1 });
// Every instance's look for runs left RUNNING by one that stopped (across tenants).
schema.index({ status: 1 });

export function syncRunModel(connection: Connection): Model<SyncRunDoc> {
  return (connection.models.SyncRun as Model<SyncRunDoc> | undefined) ?? connection.model<SyncRunDoc>('SyncRun', schema);
}


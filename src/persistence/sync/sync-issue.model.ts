/**
 * Sync issues: why a record could not be pushed, in words a user can act on. At most one OPEN issue
 * per (tenant, kind, record): a new failure of the same record updates it; a success resolves it.
 */
import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { tenantScoped } from '../tenant-scoped.plugin.js';
import { type TenantId } from '../tenant-id.js';
import { type LedgerKind } from '../../ledger/ledger-record.types.js';
import { type LinkCandidate, type SyncIssueActionKind } from '../../sync/sync.errors.js';

/** IGNORED: closed on purpose by a bookkeeper (the IGNORE action). */
export type SyncIssueStatus = 'OPEN' | 'RESOLVED' | 'IGNORED';

/** An issue as the sync and pull slices see it (ids are strings outside persistence). */
export interface SyncIssue {
  id: string;
  tenantId: TenantId;
  status: SyncIssueStatus;
  kind: LedgerKind;
  recordId: string;
  externalId: string | null;
  runId: string | null;
  code: string;
  message: string;
  fixHint: string;
  retryable: boolean;
  blockedByKind: string | null;
  blockedById: string | null;
  qboFault: string | null;
  /** Actions beyond RETRY that can succeed (see SyncIssueActionKind). */
  actions: SyncIssueActionKind[];
  candidates: LinkCandidate[];
  setting: string | null;
  occurrences: number;
  resolvedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The stored document (persistence only). */
export interface SyncIssueDoc extends Omit<SyncIssue, 'id' | 'tenantId' | 'runId'> {
  _id: Types.ObjectId;
  tenantId: Types.ObjectId;
  runId: Types.ObjectId | null;
}

const schema = new Schema<SyncIssueDoc>(
  {
    status: { type: String, required: true },
    kind: { type: String, required: true },
    recordId: { type: String, required: true },
    externalId: { type: String, default: null },
    runId: { type: Schema.Types.ObjectId, default: null },
    code: { type: String, required: true },
    message: { type: String, required: true },
    fixHint: { type: String, required: true },
    retryable: { type: Boolean, required: true },
    blockedByKind: { type: String, default: null },
    blockedById: { type: String, default: null },
    qboFault: { type: String, default: null },
    actions: { type: [String], default: [] },
    candidates: { type: [{ _id: false, remoteId: String, label: String }], default: [] },
    setting: { type: String, default: null },
    occurrences: { type: Number, default: 1 },
    resolvedAt: { type: Date, default: null },
  },
  { collection: 'sync_issues', timestamps: true },
);
schema.plugin(tenantScoped);
schema.index({ tenantId: 1, kind: 1, recordId: 1, status: 1 });
schema.index({ tenantId: 1, status: 1, _id: -1 });
// The newest-first list without a status.
schema.index({ tenantId: 1, _id: -1 });

export function syncIssueModel(connection: Connection): Model<SyncIssueDoc> {
  return (connection.models.SyncIssue as Model<SyncIssueDoc> | undefined) ?? connection.model<SyncIssueDoc>('SyncIssue', schema);
}

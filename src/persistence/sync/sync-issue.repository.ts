/**
 * `sync_issues`: one OPEN issue per record at a time (a repeated failure updates it and counts
 * occurrences; a later success resolves it). Queries are served by the indexes declared on the schema:
 * (tenant, kind, record, status) for a record's issue, (tenant, status, _id) for the newest-first list.
 */
import { type Connection, type Model, Types } from 'mongoose';
import { type TenantId, tenantIdOf, tenantObjectId } from '../tenant-id.js';
import { type LedgerKind } from '../../ledger/ledger-record.types.js';
import { type SyncIssue, type SyncIssueDoc, syncIssueModel, type SyncIssueStatus } from './sync-issue.model.js';

export type { SyncIssue, SyncIssueStatus } from './sync-issue.model.js';

/** What an issue says (everything but its identity, status and bookkeeping). */
export type IssueContent = Omit<SyncIssue, 'id' | 'tenantId' | 'status' | 'kind' | 'recordId' | 'occurrences' | 'resolvedAt' | 'createdAt' | 'updatedAt'>;

function toIssue(doc: SyncIssueDoc): SyncIssue {
  const { _id, tenantId, runId, ...rest } = doc as SyncIssueDoc & { __v?: number };
  delete (rest as { __v?: number }).__v;
  return { ...rest, id: _id.toHexString(), tenantId: tenantIdOf(tenantId), runId: runId ? runId.toHexString() : null };
}

function objectId(id: string): Types.ObjectId | null {
  return Types.ObjectId.isValid(id) && /^[0-9a-f]{24}$/i.test(id) ? new Types.ObjectId(id) : null;
}

export class SyncIssueRepository {
  readonly #model: Model<SyncIssueDoc>;

  constructor(connection: Connection) {
    this.#model = syncIssueModel(connection);
  }

  init(): Promise<unknown> {
    return this.#model.init();
  }

  /** Opens the record's issue, or updates its open one (counting the occurrence). */
  async open(tenantId: TenantId, record: { kind: LedgerKind; recordId: string }, content: IssueContent): Promise<SyncIssue> {
    const filter = { tenantId: tenantObjectId(tenantId), kind: record.kind, recordId: record.recordId, status: 'OPEN' as const };
    const set = { ...content, runId: content.runId ? new Types.ObjectId(content.runId) : null };
    const existing = await this.#model.findOneAndUpdate(filter, { $set: set, $inc: { occurrences: 1 } }, { returnDocument: 'after' }).lean<SyncIssueDoc>();
    if (existing) return toIssue(existing);
    const created = await this.#model.create({ ...filter, ...set, occurrences: 1 });
    return toIssue(created.toObject());
  }

  async resolve(tenantId: TenantId, kind: LedgerKind, recordId: string): Promise<void> {
    await this.#model.updateMany({ tenantId: tenantObjectId(tenantId), kind, recordId, status: 'OPEN' }, { $set: { status: 'RESOLVED', resolvedAt: new Date() } });
  }

  /** Closes an open issue on purpose; false when it was no longer open (or is not the tenant's). */
  async ignore(tenantId: TenantId, id: string): Promise<boolean> {
    const _id = objectId(id);
    if (!_id) return false;
    const result = await this.#model.updateOne({ tenantId: tenantObjectId(tenantId), _id, status: 'OPEN' }, { $set: { status: 'IGNORED', resolvedAt: new Date() } });
    return result.modifiedCount === 1;
  }

  /** The open issues of these records (any kind): one query. */
  async openOfRecords(tenantId: TenantId, recordIds: string[]): Promise<SyncIssue[]> {
    if (recordIds.length === 0) return [];
    const rows = await this.#model.find({ tenantId: tenantObjectId(tenantId), status: 'OPEN', recordId: { $in: [...new Set(recordIds)] } }).lean<SyncIssueDoc[]>();
    return rows.map(toIssue);
  }

  async openOf(tenantId: TenantId, kind: LedgerKind, recordId: string): Promise<SyncIssue | null> {
    const doc = await this.#model.findOne({ tenantId: tenantObjectId(tenantId), kind, recordId, status: 'OPEN' }).lean<SyncIssueDoc>();
    return doc ? toIssue(doc) : null;
  }

  /** The issue, or null when the id is not one (or not the tenant's). */
  async get(tenantId: TenantId, id: string): Promise<SyncIssue | null> {
    const _id = objectId(id);
    const doc = _id ? await this.#model.findOne({ tenantId: tenantObjectId(tenantId), _id }).lean<SyncIssueDoc>() : null;
    return doc ? toIssue(doc) : null;
  }

  /** Newest first: up to `limit` issues older than `beforeId` (a valid id), and the count of the whole list. */
  async page(tenantId: TenantId, status: SyncIssueStatus | null, beforeId: string | undefined, limit: number): Promise<{ rows: SyncIssue[]; totalCount: number }> {
    const base: Record<string, unknown> = { tenantId: tenantObjectId(tenantId), ...(status ? { status } : {}) };
    const after = beforeId ? { _id: { $lt: new Types.ObjectId(beforeId) } } : {};
    const [rows, totalCount] = await Promise.all([
      this.#model.find({ ...base, ...after }).sort({ _id: -1 }).limit(limit).lean<SyncIssueDoc[]>(),
      this.#model.countDocuments(base),
    ]);
    return { rows: rows.map(toIssue), totalCount };
  }
}

/**
 * Opens, updates and resolves sync issues. One open issue per record: a repeated failure updates it
 * (and counts occurrences), a later success resolves it, so the issue list is what needs attention now.
 */
import { type Connection, type Model, Types } from 'mongoose';
import { NotFoundError } from '../graphql/errors.js';
import { type PageRequest } from '../graphql/pagination.js';
import { beforeIdFilter } from './sync-paging.util.js';
import { type LedgerKind } from '../ledger/ledger-record.types.js';
import { type SyncIssue, syncIssueModel, type SyncIssueStatus } from './sync-issue.model.js';
import { type SyncProblem } from './sync.errors.js';

export class SyncIssueService {
  readonly #model: Model<SyncIssue>;

  constructor(connection: Connection) {
    this.#model = syncIssueModel(connection);
  }

  init(): Promise<unknown> {
    return this.#model.init();
  }

  async open(tenantId: string, record: { kind: LedgerKind; id: string; externalId?: string }, problem: SyncProblem, runId: string | null): Promise<SyncIssue> {
    const filter = { tenantId: new Types.ObjectId(tenantId), kind: record.kind, recordId: record.id, status: 'OPEN' as const };
    const set = {
      externalId: record.externalId ?? null,
      runId: runId ? new Types.ObjectId(runId) : null,
      code: problem.code,
      message: problem.message,
      fixHint: problem.options.fixHint,
      retryable: problem.options.retryable,
      blockedByKind: problem.options.blockedBy?.kind ?? null,
      blockedById: problem.options.blockedBy?.recordId ?? null,
      qboFault: problem.options.qboFault ?? null,
      actions: problem.options.actions ?? [],
      candidates: problem.options.candidates ?? [],
      setting: problem.options.setting ?? null,
    };
    const existing = await this.#model.findOneAndUpdate(filter, { $set: set, $inc: { occurrences: 1 } }, { returnDocument: 'after' }).lean();
    if (existing) return existing;
    const created = await this.#model.create({ ...filter, ...set, occurrences: 1 });
    return created.toObject();
  }

  async resolve(tenantId: string, kind: LedgerKind, recordId: string): Promise<void> {
    await this.#model.updateMany({ tenantId: new Types.ObjectId(tenantId), kind, recordId, status: 'OPEN' }, { $set: { status: 'RESOLVED', resolvedAt: new Date() } });
  }

  /** Closes an open issue on purpose (the IGNORE action); false when it was no longer open. */
  async ignore(tenantId: string, id: string): Promise<boolean> {
    const result = await this.#model.updateOne({ tenantId: new Types.ObjectId(tenantId), _id: new Types.ObjectId(id), status: 'OPEN' }, { $set: { status: 'IGNORED', resolvedAt: new Date() } });
    return result.modifiedCount === 1;
  }

  /** The open issues of these records (kind and record id), keyed `<kind>:<recordId>`: one query. */
  async openForMany(tenantId: string, records: { kind: string; recordId: string }[]): Promise<Map<string, SyncIssue>> {
    const out = new Map<string, SyncIssue>();
    if (records.length === 0) return out;
    const rows = await this.#model.find({ tenantId: new Types.ObjectId(tenantId), status: 'OPEN', recordId: { $in: [...new Set(records.map((r) => r.recordId))] } }).lean();
    for (const row of rows) out.set(`${row.kind}:${row.recordId}`, row);
    return out;
  }

  async openFor(tenantId: string, kind: LedgerKind, recordId: string): Promise<SyncIssue | null> {
    return this.#model.findOne({ tenantId: new Types.ObjectId(tenantId), kind, recordId, status: 'OPEN' }).lean();
  }

  async get(tenantId: string, id: string): Promise<SyncIssue> {
    const issue = Types.ObjectId.isValid(id) ? await this.#model.findOne({ tenantId: new Types.ObjectId(tenantId), _id: new Types.ObjectId(id) }).lean() : null;
    if (!issue) throw new NotFoundError('SyncIssue', id);
    return issue;
  }

  /** Newest first. */
  async list(tenantId: string, status: SyncIssueStatus | null, page: PageRequest): Promise<{ rows: SyncIssue[]; totalCount: number }> {
    const base: Record<string, unknown> = { tenantId: new Types.ObjectId(tenantId), ...(status ? { status } : {}) };
    const after = beforeIdFilter(page);
    const [rows, totalCount] = await Promise.all([
      this.#model.find({ ...base, ...after }).sort({ _id: -1 }).limit(page.limit + 1).lean(),
      this.#model.countDocuments(base),
    ]);
    return { rows, totalCount };
  }
}

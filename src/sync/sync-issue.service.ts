/**
 * Opens, updates and resolves sync issues. One open issue per record: a repeated failure updates it
 * (and counts occurrences), a later success resolves it, so the issue list is what needs attention now.
 */
import { NotFoundError } from '../errors/domain.errors.js';
import { type PageRequest } from '../paging/page-request.js';
import { beforeIdCursor } from './sync-paging.util.js';
import { type LedgerKind } from '../ledger/ledger-record.types.js';
import { type SyncIssue, type SyncIssueRepository, type SyncIssueStatus } from '../persistence/sync/sync-issue.repository.js';
import { asTenantId } from '../persistence/tenant-id.js';
import { type SyncProblem } from './sync.errors.js';

export class SyncIssueService {
  constructor(private readonly issues: SyncIssueRepository) {}

  init(): Promise<unknown> {
    return this.issues.init();
  }

  async open(tenantId: string, record: { kind: LedgerKind; id: string; externalId?: string }, problem: SyncProblem, runId: string | null): Promise<SyncIssue> {
    return this.issues.open(asTenantId(tenantId), { kind: record.kind, recordId: record.id }, {
      externalId: record.externalId ?? null,
      runId,
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
    });
  }

  async resolve(tenantId: string, kind: LedgerKind, recordId: string): Promise<void> {
    await this.issues.resolve(asTenantId(tenantId), kind, recordId);
  }

  /** Closes an open issue on purpose (the IGNORE action); false when it was no longer open. */
  async ignore(tenantId: string, id: string): Promise<boolean> {
    return this.issues.ignore(asTenantId(tenantId), id);
  }

  /** The open issues of these records (kind and record id), keyed `<kind>:<recordId>`: one query. */
  async openForMany(tenantId: string, records: { kind: string; recordId: string }[]): Promise<Map<string, SyncIssue>> {
    const out = new Map<string, SyncIssue>();
    const rows = await this.issues.openOfRecords(asTenantId(tenantId), records.map((r) => r.recordId));
    for (const row of rows) out.set(`${row.kind}:${row.recordId}`, row);
    return out;
  }

  async openFor(tenantId: string, kind: LedgerKind, recordId: string): Promise<SyncIssue | null> {
    return this.issues.openOf(asTenantId(tenantId), kind, recordId);
  }

  async get(tenantId: string, id: string): Promise<SyncIssue> {
    const issue = await this.issues.get(asTenantId(tenantId), id);
    if (!issue) throw new NotFoundError('SyncIssue', id);
    return issue;
  }

  /** Newest first. */
  async list(tenantId: string, status: SyncIssueStatus | null, page: PageRequest): Promise<{ rows: SyncIssue[]; totalCount: number }> {
    return this.issues.page(asTenantId(tenantId), status, beforeIdCursor(page), page.limit + 1);
  }
}

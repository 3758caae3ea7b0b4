/**
 * Issue actions, the sync slice's side: which actions an issue offers (only those that can succeed
 * now), performing one through the registry, and the three actions this slice owns: RETRY, IGNORE and
 * OPEN_SETTINGS. Other slices register theirs (RECREATE, LINK, VOID_IN_FSM, PUSH) on the same registry.
 */
import { ConflictError, UserInputError } from '../errors/domain.errors.js';
import { type LedgerReader } from '../ledger/ledger-record.types.js';
import { settingField, settingLabel } from '../settings/setting-labels.js';
import { type IssueActionRegistry, type IssueActionRequest } from './issue-actions.registry.js';
import { KIND_NOUNS } from './record-terms.rules.js';
import { type SyncIssue } from '../persistence/sync/sync-issue.repository.js';
import { type SyncIssueService } from './sync-issue.service.js';
import { clause, type SyncIssueActionKind } from './sync.errors.js';

/** The order actions are offered in: the likely fix first, IGNORE last. */
export const ACTION_ORDER: readonly SyncIssueActionKind[] = ['RETRY', 'OPEN_SETTINGS', 'LINK', 'RECREATE', 'VOID_IN_FSM', 'PUSH', 'IGNORE'];

/** Issues raised from a QuickBooks-side change name the QuickBooks object: `qbo:Payment:123`. */
export function remoteRecordOf(recordId: string): { entity: string; qboId: string } | null {
  const match = /^qbo:([A-Za-z]+):(.+)$/.exec(recordId);
  return match ? { entity: match[1]!, qboId: match[2]! } : null;
}

export interface IssueActionsDeps {
  registry: IssueActionRegistry;
  issues: SyncIssueService;
  ledger: () => LedgerReader;
  /** The accounting settings by field name (`paymentsAccountId`, `paymentMethodFromAccounts`...). */
  settingsOf: (tenantId: string) => Promise<Record<string, unknown>>;
  /** Saved account settings that cannot be used now (inactive, deleted, wrong type). */
  settingProblems: (tenantId: string) => Promise<{ setting: string; message: string }[]>;
  /** Marks a ledger record pending and pushes it (with its dependencies) in a run of its own. */
  pushAgain: (tenantId: string, issue: SyncIssue) => Promise<void>;
  /** Leaves a record out of QuickBooks on purpose: nothing pending, no issue on its sync state. */
  leaveOut: (tenantId: string, issue: SyncIssue) => Promise<void>;
}

/** What the pull slice does to apply a QuickBooks-side change again (RETRY of a `qbo:` issue). */
export interface RemoteRetry {
  /** QuickBooks entities whose issues it can retry. */
  entities: readonly string[];
  retry: (tenantId: string, issue: SyncIssue, remote: { entity: string; qboId: string }) => Promise<void>;
}

export class IssueActionsService {
  #remote: RemoteRetry | undefined;

  constructor(private readonly deps: IssueActionsDeps) {}

  /** Registers RETRY, IGNORE and OPEN_SETTINGS; `remote` re-applies QuickBooks-side changes (the pull slice). */
  registerOwnActions(remote: RemoteRetry): void {
    this.#remote = remote;
    this.deps.registry.register('RETRY', (request) => this.#retry(request));
    this.deps.registry.register('IGNORE', (request) => this.#ignore(request));
    this.deps.registry.register('OPEN_SETTINGS', (request) => this.#afterSetting(request));
  }

  /** The actions each issue offers now, by issue id (one query for every blocked issue's blocker). */
  async available(tenantId: string, issues: readonly SyncIssue[]): Promise<Map<string, SyncIssueActionKind[]>> {
    const blockers = await this.deps.issues.openForMany(
      tenantId,
      issues.filter((i) => i.status === 'OPEN' && i.blockedByKind && i.blockedById).map((i) => ({ kind: i.blockedByKind!, recordId: i.blockedById! })),
    );
    const registered = new Set(this.deps.registry.kinds());
    const out = new Map<string, SyncIssueActionKind[]>();
    for (const issue of issues) {
      if (issue.status !== 'OPEN') {
        out.set(issue.id, []);
        continue;
      }
      const offered = new Set<SyncIssueActionKind>([...(issue.actions ?? []), 'IGNORE']);
      if (issue.retryable) offered.add('RETRY');
      // A record waiting for another one's issue cannot go through before that issue is fixed.
      if (issue.blockedByKind && issue.blockedById && blockers.has(`${issue.blockedByKind}:${issue.blockedById}`)) offered.delete('RETRY');
      const remote = remoteRecordOf(issue.recordId);
      if (remote && !this.#remote?.entities.includes(remote.entity)) {
        offered.delete('RETRY');
        offered.delete('OPEN_SETTINGS');
      }
      if (!issue.setting) offered.delete('OPEN_SETTINGS');
      if ((issue.candidates ?? []).length === 0 && !issue.actions?.includes('LINK')) offered.delete('LINK');
      out.set(issue.id, ACTION_ORDER.filter((kind) => offered.has(kind) && registered.has(kind)));
    }
    return out;
  }

  /** Performs one of the issue's actions, fully or not at all; the issue as it is afterwards. */
  async perform(tenantId: string, issueId: string, action: SyncIssueActionKind, remoteId: string | null): Promise<SyncIssue> {
    const issue = await this.deps.issues.get(tenantId, issueId);
    if (issue.status !== 'OPEN') throw new ConflictError(`This issue is already ${issue.status === 'IGNORED' ? 'ignored' : 'resolved'}.`, { type: 'SyncIssue', id: issueId });
    const offered = (await this.available(tenantId, [issue])).get(issueId) ?? [];
    if (!offered.includes(action)) {
      const why = action === 'RETRY' && issue.blockedByKind ? ` The record is waiting for a ${KIND_NOUNS[issue.blockedByKind as keyof typeof KIND_NOUNS] ?? issue.blockedByKind} whose own issue must be fixed first.` : '';
      const message = `${action} cannot be done for this issue.${why} It offers: ${offered.join(', ') || 'nothing'}.`;
      throw new UserInputError(message, [{ path: ['input', 'action'], message }]);
    }
    if (action === 'LINK' && !remoteId) throw new UserInputError('LINK needs the QuickBooks object to link to (remoteId).', [{ path: ['input', 'remoteId'], message: 'choose one of the candidates' }]);
    const handler = this.deps.registry.handlerFor(action)!;
    await handler({ tenantId, issue, remoteId });
    return this.deps.issues.get(tenantId, issueId);
  }

  // ---- the actions this slice owns -----------------------------------------------------------------

  async #retry({ tenantId, issue }: IssueActionRequest): Promise<void> {
    const remote = remoteRecordOf(issue.recordId);
    if (remote) {
      if (!this.#remote?.entities.includes(remote.entity)) throw new UserInputError(`A change to a QuickBooks ${remote.entity.toLowerCase()} cannot be applied again from here.`, [{ path: ['input', 'action'], message: 'RETRY is not offered' }]);
      return this.#remote.retry(tenantId, issue, remote);
    }
    if (issue.blockedByKind && issue.blockedById) {
      const blocker = (await this.deps.issues.openForMany(tenantId, [{ kind: issue.blockedByKind, recordId: issue.blockedById }])).values().next().value;
      if (blocker) {
        const message = `This record is still waiting: ${clause(blocker.message)}. Fix that issue first.`;
        throw new UserInputError(message, [{ path: ['input', 'action'], message }]);
      }
    }
    await this.#existing(tenantId, issue);
    await this.deps.pushAgain(tenantId, issue);
  }

  async #ignore({ tenantId, issue }: IssueActionRequest): Promise<void> {
    if (!remoteRecordOf(issue.recordId)) await this.deps.leaveOut(tenantId, issue);
    if (!(await this.deps.issues.ignore(tenantId, issue.id))) throw new ConflictError('This issue was closed meanwhile.', { type: 'SyncIssue', id: issue.id });
  }

  /** OPEN_SETTINGS, performed: the setting must be chosen by now; then the record goes again. */
  async #afterSetting(request: IssueActionRequest): Promise<void> {
    const { tenantId, issue } = request;
    const field = settingField(issue.setting!);
    const label = settingLabel(field) ?? field;
    const value = (await this.deps.settingsOf(tenantId))[field];
    if (value === null || value === undefined || value === '') {
      const message = `"${label}" is still empty: choose it in Accounting settings first.`;
      throw new UserInputError(message, [{ path: ['input', 'action'], message }]);
    }
    const problem = (await this.deps.settingProblems(tenantId)).find((p) => settingField(p.setting) === field);
    if (problem) {
      const message = `"${label}" still cannot be used: ${clause(problem.message)}. Choose another account in Accounting settings first.`;
      throw new UserInputError(message, [{ path: ['input', 'action'], message }]);
    }
    const remote = remoteRecordOf(issue.recordId);
    if (remote) return this.#remote!.retry(tenantId, issue, remote);
    await this.#existing(tenantId, issue);
    await this.deps.pushAgain(tenantId, issue);
  }

  async #existing(tenantId: string, issue: SyncIssue): Promise<void> {
    // An id that is not a record's (an issue about a QuickBooks-only object) finds nothing.
    const record = await this.deps.ledger().get(tenantId, issue.kind, issue.recordId);
    if (!record) {
      const message = `The ${KIND_NOUNS[issue.kind]} of this issue no longer exists in fieldbooks; ignore the issue instead.`;
      throw new UserInputError(message, [{ path: ['input', 'issueId'], message }]);
    }
  }
}

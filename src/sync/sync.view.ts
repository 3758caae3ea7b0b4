/** Stored runs and issues as their GraphQL shapes (shared by the sync and pull resolvers). */
import { settingField } from '../settings/setting-labels.js';
import { PUSHABLE_KINDS } from './push.service.js';
import { type SyncIssue } from '../persistence/sync/sync-issue.repository.js';
import { type SyncRun } from '../persistence/sync/sync-run.repository.js';
import { runOutcome } from './sync-run.rules.js';
import { type SyncIssueActionKind } from './sync.errors.js';
import { type DryRunPayloadType, type SyncIssueType, type SyncRunType } from './sync.type.js';

export function runView(run: SyncRun): SyncRunType {
  return {
    ...run,
    id: run.id,
    dryRunPayloads: (run.dryRunPayloads ?? []).map((p) => JSON.parse(p) as DryRunPayloadType),
    notices: run.notices ?? [],
    outcome: runOutcome(run),
    everything: run.direction === 'PUSH' && PUSHABLE_KINDS.every((k) => run.scope.includes(k)),
    kindCounts: run.kindCounts ?? [],
  } as unknown as SyncRunType;
}

export function issueView(issue: SyncIssue, actions: SyncIssueActionKind[]): SyncIssueType {
  return {
    ...issue,
    id: issue.id,
    runId: issue.runId,
    quickBooksFault: issue.qboFault,
    actions,
    candidates: issue.candidates ?? [],
    // Stored as the setting's name or its field; shown as the field a settings screen edits (`paymentsAccountId`).
    setting: issue.setting ? settingField(issue.setting) : null,
  } as unknown as SyncIssueType;
}

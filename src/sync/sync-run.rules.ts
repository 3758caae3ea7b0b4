/**
 * The sync run state machine, as data: which transitions are legal and what the final status of a
 * finished run is. Pure, so the service's compare-and-swap writes can only ever apply these moves.
 */
export type SyncRunStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'PARTIALLY_FAILED' | 'FAILED' | 'CANCELLED';
export type SyncRunEvent = 'start' | 'finish' | 'fail' | 'cancel';

export const FINAL_STATUSES: readonly SyncRunStatus[] = ['SUCCEEDED', 'PARTIALLY_FAILED', 'FAILED', 'CANCELLED'];

export function isFinal(status: SyncRunStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

export interface RunCounts {
  total: number;
  processed: number;
  succeeded: number;
  failed: number;
  skipped: number;
  blocked: number;
}

/** A finished run: nothing failed → SUCCEEDED; some failed but some succeeded → PARTIALLY_FAILED; else FAILED. */
export function finishedStatus(counts: Pick<RunCounts, 'succeeded' | 'failed' | 'blocked'>): SyncRunStatus {
  const bad = counts.failed + counts.blocked;
  if (bad === 0) return 'SUCCEEDED';
  return counts.succeeded > 0 ? 'PARTIALLY_FAILED' : 'FAILED';
}

/** The status after `event`, or null when the move is illegal from `from`. */
export function transition(from: SyncRunStatus, event: SyncRunEvent, counts?: Pick<RunCounts, 'succeeded' | 'failed' | 'blocked'>): SyncRunStatus | null {
  switch (event) {
    case 'start':
      return from === 'QUEUED' ? 'RUNNING' : null;
    case 'finish':
      return from === 'RUNNING' ? finishedStatus(counts ?? { succeeded: 0, failed: 0, blocked: 0 }) : null;
    case 'fail':
      return from === 'RUNNING' || from === 'QUEUED' ? 'FAILED' : null;
    case 'cancel':
      return from === 'RUNNING' || from === 'QUEUED' ? 'CANCELLED' : null;
  }
}

export type SyncRunOutcome = 'SUCCEEDED' | 'PARTLY_FAILED' | 'FAILED' | 'DRY_RUN' | 'CANCELLED';

/**
 * How a run went, for a bookkeeper: a dry run is always DRY_RUN (it sent nothing, whatever its counts
 * say), a run still queued or running has none yet, and otherwise the final status in plain terms.
 */
export function runOutcome(run: { status: SyncRunStatus; dryRun: boolean }): SyncRunOutcome | null {
  if (!isFinal(run.status)) return null;
  if (run.status === 'CANCELLED') return 'CANCELLED';
  if (run.dryRun) return 'DRY_RUN';
  if (run.status === 'PARTIALLY_FAILED') return 'PARTLY_FAILED';
  return run.status === 'SUCCEEDED' ? 'SUCCEEDED' : 'FAILED';
}

/**
 * The closed set behind a run's free-text phase ("pushing invoice", "pulling (cdc)", "importing
 * customers"): clients branch on the stage and show the phase.
 */
import { SyncStageEnum } from './sync.type.js';

const BY_FIRST_WORD: Readonly<Record<string, SyncStageEnum>> = {
  queued: SyncStageEnum.QUEUED,
  preparing: SyncStageEnum.PREPARING,
  pushing: SyncStageEnum.PUSHING,
  pulling: SyncStageEnum.PULLING,
  pulled: SyncStageEnum.PULLING,
  importing: SyncStageEnum.IMPORTING_CUSTOMERS,
  done: SyncStageEnum.DONE,
  failed: SyncStageEnum.FAILED,
  cancelled: SyncStageEnum.CANCELLED,
};

export function syncStageOf(phase: string, status: string): SyncStageEnum {
  const stage = BY_FIRST_WORD[phase.trim().split(/\s+/)[0]?.toLowerCase() ?? ''];
  if (stage) return stage;
  // A phase this table does not know yet: the status still tells queued, running or finished.
  if (status === 'QUEUED') return SyncStageEnum.QUEUED;
  if (status === 'RUNNING') return SyncStageEnum.PUSHING;
  if (status === 'CANCELLED') return SyncStageEnum.CANCELLED;
  return status === 'FAILED' ? SyncStageEnum.FAILED : SyncStageEnum.DONE;
}

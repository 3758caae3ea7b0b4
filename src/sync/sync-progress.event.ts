/**
 * The live progress of a sync run as subscribers receive it (the `syncProgress` subscription). Its own
 * file, importing no service, so the pubsub's topic map (src/events/pubsub.ts) can name it without
 * importing the sync slice.
 */
import { type SyncRunStatus } from './sync-run.rules.js';

export interface SyncProgressEvent {
  tenantId: string;
  runId: string;
  status: SyncRunStatus;
  phase: string;
  total: number;
  processed: number;
  succeeded: number;
  failed: number;
  skipped: number;
  blocked: number;
  currentRecord: string | null;
  /** Records per minute since the run started. */
  ratePerMinute: number;
  etaSeconds: number | null;
  final: boolean;
  at: Date;
}

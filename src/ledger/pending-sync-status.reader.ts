/**
 * The sync status the ledger shows until the sync slice plugs in its own reader: PENDING while a
 * version waits to be pushed, NOT_SYNCED otherwise, with no QBO id or issue (nothing has been pushed).
 */
import { type LedgerKind, type RecordSyncStatus, type SyncStatusReader } from './ledger-record.types.js';
import { type LedgerService } from './ledger.service.js';

export function notSynced(pending: boolean): RecordSyncStatus {
  return { state: pending ? 'PENDING' : 'NOT_SYNCED', quickBooksId: null, syncedVersion: null, lastSyncedAt: null, issueId: null, issueCode: null, issueMessage: null };
}

export class PendingFlagSyncStatusReader implements SyncStatusReader {
  constructor(private readonly ledger: LedgerService) {}

  async statusOf(tenantId: string, kind: LedgerKind, recordIds: readonly string[]): Promise<Map<string, RecordSyncStatus>> {
    const flags = await this.ledger.pendingFlags(tenantId, kind, recordIds);
    return new Map([...flags].map(([id, pending]) => [id, notSynced(pending)]));
  }
}

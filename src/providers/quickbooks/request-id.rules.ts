/**
 * Deterministic QBO `requestid`s. The same logical write (tenant, record, version, operation,
 * generation) always gets the same id, so a retry after a crash or a lost response is answered by
 * QBO's replay of the first response instead of a second record (facts §1.5). The generation changes
 * only after the QBO object was deleted remotely, so a deliberate re-create is not mistaken for a replay.
 */
import { createHash } from 'node:crypto';

export type WriteOperation = 'create' | 'update' | 'void' | 'delete' | 'rounding';

export interface RequestIdParts {
  tenantId: string;
  /** e.g. "invoice:<recordId>:main" or "item:LABOUR:<accountId>" */
  subject: string;
  version: number;
  operation: WriteOperation;
  generation: number;
  /** Updates only: the SyncToken the update starts from, so a retry after a 5010 is a new request. */
  baseSyncToken?: string;
}

/** 36 characters (the batch limit, facts §1.5), so the same id is valid for single and batch calls. */
export function requestIdFor(parts: RequestIdParts): string {
  const material = [parts.tenantId, parts.subject, parts.version, parts.operation, parts.generation, parts.baseSyncToken ?? ''].join('|');
  return `fb${createHash('sha256').update(material).digest('base64url').slice(0, 34)}`;
}

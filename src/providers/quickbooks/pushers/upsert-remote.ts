/**
 * The one way a pusher creates or updates a QBO object: through the outbox (exactly once, under a
 * deterministic requestid), with the mapping written after each write. 5010 (stale SyncToken) re-reads
 * and re-applies; 610 (not found) is diagnosed before it is reported.
 */
import { type LedgerRecord } from '../../../ledger/ledger-record.types.js';
import { type MappingPart, type SyncMapping } from '../../../persistence/sync/sync-mapping.repository.js';
import { type PushContext } from '../../../sync/push/push.context.js';
import { type QboPayload } from '../../../sync/push.types.js';
import { QUICKBOOKS_NOUNS } from '../../../sync/record-terms.rules.js';
import { inactiveReferenceProblem, linkedDeletedProblem, remoteDeletedProblem, remoteVoidedProblem } from '../../../sync/remote-change.problems.js';
import { problemOf, SyncProblem } from '../../../sync/sync.errors.js';
import { diagnoseNotFound } from '../not-found.diagnosis.js';
import { type QboEntity, type QboRecord } from '../qbo.client.js';
import { QboError } from '../qbo.errors.js';

export interface UpsertOptions {
  /** Creates with a natural key: finds the object an earlier attempt created (and allows batching). */
  findExisting?: () => Promise<QboRecord | undefined>;
  /** The caller's fresh read of the mapping (serves the first attempt). */
  mapping?: SyncMapping | null;
  /** The outbox's listed open creates of the subject, as the caller read them. */
  listed?: string[];
}

/**
 * Creates the QBO object of (record, part) or brings it to the record's version with a sparse
 * update; 5010 re-reads the SyncToken and retries; an object deleted in QBO is created again under
 * a new generation.
 */
export async function upsertRemote(ctx: PushContext, record: LedgerRecord, part: MappingPart, entity: QboEntity, body: QboPayload, options: UpsertOptions = {}): Promise<QboRecord> {
  const { session } = ctx;
  const { outbox } = ctx.services;
  const client = session.client!;
  const subject = `${record.kind}:${record.id}:${part}`;
  for (let attempt = 0; attempt < 4; attempt++) {
    // The caller's fresh read serves the first attempt; a retry reads what the previous one stored.
    const mapping = attempt === 0 && options.mapping !== undefined ? options.mapping : await ctx.mapping(record.kind, record.id, part);
    const generation = mapping?.generation ?? 0;
    if (!mapping?.qboId) {
      // Creates with a natural key may share a QBO batch call with the run's other creates.
      const written = await outbox
        .write(client, { tenantId: session.tenantId, subject, operation: 'create', entity, version: record.version, generation, body, findExisting: options.findExisting, batchable: !!options.findExisting, listed: attempt === 0 ? options.listed : undefined })
        .catch(async (error: unknown) => {
          // A create cannot target a deleted object: its 610 is a reference made inactive (or a deleted invoice it links to).
          throw error instanceof QboError && error.kind === 'NOT_FOUND' ? await explainNotFound(ctx, record, part, entity, undefined, body, error) : error;
        });
      await ctx.saveMapping(record, part, entity, { qboId: written.record.Id, syncToken: written.record.SyncToken, syncedVersion: written.adopted ? null : record.version, lastSyncedAt: new Date() });
      // Settles this create and any earlier one of the subject: they all are this object.
      await outbox.settleCreates(session.tenantId, subject, written.record, written.onlyOpenCreate);
      if (!written.adopted) return written.record;
      continue; // an earlier attempt's object: bring it to this version with an update
    }
    // Deleted or voided in QuickBooks (seen by the pull, or by an earlier 610): never written over silently.
    if (mapping.remoteStatus === 'DELETED') throw remoteDeletedProblem(record, entity, mapping.qboId);
    if (mapping.remoteStatus === 'VOIDED' && record.status === 'ACTIVE') throw remoteVoidedProblem(record, entity, mapping.qboId);
    const update = { ...body, Id: mapping.qboId, SyncToken: mapping.syncToken ?? '0' };
    try {
      const written = await outbox.write(client, { tenantId: session.tenantId, subject, operation: 'update', entity, version: record.version, generation, baseSyncToken: mapping.syncToken ?? '0', body: update });
      await ctx.saveMapping(record, part, entity, { syncToken: written.record.SyncToken, syncedVersion: record.version, lastSyncedAt: new Date() });
      await outbox.done(session.tenantId, written.requestId, written.record);
      return written.record;
    } catch (error) {
      if (error instanceof QboError && error.kind === 'STALE_OBJECT') {
        // Someone saved it in QBO meanwhile: take the current SyncToken and re-apply our change.
        const current = await client.read<QboRecord>(entity, mapping.qboId);
        await ctx.saveMapping(record, part, entity, { syncToken: current.SyncToken });
        continue;
      }
      if (error instanceof QboError && error.kind === 'NOT_FOUND') {
        // 610 is "deleted" or "a reference made inactive": read before deciding. The mapping keeps its
        // QBO id either way, so a retry after the fix updates the same object (or the bookkeeper chooses to recreate it).
        throw await explainNotFound(ctx, record, part, entity, mapping.qboId, update, error);
      }
      throw error;
    }
  }
  throw new SyncProblem('QUICKBOOKS_UNAVAILABLE', `Someone kept changing the QuickBooks ${QUICKBOOKS_NOUNS[record.kind]} while fieldbooks was updating it.`, { fixHint: 'Retry once nobody is editing it in QuickBooks.', retryable: true });
}

/** What a 610 meant, as the problem to report; a deleted target is marked so no later push writes over it. */
async function explainNotFound(ctx: PushContext, record: LedgerRecord, part: MappingPart, entity: QboEntity, qboId: string | undefined, body: QboPayload, error: QboError): Promise<SyncProblem> {
  const fault = `${error.code ?? ''} ${error.message}: ${error.details.detail ?? ''}`.trim();
  const diagnosis = await diagnoseNotFound(ctx.session.client!, qboId ? { entity, id: qboId } : undefined, body);
  switch (diagnosis.kind) {
    case 'DELETED':
      await ctx.markRemoteDeleted(record, part);
      return remoteDeletedProblem(record, entity, diagnosis.id);
    case 'INACTIVE':
      return inactiveReferenceProblem(diagnosis, record, ctx.session.settings, fault);
    case 'LINKED_DELETED':
      return linkedDeletedProblem(record, diagnosis.entity, diagnosis.id, fault);
    case 'UNKNOWN':
      return problemOf(error);
  }
}

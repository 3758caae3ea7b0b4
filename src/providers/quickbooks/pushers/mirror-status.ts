/**
 * A voided or deleted FSM record, mirrored in QBO: each of its QBO objects is voided (invoices,
 * payments, sales receipts) or deleted (bills, purchases, credit memos, refund receipts), through the
 * outbox. Parts never pushed need nothing.
 */
import { type LedgerRecord } from '../../../ledger/ledger-record.types.js';
import { type MappingPart, type SyncMapping } from '../../../persistence/sync/sync-mapping.repository.js';
import { type PushContext } from '../../../sync/push/push.context.js';
import { type PushResult } from '../../../sync/push/push-session.types.js';
import { QUICKBOOKS_NOUNS } from '../../../sync/record-terms.rules.js';
import { SyncProblem } from '../../../sync/sync.errors.js';
import { type QboEntity, type QboRecord } from '../qbo.client.js';
import { QboError } from '../qbo.errors.js';

/** A QBO mirror of an FSM void/delete: which part, which entity, and how QBO removes it. */
export interface MirrorStep {
  part: MappingPart;
  entity: QboEntity;
  /** QBO voids invoices and payments; bills, purchases and credit memos are deleted. */
  voidable: boolean;
}

/**
 * Voids or deletes the QBO objects of a voided/deleted FSM record, in the order given (a linking
 * payment before the credit memo it applies); parts never pushed need nothing.
 */
export async function mirrorStatus(ctx: PushContext, record: LedgerRecord, steps: MirrorStep[]): Promise<PushResult> {
  const mappings = await Promise.all(steps.map((step) => ctx.mapping(record.kind, record.id, step.part)));
  if (!mappings.some((m) => m?.qboId)) return 'SKIPPED';
  for (const [index, step] of steps.entries()) {
    const mapping = mappings[index];
    if (!mapping?.qboId || mapping.remoteStatus === record.status || mapping.remoteStatus === 'DELETED') continue;
    await mirrorPart(ctx, record, step, mapping);
  }
  if (!ctx.session.dryRun) await ctx.markPushed(record);
  return 'SUCCEEDED';
}

async function mirrorPart(ctx: PushContext, record: LedgerRecord, step: MirrorStep, mapping: SyncMapping): Promise<void> {
  const { session } = ctx;
  const operation = record.status === 'VOIDED' && step.voidable ? 'void' : 'delete';
  const qboId = mapping.qboId!;
  let current = { Id: qboId, SyncToken: mapping.syncToken ?? '0' };
  if (session.dryRun) {
    ctx.dryRunPayload(record.kind, record.id, step.entity, operation, current);
    return;
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const written = await ctx.services.outbox.write(session.client!, { tenantId: session.tenantId, subject: `${record.kind}:${record.id}:${step.part}`, operation, entity: step.entity, version: record.version, generation: mapping.generation, baseSyncToken: current.SyncToken, body: current });
      await ctx.saveMapping(record, step.part, step.entity, { syncToken: written.record.SyncToken, syncedVersion: record.version, remoteStatus: operation === 'void' ? record.status : 'DELETED', lastSyncedAt: new Date() });
      await ctx.services.outbox.done(session.tenantId, written.requestId, written.record);
      return;
    } catch (error) {
      if (error instanceof QboError && error.kind === 'STALE_OBJECT') {
        const fresh = await session.client!.read<QboRecord>(step.entity, qboId);
        current = { Id: fresh.Id, SyncToken: fresh.SyncToken };
        continue;
      }
      if (error instanceof QboError && error.kind === 'NOT_FOUND') {
        await ctx.saveMapping(record, step.part, step.entity, { syncedVersion: record.version, remoteStatus: 'DELETED' });
        return;
      }
      throw error;
    }
  }
  throw new SyncProblem('QUICKBOOKS_UNAVAILABLE', `Someone kept changing the QuickBooks ${QUICKBOOKS_NOUNS[record.kind]} while fieldbooks was voiding or deleting it.`, { fixHint: 'Retry once nobody is editing it in QuickBooks.', retryable: true });
}

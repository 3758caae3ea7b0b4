/**
 * Documents QuickBooks already holds: found by number and counterparty before a first create (QBO
 * allows duplicate numbers, docs/qbo-facts/matching-and-go-live.md), linked when exactly one free one
 * fits, reported with candidates otherwise; never a duplicate.
 */
import { type CreditNoteRecord, type InvoiceRecord, type LedgerRecord, type SupplierInvoiceRecord } from '../../../ledger/ledger-record.types.js';
import { type ClaimOwner } from '../../../persistence/sync/mapping-claim.repository.js';
import { type SyncMapping } from '../../../persistence/sync/sync-mapping.repository.js';
import { candidateOf, describeRecord, entityNoun } from '../../../sync/match-label.util.js';
import { fromQboAmount } from '../../../money/money.js';
import { type PushContext } from '../../../sync/push/push.context.js';
import { type PushSession } from '../../../sync/push/push-session.types.js';
import { type QboRef } from '../../../sync/push.types.js';
import { SyncProblem } from '../../../sync/sync.errors.js';
import { compareTotals } from '../mappers/invoice.mapper.js';
import { queryLiteral } from '../mappers/customer.mapper.js';
import { type QboEntity, type QboRecord } from '../qbo.client.js';

export type NumberedEntity = 'Invoice' | 'CreditMemo' | 'Bill';

/** The rows no other record holds (in order). */
export async function freeRows(ctx: PushContext, owner: ClaimOwner, entity: QboEntity, rows: QboRecord[]): Promise<QboRecord[]> {
  const free: QboRecord[] = [];
  for (const row of rows) if (await ctx.isFree(owner, entity, row.Id)) free.push(row);
  return free;
}

/**
 * The QBO documents numbered `docNumber` of this counterparty (customer or vendor) that no other
 * record holds. QBO allows duplicate numbers (docs/qbo-facts/matching-and-go-live.md), so the number
 * alone is not enough: the counterparty must match too. `ahead`: the run's lookahead may answer (only
 * before a first create; finding what an earlier attempt created always asks QuickBooks).
 */
export async function documentsNumbered(ctx: PushContext, record: LedgerRecord, entity: NumberedEntity, docNumber: string, counterparty: QboRef, ahead = false): Promise<QboRecord[]> {
  const field = entity === 'Bill' ? 'VendorRef' : 'CustomerRef';
  const owner: ClaimOwner = { kind: record.kind, recordId: record.id, part: 'main' };
  const { session } = ctx;
  const client = session.client!;
  const numbered = (ahead ? await session.lookahead.rows(client, entity, 'DocNumber', docNumber) : undefined) ?? (await client.queryPage<QboRecord>(entity, `where DocNumber = ${queryLiteral(docNumber)} maxresults 100`));
  const rows = numbered.filter((r) => (r[field] as QboRef | undefined)?.value === counterparty.value);
  return freeRows(ctx, owner, entity, rows);
}

/**
 * Before the first create of a document: QuickBooks may already hold it (a QBO user entered it, or
 * the company was connected with its open invoices in it). The one free document with the same number
 * and counterparty and a compatible total is linked as it is (the accountant's record is not
 * overwritten); one with another total, or several, is an issue with candidates, never a duplicate.
 * Not when the outbox holds an unsettled create of ours (it resolves that itself), nor after PUSH.
 */
export async function linkedToExisting(
  ctx: PushContext,
  record: InvoiceRecord | CreditNoteRecord | SupplierInvoiceRecord,
  mapping: SyncMapping | null,
  entity: NumberedEntity,
  counterparty: QboRef,
  seen?: { listed?: string[] },
): Promise<boolean> {
  if (mapping?.forcePush) return false;
  const open = await ctx.services.outbox.unsettledCreates(ctx.session.tenantId, `${record.kind}:${record.id}:main`);
  if (seen) seen.listed = open.listed;
  if (open.unsettled) return false;
  const docNumber = record.number.slice(0, 21);
  const rows = await documentsNumbered(ctx, record, entity, docNumber, counterparty, true);
  if (rows.length === 0) return false;
  const fits = rows.filter((r) => compareTotals(record.total, fromQboAmount(r.TotalAmt)).kind !== 'mismatch');
  if (rows.length === 1 && fits.length === 1) {
    const found = rows[0]!;
    await ctx.saveMapping(record, 'main', entity, { qboId: found.Id, syncToken: found.SyncToken, syncedVersion: record.version, lastSyncedAt: new Date() });
    await ctx.markPushed(record);
    return true;
  }
  const noun = entityNoun(entity);
  const whose = String((rows[0]![entity === 'Bill' ? 'VendorRef' : 'CustomerRef'] as QboRef).name ?? counterparty.name ?? 'the same customer');
  throw new SyncProblem(
    'MATCH_AMBIGUOUS',
    `QuickBooks already has ${rows.length === 1 ? `${noun} ${docNumber}` : `${rows.length} ${noun}s numbered ${docNumber}`} for ${whose}${fits.length === 0 ? `, with a different total than the FSM's ${record.total}` : ''}; ${describeRecord(record)} was not created, to avoid a duplicate.`,
    {
      fixHint: `Link it to the QuickBooks ${noun} it is (correct the amounts on one side first if they differ), or push it as a new ${noun} if it really is another one.`,
      retryable: false,
      actions: ['LINK', 'PUSH', 'IGNORE'],
      candidates: rows.map((row) => candidateOf(entity, row)),
    },
  );
}

/** Registers the numbers of the active documents a run is about to push (one lookahead query per hundred). */
export function registerNumbers(session: PushSession, entity: NumberedEntity, records: readonly (InvoiceRecord | CreditNoteRecord | SupplierInvoiceRecord)[]): void {
  const active = records.filter((r) => r.status === 'ACTIVE');
  session.lookahead.register(entity, 'DocNumber', active.map((r) => r.number.slice(0, 21)));
}

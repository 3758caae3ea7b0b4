/**
 * QBO computes every total (facts §8). Before a write the total QBO will work out is predicted: a
 * difference above the tolerance holds the record with nothing sent, a smaller one goes in as a rounding
 * line. After the write the total QBO holds is checked again, and a cent-level difference is absorbed by
 * a rounding update through the outbox; a larger one is an issue, never accepted.
 */
import { type Decimal } from 'decimal.js';
import { type LedgerRecord } from '../../../ledger/ledger-record.types.js';
import { fromQboAmount, money } from '../../../money/money.js';
import { type PushContext } from '../../../sync/push/push.context.js';
import { type QboPayload } from '../../../sync/push.types.js';
import { formatAmount } from '../../../sync/record-terms.rules.js';
import { SyncProblem } from '../../../sync/sync.errors.js';
import { compareTotals, ROUNDING_TOLERANCE } from '../mappers/invoice.mapper.js';
import { type QboEntity, type QboRecord } from '../qbo.client.js';
import { expectedQboTotal, type TaxSide } from '../qbo-total.rules.js';
import { taxRates } from './company-tax.js';

/**
 * `before`: QBO would compute another total, nothing was sent. `after`: QBO computed another total than
 * predicted; the document is in QuickBooks but the record is held (FAILED, pending) for review.
 */
export function mismatchProblem(label: string, fsmTotal: string, qboTotal: Decimal, difference: Decimal, when: 'before' | 'after' = 'after'): SyncProblem {
  const what = when === 'before' ? `QuickBooks would work out ${formatAmount(qboTotal)} for ${label} from its lines and tax codes` : `QuickBooks works out ${formatAmount(qboTotal)} for ${label}`;
  const outcome = when === 'before' ? 'Nothing was sent to QuickBooks.' : 'It is in QuickBooks with that total and is held for review: it is not marked as synced.';
  return new SyncProblem(
    'TOTAL_MISMATCH',
    `${what}, the field-service app says ${formatAmount(fsmTotal)}: a difference of ${formatAmount(difference)}, more than the ${money(ROUNDING_TOLERANCE)} fieldbooks may round. ${outcome}`,
    { fixHint: 'Check the tax codes and whether amounts include tax on the lines, correct the record in the field-service app, then retry.', retryable: false },
  );
}

/**
 * QBO's total worked out before the write (item 5): a difference above the tolerance holds the
 * record with nothing sent; a smaller one goes in with the write as a rounding line.
 */
export async function predictTotal(ctx: PushContext, fsmTotal: string, payload: QboPayload, side: TaxSide, label: string, rounding: (difference: Decimal) => Promise<QboPayload>): Promise<QboPayload> {
  const { tax } = ctx.session;
  const predicted = expectedQboTotal(payload, { isUS: tax.isUS, side, rates: tax.isUS ? undefined : await taxRates(ctx) });
  if (!predicted) return payload;
  const check = compareTotals(fsmTotal, predicted);
  if (check.kind === 'equal') return payload;
  if (check.kind === 'mismatch') throw mismatchProblem(label, fsmTotal, predicted, check.difference, 'before');
  return { ...payload, Line: [...(payload.Line as QboPayload[]), await rounding(check.difference)] };
}

export interface TotalCheck {
  entity: QboEntity;
  /** The object as the write returned it. */
  saved: QboRecord;
  fsmTotal: string;
  /** The issue when QBO's total is off by more than the tolerance. */
  mismatch: (qboTotal: Decimal, difference: Decimal) => SyncProblem;
  /** The lines of the rounding update: the document's lines and a rounding line of `difference`. */
  linesWith: (difference: Decimal) => Promise<QboPayload[]>;
  /**
   * A replayed outbox entry carries only Id and SyncToken: read the total QBO holds. Invoices have
   * never done this read (their check counts a missing total as 0); kept as it was in the split.
   */
  readMissingTotal: boolean;
}

/**
 * QBO computes every total (facts §8). A difference within the tolerance is absorbed by a rounding
 * line (a sparse update of the lines, through the outbox); a larger one is an issue, never accepted.
 */
export async function reconcileTotal(ctx: PushContext, record: LedgerRecord, check: TotalCheck): Promise<void> {
  const { session } = ctx;
  const { entity, saved, fsmTotal } = check;
  const current = check.readMissingTotal && saved.TotalAmt === undefined ? await session.client!.read<QboRecord>(entity, saved.Id) : saved;
  const qboTotal = fromQboAmount(current.TotalAmt);
  const first = compareTotals(fsmTotal, qboTotal);
  if (first.kind === 'equal') return;
  if (first.kind === 'mismatch') throw check.mismatch(qboTotal, first.difference);
  const mapping = (await ctx.mapping(record.kind, record.id))!;
  const body = { Id: current.Id, SyncToken: mapping.syncToken ?? current.SyncToken, Line: await check.linesWith(first.difference) };
  const written = await ctx.services.outbox.write(session.client!, { tenantId: session.tenantId, subject: `${record.kind}:${record.id}:main`, operation: 'rounding', entity, version: record.version, generation: mapping.generation, baseSyncToken: String(body.SyncToken), body });
  await ctx.saveMapping(record, 'main', entity, { syncToken: written.record.SyncToken });
  await ctx.services.outbox.done(session.tenantId, written.requestId, written.record);
  const after = fromQboAmount(written.record.TotalAmt);
  const recheck = compareTotals(fsmTotal, after);
  if (recheck.kind !== 'equal') throw check.mismatch(after, recheck.difference);
}

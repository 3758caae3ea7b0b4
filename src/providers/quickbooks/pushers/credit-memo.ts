/**
 * What credit notes and bad-debt write-offs share: both are QBO CreditMemos applied to their invoice
 * with a zero-total Payment (part "link"), rounded on the rounding item, and removed link first.
 */
import { type Decimal } from 'decimal.js';
import { type BadDebtWriteOffRecord, type CreditNoteRecord } from '../../../ledger/ledger-record.types.js';
import { money } from '../../../money/money.js';
import { type PushContext } from '../../../sync/push/push.context.js';
import { type PushResult } from '../../../sync/push/push-session.types.js';
import { type QboPayload, type QboRef } from '../../../sync/push.types.js';
import { mapCreditApplication } from '../mappers/credit.mapper.js';
import { roundingItem, salesLine } from '../mappers/invoice.mapper.js';
import { item } from './list-refs.js';
import { mirrorStatus } from './mirror-status.js';
import { upsertRemote } from './upsert-remote.js';

type CreditRecord = CreditNoteRecord | BadDebtWriteOffRecord;

/** Voided or deleted: the linking payment goes first, or QBO would keep a payment pointing at a deleted memo. */
export function mirrorCredit(ctx: PushContext, record: CreditRecord): Promise<PushResult> {
  return mirrorStatus(ctx, record, [
    { part: 'link', entity: 'Payment', voidable: false },
    { part: 'main', entity: 'CreditMemo', voidable: false },
  ]);
}

/** The credit memo's lines with a rounding line on the rounding item (for reconcileTotal). */
export async function creditRounding(ctx: PushContext, lines: QboPayload[], difference: Decimal, taxInclusive: boolean): Promise<QboPayload[]> {
  const { session } = ctx;
  const lookups = { settings: session.settings };
  const rounding = await item(ctx, roundingItem(lookups));
  return [...lines, salesLine({ description: `Rounding (${money(difference)})`, amount: difference, item: rounding, taxCode: session.tax.exemptCode ?? undefined, taxInclusive, tax: session.tax })];
}

/** Applies the credit memo of `record` to its invoice with a zero-total Payment (part "link"). */
export async function applyCredit(ctx: PushContext, record: CreditRecord, customer: QboRef, invoice: QboRef, amount: string): Promise<void> {
  const memo = (await ctx.mapping(record.kind, record.id))!;
  const payload = mapCreditApplication({ customer, invoiceId: invoice.value, creditMemoId: memo.qboId!, amount, date: record.date, note: `fieldbooks ${record.kind === 'creditNote' ? 'credit note' : 'bad-debt write-off'} ${record.externalId} applied` });
  await upsertRemote(ctx, record, 'link', 'Payment', payload);
}

/** Dry runs: the application a real push would create (the memo's Id is not known yet). */
export function dryRunApplication(ctx: PushContext, record: CreditRecord, memoId: string | null | undefined, customer: QboRef, invoice: QboRef, amount: string, operation: string): void {
  ctx.dryRunPayload(record.kind, record.id, 'Payment', operation, mapCreditApplication({ customer, invoiceId: invoice.value, creditMemoId: memoId ?? 'NEW', amount, date: record.date, note: 'applied' }));
}

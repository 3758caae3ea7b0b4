/**
 * FSM credit notes → a QBO CreditMemo, applied to its invoice (when it names one) with a zero-total
 * Payment. One QuickBooks already holds (same number, customer and total) is linked; the total is
 * predicted before the write and checked after it.
 */
import { type CreditNoteRecord } from '../../../ledger/ledger-record.types.js';
import { type SyncMapping } from '../../../persistence/sync/sync-mapping.repository.js';
import { type PushContext } from '../../../sync/push/push.context.js';
import { type PushResult } from '../../../sync/push/push-session.types.js';
import { type RecordPusher } from '../../../sync/push/record-pusher.registry.js';
import { type ItemKey, itemKeyString, type QboPayload } from '../../../sync/push.types.js';
import { creditNoteItem, mapCreditMemo } from '../mappers/credit.mapper.js';
import { usSalesTax } from './company-tax.js';
import { applyCredit, creditRounding, dryRunApplication, mirrorCredit } from './credit-memo.js';
import { documentsNumbered, linkedToExisting, registerNumbers } from './documents.js';
import { ensureItems } from './list-refs.js';
import { isSynced, toQboRef } from './remote-ref.util.js';
import { mismatchProblem, predictTotal, reconcileTotal } from './totals.js';
import { upsertRemote } from './upsert-remote.js';

async function push(ctx: PushContext, record: CreditNoteRecord, mapping: SyncMapping | null): Promise<PushResult> {
  const { session } = ctx;
  if (ctx.beforeStartDate(record.date)) return 'SKIPPED';
  if (record.status !== 'ACTIVE') return mirrorCredit(ctx, record);
  if (isSynced(mapping, record)) return 'SUCCEEDED';
  ctx.holdUnusableSettings(record, [session.settings.creditNoteAccountId, session.settings.defaultRoundingAccountId]);
  const customer = toQboRef(await ctx.dependency('customer', record.customerId, 'Customer'));
  const invoice = record.invoiceId ? toQboRef(await ctx.dependency('invoice', record.invoiceId, 'Invoice')) : undefined;
  const items = await ensureItems(ctx, [creditNoteItem(session.settings)], new Map());
  const salesTax = await usSalesTax(ctx, customer, record.totalTax, `credit note ${record.number}`);
  const lookups = { settings: session.settings, tax: session.tax, customer, usSalesTax: salesTax, item: (key: ItemKey) => items.get(itemKeyString(key))! };
  const payload = mapCreditMemo(record, lookups);
  if (session.dryRun) {
    ctx.dryRunPayload('creditNote', record.id, 'CreditMemo', mapping?.qboId ? 'update' : 'create', payload);
    if (invoice) dryRunApplication(ctx, record, mapping?.qboId, customer, invoice, record.total, 'create (applies the credit memo to the invoice)');
    return 'SUCCEEDED';
  }
  if (!mapping?.qboId && (await linkedToExisting(ctx, record, mapping, 'CreditMemo', customer))) {
    if (invoice) await applyCredit(ctx, record, customer, invoice, record.total);
    await ctx.markPushed(record);
    return 'SUCCEEDED';
  }
  const label = `credit note ${record.number}`;
  const checked = await predictTotal(ctx, record.total, payload, 'sales', label, async (difference) => (await creditRounding(ctx, [], difference, record.taxInclusive))[0]!);
  const saved = await upsertRemote(ctx, record, 'main', 'CreditMemo', checked, {
    findExisting: async () => (await documentsNumbered(ctx, record, 'CreditMemo', String(payload.DocNumber), customer))[0],
  });
  await reconcileTotal(ctx, record, {
    entity: 'CreditMemo',
    saved,
    fsmTotal: record.total,
    mismatch: (qboTotal, difference) => mismatchProblem(label, record.total, qboTotal, difference),
    linesWith: (difference) => creditRounding(ctx, payload.Line as QboPayload[], difference, record.taxInclusive),
    readMissingTotal: true,
  });
  if (invoice) await applyCredit(ctx, record, customer, invoice, record.total);
  await ctx.markPushed(record);
  return 'SUCCEEDED';
}

export const creditNotePusher: RecordPusher<'creditNote'> = {
  kind: 'creditNote',
  entity: 'CreditMemo',
  counterparty: false,
  push,
  prepare: (session, records) => registerNumbers(session, 'CreditMemo', records),
  linkCounterparty: (record) => ({ kind: 'customer', id: record.customerId, field: 'CustomerRef' }),
};

/**
 * FSM bad-debt write-offs → a QBO CreditMemo on the bad-debt item (split by the invoice's tax codes
 * outside the US), applied to the invoice written off with a zero-total Payment.
 */
import { type BadDebtWriteOffRecord } from '../../../ledger/ledger-record.types.js';
import { type SyncMapping } from '../../../persistence/sync/sync-mapping.repository.js';
import { type PushContext } from '../../../sync/push/push.context.js';
import { type PushResult } from '../../../sync/push/push-session.types.js';
import { type RecordPusher } from '../../../sync/push/record-pusher.registry.js';
import { itemKeyString, type QboPayload } from '../../../sync/push.types.js';
import { recordPhrase } from '../../../sync/record-terms.rules.js';
import { badDebtItem, mapBadDebtMemo } from '../mappers/credit.mapper.js';
import { withSalesRates } from './company-tax.js';
import { applyCredit, creditRounding, dryRunApplication, mirrorCredit } from './credit-memo.js';
import { ensureItems } from './list-refs.js';
import { isSynced, toQboRef } from './remote-ref.util.js';
import { mismatchProblem, reconcileTotal } from './totals.js';
import { upsertRemote } from './upsert-remote.js';

async function push(ctx: PushContext, record: BadDebtWriteOffRecord, mapping: SyncMapping | null): Promise<PushResult> {
  const { session } = ctx;
  if (ctx.beforeStartDate(record.date)) return 'SKIPPED';
  if (record.status !== 'ACTIVE') return mirrorCredit(ctx, record);
  if (isSynced(mapping, record)) return 'SUCCEEDED';
  ctx.holdUnusableSettings(record, [session.settings.badDebtAccountId, session.settings.defaultRoundingAccountId]);
  const customer = toQboRef(await ctx.dependency('customer', record.customerId, 'Customer'));
  const invoice = toQboRef(await ctx.dependency('invoice', record.invoiceId, 'Invoice'));
  const invoiceRecord = await ctx.ledger.get(session.tenantId, 'invoice', record.invoiceId);
  const items = await ensureItems(ctx, [badDebtItem(session.settings)], new Map());
  const tax = session.tax.isUS ? session.tax : await withSalesRates(ctx);
  const payload = mapBadDebtMemo(record, { settings: session.settings, tax, customer, item: (key) => items.get(itemKeyString(key))!, invoice: invoiceRecord ?? undefined });
  if (session.dryRun) {
    ctx.dryRunPayload('badDebtWriteOff', record.id, 'CreditMemo', mapping?.qboId ? 'update' : 'create', payload);
    dryRunApplication(ctx, record, mapping?.qboId, customer, invoice, record.amount, 'create (applies the write-off to the invoice)');
    return 'SUCCEEDED';
  }
  const saved = await upsertRemote(ctx, record, 'main', 'CreditMemo', payload);
  const label = recordPhrase(record);
  await reconcileTotal(ctx, record, {
    entity: 'CreditMemo',
    saved,
    fsmTotal: record.amount,
    mismatch: (qboTotal, difference) => mismatchProblem(label, record.amount, qboTotal, difference),
    linesWith: (difference) => creditRounding(ctx, payload.Line as QboPayload[], difference, false),
    readMissingTotal: true,
  });
  await applyCredit(ctx, record, customer, invoice, record.amount);
  await ctx.markPushed(record);
  return 'SUCCEEDED';
}

export const badDebtWriteOffPusher: RecordPusher<'badDebtWriteOff'> = { kind: 'badDebtWriteOff', entity: 'CreditMemo', counterparty: false, push };

/**
 * FSM expenses → QBO Purchases (deleted when voided: the facade voids only invoices, payments and sales
 * receipts). No natural key (an expense reference is optional and not unique): the requestid alone
 * makes the create exactly once.
 */
import { type ExpenseRecord } from '../../../ledger/ledger-record.types.js';
import { type SyncMapping } from '../../../persistence/sync/sync-mapping.repository.js';
import { type PushContext } from '../../../sync/push/push.context.js';
import { type PushResult } from '../../../sync/push/push-session.types.js';
import { type RecordPusher } from '../../../sync/push/record-pusher.registry.js';
import { type QboPayload } from '../../../sync/push.types.js';
import { recordPhrase } from '../../../sync/record-terms.rules.js';
import { mapPurchase, paidFromAccount, purchaseRoundingLine } from '../mappers/purchase.mapper.js';
import { mirrorStatus } from './mirror-status.js';
import { purchaseLookups } from './purchase-lookups.js';
import { isSynced } from './remote-ref.util.js';
import { mismatchProblem, reconcileTotal } from './totals.js';
import { upsertRemote } from './upsert-remote.js';

async function push(ctx: PushContext, record: ExpenseRecord, mapping: SyncMapping | null): Promise<PushResult> {
  const { session } = ctx;
  if (ctx.beforeStartDate(record.date)) return 'SKIPPED';
  if (record.status !== 'ACTIVE') return mirrorStatus(ctx, record, [{ part: 'main', entity: 'Purchase', voidable: false }]);
  if (isSynced(mapping, record)) return 'SUCCEEDED';
  const lookups = await purchaseLookups(ctx, record.supplierId, record.lines);
  const paidFrom = paidFromAccount(record, session.settings);
  const account = await ctx.services.chart.getAccount(session.tenantId, paidFrom);
  const payload = mapPurchase(record, { ...lookups, paidFrom: { id: paidFrom, accountType: account?.accountType } });
  if (session.dryRun) {
    ctx.dryRunPayload('expense', record.id, 'Purchase', mapping?.qboId ? 'update' : 'create', payload);
    return 'SUCCEEDED';
  }
  const saved = await upsertRemote(ctx, record, 'main', 'Purchase', payload);
  const label = recordPhrase(record);
  await reconcileTotal(ctx, record, {
    entity: 'Purchase',
    saved,
    fsmTotal: record.total,
    mismatch: (qboTotal, difference) => mismatchProblem(label, record.total, qboTotal, difference),
    // A sparse Purchase update must repeat PaymentType and AccountRef (facts §3.2).
    linesWith: (difference) => Promise.resolve([...(payload.Line as QboPayload[]), purchaseRoundingLine(difference, lookups)]),
    readMissingTotal: true,
  });
  await ctx.markPushed(record);
  return 'SUCCEEDED';
}

export const expensePusher: RecordPusher<'expense'> = { kind: 'expense', entity: 'Purchase', counterparty: false, push };

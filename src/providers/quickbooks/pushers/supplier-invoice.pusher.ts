/**
 * FSM supplier invoices → QBO Bills (deleted when voided: QBO cannot void a bill). QBO bills have no
 * approval state, so "awaiting approval" is a notice in the run log. One QuickBooks already holds (same
 * number and vendor: supplier invoice numbers are unique per supplier) is linked.
 */
import { type SupplierInvoiceRecord } from '../../../ledger/ledger-record.types.js';
import { type SyncMapping } from '../../../persistence/sync/sync-mapping.repository.js';
import { type PushContext } from '../../../sync/push/push.context.js';
import { type PushResult } from '../../../sync/push/push-session.types.js';
import { type RecordPusher } from '../../../sync/push/record-pusher.registry.js';
import { type QboPayload } from '../../../sync/push.types.js';
import { mapBill, purchaseRoundingLine } from '../mappers/purchase.mapper.js';
import { documentsNumbered, linkedToExisting, registerNumbers } from './documents.js';
import { mirrorStatus } from './mirror-status.js';
import { purchaseLookups } from './purchase-lookups.js';
import { isSynced } from './remote-ref.util.js';
import { mismatchProblem, predictTotal, reconcileTotal } from './totals.js';
import { upsertRemote } from './upsert-remote.js';

export const AWAITING_APPROVAL_NOTICE =
  'pushSupplierInvoicesAsAwaitingApproval is on, but QuickBooks Online bills have no approval state: supplier invoices were pushed as ordinary (open) bills.';

async function push(ctx: PushContext, record: SupplierInvoiceRecord, mapping: SyncMapping | null): Promise<PushResult> {
  const { session } = ctx;
  if (ctx.beforeStartDate(record.date)) return 'SKIPPED';
  if (record.status !== 'ACTIVE') return mirrorStatus(ctx, record, [{ part: 'main', entity: 'Bill', voidable: false }]);
  if (session.supplierInvoicesAwaitingApproval) session.notices.add(AWAITING_APPROVAL_NOTICE);
  if (isSynced(mapping, record)) return 'SUCCEEDED';
  const lookups = await purchaseLookups(ctx, record.supplierId, record.lines);
  const payload = mapBill(record, lookups);
  if (session.dryRun) {
    ctx.dryRunPayload('supplierInvoice', record.id, 'Bill', mapping?.qboId ? 'update' : 'create', payload);
    return 'SUCCEEDED';
  }
  // Supplier invoice numbers are unique per supplier, not per company.
  const vendor = lookups.vendor!;
  if (!mapping?.qboId && (await linkedToExisting(ctx, record, mapping, 'Bill', vendor))) return 'SUCCEEDED';
  const label = `supplier invoice ${record.number}`;
  const checked = await predictTotal(ctx, record.total, payload, 'purchase', label, (difference) => Promise.resolve(purchaseRoundingLine(difference, lookups)));
  const saved = await upsertRemote(ctx, record, 'main', 'Bill', checked, {
    findExisting: async () => (await documentsNumbered(ctx, record, 'Bill', String(payload.DocNumber), vendor))[0],
  });
  await reconcileTotal(ctx, record, {
    entity: 'Bill',
    saved,
    fsmTotal: record.total,
    mismatch: (qboTotal, difference) => mismatchProblem(label, record.total, qboTotal, difference),
    linesWith: (difference) => Promise.resolve([...(payload.Line as QboPayload[]), purchaseRoundingLine(difference, lookups)]),
    readMissingTotal: true,
  });
  await ctx.markPushed(record);
  return 'SUCCEEDED';
}

export const supplierInvoicePusher: RecordPusher<'supplierInvoice'> = {
  kind: 'supplierInvoice',
  entity: 'Bill',
  counterparty: false,
  push,
  prepare: (session, records) => registerNumbers(session, 'Bill', records),
  linkCounterparty: (record) => (record.supplierId ? { kind: 'supplier', id: record.supplierId, field: 'VendorRef' } : undefined),
};

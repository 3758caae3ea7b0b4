/**
 * Go-live: an invoice dated before the accounting start date that a later payment, credit note or
 * write-off draws on. It is not pushed, but the business usually has it in QuickBooks already (open
 * invoices at go-live).
 */
import { type InvoiceRecord } from '../../../ledger/ledger-record.types.js';
import { type ClaimOwner } from '../../../persistence/sync/mapping-claim.repository.js';
import { type SyncMapping } from '../../../persistence/sync/sync-mapping.repository.js';
import { candidateOf, humanDate } from '../../../sync/match-label.util.js';
import { fromQboAmount } from '../../../money/money.js';
import { type PushContext, type RemoteRef } from '../../../sync/push/push.context.js';
import { type QboRef } from '../../../sync/push.types.js';
import { SyncProblem } from '../../../sync/sync.errors.js';
import { queryLiteral } from '../mappers/customer.mapper.js';
import { compareTotals } from '../mappers/invoice.mapper.js';
import { type QboRecord } from '../qbo.client.js';
import { documentsNumbered, freeRows } from './documents.js';
import { toQboRef } from './remote-ref.util.js';

/**
 * Linked once to the free QBO invoice with its number, customer and total; otherwise an issue on the
 * dependant with the customer's open QBO invoices as candidates, PUSH (as an opening item) and IGNORE.
 */
export async function openingInvoice(ctx: PushContext, invoice: InvoiceRecord, mapping: SyncMapping | null): Promise<RemoteRef> {
  const { session } = ctx;
  if (mapping?.qboId) return { id: mapping.qboId };
  if (session.dryRun) return { id: 'OPENING', name: `Invoice ${invoice.number} (dated before the accounting start date: matched in QuickBooks when pushed)` };
  const customer = toQboRef(await ctx.dependency('customer', invoice.customerId, 'Customer'));
  const numbered = await documentsNumbered(ctx, invoice, 'Invoice', invoice.number.slice(0, 21), customer);
  const fits = numbered.filter((r) => compareTotals(invoice.total, fromQboAmount(r.TotalAmt)).kind !== 'mismatch');
  if (fits.length === 1) {
    const found = fits[0]!;
    await ctx.saveMapping(invoice, 'main', 'Invoice', { qboId: found.Id, syncToken: found.SyncToken, syncedVersion: invoice.version, lastSyncedAt: new Date(), state: 'SYNCED', issueCode: null, issueMessage: null });
    await ctx.ledger.markPushed(session.tenantId, 'invoice', invoice.id, invoice.version);
    return { id: found.Id };
  }
  const candidates = numbered.length > 0 ? numbered : await openInvoicesOf(ctx, invoice, customer);
  const customerName = customer.name ?? (await ctx.ledger.get(session.tenantId, 'customer', invoice.customerId))?.displayName ?? 'the customer';
  throw new SyncProblem(
    'OPENING_INVOICE_MISSING',
    `Invoice ${invoice.number} (${customerName}, ${humanDate(invoice.date)}, ${invoice.total}) is dated before the accounting start date ${humanDate(session.settings.accountingStartDate)}, so it is not pushed, and QuickBooks has ${numbered.length > 0 ? `no invoice ${invoice.number} for ${customerName} with that total` : `no invoice ${invoice.number} for ${customerName}`}; this record is applied to it, so it waits.`,
    {
      fixHint: `Link invoice ${invoice.number} to the invoice QuickBooks holds for it, or push it to QuickBooks as an opening item, or move the accounting start date back.`,
      retryable: true,
      actions: candidates.length > 0 ? ['LINK', 'PUSH', 'IGNORE'] : ['PUSH', 'IGNORE'],
      candidates: candidates.map((row) => candidateOf('Invoice', row)),
      blockedBy: { kind: 'invoice', recordId: invoice.id, issueCode: 'OPENING_INVOICE_MISSING' },
    },
  );
}

/** The customer's open QBO invoices no other record holds (LINK candidates at go-live). */
async function openInvoicesOf(ctx: PushContext, invoice: InvoiceRecord, customer: QboRef): Promise<QboRecord[]> {
  const owner: ClaimOwner = { kind: 'invoice', recordId: invoice.id, part: 'main' };
  const rows = await ctx.session.client!.queryPage<QboRecord>('Invoice', `where CustomerRef = ${queryLiteral(customer.value)} and Balance > '0' orderby TxnDate desc maxresults 20`);
  return freeRows(ctx, owner, 'Invoice', rows);
}

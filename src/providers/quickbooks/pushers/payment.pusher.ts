/**
 * FSM payments → a QBO Payment applied to the invoices it pays, plus a SalesReceipt for a card
 * surcharge and, per refund, a RefundReceipt and the clearing invoice the payment applies. Voided or
 * deleted: the payment first (it applies the clearing invoices), then what hangs on it.
 */
import { type InvoiceRecord, type PaymentRecord } from '../../../ledger/ledger-record.types.js';
import { type SyncMapping } from '../../../persistence/sync/sync-mapping.repository.js';
import { type PushContext } from '../../../sync/push/push.context.js';
import { type PushResult } from '../../../sync/push/push-session.types.js';
import { type RecordPusher } from '../../../sync/push/record-pusher.registry.js';
import { itemKeyString, type QboRef } from '../../../sync/push.types.js';
import { recordPhrase } from '../../../sync/record-terms.rules.js';
import { SyncProblem } from '../../../sync/sync.errors.js';
import { creditRefundItem, hasSurcharge, mapPayment, mapRefundClearingInvoice, mapRefundReceipt, mapSurchargeReceipt, type PaymentLookups, surchargeItem } from '../mappers/payment.mapper.js';
import { allocatedTaxShares, type TaxShare } from '../mappers/tax-split.mapper.js';
import { withSalesRates } from './company-tax.js';
import { transactionCurrency } from './company-currency.js';
import { ensureItems } from './list-refs.js';
import { mirrorStatus, type MirrorStep } from './mirror-status.js';
import { isSynced, toQboRef } from './remote-ref.util.js';
import { upsertRemote } from './upsert-remote.js';

function mirror(ctx: PushContext, record: PaymentRecord): Promise<PushResult> {
  // The payment first (it applies the refunds' clearing invoices), then what hangs on it.
  const refundSteps = (record.refunds ?? []).flatMap((r): MirrorStep[] => [
    { part: `refund-clearing:${r.refundId}`, entity: 'Invoice', voidable: true },
    { part: `refund:${r.refundId}`, entity: 'RefundReceipt', voidable: false },
  ]);
  return mirrorStatus(ctx, record, [{ part: 'surcharge', entity: 'SalesReceipt', voidable: true }, { part: 'main', entity: 'Payment', voidable: true }, ...refundSteps]);
}

/** Outside the US a surcharge follows the tax codes of the invoices paid, unless the method names one. */
async function surchargeTaxShares(ctx: PushContext, record: PaymentRecord): Promise<TaxShare[]> {
  const paid: { amount: string; invoice: InvoiceRecord }[] = [];
  for (const allocation of record.allocations) {
    const invoice = await ctx.ledger.get(ctx.session.tenantId, 'invoice', allocation.invoiceId);
    if (invoice) paid.push({ amount: allocation.amount, invoice });
  }
  return allocatedTaxShares(paid, await withSalesRates(ctx));
}

async function push(ctx: PushContext, record: PaymentRecord, mapping: SyncMapping | null): Promise<PushResult> {
  const { session } = ctx;
  if (ctx.beforeStartDate(record.date)) return 'SKIPPED';
  if (record.status !== 'ACTIVE') return mirror(ctx, record);
  if (isSynced(mapping, record)) return 'SUCCEEDED';
  const currency = await transactionCurrency(ctx, record.customerId, record.currency, `The payment ${record.reference ?? record.externalId}`);
  const method = await ctx.services.lists.findById('paymentMethods', session.tenantId, record.paymentMethodId);
  if (method) ctx.holdUnusableSettings(record, [method.isCard ? session.settings.creditCardPaymentsAccountId : session.settings.paymentsAccountId, hasSurcharge(record) ? method.surchargeIncomeAccountId : null, (record.refunds?.length ?? 0) > 0 ? session.settings.creditNoteAccountId : null]);
  const customer = toQboRef(await ctx.dependency('customer', record.customerId, 'Customer'));
  const invoices = new Map<string, string>();
  for (const allocation of record.allocations) invoices.set(allocation.invoiceId, (await ctx.dependency('invoice', allocation.invoiceId, 'Invoice')).id);
  if (!method) {
    throw new SyncProblem('REFERENCE_NOT_FOUND', `The payment method of ${recordPhrase(record)} is not known to fieldbooks.`, { fixHint: 'Check the payment method in the field-service app (it must be one of its payment methods), then retry.', retryable: false });
  }
  const qboMethods = await ctx.services.chart.listReferences(session.tenantId, 'PaymentMethod');
  const qboMethod = qboMethods.find((m) => m.name.toLowerCase() === method.name.toLowerCase());
  const info = { name: method.name, isCard: method.isCard, surchargeIncomeAccountId: method.surchargeIncomeAccountId, surchargeTaxCode: method.surchargeTaxCode ?? null };
  const supplyTaxShares = hasSurcharge(record) && !session.tax.isUS && !info.surchargeTaxCode ? await surchargeTaxShares(ctx, record) : undefined;
  const refunds = record.refunds ?? [];
  const itemKeys = [...(hasSurcharge(record) ? [surchargeItem(info)] : []), ...(refunds.length > 0 ? [creditRefundItem(session.settings)] : [])];
  const items = itemKeys.length > 0 ? await ensureItems(ctx, itemKeys, new Map()) : new Map<string, QboRef>();
  const lookups: PaymentLookups = {
    settings: session.settings,
    tax: session.tax,
    customer,
    method: info,
    invoices,
    qboPaymentMethod: qboMethod ? { value: qboMethod.qboId, name: qboMethod.name } : undefined,
    item: (key) => items.get(itemKeyString(key))!,
    supplyTaxShares,
    currency,
  };
  const receipt = hasSurcharge(record) ? mapSurchargeReceipt(record, lookups) : undefined;
  if (session.dryRun) {
    for (const refund of refunds) {
      ctx.dryRunPayload('payment', record.id, 'RefundReceipt', 'create', mapRefundReceipt(record, refund, lookups));
      ctx.dryRunPayload('payment', record.id, 'Invoice', 'create (clears the refunded credit; the payment applies it)', mapRefundClearingInvoice(record, refund, lookups));
    }
    ctx.dryRunPayload('payment', record.id, 'Payment', mapping?.qboId ? 'update' : 'create', mapPayment(record, { ...lookups, refundClearing: new Map(refunds.map((r) => [r.refundId, 'NEW'])) }));
    if (receipt) ctx.dryRunPayload('payment', record.id, 'SalesReceipt', 'create', receipt);
    return 'SUCCEEDED';
  }
  // Refunds are never changed once recorded: each one's receipt and clearing invoice is created once.
  const refundClearing = new Map<string, string>();
  for (const refund of refunds) {
    const receiptPart = `refund:${refund.refundId}` as const;
    const clearingPart = `refund-clearing:${refund.refundId}` as const;
    if (!(await ctx.mapping('payment', record.id, receiptPart))?.qboId) await upsertRemote(ctx, record, receiptPart, 'RefundReceipt', mapRefundReceipt(record, refund, lookups));
    const clearing = (await ctx.mapping('payment', record.id, clearingPart))?.qboId ?? (await upsertRemote(ctx, record, clearingPart, 'Invoice', mapRefundClearingInvoice(record, refund, lookups))).Id;
    refundClearing.set(refund.refundId, clearing);
  }
  await upsertRemote(ctx, record, 'main', 'Payment', mapPayment(record, { ...lookups, refundClearing }));
  if (receipt) await upsertRemote(ctx, record, 'surcharge', 'SalesReceipt', receipt);
  await ctx.markPushed(record);
  return 'SUCCEEDED';
}

export const paymentPusher: RecordPusher<'payment'> = { kind: 'payment', entity: 'Payment', counterparty: false, push };

/**
 * FSM invoices → QBO Invoices. Before the start date an invoice is not pushed (unless the bookkeeper
 * chose to push it as an opening item) and a dependant is matched to the one QuickBooks holds; one
 * QuickBooks already holds (same number, customer and total) is linked; the total QBO will compute is
 * predicted before the write and checked after it.
 */
import { type InvoiceRecord } from '../../../ledger/ledger-record.types.js';
import { type SyncMapping } from '../../../persistence/sync/sync-mapping.repository.js';
import { type PushContext } from '../../../sync/push/push.context.js';
import { type PushResult } from '../../../sync/push/push-session.types.js';
import { type RecordPusher } from '../../../sync/push/record-pusher.registry.js';
import { type ItemKey, itemKeyString, type QboRef, type SalesLookups } from '../../../sync/push.types.js';
import { invoiceItemKeys, invoiceLines, mapInvoice, roundingItem, roundingLine, totalMismatch } from '../mappers/invoice.mapper.js';
import { usSalesTax } from './company-tax.js';
import { transactionCurrency } from './company-currency.js';
import { documentsNumbered, linkedToExisting, registerNumbers } from './documents.js';
import { ensureItems, item, supplyInfo, team, teamEntity } from './list-refs.js';
import { mirrorStatus } from './mirror-status.js';
import { openingInvoice } from './opening-invoice.js';
import { isSynced, toQboRef } from './remote-ref.util.js';
import { predictTotal, reconcileTotal } from './totals.js';
import { upsertRemote } from './upsert-remote.js';

/** What an invoice push knows before any QuickBooks call: its FSM lists and the items (so income accounts) its lines need. */
interface SalesPlan {
  base: Pick<SalesLookups, 'settings' | 'tax' | 'jobTypes' | 'supplies'>;
  teams: { id: string; name: string }[];
  keys: ItemKey[];
}

/** The FSM lists an invoice's lines hang on, and the item keys (so the income accounts) the lines need: local reads only. */
async function salesPlan(ctx: PushContext, record: InvoiceRecord): Promise<SalesPlan> {
  const { session } = ctx;
  const ids = (values: (string | undefined)[]) => values.filter((v): v is string => !!v);
  // Most invoices name no job type, supply or team: the lists make no query for an empty list.
  const lists = ctx.services.lists;
  const [jobTypes, supplies, teams] = await Promise.all([
    lists.findByIds('jobTypes', session.tenantId, ids([record.jobTypeId, ...record.lines.map((l) => l.jobTypeId)])),
    lists.findByIds('supplies', session.tenantId, ids(record.lines.map((l) => l.supplyId))),
    lists.findByIds('teams', session.tenantId, ids([record.teamId, ...record.lines.map((l) => l.teamId)])),
  ]);
  const base = {
    settings: session.settings,
    tax: session.tax,
    jobTypes: new Map(jobTypes.map((j) => [j.id, { labourIncomeAccountId: j.labourIncomeAccountId, materialsIncomeAccountId: j.materialsIncomeAccountId }])),
    supplies: new Map(supplies.map((s) => [s.id, supplyInfo(s)])),
  };
  return { base, teams, keys: invoiceItemKeys(record, base) };
}

async function salesLookups(ctx: PushContext, plan: SalesPlan, customer: QboRef): Promise<SalesLookups> {
  const { base, teams, keys } = plan;
  const teamRefs = new Map<string, QboRef>();
  const entity = teamEntity(ctx);
  if (entity !== null) for (const row of teams) teamRefs.set(row.id, await team(ctx, entity, row));
  const items = await ensureItems(ctx, keys, base.supplies);
  return { ...base, customer, teams: teamRefs, item: (key) => items.get(itemKeyString(key))! };
}

/** The lookups with the rounding item resolved (it is only needed when QBO's total is off by a cent). */
async function withRounding(ctx: PushContext, lookups: SalesLookups): Promise<SalesLookups> {
  const rounding = await item(ctx, roundingItem(lookups));
  return { ...lookups, item: (key) => (key.purpose === 'ROUNDING' ? rounding : lookups.item(key)) };
}

async function push(ctx: PushContext, record: InvoiceRecord, mapping: SyncMapping | null): Promise<PushResult> {
  const { session } = ctx;
  // Before the start date: not pushed, unless the bookkeeper chose to push it as an opening item;
  // one linked to the invoice QuickBooks already holds (go-live) stays as QuickBooks has it.
  if (ctx.beforeStartDate(record.date) && !mapping?.forcePush) return mapping?.qboId ? 'SUCCEEDED' : 'SKIPPED';
  if (record.status !== 'ACTIVE') return mirrorStatus(ctx, record, [{ part: 'main', entity: 'Invoice', voidable: true }]);
  if (isSynced(mapping, record)) return 'SUCCEEDED';
  const plan = await salesPlan(ctx, record);
  ctx.holdUnusableSettings(record, [...plan.keys.map((k) => k.incomeAccountId), session.settings.defaultRoundingAccountId]);
  const currency = await transactionCurrency(ctx, record.customerId, record.currency, `Invoice ${record.number}`);
  const customer = toQboRef(await ctx.dependency('customer', record.customerId, 'Customer'));
  const salesTax = await usSalesTax(ctx, customer, record.totalTax, `invoice ${record.number}`);
  const lookups = { ...(await salesLookups(ctx, plan, customer)), usSalesTax: salesTax, currency };
  let payload = mapInvoice(record, lookups);
  if (session.dryRun) {
    ctx.dryRunPayload('invoice', record.id, 'Invoice', mapping?.qboId ? 'update' : 'create (unless QuickBooks holds it: same number, customer and total)', payload);
    return 'SUCCEEDED';
  }
  // What the outbox lists for this invoice, as the check read it: the create below need not read it again.
  const seen: { listed?: string[] } = {};
  if (!mapping?.qboId && (await linkedToExisting(ctx, record, mapping, 'Invoice', customer, seen))) return 'SUCCEEDED';
  payload = await predictTotal(ctx, record.total, payload, 'sales', `invoice ${record.number}`, async (difference) => roundingLine(difference, await withRounding(ctx, lookups), record.taxInclusive));
  const saved = await upsertRemote(ctx, record, 'main', 'Invoice', payload, {
    mapping,
    listed: seen.listed,
    findExisting: async () => (await documentsNumbered(ctx, record, 'Invoice', String(payload.DocNumber), customer))[0],
  });
  // QBO computes the total; a cent-level difference gets a rounding line, more is reported.
  await reconcileTotal(ctx, record, {
    entity: 'Invoice',
    saved,
    fsmTotal: record.total,
    mismatch: (qboTotal, difference) => totalMismatch(record, qboTotal, difference),
    linesWith: async (difference) => {
      const rounded = await withRounding(ctx, lookups);
      return [...invoiceLines(record, rounded), roundingLine(difference, rounded, record.taxInclusive)];
    },
    readMissingTotal: false,
  });
  await ctx.markPushed(record);
  return 'SUCCEEDED';
}

export const invoicePusher: RecordPusher<'invoice'> = {
  kind: 'invoice',
  entity: 'Invoice',
  counterparty: false,
  push,
  prepare: (session, records) => registerNumbers(session, 'Invoice', records),
  dependencyRef: (ctx, record, mapping) => (record.status === 'ACTIVE' && ctx.beforeStartDate(record.date) && !mapping?.forcePush ? openingInvoice(ctx, record, mapping) : undefined),
  linkCounterparty: (record) => ({ kind: 'customer', id: record.customerId, field: 'CustomerRef' }),
};

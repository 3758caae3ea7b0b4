/**
 * The QBO list objects a payload points at: items (with their income, asset and COGS accounts) and
 * classes/departments for teams. Each is resolved once per session (SyncItemService creates what is
 * missing); a failed resolution is not kept, so the next record asks again.
 */
import { type Supply } from '../../../ledger/ledger-lists.service.js';
import { type PushContext } from '../../../sync/push/push.context.js';
import { type ItemKey, itemKeyString, type QboRef, type SupplyInfo } from '../../../sync/push.types.js';
import { TeamTrackingCategory } from '../../../settings/accounting-settings.fields.js';
import { stockItemKey, supplyOwnAccount } from '../mappers/invoice.mapper.js';
import { type InventoryAccounts } from '../mappers/item.mapper.js';

/** What the mappers and the item service need of an FSM supply. */
export function supplyInfo(s: Supply): SupplyInfo {
  return {
    code: s.code,
    name: s.name,
    incomeAccountId: s.incomeAccountId,
    trackInventory: s.trackInventory === true,
    inventoryAssetAccountId: s.inventoryAssetAccountId ?? null,
    costOfGoodsSoldAccountId: s.costOfGoodsSoldAccountId ?? null,
  };
}

function ensureContext(ctx: PushContext) {
  const { session } = ctx;
  return { tenantId: session.tenantId, client: session.client, realmId: session.realmId, dryRun: session.dryRun };
}

/** A list object (item, class, department) resolved once per session; a failure is not kept. */
function listRef(ctx: PushContext, key: string, resolve: () => Promise<QboRef>): Promise<QboRef> {
  const lists = ctx.session.lists;
  let ref = lists.get(key);
  if (!ref) {
    ref = resolve();
    lists.set(key, ref);
    ref.catch(() => lists.delete(key));
  }
  return ref;
}

export function item(ctx: PushContext, key: ItemKey, supply?: SupplyInfo, inventory?: InventoryAccounts): Promise<QboRef> {
  return listRef(ctx, `item:${itemKeyString(key)}`, () => ctx.services.items.ensureItem(ensureContext(ctx), key, supply, inventory));
}

export function team(ctx: PushContext, entity: 'Class' | 'Department', row: { id: string; name: string }): Promise<QboRef> {
  const id = row.id;
  return listRef(ctx, `${entity}:${id}`, () => ctx.services.items.ensureTeam(ensureContext(ctx), entity, { id, name: row.name }));
}

/** The items of these keys, in order (a stock supply's item gets its inventory accounts). */
export async function ensureItems(ctx: PushContext, keys: ItemKey[], supplies: ReadonlyMap<string, SupplyInfo>): Promise<Map<string, QboRef>> {
  const refs = new Map<string, QboRef>();
  for (const key of keys) {
    const id = itemKeyString(key);
    if (refs.has(id)) continue;
    const supply = key.supplyId ? supplies.get(key.supplyId) : undefined;
    const inventory = supply?.trackInventory ? await inventoryAccounts(ctx, supply) : undefined;
    refs.set(id, await item(ctx, key, supply, inventory));
  }
  return refs;
}

/**
 * Accounts of an Inventory item: the supply's own asset and cost of goods sold accounts, else the
 * settings (defaultInventoryAccount, defaultCostOfGoodsSoldAccount). Without the COGS setting, as
 * before it existed: the supplier-invoice default when it is a COGS account, else the chart's first
 * active COGS account.
 */
async function inventoryAccounts(ctx: PushContext, supply: SupplyInfo): Promise<InventoryAccounts> {
  const { settings, tenantId } = ctx.session;
  const { chart } = ctx.services;
  const startDate = settings.accountingStartDate ?? new Date().toISOString().slice(0, 10);
  const assetAccountId = supply.inventoryAssetAccountId ?? settings.defaultInventoryAccountId;
  const chosen = supply.costOfGoodsSoldAccountId ?? settings.defaultCostOfGoodsSoldAccountId;
  if (chosen) return { assetAccountId, expenseAccountId: chosen, startDate };
  const preferred = settings.defaultSupplierInvoiceAccountId ? await chart.getAccount(tenantId, settings.defaultSupplierInvoiceAccountId) : null;
  let expense = preferred?.accountType === 'Cost of Goods Sold' && preferred.active ? preferred.qboId : null;
  if (!expense) {
    const { rows } = await chart.listAccounts(tenantId, { accountTypes: ['Cost of Goods Sold'] }, { limit: 1, after: undefined });
    expense = rows[0]?.qboId ?? null;
  }
  return { assetAccountId, expenseAccountId: expense, startDate };
}

/** The QBO entity teams are tracked as (teamTrackingCategory), or null when they are not tracked. */
export function teamEntity(ctx: PushContext): 'Class' | 'Department' | null {
  const category = ctx.session.settings.teamTrackingCategory;
  if (category === TeamTrackingCategory.NONE) return null;
  return category === TeamTrackingCategory.CLASS ? 'Class' : 'Department';
}

/** The classes or departments of these FSM teams (none when teams are not tracked). */
export async function teamRefs(ctx: PushContext, teamIds: (string | undefined)[]): Promise<Map<string, QboRef>> {
  const refs = new Map<string, QboRef>();
  const entity = teamEntity(ctx);
  const ids = teamIds.filter((v): v is string => !!v);
  if (entity === null || ids.length === 0) return refs;
  const teams = await ctx.services.lists.findByIds('teams', ctx.session.tenantId, ids);
  for (const row of teams) refs.set(row.id, await team(ctx, entity, row));
  return refs;
}

/** The Inventory items of the stock supplies bought on these lines (the same items invoices sell). */
export async function stockItems(ctx: PushContext, lines: { supplyId?: string }[]): Promise<Map<string, QboRef>> {
  const ids = lines.map((l) => l.supplyId).filter((v): v is string => !!v);
  const refs = new Map<string, QboRef>();
  if (ids.length === 0) return refs;
  const rows = await ctx.services.lists.findByIds('supplies', ctx.session.tenantId, ids, { onlyStock: true });
  for (const row of rows) {
    const supply = supplyInfo(row);
    const key = stockItemKey(row.id, supplyOwnAccount(supply, ctx.session));
    refs.set(row.id, await item(ctx, key, supply, await inventoryAccounts(ctx, supply)));
  }
  return refs;
}

/**
 * Items, classes and departments the gateway needs in QBO, created once and reused. Each has a stable
 * key (purpose + income account, supply, team); the first use looks it up in QBO by name (adopting an
 * item only if it posts to the same income account) and creates it through the outbox otherwise. The
 * unique key plus the deterministic requestid mean concurrent pushes end with one object, never two.
 */
import { type ChartService } from '../accounts/chart.service.js';
import { type QboClient, type QboRecord } from '../providers/quickbooks/qbo.client.js';
import { QboError } from '../providers/quickbooks/qbo.errors.js';
import { byNameQuery } from '../providers/quickbooks/qbo.queries.js';
import { type InventoryAccounts, itemBody, itemType } from '../providers/quickbooks/mappers/item.mapper.js';
import { type OutboxService } from './outbox.service.js';
import { type ItemKey, itemKeyString, type ItemPurpose, type QboRef } from './push.types.js';
import { type SyncItemRepository } from '../persistence/sync/sync-item.repository.js';
import { asTenantId, type TenantId } from '../persistence/tenant-id.js';

const LABELS: Record<ItemPurpose, string> = {
  LABOUR: 'Labour',
  SUPPLIES: 'Materials',
  OTHER: 'Other charges',
  SUPPLY: 'Supply',
  RETENTION: 'Retention',
  ROUNDING: 'Rounding',
  CREDIT_NOTE: 'Credit note',
  BAD_DEBT: 'Bad debt',
  SURCHARGE: 'Card surcharge',
  CREDIT_REFUND: 'Customer credit refund',
  DISCOUNT: 'Discount',
};

/** Item and class names may not contain ':' (facts §3.3) and are at most 100 characters. */
export function listName(name: string): string {
  return name.replace(/[:\t\r\n"]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
}

/** "Labour - Sales Income"; supplies by their code or name. */
export function itemName(key: ItemKey, accountName: string, supply?: { code: string | null; name: string }): string {
  if (key.purpose === 'SUPPLY' && supply) return listName(supply.code ? `${supply.code} ${supply.name}` : supply.name);
  return listName(`${LABELS[key.purpose]} - ${accountName}`);
}

export interface EnsureContext {
  tenantId: string;
  client: QboClient | undefined;
  realmId: string;
  /** Dry runs never write: a missing object is reported as "NEW" with the name it would get. */
  dryRun: boolean;
}

export class SyncItemService {
  /** In-process de-duplication of concurrent first uses of the same key. */
  readonly #inflight = new Map<string, Promise<QboRef>>();

  constructor(
    private readonly items: SyncItemRepository,
    private readonly chart: ChartService,
    private readonly outbox: OutboxService,
  ) {}

  init(): Promise<void> {
    return this.items.init();
  }

  /**
   * The item for `key`. A supply tracked as stock becomes an Inventory item (its accounts from
   * `inventory`); its type is fixed when the item is first created (QBO cannot turn an Inventory
   * item back, and the key stays the same so a later change of the flag does not duplicate it).
   */
  async ensureItem(ctx: EnsureContext, key: ItemKey, supply?: { code: string | null; name: string; trackInventory?: boolean }, inventory?: InventoryAccounts): Promise<QboRef> {
    const account = await this.chart.getAccount(ctx.tenantId, key.incomeAccountId);
    const name = itemName(key, account?.name ?? key.incomeAccountId, supply);
    const type = itemType(key, supply);
    return this.#ensure(ctx, `item:${itemKeyString(key)}`, 'Item', name, {
      body: (n) => itemBody(key, n, type, inventory),
      accepts: (found) => (found.IncomeAccountRef as { value?: string } | undefined)?.value === key.incomeAccountId,
      alternative: `${name.slice(0, 80)} (${key.incomeAccountId})`,
    });
  }

  /** The class or department standing for an FSM team (found by name, created on demand). */
  async ensureTeam(ctx: EnsureContext, entity: 'Class' | 'Department', team: { id: string; name: string }): Promise<QboRef> {
    const name = listName(team.name);
    const cached = (await this.chart.listReferences(ctx.tenantId, entity)).find((r) => r.name.toLowerCase() === name.toLowerCase());
    if (cached) return { value: cached.qboId, name: cached.name };
    return this.#ensure(ctx, `${entity.toLowerCase()}:${team.id}`, entity, name, { body: (n) => ({ Name: n }), accepts: () => true });
  }

  async #ensure(
    ctx: EnsureContext,
    key: string,
    entity: 'Item' | 'Class' | 'Department',
    name: string,
    how: { body: (name: string) => Record<string, unknown>; accepts: (found: QboRecord) => boolean; alternative?: string },
  ): Promise<QboRef> {
    const tenantId = asTenantId(ctx.tenantId);
    const known = await this.items.get(tenantId, ctx.realmId, key);
    if (known?.qboId) return { value: known.qboId, name: known.name };
    if (ctx.dryRun || !ctx.client) return { value: 'NEW', name: known?.name ?? name };
    const flightKey = `${ctx.tenantId}|${ctx.realmId}|${key}`;
    let flight = this.#inflight.get(flightKey);
    if (!flight) {
      flight = this.#findOrCreate(ctx, ctx.client, tenantId, key, entity, name, how).finally(() => this.#inflight.delete(flightKey));
      this.#inflight.set(flightKey, flight);
    }
    return flight;
  }

  async #findOrCreate(
    ctx: EnsureContext,
    client: QboClient,
    tenantId: TenantId,
    key: string,
    entity: 'Item' | 'Class' | 'Department',
    preferred: string,
    how: { body: (name: string) => Record<string, unknown>; accepts: (found: QboRecord) => boolean; alternative?: string },
  ): Promise<QboRef> {
    const byName = async (n: string) => (await client.queryPage<QboRecord>(entity, byNameQuery(n)))[0];
    let name = preferred;
    let found = await byName(name);
    if (found && !how.accepts(found) && how.alternative) {
      // Same name, different income account (someone made "Labour - Sales" by hand): use our own name.
      name = how.alternative;
      found = await byName(name);
    }
    // The name is fixed before the first write, so every retry sends the same body and requestid.
    await this.items.reserveName(tenantId, ctx.realmId, key, entity, name);
    const stored = await this.items.get(tenantId, ctx.realmId, key);
    name = stored?.name ?? name;
    let record = found && how.accepts(found) ? found : undefined;
    if (!record) {
      let written;
      try {
        written = await this.outbox.write(client, {
          tenantId: ctx.tenantId,
          subject: `${ctx.realmId}:${key}`,
          operation: 'create',
          entity,
          version: 0,
          generation: 0,
          body: how.body(name),
          findExisting: () => byName(name),
        });
      } catch (error) {
        // 6240: the name was taken between the lookup and the create (another business connected to
        // the same company, pushing at the same moment from another instance, or a bookkeeper). The
        // object holding it is ours to use when it is what we would have created; anything else
        // (another income account, an inactive item) is still the refusal.
        if (!(error instanceof QboError && error.kind === 'DUPLICATE_NAME')) throw error;
        const holder = await byName(name);
        if (!holder || !how.accepts(holder)) throw error;
        written = { record: holder };
      }
      record = written.record;
      await this.items.setObject(tenantId, ctx.realmId, key, record.Id, name);
      await this.outbox.settleCreates(ctx.tenantId, `${ctx.realmId}:${key}`, record);
      return { value: record.Id, name };
    }
    const adoptedName = typeof record.Name === 'string' ? record.Name : name;
    await this.items.setObject(tenantId, ctx.realmId, key, record.Id, adoptedName);
    return { value: record.Id, name: adoptedName };
  }
}

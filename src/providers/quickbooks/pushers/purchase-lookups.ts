/** What bills and purchases need resolved: the vendor (pushed first), its default account, classes and stock items. */
import { type PushContext } from '../../../sync/push/push.context.js';
import { type QboRef } from '../../../sync/push.types.js';
import { type PurchaseLookups } from '../mappers/purchase.mapper.js';
import { stockItems, teamRefs } from './list-refs.js';
import { toQboRef } from './remote-ref.util.js';

export async function purchaseLookups(ctx: PushContext, supplierId: string | undefined, lines: { teamId?: string; supplyId?: string }[]): Promise<PurchaseLookups> {
  const { session } = ctx;
  let vendor: QboRef | undefined;
  let supplierAccountId: string | null = null;
  if (supplierId) {
    vendor = toQboRef(await ctx.dependency('supplier', supplierId, 'Vendor'));
    const supplier = await ctx.ledger.get(session.tenantId, 'supplier', supplierId);
    supplierAccountId = supplier?.defaultExpenseAccountId ?? null;
  }
  return { settings: session.settings, tax: session.tax, vendor, supplierAccountId, teams: await teamRefs(ctx, lines.map((l) => l.teamId)), stockItems: await stockItems(ctx, lines) };
}

/**
 * Item (Service, NonInventory, Inventory, Category): unique Name among items, the accounts each type
 * needs, QBO's create defaults, and the rule that an Inventory item cannot change type.
 */
import { faults } from '../../faults.js';
import { type Draft, type EntityContext, type EntityRules } from '../entity.rules.js';
import { type Decimal, dec } from '../money.decimal.js';
import { resolveOptional, resolveRecord } from '../refs.resolver.js';
import { isDate, isObject, oneOf, optionalString, requireAmount } from '../validate.util.js';
import { applyActiveRename, applyHierarchy, assertNameCharacters, assertUniqueName, ordered } from './name-list.shared.js';

export const ITEM_TYPES = ['Service', 'NonInventory', 'Inventory', 'Category'] as const;

export const itemRules: EntityRules = {
  entity: 'Item',
  kind: 'name',
  schemaType: 'Item',
  computed: ['FullyQualifiedName', 'Level'],
  lengths: { Name: 100, Sku: 100, Description: 4000, PurchaseDesc: 1000 },
  build(ctx, draft, previous) {
    const name = optionalString(draft, 'Name');
    if (!name) throw faults.requiredMissing('Name');
    assertNameCharacters(name, 'Name');
    if (draft.Type === undefined) throw faults.requiredMissing('Type');
    const type = oneOf(draft.Type, ITEM_TYPES, 'Type');
    if (previous && previous.Type !== type && (previous.Type === 'Inventory' || previous.Type === 'Category' || type === 'Category')) {
      throw faults.businessValidation(`You can't change the type of a ${String(previous.Type)} item.`, 'Type');
    }
    assertUniqueName(ctx, [{ entity: 'Item', field: 'FullyQualifiedName' }], name, { entity: 'Item', id: previous?.Id }, 'product or service');
    applyActiveRename(draft, 'Name');
    applyHierarchy(ctx, 'Item', draft, 'Name', 'SubItem', previous?.Id);
    if (type === 'Category') {
      for (const f of ['IncomeAccountRef', 'ExpenseAccountRef', 'AssetAccountRef', 'UnitPrice', 'PurchaseCost', 'QtyOnHand']) delete draft[f];
      return ordered(draft, ['Name', 'Active', 'SubItem', 'ParentRef', 'Level', 'FullyQualifiedName', 'Type']);
    }
    const income = resolveOptional(ctx, 'Account', draft.IncomeAccountRef, 'IncomeAccountRef');
    const expense = resolveOptional(ctx, 'Account', draft.ExpenseAccountRef, 'ExpenseAccountRef');
    const asset = resolveOptional(ctx, 'Account', draft.AssetAccountRef, 'AssetAccountRef');
    if (type === 'Service' && !income) throw faults.requiredMissing('IncomeAccountRef');
    if (type === 'NonInventory' && !income && !expense) throw faults.requiredMissing('IncomeAccountRef');
    if (type === 'Inventory') {
      if (!income) throw faults.requiredMissing('IncomeAccountRef');
      if (!expense) throw faults.requiredMissing('ExpenseAccountRef');
      if (!asset) throw faults.requiredMissing('AssetAccountRef');
      if (draft.QtyOnHand === undefined) throw faults.requiredMissing('QtyOnHand');
      if (!isDate(draft.InvStartDate)) throw faults.requiredMissing('InvStartDate');
      const assetType = ctx.find('Account', asset.value)?.AccountType;
      if (assetType !== 'Other Current Asset') throw faults.invalidReference('AssetAccountRef');
      const expenseType = ctx.find('Account', expense.value)?.AccountType;
      if (expenseType !== 'Cost of Goods Sold') throw faults.invalidReference('ExpenseAccountRef', 'Invalid Reference Id : an Inventory item needs a Cost of Goods Sold expense account');
      requireAmount(draft.QtyOnHand, 'QtyOnHand');
      // Stored is the opening quantity; transactions move it at read time. A quantity sent on an
      // update is the wanted quantity on hand now (QBO records the difference as an adjustment).
      if (previous && draft.QtyOnHand !== previous.QtyOnHand) draft.QtyOnHand = dec(draft.QtyOnHand).minus(quantityMoves(ctx).get(previous.Id) ?? 0).toNumber();
      draft.TrackQtyOnHand = true;
    } else {
      draft.TrackQtyOnHand = false;
      delete draft.QtyOnHand;
    }
    if (income) draft.IncomeAccountRef = income;
    if (expense) draft.ExpenseAccountRef = expense;
    if (asset) draft.AssetAccountRef = asset;
    for (const [field, entity] of [['SalesTaxCodeRef', 'TaxCode'], ['PurchaseTaxCodeRef', 'TaxCode']] as const) {
      const ref = resolveOptional(ctx, entity, draft[field], field, { withName: false });
      if (ref) draft[field] = ref;
    }
    draft.UnitPrice ??= 0;
    draft.PurchaseCost ??= 0;
    draft.Taxable ??= false;
    draft.SalesTaxIncluded ??= false;
    draft.PurchaseTaxIncluded ??= false;
    return ordered(draft, ['Name', 'Description', 'Active', 'SubItem', 'ParentRef', 'Level', 'FullyQualifiedName', 'Taxable', 'SalesTaxIncluded', 'UnitPrice', 'Type', 'IncomeAccountRef', 'PurchaseDesc', 'PurchaseTaxIncluded', 'PurchaseCost', 'ExpenseAccountRef', 'AssetAccountRef', 'TrackQtyOnHand', 'QtyOnHand', 'InvStartDate']);
  },
  decorate(ctx, record) {
    if (record.TrackQtyOnHand === true) record.QtyOnHand = dec(record.QtyOnHand).plus(quantityMoves(ctx).get(record.Id) ?? 0).toNumber();
    return record;
  },
  decorateMany(ctx, records) {
    const moves = quantityMoves(ctx);
    for (const record of records) if (record.TrackQtyOnHand === true) record.QtyOnHand = dec(record.QtyOnHand).plus(moves.get(record.Id) ?? 0).toNumber();
    return records;
  },
};

/**
 * How far each item's quantity on hand has moved since its opening quantity: bills and purchases
 * (item lines) add, invoices and sales receipts take away, credit memos put back, a purchase credit
 * takes away. Voided forms carry Qty 0 and deleted ones are gone, so both undo their movement.
 * A line without Qty moves nothing (facts: docs/qbo-facts/inventory.md).
 */
export function quantityMoves(ctx: EntityContext): Map<string, Decimal> {
  const moves = new Map<string, Decimal>();
  const add = (detail: unknown, sign: 1 | -1) => {
    if (!isObject(detail) || !isObject(detail.ItemRef) || detail.Qty === undefined) return;
    const id = String(detail.ItemRef.value);
    moves.set(id, (moves.get(id) ?? dec(0)).plus(dec(detail.Qty).times(sign)));
  };
  const lines = (r: Draft) => (Array.isArray(r.Line) ? (r.Line as Draft[]) : []);
  for (const [entity, sign] of [['Invoice', -1], ['SalesReceipt', -1], ['CreditMemo', 1]] as const) {
    for (const r of ctx.all(entity)) for (const l of lines(r)) add(l.SalesItemLineDetail, sign);
  }
  for (const r of ctx.all('Bill')) for (const l of lines(r)) add(l.ItemBasedExpenseLineDetail, 1);
  for (const r of ctx.all('Purchase')) for (const l of lines(r)) add(l.ItemBasedExpenseLineDetail, r.Credit === true ? -1 : 1);
  return moves;
}

/**
 * Guard used by transaction lines: a Category item cannot be sold or bought (fault 2500), and the
 * account the line posts to through the item (IncomeAccountRef on sales, ExpenseAccountRef on
 * purchases) must be active. Intuit's help says a transaction related to an inactive account cannot
 * be saved until the account is restored; the API's answer for an inactive reference is 610 "made
 * inactive" (docs/qbo-facts/inactive-and-deleted.md), so an active item on an inactive account gets it too.
 */
export function resolveLineItem(ctx: Parameters<EntityRules['build']>[0], raw: unknown, element: string, postsTo?: 'IncomeAccountRef' | 'ExpenseAccountRef') {
  const resolved = resolveRecord(ctx, 'Item', raw, element);
  if (resolved.record.Type === 'Category') throw faults.invalidReference(element, 'Invalid Reference Id : Categories cannot be used in transactions.');
  const accountRef = postsTo ? (resolved.record[postsTo] as { value?: string } | undefined) : undefined;
  if (accountRef?.value !== undefined) {
    const account = ctx.find('Account', String(accountRef.value));
    if (account && account.Active === false) resolveRecord(ctx, 'Account', accountRef, element);
  }
  return resolved;
}

/**
 * The body of a QBO item the gateway creates (pure): Service items for labour, retention, rounding,
 * credit notes, bad debts and surcharges; NonInventory items for supplies; Inventory items for
 * supplies the FSM tracks as stock. QBO needs three accounts on an Inventory item (facts §7.4):
 * income, expense (cost of goods sold) and asset (defaultInventoryAccount), plus a quantity and a
 * start date. Stock levels stay the FSM's business: the item starts at zero on the accounting start
 * date and QBO moves it as bills and invoices use it.
 */
import { type ItemKey, type QboPayload } from '../../../sync/push.types.js';
import { settingMissing, SyncProblem } from '../../../sync/sync.errors.js';

export interface InventoryAccounts {
  /** defaultInventoryAccount (an Other Current Asset account). */
  assetAccountId: string | null;
  /** A Cost of Goods Sold account for the cost of stock sold. */
  expenseAccountId: string | null;
  /** InvStartDate: the accounting start date, else the day the item is created. */
  startDate: string;
}

export type ItemType = 'Service' | 'NonInventory' | 'Inventory';

export function itemType(key: ItemKey, supply?: { trackInventory?: boolean }): ItemType {
  if (key.purpose === 'SUPPLY' && supply?.trackInventory) return 'Inventory';
  return key.purpose === 'SUPPLY' || key.purpose === 'SUPPLIES' ? 'NonInventory' : 'Service';
}

export function itemBody(key: ItemKey, name: string, type: ItemType, inventory?: InventoryAccounts): QboPayload {
  const body: QboPayload = { Name: name, Type: type, IncomeAccountRef: { value: key.incomeAccountId } };
  if (type === 'NonInventory') body.TrackQtyOnHand = false;
  if (type === 'Inventory') {
    if (!inventory?.assetAccountId) throw settingMissing('defaultInventoryAccount', 'for supplies tracked as inventory');
    if (!inventory.expenseAccountId) {
      throw new SyncProblem('REFERENCE_NOT_FOUND', 'Your QuickBooks company has no active Cost of Goods Sold account, which QuickBooks needs for a supply tracked as inventory.', {
        fixHint: 'Create a Cost of Goods Sold account in QuickBooks, refresh the chart of accounts in Accounting settings, then retry.',
        retryable: false,
      });
    }
    body.TrackQtyOnHand = true;
    body.QtyOnHand = 0;
    body.InvStartDate = inventory.startDate;
    body.AssetAccountRef = { value: inventory.assetAccountId };
    body.ExpenseAccountRef = { value: inventory.expenseAccountId };
  }
  return body;
}

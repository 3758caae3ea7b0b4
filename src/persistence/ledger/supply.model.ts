/** FSM supplies (materials, equipment hire...); each may override its income account (a QBO account id). */
import { type Connection, type Model } from 'mongoose';
import { type FsmListRecord, fsmListModel, fsmListSchema, type StoredFsmList } from './fsm-list.model.js';

export interface Supply extends FsmListRecord {
  code: string | null;
  incomeAccountId: string | null;
  /** Tracked as stock: pushed as a QBO Inventory item (asset account defaultInventoryAccount). */
  trackInventory: boolean;
  /** Stock supplies: its own inventory asset account (else the defaultInventoryAccount setting). */
  inventoryAssetAccountId: string | null;
  /** Stock supplies: its own cost of goods sold account (else the defaultCostOfGoodsSoldAccount setting). */
  costOfGoodsSoldAccountId: string | null;
}

const schema = fsmListSchema<Supply>(
  {
    code: { type: String, default: null },
    incomeAccountId: { type: String, default: null },
    trackInventory: { type: Boolean, default: false },
    inventoryAssetAccountId: { type: String, default: null },
    costOfGoodsSoldAccountId: { type: String, default: null },
  },
  'fsm_supplies',
);

export function supplyModel(connection: Connection): Model<StoredFsmList<Supply>> {
  return fsmListModel(connection, 'Supply', schema);
}

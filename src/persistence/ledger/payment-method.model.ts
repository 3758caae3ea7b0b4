/** FSM payment methods; a card method may carry a surcharge income account (a QBO account id). */
import { type Connection, type Model } from 'mongoose';
import { type FsmListRecord, fsmListModel, fsmListSchema, type StoredFsmList } from './fsm-list.model.js';

export interface PaymentMethod extends FsmListRecord {
  /** Card payments are deposited to the card clearing account instead of the payments account. */
  isCard: boolean;
  surchargeIncomeAccountId: string | null;
  /**
   * The QuickBooks tax code (by name, e.g. GST or FRE) of this method's card surcharges; null: the tax
   * code of the supply, i.e. of the invoices the payment pays (docs/qbo-facts/au-gst.md). Non-US only.
   */
  surchargeTaxCode?: string | null;
}

const schema = fsmListSchema<PaymentMethod>(
  { isCard: { type: Boolean, required: true, default: false }, surchargeIncomeAccountId: { type: String, default: null }, surchargeTaxCode: { type: String, default: null } },
  'fsm_payment_methods',
);

export function paymentMethodModel(connection: Connection): Model<StoredFsmList<PaymentMethod>> {
  return fsmListModel(connection, 'PaymentMethod', schema);
}

/** FSM suppliers → QBO Vendors (see counterparty.pusher.ts). */
import { type SupplierRecord } from '../../../ledger/ledger-record.types.js';
import { mapVendor } from '../mappers/supplier.mapper.js';
import { counterpartyPusher } from './counterparty.pusher.js';

export const supplierPusher = counterpartyPusher<SupplierRecord>({
  kind: 'supplier',
  entity: 'Vendor',
  write: (_ctx, record) => Promise.resolve({ payload: mapVendor(record) }),
});

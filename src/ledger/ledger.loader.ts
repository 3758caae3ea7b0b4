/**
 * Per-request DataLoaders of the ledger: each record's sync status (one SyncStatusReader call per kind
 * per response, whichever reader is plugged in) and invoices' paid/credited/written-off totals (one
 * round of queries per response).
 */
import DataLoader from 'dataloader';
import { type LedgerKind, type LedgerRecord, type LedgerRecordOf, type RecordSyncStatus, type SyncStatusReader } from './ledger-record.types.js';
import { type FsmListName, type FsmListRecords } from '../persistence/ledger/fsm-list.repository.js';
import { type LedgerListsService } from './ledger-lists.service.js';
import { type InvoiceSettlementTotals, type LedgerService } from './ledger.service.js';
import { notSynced } from './pending-sync-status.reader.js';

export interface LedgerLoaders {
  recordSync(kind: LedgerKind): DataLoader<string, RecordSyncStatus>;
  invoiceSettlement: DataLoader<string, InvoiceSettlementTotals>;
  /** A customer's credit (unapplied payments), by gateway id. */
  customerCredit: DataLoader<string, string>;
  /** A referenced record (an invoice's customer, an allocation's invoice...) by gateway id. */
  ledgerRecord<K extends LedgerKind>(kind: K): DataLoader<string, LedgerRecordOf<K> | null>;
  /** A referenced FSM list entry (a line's job type, supply or team, a payment's method) by gateway id. */
  listRecord<L extends FsmListName>(list: L): DataLoader<string, FsmListRecords[L] | null>;
}

export interface LedgerLoaderSources {
  ledgerRecords: LedgerService;
  ledger: LedgerListsService;
  /** Read at batch time, so a reader plugged in after start-up is used at once. */
  syncStatus: SyncStatusReader;
}

/** `cache: false` for long-lived (graphql-ws) contexts; batching still applies. */
export function createLedgerLoaders(sources: LedgerLoaderSources, tenantId: string, options: { cache?: boolean } = {}): LedgerLoaders {
  const cache = options.cache ?? true;
  const byKind = new Map<LedgerKind, DataLoader<string, RecordSyncStatus>>();
  const records = new Map<LedgerKind, DataLoader<string, LedgerRecord | null>>();
  const lists = new Map<FsmListName, DataLoader<string, FsmListRecords[FsmListName] | null>>();
  return {
    listRecord<L extends FsmListName>(list: L): DataLoader<string, FsmListRecords[L] | null> {
      let loader = lists.get(list);
      if (!loader) {
        loader = new DataLoader<string, FsmListRecords[FsmListName] | null>(
          async (ids) => {
            const found = new Map((await sources.ledger.findByIds(list, tenantId, [...ids])).map((r) => [r.id, r]));
            return ids.map((id) => found.get(id) ?? null);
          },
          { cache, maxBatchSize: 500 },
        );
        lists.set(list, loader);
      }
      return loader as DataLoader<string, FsmListRecords[L] | null>;
    },
    ledgerRecord<K extends LedgerKind>(kind: K): DataLoader<string, LedgerRecordOf<K> | null> {
      let loader = records.get(kind);
      if (!loader) {
        loader = new DataLoader<string, LedgerRecord | null>(
          async (ids) => {
            const found = new Map((await sources.ledgerRecords.getMany(tenantId, kind, [...ids])).map((r) => [r.id, r]));
            return ids.map((id) => found.get(id) ?? null);
          },
          { cache, maxBatchSize: 500 },
        );
        records.set(kind, loader);
      }
      return loader as DataLoader<string, LedgerRecordOf<K> | null>;
    },
    recordSync(kind) {
      let loader = byKind.get(kind);
      if (!loader) {
        loader = new DataLoader<string, RecordSyncStatus>(
          async (ids) => {
            const found = await sources.syncStatus.statusOf(tenantId, kind, ids);
            return ids.map((id) => found.get(id) ?? notSynced(false));
          },
          { cache, maxBatchSize: 500 },
        );
        byKind.set(kind, loader);
      }
      return loader;
    },
    invoiceSettlement: new DataLoader<string, InvoiceSettlementTotals>(
      async (ids) => {
        const found = await sources.ledgerRecords.settlementsOf(tenantId, ids);
        return ids.map((id) => found.get(id) ?? { amountPaid: '0.00', amountCredited: '0.00', amountWrittenOff: '0.00' });
      },
      { cache, maxBatchSize: 500 },
    ),
    customerCredit: new DataLoader<string, string>(
      async (ids) => {
        const found = await sources.ledgerRecords.creditBalancesOf(tenantId, ids);
        return ids.map((id) => found.get(id) ?? '0.00');
      },
      { cache, maxBatchSize: 500 },
    ),
  };
}

/**
 * The contract between the simulator's company store (entities, computed fields, business rules) and
 * the features built on it (query language, CDC, batch, webhooks, admin API). Records are plain JSON
 * objects exactly as QBO returns them (Id, SyncToken, MetaData, computed totals, `*Ref.name` filled).
 */
import { type Clock } from '../clock.js';

/** QBO entity names as they appear in JSON envelopes (`{"Invoice":{...}}`). */
export const ENTITY_NAMES = [
  'Account',
  'Customer',
  'Vendor',
  'Employee',
  'Item',
  'Invoice',
  'Payment',
  'CreditMemo',
  'SalesReceipt',
  'RefundReceipt',
  'Bill',
  'BillPayment',
  'Purchase',
  'JournalEntry',
  'Deposit',
  'Class',
  'Department',
  'Term',
  'PaymentMethod',
  'TaxCode',
  'TaxRate',
  'CompanyInfo',
  'Preferences',
] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

export type QboRecord = Record<string, unknown> & { Id: string; SyncToken: string };

export type WriteOperation = 'create' | 'update' | 'delete' | 'void';

/** One entry of a realm's change log: what CDC and webhooks report. */
export interface ChangeEvent {
  realmId: string;
  entity: EntityName;
  id: string;
  /** Webhook/CDC operation names. */
  operation: 'Create' | 'Update' | 'Delete' | 'Void' | 'Merge' | 'Emailed';
  /** Virtual epoch ms of the change (the record's MetaData.LastUpdatedTime). */
  at: number;
}

export interface WriteOptions {
  /** `"sparse": true` semantics for updates. */
  sparse?: boolean;
  /** `operation=void` / `include=void`. */
  operation?: WriteOperation;
  /** `include=allowduplicatedocnum`: a duplicate DocNumber is accepted even where the company refuses them. */
  allowDuplicateDocNumber?: boolean;
}

/** One seeded QBO company (realm). All methods throw `QboFault` for QBO-visible errors. */
export interface CompanyStore {
  readonly realmId: string;
  readonly country: 'AU' | 'US';
  readonly clock: Clock;
  /** Create, update, delete or void; returns the record as QBO's response would carry it
   *  (for delete: `{ domain: 'QBO', status: 'Deleted', Id }`). */
  write(entity: EntityName, operation: WriteOperation, body: Record<string, unknown>, options?: WriteOptions): Record<string, unknown>;
  /** Read by id; throws fault 610 for a deleted transaction, 2500/610-style fault for unknown ids. */
  read(entity: EntityName, id: string): QboRecord;
  /** Every live record of an entity (inactive name-list records included; deleted transactions excluded),
   *  in Id order. The query engine filters and pages these. */
  list(entity: EntityName): readonly QboRecord[];
  /** Deleted transactions as CDC reports them: `{ Id, status: 'Deleted', MetaData: { LastUpdatedTime } }`. */
  deletedSince(entity: EntityName, sinceMs: number): readonly Record<string, unknown>[];
  /** Subscribe to changes (webhooks). Returns an unsubscribe function. */
  onChange(listener: (event: ChangeEvent) => void): () => void;
}

/**
 * The FSM-side business records as the sync engine reads them (the ledger slice stores them; the
 * sync slice pushes them). Plain data: money and quantities are exact decimal strings ("1234.50"),
 * never floats; dates are calendar dates ("2026-11-26"); ids are the gateway's own record ids
 * (hex ObjectIds) unless named `externalId` (the FSM's id) or `...AccountId` (a QBO account id).
 *
 * Every record carries `version` (bumped on every content change; repeating an identical upsert
 * changes nothing) and `pushPending` (set with each new version, cleared by the sync engine once
 * that version is in QuickBooks, by compare-and-swap on the version).
 */

export type Decimal = string;
export type LocalDate = string;

export type LedgerKind =
  | 'customer'
  | 'supplier'
  | 'invoice'
  | 'payment'
  | 'creditNote'
  | 'badDebtWriteOff'
  | 'supplierInvoice'
  | 'expense';

/** Push order: a record never goes before the kinds it depends on. */
export const PUSH_ORDER: readonly LedgerKind[] = ['customer', 'supplier', 'invoice', 'creditNote', 'payment', 'badDebtWriteOff', 'supplierInvoice', 'expense'];

/** What the FSM says happened to the record itself (voiding/deleting is pushed as a void/delete). */
export type RecordStatus = 'ACTIVE' | 'VOIDED' | 'DELETED';

export interface LedgerRecordBase {
  id: string;
  tenantId: string;
  externalId: string;
  version: number;
  pushPending: boolean;
  status: RecordStatus;
  createdAt: Date;
  updatedAt: Date;
}

export interface PostalAddress {
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
}

export interface CustomerRecord extends LedgerRecordBase {
  kind: 'customer';
  displayName: string;
  companyName?: string;
  givenName?: string;
  familyName?: string;
  email?: string;
  phone?: string;
  billingAddress?: PostalAddress;
  /** ISO 4217 code the customer deals in; absent: the QuickBooks company's home currency. Fixed once the customer has transactions. */
  currency?: string;
}

export interface SupplierRecord extends LedgerRecordBase {
  kind: 'supplier';
  displayName: string;
  companyName?: string;
  email?: string;
  phone?: string;
  /** QBO account id used for this supplier's bill/expense lines when a line names none. */
  defaultExpenseAccountId?: string;
}

/** DISCOUNT: a negative line, posted to the discountAccount setting (else to labour income, as before it existed). */
export type InvoiceLineKind = 'LABOUR' | 'SUPPLIES' | 'OTHER' | 'DISCOUNT';

export interface InvoiceLine {
  /** Stable within the invoice (the FSM's line id). */
  lineId: string;
  kind: InvoiceLineKind;
  description: string;
  quantity: Decimal;
  unitPrice: Decimal;
  /** quantity x unitPrice, rounded to cents (validated on upsert). Excludes tax unless the invoice is tax-inclusive. */
  amount: Decimal;
  /** FSM tax code name, matched to the QBO company's tax codes by name (non-US companies). */
  taxCode?: string;
  /** US companies: taxable line (TAX) or not (NON). */
  taxable?: boolean;
  jobTypeId?: string;
  supplyId?: string;
  teamId?: string;
}

export type InvoiceType = 'STANDARD' | 'PROGRESS_CLAIM' | 'COMPLETION' | 'FINAL_RETENTION';

export interface InvoiceRecord extends LedgerRecordBase {
  kind: 'invoice';
  customerId: string;
  /** FSM invoice number: QBO DocNumber. */
  number: string;
  date: LocalDate;
  dueDate?: LocalDate;
  currency: string;
  /** Home-currency units per one unit of `currency` (foreign-currency invoices); absent: QuickBooks's rate for the date. */
  exchangeRate?: Decimal;
  type: InvoiceType;
  /** Line amounts include tax (QBO GlobalTaxCalculation TaxInclusive) or not (TaxExcluded). */
  taxInclusive: boolean;
  lines: InvoiceLine[];
  /** Retention withheld on a standard invoice or progress claim (a negative line on the retention item). */
  retentionWithheld?: Decimal;
  /** Retention released on a completion / final retention invoice (a positive line). */
  retentionReleased?: Decimal;
  /** The FSM's totals, after retention: sum of lines (+ tax when exclusive) - withheld + released. */
  subtotal: Decimal;
  totalTax: Decimal;
  total: Decimal;
  jobNumber?: string;
  customerOrderNumber?: string;
  siteAddress?: string;
  workOrder?: string;
  teamId?: string;
  jobTypeId?: string;
}

export interface PaymentAllocation {
  invoiceId: string;
  amount: Decimal;
}

/** Money paid back to the customer out of the payment's unapplied credit (a QBO RefundReceipt). */
export interface PaymentRefund {
  /** The FSM's id of the refund, unique within the payment. */
  refundId: string;
  date: LocalDate;
  amount: Decimal;
  reference?: string;
}

export interface PaymentRecord extends LedgerRecordBase {
  kind: 'payment';
  customerId: string;
  date: LocalDate;
  /** Applied to invoices; the sum is at most `amount` (the rest is customer credit: a deposit or overpayment). */
  allocations: PaymentAllocation[];
  amount: Decimal;
  paymentMethodId: string;
  /** The payment's currency (the invoices' currency). */
  currency?: string;
  /** Home-currency units per one unit of `currency`; absent: QuickBooks's rate for the date. */
  exchangeRate?: Decimal;
  /** Card surcharge collected on top of `amount` (income on the method's surcharge account). */
  surcharge?: Decimal;
  reference?: string;
  /** Refunds of the unapplied credit: allocations + refunds never exceed `amount`; once recorded they stay. */
  refunds?: PaymentRefund[];
}

export interface CreditNoteRecord extends LedgerRecordBase {
  kind: 'creditNote';
  customerId: string;
  invoiceId?: string;
  number: string;
  date: LocalDate;
  taxInclusive: boolean;
  lines: { lineId: string; description: string; amount: Decimal; taxCode?: string; taxable?: boolean }[];
  totalTax: Decimal;
  total: Decimal;
}

export interface BadDebtWriteOffRecord extends LedgerRecordBase {
  kind: 'badDebtWriteOff';
  invoiceId: string;
  customerId: string;
  date: LocalDate;
  amount: Decimal;
  reason?: string;
}

export interface PurchaseLine {
  lineId: string;
  description: string;
  amount: Decimal;
  /** QBO account id; default: supplier's, then the setting (defaultSupplierInvoiceAccount / defaultExpenseAccount). */
  accountId?: string;
  taxCode?: string;
  taxable?: boolean;
  teamId?: string;
  /** A supply bought (supplier invoices): a stock supply becomes an item line that raises QBO's quantity. */
  supplyId?: string;
  /** How many units of the supply (with `supplyId`). */
  quantity?: Decimal;
  /** Cost per unit, excluding tax unless the record is tax-inclusive (with `supplyId`). */
  unitCost?: Decimal;
}

export interface SupplierInvoiceRecord extends LedgerRecordBase {
  kind: 'supplierInvoice';
  supplierId: string;
  number: string;
  date: LocalDate;
  dueDate?: LocalDate;
  taxInclusive: boolean;
  lines: PurchaseLine[];
  totalTax: Decimal;
  total: Decimal;
}

export interface ExpenseRecord extends LedgerRecordBase {
  kind: 'expense';
  supplierId?: string;
  date: LocalDate;
  /** QBO bank or credit-card account the expense was paid from; default: the payments account setting. */
  paidFromAccountId?: string;
  taxInclusive: boolean;
  lines: PurchaseLine[];
  totalTax: Decimal;
  total: Decimal;
  reference?: string;
}

export type LedgerRecord =
  | CustomerRecord
  | SupplierRecord
  | InvoiceRecord
  | PaymentRecord
  | CreditNoteRecord
  | BadDebtWriteOffRecord
  | SupplierInvoiceRecord
  | ExpenseRecord;

export type LedgerRecordOf<K extends LedgerKind> = Extract<LedgerRecord, { kind: K }>;

/** What the sync engine needs from the ledger (implemented by the ledger slice). */
export interface LedgerReader {
  get<K extends LedgerKind>(tenantId: string, kind: K, id: string): Promise<LedgerRecordOf<K> | null>;
  getMany<K extends LedgerKind>(tenantId: string, kind: K, ids: string[]): Promise<LedgerRecordOf<K>[]>;
  /** Records with a version not yet in QuickBooks, oldest change first, at most `limit`, after id `after`. */
  pending<K extends LedgerKind>(tenantId: string, kind: K, options: { limit: number; after?: string }): Promise<LedgerRecordOf<K>[]>;
  /** Every record of a kind in id order, paged (full pushes and dry runs). */
  page<K extends LedgerKind>(tenantId: string, kind: K, options: { limit: number; after?: string }): Promise<LedgerRecordOf<K>[]>;
  /**
   * Clears `pushPending` only if the record is still at `version`; false when it changed meanwhile.
   * `externalId`: the record's, when the caller holds the record (saves reading it to find its lock).
   */
  markPushed(tenantId: string, kind: LedgerKind, id: string, version: number, externalId?: string): Promise<boolean>;
  /** Marks records pending again (retry, full re-push). */
  markPending(tenantId: string, kind: LedgerKind, ids: string[]): Promise<void>;
}

/** What the ledger tells the sync engine (the automatic worker wakes up for the tenant). */
export interface LedgerChangeListener {
  recordChanged(tenantId: string, kind: LedgerKind, id: string): void;
}

/** What the ledger shows of each record's sync (implemented by the sync slice, batched). */
export interface RecordSyncStatus {
  state: 'NOT_SYNCED' | 'PENDING' | 'SYNCED' | 'FAILED' | 'BLOCKED' | 'SKIPPED';
  quickBooksId: string | null;
  syncedVersion: number | null;
  lastSyncedAt: Date | null;
  /** The open sync issue of the record, if any. */
  issueId: string | null;
  issueCode: string | null;
  issueMessage: string | null;
}

export interface SyncStatusReader {
  statusOf(tenantId: string, kind: LedgerKind, recordIds: readonly string[]): Promise<Map<string, RecordSyncStatus>>;
}

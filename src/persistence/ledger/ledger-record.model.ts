/**
 * MongoDB models of the FSM ledger records (customers, suppliers, invoices, payments, credit notes,
 * bad-debt write-offs, supplier invoices, expenses), one collection per kind. Every record carries the
 * FSM's `externalId` (unique per tenant: the unique index makes concurrent first upserts converge),
 * `version` and `pushPending` (compare-and-swap targets), `status`, and the hash of its content so an
 * identical upsert writes nothing. Money is stored as exact decimal strings (FerretDB has no Decimal128).
 */
import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { tenantScoped } from '../tenant-scoped.plugin.js';
import { type LedgerKind, type RecordStatus } from '../../ledger/ledger-record.types.js';
import { type ContentOf, type PaymentContent } from '../../ledger/ledger-record.rules.js';

export interface StoredBase {
  _id: Types.ObjectId;
  tenantId: Types.ObjectId;
  externalId: string;
  version: number;
  pushPending: boolean;
  status: RecordStatus;
  contentHash: string;
  /** List order: the lower-cased display name (parties) or the date (transactions); FerretDB has no collation. */
  sortKey: string;
  /** When the current version was made or marked pending again: `pending()` serves the oldest first. */
  changedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

type StoredContent<K extends LedgerKind> = K extends 'payment' ? PaymentContent & { allocatedInvoiceIds: string[] } : ContentOf<K>;
export type StoredRecord<K extends LedgerKind> = StoredBase & StoredContent<K>;
/**
 * Models are typed by the shared fields only: mongoose's query typings over eight generic document
 * types exhaust the compiler. Readers cast lean rows to `StoredRecord<K>` where the kind is known.
 */
export type LedgerModel = Model<StoredBase>;
export type LedgerModels = Record<LedgerKind, LedgerModel>;

const RECORD_STATUSES: RecordStatus[] = ['ACTIVE', 'VOIDED', 'DELETED'];
const str = { type: String };
const reqStr = { type: String, required: true };

function ledgerSchema(fields: Record<string, unknown>, collection: string): Schema {
  const schema = new Schema(
    {
      externalId: reqStr,
      version: { type: Number, required: true },
      pushPending: { type: Boolean, required: true },
      status: { type: String, required: true, enum: RECORD_STATUSES },
      contentHash: reqStr,
      sortKey: reqStr,
      changedAt: { type: Date, required: true },
      createdAt: { type: Date, required: true },
      updatedAt: { type: Date, required: true },
      ...fields,
    },
    // Versioning is ours (`version`); mongoose's __v would only add a second, unrelated counter.
    { collection, versionKey: false, minimize: true },
  );
  schema.plugin(tenantScoped);
  schema.index({ tenantId: 1, externalId: 1 }, { unique: true });
  schema.index({ tenantId: 1, sortKey: 1, externalId: 1 });
  schema.index({ tenantId: 1, pushPending: 1, changedAt: 1, _id: 1 });
  // `page()`: a tenant's records in _id order (full sweeps), without sorting the tenant in memory.
  schema.index({ tenantId: 1, _id: 1 });
  return schema;
}

const address = new Schema({ line1: str, line2: str, city: str, region: str, postalCode: str, country: str }, { _id: false });

const invoiceLine = new Schema(
  {
    lineId: reqStr,
    kind: { type: String, required: true, enum: ['LABOUR', 'SUPPLIES', 'OTHER', 'DISCOUNT'] },
    description: { type: String, default: '' },
    quantity: reqStr,
    unitPrice: reqStr,
    amount: reqStr,
    taxCode: str,
    taxable: { type: Boolean },
    jobTypeId: str,
    supplyId: str,
    teamId: str,
  },
  { _id: false },
);

const simpleLine = new Schema({ lineId: reqStr, description: { type: String, default: '' }, amount: reqStr, taxCode: str, taxable: { type: Boolean } }, { _id: false });

const purchaseLine = new Schema(
  { lineId: reqStr, description: { type: String, default: '' }, amount: reqStr, accountId: str, taxCode: str, taxable: { type: Boolean }, teamId: str, supplyId: str, quantity: str, unitCost: str },
  { _id: false },
);

const allocation = new Schema({ invoiceId: reqStr, amount: reqStr }, { _id: false });
const refund = new Schema({ refundId: reqStr, date: reqStr, amount: reqStr, reference: str }, { _id: false });

const SCHEMAS: { [K in LedgerKind]: () => Schema } = {
  customer: () =>
    ledgerSchema({ displayName: reqStr, companyName: str, givenName: str, familyName: str, email: str, phone: str, billingAddress: { type: address }, currency: str }, 'ledger_customers'),
  supplier: () => ledgerSchema({ displayName: reqStr, companyName: str, email: str, phone: str, defaultExpenseAccountId: str }, 'ledger_suppliers'),
  invoice: () => {
    const schema = ledgerSchema(
      {
        customerId: reqStr,
        number: reqStr,
        date: reqStr,
        dueDate: str,
        currency: reqStr,
        exchangeRate: str,
        type: { type: String, required: true, enum: ['STANDARD', 'PROGRESS_CLAIM', 'COMPLETION', 'FINAL_RETENTION'] },
        taxInclusive: { type: Boolean, required: true },
        lines: { type: [invoiceLine], default: [] },
        retentionWithheld: str,
        retentionReleased: str,
        subtotal: reqStr,
        totalTax: reqStr,
        total: reqStr,
        jobNumber: str,
        customerOrderNumber: str,
        siteAddress: str,
        workOrder: str,
        teamId: str,
        jobTypeId: str,
      },
      'ledger_invoices',
    );
    schema.index({ tenantId: 1, customerId: 1 });
    return schema;
  },
  payment: () => {
    const schema = ledgerSchema(
      {
        customerId: reqStr,
        date: reqStr,
        currency: reqStr,
        allocations: { type: [allocation], default: [] },
        // The invoices it pays, flat: "which payments touch these invoices" is one indexed $in.
        allocatedInvoiceIds: { type: [String], default: [] },
        amount: reqStr,
        paymentMethodId: reqStr,
        exchangeRate: str,
        surcharge: str,
        reference: str,
        // Absent until the first refund, so payments stored before refunds existed keep their content hash.
        refunds: { type: [refund], default: undefined },
      },
      'ledger_payments',
    );
    schema.index({ tenantId: 1, allocatedInvoiceIds: 1 });
    // A customer's payments: its credit balance, and whether it has transactions (currency lock).
    schema.index({ tenantId: 1, customerId: 1 });
    return schema;
  },
  creditNote: () => {
    const schema = ledgerSchema(
      { customerId: reqStr, invoiceId: str, number: reqStr, date: reqStr, taxInclusive: { type: Boolean, required: true }, lines: { type: [simpleLine], default: [] }, totalTax: reqStr, total: reqStr },
      'ledger_credit_notes',
    );
    schema.index({ tenantId: 1, invoiceId: 1 });
    return schema;
  },
  badDebtWriteOff: () => {
    const schema = ledgerSchema({ invoiceId: reqStr, customerId: reqStr, date: reqStr, amount: reqStr, reason: str }, 'ledger_bad_debt_write_offs');
    schema.index({ tenantId: 1, invoiceId: 1 });
    return schema;
  },
  supplierInvoice: () =>
    ledgerSchema(
      { supplierId: reqStr, number: reqStr, date: reqStr, dueDate: str, taxInclusive: { type: Boolean, required: true }, lines: { type: [purchaseLine], default: [] }, totalTax: reqStr, total: reqStr },
      'ledger_supplier_invoices',
    ),
  expense: () =>
    ledgerSchema(
      {
        supplierId: str,
        date: reqStr,
        paidFromAccountId: str,
        taxInclusive: { type: Boolean, required: true },
        lines: { type: [purchaseLine], default: [] },
        totalTax: reqStr,
        total: reqStr,
        reference: str,
      },
      'ledger_expenses',
    ),
};

const MODEL_NAMES: { [K in LedgerKind]: string } = {
  customer: 'LedgerCustomer',
  supplier: 'LedgerSupplier',
  invoice: 'LedgerInvoice',
  payment: 'LedgerPayment',
  creditNote: 'LedgerCreditNote',
  badDebtWriteOff: 'LedgerBadDebtWriteOff',
  supplierInvoice: 'LedgerSupplierInvoice',
  expense: 'LedgerExpense',
};

export const LEDGER_KINDS = Object.keys(MODEL_NAMES) as LedgerKind[];

function modelOf(connection: Connection, kind: LedgerKind): LedgerModel {
  const name = MODEL_NAMES[kind];
  return (connection.models[name] as LedgerModel | undefined) ?? connection.model<StoredBase>(name, SCHEMAS[kind]());
}

export function ledgerModels(connection: Connection): LedgerModels {
  return Object.fromEntries(LEDGER_KINDS.map((kind) => [kind, modelOf(connection, kind)])) as LedgerModels;
}

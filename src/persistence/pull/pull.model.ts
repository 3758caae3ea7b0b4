/**
 * What the pull slice stores: the per-tenant CDC watermark, flags on FSM invoices changed in QBO,
 * the outcome of each imported QBO customer (linked/created/ambiguous, with score and reason), and
 * the log of applied QuickBooks changes (what the `quickBooksChanges` query and subscription show).
 * All single-document writes keyed by unique indexes (FerretDB: no transactions).
 */
import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { tenantScoped } from '../tenant-scoped.plugin.js';

export interface PullWatermark {
  /** Changes at or after this instant are still to be read (stored in UTC; sent to QBO in Pacific time). */
  since: Date;
  lastPollAt: Date | null;
  lastPath: 'CDC' | 'QUERY' | null;
  lastError: string | null;
}

export interface PullWatermarkDoc extends PullWatermark {
  _id: Types.ObjectId;
  tenantId: Types.ObjectId;
}

const watermarkSchema = new Schema<PullWatermarkDoc>(
  {
    since: { type: Date, required: true },
    lastPollAt: { type: Date, default: null },
    lastPath: { type: String, default: null },
    lastError: { type: String, default: null },
  },
  { collection: 'pull_watermarks', versionKey: false },
);
watermarkSchema.plugin(tenantScoped, { index: false });
watermarkSchema.index({ tenantId: 1 }, { unique: true });

export type InvoiceRemoteChange = 'VOIDED' | 'DELETED' | 'EDITED';

/** An FSM invoice whose QBO copy was changed by someone else: the FSM stays the source of truth. */
export interface InvoiceFlag {
  invoiceId: string;
  qboId: string;
  change: InvoiceRemoteChange;
  detail: string;
  /** The QBO SyncToken last looked at (a repeated hint for the same state changes nothing). */
  seenSyncToken: string | null;
  at: Date;
}

export interface InvoiceFlagDoc extends InvoiceFlag {
  _id: Types.ObjectId;
  tenantId: Types.ObjectId;
}

const flagSchema = new Schema<InvoiceFlagDoc>(
  {
    invoiceId: { type: String, required: true },
    qboId: { type: String, required: true },
    change: { type: String, required: true },
    detail: { type: String, required: true },
    seenSyncToken: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { collection: 'pull_invoice_flags', versionKey: false },
);
flagSchema.plugin(tenantScoped, { index: false });
flagSchema.index({ tenantId: 1, invoiceId: 1 }, { unique: true });

export type CustomerMatchStatus = 'LINKED' | 'CREATED' | 'AMBIGUOUS';

export interface CustomerMatch {
  /** `<tenant>:<QBO id>` (also the list's cursor). */
  id: string;
  qboId: string;
  qboDisplayName: string;
  status: CustomerMatchStatus;
  /** The FSM customer linked or created (gateway id). */
  customerId: string | null;
  reason: string | null;
  score: number | null;
  /** Ambiguous: the FSM customers that fit equally (gateway ids). */
  candidateIds: string[];
  runId: string | null;
  updatedAt: Date;
}

export interface CustomerMatchDoc extends Omit<CustomerMatch, 'id' | 'runId'> {
  /** `<tenant>:<QBO id>`: FerretDB serves _id lookups from its primary key (other filters scan), and imports write thousands. */
  _id: string;
  tenantId: Types.ObjectId;
  runId: Types.ObjectId | null;
}

const matchSchema = new Schema<CustomerMatchDoc>(
  {
    _id: { type: String, required: true },
    qboId: { type: String, required: true },
    qboDisplayName: { type: String, required: true },
    status: { type: String, required: true },
    customerId: { type: String, default: null },
    reason: { type: String, default: null },
    score: { type: Number, default: null },
    candidateIds: { type: [String], default: [] },
    runId: { type: Schema.Types.ObjectId, default: null },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'pull_customer_matches', versionKey: false },
);
matchSchema.plugin(tenantScoped, { index: false });
matchSchema.index({ tenantId: 1, qboId: 1 }, { unique: true });
matchSchema.index({ tenantId: 1, status: 1 });
// Newest-first lists (by key), with and without a status.
matchSchema.index({ tenantId: 1, status: 1, _id: -1 });
matchSchema.index({ tenantId: 1, _id: -1 });

export type QuickBooksChangeKind =
  | 'PAYMENT_RECORDED'
  | 'PAYMENT_UPDATED'
  | 'PAYMENT_REVERSED'
  | 'PAYMENT_NOT_APPLIED'
  | 'CREDIT_APPLIED'
  | 'CUSTOMER_UPDATED'
  | 'CUSTOMER_CONFLICT'
  | 'INVOICE_VOIDED'
  | 'INVOICE_DELETED'
  | 'INVOICE_EDITED'
  // A customer or invoice entered in QuickBooks that no FSM record is linked to (listed by quickBooksCreatedRecords).
  | 'CUSTOMER_CREATED'
  | 'INVOICE_CREATED';

export interface QuickBooksChange {
  id: string;
  kind: QuickBooksChangeKind;
  entity: string;
  qboId: string;
  /** The FSM record affected (gateway id), if any. */
  recordKind: string | null;
  recordId: string | null;
  message: string;
  at: Date;
}

export interface QuickBooksChangeDoc extends Omit<QuickBooksChange, 'id'> {
  _id: Types.ObjectId;
  tenantId: Types.ObjectId;
}

const changeSchema = new Schema<QuickBooksChangeDoc>(
  {
    kind: { type: String, required: true },
    entity: { type: String, required: true },
    qboId: { type: String, required: true },
    recordKind: { type: String, default: null },
    recordId: { type: String, default: null },
    message: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'pull_changes', versionKey: false },
);
changeSchema.plugin(tenantScoped, { index: false });
changeSchema.index({ tenantId: 1, _id: -1 });

export type CreatedRecordEntity = 'Customer' | 'Invoice';
export type CreatedRecordStatus = 'OPEN' | 'LINKED';

/**
 * A customer or invoice seen in QuickBooks (created there after the import) with no FSM record linked to
 * it: listed so the FSM can link or import it. LINKED once any FSM record maps to it (whatever linked it).
 */
export interface CreatedRecord {
  /** `<tenant>:<entity>:<QBO id>` (also the list's cursor). */
  id: string;
  entity: CreatedRecordEntity;
  qboId: string;
  /** Customer: DisplayName; invoice: DocNumber (or the QBO id when it has none). */
  name: string;
  /** Invoice: the QBO customer's name and id. */
  customerName: string | null;
  customerQboId: string | null;
  email: string | null;
  /** Invoice: TotalAmt as QBO sent it (a decimal string, never a float) and TxnDate. */
  amount: string | null;
  date: string | null;
  status: CreatedRecordStatus;
  /** The FSM record linked to it, once LINKED (gateway id). */
  recordId: string | null;
  seenAt: Date;
}

export interface CreatedRecordDoc extends Omit<CreatedRecord, 'id'> {
  /** `<tenant>:<entity>:<QBO id>` (FerretDB serves _id lookups from its primary key). */
  _id: string;
  tenantId: Types.ObjectId;
}

const createdSchema = new Schema<CreatedRecordDoc>(
  {
    _id: { type: String, required: true },
    entity: { type: String, required: true },
    qboId: { type: String, required: true },
    name: { type: String, required: true },
    customerName: { type: String, default: null },
    customerQboId: { type: String, default: null },
    email: { type: String, default: null },
    amount: { type: String, default: null },
    date: { type: String, default: null },
    status: { type: String, required: true },
    recordId: { type: String, default: null },
    seenAt: { type: Date, required: true },
  },
  { collection: 'pull_created_records', versionKey: false },
);
createdSchema.plugin(tenantScoped, { index: false });
createdSchema.index({ tenantId: 1, status: 1, _id: -1 });
createdSchema.index({ tenantId: 1, _id: -1 });

function modelOf<T>(connection: Connection, name: string, schema: Schema<T>): Model<T> {
  return (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema);
}

/** The pull's models (persistence only: the repositories in this folder use them). */
export function pullModels(connection: Connection) {
  return {
    watermarks: modelOf(connection, 'PullWatermark', watermarkSchema),
    invoiceFlags: modelOf(connection, 'PullInvoiceFlag', flagSchema),
    customerMatches: modelOf(connection, 'PullCustomerMatch', matchSchema),
    changes: modelOf(connection, 'PullChange', changeSchema),
    createdRecords: modelOf(connection, 'PullCreatedRecord', createdSchema),
  };
}
export type PullModels = ReturnType<typeof pullModels>;

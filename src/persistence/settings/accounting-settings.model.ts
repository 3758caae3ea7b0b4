/**
 * Accounting settings as an append-only list of revisions per tenant: the current settings are the
 * newest revision, and a change inserts revision `version + 1`. The unique (tenantId, version) index
 * is the compare-and-swap: of two concurrent changes based on the same revision, exactly one insert
 * wins. (FerretDB 1.x applies a filtered update as read-then-write, so `updateOne({version: v})`
 * can let several writers through; a unique-index insert cannot.) Each revision records who made
 * it and when, so the history doubles as the audit trail.
 */
import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { ACCOUNT_SETTINGS, idField, InvoiceReferenceField, TeamTrackingCategory } from '../../settings/accounting-settings.fields.js';
import { type AccountingSettings, type SettingsActor } from '../../settings/accounting-settings.values.js';
import { tenantScoped } from '../tenant-scoped.plugin.js';

export type StoredAccountingSettings = Omit<AccountingSettings, 'id' | 'tenantId'> & { _id: Types.ObjectId; tenantId: Types.ObjectId };

const actorSchema = new Schema<SettingsActor>({ apiKeyPrefix: { type: String, required: true }, apiKeyLabel: { type: String, default: null } }, { _id: false });

const settingsSchema = new Schema<StoredAccountingSettings>(
  {
    ...Object.fromEntries(ACCOUNT_SETTINGS.map((s) => [idField(s.setting), { type: String, default: null }])),
    invoiceReferenceField: { type: String, enum: [...Object.values(InvoiceReferenceField), null], default: InvoiceReferenceField.JOB_NUMBER },
    paymentMethodFromAccounts: { type: String, default: null },
    pushSupplierInvoicesAsAwaitingApproval: { type: Boolean, default: false },
    teamTrackingCategory: { type: String, enum: Object.values(TeamTrackingCategory), default: TeamTrackingCategory.NONE },
    accountingStartDate: { type: String, default: null },
    relaxAccountSelectionRestrictions: { type: Boolean, default: false },
    version: { type: Number, required: true },
    // Set by the service (who and when belong together), not by mongoose timestamps.
    updatedAt: { type: Date, default: null },
    updatedBy: { type: actorSchema, default: null },
  },
  { collection: 'accounting_settings_revisions', timestamps: false },
);
settingsSchema.plugin(tenantScoped);
settingsSchema.index({ tenantId: 1, version: 1 }, { unique: true });

export function accountingSettingsModel(connection: Connection): Model<StoredAccountingSettings> {
  return (connection.models.AccountingSettings as Model<StoredAccountingSettings> | undefined) ?? connection.model<StoredAccountingSettings>('AccountingSettings', settingsSchema);
}

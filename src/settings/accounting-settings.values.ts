/**
 * The accounting settings' values, their defaults and a stored revision's plain shape. Settings are
 * kept as revisions (src/persistence/settings/accounting-settings.model.ts): the newest one is current.
 */
import { ACCOUNT_SETTINGS, type AccountSettingIdField, idField, InvoiceReferenceField, TeamTrackingCategory } from './accounting-settings.fields.js';

export interface SettingsActor {
  apiKeyPrefix: string;
  apiKeyLabel: string | null;
}

export type AccountSettingIds = Record<AccountSettingIdField, string | null>;

export interface AccountingSettingsValues extends AccountSettingIds {
  invoiceReferenceField: InvoiceReferenceField | null;
  /** externalId of the FSM payment method given to payments pulled back from QBO. */
  paymentMethodFromAccounts: string | null;
  pushSupplierInvoicesAsAwaitingApproval: boolean;
  teamTrackingCategory: TeamTrackingCategory;
  /** YYYY-MM-DD */
  accountingStartDate: string | null;
  relaxAccountSelectionRestrictions: boolean;
}

/** One stored revision (plain: string ids). */
export interface AccountingSettings extends AccountingSettingsValues {
  id: string;
  tenantId: string;
  version: number;
  updatedAt: Date | null;
  updatedBy: SettingsActor | null;
}

export const DEFAULT_SETTINGS: AccountingSettingsValues = {
  ...(Object.fromEntries(ACCOUNT_SETTINGS.map((s) => [idField(s.setting), null])) as AccountSettingIds),
  invoiceReferenceField: InvoiceReferenceField.JOB_NUMBER,
  paymentMethodFromAccounts: null,
  pushSupplierInvoicesAsAwaitingApproval: false,
  teamTrackingCategory: TeamTrackingCategory.NONE,
  accountingStartDate: null,
  relaxAccountSelectionRestrictions: false,
};


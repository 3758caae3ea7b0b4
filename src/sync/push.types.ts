/**
 * What the pure mappers are given besides the record: the tenant's settings, resolved QBO references
 * (customer, items, classes/departments, tax codes) and the FSM lists the overrides hang on. The push
 * service resolves these (creating items and classes on demand) before calling a mapper, so mappers
 * never do I/O and the dry run shows exactly what a real push sends.
 */
import { type Decimal } from 'decimal.js';
import { type AccountingSettingsValues } from '../settings/accounting-settings.values.js';
import { type CompanyCurrency } from './currency.rules.js';

export interface QboRef {
  value: string;
  name?: string;
}

/** Why the gateway needs a QBO item; with the income account it is the item's identity. */
export type ItemPurpose = 'LABOUR' | 'SUPPLIES' | 'OTHER' | 'SUPPLY' | 'RETENTION' | 'ROUNDING' | 'CREDIT_NOTE' | 'BAD_DEBT' | 'SURCHARGE' | 'CREDIT_REFUND' | 'DISCOUNT';

export interface ItemKey {
  purpose: ItemPurpose;
  incomeAccountId: string;
  /** SUPPLY items only: the FSM supply the item stands for. */
  supplyId?: string;
}

export function itemKeyString(key: ItemKey): string {
  return key.purpose === 'SUPPLY' ? `SUPPLY:${key.supplyId}:${key.incomeAccountId}` : `${key.purpose}:${key.incomeAccountId}`;
}

export type SyncSettings = Pick<
  AccountingSettingsValues,
  | 'defaultLabourIncomeAccountId'
  | 'defaultSuppliesIncomeAccountId'
  | 'paymentsAccountId'
  | 'creditCardPaymentsAccountId'
  | 'defaultSupplierInvoiceAccountId'
  | 'defaultExpenseAccountId'
  | 'defaultRoundingAccountId'
  | 'retentionIncomeAccountId'
  | 'creditNoteAccountId'
  | 'badDebtAccountId'
  | 'defaultInventoryAccountId'
  | 'defaultCostOfGoodsSoldAccountId'
  | 'discountAccountId'
  | 'invoiceReferenceField'
  | 'teamTrackingCategory'
  | 'accountingStartDate'
>;

export interface CompanyTax {
  /** US companies use TAX/NON line codes and no GlobalTaxCalculation (facts §8). */
  isUS: boolean;
  /** Non-US: the company's tax codes by lower-cased name. */
  taxCodesByName: ReadonlyMap<string, QboRef>;
  /** The code for lines that carry no tax (retention, rounding): NON in the US, a non-taxable code elsewhere. */
  exemptCode: QboRef | null;
  /** Non-US: the ids of the codes that charge tax (QBO TaxCode.Taxable); without it every code but the exempt one does. */
  taxableCodeIds?: ReadonlySet<string>;
  /** Non-US, read from QBO when a tax split needs it: each tax code's combined sales rate in percent. */
  salesRates?: ReadonlyMap<string, Decimal>;
}

/**
 * US only: how the company charges sales tax (Preferences.TaxPrefs.PartnerTaxEnabled), and for a manual
 * company the tax code (group of rates) the transaction uses: the QBO customer's default tax code.
 * Unknown in a dry run, which reads nothing from QBO.
 */
export interface UsSalesTax {
  kind: 'AUTOMATED' | 'MANUAL' | 'UNKNOWN';
  code?: QboRef;
}

export interface JobTypeAccounts {
  labourIncomeAccountId: string | null;
  materialsIncomeAccountId: string | null;
}

export interface SupplyInfo {
  code: string | null;
  name: string;
  incomeAccountId: string | null;
  /** Tracked as stock in the FSM: its QBO item is an Inventory item. */
  trackInventory?: boolean;
  /** Stock supplies: own inventory asset and cost of goods sold accounts (else the settings). */
  inventoryAssetAccountId?: string | null;
  costOfGoodsSoldAccountId?: string | null;
}

export interface SalesLookups {
  settings: SyncSettings;
  tax: CompanyTax;
  customer: QboRef;
  jobTypes: ReadonlyMap<string, JobTypeAccounts>;
  supplies: ReadonlyMap<string, SupplyInfo>;
  /** FSM team id → its QBO class or department (per teamTrackingCategory). */
  teams: ReadonlyMap<string, QboRef>;
  /** The item for a key; the service has ensured every key the mapper asks for exists. */
  item: (key: ItemKey) => QboRef;
  /** US companies: the sales tax kind and code (see UsSalesTax). */
  usSalesTax?: UsSalesTax;
  /** The company's currencies; absent: home-currency records only (nothing currency-related is sent). */
  currency?: CompanyCurrency;
}

export type QboPayload = Record<string, unknown>;

/**
 * What the query language may name: entities (case-insensitive, canonical casing in responses) and, per
 * entity, the properties Intuit's API reference marks filterable/sortable. The XSD's Filterable tags are
 * per-product and loose (DisplayName is tagged QBW only, yet QBO filters on it), so this table is curated
 * from the API reference pages; `propertyCheck: 'any'` lifts it for exploratory use.
 */
import { ENTITY_NAMES, type EntityName } from '../company/company.types.js';

/** QBO entities the sandbox does not model: queries on them are valid and simply return no rows. */
export const UNMODELLED_QUERYABLE_ENTITIES = [
  'Attachable', 'Budget', 'CompanyCurrency', 'CustomerType', 'Estimate', 'ExchangeRate', 'JournalCode',
  'PurchaseOrder', 'TaxAgency', 'TimeActivity', 'Transfer', 'VendorCredit', 'RecurringTransaction',
] as const;

export type QueryableEntity = EntityName | (typeof UNMODELLED_QUERYABLE_ENTITIES)[number];

const byLowerName = new Map<string, QueryableEntity>(
  [...ENTITY_NAMES, ...UNMODELLED_QUERYABLE_ENTITIES].map((name) => [name.toLowerCase(), name]),
);

export function resolveEntity(name: string): QueryableEntity | undefined {
  return byLowerName.get(name.toLowerCase());
}

export function isModelled(entity: QueryableEntity): entity is EntityName {
  return (ENTITY_NAMES as readonly string[]).includes(entity);
}

const COMMON = ['Id', 'MetaData.CreateTime', 'MetaData.LastUpdatedTime'];
const PERSON = ['DisplayName', 'Title', 'GivenName', 'MiddleName', 'FamilyName', 'Suffix', 'PrintOnCheckName', 'PrimaryEmailAddr', 'PrimaryPhone', 'Active'];
const SALES_TXN = ['DocNumber', 'TxnDate', 'CustomerRef', 'TotalAmt', 'Balance', 'DueDate', 'ClassRef', 'DepartmentRef', 'CurrencyRef', 'EmailStatus', 'PrintStatus', 'ShipDate', 'SalesTermRef', 'TrackingNum', 'PrivateNote'];
const LIST = ['Name', 'Active', 'FullyQualifiedName', 'ParentRef'];

const FILTERABLE: Record<QueryableEntity, readonly string[]> = {
  Account: [...LIST, 'SubAccount', 'Description', 'Classification', 'AccountType', 'AccountSubType', 'AcctNum', 'CurrentBalance', 'CurrentBalanceWithSubAccounts', 'CurrencyRef'],
  Customer: [...PERSON, 'CompanyName', 'FullyQualifiedName', 'Balance', 'BalanceWithJobs', 'Job', 'ParentRef', 'Taxable', 'CurrencyRef', 'Level', 'Notes'],
  Vendor: [...PERSON, 'CompanyName', 'Balance', 'Vendor1099', 'AcctNum', 'CurrencyRef'],
  Employee: [...PERSON, 'EmployeeNumber', 'HiredDate', 'ReleasedDate'],
  Item: [...LIST, 'Sku', 'Type', 'SubItem', 'UnitPrice', 'PurchaseCost', 'QtyOnHand', 'Taxable', 'IncomeAccountRef', 'ExpenseAccountRef', 'AssetAccountRef', 'Description'],
  Invoice: SALES_TXN,
  CreditMemo: [...SALES_TXN, 'RemainingCredit'],
  SalesReceipt: [...SALES_TXN, 'DepositToAccountRef', 'PaymentMethodRef'],
  Payment: ['TxnDate', 'CustomerRef', 'TotalAmt', 'UnappliedAmt', 'PaymentRefNum', 'DepositToAccountRef', 'PaymentMethodRef', 'CurrencyRef', 'ARAccountRef', 'PrivateNote'],
  Bill: ['DocNumber', 'TxnDate', 'VendorRef', 'TotalAmt', 'Balance', 'DueDate', 'APAccountRef', 'SalesTermRef', 'DepartmentRef', 'CurrencyRef', 'PrivateNote'],
  BillPayment: ['DocNumber', 'TxnDate', 'VendorRef', 'TotalAmt', 'PayType', 'CurrencyRef', 'DepartmentRef', 'PrivateNote'],
  Purchase: ['DocNumber', 'TxnDate', 'AccountRef', 'PaymentType', 'EntityRef', 'TotalAmt', 'Credit', 'CurrencyRef', 'DepartmentRef', 'PrivateNote'],
  JournalEntry: ['DocNumber', 'TxnDate', 'TotalAmt', 'Adjustment', 'CurrencyRef', 'DepartmentRef', 'PrivateNote'],
  Deposit: ['TxnDate', 'DepositToAccountRef', 'TotalAmt', 'CurrencyRef', 'DepartmentRef', 'PrivateNote'],
  Class: [...LIST, 'SubClass'],
  Department: [...LIST, 'SubDepartment'],
  Term: ['Name', 'Active', 'Type', 'DueDays', 'DayOfMonthDue'],
  PaymentMethod: ['Name', 'Active', 'Type'],
  TaxCode: ['Name', 'Active', 'Taxable', 'TaxGroup', 'Description'],
  TaxRate: ['Name', 'Active', 'RateValue', 'AgencyRef', 'Description'],
  CompanyInfo: ['CompanyName', 'LegalName', 'Country'],
  Preferences: [],
  Attachable: ['FileName', 'Note', 'ContentType'],
  Budget: ['Name', 'StartDate', 'EndDate', 'Active'],
  CompanyCurrency: ['Name', 'Code', 'Active'],
  CustomerType: ['Name', 'Active'],
  Estimate: [...SALES_TXN, 'TxnStatus', 'ExpirationDate'],
  ExchangeRate: ['SourceCurrencyCode', 'TargetCurrencyCode', 'AsOfDate'],
  JournalCode: ['Name', 'Type', 'Active'],
  PurchaseOrder: ['DocNumber', 'TxnDate', 'VendorRef', 'TotalAmt', 'POStatus', 'DueDate', 'CurrencyRef'],
  RefundReceipt: [...SALES_TXN, 'DepositToAccountRef', 'PaymentMethodRef'],
  TaxAgency: ['DisplayName'],
  TimeActivity: ['TxnDate', 'NameOf', 'EmployeeRef', 'VendorRef', 'CustomerRef', 'ItemRef', 'BillableStatus'],
  Transfer: ['TxnDate', 'FromAccountRef', 'ToAccountRef', 'Amount'],
  VendorCredit: ['DocNumber', 'TxnDate', 'VendorRef', 'TotalAmt', 'Balance', 'CurrencyRef'],
  RecurringTransaction: [],
};

const filterableLower = new Map<QueryableEntity, Map<string, string>>(
  Object.entries(FILTERABLE).map(([entity, props]) => [
    entity as QueryableEntity,
    new Map([...COMMON, ...props].map((p) => [p.toLowerCase(), p])),
  ]),
);

/** Canonical spelling of a documented filterable/sortable property, or undefined. Intuit's docs write both
 *  `MetaData.` and `Metadata.`; lower-casing makes them one key. */
export function documentedProperty(entity: QueryableEntity, path: string): string | undefined {
  return filterableLower.get(entity)?.get(path.toLowerCase());
}

/** Name lists: records with an `Active` flag, which queries return only when active unless the WHERE
 *  clause mentions Active (QBO hides inactive list records from queries by default). */
export const NAME_LIST_ENTITIES: ReadonlySet<QueryableEntity> = new Set([
  'Account', 'Customer', 'Vendor', 'Employee', 'Item', 'Class', 'Department', 'Term', 'PaymentMethod', 'TaxCode', 'TaxRate',
  'Budget', 'CompanyCurrency', 'CustomerType', 'JournalCode',
]);

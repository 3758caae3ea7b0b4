/**
 * What the FSM sends for each ledger record (the service's input shapes; the GraphQL input classes
 * match them structurally). Other records are referenced by the FSM's own ids (`...ExternalId`);
 * QBO accounts by QBO account id. Optional fields arrive as null or absent.
 */
import { type InvoiceLineKind, type InvoiceType, type PostalAddress } from './ledger-record.types.js';

type Opt<T> = T | null | undefined;

export interface CustomerInput {
  externalId: string;
  displayName: string;
  companyName?: Opt<string>;
  givenName?: Opt<string>;
  familyName?: Opt<string>;
  email?: Opt<string>;
  phone?: Opt<string>;
  billingAddress?: Opt<{ [K in keyof PostalAddress]?: Opt<string> }>;
  currency?: Opt<string>;
}

export interface SupplierInput {
  externalId: string;
  displayName: string;
  companyName?: Opt<string>;
  email?: Opt<string>;
  phone?: Opt<string>;
  defaultExpenseAccountId?: Opt<string>;
}

export interface InvoiceLineInput {
  lineId: string;
  kind: InvoiceLineKind;
  description?: Opt<string>;
  quantity: string;
  unitPrice: string;
  amount: string;
  taxCode?: Opt<string>;
  taxable?: Opt<boolean>;
  jobTypeExternalId?: Opt<string>;
  supplyExternalId?: Opt<string>;
  teamExternalId?: Opt<string>;
}

export interface InvoiceInput {
  externalId: string;
  customerExternalId: string;
  number: string;
  date: string;
  dueDate?: Opt<string>;
  currency: string;
  exchangeRate?: Opt<string>;
  type?: Opt<InvoiceType>;
  taxInclusive?: Opt<boolean>;
  lines: InvoiceLineInput[];
  retentionWithheld?: Opt<string>;
  retentionReleased?: Opt<string>;
  subtotal: string;
  totalTax: string;
  total: string;
  jobNumber?: Opt<string>;
  customerOrderNumber?: Opt<string>;
  siteAddress?: Opt<string>;
  workOrder?: Opt<string>;
  teamExternalId?: Opt<string>;
  jobTypeExternalId?: Opt<string>;
}

export interface PaymentAllocationInput {
  invoiceExternalId: string;
  amount: string;
}

export interface PaymentRefundInput {
  refundId: string;
  date: string;
  amount: string;
  reference?: Opt<string>;
}

export interface PaymentInput {
  externalId: string;
  customerExternalId: string;
  date: string;
  currency: string;
  exchangeRate?: Opt<string>;
  amount: string;
  paymentMethodExternalId: string;
  surcharge?: Opt<string>;
  reference?: Opt<string>;
  allocations: PaymentAllocationInput[];
  /** Absent or null: the refunds already recorded stay as they are. */
  refunds?: Opt<PaymentRefundInput[]>;
}

export interface CreditNoteLineInput {
  lineId: string;
  description?: Opt<string>;
  amount: string;
  taxCode?: Opt<string>;
  taxable?: Opt<boolean>;
}

export interface CreditNoteInput {
  externalId: string;
  customerExternalId: string;
  invoiceExternalId?: Opt<string>;
  number: string;
  date: string;
  taxInclusive?: Opt<boolean>;
  lines: CreditNoteLineInput[];
  totalTax: string;
  total: string;
}

export interface BadDebtWriteOffInput {
  externalId: string;
  invoiceExternalId: string;
  date: string;
  amount: string;
  reason?: Opt<string>;
}

export interface PurchaseLineInput {
  lineId: string;
  description?: Opt<string>;
  amount: string;
  accountId?: Opt<string>;
  taxCode?: Opt<string>;
  taxable?: Opt<boolean>;
  teamExternalId?: Opt<string>;
  supplyExternalId?: Opt<string>;
  quantity?: Opt<string>;
  unitCost?: Opt<string>;
}

export interface SupplierInvoiceInput {
  externalId: string;
  supplierExternalId: string;
  number: string;
  date: string;
  dueDate?: Opt<string>;
  taxInclusive?: Opt<boolean>;
  lines: PurchaseLineInput[];
  totalTax: string;
  total: string;
}

export interface ExpenseInput {
  externalId: string;
  supplierExternalId?: Opt<string>;
  date: string;
  paidFromAccountId?: Opt<string>;
  taxInclusive?: Opt<boolean>;
  lines: PurchaseLineInput[];
  totalTax: string;
  total: string;
  reference?: Opt<string>;
}

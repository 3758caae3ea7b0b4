/**
 * GraphQL object types of the FSM ledger records. Field names follow the contract records
 * (`ledger-record.types.ts`), so resolvers return those records as they are; `sync` (and an invoice's
 * balance) are resolved per request through DataLoaders.
 */
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../graphql/pagination.js';
import { LocalDateScalar, MoneyScalar } from '../graphql/scalars.js';
import { type InvoiceLineKind, type InvoiceType, type RecordStatus, type RecordSyncStatus } from './ledger-record.types.js';
import { QuantityScalar } from './quantity.scalar.js';
import { SyncIssueCodeEnum } from '../sync/sync.type.js';

export const RecordStatusEnum = { ACTIVE: 'ACTIVE', VOIDED: 'VOIDED', DELETED: 'DELETED' } as const satisfies Record<RecordStatus, RecordStatus>;
registerEnumType(RecordStatusEnum, { name: 'RecordStatus', description: 'What the FSM says happened to the record (voids and deletes are mirrored in QBO).',
  valuesConfig: {
    ACTIVE: { description: 'The record stands (the normal state).' },
    VOIDED: { description: 'Voided in the FSM: kept at zero, and voided in QuickBooks too.' },
    DELETED: { description: 'Deleted in the FSM: deleted in QuickBooks too.' },
  },
});

export const InvoiceLineKindEnum = { LABOUR: 'LABOUR', SUPPLIES: 'SUPPLIES', OTHER: 'OTHER', DISCOUNT: 'DISCOUNT' } as const satisfies Record<InvoiceLineKind, InvoiceLineKind>;
registerEnumType(InvoiceLineKindEnum, { name: 'InvoiceLineKind', description: 'DISCOUNT lines are negative and post to the discountAccount setting (labour income when it is not set).',
  valuesConfig: {
    LABOUR: { description: 'Labour: posts to the labour income account (job type override, else defaultLabourIncomeAccount).' },
    SUPPLIES: { description: 'Supplies or materials (may name a supply): posts to the supplies income account (supply, job type, else defaultSuppliesIncomeAccount).' },
    OTHER: { description: 'Anything else: posts like labour.' },
    DISCOUNT: { description: 'A discount: a negative amount, posted to the discountAccount setting.' },
  },
});

export const InvoiceTypeEnum = {
  STANDARD: 'STANDARD',
  PROGRESS_CLAIM: 'PROGRESS_CLAIM',
  COMPLETION: 'COMPLETION',
  FINAL_RETENTION: 'FINAL_RETENTION',
} as const satisfies Record<InvoiceType, InvoiceType>;
registerEnumType(InvoiceTypeEnum, { name: 'InvoiceType', description: 'Progress claims withhold retention; completion and final retention invoices release it.',
  valuesConfig: {
    STANDARD: { description: 'An ordinary invoice; may withhold retention.' },
    PROGRESS_CLAIM: { description: 'A progress claim on a contract: may withhold retention (retentionWithheld).' },
    COMPLETION: { description: 'The invoice at practical completion: may release retention (retentionReleased).' },
    FINAL_RETENTION: { description: 'The final invoice that releases the rest of the retention (retentionReleased).' },
  },
});

type SyncState = RecordSyncStatus['state'];
export const RecordSyncStateEnum = {
  NOT_SYNCED: 'NOT_SYNCED',
  PENDING: 'PENDING',
  SYNCED: 'SYNCED',
  FAILED: 'FAILED',
  BLOCKED: 'BLOCKED',
  SKIPPED: 'SKIPPED',
} as const satisfies Record<SyncState, SyncState>;
registerEnumType(RecordSyncStateEnum, { name: 'RecordSyncState', description: 'Where a record stands with QuickBooks.',
  valuesConfig: {
    NOT_SYNCED: { description: 'Never sent to QuickBooks yet (no run has taken it).' },
    PENDING: { description: 'Waiting to be sent: a new version is not in QuickBooks yet.' },
    SYNCED: { description: 'QuickBooks has the current version.' },
    FAILED: { description: 'The last attempt failed; the open sync issue (issueId) says why and what to do.' },
    BLOCKED: { description: 'Waiting for another record (e.g. its customer) that could not be sent.' },
    SKIPPED: { description: 'Left out on purpose (e.g. dated before the accounting start date, or an ignored issue).' },
  },
});

@ObjectType('RecordSync', { description: "A ledger record's state in QuickBooks." })
export class RecordSyncType {
  @Field(() => RecordSyncStateEnum, { description: 'Where the record stands with QuickBooks.' })
  state!: SyncState;

  @Field(() => String, { nullable: true, description: 'The QBO entity Id once pushed.' })
  quickBooksId!: string | null;

  @Field(() => Int, { nullable: true, description: 'The record version QBO has.' })
  syncedVersion!: number | null;

  @Field(() => Date, { nullable: true, description: 'When QuickBooks last accepted a version of it; null: never.' })
  lastSyncedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The open sync issue, if any.' })
  issueId!: string | null;

  @Field(() => SyncIssueCodeEnum, { nullable: true, description: "The open sync issue's code; null when there is none." })
  issueCode!: string | null;

  @Field(() => String, { nullable: true, description: "The open sync issue's message, in plain words; null when there is none." })
  issueMessage!: string | null;
}

/** Fields every ledger record type shows. */
@ObjectType()
abstract class LedgerRecordFields {
  @Field(() => ID, { description: "The gateway's id of the record (pass it as `id` to the single-record queries)." })
  id!: string;

  @Field(() => String, { description: "The FSM's own id." })
  externalId!: string;

  @Field(() => Int, { description: 'Bumped on every content or status change; an identical upsert keeps it.' })
  version!: number;

  @Field(() => RecordStatusEnum, { description: 'Active, voided or deleted, as the FSM says.' })
  status!: RecordStatus;

  @Field(() => Boolean, { description: 'This version is not in QuickBooks yet.' })
  pushPending!: boolean;

  @Field(() => Date, { description: 'When the gateway first received the record.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When the gateway last received a change to it.' })
  updatedAt!: Date;
}

@ObjectType('PostalAddress', { description: 'A postal address (QuickBooks BillAddr).' })
export class PostalAddressType {
  @Field(() => String, { nullable: true, description: 'First street line.' }) line1?: string;
  @Field(() => String, { nullable: true, description: 'Second street line.' }) line2?: string;
  @Field(() => String, { nullable: true, description: 'City or suburb.' }) city?: string;
  @Field(() => String, { nullable: true, description: 'State, province or region, e.g. "NSW".' }) region?: string;
  @Field(() => String, { nullable: true, description: 'Postcode or ZIP.' }) postalCode?: string;
  @Field(() => String, { nullable: true, description: 'Country, as written by the FSM.' }) country?: string;
}

@ObjectType('Customer', { description: 'An FSM customer.' })
export class CustomerType extends LedgerRecordFields {
  @Field(() => String, { description: 'The name shown everywhere; QuickBooks requires it to be unique among customers, suppliers and employees.' }) displayName!: string;
  @Field(() => String, { nullable: true, description: 'Company name, when a business.' }) companyName?: string;
  @Field(() => String, { nullable: true, description: "Contact's first name." }) givenName?: string;
  @Field(() => String, { nullable: true, description: "Contact's last name." }) familyName?: string;
  @Field(() => String, { nullable: true, description: 'Email address.' }) email?: string;
  @Field(() => String, { nullable: true, description: 'Phone number.' }) phone?: string;
  @Field(() => PostalAddressType, { nullable: true, description: 'Billing address (QuickBooks BillAddr).' }) billingAddress?: PostalAddressType;
  @Field(() => String, { nullable: true, description: 'ISO 4217 code; null: the QuickBooks home currency.' }) currency?: string;
}

@ObjectType('Supplier', { description: 'An FSM supplier (a QBO vendor).' })
export class SupplierType extends LedgerRecordFields {
  @Field(() => String, { description: 'The name shown everywhere; QuickBooks requires it to be unique among customers, suppliers and employees.' }) displayName!: string;
  @Field(() => String, { nullable: true, description: 'Company name, when a business.' }) companyName?: string;
  @Field(() => String, { nullable: true, description: 'Email address.' }) email?: string;
  @Field(() => String, { nullable: true, description: 'Phone number.' }) phone?: string;
  @Field(() => ID, { nullable: true, description: "QBO account id for this supplier's lines when a line names none." }) defaultExpenseAccountId?: string;
}

@ObjectType('InvoiceLine', { description: 'One line of an invoice.' })
export class InvoiceLineType {
  @Field(() => String, { description: "The FSM's line id, unique within the invoice." }) lineId!: string;
  @Field(() => InvoiceLineKindEnum, { description: 'What the line sells: decides the income account it posts to.' }) kind!: InvoiceLineKind;
  @Field(() => String, { description: 'Line text, as printed on the invoice.' }) description!: string;
  @Field(() => QuantityScalar, { description: 'Quantity (hours or units), an exact decimal.' }) quantity!: string;
  @Field(() => MoneyScalar, { description: 'Price per unit; tax-inclusive when the invoice is.' }) unitPrice!: string;
  @Field(() => MoneyScalar, { description: 'quantity x unitPrice rounded half-up to cents.' }) amount!: string;
  @Field(() => String, { nullable: true, description: 'QuickBooks tax code name on the line, e.g. "GST" (non-US companies); null: none given.' }) taxCode?: string;
  @Field(() => Boolean, { nullable: true, description: 'Taxable line (US companies: sales tax applies); null: not given.' }) taxable?: boolean;
  @Field(() => ID, { nullable: true, description: "The job type of the line (gateway id), overriding the invoice's; see jobType." }) jobTypeId?: string;
  @Field(() => ID, { nullable: true, description: 'The supply sold (gateway id), for SUPPLIES lines; see supply.' }) supplyId?: string;
  @Field(() => ID, { nullable: true, description: "The team that did the work (gateway id), overriding the invoice's; see team." }) teamId?: string;
}

@ObjectType('Invoice', { description: 'An FSM invoice (a QBO Invoice).' })
export class InvoiceRecordType extends LedgerRecordFields {
  @Field(() => ID, { description: 'The customer (gateway id); see customer.' }) customerId!: string;
  @Field(() => String, { description: 'The FSM invoice number (QBO DocNumber).' }) number!: string;
  @Field(() => LocalDateScalar, { description: 'Transaction date (QuickBooks TxnDate).' }) date!: string;
  @Field(() => LocalDateScalar, { nullable: true, description: "When payment is due; null: the customer's terms in QuickBooks decide." }) dueDate?: string;
  @Field(() => String, { description: 'ISO 4217 code, e.g. "AUD".' }) currency!: string;
  @Field(() => String, { nullable: true, description: 'Home-currency units per one unit of currency; null: QuickBooks chooses the rate.' }) exchangeRate?: string;
  @Field(() => InvoiceTypeEnum, { description: 'Standard invoice, progress claim, completion or final retention invoice.' }) type!: InvoiceType;
  @Field(() => Boolean, { description: 'Line amounts include tax.' }) taxInclusive!: boolean;
  @Field(() => [InvoiceLineType], { description: "The invoice lines, in the FSM's order." }) lines!: InvoiceLineType[];
  @Field(() => MoneyScalar, { nullable: true, description: 'Retention withheld by this invoice (progress claims); null: none.' }) retentionWithheld?: string;
  @Field(() => MoneyScalar, { nullable: true, description: 'Retention released by this invoice (completion and final retention invoices); null: none.' }) retentionReleased?: string;
  @Field(() => MoneyScalar, { description: 'Sum of the line amounts.' }) subtotal!: string;
  @Field(() => MoneyScalar, { description: 'Total tax.' }) totalTax!: string;
  @Field(() => MoneyScalar, { description: 'What the customer owes: subtotal (+ totalTax when tax-exclusive) - retentionWithheld + retentionReleased.' }) total!: string;
  @Field(() => String, { nullable: true, description: 'The FSM job number.' }) jobNumber?: string;
  @Field(() => String, { nullable: true, description: "The customer's order (PO) number." }) customerOrderNumber?: string;
  @Field(() => String, { nullable: true, description: 'Where the work was done.' }) siteAddress?: string;
  @Field(() => String, { nullable: true, description: 'The FSM work order number.' }) workOrder?: string;
  @Field(() => ID, { nullable: true, description: 'The team that did the work (gateway id); see team.' }) teamId?: string;
  @Field(() => ID, { nullable: true, description: 'The job type (gateway id), which may override income accounts; see jobType.' }) jobTypeId?: string;
}

@ObjectType('PaymentRefund', { description: "Money paid back out of the payment's unapplied credit (a QuickBooks RefundReceipt)." })
export class PaymentRefundType {
  @Field(() => String, { description: "The FSM's id of the refund, unique within the payment." }) refundId!: string;
  @Field(() => LocalDateScalar, { description: 'When the money was paid back.' }) date!: string;
  @Field(() => MoneyScalar, { description: 'The amount paid back.' }) amount!: string;
  @Field(() => String, { nullable: true, description: 'Reference text (cheque number, bank reference, ...).' }) reference?: string;
}

@ObjectType('PaymentAllocation', { description: 'The part of a payment applied to one invoice.' })
export class PaymentAllocationType {
  @Field(() => ID, { description: 'The invoice paid (gateway id); see invoice.' }) invoiceId!: string;
  @Field(() => MoneyScalar, { description: 'The amount applied to that invoice.' }) amount!: string;
}

@ObjectType('Payment', { description: 'A customer payment applied to one or more invoices.' })
export class PaymentType extends LedgerRecordFields {
  @Field(() => ID, { description: 'The paying customer (gateway id); see customer.' }) customerId!: string;
  @Field(() => LocalDateScalar, { description: 'Transaction date (QuickBooks TxnDate).' }) date!: string;
  @Field(() => String, { description: 'ISO 4217 code, e.g. "AUD"; the same as the invoices it pays.' }) currency!: string;
  @Field(() => String, { nullable: true, description: 'Home-currency units per one unit of currency; null: QuickBooks chooses the rate.' }) exchangeRate?: string;
  @Field(() => MoneyScalar, { description: 'The money received (excluding any surcharge).' }) amount!: string;
  @Field(() => [PaymentAllocationType], { description: 'The invoices it pays, and how much of each.' }) allocations!: PaymentAllocationType[];
  refunds?: PaymentRefundType[];
  @Field(() => ID, { description: 'The FSM payment method (gateway id); see paymentMethod.' }) paymentMethodId!: string;
  @Field(() => MoneyScalar, { nullable: true, description: 'Card surcharge collected on top of amount.' }) surcharge?: string;
  @Field(() => String, { nullable: true, description: 'Reference text (cheque number, bank reference, ...).' }) reference?: string;
}

@ObjectType('CreditNoteLine', { description: 'One line of a credit note.' })
export class CreditNoteLineType {
  @Field(() => String, { description: "The FSM's line id, unique within the credit note." }) lineId!: string;
  @Field(() => String, { description: 'Line text.' }) description!: string;
  @Field(() => MoneyScalar, { description: 'Amount credited on the line.' }) amount!: string;
  @Field(() => String, { nullable: true, description: 'QuickBooks tax code name on the line, e.g. "GST" (non-US companies); null: none given.' }) taxCode?: string;
  @Field(() => Boolean, { nullable: true, description: 'Taxable line (US companies: sales tax applies); null: not given.' }) taxable?: boolean;
}

@ObjectType('CreditNote', { description: 'A credit note (a QBO CreditMemo), optionally against one invoice.' })
export class CreditNoteType extends LedgerRecordFields {
  @Field(() => ID, { description: 'The customer credited (gateway id); see customer.' }) customerId!: string;
  @Field(() => ID, { nullable: true, description: 'The invoice it is applied to (gateway id); null: left as customer credit. See invoice.' }) invoiceId?: string;
  @Field(() => String, { description: 'The credit note number (QuickBooks DocNumber).' }) number!: string;
  @Field(() => LocalDateScalar, { description: 'Transaction date (QuickBooks TxnDate).' }) date!: string;
  @Field(() => Boolean, { description: 'Line amounts include tax.' }) taxInclusive!: boolean;
  @Field(() => [CreditNoteLineType], { description: 'The credit note lines.' }) lines!: CreditNoteLineType[];
  @Field(() => MoneyScalar, { description: 'Total tax.' }) totalTax!: string;
  @Field(() => MoneyScalar, { description: 'The amount credited, tax included.' }) total!: string;
}

@ObjectType('BadDebtWriteOff', { description: 'Part or all of an invoice written off as bad debt.' })
export class BadDebtWriteOffType extends LedgerRecordFields {
  @Field(() => ID, { description: 'The invoice written off (gateway id); see invoice.' }) invoiceId!: string;
  @Field(() => ID, { description: 'The customer of that invoice (gateway id); see customer.' }) customerId!: string;
  @Field(() => LocalDateScalar, { description: 'Transaction date (QuickBooks TxnDate).' }) date!: string;
  @Field(() => MoneyScalar, { description: 'The amount written off.' }) amount!: string;
  @Field(() => String, { nullable: true, description: "Why, in the FSM user's words." }) reason?: string;
}

@ObjectType('PurchaseLine', { description: 'One line of a supplier invoice or expense.' })
export class PurchaseLineType {
  @Field(() => String, { description: "The FSM's line id, unique within the record." }) lineId!: string;
  @Field(() => String, { description: 'Line text.' }) description!: string;
  @Field(() => MoneyScalar, { description: 'Line amount; tax-inclusive when the record is.' }) amount!: string;
  @Field(() => ID, { nullable: true, description: 'QBO account id.' }) accountId?: string;
  @Field(() => String, { nullable: true, description: 'QuickBooks tax code name on the line, e.g. "GST" (non-US companies); null: none given.' }) taxCode?: string;
  @Field(() => Boolean, { nullable: true, description: 'Taxable line (US companies: sales tax applies); null: not given.' }) taxable?: boolean;
  @Field(() => ID, { nullable: true, description: 'The team the cost belongs to (gateway id); see team.' }) teamId?: string;
  @Field(() => ID, { nullable: true, description: 'The supply bought (gateway id); see supply.' }) supplyId?: string;
  @Field(() => QuantityScalar, { nullable: true, description: 'Units bought, with a supply; null otherwise.' }) quantity?: string;
  @Field(() => MoneyScalar, { nullable: true, description: 'Cost per unit, with a supply; null otherwise.' }) unitCost?: string;
}

@ObjectType('SupplierInvoice', { description: 'A supplier invoice (a QBO Bill).' })
export class SupplierInvoiceType extends LedgerRecordFields {
  @Field(() => ID, { description: 'The supplier (gateway id); see supplier.' }) supplierId!: string;
  @Field(() => String, { description: "The supplier's invoice number (QuickBooks DocNumber of the Bill)." }) number!: string;
  @Field(() => LocalDateScalar, { description: 'Transaction date (QuickBooks TxnDate).' }) date!: string;
  @Field(() => LocalDateScalar, { nullable: true, description: "When the bill is due; null: the supplier's terms in QuickBooks decide." }) dueDate?: string;
  @Field(() => Boolean, { description: 'Line amounts include tax.' }) taxInclusive!: boolean;
  @Field(() => [PurchaseLineType], { description: 'The bill lines.' }) lines!: PurchaseLineType[];
  @Field(() => MoneyScalar, { description: 'Total tax.' }) totalTax!: string;
  @Field(() => MoneyScalar, { description: 'The amount owed to the supplier, tax included.' }) total!: string;
}

@ObjectType('Expense', { description: 'An expense paid on the spot (a QBO Purchase).' })
export class ExpenseType extends LedgerRecordFields {
  @Field(() => ID, { nullable: true, description: 'The supplier paid (gateway id); null: none named. See supplier.' }) supplierId?: string;
  @Field(() => LocalDateScalar, { description: 'Transaction date (QuickBooks TxnDate).' }) date!: string;
  @Field(() => ID, { nullable: true, description: 'QBO bank or credit-card account it was paid from.' }) paidFromAccountId?: string;
  @Field(() => Boolean, { description: 'Line amounts include tax.' }) taxInclusive!: boolean;
  @Field(() => [PurchaseLineType], { description: 'The expense lines.' }) lines!: PurchaseLineType[];
  @Field(() => MoneyScalar, { description: 'Total tax.' }) totalTax!: string;
  @Field(() => MoneyScalar, { description: 'The amount paid, tax included.' }) total!: string;
  @Field(() => String, { nullable: true, description: 'Reference text (cheque number, bank reference, ...).' }) reference?: string;
}

export const { ConnectionType: CustomerConnection } = connectionTypes('Customer', CustomerType, 'customers');
export type CustomerConnection = InstanceType<typeof CustomerConnection>;
export const { ConnectionType: SupplierConnection } = connectionTypes('Supplier', SupplierType, 'suppliers');
export type SupplierConnection = InstanceType<typeof SupplierConnection>;
export const { ConnectionType: InvoiceConnection } = connectionTypes('Invoice', InvoiceRecordType, 'invoices');
export type InvoiceConnection = InstanceType<typeof InvoiceConnection>;
export const { ConnectionType: PaymentConnection } = connectionTypes('Payment', PaymentType, 'payments');
export type PaymentConnection = InstanceType<typeof PaymentConnection>;
export const { ConnectionType: CreditNoteConnection } = connectionTypes('CreditNote', CreditNoteType, 'credit notes');
export type CreditNoteConnection = InstanceType<typeof CreditNoteConnection>;
export const { ConnectionType: BadDebtWriteOffConnection } = connectionTypes('BadDebtWriteOff', BadDebtWriteOffType, 'bad-debt write-offs');
export type BadDebtWriteOffConnection = InstanceType<typeof BadDebtWriteOffConnection>;
export const { ConnectionType: SupplierInvoiceConnection } = connectionTypes('SupplierInvoice', SupplierInvoiceType, 'supplier invoices');
export type SupplierInvoiceConnection = InstanceType<typeof SupplierInvoiceConnection>;
export const { ConnectionType: ExpenseConnection } = connectionTypes('Expense', ExpenseType, 'expenses');
export type ExpenseConnection = InstanceType<typeof ExpenseConnection>;

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

export const RecordStatusEnum = { ACTIVE: 'ACTIVE', VOIDED: 'VOIDED', DELETED: 'DELETED' } as const satisfies Record<RecordStatus, RecordStatus>;
registerEnumType(RecordStatusEnum, { name: 'RecordStatus', description: 'What the FSM says happened to the record (voids and deletes are mirrored in QBO).' });

export const InvoiceLineKindEnum = { LABOUR: 'LABOUR', SUPPLIES: 'SUPPLIES', OTHER: 'OTHER', DISCOUNT: 'DISCOUNT' } as const satisfies Record<InvoiceLineKind, InvoiceLineKind>;
registerEnumType(InvoiceLineKindEnum, { name: 'InvoiceLineKind', description: 'DISCOUNT lines are negative and post to the discountAccount setting (labour income when it is not set).' });

export const InvoiceTypeEnum = {
  STANDARD: 'STANDARD',
  PROGRESS_CLAIM: 'PROGRESS_CLAIM',
  COMPLETION: 'COMPLETION',
  FINAL_RETENTION: 'FINAL_RETENTION',
} as const satisfies Record<InvoiceType, InvoiceType>;
registerEnumType(InvoiceTypeEnum, { name: 'InvoiceType', description: 'Progress claims withhold retention; completion and final retention invoices release it.' });

type SyncState = RecordSyncStatus['state'];
export const RecordSyncStateEnum = {
  NOT_SYNCED: 'NOT_SYNCED',
  PENDING: 'PENDING',
  SYNCED: 'SYNCED',
  FAILED: 'FAILED',
  BLOCKED: 'BLOCKED',
  SKIPPED: 'SKIPPED',
} as const satisfies Record<SyncState, SyncState>;
registerEnumType(RecordSyncStateEnum, { name: 'RecordSyncState' });

@ObjectType('RecordSync', { description: "A ledger record's state in QuickBooks." })
export class RecordSyncType {
  @Field(() => RecordSyncStateEnum)
  state!: SyncState;

  @Field(() => String, { nullable: true, description: 'The QBO entity Id once pushed.' })
  quickBooksId!: string | null;

  @Field(() => Int, { nullable: true, description: 'The record version QBO has.' })
  syncedVersion!: number | null;

  @Field(() => Date, { nullable: true })
  lastSyncedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The open sync issue, if any.' })
  issueId!: string | null;

  @Field(() => String, { nullable: true })
  issueCode!: string | null;

  @Field(() => String, { nullable: true })
  issueMessage!: string | null;
}

/** Fields every ledger record type shows. */
@ObjectType()
abstract class LedgerRecordFields {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "The FSM's own id." })
  externalId!: string;

  @Field(() => Int, { description: 'Bumped on every content or status change; an identical upsert keeps it.' })
  version!: number;

  @Field(() => RecordStatusEnum)
  status!: RecordStatus;

  @Field(() => Boolean, { description: 'This version is not in QuickBooks yet.' })
  pushPending!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('PostalAddress')
export class PostalAddressType {
  @Field(() => String, { nullable: true }) line1?: string;
  @Field(() => String, { nullable: true }) line2?: string;
  @Field(() => String, { nullable: true }) city?: string;
  @Field(() => String, { nullable: true }) region?: string;
  @Field(() => String, { nullable: true }) postalCode?: string;
  @Field(() => String, { nullable: true }) country?: string;
}

@ObjectType('Customer', { description: 'An FSM customer.' })
export class CustomerType extends LedgerRecordFields {
  @Field(() => String) displayName!: string;
  @Field(() => String, { nullable: true }) companyName?: string;
  @Field(() => String, { nullable: true }) givenName?: string;
  @Field(() => String, { nullable: true }) familyName?: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => String, { nullable: true }) phone?: string;
  @Field(() => PostalAddressType, { nullable: true }) billingAddress?: PostalAddressType;
  @Field(() => String, { nullable: true, description: 'ISO 4217 code; null: the QuickBooks home currency.' }) currency?: string;
}

@ObjectType('Supplier', { description: 'An FSM supplier (a QBO vendor).' })
export class SupplierType extends LedgerRecordFields {
  @Field(() => String) displayName!: string;
  @Field(() => String, { nullable: true }) companyName?: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => String, { nullable: true }) phone?: string;
  @Field(() => ID, { nullable: true, description: "QBO account id for this supplier's lines when a line names none." }) defaultExpenseAccountId?: string;
}

@ObjectType('InvoiceLine')
export class InvoiceLineType {
  @Field(() => String) lineId!: string;
  @Field(() => InvoiceLineKindEnum) kind!: InvoiceLineKind;
  @Field(() => String) description!: string;
  @Field(() => QuantityScalar) quantity!: string;
  @Field(() => MoneyScalar) unitPrice!: string;
  @Field(() => MoneyScalar, { description: 'quantity x unitPrice rounded half-up to cents.' }) amount!: string;
  @Field(() => String, { nullable: true }) taxCode?: string;
  @Field(() => Boolean, { nullable: true }) taxable?: boolean;
  @Field(() => ID, { nullable: true }) jobTypeId?: string;
  @Field(() => ID, { nullable: true }) supplyId?: string;
  @Field(() => ID, { nullable: true }) teamId?: string;
}

@ObjectType('Invoice', { description: 'An FSM invoice (a QBO Invoice).' })
export class InvoiceRecordType extends LedgerRecordFields {
  @Field(() => ID) customerId!: string;
  @Field(() => String, { description: 'The FSM invoice number (QBO DocNumber).' }) number!: string;
  @Field(() => LocalDateScalar) date!: string;
  @Field(() => LocalDateScalar, { nullable: true }) dueDate?: string;
  @Field(() => String) currency!: string;
  @Field(() => String, { nullable: true, description: 'Home-currency units per one unit of currency; null: QuickBooks chooses the rate.' }) exchangeRate?: string;
  @Field(() => InvoiceTypeEnum) type!: InvoiceType;
  @Field(() => Boolean) taxInclusive!: boolean;
  @Field(() => [InvoiceLineType]) lines!: InvoiceLineType[];
  @Field(() => MoneyScalar, { nullable: true }) retentionWithheld?: string;
  @Field(() => MoneyScalar, { nullable: true }) retentionReleased?: string;
  @Field(() => MoneyScalar) subtotal!: string;
  @Field(() => MoneyScalar) totalTax!: string;
  @Field(() => MoneyScalar) total!: string;
  @Field(() => String, { nullable: true }) jobNumber?: string;
  @Field(() => String, { nullable: true }) customerOrderNumber?: string;
  @Field(() => String, { nullable: true }) siteAddress?: string;
  @Field(() => String, { nullable: true }) workOrder?: string;
  @Field(() => ID, { nullable: true }) teamId?: string;
  @Field(() => ID, { nullable: true }) jobTypeId?: string;
}

@ObjectType('PaymentRefund', { description: "Money paid back out of the payment's unapplied credit (a QuickBooks RefundReceipt)." })
export class PaymentRefundType {
  @Field(() => String) refundId!: string;
  @Field(() => LocalDateScalar) date!: string;
  @Field(() => MoneyScalar) amount!: string;
  @Field(() => String, { nullable: true }) reference?: string;
}

@ObjectType('PaymentAllocation')
export class PaymentAllocationType {
  @Field(() => ID) invoiceId!: string;
  @Field(() => MoneyScalar) amount!: string;
}

@ObjectType('Payment', { description: 'A customer payment applied to one or more invoices.' })
export class PaymentType extends LedgerRecordFields {
  @Field(() => ID) customerId!: string;
  @Field(() => LocalDateScalar) date!: string;
  @Field(() => String) currency!: string;
  @Field(() => String, { nullable: true, description: 'Home-currency units per one unit of currency; null: QuickBooks chooses the rate.' }) exchangeRate?: string;
  @Field(() => MoneyScalar) amount!: string;
  @Field(() => [PaymentAllocationType]) allocations!: PaymentAllocationType[];
  refunds?: PaymentRefundType[];
  @Field(() => ID) paymentMethodId!: string;
  @Field(() => MoneyScalar, { nullable: true, description: 'Card surcharge collected on top of amount.' }) surcharge?: string;
  @Field(() => String, { nullable: true }) reference?: string;
}

@ObjectType('CreditNoteLine')
export class CreditNoteLineType {
  @Field(() => String) lineId!: string;
  @Field(() => String) description!: string;
  @Field(() => MoneyScalar) amount!: string;
  @Field(() => String, { nullable: true }) taxCode?: string;
  @Field(() => Boolean, { nullable: true }) taxable?: boolean;
}

@ObjectType('CreditNote', { description: 'A credit note (a QBO CreditMemo), optionally against one invoice.' })
export class CreditNoteType extends LedgerRecordFields {
  @Field(() => ID) customerId!: string;
  @Field(() => ID, { nullable: true }) invoiceId?: string;
  @Field(() => String) number!: string;
  @Field(() => LocalDateScalar) date!: string;
  @Field(() => Boolean) taxInclusive!: boolean;
  @Field(() => [CreditNoteLineType]) lines!: CreditNoteLineType[];
  @Field(() => MoneyScalar) totalTax!: string;
  @Field(() => MoneyScalar) total!: string;
}

@ObjectType('BadDebtWriteOff', { description: 'Part or all of an invoice written off as bad debt.' })
export class BadDebtWriteOffType extends LedgerRecordFields {
  @Field(() => ID) invoiceId!: string;
  @Field(() => ID) customerId!: string;
  @Field(() => LocalDateScalar) date!: string;
  @Field(() => MoneyScalar) amount!: string;
  @Field(() => String, { nullable: true }) reason?: string;
}

@ObjectType('PurchaseLine')
export class PurchaseLineType {
  @Field(() => String) lineId!: string;
  @Field(() => String) description!: string;
  @Field(() => MoneyScalar) amount!: string;
  @Field(() => ID, { nullable: true, description: 'QBO account id.' }) accountId?: string;
  @Field(() => String, { nullable: true }) taxCode?: string;
  @Field(() => Boolean, { nullable: true }) taxable?: boolean;
  @Field(() => ID, { nullable: true }) teamId?: string;
  @Field(() => ID, { nullable: true }) supplyId?: string;
  @Field(() => QuantityScalar, { nullable: true }) quantity?: string;
  @Field(() => MoneyScalar, { nullable: true }) unitCost?: string;
}

@ObjectType('SupplierInvoice', { description: 'A supplier invoice (a QBO Bill).' })
export class SupplierInvoiceType extends LedgerRecordFields {
  @Field(() => ID) supplierId!: string;
  @Field(() => String) number!: string;
  @Field(() => LocalDateScalar) date!: string;
  @Field(() => LocalDateScalar, { nullable: true }) dueDate?: string;
  @Field(() => Boolean) taxInclusive!: boolean;
  @Field(() => [PurchaseLineType]) lines!: PurchaseLineType[];
  @Field(() => MoneyScalar) totalTax!: string;
  @Field(() => MoneyScalar) total!: string;
}

@ObjectType('Expense', { description: 'An expense paid on the spot (a QBO Purchase).' })
export class ExpenseType extends LedgerRecordFields {
  @Field(() => ID, { nullable: true }) supplierId?: string;
  @Field(() => LocalDateScalar) date!: string;
  @Field(() => ID, { nullable: true, description: 'QBO bank or credit-card account it was paid from.' }) paidFromAccountId?: string;
  @Field(() => Boolean) taxInclusive!: boolean;
  @Field(() => [PurchaseLineType]) lines!: PurchaseLineType[];
  @Field(() => MoneyScalar) totalTax!: string;
  @Field(() => MoneyScalar) total!: string;
  @Field(() => String, { nullable: true }) reference?: string;
}

export const { ConnectionType: CustomerConnection } = connectionTypes('Customer', CustomerType);
export type CustomerConnection = InstanceType<typeof CustomerConnection>;
export const { ConnectionType: SupplierConnection } = connectionTypes('Supplier', SupplierType);
export type SupplierConnection = InstanceType<typeof SupplierConnection>;
export const { ConnectionType: InvoiceConnection } = connectionTypes('Invoice', InvoiceRecordType);
export type InvoiceConnection = InstanceType<typeof InvoiceConnection>;
export const { ConnectionType: PaymentConnection } = connectionTypes('Payment', PaymentType);
export type PaymentConnection = InstanceType<typeof PaymentConnection>;
export const { ConnectionType: CreditNoteConnection } = connectionTypes('CreditNote', CreditNoteType);
export type CreditNoteConnection = InstanceType<typeof CreditNoteConnection>;
export const { ConnectionType: BadDebtWriteOffConnection } = connectionTypes('BadDebtWriteOff', BadDebtWriteOffType);
export type BadDebtWriteOffConnection = InstanceType<typeof BadDebtWriteOffConnection>;
export const { ConnectionType: SupplierInvoiceConnection } = connectionTypes('SupplierInvoice', SupplierInvoiceType);
export type SupplierInvoiceConnection = InstanceType<typeof SupplierInvoiceConnection>;
export const { ConnectionType: ExpenseConnection } = connectionTypes('Expense', ExpenseType);
export type ExpenseConnection = InstanceType<typeof ExpenseConnection>;

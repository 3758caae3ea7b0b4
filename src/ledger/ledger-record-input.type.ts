/**
 * GraphQL inputs of the ledger upserts. Each carries the FSM's own `externalId` (repeating a call is
 * harmless) and names other records by their FSM ids (`customerExternalId`...). Shapes match
 * `ledger-record.input.ts`, which the service validates; money is `Money`, never a float.
 */
import { Field, InputType } from 'type-graphql';
import { LocalDateScalar, MoneyScalar } from '../graphql/scalars.js';
import { type InvoiceLineKind, type InvoiceType } from './ledger-record.types.js';
import { InvoiceLineKindEnum, InvoiceTypeEnum } from './ledger-record.type.js';
import { QuantityScalar } from './quantity.scalar.js';

@InputType('PostalAddressInput')
export class PostalAddressInput {
  @Field(() => String, { nullable: true }) line1?: string | null;
  @Field(() => String, { nullable: true }) line2?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) region?: string | null;
  @Field(() => String, { nullable: true }) postalCode?: string | null;
  @Field(() => String, { nullable: true }) country?: string | null;
}

@InputType('UpsertCustomerInput')
export class UpsertCustomerInput {
  @Field(() => String, { description: "The FSM's own id: repeating an upsert with it updates the same record." }) externalId!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String, { nullable: true }) companyName?: string | null;
  @Field(() => String, { nullable: true }) givenName?: string | null;
  @Field(() => String, { nullable: true }) familyName?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => PostalAddressInput, { nullable: true }) billingAddress?: PostalAddressInput | null;
  @Field(() => String, { nullable: true, description: 'ISO 4217 code the customer deals in (e.g. "NZD"); default: the QuickBooks home currency. Cannot change once the customer has invoices or payments.' }) currency?: string | null;
}

@InputType('UpsertSupplierInput')
export class UpsertSupplierInput {
  @Field(() => String) externalId!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String, { nullable: true }) companyName?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'QBO account id.' }) defaultExpenseAccountId?: string | null;
}

@InputType('InvoiceLineInput')
export class InvoiceLineInput {
  @Field(() => String, { description: "The FSM's line id, unique within the invoice." }) lineId!: string;
  @Field(() => InvoiceLineKindEnum) kind!: InvoiceLineKind;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => QuantityScalar) quantity!: string;
  @Field(() => MoneyScalar) unitPrice!: string;
  @Field(() => MoneyScalar, { description: 'Must equal quantity x unitPrice rounded half-up to cents.' }) amount!: string;
  @Field(() => String, { nullable: true, description: 'Tax code name (non-US companies).' }) taxCode?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Taxable line (US companies).' }) taxable?: boolean | null;
  @Field(() => String, { nullable: true }) jobTypeExternalId?: string | null;
  @Field(() => String, { nullable: true, description: 'SUPPLIES lines only.' }) supplyExternalId?: string | null;
  @Field(() => String, { nullable: true }) teamExternalId?: string | null;
}

@InputType('UpsertInvoiceInput')
export class UpsertInvoiceInput {
  @Field(() => String) externalId!: string;
  @Field(() => String) customerExternalId!: string;
  @Field(() => String) number!: string;
  @Field(() => LocalDateScalar) date!: string;
  @Field(() => LocalDateScalar, { nullable: true }) dueDate?: string | null;
  @Field(() => String, { description: 'ISO 4217 code, e.g. "AUD".' }) currency!: string;
  @Field(() => String, { nullable: true, description: 'Foreign-currency invoices: home-currency units per one unit of currency (e.g. "0.9137"); absent: QuickBooks uses its own rate for the date.' }) exchangeRate?: string | null;
  @Field(() => InvoiceTypeEnum, { nullable: true, description: 'Default STANDARD.' }) type?: InvoiceType | null;
  @Field(() => Boolean, { nullable: true, description: 'Line amounts include tax (default false).' }) taxInclusive?: boolean | null;
  @Field(() => [InvoiceLineInput]) lines!: InvoiceLineInput[];
  @Field(() => MoneyScalar, { nullable: true, description: 'STANDARD and PROGRESS_CLAIM invoices.' }) retentionWithheld?: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'COMPLETION and FINAL_RETENTION only.' }) retentionReleased?: string | null;
  @Field(() => MoneyScalar, { description: 'Sum of the line amounts.' }) subtotal!: string;
  @Field(() => MoneyScalar) totalTax!: string;
  @Field(() => MoneyScalar, { description: 'subtotal (+ totalTax when tax-exclusive) - retentionWithheld + retentionReleased.' }) total!: string;
  @Field(() => String, { nullable: true }) jobNumber?: string | null;
  @Field(() => String, { nullable: true }) customerOrderNumber?: string | null;
  @Field(() => String, { nullable: true }) siteAddress?: string | null;
  @Field(() => String, { nullable: true }) workOrder?: string | null;
  @Field(() => String, { nullable: true }) teamExternalId?: string | null;
  @Field(() => String, { nullable: true }) jobTypeExternalId?: string | null;
}

@InputType('PaymentRefundInput', { description: "Money paid back to the customer out of the payment's unapplied credit." })
export class PaymentRefundInput {
  @Field(() => String, { description: "The FSM's id of the refund, unique within the payment." }) refundId!: string;
  @Field(() => LocalDateScalar, { description: 'Not before the payment date.' }) date!: string;
  @Field(() => MoneyScalar) amount!: string;
  @Field(() => String, { nullable: true }) reference?: string | null;
}

@InputType('PaymentAllocationInput')
export class PaymentAllocationInput {
  @Field(() => String) invoiceExternalId!: string;
  @Field(() => MoneyScalar) amount!: string;
}

@InputType('RecordPaymentInput')
export class RecordPaymentInput {
  @Field(() => String) externalId!: string;
  @Field(() => String) customerExternalId!: string;
  @Field(() => LocalDateScalar) date!: string;
  @Field(() => String, { description: "Must match each invoice's currency." }) currency!: string;
  @Field(() => String, { nullable: true, description: 'Foreign-currency payments: home-currency units per one unit of currency; absent: QuickBooks uses its own rate for the date.' }) exchangeRate?: string | null;
  @Field(() => MoneyScalar, { description: 'The money received: at least the sum of the allocations; the rest is customer credit (a deposit or overpayment).' }) amount!: string;
  @Field(() => String) paymentMethodExternalId!: string;
  @Field(() => MoneyScalar, { nullable: true, description: 'Card payments only.' }) surcharge?: string | null;
  @Field(() => String, { nullable: true }) reference?: string | null;
  @Field(() => [PaymentAllocationInput], { description: 'Invoices this payment pays, each at most its outstanding balance; empty for a deposit taken before invoicing.' })
  allocations!: PaymentAllocationInput[];
  @Field(() => [PaymentRefundInput], {
    nullable: true,
    description:
      'Refunds of the unapplied credit (each a QuickBooks RefundReceipt). Allocations + refunds never exceed the amount. Absent or null keeps the refunds already recorded; a list must still contain every refund recorded before (a refund cannot be taken back: void the payment instead).',
  })
  refunds?: PaymentRefundInput[] | null;
}

@InputType('CreditNoteLineInput')
export class CreditNoteLineInput {
  @Field(() => String) lineId!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => MoneyScalar) amount!: string;
  @Field(() => String, { nullable: true }) taxCode?: string | null;
  @Field(() => Boolean, { nullable: true }) taxable?: boolean | null;
}

@InputType('IssueCreditNoteInput')
export class IssueCreditNoteInput {
  @Field(() => String) externalId!: string;
  @Field(() => String) customerExternalId!: string;
  @Field(() => String, { nullable: true }) invoiceExternalId?: string | null;
  @Field(() => String) number!: string;
  @Field(() => LocalDateScalar) date!: string;
  @Field(() => Boolean, { nullable: true }) taxInclusive?: boolean | null;
  @Field(() => [CreditNoteLineInput]) lines!: CreditNoteLineInput[];
  @Field(() => MoneyScalar) totalTax!: string;
  @Field(() => MoneyScalar) total!: string;
}

@InputType('WriteOffBadDebtInput')
export class WriteOffBadDebtInput {
  @Field(() => String) externalId!: string;
  @Field(() => String) invoiceExternalId!: string;
  @Field(() => LocalDateScalar) date!: string;
  @Field(() => MoneyScalar, { description: "At most the invoice's outstanding balance." }) amount!: string;
  @Field(() => String, { nullable: true }) reason?: string | null;
}

@InputType('PurchaseLineInput')
export class PurchaseLineInput {
  @Field(() => String) lineId!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => MoneyScalar) amount!: string;
  @Field(() => String, { nullable: true, description: 'QBO account id.' }) accountId?: string | null;
  @Field(() => String, { nullable: true }) taxCode?: string | null;
  @Field(() => Boolean, { nullable: true }) taxable?: boolean | null;
  @Field(() => String, { nullable: true }) teamExternalId?: string | null;
  @Field(() => String, { nullable: true, description: 'Supplier invoices: the supply bought. A stock supply becomes an item line in QuickBooks that raises its quantity on hand.' }) supplyExternalId?: string | null;
  @Field(() => QuantityScalar, { nullable: true, description: 'With supplyExternalId: units bought.' }) quantity?: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'With supplyExternalId: cost per unit; amount must equal quantity x unitCost.' }) unitCost?: string | null;
}

@InputType('UpsertSupplierInvoiceInput')
export class UpsertSupplierInvoiceInput {
  @Field(() => String) externalId!: string;
  @Field(() => String) supplierExternalId!: string;
  @Field(() => String) number!: string;
  @Field(() => LocalDateScalar) date!: string;
  @Field(() => LocalDateScalar, { nullable: true }) dueDate?: string | null;
  @Field(() => Boolean, { nullable: true }) taxInclusive?: boolean | null;
  @Field(() => [PurchaseLineInput]) lines!: PurchaseLineInput[];
  @Field(() => MoneyScalar) totalTax!: string;
  @Field(() => MoneyScalar) total!: string;
}

@InputType('UpsertExpenseInput')
export class UpsertExpenseInput {
  @Field(() => String) externalId!: string;
  @Field(() => String, { nullable: true }) supplierExternalId?: string | null;
  @Field(() => LocalDateScalar) date!: string;
  @Field(() => String, { nullable: true, description: 'QBO bank or credit-card account id.' }) paidFromAccountId?: string | null;
  @Field(() => Boolean, { nullable: true }) taxInclusive?: boolean | null;
  @Field(() => [PurchaseLineInput]) lines!: PurchaseLineInput[];
  @Field(() => MoneyScalar) totalTax!: string;
  @Field(() => MoneyScalar) total!: string;
  @Field(() => String, { nullable: true }) reference?: string | null;
}

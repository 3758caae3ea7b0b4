/**
 * GraphQL inputs of the ledger upserts. Each carries the FSM's own `externalId` (repeating a call is
 * harmless) and names other records by their FSM ids (`customerExternalId`...). Shapes match
 * `ledger-record.input.ts`, which the service validates; money is `Money`, never a float.
 */
import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar, MoneyScalar } from '../graphql/scalars.js';
import { type InvoiceLineKind, type InvoiceType } from './ledger-record.types.js';
import { InvoiceLineKindEnum, InvoiceTypeEnum } from './ledger-record.type.js';
import { QuantityScalar } from './quantity.scalar.js';

@InputType('PostalAddressInput', { description: 'A postal address (QuickBooks BillAddr); every line is optional.' })
export class PostalAddressInput {
  @Field(() => String, { nullable: true, description: 'First street line.' }) line1?: string | null;
  @Field(() => String, { nullable: true, description: 'Second street line.' }) line2?: string | null;
  @Field(() => String, { nullable: true, description: 'City or suburb.' }) city?: string | null;
  @Field(() => String, { nullable: true, description: 'State, province or region, e.g. "NSW".' }) region?: string | null;
  @Field(() => String, { nullable: true, description: 'Postcode or ZIP.' }) postalCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Country.' }) country?: string | null;
}

@InputType('UpsertCustomerInput', { description: 'An FSM customer, created or updated by externalId.' })
export class UpsertCustomerInput {
  @Field(() => String, { description: "The FSM's own id: repeating an upsert with it updates the same record." }) externalId!: string;
  @Field(() => String, { description: 'The name shown everywhere; QuickBooks requires it to be unique among customers, suppliers and employees.' }) displayName!: string;
  @Field(() => String, { nullable: true, description: 'Company name, when a business.' }) companyName?: string | null;
  @Field(() => String, { nullable: true, description: "Contact's first name." }) givenName?: string | null;
  @Field(() => String, { nullable: true, description: "Contact's last name." }) familyName?: string | null;
  @Field(() => String, { nullable: true, description: 'Email address.' }) email?: string | null;
  @Field(() => String, { nullable: true, description: 'Phone number.' }) phone?: string | null;
  @Field(() => PostalAddressInput, { nullable: true, description: 'Billing address; null or omitted: none.' }) billingAddress?: PostalAddressInput | null;
  @Field(() => String, { nullable: true, description: 'ISO 4217 code the customer deals in (e.g. "NZD"); default: the QuickBooks home currency. Cannot change once the customer has invoices or payments.' }) currency?: string | null;
}

@InputType('UpsertSupplierInput', { description: 'An FSM supplier (a QuickBooks vendor), created or updated by externalId.' })
export class UpsertSupplierInput {
  @Field(() => String, { description: "The FSM's own id: repeating the call with it updates the same record, never a second one." }) externalId!: string;
  @Field(() => String, { description: 'The name shown everywhere; QuickBooks requires it to be unique among customers, suppliers and employees.' }) displayName!: string;
  @Field(() => String, { nullable: true, description: 'Company name, when a business.' }) companyName?: string | null;
  @Field(() => String, { nullable: true, description: 'Email address.' }) email?: string | null;
  @Field(() => String, { nullable: true, description: 'Phone number.' }) phone?: string | null;
  @Field(() => ID, { nullable: true, description: "The supplier's own expense account (QuickBooks account id, as Account.id): lines that name no account post there." }) defaultExpenseAccountId?: string | null;
}

@InputType('InvoiceLineInput', { description: 'One invoice line.' })
export class InvoiceLineInput {
  @Field(() => String, { description: "The FSM's line id, unique within the invoice." }) lineId!: string;
  @Field(() => InvoiceLineKindEnum, { description: 'What the line sells: decides the income account it posts to.' }) kind!: InvoiceLineKind;
  @Field(() => String, { nullable: true, description: 'Line text (at most 4,000 characters, as QuickBooks allows); absent: empty.' }) description?: string | null;
  @Field(() => QuantityScalar, { description: 'Quantity (hours or units), an exact decimal string, e.g. "1.5".' }) quantity!: string;
  @Field(() => MoneyScalar, { description: 'Price per unit; tax-inclusive when the invoice is.' }) unitPrice!: string;
  @Field(() => MoneyScalar, { description: 'Must equal quantity x unitPrice rounded half-up to cents.' }) amount!: string;
  @Field(() => String, { nullable: true, description: 'Tax code name (non-US companies).' }) taxCode?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Taxable line (US companies).' }) taxable?: boolean | null;
  @Field(() => String, { nullable: true, description: "The line's job type (FSM id), overriding the invoice's." }) jobTypeExternalId?: string | null;
  @Field(() => String, { nullable: true, description: 'SUPPLIES lines only.' }) supplyExternalId?: string | null;
  @Field(() => String, { nullable: true, description: "The team that did the line's work (FSM id), overriding the invoice's." }) teamExternalId?: string | null;
}

@InputType('UpsertInvoiceInput', { description: 'An FSM invoice, created or updated by externalId; totals must add up to the cent.' })
export class UpsertInvoiceInput {
  @Field(() => String, { description: "The FSM's own id: repeating the call with it updates the same record, never a second one." }) externalId!: string;
  @Field(() => String, { description: 'The customer (FSM id); upsert the customer first.' }) customerExternalId!: string;
  @Field(() => String, { description: 'The invoice number (QuickBooks DocNumber), at most 21 characters.' }) number!: string;
  @Field(() => LocalDateScalar, { description: 'Transaction date.' }) date!: string;
  @Field(() => LocalDateScalar, { nullable: true, description: "When payment is due; absent: the customer's terms in QuickBooks decide." }) dueDate?: string | null;
  @Field(() => String, { description: 'ISO 4217 code, e.g. "AUD".' }) currency!: string;
  @Field(() => String, { nullable: true, description: 'Foreign-currency invoices: home-currency units per one unit of currency (e.g. "0.9137"); absent: QuickBooks uses its own rate for the date.' }) exchangeRate?: string | null;
  @Field(() => InvoiceTypeEnum, { nullable: true, description: 'Default STANDARD.' }) type?: InvoiceType | null;
  @Field(() => Boolean, { nullable: true, description: 'Line amounts include tax (default false).' }) taxInclusive?: boolean | null;
  @Field(() => [InvoiceLineInput], { description: 'The invoice lines (at least one).' }) lines!: InvoiceLineInput[];
  @Field(() => MoneyScalar, { nullable: true, description: 'STANDARD and PROGRESS_CLAIM invoices.' }) retentionWithheld?: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'COMPLETION and FINAL_RETENTION only.' }) retentionReleased?: string | null;
  @Field(() => MoneyScalar, { description: 'Sum of the line amounts.' }) subtotal!: string;
  @Field(() => MoneyScalar, { description: 'Total tax; "0.00" when none.' }) totalTax!: string;
  @Field(() => MoneyScalar, { description: 'subtotal (+ totalTax when tax-exclusive) - retentionWithheld + retentionReleased.' }) total!: string;
  @Field(() => String, { nullable: true, description: 'The FSM job number (may go to the QuickBooks reference field: invoiceReferenceField).' }) jobNumber?: string | null;
  @Field(() => String, { nullable: true, description: "The customer's order (PO) number." }) customerOrderNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'Where the work was done.' }) siteAddress?: string | null;
  @Field(() => String, { nullable: true, description: 'The FSM work order number.' }) workOrder?: string | null;
  @Field(() => String, { nullable: true, description: 'The team that did the work (FSM id): its QuickBooks class or department (teamTrackingCategory).' }) teamExternalId?: string | null;
  @Field(() => String, { nullable: true, description: 'The job type (FSM id), which may override income accounts.' }) jobTypeExternalId?: string | null;
}

@InputType('PaymentRefundInput', { description: "Money paid back to the customer out of the payment's unapplied credit." })
export class PaymentRefundInput {
  @Field(() => String, { description: "The FSM's id of the refund, unique within the payment." }) refundId!: string;
  @Field(() => LocalDateScalar, { description: 'Not before the payment date.' }) date!: string;
  @Field(() => MoneyScalar, { description: 'The amount paid back.' }) amount!: string;
  @Field(() => String, { nullable: true, description: 'Reference text (cheque number, bank reference, ...).' }) reference?: string | null;
}

@InputType('PaymentAllocationInput', { description: 'The part of a payment applied to one invoice.' })
export class PaymentAllocationInput {
  @Field(() => String, { description: 'The invoice paid (FSM id).' }) invoiceExternalId!: string;
  @Field(() => MoneyScalar, { description: "The amount applied, at most the invoice's outstanding balance." }) amount!: string;
}

@InputType('RecordPaymentInput', { description: 'A customer payment, recorded or updated by externalId.' })
export class RecordPaymentInput {
  @Field(() => String, { description: "The FSM's own id: repeating the call with it updates the same record, never a second one." }) externalId!: string;
  @Field(() => String, { description: 'The paying customer (FSM id).' }) customerExternalId!: string;
  @Field(() => LocalDateScalar, { description: 'Transaction date.' }) date!: string;
  @Field(() => String, { description: "Must match each invoice's currency." }) currency!: string;
  @Field(() => String, { nullable: true, description: 'Foreign-currency payments: home-currency units per one unit of currency; absent: QuickBooks uses its own rate for the date.' }) exchangeRate?: string | null;
  @Field(() => MoneyScalar, { description: 'The money received: at least the sum of the allocations; the rest is customer credit (a deposit or overpayment).' }) amount!: string;
  @Field(() => String, { description: 'The FSM payment method (FSM id); a card method deposits to the card clearing account.' }) paymentMethodExternalId!: string;
  @Field(() => MoneyScalar, { nullable: true, description: 'Card payments only.' }) surcharge?: string | null;
  @Field(() => String, { nullable: true, description: 'Reference text (cheque number, bank reference, ...).' }) reference?: string | null;
  @Field(() => [PaymentAllocationInput], { description: 'Invoices this payment pays, each at most its outstanding balance; empty for a deposit taken before invoicing.' })
  allocations!: PaymentAllocationInput[];
  @Field(() => [PaymentRefundInput], {
    nullable: true,
    description:
      'Refunds of the unapplied credit (each a QuickBooks RefundReceipt). Allocations + refunds never exceed the amount. Absent or null keeps the refunds already recorded; a list must still contain every refund recorded before (a refund cannot be taken back: void the payment instead).',
  })
  refunds?: PaymentRefundInput[] | null;
}

@InputType('CreditNoteLineInput', { description: 'One credit note line.' })
export class CreditNoteLineInput {
  @Field(() => String, { description: "The FSM's line id, unique within the credit note." }) lineId!: string;
  @Field(() => String, { nullable: true, description: 'Line text (at most 4,000 characters, as QuickBooks allows); absent: empty.' }) description?: string | null;
  @Field(() => MoneyScalar, { description: 'Amount credited on the line.' }) amount!: string;
  @Field(() => String, { nullable: true, description: 'QuickBooks tax code name, e.g. "GST" (non-US companies).' }) taxCode?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Taxable line (US companies).' }) taxable?: boolean | null;
}

@InputType('IssueCreditNoteInput', { description: 'A credit note, issued or updated by externalId.' })
export class IssueCreditNoteInput {
  @Field(() => String, { description: "The FSM's own id: repeating the call with it updates the same record, never a second one." }) externalId!: string;
  @Field(() => String, { description: 'The customer credited (FSM id).' }) customerExternalId!: string;
  @Field(() => String, { nullable: true, description: 'The invoice to apply it to (FSM id); absent: it stays customer credit.' }) invoiceExternalId?: string | null;
  @Field(() => String, { description: 'The credit note number (QuickBooks DocNumber).' }) number!: string;
  @Field(() => LocalDateScalar, { description: 'Transaction date.' }) date!: string;
  @Field(() => Boolean, { nullable: true, description: 'Line amounts include tax (default false).' }) taxInclusive?: boolean | null;
  @Field(() => [CreditNoteLineInput], { description: 'The credit note lines (at least one).' }) lines!: CreditNoteLineInput[];
  @Field(() => MoneyScalar, { description: 'Total tax; "0.00" when none.' }) totalTax!: string;
  @Field(() => MoneyScalar, { description: 'The amount credited: sum of the lines (+ totalTax when tax-exclusive).' }) total!: string;
}

@InputType('WriteOffBadDebtInput', { description: 'A bad-debt write-off of (part of) an invoice, keyed by externalId.' })
export class WriteOffBadDebtInput {
  @Field(() => String, { description: "The FSM's own id: repeating the call with it updates the same record, never a second one." }) externalId!: string;
  @Field(() => String, { description: 'The invoice written off (FSM id).' }) invoiceExternalId!: string;
  @Field(() => LocalDateScalar, { description: 'Transaction date.' }) date!: string;
  @Field(() => MoneyScalar, { description: "At most the invoice's outstanding balance." }) amount!: string;
  @Field(() => String, { nullable: true, description: "Why, in the FSM user's words." }) reason?: string | null;
}

@InputType('PurchaseLineInput', { description: 'One line of a supplier invoice or expense.' })
export class PurchaseLineInput {
  @Field(() => String, { description: "The FSM's line id, unique within the record." }) lineId!: string;
  @Field(() => String, { nullable: true, description: 'Line text (at most 4,000 characters, as QuickBooks allows); absent: empty.' }) description?: string | null;
  @Field(() => MoneyScalar, { description: 'Line amount; tax-inclusive when the record is.' }) amount!: string;
  @Field(() => ID, { nullable: true, description: "The line's expense account (QuickBooks account id, as Account.id); absent: the supplier's, else the default setting." }) accountId?: string | null;
  @Field(() => String, { nullable: true, description: 'QuickBooks tax code name, e.g. "GST" (non-US companies).' }) taxCode?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Taxable line (US companies).' }) taxable?: boolean | null;
  @Field(() => String, { nullable: true, description: 'The team the cost belongs to (FSM id).' }) teamExternalId?: string | null;
  @Field(() => String, { nullable: true, description: 'Supplier invoices: the supply bought. A stock supply becomes an item line in QuickBooks that raises its quantity on hand.' }) supplyExternalId?: string | null;
  @Field(() => QuantityScalar, { nullable: true, description: 'With supplyExternalId: units bought.' }) quantity?: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'With supplyExternalId: cost per unit; amount must equal quantity x unitCost.' }) unitCost?: string | null;
}

@InputType('UpsertSupplierInvoiceInput', { description: 'A supplier invoice (a QuickBooks Bill), created or updated by externalId.' })
export class UpsertSupplierInvoiceInput {
  @Field(() => String, { description: "The FSM's own id: repeating the call with it updates the same record, never a second one." }) externalId!: string;
  @Field(() => String, { description: 'The supplier (FSM id); upsert the supplier first.' }) supplierExternalId!: string;
  @Field(() => String, { description: "The supplier's invoice number." }) number!: string;
  @Field(() => LocalDateScalar, { description: 'Transaction date.' }) date!: string;
  @Field(() => LocalDateScalar, { nullable: true, description: "When the bill is due; absent: the supplier's terms in QuickBooks decide." }) dueDate?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Line amounts include tax (default false).' }) taxInclusive?: boolean | null;
  @Field(() => [PurchaseLineInput], { description: 'The lines (at least one).' }) lines!: PurchaseLineInput[];
  @Field(() => MoneyScalar, { description: 'Total tax; "0.00" when none.' }) totalTax!: string;
  @Field(() => MoneyScalar, { description: 'The amount owed: sum of the lines (+ totalTax when tax-exclusive).' }) total!: string;
}

@InputType('UpsertExpenseInput', { description: 'An expense paid on the spot (a QuickBooks Purchase), created or updated by externalId.' })
export class UpsertExpenseInput {
  @Field(() => String, { description: "The FSM's own id: repeating the call with it updates the same record, never a second one." }) externalId!: string;
  @Field(() => String, { nullable: true, description: 'The supplier paid (FSM id); absent: none named.' }) supplierExternalId?: string | null;
  @Field(() => LocalDateScalar, { description: 'Transaction date.' }) date!: string;
  @Field(() => ID, { nullable: true, description: 'The bank or credit-card account it was paid from (QuickBooks account id, as Account.id).' }) paidFromAccountId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Line amounts include tax (default false).' }) taxInclusive?: boolean | null;
  @Field(() => [PurchaseLineInput], { description: 'The lines (at least one).' }) lines!: PurchaseLineInput[];
  @Field(() => MoneyScalar, { description: 'Total tax; "0.00" when none.' }) totalTax!: string;
  @Field(() => MoneyScalar, { description: 'The amount paid: sum of the lines (+ totalTax when tax-exclusive).' }) total!: string;
  @Field(() => String, { nullable: true, description: 'Reference text (cheque number, bank reference, ...).' }) reference?: string | null;
}

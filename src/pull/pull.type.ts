/** GraphQL shapes of the pull slice: customer import outcomes, QuickBooks changes, invoice flags. */
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../graphql/pagination.js';
import { LocalDateScalar, MoneyScalar } from '../graphql/scalars.js';

export enum CustomerImportStatusEnum {
  LINKED = 'LINKED',
  CREATED = 'CREATED',
  AMBIGUOUS = 'AMBIGUOUS',
}
registerEnumType(CustomerImportStatusEnum, { name: 'CustomerImportStatus', description: 'What the customer import did with a QuickBooks customer.',
  valuesConfig: {
    LINKED: { description: 'Linked to an existing FSM customer.' },
    CREATED: { description: 'Created as a new FSM customer.' },
    AMBIGUOUS: { description: 'Several FSM customers fit: a bookkeeper chooses (linkCustomer or createCustomerFromQuickBooks).' },
  },
});

export enum QuickBooksChangeKindEnum {
  PAYMENT_RECORDED = 'PAYMENT_RECORDED',
  PAYMENT_UPDATED = 'PAYMENT_UPDATED',
  PAYMENT_REVERSED = 'PAYMENT_REVERSED',
  PAYMENT_NOT_APPLIED = 'PAYMENT_NOT_APPLIED',
  CREDIT_APPLIED = 'CREDIT_APPLIED',
  CUSTOMER_UPDATED = 'CUSTOMER_UPDATED',
  CUSTOMER_CONFLICT = 'CUSTOMER_CONFLICT',
  INVOICE_VOIDED = 'INVOICE_VOIDED',
  INVOICE_DELETED = 'INVOICE_DELETED',
  INVOICE_EDITED = 'INVOICE_EDITED',
  CUSTOMER_CREATED = 'CUSTOMER_CREATED',
  INVOICE_CREATED = 'INVOICE_CREATED',
}
registerEnumType(QuickBooksChangeKindEnum, { name: 'QuickBooksChangeKind', description: 'What changed in QuickBooks, and what the gateway did about it.',
  valuesConfig: {
    PAYMENT_RECORDED: { description: 'A payment entered in QuickBooks was recorded against the FSM invoices it pays.' },
    PAYMENT_UPDATED: { description: 'A payment was changed in QuickBooks; the FSM payment follows.' },
    PAYMENT_REVERSED: { description: 'A payment was voided or deleted in QuickBooks; the FSM payment was voided.' },
    PAYMENT_NOT_APPLIED: { description: 'A payment entered in QuickBooks could not be applied in the FSM (a sync issue says why).' },
    CREDIT_APPLIED: { description: "A customer's credit was applied to an invoice in QuickBooks." },
    CUSTOMER_UPDATED: { description: "A customer's details were changed in QuickBooks; the FSM customer follows." },
    CUSTOMER_CONFLICT: { description: 'A customer was changed in both places; the FSM version was kept (a sync issue says what differs).' },
    INVOICE_VOIDED: { description: "An invoice's QuickBooks copy was voided (the FSM invoice is flagged, not changed)." },
    INVOICE_DELETED: { description: "An invoice's QuickBooks copy was deleted (the FSM invoice is flagged, not changed)." },
    INVOICE_EDITED: { description: "An invoice's QuickBooks copy was edited (the FSM invoice is flagged, not changed)." },
    CUSTOMER_CREATED: { description: 'A customer was entered in QuickBooks that no FSM customer is linked to (see quickBooksCreatedRecords).' },
    INVOICE_CREATED: { description: 'An invoice was entered in QuickBooks that no FSM invoice is linked to (see quickBooksCreatedRecords).' },
  },
});

export enum InvoiceRemoteChangeEnum {
  VOIDED = 'VOIDED',
  DELETED = 'DELETED',
  EDITED = 'EDITED',
}
registerEnumType(InvoiceRemoteChangeEnum, { name: 'InvoiceRemoteChange', description: 'What someone did to the QuickBooks copy of an FSM invoice.',
  valuesConfig: {
    VOIDED: { description: 'Voided in QuickBooks.' },
    DELETED: { description: 'Deleted in QuickBooks.' },
    EDITED: { description: 'Edited in QuickBooks (its amounts or lines differ from the FSM invoice).' },
  },
});

/** How the import matched a QuickBooks customer to an FSM customer (customer-match.rules.ts, plus MANUAL for a bookkeeper's choice). */
export enum CustomerMatchReasonEnum {
  QUICKBOOKS_ID = 'QUICKBOOKS_ID',
  EMAIL = 'EMAIL',
  DISPLAY_NAME = 'DISPLAY_NAME',
  MANUAL = 'MANUAL',
}
registerEnumType(CustomerMatchReasonEnum, {
  name: 'CustomerMatchReason',
  description: 'What tied a QuickBooks customer to an FSM customer in the import.',
  valuesConfig: {
    QUICKBOOKS_ID: { description: 'The FSM customer was already linked to this QuickBooks customer.' },
    EMAIL: { description: 'Same email address.' },
    DISPLAY_NAME: { description: 'Same display name (ignoring case, spaces and punctuation).' },
    MANUAL: { description: 'A bookkeeper chose (linkCustomer or createCustomerFromQuickBooks).' },
  },
});

/** The QuickBooks entities a QuickBooks-side change is about. Names are QuickBooks' own, as sent before this was an enum. */
export enum QuickBooksChangeEntityEnum {
  Customer = 'Customer',
  Invoice = 'Invoice',
  Payment = 'Payment',
}
registerEnumType(QuickBooksChangeEntityEnum, {
  name: 'QuickBooksChangeEntity',
  description: 'The kind of QuickBooks object a change was made to (QuickBooks names).',
  valuesConfig: {
    Customer: { description: 'A QuickBooks Customer.' },
    Invoice: { description: 'A QuickBooks Invoice.' },
    Payment: { description: 'A QuickBooks Payment.' },
  },
});

@ObjectType('CustomerImportMatch', { description: 'The outcome of importing one QuickBooks customer.' })
export class CustomerImportMatchType {
  @Field(() => ID, { description: 'The QuickBooks customer id.' }) quickBooksCustomerId!: string;
  @Field(() => String, { description: "The QuickBooks customer's display name." }) quickBooksDisplayName!: string;
  @Field(() => CustomerImportStatusEnum, { description: 'Linked, created or ambiguous.' }) status!: CustomerImportStatusEnum;
  @Field(() => ID, { nullable: true, description: 'The FSM customer linked or created.' }) customerId!: string | null;
  @Field(() => CustomerMatchReasonEnum, { nullable: true, description: 'What tied them (LINKED); for AMBIGUOUS, the level at which several FSM customers fit; null for CREATED.' })
  reason!: string | null;
  @Field(() => Float, { nullable: true, description: 'Match confidence, 0 to 1 (linked only).' }) score!: number | null;
  @Field(() => [ID], { description: 'AMBIGUOUS: the FSM customers that fit equally.' }) candidateIds!: string[];
  @Field(() => Date, { description: 'When this outcome was last decided.' }) updatedAt!: Date;
}

@ObjectType('CustomerImportSummary', { description: 'How many QuickBooks customers the import linked, created, or left for a bookkeeper to decide.' })
export class CustomerImportSummaryType {
  @Field(() => Int, { description: 'QuickBooks customers linked to an existing FSM customer.' }) linked!: number;
  @Field(() => Int, { description: 'QuickBooks customers created as new FSM customers.' }) created!: number;
  @Field(() => Int, { description: 'QuickBooks customers several FSM customers fit: waiting for a bookkeeper (linkCustomer or createCustomerFromQuickBooks).' }) ambiguous!: number;
}

@ObjectType('QuickBooksChange', { description: 'A change made in QuickBooks, as applied to the FSM ledger.' })
export class QuickBooksChangeType {
  @Field(() => ID, { description: 'The change id.' }) id!: string;
  @Field(() => QuickBooksChangeKindEnum, { description: 'What changed and what the gateway did.' }) kind!: QuickBooksChangeKindEnum;
  @Field(() => QuickBooksChangeEntityEnum, { description: 'The QuickBooks object changed: Payment, Customer or Invoice.' }) entity!: string;
  @Field(() => ID, { description: 'The id of the QuickBooks object changed.' }) quickBooksId!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The FSM record kind affected, in lower camel case (payment, customer, invoice); null when no FSM record is affected.',
    deprecationReason: 'Use affectedKind (the SyncKind enum, as everywhere else).',
  })
  recordKind!: string | null;
  @Field(() => ID, { nullable: true, description: 'The FSM record affected (gateway id); null when none.' }) recordId!: string | null;
  @Field(() => String, { description: 'What happened, in plain words with QuickBooks names, numbers and amounts.' }) message!: string;
  @Field(() => Date, { description: 'When the gateway applied it.' }) at!: Date;
}

@ObjectType('InvoiceQuickBooksFlag', { description: "Set when the invoice's QuickBooks copy was voided, deleted or edited in QuickBooks; the FSM invoice is unchanged." })
export class InvoiceQuickBooksFlagType {
  @Field(() => InvoiceRemoteChangeEnum, { description: 'Voided, deleted or edited in QuickBooks.' }) change!: InvoiceRemoteChangeEnum;
  @Field(() => String, { description: 'What differs, in plain words.' }) detail!: string;
  @Field(() => ID, { description: 'The QuickBooks invoice id.' }) quickBooksId!: string;
  @Field(() => Date, { description: 'When the gateway noticed it.' }) at!: Date;
}

export enum QuickBooksCreatedEntityEnum {
  CUSTOMER = 'Customer',
  INVOICE = 'Invoice',
}
registerEnumType(QuickBooksCreatedEntityEnum, { name: 'QuickBooksCreatedEntity', description: 'The kind of record entered in QuickBooks.',
  valuesConfig: {
    CUSTOMER: { description: 'A customer.' },
    INVOICE: { description: 'An invoice.' },
  },
});

export enum QuickBooksCreatedStatusEnum {
  OPEN = 'OPEN',
  LINKED = 'LINKED',
}
registerEnumType(QuickBooksCreatedStatusEnum, { name: 'QuickBooksCreatedStatus', description: 'OPEN: no FSM record is linked to it yet; LINKED: an FSM record is (linked or imported).',
  valuesConfig: {
    OPEN: { description: 'No FSM record is linked to it yet.' },
    LINKED: { description: 'An FSM record is linked to it (linked or imported).' },
  },
});

@ObjectType('QuickBooksCreatedRecord', {
  description: 'A customer or invoice entered in QuickBooks after the import that no FSM record was linked to. Link or import customers with linkCustomer / createCustomerFromQuickBooks, invoices with linkQuickBooksInvoice.',
})
export class QuickBooksCreatedRecordType {
  @Field(() => ID, { description: 'Its id in this list.' }) id!: string;
  @Field(() => QuickBooksCreatedEntityEnum, { description: 'Customer or invoice.' }) entity!: QuickBooksCreatedEntityEnum;
  @Field(() => ID, { description: 'The QuickBooks id.' }) quickBooksId!: string;
  @Field(() => String, { description: "Customer: its display name; invoice: its number." }) name!: string;
  @Field(() => String, { nullable: true, description: "Invoice: the QuickBooks customer's name." }) customerName!: string | null;
  @Field(() => ID, { nullable: true, description: 'Invoice: the QuickBooks customer id.' }) quickBooksCustomerId!: string | null;
  @Field(() => String, { nullable: true, description: 'Customer: its email address; null for invoices or when it has none.' }) email!: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Invoice: its total in QuickBooks.' }) amount!: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Invoice: its date.' }) date!: string | null;
  @Field(() => QuickBooksCreatedStatusEnum, { description: 'Open (nothing linked) or linked.' }) status!: QuickBooksCreatedStatusEnum;
  @Field(() => ID, { nullable: true, description: 'The FSM customer or invoice linked to it.' }) recordId!: string | null;
  @Field(() => Date, { description: 'When the gateway first saw it.' }) seenAt!: Date;
}

export const { ConnectionType: CustomerImportMatchConnection } = connectionTypes('CustomerImportMatch', CustomerImportMatchType, 'customer import outcomes');
export const { ConnectionType: QuickBooksChangeConnection } = connectionTypes('QuickBooksChange', QuickBooksChangeType, 'changes made in QuickBooks');
export const { ConnectionType: QuickBooksCreatedRecordConnection } = connectionTypes('QuickBooksCreatedRecord', QuickBooksCreatedRecordType, 'records entered in QuickBooks');

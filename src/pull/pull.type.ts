/** GraphQL shapes of the pull slice: customer import outcomes, QuickBooks changes, invoice flags. */
import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../graphql/pagination.js';
import { LocalDateScalar, MoneyScalar } from '../graphql/scalars.js';

export enum CustomerImportStatusEnum {
  LINKED = 'LINKED',
  CREATED = 'CREATED',
  AMBIGUOUS = 'AMBIGUOUS',
}
registerEnumType(CustomerImportStatusEnum, { name: 'CustomerImportStatus', description: 'What the customer import did with a QuickBooks customer.' });

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
registerEnumType(QuickBooksChangeKindEnum, { name: 'QuickBooksChangeKind' });

export enum InvoiceRemoteChangeEnum {
  VOIDED = 'VOIDED',
  DELETED = 'DELETED',
  EDITED = 'EDITED',
}
registerEnumType(InvoiceRemoteChangeEnum, { name: 'InvoiceRemoteChange', description: 'What someone did to the QuickBooks copy of an FSM invoice.' });

@ObjectType('CustomerImportMatch', { description: 'The outcome of importing one QuickBooks customer.' })
export class CustomerImportMatchType {
  @Field(() => ID) quickBooksCustomerId!: string;
  @Field(() => String) quickBooksDisplayName!: string;
  @Field(() => CustomerImportStatusEnum) status!: CustomerImportStatusEnum;
  @Field(() => ID, { nullable: true, description: 'The FSM customer linked or created.' }) customerId!: string | null;
  @Field(() => String, { nullable: true, description: 'QUICKBOOKS_ID, EMAIL, DISPLAY_NAME or MANUAL (linked); for AMBIGUOUS, the level at which several FSM customers fit.' })
  reason!: string | null;
  @Field(() => Float, { nullable: true, description: 'Match confidence, 0 to 1 (linked only).' }) score!: number | null;
  @Field(() => [ID], { description: 'AMBIGUOUS: the FSM customers that fit equally.' }) candidateIds!: string[];
  @Field(() => Date) updatedAt!: Date;
}

@ObjectType('CustomerImportSummary')
export class CustomerImportSummaryType {
  @Field(() => Number) linked!: number;
  @Field(() => Number) created!: number;
  @Field(() => Number) ambiguous!: number;
}

@ObjectType('QuickBooksChange', { description: 'A change made in QuickBooks, as applied to the FSM ledger.' })
export class QuickBooksChangeType {
  @Field(() => ID) id!: string;
  @Field(() => QuickBooksChangeKindEnum) kind!: QuickBooksChangeKindEnum;
  @Field(() => String, { description: 'The QBO entity (Payment, Customer, Invoice).' }) entity!: string;
  @Field(() => ID) quickBooksId!: string;
  @Field(() => String, { nullable: true, description: 'The FSM record kind affected (payment, customer, invoice).' }) recordKind!: string | null;
  @Field(() => ID, { nullable: true }) recordId!: string | null;
  @Field(() => String) message!: string;
  @Field(() => Date) at!: Date;
}

@ObjectType('InvoiceQuickBooksFlag', { description: "Set when the invoice's QuickBooks copy was voided, deleted or edited in QuickBooks; the FSM invoice is unchanged." })
export class InvoiceQuickBooksFlagType {
  @Field(() => InvoiceRemoteChangeEnum) change!: InvoiceRemoteChangeEnum;
  @Field(() => String) detail!: string;
  @Field(() => ID) quickBooksId!: string;
  @Field(() => Date) at!: Date;
}

export enum QuickBooksCreatedEntityEnum {
  CUSTOMER = 'Customer',
  INVOICE = 'Invoice',
}
registerEnumType(QuickBooksCreatedEntityEnum, { name: 'QuickBooksCreatedEntity', description: 'The kind of record entered in QuickBooks.' });

export enum QuickBooksCreatedStatusEnum {
  OPEN = 'OPEN',
  LINKED = 'LINKED',
}
registerEnumType(QuickBooksCreatedStatusEnum, { name: 'QuickBooksCreatedStatus', description: 'OPEN: no FSM record is linked to it yet; LINKED: an FSM record is (linked or imported).' });

@ObjectType('QuickBooksCreatedRecord', {
  description: 'A customer or invoice entered in QuickBooks after the import that no FSM record was linked to. Link or import customers with linkCustomer / createCustomerFromQuickBooks, invoices with linkQuickBooksInvoice.',
})
export class QuickBooksCreatedRecordType {
  @Field(() => ID) id!: string;
  @Field(() => QuickBooksCreatedEntityEnum) entity!: QuickBooksCreatedEntityEnum;
  @Field(() => ID) quickBooksId!: string;
  @Field(() => String, { description: "Customer: its display name; invoice: its number." }) name!: string;
  @Field(() => String, { nullable: true, description: "Invoice: the QuickBooks customer's name." }) customerName!: string | null;
  @Field(() => ID, { nullable: true, description: 'Invoice: the QuickBooks customer id.' }) quickBooksCustomerId!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Invoice: its total in QuickBooks.' }) amount!: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Invoice: its date.' }) date!: string | null;
  @Field(() => QuickBooksCreatedStatusEnum) status!: QuickBooksCreatedStatusEnum;
  @Field(() => ID, { nullable: true, description: 'The FSM customer or invoice linked to it.' }) recordId!: string | null;
  @Field(() => Date) seenAt!: Date;
}

export const { ConnectionType: CustomerImportMatchConnection } = connectionTypes('CustomerImportMatch', CustomerImportMatchType, 'customer import outcomes');
export const { ConnectionType: QuickBooksChangeConnection } = connectionTypes('QuickBooksChange', QuickBooksChangeType, 'changes made in QuickBooks');
export const { ConnectionType: QuickBooksCreatedRecordConnection } = connectionTypes('QuickBooksCreatedRecord', QuickBooksCreatedRecordType, 'records entered in QuickBooks');

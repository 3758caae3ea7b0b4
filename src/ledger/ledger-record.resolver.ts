/**
 * Thin resolvers of the FSM ledger records: upserts and status changes call the LedgerService; lists
 * are cursor connections with filters; `sync` and invoice balances come from per-request DataLoaders.
 */
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { accountFor as accountOf } from '../accounts/account.resolver.js';
import { AccountType } from '../accounts/account.type.js';
import { type GraphQLContext } from '../graphql/context.js';
import { NotFoundError, UserInputError } from '../errors/domain.errors.js';
import { type Connection, pageRequest, toConnection } from '../graphql/pagination.js';
import { LocalDateScalar, MoneyScalar } from '../graphql/scalars.js';
import { money, sum } from '../money/money.js';
import { localDateProblem } from './local-date.rules.js';
import {
  IssueCreditNoteInput,
  RecordPaymentInput,
  UpsertCustomerInput,
  UpsertExpenseInput,
  UpsertInvoiceInput,
  UpsertSupplierInput,
  UpsertSupplierInvoiceInput,
  WriteOffBadDebtInput,
} from './ledger-record-input.type.js';
import {
  BadDebtWriteOffConnection,
  BadDebtWriteOffType,
  CreditNoteConnection,
  CreditNoteType,
  CustomerConnection,
  CustomerType,
  ExpenseConnection,
  ExpenseType,
  InvoiceConnection,
  InvoiceRecordType,
  PaymentAllocationType,
  PaymentConnection,
  PaymentRefundType,
  PaymentType,
  PurchaseLineType,
  RecordStatusEnum,
  RecordSyncType,
  SupplierConnection,
  SupplierInvoiceConnection,
  SupplierInvoiceType,
  SupplierType,
} from './ledger-record.type.js';
import { type LedgerKind, type LedgerRecordOf, type RecordStatus } from './ledger-record.types.js';
import { type LedgerListFilter } from './ledger.service.js';
import { unappliedOf } from './ledger-record.rules.js';

@ArgsType()
class LedgerListArgs {
  @Field(() => String, { nullable: true, description: 'Matches names, numbers, references and externalIds (case-insensitive).' })
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only records whose current version is (true) or is not (false) waiting to be pushed.' })
  pushPending?: boolean | null;

  @Field(() => RecordStatusEnum, { nullable: true, description: 'Only records in this status (ACTIVE, VOIDED, DELETED); absent: all.' })
  status?: RecordStatus | null;

  @Field(() => Int, { nullable: true, description: 'Rows per page: 1 to 200 (default 50).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page; absent: the first page.' })
  after?: string | null;
}

@ArgsType()
class TransactionListArgs extends LedgerListArgs {
  @Field(() => LocalDateScalar, { nullable: true, description: 'Dated on or after.' })
  dateFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Dated on or before.' })
  dateTo?: string | null;
}

@ArgsType()
class CustomerTransactionListArgs extends TransactionListArgs {
  @Field(() => ID, { nullable: true, description: "Only this customer's (gateway id)." })
  customerId?: string | null;
}

type ListArgs = LedgerListArgs & Partial<CustomerTransactionListArgs>;

async function list<K extends LedgerKind, T>(ctx: GraphQLContext, kind: K, args: ListArgs): Promise<Connection<T>> {
  const page = pageRequest(args.first, args.after);
  for (const field of ['dateFrom', 'dateTo'] as const) {
    const value = args[field];
    const problem = value ? localDateProblem(value) : null;
    if (problem) throw new UserInputError(`${field} ${problem}.`, [{ path: [field], message: problem }]);
  }
  const filter: LedgerListFilter = { search: args.search, pushPending: args.pushPending, status: args.status, dateFrom: args.dateFrom, dateTo: args.dateTo, customerId: args.customerId };
  const ledger = ctx.services.ledgerRecords;
  const { rows, totalCount } = await ledger.list(kind, ctx.tenant.id, filter, page);
  return toConnection(rows, page, totalCount, (row) => ledger.sortKeyOf(kind, row), (row) => row as unknown as T);
}

/** One record by gateway id or by the FSM's externalId (exactly one of them). */
async function one<K extends LedgerKind>(ctx: GraphQLContext, kind: K, id: string | null | undefined, externalId: string | null | undefined): Promise<LedgerRecordOf<K> | null> {
  if (!id === !externalId) throw new UserInputError('Pass exactly one of id and externalId.', [{ path: ['id'], message: 'pass exactly one of id and externalId' }]);
  const ledger = ctx.services.ledgerRecords;
  return id ? ledger.get(ctx.tenant.id, kind, id) : ledger.findByExternalId(kind, ctx.tenant.id, externalId!);
}

function sync(ctx: GraphQLContext, kind: LedgerKind, row: { id: string }): Promise<RecordSyncType> {
  return ctx.loaders.recordSync(kind).load(row.id);
}

function customerOf(ctx: GraphQLContext, row: { customerId: string }): Promise<CustomerType | null> {
  return ctx.loaders.ledgerRecord('customer').load(row.customerId);
}

/** The FSM's externalId of the record a mutation names by gateway id or by externalId (exactly one). */
async function externalIdOf(ctx: GraphQLContext, kind: LedgerKind, id: string | null | undefined, externalId: string | null | undefined): Promise<string> {
  if (!id && externalId) return externalId;
  const record = await one(ctx, kind, id, externalId);
  if (!record) throw new NotFoundError(KIND_LABEL[kind], id ?? '');
  return record.externalId;
}

const KIND_LABEL: Readonly<Record<LedgerKind, string>> = { customer: 'Customer', supplier: 'Supplier', invoice: 'Invoice', payment: 'Payment', creditNote: 'Credit note', badDebtWriteOff: 'Bad-debt write-off', supplierInvoice: 'Supplier invoice', expense: 'Expense' };

const SYNC_DESCRIPTION = 'Sync state in QuickBooks: state, QBO id, synced version, last sync, open issue.';

@Resolver(() => CustomerType)
export class CustomerResolver {
  @Query(() => CustomerConnection, { description: "The FSM's customers, by display name." })
  customers(@Ctx() ctx: GraphQLContext, @Args(() => LedgerListArgs) args: LedgerListArgs): Promise<CustomerConnection> {
    return list(ctx, 'customer', args);
  }

  @Query(() => CustomerType, { nullable: true, description: 'One customer, by gateway id or externalId; null when there is none.' })
  async customer(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID, { nullable: true, description: "The customer's gateway id (Customer.id). Pass exactly one of id and externalId." }) id?: string, @Arg('externalId', () => String, { nullable: true, description: "The FSM's own id of the customer. Pass exactly one of id and externalId." }) externalId?: string): Promise<CustomerType | null> {
    return one(ctx, 'customer', id, externalId);
  }

  @Mutation(() => CustomerType, { description: 'Creates or updates the customer with this externalId (repeating a call is harmless).' })
  async upsertCustomer(@Ctx() ctx: GraphQLContext, @Arg('input', () => UpsertCustomerInput, { description: 'The record as the FSM has it now (every field, not a patch).' }) input: UpsertCustomerInput): Promise<CustomerType> {
    return ctx.services.ledgerRecords.upsertCustomer(ctx.tenant.id, input);
  }

  @FieldResolver(() => RecordSyncType, { description: SYNC_DESCRIPTION })
  sync(@Ctx() ctx: GraphQLContext, @Root() row: CustomerType): Promise<RecordSyncType> {
    return sync(ctx, 'customer', row);
  }

  @FieldResolver(() => MoneyScalar, {
    description: "Credit the customer holds: the unapplied part of their ACTIVE payments (deposits, overpayments, and payments received in QuickBooks that are not applied to an invoice). In QuickBooks it is the customer's unapplied payments.",
  })
  creditBalance(@Ctx() ctx: GraphQLContext, @Root() row: CustomerType): Promise<string> {
    return ctx.loaders.customerCredit.load(row.id);
  }
}

@Resolver(() => SupplierType)
export class SupplierResolver {
  @Query(() => SupplierConnection, { description: "The FSM's suppliers, by display name." })
  suppliers(@Ctx() ctx: GraphQLContext, @Args(() => LedgerListArgs) args: LedgerListArgs): Promise<SupplierConnection> {
    return list(ctx, 'supplier', args);
  }

  @Query(() => SupplierType, { nullable: true, description: 'One supplier, by gateway id or externalId; null when there is none.' })
  async supplier(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID, { nullable: true, description: "The supplier's gateway id. Pass exactly one of id and externalId." }) id?: string, @Arg('externalId', () => String, { nullable: true, description: "The FSM's own id of the supplier. Pass exactly one of id and externalId." }) externalId?: string): Promise<SupplierType | null> {
    return one(ctx, 'supplier', id, externalId);
  }

  @Mutation(() => SupplierType, { description: 'Creates or updates the supplier with this externalId (repeating a call is harmless).' })
  async upsertSupplier(@Ctx() ctx: GraphQLContext, @Arg('input', () => UpsertSupplierInput, { description: 'The record as the FSM has it now (every field, not a patch).' }) input: UpsertSupplierInput): Promise<SupplierType> {
    return ctx.services.ledgerRecords.upsertSupplier(ctx.tenant.id, input);
  }

  @FieldResolver(() => RecordSyncType, { description: SYNC_DESCRIPTION })
  sync(@Ctx() ctx: GraphQLContext, @Root() row: SupplierType): Promise<RecordSyncType> {
    return sync(ctx, 'supplier', row);
  }
}

@Resolver(() => InvoiceRecordType)
export class InvoiceResolver {
  @Query(() => InvoiceConnection, { description: 'FSM invoices, by date.' })
  invoices(@Ctx() ctx: GraphQLContext, @Args(() => CustomerTransactionListArgs) args: CustomerTransactionListArgs): Promise<InvoiceConnection> {
    return list(ctx, 'invoice', args);
  }

  @Query(() => InvoiceRecordType, { nullable: true, description: 'One invoice, by gateway id or externalId; null when there is none.' })
  async invoice(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID, { nullable: true, description: "The invoice's gateway id. Pass exactly one of id and externalId." }) id?: string, @Arg('externalId', () => String, { nullable: true, description: "The FSM's own id of the invoice. Pass exactly one of id and externalId." }) externalId?: string): Promise<InvoiceRecordType | null> {
    return one(ctx, 'invoice', id, externalId);
  }

  @Mutation(() => InvoiceRecordType, { description: 'Creates or updates the invoice with this externalId (repeating a call is harmless).' })
  async upsertInvoice(@Ctx() ctx: GraphQLContext, @Arg('input', () => UpsertInvoiceInput, { description: 'The record as the FSM has it now (every field, not a patch).' }) input: UpsertInvoiceInput): Promise<InvoiceRecordType> {
    return ctx.services.ledgerRecords.upsertInvoice(ctx.tenant.id, input);
  }

  @Mutation(() => InvoiceRecordType, { description: 'Voids the invoice (mirrored in QBO); refused while payments, credits or write-offs are applied to it.' })
  async voidInvoice(
    @Ctx() ctx: GraphQLContext,
    @Arg('externalId', () => String, { nullable: true, description: "The FSM's own id of the invoice. Pass exactly one of externalId and id." }) externalId?: string | null,
    @Arg('id', () => ID, { nullable: true, description: "The invoice's gateway id (Invoice.id). Pass exactly one of externalId and id." }) id?: string | null,
  ): Promise<InvoiceRecordType> {
    return ctx.services.ledgerRecords.voidInvoice(ctx.tenant.id, await externalIdOf(ctx, 'invoice', id, externalId));
  }

  @Mutation(() => InvoiceRecordType, { description: 'Deletes the invoice (mirrored in QBO); refused while payments, credits or write-offs are applied to it.' })
  async deleteInvoice(
    @Ctx() ctx: GraphQLContext,
    @Arg('externalId', () => String, { nullable: true, description: "The FSM's own id of the invoice. Pass exactly one of externalId and id." }) externalId?: string | null,
    @Arg('id', () => ID, { nullable: true, description: "The invoice's gateway id (Invoice.id). Pass exactly one of externalId and id." }) id?: string | null,
  ): Promise<InvoiceRecordType> {
    return ctx.services.ledgerRecords.deleteInvoice(ctx.tenant.id, await externalIdOf(ctx, 'invoice', id, externalId));
  }

  @FieldResolver(() => RecordSyncType, { description: SYNC_DESCRIPTION })
  sync(@Ctx() ctx: GraphQLContext, @Root() row: InvoiceRecordType): Promise<RecordSyncType> {
    return sync(ctx, 'invoice', row);
  }

  @FieldResolver(() => CustomerType, { nullable: true, description: 'The customer (customerId).' })
  customer(@Ctx() ctx: GraphQLContext, @Root() row: InvoiceRecordType): Promise<CustomerType | null> {
    return customerOf(ctx, row);
  }

  @FieldResolver(() => MoneyScalar, { description: 'Applied by ACTIVE payments.' })
  async amountPaid(@Ctx() ctx: GraphQLContext, @Root() row: InvoiceRecordType): Promise<string> {
    return (await ctx.loaders.invoiceSettlement.load(row.id)).amountPaid;
  }

  @FieldResolver(() => MoneyScalar, { description: 'Applied by ACTIVE credit notes.' })
  async amountCredited(@Ctx() ctx: GraphQLContext, @Root() row: InvoiceRecordType): Promise<string> {
    return (await ctx.loaders.invoiceSettlement.load(row.id)).amountCredited;
  }

  @FieldResolver(() => MoneyScalar, { description: 'Written off as bad debt (ACTIVE write-offs).' })
  async amountWrittenOff(@Ctx() ctx: GraphQLContext, @Root() row: InvoiceRecordType): Promise<string> {
    return (await ctx.loaders.invoiceSettlement.load(row.id)).amountWrittenOff;
  }

  @FieldResolver(() => MoneyScalar, { description: 'total - amountPaid - amountCredited - amountWrittenOff; 0.00 once voided or deleted.' })
  async balance(@Ctx() ctx: GraphQLContext, @Root() row: InvoiceRecordType): Promise<string> {
    if (row.status !== 'ACTIVE') return '0.00';
    const s = await ctx.loaders.invoiceSettlement.load(row.id);
    return money(sum([row.total]).minus(sum([s.amountPaid, s.amountCredited, s.amountWrittenOff])));
  }
}

@Resolver(() => PaymentType)
export class PaymentResolver {
  @Query(() => PaymentConnection, { description: 'Customer payments, by date.' })
  payments(@Ctx() ctx: GraphQLContext, @Args(() => CustomerTransactionListArgs) args: CustomerTransactionListArgs): Promise<PaymentConnection> {
    return list(ctx, 'payment', args);
  }

  @Query(() => PaymentType, { nullable: true, description: 'One payment, by gateway id or externalId; null when there is none.' })
  async payment(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID, { nullable: true, description: "The payment's gateway id. Pass exactly one of id and externalId." }) id?: string, @Arg('externalId', () => String, { nullable: true, description: "The FSM's own id of the payment. Pass exactly one of id and externalId." }) externalId?: string): Promise<PaymentType | null> {
    return one(ctx, 'payment', id, externalId) as Promise<PaymentType | null>;
  }

  @Mutation(() => PaymentType, {
    description:
      'Records (or updates) the payment with this externalId and its allocations (repeating a call is harmless). Allocations may total less than the amount: a deposit (no allocations) or an overpayment leaves the rest as customer credit (an unapplied payment in QuickBooks); record the payment again with more allocations to apply that credit to invoices later.',
  })
  async recordPayment(@Ctx() ctx: GraphQLContext, @Arg('input', () => RecordPaymentInput, { description: 'The record as the FSM has it now (every field, not a patch).' }) input: RecordPaymentInput): Promise<PaymentType> {
    return ctx.services.ledgerRecords.recordPayment(ctx.tenant.id, input);
  }

  @Mutation(() => PaymentType, { description: 'Voids the payment (mirrored in QBO); its allocations stop counting against invoice balances.' })
  async voidPayment(
    @Ctx() ctx: GraphQLContext,
    @Arg('externalId', () => String, { nullable: true, description: "The FSM's own id of the payment. Pass exactly one of externalId and id." }) externalId?: string | null,
    @Arg('id', () => ID, { nullable: true, description: "The payment's gateway id (Payment.id). Pass exactly one of externalId and id." }) id?: string | null,
  ): Promise<PaymentType> {
    return ctx.services.ledgerRecords.voidPayment(ctx.tenant.id, await externalIdOf(ctx, 'payment', id, externalId));
  }

  @FieldResolver(() => RecordSyncType, { description: SYNC_DESCRIPTION })
  sync(@Ctx() ctx: GraphQLContext, @Root() row: PaymentType): Promise<RecordSyncType> {
    return sync(ctx, 'payment', row);
  }

  @FieldResolver(() => CustomerType, { nullable: true, description: 'The customer (customerId).' })
  customer(@Ctx() ctx: GraphQLContext, @Root() row: PaymentType): Promise<CustomerType | null> {
    return customerOf(ctx, row);
  }

  @FieldResolver(() => [PaymentRefundType], { description: 'Refunds of the unapplied credit, oldest first.' })
  refunds(@Root() row: PaymentType): PaymentRefundType[] {
    return row.refunds ?? [];
  }

  @FieldResolver(() => MoneyScalar, { description: 'amount less the allocations and refunds: customer credit still to apply (0.00 once voided).' })
  unappliedAmount(@Root() row: PaymentType): string {
    return row.status === 'ACTIVE' ? money(unappliedOf(row)) : '0.00';
  }
}

@Resolver(() => PaymentAllocationType)
export class PaymentAllocationResolver {
  @FieldResolver(() => InvoiceRecordType, { nullable: true, description: 'The invoice paid (invoiceId).' })
  invoice(@Ctx() ctx: GraphQLContext, @Root() row: PaymentAllocationType): Promise<InvoiceRecordType | null> {
    return ctx.loaders.ledgerRecord('invoice').load(row.invoiceId);
  }
}

@Resolver(() => CreditNoteType)
export class CreditNoteResolver {
  @Query(() => CreditNoteConnection, { description: 'Credit notes, by date.' })
  creditNotes(@Ctx() ctx: GraphQLContext, @Args(() => CustomerTransactionListArgs) args: CustomerTransactionListArgs): Promise<CreditNoteConnection> {
    return list(ctx, 'creditNote', args);
  }

  @Query(() => CreditNoteType, { nullable: true, description: 'One credit note, by gateway id or externalId; null when there is none.' })
  async creditNote(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID, { nullable: true, description: "The credit note's gateway id. Pass exactly one of id and externalId." }) id?: string, @Arg('externalId', () => String, { nullable: true, description: "The FSM's own id of the credit note. Pass exactly one of id and externalId." }) externalId?: string): Promise<CreditNoteType | null> {
    return one(ctx, 'creditNote', id, externalId);
  }

  @Mutation(() => CreditNoteType, { description: 'Issues (or updates) the credit note with this externalId (repeating a call is harmless).' })
  async issueCreditNote(@Ctx() ctx: GraphQLContext, @Arg('input', () => IssueCreditNoteInput, { description: 'The record as the FSM has it now (every field, not a patch).' }) input: IssueCreditNoteInput): Promise<CreditNoteType> {
    return ctx.services.ledgerRecords.issueCreditNote(ctx.tenant.id, input);
  }

  @FieldResolver(() => RecordSyncType, { description: SYNC_DESCRIPTION })
  sync(@Ctx() ctx: GraphQLContext, @Root() row: CreditNoteType): Promise<RecordSyncType> {
    return sync(ctx, 'creditNote', row);
  }

  @FieldResolver(() => CustomerType, { nullable: true, description: 'The customer (customerId).' })
  customer(@Ctx() ctx: GraphQLContext, @Root() row: CreditNoteType): Promise<CustomerType | null> {
    return customerOf(ctx, row);
  }

  @FieldResolver(() => InvoiceRecordType, { nullable: true, description: 'The invoice it is applied to (invoiceId); null when it is left as customer credit.' })
  async invoice(@Ctx() ctx: GraphQLContext, @Root() row: CreditNoteType): Promise<InvoiceRecordType | null> {
    return row.invoiceId ? ctx.loaders.ledgerRecord('invoice').load(row.invoiceId) : null;
  }
}

@Resolver(() => BadDebtWriteOffType)
export class BadDebtWriteOffResolver {
  @Query(() => BadDebtWriteOffConnection, { description: 'Bad-debt write-offs, by date.' })
  badDebtWriteOffs(@Ctx() ctx: GraphQLContext, @Args(() => CustomerTransactionListArgs) args: CustomerTransactionListArgs): Promise<BadDebtWriteOffConnection> {
    return list(ctx, 'badDebtWriteOff', args);
  }

  @Mutation(() => BadDebtWriteOffType, { description: 'Writes off (part of) an invoice as bad debt, keyed by externalId (repeating a call is harmless).' })
  async writeOffBadDebt(@Ctx() ctx: GraphQLContext, @Arg('input', () => WriteOffBadDebtInput, { description: 'The record as the FSM has it now (every field, not a patch).' }) input: WriteOffBadDebtInput): Promise<BadDebtWriteOffType> {
    return ctx.services.ledgerRecords.writeOffBadDebt(ctx.tenant.id, input);
  }

  @FieldResolver(() => RecordSyncType, { description: SYNC_DESCRIPTION })
  sync(@Ctx() ctx: GraphQLContext, @Root() row: BadDebtWriteOffType): Promise<RecordSyncType> {
    return sync(ctx, 'badDebtWriteOff', row);
  }

  @FieldResolver(() => CustomerType, { nullable: true, description: 'The customer of the invoice written off (customerId).' })
  customer(@Ctx() ctx: GraphQLContext, @Root() row: BadDebtWriteOffType): Promise<CustomerType | null> {
    return customerOf(ctx, row);
  }

  @FieldResolver(() => InvoiceRecordType, { nullable: true, description: 'The invoice written off (invoiceId).' })
  invoice(@Ctx() ctx: GraphQLContext, @Root() row: BadDebtWriteOffType): Promise<InvoiceRecordType | null> {
    return ctx.loaders.ledgerRecord('invoice').load(row.invoiceId);
  }
}

@Resolver(() => SupplierInvoiceType)
export class SupplierInvoiceResolver {
  @Query(() => SupplierInvoiceConnection, { description: 'Supplier invoices (bills), by date.' })
  supplierInvoices(@Ctx() ctx: GraphQLContext, @Args(() => TransactionListArgs) args: TransactionListArgs): Promise<SupplierInvoiceConnection> {
    return list(ctx, 'supplierInvoice', args);
  }

  @Query(() => SupplierInvoiceType, { nullable: true, description: 'One supplier invoice, by gateway id or externalId; null when there is none.' })
  async supplierInvoice(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: "The supplier invoice's gateway id. Pass exactly one of id and externalId." }) id?: string,
    @Arg('externalId', () => String, { nullable: true, description: "The FSM's own id of the supplier invoice. Pass exactly one of id and externalId." }) externalId?: string,
  ): Promise<SupplierInvoiceType | null> {
    return one(ctx, 'supplierInvoice', id, externalId);
  }

  @Mutation(() => SupplierInvoiceType, { description: 'Creates or updates the supplier invoice with this externalId (repeating a call is harmless).' })
  async upsertSupplierInvoice(@Ctx() ctx: GraphQLContext, @Arg('input', () => UpsertSupplierInvoiceInput, { description: 'The record as the FSM has it now (every field, not a patch).' }) input: UpsertSupplierInvoiceInput): Promise<SupplierInvoiceType> {
    return ctx.services.ledgerRecords.upsertSupplierInvoice(ctx.tenant.id, input);
  }

  @FieldResolver(() => RecordSyncType, { description: SYNC_DESCRIPTION })
  sync(@Ctx() ctx: GraphQLContext, @Root() row: SupplierInvoiceType): Promise<RecordSyncType> {
    return sync(ctx, 'supplierInvoice', row);
  }

  @FieldResolver(() => SupplierType, { nullable: true, description: 'The supplier (supplierId).' })
  supplier(@Ctx() ctx: GraphQLContext, @Root() row: SupplierInvoiceType): Promise<SupplierType | null> {
    return ctx.loaders.ledgerRecord('supplier').load(row.supplierId);
  }
}

@Resolver(() => ExpenseType)
export class ExpenseResolver {
  @Query(() => ExpenseConnection, { description: 'Expenses, by date.' })
  expenses(@Ctx() ctx: GraphQLContext, @Args(() => TransactionListArgs) args: TransactionListArgs): Promise<ExpenseConnection> {
    return list(ctx, 'expense', args);
  }

  @Query(() => ExpenseType, { nullable: true, description: 'One expense, by gateway id or externalId; null when there is none.' })
  async expense(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID, { nullable: true, description: "The expense's gateway id. Pass exactly one of id and externalId." }) id?: string, @Arg('externalId', () => String, { nullable: true, description: "The FSM's own id of the expense. Pass exactly one of id and externalId." }) externalId?: string): Promise<ExpenseType | null> {
    return one(ctx, 'expense', id, externalId);
  }

  @Mutation(() => ExpenseType, { description: 'Creates or updates the expense with this externalId (repeating a call is harmless).' })
  async upsertExpense(@Ctx() ctx: GraphQLContext, @Arg('input', () => UpsertExpenseInput, { description: 'The record as the FSM has it now (every field, not a patch).' }) input: UpsertExpenseInput): Promise<ExpenseType> {
    return ctx.services.ledgerRecords.upsertExpense(ctx.tenant.id, input);
  }

  @FieldResolver(() => RecordSyncType, { description: SYNC_DESCRIPTION })
  sync(@Ctx() ctx: GraphQLContext, @Root() row: ExpenseType): Promise<RecordSyncType> {
    return sync(ctx, 'expense', row);
  }

  @FieldResolver(() => SupplierType, { nullable: true, description: 'The supplier paid (supplierId); null when none is named.' })
  async supplier(@Ctx() ctx: GraphQLContext, @Root() row: ExpenseType): Promise<SupplierType | null> {
    return row.supplierId ? ctx.loaders.ledgerRecord('supplier').load(row.supplierId) : null;
  }

  @FieldResolver(() => AccountType, { nullable: true, description: 'The bank or credit-card account it was paid from (paidFromAccountId), from the cached chart of accounts; null when none is set or it is no longer in the chart.' })
  paidFromAccount(@Ctx() ctx: GraphQLContext, @Root() row: ExpenseType): Promise<AccountType | null> {
    return accountOf(ctx, row.paidFromAccountId);
  }
}

@Resolver(() => SupplierType)
export class SupplierAccountResolver {
  @FieldResolver(() => AccountType, { nullable: true, description: "The supplier's own expense account (defaultExpenseAccountId), from the cached chart of accounts." })
  defaultExpenseAccount(@Ctx() ctx: GraphQLContext, @Root() row: SupplierType): Promise<AccountType | null> {
    return accountOf(ctx, row.defaultExpenseAccountId);
  }
}

@Resolver(() => PurchaseLineType)
export class PurchaseLineResolver {
  @FieldResolver(() => AccountType, { nullable: true, description: "The line's expense account (accountId), from the cached chart of accounts." })
  account(@Ctx() ctx: GraphQLContext, @Root() row: PurchaseLineType): Promise<AccountType | null> {
    return accountOf(ctx, row.accountId);
  }
}

export const LEDGER_RECORD_RESOLVERS = [
  CustomerResolver,
  SupplierResolver,
  InvoiceResolver,
  PaymentResolver,
  PaymentAllocationResolver,
  CreditNoteResolver,
  BadDebtWriteOffResolver,
  SupplierInvoiceResolver,
  ExpenseResolver,
  SupplierAccountResolver,
  PurchaseLineResolver,
] as const;

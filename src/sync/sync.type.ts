/** GraphQL shapes of the sync slice: runs, issues, progress events, dry-run payloads and the start input. */
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../graphql/pagination.js';
import { LocalDateScalar, MoneyScalar } from '../graphql/scalars.js';

export enum SyncRunStatusEnum {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  PARTIALLY_FAILED = 'PARTIALLY_FAILED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
export enum SyncDirection {
  PUSH = 'PUSH',
  PULL = 'PULL',
  BOTH = 'BOTH',
}
export enum SyncKind {
  CUSTOMER = 'customer',
  SUPPLIER = 'supplier',
  INVOICE = 'invoice',
  CREDIT_NOTE = 'creditNote',
  PAYMENT = 'payment',
  BAD_DEBT_WRITE_OFF = 'badDebtWriteOff',
  SUPPLIER_INVOICE = 'supplierInvoice',
  EXPENSE = 'expense',
}
export enum SyncIssueStatusEnum {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
  IGNORED = 'IGNORED',
}
/** The closed set of issue actions (SyncIssueActionKind in sync.errors.ts). */
export enum SyncIssueActionEnum {
  RETRY = 'RETRY',
  RECREATE = 'RECREATE',
  LINK = 'LINK',
  IGNORE = 'IGNORE',
  OPEN_SETTINGS = 'OPEN_SETTINGS',
  VOID_IN_FSM = 'VOID_IN_FSM',
  PUSH = 'PUSH',
}
/** How a finished run went, as a bookkeeper reads it (see sync-run-outcome.rules.ts). */
export enum SyncRunOutcomeEnum {
  SUCCEEDED = 'SUCCEEDED',
  PARTLY_FAILED = 'PARTLY_FAILED',
  FAILED = 'FAILED',
  DRY_RUN = 'DRY_RUN',
  CANCELLED = 'CANCELLED',
}
export enum SyncTriggerEnum {
  MANUAL = 'MANUAL',
  AUTOMATIC = 'AUTOMATIC',
  RETRY = 'RETRY',
}
registerEnumType(SyncRunStatusEnum, { name: 'SyncRunStatus' });
registerEnumType(SyncDirection, { name: 'SyncDirection', description: 'PUSH sends FSM records to QuickBooks; PULL applies changes made in QuickBooks (payments, customer edits, invoice voids) to the FSM; BOTH pulls, then pushes.' });
registerEnumType(SyncKind, { name: 'SyncKind', description: 'A kind of FSM ledger record.' });
registerEnumType(SyncIssueStatusEnum, { name: 'SyncIssueStatus', description: 'OPEN needs attention; RESOLVED was fixed (the record went through); IGNORED was closed on purpose (the record stays out of QuickBooks until it changes).' });
registerEnumType(SyncIssueActionEnum, {
  name: 'SyncIssueAction',
  description: 'What a bookkeeper can do about an issue (performSyncIssueAction); an issue lists only the actions that can succeed.',
  valuesConfig: {
    RETRY: { description: 'Send the record again (an issue from a QuickBooks-side change: apply that change again).' },
    RECREATE: { description: 'Create the record again in QuickBooks, where it was deleted.' },
    LINK: { description: "Tie the record to an existing QuickBooks object: one of the issue's candidates (remoteId)." },
    IGNORE: { description: 'Close the issue and leave the record out of QuickBooks on purpose, until it changes again.' },
    OPEN_SETTINGS: { description: "The fix is an accounting setting (the issue's setting): performed once it is chosen, it sends the record again." },
    VOID_IN_FSM: { description: 'Void the field-service record to agree with QuickBooks.' },
    PUSH: { description: 'Send a record the engine would otherwise skip (an invoice before the accounting start date, as an opening item).' },
  },
});
registerEnumType(SyncRunOutcomeEnum, {
  name: 'SyncRunOutcome',
  description: 'A finished run: every record went through (SUCCEEDED), some did not (PARTLY_FAILED), none did or the run itself stopped (FAILED), nothing was sent because it was a preview (DRY_RUN), or it was stopped (CANCELLED).',
});
registerEnumType(SyncTriggerEnum, { name: 'SyncTrigger' });

@InputType('StartSyncInput')
export class StartSyncInput {
  @Field(() => [SyncKind], { nullable: true, description: 'Kinds to push (default: every kind the engine pushes). Dependencies are pushed as needed.' })
  scope?: SyncKind[] | null;

  @Field(() => SyncDirection, { defaultValue: SyncDirection.PUSH })
  direction!: SyncDirection;

  @Field(() => Boolean, { defaultValue: false, description: 'Return the exact QuickBooks payloads without sending anything.' })
  dryRun!: boolean;
}

@ObjectType('DryRunPayload')
export class DryRunPayloadType {
  @Field(() => SyncKind)
  kind!: SyncKind;

  @Field(() => ID)
  recordId!: string;

  @Field(() => String, { description: 'QBO entity, e.g. Invoice, Payment, SalesReceipt, Customer.' })
  entity!: string;

  @Field(() => String)
  operation!: string;

  @Field(() => GraphQLJSONObject, { description: 'The body that would be sent; "NEW" refs are objects that would be created first.' })
  payload!: Record<string, unknown>;
}

/** What a run and its progress events share: status, phase and the counts. */
@ObjectType()
abstract class SyncCounters {
  @Field(() => SyncRunStatusEnum)
  status!: SyncRunStatusEnum;

  @Field(() => String)
  phase!: string;

  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  processed!: number;

  @Field(() => Int)
  succeeded!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => Int)
  skipped!: number;

  @Field(() => Int)
  blocked!: number;

  @Field(() => String, { nullable: true })
  currentRecord!: string | null;
}

@ObjectType('SyncKindCount', { description: 'What a run did with one kind of record.' })
export class SyncKindCountType {
  @Field(() => SyncKind)
  kind!: SyncKind;

  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  succeeded!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => Int)
  blocked!: number;

  @Field(() => Int)
  skipped!: number;
}

@ObjectType('SyncRun')
export class SyncRunType extends SyncCounters {
  @Field(() => SyncRunOutcomeEnum, { nullable: true, description: 'How the run went; null while it is queued or running.' })
  outcome!: SyncRunOutcomeEnum | null;

  @Field(() => Boolean, { description: 'True when the run covered every kind the engine pushes (show "Everything" rather than the list).' })
  everything!: boolean;

  @Field(() => [SyncKindCountType], { description: 'Counts per kind of record, in push order (kinds the run had nothing of are left out).' })
  kindCounts!: SyncKindCountType[];

  @Field(() => ID)
  id!: string;

  @Field(() => SyncTriggerEnum)
  trigger!: SyncTriggerEnum;

  @Field(() => [SyncKind])
  scope!: SyncKind[];

  @Field(() => SyncDirection)
  direction!: SyncDirection;

  @Field(() => Boolean)
  dryRun!: boolean;

  @Field(() => Boolean)
  cancelRequested!: boolean;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => [DryRunPayloadType], { description: 'Dry runs only.' })
  dryRunPayloads!: DryRunPayloadType[];

  @Field(() => [String], { description: 'Things the run says once, e.g. a setting QuickBooks has no equivalent for.' })
  notices!: string[];

  @Field(() => Date)
  queuedAt!: Date;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}

@ObjectType('SyncRecord', { description: 'A record as a bookkeeper knows it: kind, number, customer or supplier, date and amount (read from the ledger when asked).' })
export class SyncRecordType {
  @Field(() => SyncKind)
  kind!: SyncKind;

  @Field(() => String, { description: 'e.g. "Invoice", "Credit note", "Supplier invoice".' })
  kindLabel!: string;

  @Field(() => String, { nullable: true, description: 'Invoice, credit note or supplier invoice number; a payment or expense reference.' })
  number!: string | null;

  @Field(() => String, { nullable: true, description: "The customer's or supplier's name (its own, for a customer or supplier)." })
  name!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  date!: string | null;

  @Field(() => MoneyScalar, { nullable: true })
  amount!: string | null;

  @Field(() => String, { nullable: true })
  currency!: string | null;

  @Field(() => String, { description: 'All of it on one line, e.g. "Invoice 1042 · Harbour Dental Group · 2 Mar 2026 · 165.00".' })
  label!: string;

  @Field(() => ID, { nullable: true, description: 'The field-service record (null when the record exists only in QuickBooks).' })
  recordId!: string | null;

  @Field(() => String, { nullable: true, description: "The field-service app's own id of the record." })
  externalId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The QuickBooks object, when there is one.' })
  quickBooksId!: string | null;
}

@ObjectType('LinkCandidate', { description: 'A QuickBooks object the LINK action may tie the record to.' })
export class LinkCandidateType {
  @Field(() => ID)
  remoteId!: string;

  @Field(() => String, { description: 'e.g. "Invoice 1042 · Smith Plumbing · 12 Mar 2026 · 1,250.00".' })
  label!: string;
}

@InputType('PerformSyncIssueActionInput')
export class PerformSyncIssueActionInput {
  @Field(() => ID)
  issueId!: string;

  @Field(() => SyncIssueActionEnum, { description: "One of the issue's actions." })
  action!: SyncIssueActionEnum;

  @Field(() => ID, { nullable: true, description: "LINK: the QuickBooks object (one of the issue's candidates)." })
  remoteId?: string | null;
}

@ObjectType('SyncIssue')
export class SyncIssueType {
  @Field(() => ID)
  id!: string;

  @Field(() => SyncIssueStatusEnum)
  status!: SyncIssueStatusEnum;

  @Field(() => SyncKind)
  kind!: SyncKind;

  @Field(() => ID)
  recordId!: string;

  @Field(() => String, { nullable: true })
  externalId!: string | null;

  @Field(() => ID, { nullable: true })
  runId!: string | null;

  @Field(() => String, { description: 'Stable code, e.g. SETTING_MISSING, TAX_CODE_NOT_FOUND, DEPENDENCY_FAILED, NAME_IN_USE, TOTAL_MISMATCH, QUICKBOOKS_REJECTED.' })
  code!: string;

  @Field(() => String)
  message!: string;

  @Field(() => String)
  fixHint!: string;

  @Field(() => Boolean)
  retryable!: boolean;

  @Field(() => SyncKind, { nullable: true, description: 'The record this one waits for (BLOCKED).' })
  blockedByKind!: SyncKind | null;

  @Field(() => ID, { nullable: true })
  blockedById!: string | null;

  @Field(() => String, { nullable: true, description: "QuickBooks' own fault text, when QuickBooks refused." })
  quickBooksFault!: string | null;

  @Field(() => Int)
  occurrences!: number;

  @Field(() => [SyncIssueActionEnum], { description: 'What can be done about it now (performSyncIssueAction); empty once it is closed.' })
  actions!: SyncIssueActionEnum[];

  @Field(() => [LinkCandidateType], { description: 'LINK: the QuickBooks objects to choose from.' })
  candidates!: LinkCandidateType[];

  @Field(() => String, { nullable: true, description: 'OPEN_SETTINGS: the AccountingSettings field to fix (e.g. paymentsAccountId).' })
  setting!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('SyncProgress')
export class SyncProgressType extends SyncCounters {
  @Field(() => ID)
  runId!: string;

  @Field(() => Float, { description: 'Records per minute so far.' })
  ratePerMinute!: number;

  @Field(() => Int, { nullable: true, description: 'Seconds to completion at the current rate.' })
  etaSeconds!: number | null;

  @Field(() => Boolean, { description: 'True on the event carrying the final status.' })
  final!: boolean;

  @Field(() => Date)
  at!: Date;
}

export const { ConnectionType: SyncRunConnection } = connectionTypes('SyncRun', SyncRunType);
export const { ConnectionType: SyncIssueConnection } = connectionTypes('SyncIssue', SyncIssueType);

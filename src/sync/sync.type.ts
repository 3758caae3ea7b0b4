/** GraphQL shapes of the sync slice: runs, issues, progress events, dry-run payloads and the start input. */
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../graphql/pagination.js';
import { type SyncIssueCode } from './sync.errors.js';
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
registerEnumType(SyncRunStatusEnum, { name: 'SyncRunStatus', description: 'Where a run is: waiting, running, or finished and how.',
  valuesConfig: {
    QUEUED: { description: 'Waiting for the run before it (one run at a time per business).' },
    RUNNING: { description: 'Sending or reading records now.' },
    SUCCEEDED: { description: 'Finished; every record went through.' },
    PARTIALLY_FAILED: { description: 'Finished; some records did not go through (each has a sync issue).' },
    FAILED: { description: 'Stopped: none went through, or the run itself failed (error says why).' },
    CANCELLED: { description: 'Stopped on request (cancelSyncRun); records not sent stay pending.' },
  },
});
registerEnumType(SyncDirection, { name: 'SyncDirection', description: 'PUSH sends FSM records to QuickBooks; PULL applies changes made in QuickBooks (payments, customer edits, invoice voids) to the FSM; BOTH pulls, then pushes.',
  valuesConfig: {
    PUSH: { description: 'Send FSM records to QuickBooks.' },
    PULL: { description: 'Apply changes made in QuickBooks to the FSM.' },
    BOTH: { description: 'Pull, then push.' },
  },
});
registerEnumType(SyncKind, { name: 'SyncKind', description: 'A kind of FSM ledger record.',
  valuesConfig: {
    CUSTOMER: { description: 'A customer (QuickBooks Customer).' },
    SUPPLIER: { description: 'A supplier (QuickBooks Vendor).' },
    INVOICE: { description: 'An invoice (QuickBooks Invoice).' },
    CREDIT_NOTE: { description: 'A credit note (QuickBooks CreditMemo).' },
    PAYMENT: { description: 'A customer payment (QuickBooks Payment; a refund becomes a RefundReceipt).' },
    BAD_DEBT_WRITE_OFF: { description: 'A bad-debt write-off (a QuickBooks CreditMemo to the bad debt account).' },
    SUPPLIER_INVOICE: { description: 'A supplier invoice (QuickBooks Bill).' },
    EXPENSE: { description: 'An expense paid on the spot (QuickBooks Purchase).' },
  },
});
registerEnumType(SyncIssueStatusEnum, { name: 'SyncIssueStatus', description: 'OPEN needs attention; RESOLVED was fixed (the record went through); IGNORED was closed on purpose (the record stays out of QuickBooks until it changes).',
  valuesConfig: {
    OPEN: { description: 'Needs attention: the record is not in QuickBooks as it is in the FSM.' },
    RESOLVED: { description: 'Fixed: the record went through since.' },
    IGNORED: { description: 'Closed on purpose (IGNORE): the record stays out of QuickBooks until it changes.' },
  },
});
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
  valuesConfig: {
    SUCCEEDED: { description: 'Every record went through.' },
    PARTLY_FAILED: { description: 'Some records went through, some did not (see the sync issues).' },
    FAILED: { description: 'No record went through, or the run itself stopped (see error).' },
    DRY_RUN: { description: 'A preview: nothing was sent (see dryRunPayloads).' },
    CANCELLED: { description: 'Stopped on request before the end.' },
  },
});
registerEnumType(SyncTriggerEnum, { name: 'SyncTrigger', description: 'What started a run.',
  valuesConfig: {
    MANUAL: { description: 'Someone asked for it (startSync, the Sync now button).' },
    AUTOMATIC: { description: 'The automatic worker, after records changed (or on its schedule).' },
    RETRY: { description: 'A sync issue action (RETRY, OPEN_SETTINGS, RECREATE, PUSH) sending one record again.' },
  },
});

/** Every SyncIssueCode (sync.errors.ts), as the GraphQL enum SyncIssueCode: the same strings on the wire as the String it replaced. */
export const SyncIssueCodeEnum = {
  SETTING_MISSING: 'SETTING_MISSING',
  TAX_CODE_NOT_FOUND: 'TAX_CODE_NOT_FOUND',
  REFERENCE_NOT_FOUND: 'REFERENCE_NOT_FOUND',
  DEPENDENCY_FAILED: 'DEPENDENCY_FAILED',
  NAME_IN_USE: 'NAME_IN_USE',
  TOTAL_MISMATCH: 'TOTAL_MISMATCH',
  SALES_TAX_CODE_MISSING: 'SALES_TAX_CODE_MISSING',
  CURRENCY_NOT_ENABLED: 'CURRENCY_NOT_ENABLED',
  CURRENCY_MISMATCH: 'CURRENCY_MISMATCH',
  QUICKBOOKS_REJECTED: 'QUICKBOOKS_REJECTED',
  QUICKBOOKS_UNAVAILABLE: 'QUICKBOOKS_UNAVAILABLE',
  QUICKBOOKS_AUTH: 'QUICKBOOKS_AUTH',
  REMOTE_DELETED: 'REMOTE_DELETED',
  REFERENCE_INACTIVE: 'REFERENCE_INACTIVE',
  SETTING_ACCOUNT_UNUSABLE: 'SETTING_ACCOUNT_UNUSABLE',
  REMOTE_VOIDED: 'REMOTE_VOIDED',
  MATCH_AMBIGUOUS: 'MATCH_AMBIGUOUS',
  OPENING_INVOICE_MISSING: 'OPENING_INVOICE_MISSING',
  INBOUND_PAYMENT_REJECTED: 'INBOUND_PAYMENT_REJECTED',
  CUSTOMER_MATCH_AMBIGUOUS: 'CUSTOMER_MATCH_AMBIGUOUS',
  CUSTOMER_EDIT_CONFLICT: 'CUSTOMER_EDIT_CONFLICT',
  INTERNAL: 'INTERNAL',
} as const satisfies Record<SyncIssueCode, SyncIssueCode>;
registerEnumType(SyncIssueCodeEnum, { name: 'SyncIssueCode', description: 'Why a record could not be sent to QuickBooks (or a QuickBooks change applied), as a stable code. New codes may be added: treat an unknown one as a generic problem and show its message.',
  valuesConfig: {
    SETTING_MISSING: { description: 'An accounting setting the record needs is not chosen (setting names it).' },
    TAX_CODE_NOT_FOUND: { description: 'A line names a tax code QuickBooks does not have (or that is inactive).' },
    REFERENCE_NOT_FOUND: { description: 'A QuickBooks record the push refers to (account, class, item, ...) no longer exists.' },
    DEPENDENCY_FAILED: { description: 'A record this one needs (e.g. its customer) could not be sent first.' },
    NAME_IN_USE: { description: 'QuickBooks already has a customer, supplier or employee with this display name.' },
    TOTAL_MISMATCH: { description: "QuickBooks' total differs from the FSM total (rounding or tax), so it was not kept." },
    SALES_TAX_CODE_MISSING: { description: 'US sales tax: the QuickBooks customer has no sales tax rate to charge the tax with.' },
    CURRENCY_NOT_ENABLED: { description: 'The record is in a foreign currency and multicurrency is off in QuickBooks.' },
    CURRENCY_MISMATCH: { description: "The record's currency is not the QuickBooks customer's or supplier's currency." },
    QUICKBOOKS_REJECTED: { description: 'QuickBooks refused the record (quickBooksFault has its own words).' },
    QUICKBOOKS_UNAVAILABLE: { description: 'QuickBooks could not be reached or was busy; retrying later helps.' },
    QUICKBOOKS_AUTH: { description: 'The QuickBooks connection needs to be made again (reconnect).' },
    REMOTE_DELETED: { description: 'The QuickBooks copy was deleted in QuickBooks (RECREATE sends it again).' },
    REFERENCE_INACTIVE: { description: 'A QuickBooks record the push uses (account, customer, item, ...) was made inactive.' },
    SETTING_ACCOUNT_UNUSABLE: { description: "A setting's account is inactive, deleted or of the wrong type in QuickBooks." },
    REMOTE_VOIDED: { description: 'The QuickBooks copy was voided in QuickBooks while the FSM record is still active.' },
    MATCH_AMBIGUOUS: { description: 'Several QuickBooks records could be this one: choose one (LINK) rather than risk a duplicate.' },
    OPENING_INVOICE_MISSING: { description: 'A payment or credit applies to an invoice dated before the accounting start date that is not in QuickBooks (PUSH sends it).' },
    INBOUND_PAYMENT_REJECTED: { description: 'A payment entered in QuickBooks could not be applied in the FSM.' },
    CUSTOMER_MATCH_AMBIGUOUS: { description: 'Importing customers: several FSM customers fit one QuickBooks customer.' },
    CUSTOMER_EDIT_CONFLICT: { description: 'A customer was changed in both the FSM and QuickBooks; the FSM version was kept.' },
    INTERNAL: { description: 'An unexpected error in the gateway; retrying may help, else contact support.' },
  },
});

/** What a run is doing, as a closed set (the run's phase, without the kind or path it names). */
export enum SyncStageEnum {
  QUEUED = 'QUEUED',
  PREPARING = 'PREPARING',
  PUSHING = 'PUSHING',
  PULLING = 'PULLING',
  IMPORTING_CUSTOMERS = 'IMPORTING_CUSTOMERS',
  DONE = 'DONE',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(SyncStageEnum, { name: 'SyncStage', description: 'What a run is doing (the closed set behind its phase text).',
  valuesConfig: {
    QUEUED: { description: 'Waiting for the run before it.' },
    PREPARING: { description: 'Reading what to send.' },
    PUSHING: { description: 'Sending FSM records to QuickBooks.' },
    PULLING: { description: 'Reading changes made in QuickBooks.' },
    IMPORTING_CUSTOMERS: { description: 'Importing the QuickBooks customer list.' },
    DONE: { description: 'Finished (status says how).' },
    FAILED: { description: 'Stopped by an error (error says which).' },
    CANCELLED: { description: 'Stopped on request.' },
  },
});

@InputType('StartSyncInput', { description: 'What to sync now; every field is optional.' })
export class StartSyncInput {
  @Field(() => [SyncKind], { nullable: true, description: 'Kinds to push (default: every kind the engine pushes). Dependencies are pushed as needed.' })
  scope?: SyncKind[] | null;

  @Field(() => SyncDirection, { defaultValue: SyncDirection.PUSH, description: 'PUSH (default), PULL or BOTH.' })
  direction!: SyncDirection;

  @Field(() => Boolean, { defaultValue: false, description: 'Return the exact QuickBooks payloads without sending anything.' })
  dryRun!: boolean;
}

@ObjectType('DryRunPayload', { description: 'What a dry run would have sent to QuickBooks for one record.' })
export class DryRunPayloadType {
  @Field(() => SyncKind, { description: 'The kind of FSM record.' })
  kind!: SyncKind;

  @Field(() => ID, { description: 'The FSM record (gateway id).' })
  recordId!: string;

  @Field(() => String, { description: 'QBO entity, e.g. Invoice, Payment, SalesReceipt, Customer.' })
  entity!: string;

  @Field(() => String, { description: 'What would be done: "create" or "update" (or a void/delete).' })
  operation!: string;

  @Field(() => GraphQLJSONObject, { description: 'The body that would be sent; "NEW" refs are objects that would be created first.' })
  payload!: Record<string, unknown>;
}

/** What a run and its progress events share: status, phase and the counts. */
@ObjectType()
abstract class SyncCounters {
  @Field(() => SyncRunStatusEnum, { description: 'Where the run is.' })
  status!: SyncRunStatusEnum;

  @Field(() => String, { description: 'What the run is doing, in words (e.g. "pushing invoice", "pulling (cdc)"); stage gives the closed set.' })
  phase!: string;

  @Field(() => Int, { description: 'Records the run has to handle.' })
  total!: number;

  @Field(() => Int, { description: 'Records handled so far.' })
  processed!: number;

  @Field(() => Int, { description: 'Records that went through.' })
  succeeded!: number;

  @Field(() => Int, { description: 'Records that did not go through (each has a sync issue).' })
  failed!: number;

  @Field(() => Int, { description: 'Records left out on purpose (before the accounting start date, ignored issue, nothing changed).' })
  skipped!: number;

  @Field(() => Int, { description: 'Records waiting for another record that did not go through.' })
  blocked!: number;

  @Field(() => String, { nullable: true, description: 'The record being handled now, in words; null between records and once finished.' })
  currentRecord!: string | null;
}

@ObjectType('SyncKindCount', { description: 'What a run did with one kind of record.' })
export class SyncKindCountType {
  @Field(() => SyncKind, { description: 'The kind of record.' })
  kind!: SyncKind;

  @Field(() => Int, { description: 'Records of this kind in the run.' })
  total!: number;

  @Field(() => Int, { description: 'Went through.' })
  succeeded!: number;

  @Field(() => Int, { description: 'Did not go through.' })
  failed!: number;

  @Field(() => Int, { description: 'Waited for another record that did not go through.' })
  blocked!: number;

  @Field(() => Int, { description: 'Left out on purpose.' })
  skipped!: number;
}

@ObjectType('SyncRun', { description: 'One sync run: a push, a pull or a customer import, with its progress and outcome.' })
export class SyncRunType extends SyncCounters {
  @Field(() => SyncRunOutcomeEnum, { nullable: true, description: 'How the run went; null while it is queued or running.' })
  outcome!: SyncRunOutcomeEnum | null;

  @Field(() => Boolean, { description: 'True when the run covered every kind the engine pushes (show "Everything" rather than the list).' })
  everything!: boolean;

  @Field(() => [SyncKindCountType], { description: 'Counts per kind of record, in push order (kinds the run had nothing of are left out).' })
  kindCounts!: SyncKindCountType[];

  @Field(() => ID, { description: 'The run id (syncRun(id), syncProgress(runId)).' })
  id!: string;

  @Field(() => SyncTriggerEnum, { description: 'What started it.' })
  trigger!: SyncTriggerEnum;

  @Field(() => [SyncKind], { description: 'The kinds of record it covers.' })
  scope!: SyncKind[];

  @Field(() => SyncDirection, { description: 'Push, pull or both.' })
  direction!: SyncDirection;

  @Field(() => Boolean, { description: 'A preview: nothing is sent.' })
  dryRun!: boolean;

  @Field(() => Boolean, { description: 'cancelSyncRun was asked; the run stops after the current record.' })
  cancelRequested!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the run stopped, when it failed as a whole; null otherwise.' })
  error!: string | null;

  @Field(() => [DryRunPayloadType], { description: 'Dry runs only.' })
  dryRunPayloads!: DryRunPayloadType[];

  @Field(() => [String], { description: 'Things the run says once, e.g. a setting QuickBooks has no equivalent for.' })
  notices!: string[];

  @Field(() => Date, { description: 'When it was asked for.' })
  queuedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it started; null while queued.' })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it finished; null until then.' })
  finishedAt!: Date | null;
}

@ObjectType('SyncRecord', { description: 'A record as a bookkeeper knows it: kind, number, customer or supplier, date and amount (read from the ledger when asked).' })
export class SyncRecordType {
  @Field(() => SyncKind, { description: 'The kind of record.' })
  kind!: SyncKind;

  @Field(() => String, { description: 'e.g. "Invoice", "Credit note", "Supplier invoice".' })
  kindLabel!: string;

  @Field(() => String, { nullable: true, description: 'Invoice, credit note or supplier invoice number; a payment or expense reference.' })
  number!: string | null;

  @Field(() => String, { nullable: true, description: "The customer's or supplier's name (its own, for a customer or supplier)." })
  name!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Its transaction date; null for customers and suppliers.' })
  date!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Its total; null for customers and suppliers.' })
  amount!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code of amount; null with no amount.' })
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
  @Field(() => ID, { description: 'The QuickBooks id to pass as remoteId to performSyncIssueAction (LINK).' })
  remoteId!: string;

  @Field(() => String, { description: 'e.g. "Invoice 1042 · Smith Plumbing · 12 Mar 2026 · 1,250.00".' })
  label!: string;
}

@InputType('PerformSyncIssueActionInput', { description: 'An action on one sync issue.' })
export class PerformSyncIssueActionInput {
  @Field(() => ID, { description: 'The issue (SyncIssue.id).' })
  issueId!: string;

  @Field(() => SyncIssueActionEnum, { description: "One of the issue's actions." })
  action!: SyncIssueActionEnum;

  @Field(() => ID, { nullable: true, description: "LINK: the QuickBooks object (one of the issue's candidates)." })
  remoteId?: string | null;
}

@ObjectType('SyncIssue', { description: 'A problem that keeps one record from QuickBooks (or a QuickBooks change from the FSM), in words a bookkeeper can act on.' })
export class SyncIssueType {
  @Field(() => ID, { description: 'The issue id.' })
  id!: string;

  @Field(() => SyncIssueStatusEnum, { description: 'Open, resolved or ignored.' })
  status!: SyncIssueStatusEnum;

  @Field(() => SyncKind, { description: 'The kind of record it is about.' })
  kind!: SyncKind;

  @Field(() => ID, { description: 'The record it is about (gateway id); see record.' })
  recordId!: string;

  @Field(() => String, { nullable: true, description: "The FSM's own id of the record; null when it exists only in QuickBooks." })
  externalId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The run that last met the problem; null when it came from a QuickBooks-side change.' })
  runId!: string | null;

  @Field(() => SyncIssueCodeEnum, { description: 'What went wrong, as a stable code to branch on (message and fixHint say it in words).' })
  code!: SyncIssueCode;

  @Field(() => String, { description: 'What went wrong, in plain words with QuickBooks names, numbers and amounts.' })
  message!: string;

  @Field(() => String, { description: 'What to do about it, in plain words.' })
  fixHint!: string;

  @Field(() => Boolean, { description: 'Retrying as it is may succeed (e.g. QuickBooks was unavailable); false: something must change first.' })
  retryable!: boolean;

  @Field(() => SyncKind, { nullable: true, description: 'The record this one waits for (BLOCKED).' })
  blockedByKind!: SyncKind | null;

  @Field(() => ID, { nullable: true, description: 'The record this one waits for (BLOCKED), gateway id; see blockedBy.' })
  blockedById!: string | null;

  @Field(() => String, { nullable: true, description: "QuickBooks' own fault text, when QuickBooks refused." })
  quickBooksFault!: string | null;

  @Field(() => Int, { description: 'How many times the same problem was met.' })
  occurrences!: number;

  @Field(() => [SyncIssueActionEnum], { description: 'What can be done about it now (performSyncIssueAction); empty once it is closed.' })
  actions!: SyncIssueActionEnum[];

  @Field(() => [LinkCandidateType], { description: 'LINK: the QuickBooks objects to choose from.' })
  candidates!: LinkCandidateType[];

  @Field(() => String, { nullable: true, description: 'OPEN_SETTINGS: the AccountingSettings field to fix (e.g. paymentsAccountId).' })
  setting!: string | null;

  @Field(() => Date, { description: 'When it was first met.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it last changed (met again, resolved, ignored).' })
  updatedAt!: Date;
}

@ObjectType('SyncProgress', { description: 'A progress event of one run (the syncProgress subscription).' })
export class SyncProgressType extends SyncCounters {
  @Field(() => ID, { description: 'The run (SyncRun.id).' })
  runId!: string;

  @Field(() => Float, { description: 'Records per minute so far.' })
  ratePerMinute!: number;

  @Field(() => Int, { nullable: true, description: 'Seconds to completion at the current rate.' })
  etaSeconds!: number | null;

  @Field(() => Boolean, { description: 'True on the event carrying the final status.' })
  final!: boolean;

  @Field(() => Date, { description: 'When the event was sent.' })
  at!: Date;
}

export const { ConnectionType: SyncRunConnection } = connectionTypes('SyncRun', SyncRunType, 'sync runs');
export const { ConnectionType: SyncIssueConnection } = connectionTypes('SyncIssue', SyncIssueType, 'sync issues');

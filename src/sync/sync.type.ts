/** GraphQL shapes of the sync slice: runs, issues, progress events, dry-run payloads and the start input. */
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../graphql/pagination.js';

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
}
export enum SyncTriggerEnum {
  MANUAL = 'MANUAL',
  AUTOMATIC = 'AUTOMATIC',
  RETRY = 'RETRY',
}
registerEnumType(SyncRunStatusEnum, { name: 'SyncRunStatus' });
registerEnumType(SyncDirection, { name: 'SyncDirection', description: 'PUSH sends FSM records to QuickBooks; PULL applies changes made in QuickBooks (payments, customer edits, invoice voids) to the FSM; BOTH pulls, then pushes.' });
registerEnumType(SyncKind, { name: 'SyncKind', description: 'A kind of FSM ledger record.' });
registerEnumType(SyncIssueStatusEnum, { name: 'SyncIssueStatus' });
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

@ObjectType('SyncRun')
export class SyncRunType extends SyncCounters {
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

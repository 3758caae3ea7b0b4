/**
 * What a pusher may ask of the push engine: the run's session, the record's mappings and claims, its
 * dependencies (pushed first when needed), the state writes, the start-date rule, issue holds and the
 * dry-run log. Pushers get this and nothing else of the engine, so a provider's pushers never touch the
 * mapping or claim repositories, nor the run's bookkeeping, directly.
 */
import { type ChartService } from '../../accounts/chart.service.js';
import { type LedgerListsService } from '../../ledger/ledger-lists.service.js';
import { type LedgerKind, type LedgerReader, type LedgerRecord } from '../../ledger/ledger-record.types.js';
import { type ClaimOwner } from '../../persistence/sync/mapping-claim.repository.js';
import { type MappingFields, type MappingPart, type SyncMapping } from '../../persistence/sync/sync-mapping.repository.js';
import { type QboEntity } from '../../providers/quickbooks/qbo.client.js';
import { type OutboxService } from '../outbox.service.js';
import { type QboPayload } from '../push.types.js';
import { type SyncItemService } from '../sync-item.service.js';
import { type PushSession } from './push-session.types.js';
import { type RemoteRef } from '../../providers/accounting-provider.port.js';

export type { RemoteRef } from '../../providers/accounting-provider.port.js';

/** The engine's collaborators a pusher writes and reads through (the outbox makes each write exactly once). */
export interface PushServices {
  outbox: OutboxService;
  lists: LedgerListsService;
  chart: ChartService;
  items: SyncItemService;
}

export interface PushContext {
  readonly session: PushSession;
  readonly services: PushServices;
  /** The FSM ledger (reads, and marking a record's version as pushed). */
  readonly ledger: LedgerReader;

  /** The mapping as the session's realm sees it (one of another realm starts over here). */
  mapping(kind: LedgerKind, recordId: string, part?: MappingPart): Promise<SyncMapping | null>;
  /** Stores the mapping's remote side; a new remote id is claimed first (an issue if another record holds it). */
  saveMapping(record: LedgerRecord, part: MappingPart, entity: QboEntity, set: MappingFields): Promise<void>;
  /** The remote object of (record, part) is gone: no later push writes over it silently. */
  markRemoteDeleted(record: LedgerRecord, part: MappingPart): Promise<void>;
  /** Whether the remote object is free for `owner` (unclaimed, or already its own). */
  isFree(owner: ClaimOwner, entity: QboEntity, remoteId: string): Promise<boolean>;
  /** The FSM record holding the remote object, if any (and if it still exists). */
  heldBy(entity: QboEntity, remoteId: string): Promise<LedgerRecord | null>;

  /** The remote ref of a dependency, pushing it first when its current version is not there yet. */
  dependency(kind: LedgerKind, id: string, entity: QboEntity): Promise<RemoteRef>;
  /** A customer or supplier read once per run; any other record read now. */
  recordOf(kind: LedgerKind, id: string): Promise<LedgerRecord | null>;

  /** Dated before the accounting start date (such records are not pushed). */
  beforeStartDate(date: string): boolean;
  /** Holds the record (an issue naming the setting) when an account it needs is an unusable account setting. */
  holdUnusableSettings(record: LedgerRecord, accountIds: readonly (string | null | undefined)[]): void;
  /** The record is in the provider's books at its version: mapping SYNCED, ledger marked pushed. */
  markPushed(record: LedgerRecord): Promise<void>;
  /** Dry runs: what a real push would send. */
  dryRunPayload(kind: LedgerKind, recordId: string, entity: QboEntity, operation: string, payload: QboPayload): void;
}

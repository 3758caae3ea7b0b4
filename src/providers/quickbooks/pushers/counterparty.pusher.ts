/**
 * Customers and suppliers: one flow, parameterised by the QBO entity (Customer, Vendor). An unmapped
 * one is linked to the QBO record it already is (same display name, else same email), never
 * duplicated, and that record is the accountant's, so it is not overwritten on the first link; else it
 * is created (or updated) through the outbox; a name taken by another entity (6240) is explained.
 */
import { type CustomerRecord, type SupplierRecord } from '../../../ledger/ledger-record.types.js';
import { type SyncMapping } from '../../../persistence/sync/sync-mapping.repository.js';
import { type PushContext } from '../../../sync/push/push.context.js';
import { type PushResult, type PushSession } from '../../../sync/push/push-session.types.js';
import { type RecordPusher } from '../../../sync/push/record-pusher.registry.js';
import { type QboPayload } from '../../../sync/push.types.js';
import { qboDisplayName, queryLiteral } from '../mappers/customer.mapper.js';
import { type QboRecord } from '../qbo.client.js';
import { QboError } from '../qbo.errors.js';
import { type CounterpartyEntity, matchCounterparty, nameHeld } from './counterparty-match.js';
import { upsertRemote } from './upsert-remote.js';

type CounterpartyRecord = CustomerRecord | SupplierRecord;

export interface CounterpartyWrite {
  payload: QboPayload;
  /** Refuses linking to this existing QBO record (e.g. it is in another currency), by throwing. */
  checkMatch?: (existing: QboRecord) => void;
}

export interface CounterpartySpec<R extends CounterpartyRecord> {
  kind: R['kind'];
  entity: CounterpartyEntity;
  /** The payload (and the match check), worked out before anything else: it may hold the record. */
  write(ctx: PushContext, record: R): Promise<CounterpartyWrite>;
}

export function counterpartyPusher<R extends CounterpartyRecord>(spec: CounterpartySpec<R>): RecordPusher<R['kind']> {
  const { entity } = spec;
  async function push(ctx: PushContext, record: R, mapping: SyncMapping | null): Promise<PushResult> {
    const { session } = ctx;
    const { payload, checkMatch } = await spec.write(ctx, record);
    if (mapping?.qboId && mapping.syncedVersion === record.version) return 'SUCCEEDED';
    if (session.dryRun) {
      ctx.dryRunPayload(record.kind, record.id, entity, mapping?.qboId ? 'update' : 'create (unless matched by email or name)', payload);
      return 'SUCCEEDED';
    }
    const client = session.client!;
    if (!mapping?.qboId && !mapping?.forcePush) {
      // An existing QBO record (same display name, else same email) is linked, never duplicated;
      // it is the accountant's record, so it is not overwritten on the first link.
      const existing = await matchCounterparty(ctx, record, entity);
      if (existing) {
        checkMatch?.(existing);
        await ctx.saveMapping(record, 'main', entity, { qboId: existing.Id, syncToken: existing.SyncToken, syncedVersion: record.version, lastSyncedAt: new Date() });
        await ctx.markPushed(record);
        return 'SUCCEEDED';
      }
    }
    try {
      await upsertRemote(ctx, record, 'main', entity, payload, {
        mapping,
        findExisting: async () => (await client.queryPage<QboRecord>(entity, `where DisplayName = ${queryLiteral(qboDisplayName(record.displayName))} maxresults 1`))[0],
      });
    } catch (error) {
      if (!(error instanceof QboError && error.kind === 'DUPLICATE_NAME')) throw error;
      await nameHeld(ctx, record, entity, error);
    }
    await ctx.markPushed(record);
    return 'SUCCEEDED';
  }
  /** The names and emails a run is about to check, asked a hundred per query. */
  function prepare(session: PushSession, records: readonly R[]): void {
    session.lookahead.register(entity, 'DisplayName', records.map((r) => qboDisplayName(r.displayName)));
    session.lookahead.register(entity, 'PrimaryEmailAddr', records.map((r) => r.email));
  }
  return { kind: spec.kind, entity, counterparty: true, push, prepare } as unknown as RecordPusher<R['kind']>;
}

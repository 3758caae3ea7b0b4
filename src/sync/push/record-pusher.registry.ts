/**
 * Pushers by record kind. The engine never branches on a kind: it looks the record's pusher up here.
 * A provider registers one pusher per kind in one list (see quickbooks.pushers.ts); adding a kind is
 * its pusher's files plus one line there.
 */
import { type LedgerKind, type LedgerRecordOf } from '../../ledger/ledger-record.types.js';
import { type SyncMapping } from '../../persistence/sync/sync-mapping.repository.js';
import { type PusherRegistry as ProviderPusherRegistry } from '../../providers/accounting-provider.port.js';
import { type QboEntity } from '../../providers/quickbooks/qbo.client.js';
import { type PushContext, type RemoteRef } from './push.context.js';
import { type PushResult, type PushSession } from './push-session.types.js';

export interface RecordPusher<K extends LedgerKind = LedgerKind> {
  readonly kind: K;
  /** The remote entity of the record's main part (mapping rows, LINK reads). */
  readonly entity: QboEntity;
  /**
   * Customers and suppliers: the records transactions are pushed for. They are read once per run when
   * a dependant asks, and are not held when their remote copy was deleted (they are simply pushed
   * again); an active transaction whose remote copy was deleted or voided is held before any call.
   */
  readonly counterparty: boolean;
  /** Pushes the record (or mirrors its void/delete); the engine records the outcome. */
  push(ctx: PushContext, record: LedgerRecordOf<K>, mapping: SyncMapping | null): Promise<PushResult>;
  /** The run is about to push these records: lookups before their first creates may be batched. */
  prepare?(session: PushSession, records: readonly LedgerRecordOf<K>[]): void;
  /**
   * A dependant asks for this record: a ref other than pushing it (an invoice dated before the start
   * date is matched to the one the books already hold), or undefined to push it as usual.
   */
  dependencyRef?(ctx: PushContext, record: LedgerRecordOf<K>, mapping: SyncMapping | null): Promise<RemoteRef> | undefined;
  /**
   * LINK: the counterparty the remote document must belong to (and the document field naming it), so
   * a record is never linked to another customer's or supplier's document; none for other kinds.
   */
  linkCounterparty?(record: LedgerRecordOf<K>): LinkCounterparty | undefined;
}

export interface LinkCounterparty {
  kind: 'customer' | 'supplier';
  id: string;
  /** The document's field holding the counterparty's ref. */
  field: string;
}

/** Any kind's pusher, as the registry holds it (each entry is checked to serve its own kind). */
export type AnyRecordPusher = { [K in LedgerKind]: RecordPusher<K> }[LedgerKind];

export class UnknownRecordKindError extends Error {
  constructor(readonly kind: string) {
    super(`No pusher is registered for record kind "${kind}": records of this kind cannot be sent to the accounting system.`);
    this.name = 'UnknownRecordKindError';
  }
}

/** The engine's registry; it is also what a provider offers the port (AccountingProvider.pushers). */
export class PusherRegistry implements ProviderPusherRegistry<AnyRecordPusher> {
  readonly #pushers = new Map<LedgerKind, AnyRecordPusher>();

  /** `pushers` in push order: a kind never before the kinds it depends on. */
  constructor(pushers: readonly AnyRecordPusher[]) {
    for (const pusher of pushers) {
      if (this.#pushers.has(pusher.kind)) throw new Error(`Two pushers are registered for record kind "${pusher.kind}".`);
      this.#pushers.set(pusher.kind, pusher);
    }
  }

  /** The kinds that can be pushed, in push order. */
  kinds(): readonly LedgerKind[] {
    return [...this.#pushers.keys()];
  }

  /** The pusher of `kind`, or undefined when none is registered. */
  pusherFor(kind: LedgerKind): AnyRecordPusher | undefined {
    return this.#pushers.get(kind);
  }

  has(kind: string): kind is LedgerKind {
    return this.#pushers.has(kind as LedgerKind);
  }

  /** The pusher of `kind`; an unregistered kind is refused. */
  get<K extends LedgerKind>(kind: K): RecordPusher<K> {
    const pusher = this.#pushers.get(kind);
    if (!pusher) throw new UnknownRecordKindError(kind);
    return pusher as unknown as RecordPusher<K>;
  }
}

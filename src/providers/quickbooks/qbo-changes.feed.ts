/**
 * QuickBooks' change feed behind the port's `ChangeFeed`: Change Data Capture (one call for every change
 * of the listed entities since a time, deletes included, at most 1,000 objects, 30 days back: facts §4),
 * queries by MetaData.LastUpdatedTime for windows CDC cannot reach, and an `Id in (...)` query to find
 * which ids still exist (deleted transactions cannot be queried). The poller's strategy (splitting full
 * answers, watermarks, the overlap) stays in src/pull/cdc.poller.ts; what QBO is asked and how its answer
 * reads lives here.
 */
import { type ChangeFeed, type ChangeWindow, type PulledKind, type RemoteRecord } from '../accounting-provider.port.js';
import { type QboClient, type QboEntity, type QboRecord } from './qbo.client.js';
import { QboError } from './qbo.errors.js';
import { changedBetweenWhere, idsInWhere } from './qbo.queries.js';
import { lastUpdatedOf, parseQboInstant, toPacificIso } from './pacific-time.util.js';

const DAY_MS = 86_400_000;

/** The QBO entity each pulled kind is. */
export const QBO_ENTITY_OF: Readonly<Record<PulledKind, QboEntity & ('Customer' | 'Invoice' | 'Payment')>> = { customer: 'Customer', invoice: 'Invoice', payment: 'Payment' };

/** A QBO row (full object or CDC `Deleted` stub) as the port's RemoteRecord; the row itself travels as `raw`. */
export function remoteRecord(kind: PulledKind, row: { Id: string; SyncToken?: unknown; status?: unknown; MetaData?: unknown }): RemoteRecord {
  return {
    kind,
    id: row.Id,
    versionToken: typeof row.SyncToken === 'string' ? row.SyncToken : null,
    updatedAt: lastUpdatedOf(row),
    deleted: row.status === 'Deleted',
    raw: row,
  };
}

/** The objects of a CDC body (full payloads and Deleted stubs) of the given kinds, with QBO's own time of the answer. */
export function readCdc(body: unknown, kinds: readonly PulledKind[]): ChangeWindow {
  const root = (body ?? {}) as { CDCResponse?: { QueryResponse?: Record<string, unknown>[] }[]; time?: unknown };
  const records: RemoteRecord[] = [];
  for (const response of root.CDCResponse ?? []) {
    for (const qr of response.QueryResponse ?? []) {
      for (const kind of kinds) {
        const rows = qr[QBO_ENTITY_OF[kind]];
        if (Array.isArray(rows)) for (const row of rows as { Id: string }[]) records.push(remoteRecord(kind, row));
      }
    }
  }
  return { records, serverTime: parseQboInstant(root.time) };
}

export class QuickBooksChangeFeed implements ChangeFeed {
  readonly style = 'change-log';
  readonly lookBackMs = 30 * DAY_MS;
  readonly maxPerAnswer = 1000;

  constructor(private readonly client: QboClient) {}

  async changesSince(kinds: readonly PulledKind[], since: Date): Promise<ChangeWindow | 'beyond-look-back'> {
    let body: unknown;
    try {
      body = await this.client.changeDataCapture(
        kinds.map((k) => QBO_ENTITY_OF[k]),
        toPacificIso(since),
      );
    } catch (error) {
      // QBO refuses a changedSince beyond its look-back (the local clock can differ from QBO's). Its
      // Message is only "Invalid query": the reason ("… older than fixed days is not supported") is in Detail.
      if (error instanceof QboError && error.kind === 'VALIDATION' && /older than|changedSince/i.test(`${error.message} ${error.details.detail ?? ''}`)) return 'beyond-look-back';
      throw error;
    }
    return readCdc(body, kinds);
  }

  async *modifiedBetween(kind: PulledKind, since: Date, before?: Date): AsyncIterable<RemoteRecord[]> {
    for await (const page of this.client.queryAll<QboRecord>(QBO_ENTITY_OF[kind], changedBetweenWhere(since, before))) {
      yield page.map((row) => remoteRecord(kind, row));
    }
  }

  async stillExisting(kind: PulledKind, ids: readonly string[]): Promise<ReadonlySet<string>> {
    const found = new Set<string>();
    if (ids.length === 0) return found;
    for await (const page of this.client.queryAll(QBO_ENTITY_OF[kind], idsInWhere(ids))) for (const row of page) found.add(row.Id);
    return found;
  }
}

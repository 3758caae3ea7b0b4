/**
 * Lookups a run makes before each first create (does QuickBooks already hold this invoice number, this
 * customer name, this email?), answered a hundred values per query instead of one query per record.
 * The run registers the values of the records it is about to push, in push order; the first record of
 * a chunk that needs its answer sends one `where <field> in (...)` query for the whole chunk, and the
 * chunk's other records read that answer. QBO allows 500 requests a minute per company: one lookup per
 * record cost as much of that budget as the creates themselves.
 *
 * An answer is a snapshot: it is used only for the check before a record's first create (whether to
 * link instead of creating), where a live query would be just as old by the time the create is sent,
 * and it is fetched again once older than `maxAgeMs`. Finding what an earlier attempt created (after a
 * crash) always queries QuickBooks live, never this.
 */
import { type QboClient, type QboEntity, type QboRecord } from './qbo.client.js';
import { QboError } from './qbo.errors.js';
import { queryLiteral } from './mappers/customer.mapper.js';

/** The QBO fields looked up ahead, and how a row's value is read for them. */
export type LookaheadField = 'DocNumber' | 'DisplayName' | 'PrimaryEmailAddr';

const VALUE_OF: Record<LookaheadField, (row: QboRecord) => unknown> = {
  DocNumber: (row) => row.DocNumber,
  DisplayName: (row) => row.DisplayName,
  PrimaryEmailAddr: (row) => (row.PrimaryEmailAddr as { Address?: unknown } | undefined)?.Address,
};

/** Values per query: the query stays a couple of kilobytes, well within a URL. */
const CHUNK = 100;
/** QBO returns at most 1000 rows per query; a chunk that fills a page is not trusted as complete. */
const PAGE = 1000;

interface Chunk {
  entity: QboEntity;
  field: LookaheadField;
  values: string[];
  answer?: { at: number; rows: Promise<QboRecord[] | undefined> };
}

/** QBO compares query values without regard to case (facts §1.3, uncertain): match the wider way. */
const fold = (value: string) => value.toLowerCase();

export class QboLookahead {
  readonly #chunks = new Map<string, Chunk>();

  constructor(private readonly maxAgeMs = 30_000) {}

  /** The values the coming pushes will look up, in the order they will be pushed. */
  register(entity: QboEntity, field: LookaheadField, values: Iterable<string | null | undefined>): void {
    let chunk: Chunk | undefined;
    for (const value of values) {
      if (!value) continue;
      const key = this.#key(entity, field, value);
      if (this.#chunks.has(key)) continue;
      if (!chunk || chunk.values.length >= CHUNK) chunk = { entity, field, values: [] };
      chunk.values.push(value);
      this.#chunks.set(key, chunk);
    }
  }

  /**
   * The rows of `entity` whose `field` equals `value` (without regard to case), from the chunk's
   * query; undefined when the value was not registered or the answer cannot be relied on (the caller
   * then queries QuickBooks itself).
   */
  async rows(client: QboClient, entity: QboEntity, field: LookaheadField, value: string): Promise<QboRecord[] | undefined> {
    const chunk = this.#chunks.get(this.#key(entity, field, value));
    if (!chunk) return undefined;
    if (!chunk.answer || Date.now() - chunk.answer.at > this.maxAgeMs) {
      const query = `where ${field} in (${chunk.values.map(queryLiteral).join(', ')}) maxresults ${PAGE}`;
      const rows = client.queryPage<QboRecord>(entity, query).then(
        (page) => (page.length >= PAGE ? undefined : page),
        // QuickBooks refusing the query itself (not a transient fault): each record asks with `=` as before.
        (error: unknown) => {
          if (error instanceof QboError && !error.retryable && error.kind !== 'AUTH') return undefined;
          throw error;
        },
      );
      chunk.answer = { at: Date.now(), rows };
      // A failed lookup is not kept: the next record asks again.
      rows.catch(() => {
        if (chunk.answer?.rows === rows) chunk.answer = undefined;
      });
    }
    const rows = await chunk.answer.rows;
    return rows?.filter((row) => typeof VALUE_OF[field](row) === 'string' && fold(VALUE_OF[field](row) as string) === fold(value));
  }

  #key(entity: QboEntity, field: LookaheadField, value: string): string {
    return `${entity}|${field}|${fold(value)}`;
  }
}

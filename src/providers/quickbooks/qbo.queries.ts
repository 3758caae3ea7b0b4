/**
 * The QBO query language (facts §1.3), written in one place: the `where` clauses the chart refresh, the
 * pull and the item lookups send. Callers outside this folder ask for what they want (rows changed in a
 * window, rows with these ids, a row by name) and never build a query string themselves. Paging
 * (`orderby Id startposition n maxresults m`) is added by QboClient.queryAll.
 */
import { queryLiteral } from './mappers/customer.mapper.js';
import { toPacificIso } from './pacific-time.util.js';

/**
 * Every row of a name list, or the rows changed after a watermark. Name lists hide inactive rows unless
 * the query mentions Active, so a deactivated account reaches the cache as inactive instead of lingering
 * as active. QBO timestamps have one-second resolution, so a change in the watermark's own second after
 * our query could be missed by `>`: the full refreshes (on connect, on demand) heal that rare case, while
 * `>=` would re-read every row of a freshly seeded or imported company on each incremental run.
 * `since` is a QBO timestamp as QBO wrote it (Pacific offset), kept verbatim as the watermark.
 */
export function changedNameListWhere(since: string | null): string {
  return since === null ? 'where Active IN (true, false)' : `where MetaData.LastUpdatedTime > ${queryLiteral(since)} and Active IN (true, false)`;
}

/** Transactions changed at or after `since` and, when given, before `before` (instants; QBO wants Pacific time). */
export function changedBetweenWhere(since: Date, before?: Date): string {
  const bound = `MetaData.LastUpdatedTime >= '${toPacificIso(since)}'${before ? ` and MetaData.LastUpdatedTime < '${toPacificIso(before)}'` : ''}`;
  return `where ${bound}`;
}

/** The rows with these ids (QBO ids are numeric strings; each is quoted as a literal). */
export function idsInWhere(ids: readonly string[]): string {
  return `where Id in (${ids.map(queryLiteral).join(', ')})`;
}

/** At most one row of a name list (Item, Class, Department) with exactly this name. */
export function byNameQuery(name: string): string {
  return `where Name = ${queryLiteral(name)} maxresults 1`;
}

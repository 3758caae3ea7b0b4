/**
 * `executeQuery`: runs one QBO SELECT against a company store and returns the response body QBO sends,
 * minus the envelope `time` (the router adds it). Shapes from real traffic (facts §1.3):
 *   rows      → {"QueryResponse":{"Customer":[...],"startPosition":1,"maxResults":<rows returned>}}
 *   no rows   → {"QueryResponse":{}}
 *   COUNT(*)  → {"QueryResponse":{"totalCount":N}}
 * Throws QboFault 4000 (parse) / 4001 (validation).
 */
import { type CompanyStore, type QboRecord } from '../company/company.types.js';
import { faults } from '../faults.js';
import { type NonAsciiPolicy } from './query.lexer.js';
import { compareForSort, compareIds, matches, valueAt, type EvalOptions, type ResolvedCondition } from './query.evaluator.js';
import { parseQuery, type SelectStatement } from './query.parser.js';
import { documentedProperty, isModelled, NAME_LIST_ENTITIES, resolveEntity, type QueryableEntity } from './query.schema.js';

export interface QueryOptions {
  /** Virtual now (CURRENT_DATE). Defaults to the store's clock. */
  nowMs?: number;
  /** MAXRESULTS above 1000: QBO's behaviour is undocumented; `'fault'` (4001, the stricter) or `'cap'` at 1000. */
  maxResultsAbove1000?: 'fault' | 'cap';
  /** String comparisons ignoring case. Intuit's docs claim it, unconfirmed; default false (stricter). */
  caseInsensitiveValues?: boolean;
  /** Hide inactive name-list records unless the WHERE clause mentions Active, as QBO does. Default true. */
  activeOnlyByDefault?: boolean;
  /** `'documented'` (default): only properties the API reference lists as filterable/sortable; `'any'`: any path. */
  propertyCheck?: 'documented' | 'any';
  /** Non-ASCII characters inside literals: typographic punctuation is always rejected; `'reject-all'` also rejects letters. */
  nonAsciiInStrings?: NonAsciiPolicy;
  /** Add `totalCount` to row responses: QBO does so for some entities (JournalEntry, Bill seen) but not others. */
  includeTotalCount?: boolean | readonly string[];
}

export interface QueryResponseBody {
  QueryResponse: Record<string, unknown>;
}

export const DEFAULT_MAX_RESULTS = 100;
export const MAX_RESULTS_LIMIT = 1000;

function invalid(detail: string): never {
  throw faults.queryInvalid(`QueryValidationError: ${detail}`);
}

function checkBounds(value: number | undefined, cap: 'fault' | 'cap', isMax: boolean): number | undefined {
  if (value === undefined) return undefined;
  if (value < 1) invalid(`value ${value} is too small. Min allowed value is 1`);
  if (isMax && value > MAX_RESULTS_LIMIT) {
    if (cap === 'fault') invalid(`value ${value} is too large. Max allowed value is ${MAX_RESULTS_LIMIT}`);
    return MAX_RESULTS_LIMIT;
  }
  return value;
}

function resolveProperty(entity: QueryableEntity, written: string, check: 'documented' | 'any', role: 'queryable' | 'sortable'): string {
  const documented = documentedProperty(entity, written);
  if (documented) return documented;
  if (check === 'any' && /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(written)) return written;
  return invalid(`property '${written}' is not ${role}`);
}

/** Parse and validate without touching data: the canonical entity plus resolved clauses. */
export function prepareQuery(sql: string, options: QueryOptions = {}) {
  const stmt: SelectStatement = parseQuery(sql, options.nonAsciiInStrings ?? 'reject-punctuation');
  const entity = resolveEntity(stmt.entity);
  if (!entity) invalid(`Invalid entity name: ${stmt.entity}`);
  if (stmt.usesOr) invalid('OR operator is not supported');
  const check = options.propertyCheck ?? 'documented';
  const where: ResolvedCondition[] = stmt.where.map((c) => {
    const property = resolveProperty(entity, c.property, check, 'queryable');
    if (property === 'Id' && c.op !== '=' && c.op !== 'IN') invalid(`operator ${c.op} is not supported for property 'Id'. Supported operators: =, IN`);
    return { property, op: c.op, values: c.values };
  });
  const orderBy = stmt.orderBy.map((o) => ({ property: resolveProperty(entity, o.property, check, 'sortable'), descending: o.descending }));
  const cap = options.maxResultsAbove1000 ?? 'fault';
  const startPosition = checkBounds(stmt.startPosition, cap, false) ?? 1;
  const maxResults = checkBounds(stmt.maxResults, cap, true) ?? DEFAULT_MAX_RESULTS;
  return { kind: stmt.kind, entity, where, orderBy, startPosition, maxResults };
}

export function executeQuery(store: CompanyStore, sql: string, options: QueryOptions = {}): QueryResponseBody {
  const q = prepareQuery(sql, options);
  const evalOpts: EvalOptions = {
    caseInsensitiveValues: options.caseInsensitiveValues ?? false,
    nowMs: options.nowMs ?? store.clock.now(),
  };
  const all: readonly QboRecord[] = isModelled(q.entity) ? store.list(q.entity) : [];
  const hideInactive =
    (options.activeOnlyByDefault ?? true) && NAME_LIST_ENTITIES.has(q.entity) && !q.where.some((c) => c.property === 'Active');
  const selected = all.filter((r) => (!hideInactive || r.Active !== false) && q.where.every((c) => matches(r, c, evalOpts)));

  if (q.kind === 'count') return { QueryResponse: { totalCount: selected.length } };

  // Default order is Id ascending (numeric); ORDERBY keys refine it, with Id as the final tie-breaker.
  const sorted = [...selected].sort((a, b) => {
    for (const o of q.orderBy) {
      const c = compareForSort(o.property, valueAt(a, o.property), valueAt(b, o.property));
      if (c !== 0) return o.descending ? -c : c;
    }
    return compareIds(a.Id, b.Id);
  });
  const page = sorted.slice(q.startPosition - 1, q.startPosition - 1 + q.maxResults);
  if (page.length === 0) return { QueryResponse: {} };

  const body: Record<string, unknown> = {
    [q.entity]: page.map((r) => structuredClone(r)),
    startPosition: q.startPosition,
    maxResults: page.length,
  };
  const withTotal = options.includeTotalCount;
  if (withTotal === true || (Array.isArray(withTotal) && withTotal.includes(q.entity))) body.totalCount = selected.length;
  return { QueryResponse: body };
}

/**
 * `executeCdc`: QBO's change data capture, `GET /cdc?entities=A,B&changedSince=<ISO>` (facts §4).
 * Body (the router adds `time`):
 *   {"CDCResponse":[{"QueryResponse":[
 *      {"Customer":[<full records>, <deleted stubs>],"startPosition":1,"maxResults":2},
 *      {} ]}]}
 * one QueryResponse per requested entity, in request order, `{}` for an entity without changes. A change
 * is anything whose MetaData.LastUpdatedTime is at or after changedSince; hard-deleted transactions come
 * as `{domain,status:"Deleted",Id,MetaData:{LastUpdatedTime}}` stubs. Look-back is limited to 30 days.
 * Responses hold at most `maxObjects` objects (1000; per response by default, per entity optionally,
 * since the docs do not say which); objects are taken oldest first, and a truncated entity reports the
 * full `totalCount`, as in Intuit's example (maxResults 3, totalCount 5).
 */
import { ENTITY_NAMES, type CompanyStore, type EntityName } from '../company/company.types.js';
import { faults } from '../faults.js';
import { parseQboDateTime } from '../query/qbo-datetime.util.js';
import { compareIds } from '../query/query.evaluator.js';

export interface CdcParams {
  /** The raw `entities` query parameter (comma-separated). */
  entities: string | undefined;
  /** The raw `changedSince` query parameter. */
  changedSince: string | undefined;
  /** Virtual now. */
  nowMs: number;
  /** Object cap; QBO documents 1000. */
  maxObjects?: number;
  /** Whether the cap applies to the whole response (default, stricter) or to each entity. */
  capScope?: 'response' | 'entity';
  /** Look-back window in days (30). */
  lookBackDays?: number;
}

export interface CdcResponseBody {
  CDCResponse: { QueryResponse: Record<string, unknown>[] }[];
}

/** Entities CDC does not cover (Intuit CDC page). */
export const CDC_UNSUPPORTED = new Set(['JournalCode', 'TaxAgency', 'TimeActivity', 'TaxCode', 'TaxRate']);

const DAY_MS = 86_400_000;
const byLower = new Map<string, EntityName>(ENTITY_NAMES.map((e) => [e.toLowerCase(), e]));

function invalid(detail: string): never {
  throw faults.queryInvalid(detail);
}

function parseEntities(raw: string | undefined): EntityName[] {
  if (raw === undefined || raw.trim() === '') throw faults.requiredMissing('entities');
  const out: EntityName[] = [];
  for (const name of raw.split(',').map((s) => s.trim())) {
    if (name === '') continue;
    const canonical = byLower.get(name.toLowerCase());
    const unsupported = [...CDC_UNSUPPORTED].find((u) => u.toLowerCase() === name.toLowerCase());
    if (unsupported || !canonical) invalid(`QueryValidationError: Entity ${name} is not supported for Change Data Capture`);
    if (!out.includes(canonical)) out.push(canonical);
  }
  if (out.length === 0) throw faults.requiredMissing('entities');
  return out;
}

function lastUpdatedMs(record: Record<string, unknown>): number | undefined {
  const meta = record.MetaData as Record<string, unknown> | undefined;
  const text = meta?.LastUpdatedTime ?? meta?.CreateTime;
  return typeof text === 'string' ? parseQboDateTime(text) : undefined;
}

interface Change {
  at: number;
  id: string;
  object: Record<string, unknown>;
}

function changesFor(store: CompanyStore, entity: EntityName, sinceMs: number): Change[] {
  const changes: Change[] = [];
  for (const record of store.list(entity)) {
    const at = lastUpdatedMs(record);
    if (at !== undefined && at >= sinceMs) changes.push({ at, id: record.Id, object: structuredClone(record) });
  }
  for (const stub of store.deletedSince(entity, sinceMs)) {
    const at = lastUpdatedMs(stub) ?? sinceMs;
    changes.push({ at, id: String(stub.Id), object: { domain: 'QBO', ...structuredClone(stub), status: 'Deleted' } });
  }
  // Oldest first, so a client that narrows its window after a capped response makes progress.
  return changes.sort((a, b) => a.at - b.at || compareIds(a.id, b.id));
}

export function executeCdc(store: CompanyStore, params: CdcParams): CdcResponseBody {
  const entities = parseEntities(params.entities);
  if (params.changedSince === undefined || params.changedSince.trim() === '') throw faults.requiredMissing('changedSince');
  const sinceMs = parseQboDateTime(params.changedSince);
  if (sinceMs === undefined) invalid(`QueryValidationError: Invalid changedSince value: ${params.changedSince}`);
  const lookBackDays = params.lookBackDays ?? 30;
  if (sinceMs < params.nowMs - lookBackDays * DAY_MS) {
    // Text as QBO sends it (QuickBooksSharp issue #19); the fault code is not recorded in the sources.
    invalid(`Operation cdc with changedSince date ${params.changedSince} which is older than fixed days is not supported.`);
  }

  const maxObjects = params.maxObjects ?? 1000;
  const perEntity = params.capScope === 'entity';
  let left = maxObjects;
  const responses = entities.map((entity) => {
    const changes = changesFor(store, entity, sinceMs);
    const budget = perEntity ? maxObjects : left;
    const kept = changes.slice(0, Math.max(0, budget));
    if (!perEntity) left -= kept.length;
    if (kept.length === 0) return {};
    const qr: Record<string, unknown> = { [entity]: kept.map((c) => c.object), startPosition: 1, maxResults: kept.length };
    if (kept.length < changes.length) qr.totalCount = changes.length;
    return qr;
  });
  return { CDCResponse: [{ QueryResponse: responses }] };
}

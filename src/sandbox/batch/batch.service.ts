/**
 * `executeBatch`: QBO's `POST /batch` (facts §2.3). Each BatchItemRequest runs independently, in order;
 * an item's failure becomes `{bId, Fault:{Error:[...],type}}` inside the HTTP 200 body while its siblings
 * still succeed. Only problems with the batch as a whole (not a batch, too many items, missing or
 * duplicate bIds) throw a QboFault for the router to send as a 400.
 *
 * requestid rules (facts §1.5): with a requestid, it may be at most 36 characters and each bId at most 10.
 * QBO stores requestid+bId per item in a 50-character `request_id` field and reports an overflow per item
 * as fault 6000 (Java SDK issue #180); the documented 36/10 split is enforced by default (stricter).
 */
import { type CompanyStore, type EntityName, ENTITY_NAMES, type WriteOperation } from '../company/company.types.js';
import { faults, QboFault } from '../faults.js';
import { type QueryResponseBody } from '../query/query.service.js';

export interface BatchOptions {
  /** Runs a `Query` item; A passes `executeQuery` bound to the router's query options. */
  executeQuery: (store: CompanyStore, sql: string) => QueryResponseBody;
  /** Items per batch. Sources conflict (10 vs 30); 30 is the Batch API reference's maximum. */
  maxItems?: number;
  /** `?requestid=` of the batch call, if any (length rules apply to it and the bIds). */
  requestId?: string;
  /** `'documented'`: requestid ≤ 36 and bId ≤ 10; `'combined'`: requestid + bId ≤ 50 (what QBO's storage enforces). */
  requestIdRule?: 'documented' | 'combined';
  /** Objects a batch response may carry in all (Batch API reference: 1000); query rows beyond it are cut. */
  maxObjects?: number;
}

export type BatchItemResponse = { bId: string } & Record<string, unknown>;

export interface BatchResponseBody {
  BatchItemResponse: BatchItemResponse[];
}

const CONTROL_KEYS = new Set(['bId', 'operation', 'optionsData']);
const ENTITY_SET: ReadonlySet<string> = new Set(ENTITY_NAMES);

function batchFault(detail: string): QboFault {
  return faults.validation('6000', 'A business validation error has occurred while processing your request', `Business Validation Error: ${detail}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The bIds of a batch body in request order (for replay matching); [] when the body is malformed. */
export function batchBIds(body: unknown): string[] {
  if (!isObject(body) || !Array.isArray(body.BatchItemRequest)) return [];
  return body.BatchItemRequest.map((item) => (isObject(item) && typeof item.bId === 'string' ? item.bId : ''));
}

/** Whole-batch validation; returns the items. */
function validateBatch(body: unknown, maxItems: number): Record<string, unknown>[] {
  if (!isObject(body) || !Array.isArray(body.BatchItemRequest) || body.BatchItemRequest.length === 0) {
    throw faults.requiredMissing('BatchItemRequest');
  }
  const items = body.BatchItemRequest as unknown[];
  if (items.length > maxItems) {
    throw batchFault(`The batch request contains ${items.length} BatchItemRequest payloads; the maximum allowed is ${maxItems}.`);
  }
  const seen = new Set<string>();
  return items.map((item, index) => {
    if (!isObject(item)) throw faults.requiredMissing(`BatchItemRequest[${index}]`);
    const bId = item.bId;
    if (typeof bId !== 'string' || bId === '') throw faults.requiredMissing('bId');
    if (seen.has(bId)) throw batchFault(`Duplicate bId found in the batch request: ${bId}. Each bId must be unique within a batch.`);
    seen.add(bId);
    return item;
  });
}

function requestIdProblem(requestId: string | undefined, bId: string, rule: 'documented' | 'combined'): string | undefined {
  if (requestId === undefined || requestId === '') return undefined;
  const combined = `${requestId}${bId}`;
  const tooLong = rule === 'combined' ? combined.length > 50 : requestId.length > 36 || bId.length > 10;
  if (!tooLong) return undefined;
  const limit = rule === 'combined' ? 50 : requestId.length > 36 ? 36 : 10;
  const field = rule === 'combined' || requestId.length > 36 ? 'request_id' : 'bId';
  const value = rule === 'combined' ? combined : requestId.length > 36 ? requestId : bId;
  return `You cannot enter more than ${limit} characters in the ${field} field. You tried entering ${value.slice(0, 10)}..., which is ${value.length} characters.`;
}

function faultItem(bId: string, err: unknown): BatchItemResponse {
  const fault = err instanceof QboFault ? err : faults.system();
  return { bId, Fault: fault.toFaultObject() };
}

function writeOperation(item: Record<string, unknown>): WriteOperation | QboFault {
  const op = item.operation;
  const options = typeof item.optionsData === 'string' ? item.optionsData.toLowerCase() : '';
  if (op === undefined) return faults.requiredMissing('operation');
  switch (op) {
    case 'create':
    case 'delete':
    case 'void':
      return op as WriteOperation;
    case 'update':
      // Payment/SalesReceipt voids are updates with include=void (facts §1.2).
      return /(^|[&\s,])(include=)?void($|[&\s,])/.test(options) ? 'void' : 'update';
    default:
      return faults.validation('500', 'Unsupported Operation', `Operation ${JSON.stringify(op)} is not supported.`);
  }
}

function runItem(store: CompanyStore, item: Record<string, unknown>, options: BatchOptions, budget: { left: number }): BatchItemResponse {
  const bId = item.bId as string;
  const problem = requestIdProblem(options.requestId, bId, options.requestIdRule ?? 'documented');
  if (problem) return faultItem(bId, batchFault(problem));

  const payloadKeys = Object.keys(item).filter((k) => !CONTROL_KEYS.has(k));
  if (payloadKeys.length !== 1) {
    return faultItem(bId, payloadKeys.length === 0 ? faults.requiredMissing('IntuitObject') : faults.unknownProperty(payloadKeys[1] ?? '', 'BatchItemRequest'));
  }
  const key = payloadKeys[0] as string;
  try {
    if (key === 'Query') {
      if (typeof item.Query !== 'string') throw faults.requiredMissing('Query');
      return { bId, QueryResponse: capRows(options.executeQuery(store, item.Query).QueryResponse, budget) };
    }
    if (!ENTITY_SET.has(key)) throw faults.unknownProperty(key, 'BatchItemRequest');
    const entity = key as EntityName;
    const payload = item[key];
    if (!isObject(payload)) throw faults.requiredMissing(entity);
    const op = writeOperation(item);
    if (op instanceof QboFault) throw op;
    const result = store.write(entity, op, payload, { sparse: payload.sparse === true, operation: op });
    budget.left = Math.max(0, budget.left - 1);
    return { bId, [entity]: result };
  } catch (err) {
    return faultItem(bId, err);
  }
}

/** Cut a query item's rows to what is left of the batch's object budget. */
function capRows(qr: Record<string, unknown>, budget: { left: number }): Record<string, unknown> {
  const rowsKey = Object.keys(qr).find((k) => Array.isArray(qr[k]));
  if (!rowsKey) return qr;
  const rows = qr[rowsKey] as unknown[];
  const kept = rows.slice(0, budget.left);
  budget.left -= kept.length;
  if (kept.length === 0) return {};
  return kept.length === rows.length ? qr : { ...qr, [rowsKey]: kept, maxResults: kept.length };
}

export function executeBatch(store: CompanyStore, body: unknown, options: BatchOptions): BatchResponseBody {
  const items = validateBatch(body, options.maxItems ?? 30);
  const budget = { left: options.maxObjects ?? 1000 };
  return { BatchItemResponse: items.map((item) => runItem(store, item, options, budget)) };
}

/**
 * Evaluates parsed WHERE conditions and ORDERBY clauses against QBO records. Comparison semantics follow
 * the record's own value type: numbers numerically (exact decimals), booleans, MetaData date-times as
 * instants, plain dates as calendar dates, references (`CustomerRef`) by their id, strings as text.
 */
import { Decimal } from 'decimal.js';
import { faults } from '../faults.js';
import { dateInZone } from '../pacific-time.js';
import { isPlainDate, looksLikeDateTime, parseQboDateTime } from './qbo-datetime.util.js';
import { type Literal, type Operator } from './query.parser.js';

export interface EvalOptions {
  /** Compare string values ignoring case (QBO's docs claim it; unconfirmed, so off by default). */
  caseInsensitiveValues: boolean;
  /** Virtual now, for CURRENT_DATE. */
  nowMs: number;
}

export interface ResolvedCondition {
  /** Canonical property path, e.g. `MetaData.LastUpdatedTime`. */
  property: string;
  op: Operator;
  values: Literal[];
}

type Scalar = string | number | boolean;

/** Follow a dotted path case-insensitively; the canonical spelling may differ from the record's. */
export function valueAt(record: Record<string, unknown>, path: string): unknown {
  let current: unknown = record;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    const obj = current as Record<string, unknown>;
    if (segment in obj) {
      current = obj[segment];
      continue;
    }
    const lower = segment.toLowerCase();
    const key = Object.keys(obj).find((k) => k.toLowerCase() === lower);
    current = key === undefined ? undefined : obj[key];
  }
  return current;
}

/** Reduce a property value to the scalar QBO compares: references by id, e-mail by address, phone by number. */
export function scalarOf(value: unknown): Scalar | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (const key of ['value', 'Address', 'FreeFormNumber', 'URI']) {
      const inner = obj[key];
      if (typeof inner === 'string' || typeof inner === 'number') return inner;
    }
  }
  return undefined;
}

const isIdLike = (property: string): boolean => property === 'Id' || property.endsWith('Ref');
const NUMERIC_ID = /^-?\d+$/;

/** -1/0/1 comparison of two id strings: numerically when both are integers (ids are large, so BigInt). */
export function compareIds(a: string, b: string): number {
  if (NUMERIC_ID.test(a) && NUMERIC_ID.test(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function literalText(lit: Literal, opts: EvalOptions): string {
  switch (lit.type) {
    case 'string':
    case 'number':
      return lit.value;
    case 'boolean':
      return String(lit.value);
    case 'current_date':
      return dateInZone(opts.nowMs, 'America/Los_Angeles');
  }
}

function invalidValue(property: string, lit: Literal, opts: EvalOptions): never {
  throw faults.queryInvalid(`QueryValidationError: value '${literalText(lit, opts)}' is not valid for property '${property}'`);
}

/** Compare a record value with a literal: negative/zero/positive, or undefined when incomparable. */
function compare(property: string, recordValue: Scalar, lit: Literal, opts: EvalOptions): number | undefined {
  const text = literalText(lit, opts);
  if (typeof recordValue === 'number') {
    if (lit.type === 'boolean') invalidValue(property, lit, opts);
    let literal: Decimal;
    try {
      literal = new Decimal(text.trim());
    } catch {
      return invalidValue(property, lit, opts);
    }
    return new Decimal(recordValue).comparedTo(literal);
  }
  if (typeof recordValue === 'boolean') {
    const lower = text.toLowerCase();
    if (lower !== 'true' && lower !== 'false') invalidValue(property, lit, opts);
    return recordValue === (lower === 'true') ? 0 : recordValue ? 1 : -1;
  }
  if (isIdLike(property)) return compareIds(recordValue, text);
  if (looksLikeDateTime(recordValue)) {
    const left = parseQboDateTime(recordValue);
    const right = parseQboDateTime(text);
    if (right === undefined) invalidValue(property, lit, opts);
    if (left === undefined) return undefined;
    return Math.sign(left - right);
  }
  if (isPlainDate(recordValue)) {
    if (parseQboDateTime(text) === undefined) invalidValue(property, lit, opts);
    const right = text.slice(0, 10);
    return recordValue < right ? -1 : recordValue > right ? 1 : 0;
  }
  const [a, b] = opts.caseInsensitiveValues ? [recordValue.toLowerCase(), text.toLowerCase()] : [recordValue, text];
  return a < b ? -1 : a > b ? 1 : 0;
}

/** LIKE with `%` as the only wildcard (`_` is literal in QBO). */
function likeMatches(value: string, pattern: string, caseInsensitive: boolean): boolean {
  const source = pattern
    .split('%')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, caseInsensitive ? 'is' : 's').test(value);
}

export function matches(record: Record<string, unknown>, cond: ResolvedCondition, opts: EvalOptions): boolean {
  const value = scalarOf(valueAt(record, cond.property));
  if (value === undefined) return false;
  switch (cond.op) {
    case 'IN':
      return cond.values.some((lit) => compare(cond.property, value, lit, opts) === 0);
    case 'LIKE': {
      const [lit] = cond.values;
      if (!lit) return false;
      return likeMatches(String(value), literalText(lit, opts), opts.caseInsensitiveValues);
    }
    default: {
      const [lit] = cond.values;
      if (!lit) return false;
      const c = compare(cond.property, value, lit, opts);
      if (c === undefined) return false;
      switch (cond.op) {
        case '=': return c === 0;
        case '<': return c < 0;
        case '>': return c > 0;
        case '<=': return c <= 0;
        case '>=': return c >= 0;
      }
    }
  }
}

/** Order two values of one property; missing values sort first (ascending). */
export function compareForSort(property: string, a: unknown, b: unknown): number {
  const x = scalarOf(a);
  const y = scalarOf(b);
  if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? -1 : 1;
  if (typeof x === 'number' && typeof y === 'number') return new Decimal(x).comparedTo(y);
  if (typeof x === 'boolean' && typeof y === 'boolean') return x === y ? 0 : x ? 1 : -1;
  const sx = String(x);
  const sy = String(y);
  if (isIdLike(property)) return compareIds(sx, sy);
  if (looksLikeDateTime(sx) && looksLikeDateTime(sy)) {
    const dx = parseQboDateTime(sx);
    const dy = parseQboDateTime(sy);
    if (dx !== undefined && dy !== undefined) return Math.sign(dx - dy);
  }
  // Text sorts case-insensitively (as a database collation would), with case as the tie-breaker.
  const lx = sx.toLowerCase();
  const ly = sy.toLowerCase();
  if (lx !== ly) return lx < ly ? -1 : 1;
  return sx < sy ? -1 : sx > sy ? 1 : 0;
}

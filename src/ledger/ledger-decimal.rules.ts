/**
 * Exact decimal arithmetic and checks for ledger money and quantities. Every amount stays a decimal
 * string at rest and in the API; decimal.js does the arithmetic so no float ever touches the books.
 * Each check returns a problem message (or null) so callers can collect every problem before saving.
 */
import { Decimal } from 'decimal.js';

/** A private Decimal constructor: nobody else's global precision or rounding settings apply here. */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

const DECIMAL_STRING = /^-?\d{1,15}(\.\d{1,6})?$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DecimalRule {
  /** Largest number of decimal places (2 for money, up to 6 for unit prices and quantities). */
  scale: number;
  /** 'positive' (> 0), 'nonNegative' (>= 0) or 'any'. */
  sign: 'positive' | 'nonNegative' | 'any';
}

export const MONEY: DecimalRule = { scale: 2, sign: 'nonNegative' };
export const POSITIVE_MONEY: DecimalRule = { scale: 2, sign: 'positive' };
export const SIGNED_MONEY: DecimalRule = { scale: 2, sign: 'any' };

/** The problem with `value` as a decimal under `rule`, or null when it is fine. */
export function decimalProblem(value: string, rule: DecimalRule): string | null {
  const text = value.trim();
  if (!DECIMAL_STRING.test(text)) return 'must be a decimal string such as "1234.50"';
  const decimals = text.split('.')[1]?.length ?? 0;
  if (decimals > rule.scale) return `must have at most ${rule.scale} decimal places`;
  const n = new D(text);
  if (rule.sign === 'positive' && !n.greaterThan(0)) return 'must be greater than zero';
  if (rule.sign === 'nonNegative' && n.isNegative() && !n.isZero()) return 'must not be negative';
  return null;
}

export function dec(value: string): Dec {
  return new D(value.trim());
}

export function sum(values: readonly (string | Dec)[]): Dec {
  return values.reduce<Dec>((acc, v) => acc.plus(typeof v === 'string' ? dec(v) : v), new D(0));
}

/** Rounds half-up (away from zero on .5) to cents, as FSM invoices and QBO both do. */
export function toCents(value: Dec): Dec {
  return value.toDecimalPlaces(2, D.ROUND_HALF_UP);
}

/** quantity x unit price rounded half-up to cents. */
export function lineAmount(quantity: string, unitPrice: string): Dec {
  return toCents(dec(quantity).times(dec(unitPrice)));
}

/** Canonical two-decimal money string ("10.5" -> "10.50"); only for values already checked. */
export function money(value: string | Dec): string {
  return (typeof value === 'string' ? dec(value) : value).toFixed(2);
}

/** Canonical decimal string without trailing zeros ("1.500" -> "1.5"), for quantities and prices. */
export function plain(value: string): string {
  const n = dec(value);
  return n.isZero() ? '0' : n.toFixed();
}

export function sameAmount(a: string | Dec, b: string | Dec): boolean {
  return (typeof a === 'string' ? dec(a) : a).equals(typeof b === 'string' ? dec(b) : b);
}

/** The problem with a calendar date, or null: `YYYY-MM-DD` and a real day (no 2026-02-30). */
export function localDateProblem(value: string): string | null {
  const match = LOCAL_DATE.exec(value);
  if (!match) return 'must be a date as YYYY-MM-DD';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return 'is not a real calendar date';
  return null;
}

/**
 * Money and quantities, exactly: the gateway's one decimal helper set (the simulator in src/sandbox/,
 * a separate program, keeps its own). Every amount stays a decimal string at rest and in the API;
 * decimal.js does the arithmetic so no float ever touches the books. Rounding is half-up (away from
 * zero on .5) to cents, as FSM invoices and QBO both do. Checks return a problem message (or null) so
 * callers can collect every problem before saving. Providers' JSON carries numbers, so the conversion
 * to and from a JSON number happens once, here, from a value already rounded to cents (a 2-decimal
 * value round-trips exactly through a JSON number).
 */
import { Decimal } from 'decimal.js';

/**
 * A private Decimal constructor: nobody else's global precision or rounding settings apply here, and
 * 40 significant digits hold any product of two checked values (15 + 6 digits each) before rounding.
 */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** An exact decimal value (a decimal.js instance; what every helper here returns). */
export type Dec = InstanceType<typeof D>;

const DECIMAL_STRING = /^-?\d{1,15}(\.\d{1,6})?$/;

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

/** An exact decimal from a decimal string (surrounding spaces ignored), a number (by its shortest text) or a decimal. */
export function dec(value: string | number | Dec): Dec {
  return new D(typeof value === 'string' ? value.trim() : value);
}

/** True for a decimal.js value (of any Decimal constructor). */
export function isDec(value: unknown): value is Dec {
  return Decimal.isDecimal(value);
}

export function sum(values: readonly (string | Dec)[]): Dec {
  return values.reduce<Dec>((acc, v) => acc.plus(typeof v === 'string' ? dec(v) : v), new D(0));
}

export function maxOf(...values: readonly (string | number | Dec)[]): Dec {
  return D.max(...values);
}

export function minOf(...values: readonly (string | number | Dec)[]): Dec {
  return D.min(...values);
}

/** Rounds half-up (away from zero on .5) to cents, as FSM invoices and QBO both do. */
export function toCents(value: Dec): Dec {
  return value.toDecimalPlaces(2, D.ROUND_HALF_UP);
}

/** quantity x unit price rounded half-up to cents. */
export function lineAmount(quantity: string, unitPrice: string): Dec {
  return toCents(dec(quantity).times(dec(unitPrice)));
}

/** Canonical two-decimal money string ("10.5" -> "10.50", half-up past two places); only for values already checked. */
export function money(value: string | number | Dec): string {
  return dec(value).toFixed(2, D.ROUND_HALF_UP);
}

/** Canonical decimal string without trailing zeros ("1.500" -> "1.5"), for quantities and prices. */
export function plain(value: string): string {
  const n = dec(value);
  return n.isZero() ? '0' : n.toFixed();
}

export function sameAmount(a: string | Dec, b: string | Dec): boolean {
  return dec(a).equals(dec(b));
}

/** A cents-rounded JSON number for a provider's payload. */
export function toQboAmount(value: Dec | string): number {
  return toCents(dec(value)).toNumber();
}

/** A provider's amount (a JSON number, or a string) back to an exact decimal, rounded to cents; anything else is zero. */
export function fromQboAmount(value: unknown): Dec {
  if (typeof value === 'number' || typeof value === 'string') return toCents(dec(value));
  return new D(0);
}

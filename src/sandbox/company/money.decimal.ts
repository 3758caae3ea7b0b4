/**
 * Money arithmetic for the simulator. QBO amounts arrive and leave as JSON numbers, but every sum,
 * tax and rounding in between goes through decimal.js so the simulator never disagrees with QBO by
 * a floating-point cent. Convert once at the edges: `dec()` in, `amount()` out.
 */
import { Decimal } from 'decimal.js';

export { Decimal };

export type RoundingMode = 'half-up' | 'half-even';

/** Parse a JSON amount (number or numeric string) into a Decimal; absent values are zero. */
export function dec(value: unknown): Decimal {
  if (value === undefined || value === null || value === '') return new Decimal(0);
  if (typeof value === 'number' || typeof value === 'string') return new Decimal(value);
  if (value instanceof Decimal) return value;
  throw new TypeError(`not an amount: ${JSON.stringify(value)}`);
}

export function isAmount(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return /^-?\d+(\.\d+)?$/.test(value.trim());
  return false;
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total = new Decimal(0);
  for (const v of values) total = total.plus(v);
  return total;
}

/** Round to cents with the given mode (QBO rounds tax once per rate; half-up is our default reading of the facts). */
export function roundCents(value: Decimal, mode: RoundingMode = 'half-up'): Decimal {
  return value.toDecimalPlaces(2, mode === 'half-up' ? Decimal.ROUND_HALF_UP : Decimal.ROUND_HALF_EVEN);
}

/** The JSON number QBO would emit for an amount (12.75, 100, 26.82). */
export function amount(value: Decimal, mode: RoundingMode = 'half-up'): number {
  return roundCents(value, mode).toNumber();
}

/** JSON number for a non-money decimal (quantities, rates) without rounding to cents. */
export function plain(value: Decimal): number {
  return value.toNumber();
}

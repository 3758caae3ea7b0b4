/**
 * Money at the QBO edge. Ledger amounts are exact decimal strings and all arithmetic is done with
 * decimal.js; QBO's JSON carries numbers, so the conversion happens once, here, from a value already
 * rounded to cents (a 2-decimal value round-trips exactly through a JSON number).
 */
import { Decimal } from 'decimal.js';

export function dec(value: string | number): Decimal {
  return new Decimal(value);
}

/** A cents-rounded JSON number for a QBO payload. */
export function toQboAmount(value: Decimal | string): number {
  return (typeof value === 'string' ? dec(value) : value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
}

/** A QBO amount (JSON number) back to an exact decimal. */
export function fromQboAmount(value: unknown): Decimal {
  if (typeof value === 'number' || typeof value === 'string') return dec(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return dec(0);
}

export function cents(value: Decimal): string {
  return value.toFixed(2);
}

/**
 * Small field checks shared by entity modules, each raising the QBO fault a client would see.
 */
import { faults } from '../faults.js';
import { isAmount } from './money.decimal.js';
import { type Draft } from './entity.rules.js';

export function requireField(draft: Draft, field: string, element = field): unknown {
  const v = draft[field];
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) throw faults.requiredMissing(element);
  return v;
}

export function requireString(draft: Draft, field: string, element = field): string {
  const v = requireField(draft, field, element);
  if (typeof v !== 'string') throw faults.validation('2010', 'Request has invalid or unsupported property', `Property Name:${element} must be a string`, element);
  return v;
}

export function optionalString(draft: Draft, field: string, element = field): string | undefined {
  const v = draft[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw faults.validation('2010', 'Request has invalid or unsupported property', `Property Name:${element} must be a string`, element);
  return v;
}

export function requireAmount(value: unknown, element: string): void {
  if (value === undefined || value === null) throw faults.requiredMissing(element);
  if (!isAmount(value)) throw faults.validation('2080', 'Illegal number format', `Illegal number format : ${element}`, element);
}

export function checkLengths(draft: Draft, lengths: Readonly<Record<string, number>> | undefined, prefix = ''): void {
  if (!lengths) return;
  for (const [field, max] of Object.entries(lengths)) {
    const v = field.includes('.') ? field.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Draft)[k] : undefined), draft) : draft[field];
    if (typeof v === 'string' && v.length > max) throw faults.tooLong(prefix + field, max, v.length);
  }
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], element: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw faults.validation('2010', 'Request has invalid or unsupported property', `Property Name:${element} has an invalid value ${JSON.stringify(value)}; allowed: ${allowed.join(', ')}`, element);
  }
  return value as T;
}

export function isObject(v: unknown): v is Draft {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Add days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** An id from JSON (string, or a number some clients send) as QBO's string form; '' otherwise. */
export function idOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

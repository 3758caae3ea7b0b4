/**
 * Parsing of the date and date-time literals QBO accepts in queries and CDC's `changedSince`:
 * `2011-08-10`, `2011-08-10T10:20:30-07:00`, `...Z`, `...-0700`, fractional seconds. Values without an
 * offset are read as US Pacific wall-clock time, the zone QBO stamps everything in (facts §1.6).
 */
import { pacificDateTime } from '../pacific-time.js';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** True for `YYYY-MM-DD` only. */
export function isPlainDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text);
}

/** True for record values that carry a time of day (MetaData times), as opposed to plain dates. */
export function looksLikeDateTime(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text);
}

/** Epoch ms of a Pacific wall-clock time. */
export function pacificWallClockToEpoch(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  // Try both possible offsets; the one that round-trips is right (DST changes are the only ambiguity).
  for (const offsetHours of [8, 7]) {
    const guess = asUtc + offsetHours * 3_600_000;
    const offset = pacificDateTime(guess).slice(-6);
    if (offset === `-0${offsetHours}:00`) return guess;
  }
  return asUtc + 8 * 3_600_000;
}

/** Epoch ms for a QBO date or date-time literal, or undefined when it is not one. */
export function parseQboDateTime(text: string): number | undefined {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCDate() !== day) return undefined;
  const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  if (zone === undefined) return pacificWallClockToEpoch(year, month, day, hour, minute, second, ms);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (zone === 'Z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
  return utc - sign * offsetMin * 60_000;
}

/** Calendar dates in ledger input: `YYYY-MM-DD`, no time zone (an invoice date is a day, not an instant). */

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The problem with a calendar date, or null: `YYYY-MM-DD` and a real day (no 2026-02-30). */
export function localDateProblem(value: string): string | null {
  const match = LOCAL_DATE.exec(value);
  if (!match) return 'must be a date as YYYY-MM-DD';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return 'is not a real calendar date';
  return null;
}

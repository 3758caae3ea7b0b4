/**
 * QBO stamps MetaData times and the envelope `time` in US Pacific time with an explicit offset
 * (-07:00 or -08:00), whatever the company's country. Dates (TxnDate, DueDate) are plain YYYY-MM-DD
 * in the company's own calendar.
 */
const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Los_Angeles',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function pacificParts(epochMs: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of parts.formatToParts(new Date(epochMs))) out[p.type] = p.value;
  return out;
}

function offsetMinutes(epochMs: number, p: Record<string, string>): number {
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** `2026-05-05T02:10:11-07:00` (MetaData style, no milliseconds). */
export function pacificDateTime(epochMs: number): string {
  const p = pacificParts(epochMs);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${formatOffset(offsetMinutes(epochMs, p))}`;
}

/** `2026-05-05T02:10:11.123-07:00` (envelope `time` style, with milliseconds). */
export function pacificDateTimeMs(epochMs: number): string {
  const p = pacificParts(epochMs);
  const ms = String(((epochMs % 1000) + 1000) % 1000).padStart(3, '0');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}.${ms}${formatOffset(offsetMinutes(epochMs, p))}`;
}

/** The calendar date (YYYY-MM-DD) of an instant in the given IANA time zone. */
export function dateInZone(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(epochMs));
}

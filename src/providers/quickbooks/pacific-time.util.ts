/**
 * QBO speaks Pacific time: MetaData times and `changedSince` carry a Pacific offset (-08:00 or -07:00
 * depending on daylight saving, facts §9.9). Watermarks are stored as instants (UTC Dates) and turned
 * into Pacific ISO strings only at the edge, so DST changes never shift a window.
 */

const PACIFIC = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Los_Angeles',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

/** `2026-03-08T01:59:59-08:00` for the given instant (whole seconds, rounded down). */
export function toPacificIso(instant: Date): string {
  const parts = Object.fromEntries(PACIFIC.formatToParts(instant).map((p) => [p.type, p.value]));
  // longOffset is "GMT-07:00" (or "GMT" for a zero offset, which Pacific never has).
  const offset = (parts.timeZoneName ?? 'GMT-08:00').replace('GMT', '') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** An instant from a QBO timestamp (any ISO form with an offset); undefined when unreadable. */
export function parseQboInstant(value: unknown): Date | undefined {
  if (typeof value !== 'string' || value.length === 0) return undefined;
  // `-0700` (no colon) appears in webhook samples; Date.parse wants `-07:00`.
  const normalized = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(normalized);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** The record's MetaData.LastUpdatedTime (or CreateTime) as an instant. */
export function lastUpdatedOf(record: { MetaData?: unknown }): Date | undefined {
  const meta = record.MetaData as { LastUpdatedTime?: unknown; CreateTime?: unknown } | undefined;
  return parseQboInstant(meta?.LastUpdatedTime) ?? parseQboInstant(meta?.CreateTime);
}

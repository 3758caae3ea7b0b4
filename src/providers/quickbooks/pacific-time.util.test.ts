import { describe, expect, it } from 'vitest';
import { lastUpdatedOf, parseQboInstant, toPacificIso } from './pacific-time.util.js';

describe('Pacific time', () => {
  it('formats instants with the offset in force (standard and daylight time)', () => {
    expect(toPacificIso(new Date('2026-01-15T20:00:00Z'))).toBe('2026-01-15T12:00:00-08:00');
    expect(toPacificIso(new Date('2026-07-15T20:00:00Z'))).toBe('2026-07-15T13:00:00-07:00');
    // The DST switch: 2026-03-08 02:00 PST becomes 03:00 PDT.
    expect(toPacificIso(new Date('2026-03-08T09:59:59Z'))).toBe('2026-03-08T01:59:59-08:00');
    expect(toPacificIso(new Date('2026-03-08T10:00:00Z'))).toBe('2026-03-08T03:00:00-07:00');
  });

  it('reads QBO timestamps in their several shapes, round trip included', () => {
    expect(parseQboInstant('2015-10-05T14:42:19-0700')?.toISOString()).toBe('2015-10-05T21:42:19.000Z');
    expect(parseQboInstant('2016-10-05T03:09:04.000Z')?.toISOString()).toBe('2016-10-05T03:09:04.000Z');
    expect(parseQboInstant('nonsense')).toBeUndefined();
    const instant = new Date('2026-11-26T03:09:04Z');
    expect(parseQboInstant(toPacificIso(instant))?.getTime()).toBe(instant.getTime());
    expect(lastUpdatedOf({ MetaData: { CreateTime: '2026-05-05T02:05:37-07:00' } })?.toISOString()).toBe('2026-05-05T09:05:37.000Z');
  });
});

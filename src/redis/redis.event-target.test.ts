import { describe, expect, it } from 'vitest';
import { eventSerializer } from './redis.event-target.js';

describe('subscription events through Redis', () => {
  it('arrive with their Dates as Dates, nested ones included, and everything else as it was', () => {
    const event = { tenantId: 't1', at: new Date('2026-03-02T10:00:00.123Z'), connection: { connectedAt: new Date('2026-03-01T00:00:00Z'), refreshTokenExpiresAt: null, status: 'CONNECTED' }, counts: [1, 2], note: '2026-03-02T10:00:00.123Z' };
    const back = eventSerializer.parse(eventSerializer.stringify(event)) as typeof event;
    expect(back).toEqual(event);
    expect(back.at).toBeInstanceOf(Date);
    expect(back.connection.connectedAt).toBeInstanceOf(Date);
    // An ISO string stays a string: only tagged Dates are revived.
    expect(typeof back.note).toBe('string');
  });
});

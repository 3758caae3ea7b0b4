import { describe, expect, it } from 'vitest';
import { localDateProblem } from './local-date.rules.js';

describe('ledger dates', () => {
  it('accepts only real calendar dates as YYYY-MM-DD', () => {
    expect(localDateProblem('2026-02-28')).toBeNull();
    expect(localDateProblem('2024-02-29')).toBeNull();
    expect(localDateProblem('2026-02-29')).toBe('is not a real calendar date');
    expect(localDateProblem('2026-2-1')).toBe('must be a date as YYYY-MM-DD');
    expect(localDateProblem('01/02/2026')).toBe('must be a date as YYYY-MM-DD');
  });
});

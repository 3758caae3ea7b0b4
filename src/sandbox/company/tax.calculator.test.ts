import { describe, expect, it } from 'vitest';
import { dec, roundCents } from './money.decimal.js';

describe('money rounding', () => {
  it('rounds half-up by default and half-even when asked', () => {
    expect(roundCents(dec('448.4048')).toString()).toBe('448.4');
    expect(roundCents(dec('0.125')).toString()).toBe('0.13');
    expect(roundCents(dec('0.125'), 'half-even').toString()).toBe('0.12');
  });

  it('never drifts like floats do', () => {
    expect(dec(0.1).plus(dec(0.2)).toString()).toBe('0.3');
  });
});

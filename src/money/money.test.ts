import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { dec, decimalProblem, fromQboAmount, isDec, lineAmount, maxOf, minOf, money, MONEY, plain, POSITIVE_MONEY, sum, toQboAmount } from './money.js';

describe('ledger decimals', () => {
  it('rounds quantity x unit price half-up to cents, exactly', () => {
    expect(money(lineAmount('3', '0.125'))).toBe('0.38'); // 0.375 -> 0.38 (half-up, not banker's)
    expect(money(lineAmount('1.5', '33.33'))).toBe('50.00'); // 49.995
    expect(money(lineAmount('0.1', '0.2'))).toBe('0.02');
    expect(money(lineAmount('-2', '10.005'))).toBe('-20.01'); // away from zero
  });

  it('sums without float error', () => {
    expect(money(sum(['0.1', '0.2']))).toBe('0.30');
    expect(sum(['0.1', '0.2']).equals('0.3')).toBe(true);
    expect(money(sum(Array.from({ length: 1000 }, () => '0.01')))).toBe('10.00');
  });

  it('names what is wrong with a decimal', () => {
    expect(decimalProblem('12.345', MONEY)).toBe('must have at most 2 decimal places');
    expect(decimalProblem('-1', MONEY)).toBe('must not be negative');
    expect(decimalProblem('0', POSITIVE_MONEY)).toBe('must be greater than zero');
    expect(decimalProblem('1e3', MONEY)).toBe('must be a decimal string such as "1234.50"');
    expect(decimalProblem('10.5', MONEY)).toBeNull();
    expect(decimalProblem('-0', MONEY)).toBeNull();
  });

  it('canonicalises money and quantities', () => {
    expect(money('10.5')).toBe('10.50');
    expect(plain('1.500')).toBe('1.5');
    expect(plain('-0.0')).toBe('0');
  });
});

describe('provider amounts', () => {
  it('rounds to cents half-up both ways, and reads anything that is not an amount as zero', () => {
    expect(toQboAmount('10.005')).toBe(10.01);
    expect(toQboAmount(dec('-2.675'))).toBe(-2.68);
    expect(money(fromQboAmount(0.1 + 0.2))).toBe('0.30'); // a float from JSON is cut to cents, never summed as one
    expect(money(fromQboAmount('12.345'))).toBe('12.35');
    expect(fromQboAmount(undefined).isZero()).toBe(true);
    expect(fromQboAmount({ value: 3 }).isZero()).toBe(true);
  });

  it('is not moved by the global Decimal settings', () => {
    const saved = { precision: Decimal.precision, rounding: Decimal.rounding };
    Decimal.set({ precision: 5, rounding: Decimal.ROUND_DOWN });
    try {
      expect(money(sum(['123456.78', '0.01']))).toBe('123456.79');
      expect(money(dec('1.005'))).toBe('1.01');
      expect(money(maxOf(0, dec('-1.5')))).toBe('0.00');
      expect(money(minOf('2.50', dec('3')))).toBe('2.50');
      expect(isDec(dec(' 1.20 '))).toBe(true);
    } finally {
      Decimal.set(saved);
    }
  });
});

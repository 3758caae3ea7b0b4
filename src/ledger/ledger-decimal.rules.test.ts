import { describe, expect, it } from 'vitest';
import { decimalProblem, lineAmount, localDateProblem, money, MONEY, plain, POSITIVE_MONEY, sum } from './ledger-decimal.rules.js';

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

  it('accepts only real calendar dates as YYYY-MM-DD', () => {
    expect(localDateProblem('2026-02-28')).toBeNull();
    expect(localDateProblem('2024-02-29')).toBeNull();
    expect(localDateProblem('2026-02-29')).toBe('is not a real calendar date');
    expect(localDateProblem('2026-2-1')).toBe('must be a date as YYYY-MM-DD');
    expect(localDateProblem('01/02/2026')).toBe('must be a date as YYYY-MM-DD');
  });
});

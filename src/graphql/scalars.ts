/**
 * Custom scalars shared by every slice: `Money` (an exact decimal string, never a float) and
 * `LocalDate` (a calendar date with no time zone, e.g. an accounting start date).
 */
import { GraphQLScalarType, Kind } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { isDec } from '../money/money.js';

const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;

function parseMoney(value: unknown): string {
  if (typeof value !== 'string' || !DECIMAL.test(value.trim())) {
    // Floats are refused on input too: 0.1 + 0.2 must never reach the books.
    throw new TypeError('Money must be a decimal string such as "1234.50".');
  }
  // Kept as written: "1234.50" stays "1234.50" (the scale is information too).
  return value.trim();
}

export const MoneyScalar = new GraphQLScalarType<string, string>({
  name: 'Money',
  description: 'An exact decimal amount as a string, e.g. "1234.50". Never a float.',
  serialize(value: unknown) {
    if (typeof value === 'string') return parseMoney(value);
    if (isDec(value)) return value.toFixed();
    throw new TypeError('Money values must be decimal strings on the server side.');
  },
  parseValue: parseMoney,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new TypeError('Money must be a decimal string such as "1234.50".');
    return parseMoney(ast.value);
  },
});

/** A calendar date as `YYYY-MM-DD` (graphql-scalars' LocalDate keeps it a string: no time-zone shift). */
export const LocalDateScalar = GraphQLLocalDate;

/**
 * `Quantity`: an exact decimal string for line quantities (hours, units, metres), like `Money` but not
 * money: up to six decimal places, never a float. The ledger rules check sign and scale per field.
 */
import { GraphQLScalarType, Kind } from 'graphql';

const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;

function parseQuantity(value: unknown): string {
  if (typeof value !== 'string' || !DECIMAL.test(value.trim())) throw new TypeError('Quantity must be a decimal string such as "1.5".');
  return value.trim();
}

export const QuantityScalar = new GraphQLScalarType<string, string>({
  name: 'Quantity',
  description: 'An exact decimal quantity as a string, e.g. "1.5" (hours, units). Never a float.',
  serialize: parseQuantity,
  parseValue: parseQuantity,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new TypeError('Quantity must be a decimal string such as "1.5".');
    return parseQuantity(ast.value);
  },
});

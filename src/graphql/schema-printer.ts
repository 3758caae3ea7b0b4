/** Prints the schema exactly as it is committed in schema.graphql (so the staleness check is exact). */
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';

export const SCHEMA_HEADER = '# Generated from the type-graphql resolvers by `npm run schema`. Do not edit by hand.\n\n';

export function printAppSchema(schema: GraphQLSchema): string {
  return SCHEMA_HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}

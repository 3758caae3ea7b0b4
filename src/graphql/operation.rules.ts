/**
 * The one set of rules every GraphQL operation meets, whichever transport carries it: the parser's
 * token limit, graphql-armor's depth, alias and directive limits, (in production) no introspection,
 * and the query cost model of query-cost.rules.ts. Apollo (HTTP) and graphql-ws (WebSocket) both take
 * theirs from here, so the two doors can never drift apart.
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { type ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, NoSchemaIntrospectionCustomRule, parse, type ParseOptions, specifiedRules, validate, type GraphQLSchema, type ValidationRule } from 'graphql';
import { QUERY_COST_LIMIT, queryCostError } from './query-cost.rules.js';

export const OPERATION_LIMITS = {
  maxTokens: 2000,
  maxDepth: 10,
  /** `__typename` counts too: thousands of `a1: __typename` aliases are as heavy as any other field. */
  maxAliases: 15,
  /** See query-cost.rules.ts: checked with the variables, after validation. */
  maxCost: QUERY_COST_LIMIT,
  maxDirectives: 20,
} as const;

export interface OperationRules {
  /** For graphql's parser: it stops at the token limit, before building a huge document. */
  parseOptions: ParseOptions;
  /** Beyond graphql's specified rules. */
  validationRules: ValidationRule[];
  /** Over HTTP: refuses an operation over the cost limit once its variables are known (graphql-ws calls checkOperation). */
  costPlugin: ApolloServerPlugin;
}

export function createOperationRules(options: { production: boolean }): OperationRules {
  // A limit reached is reported as a validation error of the operation (400 over HTTP), not thrown
  // out of validation as an unexpected failure.
  const report = { propagateOnRejection: false, onReject: [(ctx: { reportError(e: GraphQLError): void } | null, error: GraphQLError) => ctx?.reportError(error)] };
  const armor = new ApolloArmor({
    maxDepth: { n: OPERATION_LIMITS.maxDepth, ...report },
    maxAliases: { n: OPERATION_LIMITS.maxAliases, allowList: [], ...report },
    // Replaced by query-cost.rules.ts, which counts `first` given in variables and does not punish nesting.
    costLimit: { enabled: false },
    maxDirectives: { n: OPERATION_LIMITS.maxDirectives, ...report },
    // The parser's own maxTokens (below) replaces armor's plugin, which Apollo reported as a 500.
    maxTokens: { enabled: false },
    // Suggestions are masked by formatError, for both transports.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    parseOptions: { maxTokens: OPERATION_LIMITS.maxTokens },
    validationRules: [...armor.validationRules, ...(options.production ? [NoSchemaIntrospectionCustomRule] : [])],
    costPlugin: {
      requestDidStart: () =>
        Promise.resolve({
          didResolveOperation: ({ schema, document, operationName, request }) => {
            const error = queryCostError(schema, document, operationName, request.variables);
            return error ? Promise.reject(error) : Promise.resolve();
          },
        }),
    },
  };
}

/** Parse and validate as Apollo does (same rules, same error codes): a document, or the errors to send back. */
export function checkOperation(schema: GraphQLSchema, rules: OperationRules, query: unknown, operationName?: string | null, variables?: Readonly<Record<string, unknown>> | null): { document: DocumentNode } | { errors: GraphQLError[] } {
  if (typeof query !== 'string' || query === '') return { errors: [coded(new GraphQLError('The operation has no query string.'), 'BAD_REQUEST')] };
  let document: DocumentNode;
  try {
    document = parse(query, rules.parseOptions);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { errors: [coded(error, 'GRAPHQL_PARSE_FAILED')] };
  }
  const errors = validate(schema, document, [...specifiedRules, ...rules.validationRules]);
  if (errors.length > 0) return { errors: errors.map((e) => coded(e, 'GRAPHQL_VALIDATION_FAILED')) };
  const tooCostly = queryCostError(schema, document, operationName, variables);
  return tooCostly ? { errors: [tooCostly] } : { document };
}

function coded(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, extensions: { ...error.extensions, code } });
}

/**
 * Errors at the API edge. Services throw the transport-free errors of `src/errors/` (a `DomainError`
 * carries its code and extensions); here they become GraphQL errors, on HTTP and WebSocket alike, with
 * the message, code and extensions unchanged. `formatError` turns anything else into a masked
 * INTERNAL_SERVER_ERROR so internals and secrets never reach clients.
 */
import { type GraphQLFormattedError, GraphQLError } from 'graphql';
import { DomainError } from '../errors/domain.errors.js';
import { QboError } from '../providers/quickbooks/qbo.errors.js';

// The vocabulary, under the names resolvers and the edge have always used. `ApiError` is the base class.
export {
  ConflictError,
  DomainError as ApiError,
  type ErrorCode,
  type FieldProblem,
  NotFoundError,
  QuickBooksNotConnectedError,
  QuickBooksReconnectRequiredError,
  RateLimitedError,
  UnauthenticatedError,
  UserInputError,
} from '../errors/domain.errors.js';

/**
 * A domain error as a GraphQL error, for the places that must hand graphql-ws or Apollo a GraphQLError
 * themselves (an operation refused in graphql-ws `onSubscribe`, a refused Apollo context): the same
 * message and extensions a resolver throwing it would produce (`extensions.http` still sets the status).
 */
export function toGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { ...error.extensions } });
}

const PASSTHROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_USER_INPUT',
]);

export interface FormatErrorOptions {
  /** Development: unexpected errors keep their message (still coded INTERNAL_SERVER_ERROR). */
  exposeInternal: boolean;
  /** Production: graphql's "Did you mean ...?" would name fields a caller could not otherwise discover. */
  hideSuggestions: boolean;
}

export function formatErrorOptions(production: boolean): FormatErrorOptions {
  return { exposeInternal: !production, hideSuggestions: production };
}

/**
 * The one error formatter of both transports (Apollo's formatError over HTTP, graphql-ws results over
 * WebSocket): keeps our own errors and GraphQL's, masks everything else.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, options: FormatErrorOptions): GraphQLFormattedError {
  const result = withoutHttp(formatErrorInner(formatted, error, options));
  return options.hideSuggestions ? withoutSuggestions(result) : result;
}

/** For a GraphQLError itself (graphql-ws hands those over, Apollo hands over both forms). */
export function formatGraphQLError(error: GraphQLError, options: FormatErrorOptions): GraphQLFormattedError {
  return formatError(error.toJSON(), error, options);
}

function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = formatted.message.replace(/ ?Did you mean .+\?$/s, '');
  return message === formatted.message ? formatted : { ...formatted, message };
}

/** `extensions.http` tells Apollo which HTTP status to use; clients need not see it. */
function withoutHttp(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('http' in formatted.extensions)) return formatted;
  const { http: _http, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

function formatErrorInner(formatted: GraphQLFormattedError, error: unknown, options: FormatErrorOptions): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof DomainError) return { ...formatted, extensions: { ...formatted.extensions, ...original.extensions } };
  if (original instanceof QboError) {
    // QuickBooks' own fault text is meant for users; the kind says whether retrying can help.
    return {
      message: original.details.detail ? `QuickBooks: ${original.message} (${original.details.detail})` : `QuickBooks: ${original.message}`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'QUICKBOOKS_ERROR', kind: original.kind, qboCode: original.code ?? null, retryable: original.retryable },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASSTHROUGH_CODES.has(code)) return formatted;
  // type-graphql's argument validation and graphql-armor's limits arrive as GraphQLErrors without a code.
  if (original instanceof GraphQLError && !original.originalError && !code) {
    return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
  }
  if (options.exposeInternal) return { ...formatted, extensions: { ...formatted.extensions, code: 'INTERNAL_SERVER_ERROR' } };
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

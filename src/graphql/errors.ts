/**
 * The API's error vocabulary. Services throw these (no GraphQL imports needed by callers beyond this
 * file); `formatError` turns anything else into a masked INTERNAL_SERVER_ERROR so internals and
 * secrets never reach clients.
 */
import { type GraphQLFormattedError, GraphQLError } from 'graphql';
import { QboError } from '../providers/quickbooks/qbo.errors.js';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'QUICKBOOKS_NOT_CONNECTED'
  | 'QUICKBOOKS_RECONNECT_REQUIRED'
  | 'QUICKBOOKS_ERROR'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

export class ApiError extends GraphQLError {
  constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export class UnauthenticatedError extends ApiError {
  constructor(message = 'A valid API key is required: send "Authorization: Bearer <api key>".') {
    super(message, 'UNAUTHENTICATED', { http: { status: 401 } });
  }
}

export class NotFoundError extends ApiError {
  constructor(type: string, id: string) {
    super(`${type} ${id} was not found.`, 'NOT_FOUND', { type, id });
  }
}

export interface FieldProblem {
  /** Path of the offending input field, e.g. ["input", "paymentsAccountId"]. */
  path: string[];
  message: string;
}

export class UserInputError extends ApiError {
  constructor(message: string, readonly fields: FieldProblem[] = []) {
    super(message, 'BAD_USER_INPUT', { fields });
  }
}

export class ConflictError extends ApiError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, 'CONFLICT', extensions);
  }
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
  if (original instanceof ApiError) return { ...formatted, extensions: { ...formatted.extensions, ...original.extensions } };
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

/** Over a rate limit (src/http/rate-limit.ts): `retryAfter` in seconds, as HTTP's Retry-After header says. */
export class RateLimitedError extends ApiError {
  constructor(message: string, retryAfterSeconds: number) {
    super(message, 'RATE_LIMITED', { retryAfter: retryAfterSeconds });
  }
}

export class QuickBooksNotConnectedError extends ApiError {
  constructor() {
    super('QuickBooks is not connected for this tenant: call connectQuickBooks first.', 'QUICKBOOKS_NOT_CONNECTED');
  }
}

export class QuickBooksReconnectRequiredError extends ApiError {
  constructor(reason: string) {
    super(`QuickBooks needs to be reconnected (${reason}): call connectQuickBooks again.`, 'QUICKBOOKS_RECONNECT_REQUIRED', { reason });
  }
}

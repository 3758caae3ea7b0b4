/**
 * The gateway's error vocabulary, free of any transport: services, rules and stores throw these and
 * import nothing from GraphQL or HTTP. The API edge (`src/graphql/errors.ts`) turns them into GraphQL
 * errors with the same message, `code` and extensions on HTTP and WebSocket alike.
 *
 * `extensions` is what a client reads next to the message (`code` first, then the error's own
 * details: `fields`, `reason`, `retryAfter`...). `extensions.http` only tells the HTTP edge which
 * status to answer with; the edge removes it before the answer goes out.
 */

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

/** Any failure the caller should read as is (as opposed to an internal fault, which the edge masks). */
export class DomainError extends Error {
  readonly code: ErrorCode;
  /** `{ code, ...details }`: exactly what the edge sends as the GraphQL error's extensions. */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.extensions = { code, ...extensions };
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'A valid API key is required: send "Authorization: Bearer <api key>".') {
    super(message, 'UNAUTHENTICATED', { http: { status: 401 } });
  }
}

export class NotFoundError extends DomainError {
  constructor(type: string, id: string) {
    super(`${type} ${id} was not found.`, 'NOT_FOUND', { type, id });
  }
}

export interface FieldProblem {
  /** Path of the offending input field, e.g. ["input", "paymentsAccountId"]. */
  path: string[];
  message: string;
}

/** Bad input: `fields` names every offending input field, so a form can show each problem next to its field. */
export class UserInputError extends DomainError {
  constructor(
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message, 'BAD_USER_INPUT', { fields });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, 'CONFLICT', extensions);
  }
}

/** Over a rate limit (src/http/rate-limit.ts): `retryAfter` in seconds, as HTTP's Retry-After header says. */
export class RateLimitedError extends DomainError {
  constructor(message: string, retryAfterSeconds: number) {
    super(message, 'RATE_LIMITED', { retryAfter: retryAfterSeconds });
  }
}

export class QuickBooksNotConnectedError extends DomainError {
  constructor() {
    super('QuickBooks is not connected for this tenant: call connectQuickBooks first.', 'QUICKBOOKS_NOT_CONNECTED');
  }
}

export class QuickBooksReconnectRequiredError extends DomainError {
  constructor(reason: string) {
    super(`QuickBooks needs to be reconnected (${reason}): call connectQuickBooks again.`, 'QUICKBOOKS_RECONNECT_REQUIRED', { reason });
  }
}

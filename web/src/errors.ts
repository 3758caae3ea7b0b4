/**
 * Reading the gateway's errors: the `extensions.code` vocabulary, and BAD_USER_INPUT's `fields`
 * (`[{ path: ["input", "paymentsAccountId"], message }]`) turned into a message per form field.
 */
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

export interface FieldProblem {
  path: string[];
  message: string;
}

interface ErrorWithExtensions {
  message: string;
  extensions?: Record<string, unknown>;
}

function graphQLErrorsOf(error: unknown): readonly ErrorWithExtensions[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors;
  if (ServerError.is(error)) {
    // A 4xx from the gateway still carries a GraphQL body (e.g. 401 UNAUTHENTICATED).
    try {
      const body = JSON.parse(error.bodyText) as { errors?: ErrorWithExtensions[] };
      return body.errors ?? [];
    } catch {
      return [];
    }
  }
  return [];
}

export function errorCode(error: unknown): string | undefined {
  const code = graphQLErrorsOf(error)[0]?.extensions?.code;
  if (typeof code === 'string') return code;
  if (ServerError.is(error) && error.statusCode === 401) return 'UNAUTHENTICATED';
  return undefined;
}

/** Messages keyed by the last segment of each field path (the input field's name). */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of graphQLErrorsOf(error)) {
    if (e.extensions?.code !== 'BAD_USER_INPUT') continue;
    const fields = e.extensions.fields;
    if (!Array.isArray(fields)) continue;
    for (const f of fields as FieldProblem[]) {
      const name = f.path[f.path.length - 1];
      if (name) out[name] = out[name] ? `${out[name]}; ${f.message}` : f.message;
    }
  }
  return out;
}

/** One sentence for a person: the gateway's own messages are written for people already. */
export function describeError(error: unknown): string {
  const errors = graphQLErrorsOf(error);
  if (errors.length > 0) return errors.map((e) => e.message).join(' ');
  if (error instanceof TypeError) return 'The gateway could not be reached. Is it running?';
  if (error instanceof Error) return error.message;
  return String(error);
}

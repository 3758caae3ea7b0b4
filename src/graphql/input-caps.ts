/**
 * Caps on every list and string argument of every GraphQL field, in one place, checked before the
 * resolver runs (so before any lock, read or write): a payment with 10,000 allocations used to take
 * one invoice lock each before its validation found the problem, and a 1 MB `search` scanned every
 * record with it. A value over its cap is refused with BAD_USER_INPUT naming each field, as the
 * ledger's own validation does. Text also refuses characters that have no place in a bookkeeping
 * record and can disguise one: NUL and other control characters (names and ids get no line breaks
 * or tabs either) and the bidi embeddings, overrides and isolates that reorder what a reader sees.
 *
 * The caps sit above anything QuickBooks or a bookkeeper needs (QBO line descriptions hold 4,000
 * characters; names and reference numbers far less) and are the same on HTTP and WebSocket, since
 * both execute this schema.
 */
import { type MiddlewareFn } from 'type-graphql';
import { type FieldProblem, UserInputError } from './errors.js';

/** Longest text of any argument not named below. */
export const DEFAULT_TEXT_MAX = 1_000;
/** Longest list of any argument not named below. */
export const DEFAULT_LIST_MAX = 500;

/** Text caps by argument (or input field) name. */
export const TEXT_MAX: Readonly<Record<string, number>> = {
  search: 100,
  description: 4_000,
  memo: 4_000,
  privateNote: 4_000,
  note: 4_000,
  callbackUrl: 4_096,
  returnTo: 2_048,
};

/** List caps by argument (or input field) name. */
export const LIST_MAX: Readonly<Record<string, number>> = {
  allocations: 100,
  lines: 500,
};

/** Ids (`id`, `externalId`, `customerExternalId`, `accountId`, `after`...): short, one line. */
const ID_MAX = 100;
const isIdName = (name: string) => name === 'id' || name === 'after' || /(Id|Ids|ExternalId)$/.test(name);

/** Names a person reads as one line: no control characters at all. */
const NAME_FIELDS = new Set(['displayName', 'companyName', 'givenName', 'familyName', 'name', 'label', 'number', 'lineId', 'email', 'phone']);
const NAME_MAX = 500;

// C0 controls but tab, LF and CR; DEL; C1 controls; bidi embeddings/overrides (U+202A-U+202E) and isolates (U+2066-U+2069).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_IN_NAMES = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

function describeChar(text: string, pattern: RegExp): string {
  const found = pattern.exec(text)?.[0] ?? '';
  const code = `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  if (found === '\u0000') return 'a NUL character (U+0000)';
  if (/[\u202A-\u202E\u2066-\u2069]/u.test(found)) return `a bidirectional-text control character (${code})`;
  return `a control character (${code})`;
}

/** Every cap or character problem in `value`, found under `path` (the argument name first). */
export function inputCapProblems(value: unknown, path: string[], name: string, problems: FieldProblem[] = []): FieldProblem[] {
  if (problems.length >= 20) return problems; // enough to act on; the walk stays bounded too
  if (typeof value === 'string') {
    const nameLike = NAME_FIELDS.has(name) || isIdName(name);
    const max = TEXT_MAX[name] ?? (isIdName(name) ? ID_MAX : NAME_FIELDS.has(name) ? NAME_MAX : DEFAULT_TEXT_MAX);
    if (value.length > max) problems.push({ path, message: `must be at most ${max.toLocaleString('en')} characters (got ${value.length.toLocaleString('en')})` });
    const forbidden = nameLike ? FORBIDDEN_IN_NAMES : FORBIDDEN_IN_TEXT;
    if (forbidden.test(value)) problems.push({ path, message: `must not contain ${describeChar(value, forbidden)}` });
    return problems;
  }
  if (Array.isArray(value)) {
    const max = LIST_MAX[name] ?? DEFAULT_LIST_MAX;
    if (value.length > max) {
      // The items are not looked at: the list is refused as a whole.
      problems.push({ path, message: `must have at most ${max.toLocaleString('en')} entries (got ${value.length.toLocaleString('en')})` });
      return problems;
    }
    value.forEach((item, index) => inputCapProblems(item, [...path, String(index)], name, problems));
    return problems;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, inner] of Object.entries(value)) inputCapProblems(inner, [...path, key], key, problems);
  }
  return problems;
}

/** The type-graphql middleware applied to every field (see schema.ts). */
export const enforceInputCaps: MiddlewareFn = ({ args }, next) => {
  const problems: FieldProblem[] = [];
  for (const [name, value] of Object.entries(args)) inputCapProblems(value, [name], name, problems);
  if (problems.length > 0) {
    const first = problems[0]!;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new UserInputError(`${first.path.join('.')} ${first.message}${more}.`, problems);
  }
  return next();
};

/**
 * Cursor paging for every list that can grow, free of GraphQL: the page a caller asks for (`first`
 * rows `after` a cursor), checked once here, and the page handed back (`edges { node cursor }`,
 * `pageInfo`, `totalCount`). Cursors are opaque (base64url JSON of the sort key of the last row), so a
 * page stays stable when rows are inserted before it. The GraphQL types of a page live in
 * src/graphql/pagination.ts.
 */
import { UserInputError } from '../errors/domain.errors.js';
import { keysetAfter } from '../persistence/query-filters.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

export interface PageRequest {
  limit: number;
  after: unknown[] | undefined;
}

/** Checks `first` and decodes `after`; bad values are input errors naming the argument. */
export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new UserInputError(`first must be between 1 and ${MAX_PAGE_SIZE}.`, [{ path: ['first'], message: `must be between 1 and ${MAX_PAGE_SIZE}` }]);
  }
  if (after === null || after === undefined || after === '') return { limit, after: undefined };
  return { limit, after: decodeCursor(after) };
}

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): unknown[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length > 0) return key;
  } catch {
    // fall through: any malformed cursor gets the same answer
  }
  throw new UserInputError('after is not a cursor returned by this list.', [{ path: ['after'], message: 'is not a valid cursor' }]);
}

/**
 * Shapes `limit + 1` fetched rows into a connection: the extra row only tells whether a next page
 * exists. `keyOf` gives the sort key the cursor encodes.
 */
export function toConnection<R, T>(rows: R[], request: PageRequest, totalCount: number, keyOf: (row: R) => unknown[], shape: (row: R) => T): Connection<T> {
  const page = rows.slice(0, request.limit);
  const edges = page.map((row) => ({ node: shape(row), cursor: encodeCursor(keyOf(row)) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > request.limit, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}

/**
 * The cursor key `key` checked against a list sorted by `fieldCount` fields: a cursor of another list
 * (or a forged one) is refused as bad input, before any repository builds a filter from it.
 */
export function checkCursor(fieldCount: number, key: unknown[] | undefined): string[] | undefined {
  if (!key) return undefined;
  if (key.length !== fieldCount || key.some((k) => typeof k !== 'string')) {
    throw new UserInputError('after is not a cursor returned by this list.', [{ path: ['after'], message: 'is not a valid cursor' }]);
  }
  return key as string[];
}

/**
 * The MongoDB filter for "after this key" on an ascending compound sort `fields` (same order as the
 * key). Works on FerretDB (plain $or/$gt, no aggregation).
 */
export function afterKeyFilter(fields: string[], key: unknown[] | undefined): Record<string, unknown> {
  return keysetAfter(fields, checkCursor(fields.length, key));
}

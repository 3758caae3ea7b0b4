import { describe, expect, it } from 'vitest';
import { UserInputError } from '../errors/domain.errors.js';
import { afterKeyFilter, decodeCursor, encodeCursor, MAX_PAGE_SIZE, pageRequest, toConnection } from './page-request.js';

describe('cursor pagination', () => {
  it('round-trips cursors and refuses forged ones as input errors on `after`', () => {
    expect(decodeCursor(encodeCursor(['labour income', '12']))).toEqual(['labour income', '12']);
    for (const bad of ['x', encodeCursor([]), Buffer.from('{"a":1}').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(UserInputError);
    }
  });

  it('checks page sizes', () => {
    expect(pageRequest(undefined, undefined).limit).toBe(50);
    expect(() => pageRequest(0, undefined)).toThrow(UserInputError);
    expect(() => pageRequest(MAX_PAGE_SIZE + 1, undefined)).toThrow(UserInputError);
  });

  it('builds the "after this key" filter of a compound ascending sort', () => {
    expect(afterKeyFilter(['sortKey', 'qboId'], ['b', '7'])).toEqual({ $or: [{ sortKey: { $gt: 'b' } }, { sortKey: 'b', qboId: { $gt: '7' } }] });
    expect(afterKeyFilter(['sortKey', 'qboId'], undefined)).toEqual({});
    // A cursor from another list (different key length or types) is an input error, not a query.
    expect(() => afterKeyFilter(['sortKey', 'qboId'], ['b'])).toThrow(UserInputError);
    expect(() => afterKeyFilter(['sortKey', 'qboId'], ['b', { $ne: 1 }])).toThrow(UserInputError);
  });

  it('uses the extra fetched row only to tell whether a next page exists', () => {
    const rows = [{ k: 'a' }, { k: 'b' }, { k: 'c' }];
    const page = toConnection(rows, { limit: 2, after: undefined }, 3, (r) => [r.k], (r) => r.k.toUpperCase());
    expect(page.edges.map((e) => e.node)).toEqual(['A', 'B']);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor(['b']) });
    const last = toConnection(rows.slice(2), { limit: 2, after: ['b'] }, 3, (r) => [r.k], (r) => r.k);
    expect(last.pageInfo).toEqual({ hasNextPage: false, endCursor: encodeCursor(['c']) });
  });
});

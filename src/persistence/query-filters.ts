/**
 * Filter builders the repositories share. Both work on FerretDB (plain `$regex`, `$or`/`$gt`, no
 * aggregation or collation), which is why list order uses stored lower-case `sortKey` fields.
 */

/** A case-insensitive "contains" match for user search text (regex characters escaped). */
export function containsPattern(search: string): { $regex: string; $options: string } {
  return { $regex: search.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), $options: 'i' };
}

/**
 * "After this key" on an ascending compound sort `fields` (same order as the key). The key is a
 * checked cursor (see `checkCursor` in src/paging/page-request.ts); none gives no condition.
 */
export function keysetAfter(fields: readonly string[], key: readonly string[] | undefined): Record<string, unknown> {
  if (!key) return {};
  const or = fields.map((field, i) => {
    const clause: Record<string, unknown> = {};
    for (let j = 0; j < i; j++) clause[fields[j]!] = key[j];
    clause[field] = { $gt: key[i] };
    return clause;
  });
  return { $or: or };
}

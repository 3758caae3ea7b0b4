/**
 * One tenant's cached chart of accounts and name lists, held in memory and answered without the
 * database: the same filters, order and cursors as the queries they replace (rows come sorted by
 * `sortKey, qboId` from the load; cursors compare those keys the way MongoDB orders strings).
 * Shared by every request of the process: nothing here may change a row.
 */
import { afterKeyFilter, type PageRequest } from '../paging/page-request.js';
import { type CachedAccount } from '../persistence/accounts/account.model.js';
import { type CachedReference, type ReferenceKind } from '../persistence/accounts/reference-list.model.js';

/** Sort of every account page: case-insensitive fully qualified name, then QBO id (unique). */
export const ACCOUNT_SORT_FIELDS = ['sortKey', 'qboId'];

export interface AccountFilter {
  /** Only these AccountTypes; undefined: any type. */
  accountTypes?: readonly string[];
  search?: string | null;
  includeInactive?: boolean;
}

/** MongoDB orders strings by their UTF-8 bytes, which is code point order (not JS's UTF-16 unit order). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** User text as a literal, case-insensitive match (the same rule as the database search it replaces). */
function containsMatcher(search: string): RegExp {
  return new RegExp(search.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
}

export class ChartSnapshot {
  readonly #byId: Map<string, CachedAccount>;
  readonly #references = new Map<ReferenceKind, CachedReference[]>();

  constructor(
    /** Sorted by sortKey, then qboId. */
    private readonly accounts: readonly CachedAccount[],
    references: readonly CachedReference[],
    /** When the chart was last refreshed in full from QBO (null: never, or not recorded). */
    readonly refreshedAt: Date | null,
    byId?: Map<string, CachedAccount>,
    referencesByKind?: Map<ReferenceKind, CachedReference[]>,
  ) {
    this.#byId = byId ?? new Map(accounts.map((a) => [a.qboId, a]));
    if (referencesByKind) this.#references = referencesByKind;
    else for (const ref of references) this.#references.set(ref.kind, [...(this.#references.get(ref.kind) ?? []), ref]);
  }

  /** The same rows with the refresh time read now (the rows are shared, not copied). */
  at(refreshedAt: Date | null): ChartSnapshot {
    return new ChartSnapshot(this.accounts, [], refreshedAt, this.#byId, this.#references);
  }

  get accountCount(): number {
    return this.accounts.length;
  }

  /** One page (`limit + 1` rows, so the caller can tell whether more exist) and the total matching. */
  listAccounts(filter: AccountFilter, page: PageRequest): { rows: CachedAccount[]; totalCount: number } {
    afterKeyFilter(ACCOUNT_SORT_FIELDS, page.after); // refuses a cursor of another list, as the query did
    const types = filter.accountTypes ? new Set(filter.accountTypes) : undefined;
    const search = filter.search?.trim();
    const pattern = search ? containsMatcher(search) : undefined;
    const matching = this.accounts.filter(
      (a) =>
        (filter.includeInactive || a.active) &&
        (!types || types.has(a.accountType)) &&
        (!pattern || pattern.test(a.name) || pattern.test(a.fullyQualifiedName) || (a.acctNum !== null && pattern.test(a.acctNum))),
    );
    const after = page.after as [string, string] | undefined;
    const start = after ? matching.findIndex((a) => { const c = compareCodePoints(a.sortKey, after[0]); return c > 0 || (c === 0 && compareCodePoints(a.qboId, after[1]) > 0); }) : 0;
    const rows = start < 0 ? [] : matching.slice(start, start + page.limit + 1);
    return { rows, totalCount: matching.length };
  }

  findAccounts(qboIds: readonly string[]): CachedAccount[] {
    return [...new Set(qboIds)].map((id) => this.#byId.get(id)).filter((a): a is CachedAccount => a !== undefined);
  }

  listReferences(kind: ReferenceKind, options: { includeInactive?: boolean } = {}): CachedReference[] {
    const rows = this.#references.get(kind) ?? [];
    return options.includeInactive ? [...rows] : rows.filter((r) => r.active);
  }
}

/**
 * Per-request DataLoaders for accounts: every account reference in one response (settings, job types,
 * supplies, payment methods, parents) is fetched in one database query.
 */
import DataLoader from 'dataloader';
import { type CachedAccount } from '../persistence/accounts/account.model.js';
import { type ChartService } from './chart.service.js';

export interface AccountLoaders {
  /** By QBO account id; null for an id not in the cache. */
  accountById: DataLoader<string, CachedAccount | null>;
}

/**
 * `cache: false` for long-lived contexts (a graphql-ws subscription would otherwise serve stale rows
 * for its whole life); batching still applies.
 */
export function createAccountLoaders(chart: ChartService, tenantId: string, options: { cache?: boolean } = {}): AccountLoaders {
  return {
    accountById: new DataLoader<string, CachedAccount | null>(
      async (ids) => {
        const found = new Map((await chart.findAccounts(tenantId, ids)).map((a) => [a.qboId, a]));
        return ids.map((id) => found.get(id) ?? null);
      },
      { cache: options.cache ?? true, maxBatchSize: 500 },
    ),
  };
}

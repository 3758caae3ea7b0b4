/** The sync engine's repositories, built once per gateway (src/persistence/repositories.ts) and shared by the sync and pull slices. */
import { type Connection } from 'mongoose';
import { MappingClaimRepository } from './mapping-claim.repository.js';
import { OutboxRepository } from './outbox.repository.js';
import { SyncIssueRepository } from './sync-issue.repository.js';
import { SyncItemRepository } from './sync-item.repository.js';
import { SyncMappingRepository } from './sync-mapping.repository.js';
import { SyncRunRepository } from './sync-run.repository.js';

export interface SyncRepositories {
  /** `sync_mappings`: the one door every writer (push, pull, import, links) uses. */
  mappings: SyncMappingRepository;
  /** `sync_mapping_claims`: one record part per QBO object. */
  claims: MappingClaimRepository;
  /** `sync_outbox` and `sync_outbox_subjects`: every outbound write, before it is sent. */
  outbox: OutboxRepository;
  /** `sync_runs`: push and pull runs. */
  runs: SyncRunRepository;
  /** `sync_issues`: what needs a bookkeeper's attention. */
  issues: SyncIssueRepository;
  /** `sync_items`: the QBO items, classes and departments made for FSM lists. */
  items: SyncItemRepository;
}

export function syncRepositories(connection: Connection): SyncRepositories {
  const claims = new MappingClaimRepository(connection);
  return {
    claims,
    mappings: new SyncMappingRepository(connection, claims),
    outbox: new OutboxRepository(connection),
    runs: new SyncRunRepository(connection),
    issues: new SyncIssueRepository(connection),
    items: new SyncItemRepository(connection),
  };
}

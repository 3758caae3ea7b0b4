/** The sync engine's repositories, built once per gateway (src/services.ts) and shared by the sync and pull slices. */
import { type Connection } from 'mongoose';
import { MappingClaimRepository } from './mapping-claim.repository.js';
import { SyncMappingRepository } from './sync-mapping.repository.js';

export interface SyncRepositories {
  /** `sync_mappings`: the one door every writer (push, pull, import, links) uses. */
  mappings: SyncMappingRepository;
  /** `sync_mapping_claims`: one record part per QBO object. */
  claims: MappingClaimRepository;
}

export function syncRepositories(connection: Connection): SyncRepositories {
  const claims = new MappingClaimRepository(connection);
  return { claims, mappings: new SyncMappingRepository(connection, claims) };
}

/**
 * The one door to `sync_mappings`: the push, the pull (webhooks, CDC, the customer import, links of
 * records created in QuickBooks) and the run bookkeeping all read and write mappings here. Lookups by
 * record go through the keyed `_id` (see ../id-lookups.ts); lookups by QBO Id through the reverse index
 * declared on the schema. Every method names the tenant first; the one scan of every tenant (a start-up
 * migration) says so in its name.
 */
import { type Connection, type Model, Types } from 'mongoose';
import { migrateToKeyedIds } from '../id-lookups.js';
import { crossTenantCollection } from '../cross-tenant.collection.js';
import { type TenantId, tenantIdOf, tenantObjectId } from '../tenant-id.js';
import { type QboEntity } from '../../providers/quickbooks/qbo.client.js';
import { type LedgerKind } from '../../ledger/ledger-record.types.js';
import { type MappingPart, mappingKey, mappingKeyOf, type SyncMapping, type SyncMappingDoc, syncMappingModel } from './sync-mapping.model.js';
import { type ClaimOwner, type ClaimTarget, type MappingClaimRepository } from './mapping-claim.repository.js';

export type { MappingPart, MappingState, SyncMapping } from './sync-mapping.model.js';

/** The fields a write may set (everything but the key). */
export type MappingFields = Partial<Omit<SyncMapping, 'tenantId' | 'kind' | 'recordId' | 'part'>>;

/** A record part's mapping, as a key. */
export interface MappingRef {
  kind: LedgerKind;
  recordId: string;
  part?: MappingPart;
}

/** What the pull needs to know of a mapped QBO object, to tell a change from its own echo. */
export interface MappingGlance {
  kind: LedgerKind;
  qboId: string;
  syncToken: string | null;
  remoteStatus: string;
}

function toMapping(doc: SyncMappingDoc): SyncMapping {
  return {
    tenantId: tenantIdOf(doc.tenantId),
    realmId: doc.realmId ?? null,
    kind: doc.kind,
    recordId: doc.recordId,
    part: doc.part,
    entity: doc.entity,
    qboId: doc.qboId ?? null,
    syncToken: doc.syncToken ?? null,
    syncedVersion: doc.syncedVersion ?? null,
    generation: doc.generation ?? 0,
    state: doc.state,
    issueId: doc.issueId ? String(doc.issueId) : null,
    issueCode: doc.issueCode ?? null,
    issueMessage: doc.issueMessage ?? null,
    lastSyncedAt: doc.lastSyncedAt ?? null,
    remoteStatus: doc.remoteStatus,
    forcePush: doc.forcePush ?? false,
  };
}

/** `issueId` is stored as an ObjectId (the issue's `_id`). */
function toDocFields(fields: MappingFields): Record<string, unknown> {
  if (!('issueId' in fields)) return fields;
  const { issueId, ...rest } = fields;
  return { ...rest, issueId: issueId ? new Types.ObjectId(issueId) : null };
}

/** A mapping of the realm a QBO object came from, or one written before realms were recorded (the connected company's). */
function inRealm(realmId: string): { realmId: { $in: (string | null)[] } } {
  return { realmId: { $in: [realmId, null] } };
}

export class SyncMappingRepository {
  readonly #model: Model<SyncMappingDoc>;

  constructor(
    connection: Connection,
    private readonly claims: MappingClaimRepository,
  ) {
    this.#model = syncMappingModel(connection);
  }

  /** Indexes, and the start-up migration of documents written before the collection was keyed. */
  async init(): Promise<void> {
    await this.#model.init();
    await migrateToKeyedIds(this.#model as unknown as Model<never>, mappingKeyOf);
  }

  #filter(tenantId: TenantId, ref: MappingRef) {
    // Exactly the key fields: rewritten to the `_id` lookup (keyedById).
    return { tenantId: tenantObjectId(tenantId), kind: ref.kind, recordId: ref.recordId, part: ref.part ?? 'main' };
  }

  // ---- by record ------------------------------------------------------------------------------

  /** The stored mapping of a record part, whatever realm it belongs to. */
  async get(tenantId: TenantId, ref: MappingRef): Promise<SyncMapping | null> {
    const doc = await this.#model.findOne(this.#filter(tenantId, ref)).lean<SyncMappingDoc>();
    return doc ? toMapping(doc) : null;
  }

  /** The main mappings of records of one kind (sync status of a page of records): one `_id` lookup per record, in one query. */
  async mainOf(tenantId: TenantId, kind: LedgerKind, recordIds: readonly string[]): Promise<SyncMapping[]> {
    const keys = [...new Set(recordIds)].map((id) => mappingKey(tenantId, kind, id, 'main'));
    if (keys.length === 0) return [];
    const docs = await this.#model.find({ tenantId: tenantObjectId(tenantId), _id: keys.length === 1 ? keys[0]! : { $in: keys } }).lean<SyncMappingDoc[]>();
    return docs.map(toMapping);
  }

  /** Changes fields of an existing mapping (none: nothing is written). */
  async update(tenantId: TenantId, ref: MappingRef, set: MappingFields): Promise<void> {
    await this.#model.updateOne(this.#filter(tenantId, ref), { $set: toDocFields(set) });
  }

  /** Writes fields of a mapping, creating it (`onInsert` too) when the record part has none yet. */
  async upsert(tenantId: TenantId, ref: MappingRef, set: MappingFields, onInsert: MappingFields = {}): Promise<void> {
    await this.#model.updateOne(this.#filter(tenantId, ref), { $set: toDocFields(set), $setOnInsert: { generation: 0, ...toDocFields(onInsert) } }, { upsert: true });
  }

  /**
   * RECREATE of a record whose QBO object was deleted there: forgets the object and starts a new
   * generation (new requestids), conditional on the state the caller checked. False when it no longer
   * holds (a second click, or another process, reset it first).
   */
  async resetDeleted(tenantId: TenantId, ref: MappingRef, qboId: string): Promise<boolean> {
    const reset = await this.#model.updateOne(
      { _id: mappingKey(tenantId, ref.kind, ref.recordId, ref.part ?? 'main'), tenantId: tenantObjectId(tenantId), remoteStatus: 'DELETED', qboId },
      { $set: { qboId: null, syncToken: null, syncedVersion: null, remoteStatus: 'ACTIVE', state: 'PENDING' }, $inc: { generation: 1 } },
    );
    return reset.modifiedCount > 0;
  }

  /** The record's link to its open issue (null: none). */
  async linkIssue(tenantId: TenantId, ref: MappingRef, issueId: string | null): Promise<void> {
    await this.update(tenantId, ref, { issueId });
  }

  /**
   * Mappings of records linked in one go (an import's new customers), in one round trip after their
   * claims: an object another record holds is left out (returned by QBO Id), a mapping already there
   * (an interrupted earlier import) is kept.
   */
  async insertClaimed(tenantId: TenantId, realmId: string, entity: QboEntity, mappings: (MappingRef & Pick<SyncMapping, 'qboId' | 'syncToken' | 'syncedVersion'> & { qboId: string })[]): Promise<Map<string, ClaimOwner>> {
    const refused = await this.claims.claimMany(
      tenantId,
      mappings.map((m) => ({ target: { realmId, entity, qboId: m.qboId }, owner: { kind: m.kind, recordId: m.recordId, part: m.part ?? 'main' } })),
    );
    const now = new Date();
    const docs = mappings
      .filter((m) => !refused.has(m.qboId))
      .map((m) => ({
        _id: mappingKey(tenantId, m.kind, m.recordId, m.part ?? 'main'),
        tenantId: tenantObjectId(tenantId),
        realmId,
        kind: m.kind,
        recordId: m.recordId,
        part: m.part ?? 'main',
        entity,
        qboId: m.qboId,
        syncToken: m.syncToken,
        syncedVersion: m.syncedVersion,
        generation: 0,
        state: 'SYNCED',
        issueId: null,
        issueCode: null,
        issueMessage: null,
        lastSyncedAt: now,
        remoteStatus: 'ACTIVE',
        createdAt: now,
        updatedAt: now,
      }));
    if (docs.length === 0) return refused;
    try {
      await this.#model.collection.insertMany(docs as never[], { ordered: false });
    } catch (error) {
      const writeErrors = (error as { writeErrors?: { code?: number }[] }).writeErrors ?? [];
      if (writeErrors.length === 0 || !writeErrors.every((w) => w.code === 11000)) throw error;
    }
    return refused;
  }

  // ---- by QBO object (reverse lookups, served by the `pull_reverse_lookup` index) ------------------

  /** The main mapping holding a QBO object of the realm. */
  async byQboId(tenantId: TenantId, realmId: string, kind: LedgerKind, qboId: string): Promise<SyncMapping | null> {
    const doc = await this.#model.findOne({ tenantId: tenantObjectId(tenantId), kind, part: 'main', qboId, ...inRealm(realmId) }).lean<SyncMappingDoc>();
    return doc ? toMapping(doc) : null;
  }

  /** The main mappings holding these QBO objects of the realm (one query per call: callers chunk). */
  async byQboIds(tenantId: TenantId, realmId: string, kind: LedgerKind, qboIds: readonly string[]): Promise<SyncMapping[]> {
    if (qboIds.length === 0) return [];
    const docs = await this.#model.find({ tenantId: tenantObjectId(tenantId), kind, part: 'main', qboId: { $in: [...qboIds] }, ...inRealm(realmId) }).lean<SyncMappingDoc[]>();
    return docs.map(toMapping);
  }

  /** What the pull needs of the mappings of a page's objects (kinds and Ids of one page). */
  async glances(tenantId: TenantId, realmId: string, kinds: readonly LedgerKind[], qboIds: readonly string[]): Promise<MappingGlance[]> {
    if (kinds.length === 0 || qboIds.length === 0) return [];
    const rows = await this.#model
      .find(
        { tenantId: tenantObjectId(tenantId), kind: kinds.length === 1 ? kinds[0]! : { $in: [...kinds] }, part: 'main', qboId: qboIds.length === 1 ? qboIds[0]! : { $in: [...qboIds] }, ...inRealm(realmId) },
        { kind: 1, qboId: 1, syncToken: 1, remoteStatus: 1 },
      )
      .lean<Pick<SyncMappingDoc, 'kind' | 'qboId' | 'syncToken' | 'remoteStatus'>[]>();
    return rows.filter((m) => m.qboId).map((m) => ({ kind: m.kind, qboId: m.qboId!, syncToken: m.syncToken ?? null, remoteStatus: m.remoteStatus }));
  }

  /** Record → QBO Id of every record of a kind linked in the realm (the customer import's matching index). */
  async linkedInRealm(tenantId: TenantId, realmId: string, kind: LedgerKind): Promise<{ recordId: string; qboId: string }[]> {
    const rows = await this.#model.find({ tenantId: tenantObjectId(tenantId), kind, part: 'main', qboId: { $ne: null }, ...inRealm(realmId) }, { recordId: 1, qboId: 1 }).lean<Pick<SyncMappingDoc, 'recordId' | 'qboId'>[]>();
    return rows.map((m) => ({ recordId: m.recordId, qboId: m.qboId! }));
  }

  /**
   * A page of the realm's live (ACTIVE) main mappings of a kind, in key order after `after` (a cursor
   * from the previous page): the CDC checks them for objects deleted in QuickBooks.
   */
  async livePage(tenantId: TenantId, realmId: string, kind: LedgerKind, after: string | undefined, limit: number): Promise<{ qboIds: string[]; next: string | undefined }> {
    const rows = await this.#model
      .find({ tenantId: tenantObjectId(tenantId), kind, part: 'main', qboId: { $ne: null }, remoteStatus: 'ACTIVE', ...inRealm(realmId), ...(after ? { _id: { $gt: after } } : {}) }, { qboId: 1 })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<Pick<SyncMappingDoc, '_id' | 'qboId'>[]>();
    return { qboIds: rows.map((m) => m.qboId!), next: rows.at(-1)?._id };
  }

  // ---- by state --------------------------------------------------------------------------------

  /** Records settled as SKIPPED (dated before the start date). */
  async skipped(tenantId: TenantId): Promise<{ kind: LedgerKind; recordId: string }[]> {
    const rows = await this.#model.find({ tenantId: tenantObjectId(tenantId), state: 'SKIPPED', part: 'main' }, { kind: 1, recordId: 1 }).lean<Pick<SyncMappingDoc, 'kind' | 'recordId'>[]>();
    return rows.map((r) => ({ kind: r.kind, recordId: r.recordId }));
  }

  /** Mappings without a realm (written before realms were recorded) are stamped with the tenant's company of the time. */
  async stampLegacyRealm(tenantId: TenantId, realmId: string): Promise<void> {
    await this.#model.updateMany({ tenantId: tenantObjectId(tenantId), realmId: null }, { $set: { realmId } });
  }

  // ---- start-up migration ------------------------------------------------------------------------

  /**
   * Mappings written before claims existed get theirs, once (a marker records it), so a QBO object
   * they hold is not free for another record. Where two already share one, the first keeps it. Reads
   * every tenant's mappings once at start-up: the only cross-tenant read of this collection.
   * `realmOf` names the tenant's connected company (for mappings without a realm).
   */
  async claimExistingMappingsOfEveryTenant(realmOf: (tenantId: TenantId) => Promise<string | undefined>): Promise<void> {
    if (await this.claims.isMigrated('existing-mappings')) return;
    const realms = new Map<string, string | undefined>();
    const batch: { tenantId: TenantId; target: ClaimTarget; owner: ClaimOwner }[] = [];
    // A walk of the whole collection in `_id` order (served by the `_id` index), keeping mapped ones.
    const every = crossTenantCollection(this.#model as unknown as Model<unknown>, 'start-up migration: claims of existing mappings').find({ _id: { $gte: '' }, qboId: { $ne: null } } as never);
    for await (const m of every as AsyncIterable<SyncMappingDoc>) {
      const tenantId = tenantIdOf(m.tenantId);
      if (!realms.has(tenantId)) realms.set(tenantId, await realmOf(tenantId));
      const realmId = m.realmId ?? realms.get(tenantId);
      if (!realmId || !m.qboId) continue;
      batch.push({ tenantId, target: { realmId, entity: m.entity, qboId: m.qboId }, owner: { kind: m.kind, recordId: m.recordId, part: m.part } });
      if (batch.length >= 500) await this.claims.claimManyAcrossTenantsForMigration(batch.splice(0));
    }
    await this.claims.claimManyAcrossTenantsForMigration(batch);
    await this.claims.markMigrated('existing-mappings');
  }
}

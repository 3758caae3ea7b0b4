/**
 * Claims on QBO objects: before a mapping takes a QBO Id, the record claims (realm, entity, Id) with an
 * insert under a deterministic `_id`. The first claimant wins, on FerretDB and MongoDB alike and across
 * processes; a later one learns who holds the object and must not map to it. A record re-claiming its
 * own object (a retry, a crash between claim and mapping) is a no-op.
 *
 * Every claim is a lookup, insert or delete by `_id` (the key starts with the tenant): no other index.
 */
import { type Connection, type Model } from 'mongoose';
import { crossTenantCollection } from '../cross-tenant.collection.js';
import { type TenantId, tenantObjectId } from '../tenant-id.js';
import { type QboEntity } from '../../providers/quickbooks/qbo.client.js';
import { type LedgerKind } from '../../ledger/ledger-record.types.js';
import { claimKey, type MappingClaimDoc, mappingClaimModel, type MappingPart } from './sync-mapping.model.js';

export interface ClaimOwner {
  kind: LedgerKind;
  recordId: string;
  part: MappingPart;
}

/** The QBO object claimed: its company, entity and Id (the tenant is the methods' first argument). */
export interface ClaimTarget {
  realmId: string;
  entity: QboEntity;
  qboId: string;
}

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

function sameOwner(claim: Pick<MappingClaimDoc, 'kind' | 'recordId' | 'part'>, owner: ClaimOwner): boolean {
  return claim.kind === owner.kind && claim.recordId === owner.recordId && claim.part === owner.part;
}

export class MappingClaimRepository {
  readonly #model: Model<MappingClaimDoc>;

  constructor(connection: Connection) {
    this.#model = mappingClaimModel(connection);
  }

  async init(): Promise<void> {
    await this.#model.init();
  }

  #key(tenantId: TenantId, target: ClaimTarget): string {
    return claimKey(tenantId, target.realmId, target.entity, target.qboId);
  }

  #doc(tenantId: TenantId, target: ClaimTarget, owner: ClaimOwner): MappingClaimDoc {
    return {
      _id: this.#key(tenantId, target),
      tenantId: tenantObjectId(tenantId),
      realmId: target.realmId,
      entity: target.entity,
      qboId: target.qboId,
      kind: owner.kind,
      recordId: owner.recordId,
      part: owner.part,
    };
  }

  /** Claims the object for `owner`. Returns null when it is the owner's, else the record holding it. */
  async claim(tenantId: TenantId, target: ClaimTarget, owner: ClaimOwner): Promise<ClaimOwner | null> {
    try {
      await this.#model.collection.insertOne({ ...this.#doc(tenantId, target, owner), createdAt: new Date() } as never);
      return null;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const holder = await this.holderOf(tenantId, target);
    if (!holder || sameOwner(holder, owner)) return holder ? null : this.claim(tenantId, target, owner); // released meanwhile: try again
    return holder;
  }

  /** Claims many objects of the tenant at once (an import's page); each one already held by someone else is returned by its Id. */
  async claimMany(tenantId: TenantId, targets: { target: ClaimTarget; owner: ClaimOwner }[]): Promise<Map<string, ClaimOwner>> {
    return this.#claimMany(targets.map((t) => ({ tenantId, ...t })));
  }

  async #claimMany(targets: { tenantId: TenantId; target: ClaimTarget; owner: ClaimOwner }[]): Promise<Map<string, ClaimOwner>> {
    const refused = new Map<string, ClaimOwner>();
    if (targets.length === 0) return refused;
    try {
      await this.#model.collection.insertMany(targets.map((t) => ({ ...this.#doc(t.tenantId, t.target, t.owner), createdAt: new Date() }) as never), { ordered: false });
    } catch (error) {
      const writeErrors = (error as { writeErrors?: { code?: number; index: number }[] }).writeErrors ?? [];
      if (writeErrors.length === 0 || !writeErrors.every((w) => w.code === 11000)) throw error;
      for (const w of writeErrors) {
        const { tenantId, target, owner } = targets[w.index]!;
        const holder = await this.holderOf(tenantId, target);
        if (holder && !sameOwner(holder, owner)) refused.set(target.qboId, holder);
      }
    }
    return refused;
  }

  /**
   * Start-up migration only (claims of mappings written before claims existed): one batch may hold
   * several tenants' claims. Named apart so no request path crosses tenants.
   */
  async claimManyAcrossTenantsForMigration(targets: { tenantId: TenantId; target: ClaimTarget; owner: ClaimOwner }[]): Promise<void> {
    await this.#claimMany(targets);
  }

  /** One-time migrations of the claims collection (a marker document under a reserved `_id`). */
  async isMigrated(name: string): Promise<boolean> {
    return !!(await crossTenantCollection(this.#model as unknown as Model<unknown>, 'migration marker').findOne({ _id: `migration:${name}` as never }));
  }

  async markMigrated(name: string): Promise<void> {
    await crossTenantCollection(this.#model as unknown as Model<unknown>, 'migration marker (no tenant)').insertOne({ _id: `migration:${name}` as never, at: new Date() }).catch((error: unknown) => {
      if (!isDuplicateKey(error)) throw error;
    });
  }

  async holderOf(tenantId: TenantId, target: ClaimTarget): Promise<ClaimOwner | null> {
    const doc = await this.#model.findOne({ _id: this.#key(tenantId, target), tenantId: tenantObjectId(tenantId) }).lean();
    return doc ? { kind: doc.kind, recordId: doc.recordId, part: doc.part } : null;
  }

  /** Hands the claim from `from` to `to` (a pull's pending FSM payment, once written); a claim `from` no longer holds is left alone. */
  async transfer(tenantId: TenantId, target: ClaimTarget, from: ClaimOwner, to: ClaimOwner): Promise<void> {
    await this.#model.updateOne(
      { _id: this.#key(tenantId, target), tenantId: tenantObjectId(tenantId), kind: from.kind, recordId: from.recordId, part: from.part },
      { $set: { kind: to.kind, recordId: to.recordId, part: to.part } },
    );
  }

  /** The owner lets the object go (unlinked, or deleted in QBO); someone else's claim is left alone. */
  async release(tenantId: TenantId, target: ClaimTarget, owner: ClaimOwner): Promise<void> {
    const holder = await this.holderOf(tenantId, target);
    if (holder && sameOwner(holder, owner)) await this.#model.collection.deleteOne({ _id: this.#key(tenantId, target) as never });
  }
}

/**
 * `sync_outbox` and `sync_outbox_subjects`: the record of every outbound QBO write (its deterministic
 * requestid, what it writes, the payload and its outcome) and, per subject, the creates whose outcome
 * is not settled yet. The exactly-once logic lives in src/sync/outbox.service.ts; this is its storage.
 *
 * The write path goes by `_id` only (an entry is keyed tenant + requestid, a subject tenant + subject),
 * FerretDB's one usable index. The pull's questions ("is this QBO object one the gateway wrote?", "is a
 * create of this entity in flight?") are served by the indexes declared on the schema.
 */
import { type Connection, type Model } from 'mongoose';
import { migrateToKeyedIds } from '../id-lookups.js';
import { crossTenantCollection } from '../cross-tenant.collection.js';
import { type TenantId, tenantIdOf, tenantObjectId } from '../tenant-id.js';
import { type QboEntity } from '../../providers/quickbooks/qbo.client.js';
import { type OutboxEntryDoc, outboxKeyOf, outboxModel, type OutboxStatus, type OutboxSubjectDoc, outboxSubjectModel, type WriteOperation } from './outbox.model.js';

export type { OutboxStatus } from './outbox.model.js';

/** An outbound write as the sync engine sees it. */
export interface OutboxEntry {
  tenantId: TenantId;
  realmId: string;
  requestId: string;
  /** What the write is for: "invoice:<id>:main", "item:LABOUR:<account>"... */
  subject: string;
  operation: WriteOperation;
  entity: QboEntity;
  version: number;
  generation: number;
  /** JSON of the body sent. */
  payload: string;
  status: OutboxStatus;
  attempts: number;
  resultId: string | null;
  resultSyncToken: string | null;
  error: string | null;
}

export type NewOutboxEntry = Omit<OutboxEntry, 'tenantId' | 'status' | 'attempts' | 'resultId' | 'resultSyncToken' | 'error'>;

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

function toEntry(doc: OutboxEntryDoc): OutboxEntry {
  return {
    tenantId: tenantIdOf(doc.tenantId),
    realmId: doc.realmId,
    requestId: doc.requestId,
    subject: doc.subject,
    operation: doc.operation,
    entity: doc.entity,
    version: doc.version,
    generation: doc.generation,
    payload: doc.payload,
    status: doc.status,
    attempts: doc.attempts,
    resultId: doc.resultId ?? null,
    resultSyncToken: doc.resultSyncToken ?? null,
    error: doc.error ?? null,
  };
}

const OPEN_CREATES_MIGRATION = 'migration:open-creates';

export class OutboxRepository {
  readonly #model: Model<OutboxEntryDoc>;
  readonly #subjects: Model<OutboxSubjectDoc>;

  constructor(connection: Connection) {
    this.#model = outboxModel(connection);
    this.#subjects = outboxSubjectModel(connection);
  }

  /** Indexes and the start-up migrations (keyed ids; open creates of outboxes written before subjects were tracked). */
  async init(): Promise<void> {
    await this.#model.init();
    await this.#subjects.init();
    await migrateToKeyedIds(this.#model as unknown as Model<never>, outboxKeyOf);
    await this.#adoptLegacyOpenCreatesOfEveryTenant();
  }

  // ---- entries (by `_id`: tenant + requestid) --------------------------------------------------

  async get(tenantId: TenantId, requestId: string): Promise<OutboxEntry | null> {
    const doc = await this.#model.findOne({ tenantId: tenantObjectId(tenantId), requestId }).lean<OutboxEntryDoc>();
    return doc ? toEntry(doc) : null;
  }

  async statusOf(tenantId: TenantId, requestId: string): Promise<OutboxStatus | undefined> {
    return (await this.#model.findOne({ tenantId: tenantObjectId(tenantId), requestId }, { status: 1 }).lean<Pick<OutboxEntryDoc, 'status'>>())?.status;
  }

  /** Records a write before it is sent (PENDING, first attempt). False when it was recorded already (a concurrent writer: same requestid, same effect). */
  async record(tenantId: TenantId, entry: NewOutboxEntry): Promise<boolean> {
    try {
      await this.#model.create({ ...entry, tenantId: tenantObjectId(tenantId), status: 'PENDING', attempts: 1 });
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return false;
    }
  }

  async countAttempt(tenantId: TenantId, requestId: string): Promise<void> {
    await this.#model.updateOne({ tenantId: tenantObjectId(tenantId), requestId }, { $inc: { attempts: 1 } });
  }

  async markDone(tenantId: TenantId, requestId: string, result: { Id: string; SyncToken?: string }): Promise<void> {
    await this.#model.updateOne({ tenantId: tenantObjectId(tenantId), requestId }, { $set: { status: 'DONE', resultId: result.Id, resultSyncToken: result.SyncToken ?? null } });
  }

  /** QBO definitively rejected the write: nothing was written, and the next attempt takes a new requestid. */
  async markFailed(tenantId: TenantId, requestId: string, error: string): Promise<void> {
    await this.#model.updateOne({ tenantId: tenantObjectId(tenantId), requestId }, { $set: { status: 'FAILED', error } });
  }

  // ---- open creates of a subject (by `_id`: tenant + subject) -----------------------------------------

  async openCreates(tenantId: TenantId, subject: string): Promise<string[]> {
    return (await this.#subjects.findOne({ tenantId: tenantObjectId(tenantId), subject }).lean<OutboxSubjectDoc>())?.openCreates ?? [];
  }

  async listOpenCreate(tenantId: TenantId, subject: string, requestId: string): Promise<void> {
    await this.#subjects.updateOne({ tenantId: tenantObjectId(tenantId), subject }, { $addToSet: { openCreates: requestId } }, { upsert: true });
  }

  async unlistOpenCreates(tenantId: TenantId, subject: string, requestIds: string[]): Promise<void> {
    await this.#subjects.updateOne({ tenantId: tenantObjectId(tenantId), subject }, { $pullAll: { openCreates: requestIds } });
  }

  // ---- the pull's view (served by the indexes declared on the schema) ------------------------------

  /** Whether the gateway wrote this QBO object (an entry names it as its result). */
  async wroteObject(tenantId: TenantId, realmId: string, entity: QboEntity, qboId: string): Promise<boolean> {
    return !!(await this.#model.exists({ tenantId: tenantObjectId(tenantId), resultId: qboId, realmId, entity }));
  }

  /** Which of these QBO objects of the entities the gateway wrote (entity and Id of each). */
  async writtenObjects(tenantId: TenantId, realmId: string, entities: QboEntity[], qboIds: string[]): Promise<{ entity: QboEntity; resultId: string }[]> {
    if (qboIds.length === 0) return [];
    const rows = await this.#model.find({ tenantId: tenantObjectId(tenantId), resultId: { $in: qboIds }, realmId, entity: { $in: entities } }, { entity: 1, resultId: 1 }).lean<Pick<OutboxEntryDoc, 'entity' | 'resultId'>[]>();
    return rows.map((r) => ({ entity: r.entity, resultId: r.resultId! }));
  }

  /** Whether a create of the entity is in flight in the realm (recorded, outcome unknown). */
  async createInFlight(tenantId: TenantId, realmId: string, entity: QboEntity): Promise<boolean> {
    return !!(await this.#model.exists({ tenantId: tenantObjectId(tenantId), status: 'PENDING', operation: 'create', realmId, entity }));
  }

  /** The creates of these entities in flight in the realm, with what they send (their names and numbers). */
  async createsInFlight(tenantId: TenantId, realmId: string, entities: QboEntity[]): Promise<{ entity: QboEntity; payload: string }[]> {
    return this.#model.find({ tenantId: tenantObjectId(tenantId), status: 'PENDING', operation: 'create', realmId, entity: { $in: entities } }, { entity: 1, payload: 1 }).lean<{ entity: QboEntity; payload: string }[]>();
  }

  // ---- start-up migration ------------------------------------------------------------------------

  /** Outboxes written before subjects were tracked: their pending creates are listed once (a marker records it). */
  async #adoptLegacyOpenCreatesOfEveryTenant(): Promise<void> {
    const marker = await this.#subjects.collection.findOne({ _id: OPEN_CREATES_MIGRATION as never });
    if (marker) return;
    const open = await crossTenantCollection(this.#model as unknown as Model<unknown>, 'start-up migration over every tenant').find({ operation: 'create', status: 'PENDING' }, { projection: { tenantId: 1, subject: 1, requestId: 1 } }).toArray();
    for (const entry of open) {
      await this.listOpenCreate(tenantIdOf(entry.tenantId as never), String(entry.subject), String(entry.requestId));
    }
    await crossTenantCollection(this.#subjects as unknown as Model<unknown>, 'the migration marker belongs to no tenant').insertOne({ _id: OPEN_CREATES_MIGRATION as never, at: new Date() }).catch((e: unknown) => {
      if (!isDuplicateKey(e)) throw e;
    });
  }
}

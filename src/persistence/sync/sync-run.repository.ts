/**
 * `sync_runs`: push runs (src/sync/sync-run.service.ts) and pull runs (src/pull/pull-run.service.ts).
 * Status changes are plain writes: the services serialise them with leases (FerretDB runs a filtered
 * update as read-then-write, so no update here is a compare-and-swap). Queries are served by the
 * indexes declared on the schema: (tenant, _id) for a run and the newest-first list, (tenant, status)
 * for the queue.
 */
import { type Connection, type Model, Types } from 'mongoose';
import { crossTenantCollection } from '../cross-tenant.collection.js';
import { asTenantId, type TenantId, tenantIdOf, tenantObjectId } from '../tenant-id.js';
import { type SyncRun, type SyncRunDoc, syncRunModel } from './sync-run.model.js';

export type { KindCount, SyncRun, SyncTrigger } from './sync-run.model.js';

/** What a new run is (the rest takes its defaults: queued, nothing counted). */
export type NewSyncRun = Pick<SyncRun, 'status' | 'trigger' | 'scope' | 'direction' | 'dryRun' | 'recordIds' | 'queuedAt'> & Partial<Pick<SyncRun, 'phase' | 'startedAt'>>;

/** The fields a write may set (everything but the identity). */
export type SyncRunFields = Partial<Omit<SyncRun, 'id' | 'tenantId'>>;

function toRun(doc: SyncRunDoc): SyncRun {
  const { _id, tenantId, ...rest } = doc as SyncRunDoc & { __v?: number; createdAt?: Date; updatedAt?: Date };
  delete (rest as { __v?: number }).__v;
  return { ...rest, id: _id.toHexString(), tenantId: tenantIdOf(tenantId) };
}

function objectId(id: string): Types.ObjectId | null {
  return /^[0-9a-f]{24}$/i.test(id) ? new Types.ObjectId(id) : null;
}

export class SyncRunRepository {
  readonly #model: Model<SyncRunDoc>;

  constructor(connection: Connection) {
    this.#model = syncRunModel(connection);
  }

  init(): Promise<unknown> {
    return this.#model.init();
  }

  /** The run, or null when the id is not one (or not the tenant's). */
  async get(tenantId: TenantId, id: string): Promise<SyncRun | null> {
    const _id = objectId(id);
    const doc = _id ? await this.#model.findOne({ tenantId: tenantObjectId(tenantId), _id }).lean<SyncRunDoc>() : null;
    return doc ? toRun(doc) : null;
  }

  /** Whether the run was asked to stop (null: no such run). */
  async cancelRequested(tenantId: TenantId, id: string): Promise<boolean | null> {
    const _id = objectId(id);
    const doc = _id ? await this.#model.findOne({ tenantId: tenantObjectId(tenantId), _id }, { cancelRequested: 1 }).lean<Pick<SyncRunDoc, 'cancelRequested'>>() : null;
    return doc ? doc.cancelRequested === true : null;
  }

  /** Newest first: up to `limit` runs older than `beforeId` (a valid id), and the count of every run. */
  async page(tenantId: TenantId, beforeId: string | undefined, limit: number): Promise<{ rows: SyncRun[]; totalCount: number }> {
    const base = { tenantId: tenantObjectId(tenantId) };
    const [rows, totalCount] = await Promise.all([
      this.#model.find({ ...base, ...(beforeId ? { _id: { $lt: new Types.ObjectId(beforeId) } } : {}) }).sort({ _id: -1 }).limit(limit).lean<SyncRunDoc[]>(),
      this.#model.countDocuments(base),
    ]);
    return { rows: rows.map(toRun), totalCount };
  }

  async create(tenantId: TenantId, run: NewSyncRun): Promise<SyncRun> {
    const created = await this.#model.create({ ...run, tenantId: tenantObjectId(tenantId) });
    return toRun(created.toObject());
  }

  /**
   * The oldest queued (real) run; `joinable`: only one for every pending record (not a retry of some),
   * which a new request may join instead of queueing behind it.
   */
  async oldestQueued(tenantId: TenantId, options: { joinable?: boolean } = {}): Promise<SyncRun | null> {
    const doc = await this.#model
      .findOne({ tenantId: tenantObjectId(tenantId), status: 'QUEUED', dryRun: false, ...(options.joinable ? { recordIds: null } : {}) })
      .sort({ _id: 1 })
      .lean<SyncRunDoc>();
    return doc ? toRun(doc) : null;
  }

  async hasQueued(tenantId: TenantId): Promise<boolean> {
    return !!(await this.#model.findOne({ tenantId: tenantObjectId(tenantId), status: 'QUEUED', dryRun: false }, { _id: 1 }).lean());
  }

  async update(tenantId: TenantId, id: string, set: SyncRunFields): Promise<void> {
    await this.#model.updateOne({ tenantId: tenantObjectId(tenantId), _id: new Types.ObjectId(id) }, { $set: set });
  }

  /** Asks a RUNNING run to stop between records (a run in another status is left alone). */
  async requestCancel(tenantId: TenantId, id: string): Promise<void> {
    await this.#model.updateOne({ tenantId: tenantObjectId(tenantId), _id: new Types.ObjectId(id), status: 'RUNNING' }, { $set: { cancelRequested: true } });
  }

  /** Every RUNNING real run of the tenant gets `set` (a crashed process's runs, closed by the new lease holder). */
  async closeRunning(tenantId: TenantId, set: SyncRunFields): Promise<void> {
    await this.#model.updateMany({ tenantId: tenantObjectId(tenantId), status: 'RUNNING', dryRun: false }, { $set: set });
  }

  /** The tenant's RUNNING push runs, oldest first: left by a process that stopped, taken over by the new lease holder. */
  async runningPush(tenantId: TenantId): Promise<SyncRun[]> {
    const docs = await this.#model.find({ tenantId: tenantObjectId(tenantId), status: 'RUNNING', dryRun: false, direction: 'PUSH' }).sort({ _id: 1 }).lean<SyncRunDoc[]>();
    return docs.map(toRun);
  }

  /** Cross-tenant by design: the tenants with a RUNNING push run (any instance may take over any tenant's run). */
  async tenantsWithRunningPushAcrossTenants(): Promise<TenantId[]> {
    const rows = await crossTenantCollection(this.#model, 'unfinished runs of every tenant').find({ status: 'RUNNING', dryRun: false, direction: 'PUSH' }, { projection: { tenantId: 1 } }).toArray();
    return [...new Set(rows.map((r) => String(r.tenantId)))].map(asTenantId);
  }
}

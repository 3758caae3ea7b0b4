/**
 * `pull_changes`: the log of changes made in QuickBooks and applied to the FSM (what the
 * `quickBooksChanges` query lists, newest first, through the (tenant, _id) index).
 */
import { type Connection, type Model, Types } from 'mongoose';
import { type TenantId, tenantObjectId } from '../tenant-id.js';
import { pullModels, type QuickBooksChange, type QuickBooksChangeDoc } from './pull.model.js';

export type { QuickBooksChange, QuickBooksChangeKind } from './pull.model.js';

function toChange(doc: QuickBooksChangeDoc): QuickBooksChange {
  return { id: doc._id.toHexString(), kind: doc.kind, entity: doc.entity, qboId: doc.qboId, recordKind: doc.recordKind ?? null, recordId: doc.recordId ?? null, message: doc.message, at: doc.at };
}

export class QuickBooksChangeRepository {
  readonly #model: Model<QuickBooksChangeDoc>;

  constructor(connection: Connection) {
    this.#model = pullModels(connection).changes;
  }

  init(): Promise<unknown> {
    return this.#model.init();
  }

  async add(tenantId: TenantId, change: Omit<QuickBooksChange, 'id'>): Promise<QuickBooksChange> {
    return (await this.addMany(tenantId, [change]))[0]!;
  }

  async addMany(tenantId: TenantId, changes: Omit<QuickBooksChange, 'id'>[]): Promise<QuickBooksChange[]> {
    if (changes.length === 0) return [];
    const docs = await this.#model.insertMany(changes.map((c) => ({ ...c, tenantId: tenantObjectId(tenantId) })));
    return docs.map((d) => toChange(d.toObject() as QuickBooksChangeDoc));
  }

  /** Newest first: up to `limit` older than `beforeId` (a valid id), and the count of the whole log. */
  async page(tenantId: TenantId, beforeId: string | undefined, limit: number): Promise<{ rows: QuickBooksChange[]; totalCount: number }> {
    const base = { tenantId: tenantObjectId(tenantId) };
    const [rows, totalCount] = await Promise.all([
      this.#model.find({ ...base, ...(beforeId ? { _id: { $lt: new Types.ObjectId(beforeId) } } : {}) }).sort({ _id: -1 }).limit(limit).lean<QuickBooksChangeDoc[]>(),
      this.#model.countDocuments(base),
    ]);
    return { rows: rows.map(toChange), totalCount };
  }
}

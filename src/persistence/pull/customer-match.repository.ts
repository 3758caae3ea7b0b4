/**
 * `pull_customer_matches`: the outcome of each imported QuickBooks customer (linked, created or
 * ambiguous). Keyed `<tenant>:<QBO id>` (FerretDB serves `_id` lookups from its primary key, and an
 * import writes thousands); the list and counts by status use the (tenant, status) index.
 */
import { type Connection, type Model, Types } from 'mongoose';
import { type TenantId, tenantObjectId } from '../tenant-id.js';
import { type CustomerMatch, type CustomerMatchDoc, type CustomerMatchStatus, pullModels } from './pull.model.js';

export type { CustomerMatch, CustomerMatchStatus } from './pull.model.js';

/** What an import decides about a QBO customer. */
export type CustomerMatchOutcome = Pick<CustomerMatch, 'status' | 'customerId' | 'reason' | 'score' | 'candidateIds' | 'runId'>;

function matchKey(tenantId: TenantId, qboId: string): string {
  return `${tenantId}:${qboId}`;
}

function toMatch(doc: CustomerMatchDoc): CustomerMatch {
  return {
    id: doc._id,
    qboId: doc.qboId,
    qboDisplayName: doc.qboDisplayName,
    status: doc.status,
    customerId: doc.customerId ?? null,
    reason: doc.reason ?? null,
    score: doc.score ?? null,
    candidateIds: doc.candidateIds ?? [],
    runId: doc.runId ? doc.runId.toHexString() : null,
    updatedAt: doc.updatedAt,
  };
}

function stored(outcome: Partial<CustomerMatchOutcome>): Record<string, unknown> {
  return 'runId' in outcome ? { ...outcome, runId: outcome.runId ? new Types.ObjectId(outcome.runId) : null } : outcome;
}

export class CustomerMatchRepository {
  readonly #model: Model<CustomerMatchDoc>;

  constructor(connection: Connection) {
    this.#model = pullModels(connection).customerMatches;
  }

  init(): Promise<unknown> {
    return this.#model.init();
  }

  async get(tenantId: TenantId, qboId: string): Promise<CustomerMatch | null> {
    const doc = await this.#model.findOne({ _id: matchKey(tenantId, qboId), tenantId: tenantObjectId(tenantId) }).lean<CustomerMatchDoc>();
    return doc ? toMatch(doc) : null;
  }

  /** Which of these QBO customers the import decided about already. */
  async decidedAmong(tenantId: TenantId, qboIds: string[]): Promise<Set<string>> {
    if (qboIds.length === 0) return new Set();
    const rows = await this.#model.find({ tenantId: tenantObjectId(tenantId), _id: { $in: qboIds.map((id) => matchKey(tenantId, id)) } }, { qboId: 1 }).lean<Pick<CustomerMatchDoc, 'qboId'>[]>();
    return new Set(rows.map((m) => m.qboId));
  }

  /** An import page's outcomes in one round trip; returns the positions of those already recorded (left as they were). */
  async insertMany(tenantId: TenantId, matches: { qboId: string; qboDisplayName: string; outcome: CustomerMatchOutcome }[], at: Date): Promise<Set<number>> {
    const existing = new Set<number>();
    if (matches.length === 0) return existing;
    const docs = matches.map((m) => ({ _id: matchKey(tenantId, m.qboId), tenantId: tenantObjectId(tenantId), qboId: m.qboId, qboDisplayName: m.qboDisplayName, ...stored(m.outcome), updatedAt: at }));
    try {
      await this.#model.collection.insertMany(docs as never[], { ordered: false });
    } catch (error) {
      const writeErrors = (error as { writeErrors?: { code?: number; index: number }[] }).writeErrors ?? [];
      if (writeErrors.length === 0 || !writeErrors.every((w) => w.code === 11000)) throw error;
      for (const w of writeErrors) existing.add(w.index);
    }
    return existing;
  }

  /** Records the outcome for the QBO customer; `keepExisting`: one already recorded is left as it was. */
  async save(tenantId: TenantId, qboId: string, qboDisplayName: string, outcome: Partial<CustomerMatchOutcome>, at: Date, keepExisting = false): Promise<void> {
    const filter = { _id: matchKey(tenantId, qboId), tenantId: tenantObjectId(tenantId), qboId };
    const fields = { ...stored(outcome), qboDisplayName, updatedAt: at };
    await this.#model.updateOne(filter, keepExisting ? { $setOnInsert: fields } : { $set: fields }, { upsert: true });
  }

  /** Newest first (by key): up to `limit` after the cursor `beforeId` (a row's id), and the count of the whole list. */
  async page(tenantId: TenantId, status: CustomerMatchStatus | null, beforeId: string | undefined, limit: number): Promise<{ rows: CustomerMatch[]; totalCount: number }> {
    const base = { tenantId: tenantObjectId(tenantId), ...(status ? { status } : {}) };
    const [rows, totalCount] = await Promise.all([
      this.#model.find({ ...base, ...(beforeId ? { _id: { $lt: beforeId } } : {}) }).sort({ _id: -1 }).limit(limit).lean<CustomerMatchDoc[]>(),
      this.#model.countDocuments(base),
    ]);
    return { rows: rows.map(toMatch), totalCount };
  }

  async count(tenantId: TenantId, status: CustomerMatchStatus): Promise<number> {
    return this.#model.countDocuments({ tenantId: tenantObjectId(tenantId), status });
  }
}

/**
 * Exactly-once writes to QBO. Every write is first recorded (outbox, PENDING) under a deterministic
 * requestid, then sent with it; the caller stores the result in its mapping and only then marks the
 * entry DONE. After a crash, a lost response or a timeout the same write is sent again with the same
 * requestid and QBO replays its first answer. A create whose outcome is unknown (a PENDING entry of an
 * older version of the record) is resolved before a new one is attempted: first by the natural key
 * when the entity has one (DocNumber, DisplayName, Name: this also covers QBO forgetting requestids),
 * then by replaying the old requestid. A write QBO definitively rejected is FAILED, and the next
 * attempt uses a new requestid, because QBO would otherwise replay the old fault.
 */
import { type Connection, type Model, Types } from 'mongoose';
import { type QboClient, type QboEntity, type QboRecord } from '../quickbooks/qbo.client.js';
import { QboError } from '../quickbooks/qbo.errors.js';
import { type OutboxEntry, outboxModel } from './outbox.model.js';
import { requestIdFor, type WriteOperation } from './request-id.rules.js';

export interface WriteRequest {
  tenantId: string;
  subject: string;
  operation: WriteOperation;
  entity: QboEntity;
  version: number;
  generation: number;
  /** Updates: the SyncToken the body carries. */
  baseSyncToken?: string;
  body: Record<string, unknown>;
  /** Creates of entities with a natural key: finds the object if an earlier attempt created it. */
  findExisting?: () => Promise<QboRecord | undefined>;
}

export interface WriteResult {
  record: QboRecord;
  requestId: string;
  /** True when an earlier attempt's object was found instead of sending (the caller may need to update it). */
  adopted: boolean;
}

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

export class OutboxService {
  readonly #model: Model<OutboxEntry>;

  constructor(connection: Connection) {
    this.#model = outboxModel(connection);
  }

  init(): Promise<unknown> {
    return this.#model.init();
  }

  async write(client: QboClient, request: WriteRequest): Promise<WriteResult> {
    const tenantId = new Types.ObjectId(request.tenantId);
    if (request.operation === 'create') {
      const earlier = await this.#resolveEarlierCreate(client, request);
      if (earlier) return earlier;
    }
    const requestId = await this.#requestId(request);
    const existing = await this.#model.findOne({ tenantId, requestId }).lean();
    if (existing?.status === 'DONE' && existing.resultId) {
      return { record: { Id: existing.resultId, SyncToken: existing.resultSyncToken ?? '0' }, requestId, adopted: false };
    }
    if (!existing) {
      try {
        await this.#model.create({
          tenantId,
          realmId: client.realmId,
          requestId,
          subject: request.subject,
          operation: request.operation,
          entity: request.entity,
          version: request.version,
          generation: request.generation,
          payload: JSON.stringify(request.body),
          status: 'PENDING',
        });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error; // a concurrent writer recorded the same write: same requestid, same effect
      }
    }
    const record = await this.#send(client, request.entity, request.operation, request.body, requestId, tenantId);
    return { record, requestId, adopted: false };
  }

  /** The caller stored the result in its mapping: the write is complete. */
  async done(tenantId: string, requestId: string, record: { Id: string; SyncToken?: string }): Promise<void> {
    await this.#model.updateOne(
      { tenantId: new Types.ObjectId(tenantId), requestId },
      { $set: { status: 'DONE', resultId: record.Id, resultSyncToken: record.SyncToken ?? null } },
    );
  }

  /** Marks every unresolved create of `subject` done (its object was found or adopted). */
  async settleCreates(tenantId: string, subject: string, record: { Id: string; SyncToken?: string }): Promise<void> {
    await this.#model.updateMany(
      { tenantId: new Types.ObjectId(tenantId), subject, operation: 'create', status: 'PENDING' },
      { $set: { status: 'DONE', resultId: record.Id, resultSyncToken: record.SyncToken ?? null } },
    );
  }

  /** Unresolved writes (for the status of a record and for tests). */
  pending(tenantId: string, subject?: string): Promise<OutboxEntry[]> {
    return this.#model.find({ tenantId: new Types.ObjectId(tenantId), status: 'PENDING', ...(subject ? { subject } : {}) }).lean();
  }

  /** A new requestid after each definitive rejection of the same write (QBO replays faults too). */
  async #requestId(request: WriteRequest): Promise<string> {
    const parts = { tenantId: request.tenantId, subject: request.subject, version: request.version, operation: request.operation, generation: request.generation };
    const failed = await this.#model.countDocuments({
      tenantId: new Types.ObjectId(request.tenantId),
      subject: request.subject,
      operation: request.operation,
      version: request.version,
      generation: request.generation,
      status: 'FAILED',
    });
    const base = request.baseSyncToken ?? '';
    return requestIdFor({ ...parts, baseSyncToken: failed > 0 ? `${base}#${failed}` : request.baseSyncToken });
  }

  async #resolveEarlierCreate(client: QboClient, request: WriteRequest): Promise<WriteResult | undefined> {
    const tenantId = new Types.ObjectId(request.tenantId);
    const open = await this.#model.find({ tenantId, subject: request.subject, operation: 'create', status: 'PENDING', generation: request.generation }).sort({ version: 1 }).lean();
    if (open.length === 0) return undefined;
    if (request.findExisting) {
      const found = await request.findExisting();
      if (found) return { record: found, requestId: open[0]!.requestId, adopted: true };
    }
    // Replay the oldest unresolved create under its own requestid: QBO answers with the object it
    // created then (or creates it now, once); newer versions then become updates.
    const first = open[0]!;
    if (first.version === request.version) return undefined; // the normal path sends exactly this one
    const record = await this.#send(client, first.entity, 'create', JSON.parse(first.payload) as Record<string, unknown>, first.requestId, tenantId);
    return { record, requestId: first.requestId, adopted: true };
  }

  async #send(client: QboClient, entity: QboEntity, operation: WriteOperation, body: Record<string, unknown>, requestId: string, tenantId: Types.ObjectId): Promise<QboRecord> {
    await this.#model.updateOne({ tenantId, requestId }, { $inc: { attempts: 1 } });
    try {
      switch (operation) {
        case 'create':
          return await client.create<QboRecord>(entity, body, requestId);
        case 'update':
        case 'rounding':
          return await client.update<QboRecord>(entity, body, { requestId });
        case 'void':
          return await client.void<QboRecord>(entity as 'Invoice' | 'Payment' | 'SalesReceipt', body as { Id: string; SyncToken: string }, requestId);
        case 'delete': {
          const deleted = await client.delete(entity, body as { Id: string; SyncToken: string }, requestId);
          return { Id: deleted.Id, SyncToken: typeof body.SyncToken === 'string' ? body.SyncToken : '0', status: deleted.status };
        }
      }
    } catch (error) {
      // Retryable outcomes stay PENDING (the write may have committed: the next attempt replays it);
      // a definitive rejection means nothing was written.
      if (error instanceof QboError && !error.retryable && error.kind !== 'AUTH') {
        await this.#model.updateOne({ tenantId, requestId }, { $set: { status: 'FAILED', error: `${error.code ?? error.kind} ${error.message}` } });
      }
      throw error;
    }
  }
}

/**
 * Exactly-once writes to QBO. Every write is first recorded (outbox, PENDING) under a deterministic
 * requestid, then sent with it; the caller stores the result in its mapping and only then marks the
 * entry DONE. After a crash, a lost response or a timeout the same write is sent again with the same
 * requestid and QBO replays its first answer. A create whose outcome is unknown (a PENDING entry of an
 * older version of the record) is resolved before a new one is attempted: first by the natural key
 * when the entity has one (DocNumber, DisplayName, Name: this also covers QBO forgetting requestids),
 * then by replaying the old requestid. A write QBO definitively rejected is FAILED, and the next
 * attempt uses a new requestid, because QBO would otherwise replay the old fault.
 *
 * Every lookup here is by `_id` (the only index FerretDB uses): an entry by tenant + requestid, the
 * unsettled creates of a subject in its `sync_outbox_subjects` document, and the n-th retry of a
 * rejected write by probing requestids `base`, `base#1`, ... in turn.
 */
import { type QboClient, type QboEntity, type QboRecord } from '../providers/quickbooks/qbo.client.js';
import { QboError } from '../providers/quickbooks/qbo.errors.js';
import { type OutboxEntry, type OutboxRepository } from '../persistence/sync/outbox.repository.js';
import { asTenantId, type TenantId } from '../persistence/tenant-id.js';
import { requestIdFor, type WriteOperation } from '../providers/quickbooks/request-id.rules.js';

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
  /**
   * Creates: the subject's listed open creates as `unsettledCreates` just read them (under the run's
   * lease nobody else writes them meanwhile), so they are not read again.
   */
  listed?: string[];
  /**
   * The create may share a batch call with other creates (see QboClient.createBatched). Only with
   * `findExisting`: a batch regrouped after a crash is not a replay, the natural key is what finds it.
   */
  batchable?: boolean;
}

export interface WriteResult {
  record: QboRecord;
  requestId: string;
  /** True when an earlier attempt's object was found instead of sending (the caller may need to update it). */
  adopted: boolean;
  /**
   * A create whose subject listed no other unsettled create: this requestid is the subject's only open
   * create (for `settleCreates`, which then need not read them back).
   */
  onlyOpenCreate?: string;
}

export class OutboxService {
  constructor(private readonly entries: OutboxRepository) {}

  init(): Promise<void> {
    return this.entries.init();
  }

  async write(client: QboClient, request: WriteRequest): Promise<WriteResult> {
    const tenantId = asTenantId(request.tenantId);
    let listedBefore: number | undefined;
    if (request.operation === 'create') {
      const earlier = await this.#resolveEarlierCreate(client, request);
      if ('record' in earlier) return earlier;
      listedBefore = earlier.listed;
    }
    const { requestId, existing } = await this.#currentAttempt(request);
    if (existing?.status === 'DONE' && existing.resultId) {
      return { record: { Id: existing.resultId, SyncToken: existing.resultSyncToken ?? '0' }, requestId, adopted: false };
    }
    if (!existing) {
      // Already recorded by a concurrent writer: same requestid, same effect.
      await this.entries.record(tenantId, {
        realmId: client.realmId,
        requestId,
        subject: request.subject,
        operation: request.operation,
        entity: request.entity,
        version: request.version,
        generation: request.generation,
        payload: JSON.stringify(request.body),
      });
      // Listed before it is sent: a crash from here on leaves a create the next attempt resolves.
      if (request.operation === 'create') await this.entries.listOpenCreate(tenantId, request.subject, requestId);
    } else {
      await this.entries.countAttempt(tenantId, requestId);
    }
    const record = await this.#send(client, request.entity, request.operation, request.body, requestId, tenantId, request.batchable === true && !!request.findExisting);
    return { record, requestId, adopted: false, ...(listedBefore === 0 ? { onlyOpenCreate: requestId } : {}) };
  }

  /** The caller stored the result in its mapping: the write is complete. */
  async done(tenantId: string, requestId: string, record: { Id: string; SyncToken?: string }): Promise<void> {
    await this.entries.markDone(asTenantId(tenantId), requestId, record);
  }

  /**
   * The caller stored the object of `subject`: every unsettled create of it is done (it is that object).
   * `written`: the write just made, when it was the subject's only open create (WriteResult.onlyOpenCreate):
   * it is PENDING and nothing else is listed, so nothing needs reading back.
   */
  async settleCreates(tenantId: string, subject: string, record: { Id: string; SyncToken?: string }, written?: string): Promise<void> {
    const tenant = asTenantId(tenantId);
    if (written) {
      await this.entries.markDone(tenant, written, record);
      await this.entries.unlistOpenCreates(tenant, subject, [written]);
      return;
    }
    const open = await this.entries.openCreates(tenant, subject);
    for (const requestId of open) {
      // A create QBO rejected (FAILED) stays so: it wrote nothing, so it is not this object.
      if ((await this.entries.statusOf(tenant, requestId)) !== 'PENDING') continue;
      await this.entries.markDone(tenant, requestId, record);
    }
    if (open.length > 0) await this.entries.unlistOpenCreates(tenant, subject, open);
  }

  /**
   * Whether a create of `subject` may have reached QBO without its object being known yet (a PENDING
   * create listed for it): then the object is ours and is resolved by requestid replay or natural key,
   * not matched as someone else's.
   */
  async hasUnsettledCreate(tenantId: string, subject: string): Promise<boolean> {
    return (await this.unsettledCreates(tenantId, subject)).unsettled;
  }

  /** `hasUnsettledCreate`, with the subject's listed creates (for the create that may follow: WriteRequest.listed). */
  async unsettledCreates(tenantId: string, subject: string): Promise<{ unsettled: boolean; listed: string[] }> {
    const tenant = asTenantId(tenantId);
    const listed = await this.entries.openCreates(tenant, subject);
    for (const requestId of listed) {
      if ((await this.entries.statusOf(tenant, requestId)) === 'PENDING') return { unsettled: true, listed };
    }
    return { unsettled: false, listed };
  }

  /**
   * The requestid of this write's current attempt: the base id, or after n definitive rejections the
   * n-th retry id (QBO replays faults too, so a rejected write is retried under a new id).
   */
  async #currentAttempt(request: WriteRequest): Promise<{ requestId: string; existing: OutboxEntry | null }> {
    const tenantId = asTenantId(request.tenantId);
    const parts = { tenantId: request.tenantId, subject: request.subject, version: request.version, operation: request.operation, generation: request.generation };
    const base = request.baseSyncToken ?? '';
    for (let failed = 0; ; failed++) {
      const requestId = requestIdFor({ ...parts, baseSyncToken: failed > 0 ? `${base}#${failed}` : request.baseSyncToken });
      const existing = await this.entries.get(tenantId, requestId);
      if (existing?.status !== 'FAILED') return { requestId, existing };
    }
  }

  /** An earlier create's object, or how many creates the subject listed (none: the new create is its only one). */
  async #resolveEarlierCreate(client: QboClient, request: WriteRequest): Promise<WriteResult | { listed: number }> {
    const tenantId = asTenantId(request.tenantId);
    const listed = request.listed ?? (await this.entries.openCreates(tenantId, request.subject));
    if (listed.length === 0) return { listed: 0 };
    const entries = await Promise.all(listed.map((requestId) => this.entries.get(tenantId, requestId)));
    const open = entries
      .filter((e): e is NonNullable<typeof e> => !!e && e.status === 'PENDING' && e.generation === request.generation)
      .sort((a, b) => a.version - b.version);
    if (open.length === 0) return { listed: listed.length };
    if (request.findExisting) {
      const found = await request.findExisting();
      if (found) return { record: found, requestId: open[0]!.requestId, adopted: true };
    }
    // Replay the oldest unresolved create under its own requestid: QBO answers with the object it
    // created then (or creates it now, once); newer versions then become updates.
    const first = open[0]!;
    if (first.version === request.version) return { listed: listed.length }; // the normal path sends exactly this one
    await this.entries.countAttempt(tenantId, first.requestId);
    const record = await this.#send(client, first.entity, 'create', JSON.parse(first.payload) as Record<string, unknown>, first.requestId, tenantId);
    return { record, requestId: first.requestId, adopted: true };
  }

  async #send(client: QboClient, entity: QboEntity, operation: WriteOperation, body: Record<string, unknown>, requestId: string, tenantId: TenantId, batchable = false): Promise<QboRecord> {
    try {
      switch (operation) {
        case 'create':
          return await (batchable ? client.createBatched<QboRecord>(entity, body, requestId) : client.create<QboRecord>(entity, body, requestId));
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
        await this.entries.markFailed(tenantId, requestId, `${error.code ?? error.kind} ${error.message}`);
      }
      throw error;
    }
  }
}

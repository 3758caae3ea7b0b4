/**
 * A tiny in-memory CompanyStore for the unit tests of the query, CDC, batch and webhook modules: fixed
 * records, naive writes and a change feed. It has none of the real store's business rules; integration
 * tests use the real store through the running sandbox.
 */
import { type Clock } from '../clock.js';
import {
  type ChangeEvent,
  type CompanyStore,
  type EntityName,
  type QboRecord,
  type WriteOperation,
  type WriteOptions,
} from '../company/company.types.js';
import { faults } from '../faults.js';
import { pacificDateTime } from '../pacific-time.js';

export class FakeCompanyStore implements CompanyStore {
  readonly country = 'US' as const;
  #records = new Map<EntityName, QboRecord[]>();
  #deleted = new Map<EntityName, { Id: string; at: number }[]>();
  #listeners = new Set<(e: ChangeEvent) => void>();
  #nextId = 1000;

  constructor(
    readonly realmId: string,
    readonly clock: Clock,
  ) {}

  /** Insert a record as-is (tests control every field), stamping MetaData if absent. */
  seed(entity: EntityName, ...records: Record<string, unknown>[]): this {
    const list = this.#records.get(entity) ?? [];
    for (const r of records) {
      const now = pacificDateTime(this.clock.now());
      list.push({ domain: 'QBO', sparse: false, SyncToken: '0', MetaData: { CreateTime: now, LastUpdatedTime: now }, ...r } as unknown as QboRecord);
    }
    this.#records.set(entity, list);
    return this;
  }

  write(entity: EntityName, operation: WriteOperation, body: Record<string, unknown>, options?: WriteOptions): Record<string, unknown> {
    const list = this.#records.get(entity) ?? [];
    this.#records.set(entity, list);
    const now = this.clock.now();
    const stamp = pacificDateTime(now);
    if (operation === 'create') {
      if (entity === 'Customer' && typeof body.DisplayName === 'string' && list.some((r) => r.DisplayName === body.DisplayName)) throw faults.duplicateName();
      const rec = { ...body, domain: 'QBO', sparse: false, Id: String(this.#nextId++), SyncToken: '0', MetaData: { CreateTime: stamp, LastUpdatedTime: stamp } } as QboRecord;
      list.push(rec);
      this.#emit(entity, rec.Id, 'Create', now);
      return structuredClone(rec);
    }
    const index = list.findIndex((r) => r.Id === body.Id);
    const current = list[index];
    if (!current) throw faults.objectNotFound();
    if (body.SyncToken !== current.SyncToken) throw faults.staleObject(entity, current.Id, String(body.SyncToken), current.SyncToken);
    if (operation === 'delete') {
      list.splice(index, 1);
      const gone = this.#deleted.get(entity) ?? [];
      gone.push({ Id: current.Id, at: now });
      this.#deleted.set(entity, gone);
      this.#emit(entity, current.Id, 'Delete', now);
      return { domain: 'QBO', status: 'Deleted', Id: current.Id };
    }
    const base = options?.sparse || operation === 'void' ? current : { Id: current.Id, domain: 'QBO', sparse: false };
    const meta = current.MetaData as Record<string, unknown>;
    const next = { ...base, ...body, SyncToken: String(Number(current.SyncToken) + 1), MetaData: { ...meta, LastUpdatedTime: stamp } } as QboRecord;
    delete next.sparse;
    next.sparse = false;
    list[index] = next;
    this.#emit(entity, next.Id, operation === 'void' ? 'Void' : 'Update', now);
    return structuredClone(next);
  }

  read(entity: EntityName, id: string): QboRecord {
    const rec = this.#records.get(entity)?.find((r) => r.Id === id);
    if (!rec) throw faults.objectNotFound();
    return rec;
  }

  list(entity: EntityName): readonly QboRecord[] {
    return [...(this.#records.get(entity) ?? [])].sort((a, b) => Number(a.Id) - Number(b.Id));
  }

  deletedSince(entity: EntityName, sinceMs: number): readonly Record<string, unknown>[] {
    return (this.#deleted.get(entity) ?? [])
      .filter((d) => d.at >= sinceMs)
      .map((d) => ({ domain: 'QBO', status: 'Deleted', Id: d.Id, MetaData: { LastUpdatedTime: pacificDateTime(d.at) } }));
  }

  /** Record a deletion at a given instant without a prior record (CDC tests). */
  seedDeleted(entity: EntityName, id: string, at: number): this {
    const gone = this.#deleted.get(entity) ?? [];
    gone.push({ Id: id, at });
    this.#deleted.set(entity, gone);
    return this;
  }

  onChange(listener: (event: ChangeEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Emit a change as the real store would after a write (webhook tests). */
  emitChange(entity: EntityName, id: string, operation: ChangeEvent['operation'], at = this.clock.now()): void {
    this.#emit(entity, id, operation, at);
  }

  #emit(entity: EntityName, id: string, operation: ChangeEvent['operation'], at: number): void {
    for (const l of [...this.#listeners]) l({ realmId: this.realmId, entity, id, operation, at });
  }
}

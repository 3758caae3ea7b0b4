/**
 * Per-record mutual exclusion for ledger writes. FerretDB 1.x runs a conditional update
 * (`{_id, version: n}`) as read-then-write, so concurrent compare-and-swaps can all "win" and lose
 * updates; the only atomic primitive is an insert under a unique key. Each acquisition is a
 * `LeaseStore` lease with its own owner (so two requests of one process exclude each other too), and
 * an expiry so a crashed holder cannot block a record for longer than the lease.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { type LeaseStore } from '../persistence/lease.store.js';
import { ConflictError } from '../errors/domain.errors.js';

export interface LedgerLockOptions {
  /** How long a lease lives if its holder dies. */
  ttlMs: number;
  /** How long a writer waits for busy records before giving up with CONFLICT. */
  waitMs: number;
}

export class LedgerLocks {
  constructor(
    /** A store with its own owner: a fresh one per acquisition, so two requests of one process exclude each other. */
    private readonly newLeaseStore: () => LeaseStore,
    private readonly options: LedgerLockOptions = { ttlMs: 15_000, waitMs: 20_000 },
  ) {}

  /** Runs `work` holding every key (taken in sorted order, so two writers never wait on each other in a cycle). */
  async withLocks<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    const lease = this.newLeaseStore();
    const ordered = [...new Set(keys)].sort();
    const held: string[] = [];
    const deadline = Date.now() + this.options.waitMs;
    try {
      for (const key of ordered) {
        for (let delay = 5; !(await lease.tryAcquire(key, this.options.ttlMs)); delay = Math.min(delay * 2, 100)) {
          if (Date.now() > deadline) throw new ConflictError('The record is being changed by another request; retry the call.', { lock: key });
          await sleep(delay + Math.floor(Math.random() * delay));
        }
        held.push(key);
      }
      return await work();
    } finally {
      await Promise.all(held.map((key) => lease.release(key)));
    }
  }
}

export function recordLockKey(tenantId: string, kind: string, externalId: string): string {
  return `ledger:${tenantId}:${kind}:${externalId}`;
}

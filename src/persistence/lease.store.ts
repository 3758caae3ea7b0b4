/**
 * Mutual exclusion across processes that share the database, built on the one primitive that is
 * atomic on every backend we support: inserting a document under a unique index. FerretDB 1.x runs
 * `updateOne({_id, version: n}, ...)` as read-then-write, so several concurrent conditional updates
 * can all "win" (and `$inc` loses counts); a compare-and-swap by update is therefore NOT safe here.
 * An insert of the same key by many processes has exactly one winner.
 *
 * A lease has an owner and an expiry: a crashed holder's lease is taken over once it has expired,
 * by exactly one taker (see the takeover marker below).
 * Keys are global strings; callers include the tenant in the key (`token-refresh:<tenant>:<version>`).
 */
import { randomUUID } from 'node:crypto';
import { type Collection, type Connection } from 'mongoose';

interface LeaseDoc {
  _id: string;
  owner: string;
  until: Date;
  acquiredAt: Date;
}

export class LeaseStore {
  readonly #collection: Collection<LeaseDoc>;
  /** Identifies this process's leases (one per store instance). */
  readonly owner = randomUUID();

  constructor(connection: Connection) {
    // Keyed by _id, which is unique by definition: no extra index needed.
    this.#collection = connection.collection<LeaseDoc>('leases');
  }

  /** True when this process now holds `key` for `ttlMs`; false when someone else holds it. */
  async tryAcquire(key: string, ttlMs: number): Promise<boolean> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const now = new Date();
      try {
        await this.#collection.insertOne({ _id: key, owner: this.owner, until: new Date(now.getTime() + ttlMs), acquiredAt: now });
        return true;
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
      }
      const held = await this.#collection.findOne({ _id: key });
      if (!held) continue; // released meanwhile: try again
      // Not re-entrant on purpose: two concurrent callers in this process must not both hold it.
      if (held.until.getTime() > Date.now()) return false;
      // Expired. Deletes are not atomic on FerretDB either (a filtered delete can remove a lease that
      // replaced the one it read), so takers first race for a marker unique to this expired lease:
      // exactly one wins it and replaces the lease; the others give up.
      const marker = `${key}|takeover|${held.owner}|${held.until.getTime()}`;
      try {
        await this.#collection.insertOne({ _id: marker, owner: this.owner, until: new Date(Date.now() + ttlMs), acquiredAt: new Date() });
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
        return false;
      }
      await this.#collection.deleteOne({ _id: key, owner: held.owner, until: held.until });
      try {
        await this.#collection.insertOne({ _id: key, owner: this.owner, until: new Date(Date.now() + ttlMs), acquiredAt: new Date() });
        return true;
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
        return false; // someone who never saw the expired lease took the free key first: still one holder
      } finally {
        await this.#collection.deleteOne({ _id: marker });
      }
    }
    return false;
  }

  /**
   * Extends a lease this store holds to `ttlMs` from now; false when it no longer holds it (expired
   * or taken over). The write is a filtered update, which FerretDB runs read-then-write, so it is only
   * safe while nobody may take the lease over: a taker acts only after expiry, hence renewals happen
   * while at least `minRemainingMs` is left (call this well before expiry, e.g. every third of the
   * ttl), and the lease is read back to confirm it is still ours.
   */
  async renew(key: string, ttlMs: number, minRemainingMs = 1_000): Promise<boolean> {
    const held = await this.#collection.findOne({ _id: key });
    if (!held || held.owner !== this.owner || held.until.getTime() - Date.now() < minRemainingMs) return false;
    await this.#collection.updateOne({ _id: key, owner: this.owner }, { $set: { until: new Date(Date.now() + ttlMs) } });
    const after = await this.#collection.findOne({ _id: key });
    return after?.owner === this.owner;
  }

  async release(key: string): Promise<void> {
    await this.#collection.deleteOne({ _id: key, owner: this.owner });
  }

  /** Runs `work` while holding `key`; undefined when the lease is held elsewhere. */
  async withLease<T>(key: string, ttlMs: number, work: () => Promise<T>): Promise<{ acquired: true; value: T } | { acquired: false }> {
    if (!(await this.tryAcquire(key, ttlMs))) return { acquired: false };
    try {
      return { acquired: true, value: await work() };
    } finally {
      await this.release(key);
    }
  }
}

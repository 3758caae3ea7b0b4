/**
 * The database side of the gateway's rate limits: rate-limiter-flexible's MongoDB store over this
 * connection, the counters' indexes, and the sweep of expired counters (FerretDB cannot build the TTL
 * index the store would create, so expired counters are deleted here instead).
 */
import { type Connection } from 'mongoose';
import { type RateLimiterAbstract, RateLimiterMongo } from 'rate-limiter-flexible';

export class RateLimitStore {
  constructor(private readonly connection: Connection) {}

  /** A limiter whose counters live in `collection` (shared by every process on this database). */
  limiter(collection: string, points: number, duration: number, insuranceLimiter: RateLimiterAbstract): RateLimiterAbstract {
    return new RateLimiterMongo({
      // A mongoose connection: the store uses its collections (and their connection buffering).
      storeClient: this.connection,
      tableName: collection,
      keyPrefix: collection,
      points,
      duration,
      // FerretDB cannot build the TTL index the store would create; indexes are made in ensureIndexes().
      disableIndexesCreation: true,
      insuranceLimiter,
    });
  }

  /** The counters' unique key (every lookup) and their expiry (the sweep). */
  async ensureIndexes(collections: readonly string[]): Promise<void> {
    const db = this.connection.db;
    if (!db) return;
    for (const name of collections) {
      await db.collection(name).createIndex({ key: 1 }, { unique: true });
      await db.collection(name).createIndex({ expire: 1 });
    }
  }

  /** Deletes the counters that expired before `now`. */
  async sweepExpired(collections: readonly string[], now: Date): Promise<void> {
    const db = this.connection.db;
    if (!db) return;
    await Promise.all(collections.map((name) => db.collection(name).deleteMany({ expire: { $lt: now } })));
  }
}

/**
 * The database connection: MONGODB_URI when set, otherwise the embedded FerretDB server under the data
 * folder. Uses a dedicated mongoose Connection (not the global one) so several gateways (tests) can
 * live in one process with different databases.
 *
 * FerretDB 1.x has no transactions, change streams, $lookup, TTL or partial indexes: nothing here
 * or in the slices may rely on them. Guarantees come from single-document atomic writes, unique
 * indexes and upserts.
 */
import path from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import { type AppConfig } from '../config/config.js';
import { redactUri } from '../logging/logger.js';
import { launchFerretdb, type EmbeddedMongo } from './ferretdb.launcher.js';
import { detectIdOnlyIndexes } from './id-lookups.js';

export interface Database {
  connection: Connection;
  /** Present when the gateway started its own FerretDB. */
  embedded?: EmbeddedMongo;
  /** The URI actually used, password redacted (safe to print). */
  displayUri: string;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export class DatabaseUnreachableError extends Error {
  constructor(uri: string, cause: unknown) {
    super(`MONGODB_URI: cannot reach ${redactUri(uri)} (${(cause as Error).message})`);
    this.name = 'DatabaseUnreachableError';
  }
}

export async function openDatabase(
  config: Pick<AppConfig, 'mongo' | 'dataDir' | 'toolsDir'>,
  log: (message: string) => void = () => {},
  options: { dbName?: string } = {},
): Promise<Database> {
  let embedded: EmbeddedMongo | undefined;
  let uri = config.mongo.uri;
  let dbName = options.dbName;
  if (!uri) {
    embedded = await launchFerretdb({ toolsDir: config.toolsDir, dataDir: path.join(config.dataDir, 'ferretdb'), log });
    uri = embedded.uri;
    dbName ??= 'fieldbooks';
  }
  const connection = mongoose.createConnection(uri, {
    dbName,
    serverSelectionTimeoutMS: config.mongo.connectTimeoutMs,
    // FerretDB speaks to one server only; a replica-set discovery would hang.
    ...(embedded ? { directConnection: true } : {}),
    autoIndex: true,
  });
  try {
    await connection.asPromise();
    await connection.db!.command({ ping: 1 });
    // FerretDB indexes only `_id` lookups: some tenant-scoped writes are routed through `_id` there.
    await detectIdOnlyIndexes(connection);
  } catch (error) {
    await connection.close().catch(() => {});
    await embedded?.stop();
    if (embedded) throw error;
    throw new DatabaseUnreachableError(uri, error);
  }
  return {
    connection,
    embedded,
    displayUri: redactUri(connection.getClient().options.hosts.map((h) => `mongodb://${h.toString()}`).join(',') + `/${connection.name}`),
    async ping() {
      try {
        await connection.db!.command({ ping: 1 });
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await connection.close();
      await embedded?.stop();
    },
  };
}

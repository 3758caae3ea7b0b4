/**
 * Starts a real gateway for a test file: real HTTP on a loopback port, its own database on the
 * run's FerretDB server, no demo tenant unless asked. Nothing is mocked.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logging/logger.js';

export interface TestGateway {
  app: App;
  url: string;
  graphqlUrl: string;
  wsUrl: string;
  dbName: string;
  dataDir: string;
  close(): Promise<void>;
}

export function uniqueDbName(label: string): string {
  return `test_${label.replace(/[^a-z0-9]/gi, '_').slice(0, 30)}_${randomBytes(4).toString('hex')}`;
}

export interface TestGatewayOptions {
  /** Reuse a database (two gateways sharing one database act like two processes). */
  dbName?: string;
  /** Reuse a data folder (shares the local encryption key between gateways). */
  dataDir?: string;
  /** Receives every log line (JSON) at the configured level. */
  logSink?: NodeJS.WritableStream;
}

export async function startTestGateway(label: string, env: Record<string, string> = {}, options: TestGatewayOptions = {}): Promise<TestGateway> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'fieldbooks-gw-')));
  const config = loadConfig(
    {},
    {
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      MONGODB_URI: inject('mongoUri'),
      FIELDBOOKS_DATA_DIR: dataDir,
      FIELDBOOKS_DEMO: 'false',
      QBO_SANDBOX_PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      ...env,
    },
  );
  const dbName = options.dbName ?? uniqueDbName(label);
  const app = await createApp(config, createLogger({ level: config.logLevel, pretty: false, destination: options.logSink }), { dbName });
  return {
    app,
    url: app.gateway.url,
    graphqlUrl: app.gateway.graphqlUrl,
    wsUrl: app.gateway.wsUrl,
    dbName,
    dataDir,
    async close() {
      await app.database.connection.dropDatabase().catch(() => {});
      await app.close();
    },
  };
}

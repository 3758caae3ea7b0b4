/**
 * Assembles one gateway: database (configured or embedded), services, schema, HTTP server. Used by
 * main.ts (the process) and by the tests (several gateways per process, each on its own database).
 */
import 'reflect-metadata';
import { type AppConfig } from './config/config.js';
import { type Database, openDatabase } from './db/database.js';
import { ensureDemoTenant, type DemoTenant } from './demo/demo-tenant.js';
import { createAppPubSub } from './graphql/pubsub.js';
import { buildAppSchema } from './graphql/schema.js';
import { type RunningGateway, startGateway } from './http/gateway.js';
import { type Logger } from './logging/logger.js';
import { createServices, type Services } from './services.js';

export interface App {
  config: AppConfig;
  database: Database;
  services: Services;
  gateway: RunningGateway;
  demo?: DemoTenant;
  /** Stops accepting work, drains HTTP and WebSocket, closes the database (and the embedded server). */
  close(): Promise<void>;
}

export async function createApp(config: AppConfig, logger: Logger, options: { dbName?: string } = {}): Promise<App> {
  const database = await openDatabase(config, (m) => logger.info(m), { dbName: options.dbName });
  try {
    const pubsub = createAppPubSub();
    const services = createServices({ config, connection: database.connection, pubsub });
    await services.tenants.ensureIndexes();
    const demo = config.demo.enabled ? await ensureDemoTenant(services.tenants, { dataDir: config.dataDir, apiKey: config.demo.apiKey }) : undefined;
    const schema = await buildAppSchema(pubsub);
    const gateway = await startGateway(
      { schema, services, logger, isReady: () => database.ping() },
      { port: config.http.port, host: config.http.host, publicUrl: config.http.publicUrl },
    );
    let closing: Promise<void> | undefined;
    return {
      config,
      database,
      services,
      gateway,
      demo,
      close() {
        closing ??= (async () => {
          await gateway.close();
          await database.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}

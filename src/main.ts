/**
 * `npm start`: the gateway on its embedded defaults (or on whatever the environment configures).
 * Prints a banner with every URL and the demo key, and shuts down cleanly on SIGINT/SIGTERM so no
 * embedded database process is left behind.
 */
import 'reflect-metadata';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config/config.js';
import { loadDotEnv } from './config/dotenv.js';
import { createLogger } from './logging/logger.js';

async function main(): Promise<void> {
  let config;
  try {
    loadDotEnv();
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`fieldbooks cannot start.\n${error.message}\nSee .env.example for every variable (copy it to .env, or set them in the environment).`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel, pretty: !config.isProduction && process.stdout.isTTY });

  let app;
  try {
    app = await createApp(config, logger);
  } catch (error) {
    logger.fatal({ err: error }, 'start-up failed');
    console.error(`fieldbooks cannot start: ${(error as Error).message}`);
    process.exit(1);
  }

  const { gateway, demo, database, quickbooks } = app;
  const lines = [
    '',
    'fieldbooks is ready',
    `  Web app             ${gateway.url}/`,
    `  GraphQL (HTTP)      ${gateway.graphqlUrl}`,
    `  GraphQL (WebSocket) ${gateway.wsUrl}`,
    `  Health              ${gateway.url}/healthz   ${gateway.url}/readyz`,
    `  Metrics             ${gateway.url}/metrics`,
    `  Database            ${database.embedded ? `embedded FerretDB (pid ${database.embedded.pid}) ` : ''}${database.displayUri}`,
  ];
  if (quickbooks.simulator) {
    const info = quickbooks.simulator.info();
    lines.push(`  QuickBooks          built-in simulator ${quickbooks.endpoints.apiBaseUrl} (${info.companies.map((c) => `${c.name}, ${c.country}, realm ${c.realmId}`).join('; ')})`);
    const kept = quickbooks.simulator.persistence;
    lines.push(`  Simulator data      ${kept ? `${kept.dir} (kept across restarts; FIELDBOOKS_SANDBOX_FRESH=true starts clean)` : 'in memory only (FIELDBOOKS_SANDBOX_FRESH=true): starts from the demo companies'}`);
  } else {
    lines.push(`  QuickBooks          Intuit ${quickbooks.endpoints.environment} (${quickbooks.endpoints.apiBaseUrl})`);
  }
  lines.push(`  OAuth callback      ${quickbooks.redirectUri}`);
  if (demo) {
    lines.push(`  Demo tenant         ${demo.name} (${demo.tenantId})${demo.created ? ' - created now' : ''}`);
    lines.push(`  Demo API key        ${demo.apiKey}`);
    lines.push(`  Try it              curl -s ${gateway.graphqlUrl} -H 'content-type: application/json' -H 'authorization: Bearer ${demo.apiKey}' -d '{"query":"{ viewer { tenant { id name } } }"}'`);
  }
  lines.push('');
  // The banner goes to stdout as plain text on purpose: it is for the person who ran `npm start`.
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    app
      .close()
      .then(() => {
        logger.info('stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

await main();

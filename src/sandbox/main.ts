/**
 * `npm run sandbox`: the QBO simulator on its own (port from QBO_SANDBOX_PORT, default 4010). Prints
 * the URLs to point intuit-oauth and node-quickbooks at, the demo app's credentials, the realms and the
 * settings it started with (see sandbox.env.ts for the variables). A bad environment exits with 78.
 */
import { createSandbox } from './sandbox.js';
import { SandboxStateError } from './persistence/snapshot.files.js';
import { EXIT_CONFIG, parseSandboxEnv, sandboxOptionsFromEnv } from './sandbox.env.js';
import { loadDotEnv } from '../config/dotenv.js';

loadDotEnv();
const parsed = parseSandboxEnv(process.env);
if (!parsed.ok) {
  console.error(['QBO sandbox: invalid environment', ...parsed.problems.map((p) => `  ${p}`)].join('\n'));
  process.exit(EXIT_CONFIG);
}
const { env } = parsed;

let sandbox;
try {
  sandbox = createSandbox(sandboxOptionsFromEnv(env));
} catch (error) {
  if (!(error instanceof SandboxStateError)) throw error;
  console.error(`QBO sandbox cannot start: ${error.message}`);
  process.exit(1);
}
const { url } = await sandbox.listen(env.QBO_SANDBOX_PORT, env.QBO_SANDBOX_HOST);
const info = sandbox.info();
const lines = [
  `QBO sandbox listening on ${url}`,
  '',
  `  Data API        ${url}/v3/company/<realmId>/...   (node-quickbooks: qbo.endpoint = '${url}/v3/company/')`,
  `  Authorize       ${url}/connect/oauth2`,
  `  Token           ${url}/oauth2/v1/tokens/bearer`,
  `  Revoke          ${url}/v2/oauth2/tokens/revoke`,
  `  UserInfo        ${url}/v1/openid_connect/userinfo`,
  `  Discovery       ${url}/.well-known/openid_configuration`,
  `  Admin           ${url}/_sandbox/info   (also /_sandbox/webhooks, /_sandbox/oauth)`,
  '',
  `  Demo app client id      ${info.app.clientId}`,
  `  Demo app client secret  ${info.app.clientSecret}`,
  `  Redirect URIs           ${info.app.redirectUris.join(', ')}`,
  `  Webhook verifier token  ${info.app.webhookVerifierToken}`,
  '',
  `  Webhook target          ${env.QBO_SANDBOX_WEBHOOK_URL ?? '(none: PUT /_sandbox/webhooks to set one)'}`,
  `  Webhook format          ${env.QBO_SANDBOX_WEBHOOK_FORMAT}`,
  `  Time scale              ${env.QBO_SANDBOX_TIME_SCALE} (virtual ms per real ms)`,
  `  Auto-approve consent    ${env.QBO_SANDBOX_AUTO_APPROVE ? 'on' : 'off'}`,
  `  State                   ${sandbox.persistence ? `${sandbox.persistence.dir} (kept across restarts; FIELDBOOKS_SANDBOX_FRESH=true starts clean)` : 'in memory only (FIELDBOOKS_SANDBOX_FRESH=true)'}`,
  '',
  ...info.companies.map((c) => `  Realm ${c.realmId}  ${c.country}  ${c.name}`),
];
console.log(lines.join('\n'));

const running = sandbox;
const stop = () => {
  void running.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

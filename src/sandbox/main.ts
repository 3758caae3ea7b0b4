/**
 * `npm run sandbox`: the QBO simulator on its own (port from QBO_SANDBOX_PORT, default 4010). Prints
 * the URLs to point intuit-oauth and node-quickbooks at, the demo app's credentials and the realms.
 */
import { createSandbox } from './sandbox.js';

const port = Number(process.env.QBO_SANDBOX_PORT ?? 4010);
const host = process.env.QBO_SANDBOX_HOST ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`QBO_SANDBOX_PORT must be a port number, got ${process.env.QBO_SANDBOX_PORT}`);
  process.exit(1);
}

const sandbox = createSandbox({ oauth: { autoApprove: process.env.QBO_SANDBOX_AUTO_APPROVE === 'true' } });
const { url } = await sandbox.listen(port, host);
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
  `  Admin           ${url}/_sandbox/info`,
  '',
  `  Demo app client id      ${info.app.clientId}`,
  `  Demo app client secret  ${info.app.clientSecret}`,
  `  Redirect URIs           ${info.app.redirectUris.join(', ')}`,
  `  Webhook verifier token  ${info.app.webhookVerifierToken}`,
  '',
  ...info.companies.map((c) => `  Realm ${c.realmId}  ${c.country}  ${c.name}`),
];
console.log(lines.join('\n'));

const stop = () => {
  void sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

/**
 * Issue #11 item 11: the documented onboarding command, run through npm exactly as README shows it.
 * `--ignore-scripts` skips only the `pretenant:create` build (the suite builds once before it runs, and a
 * rebuild here would rewrite dist/ under the other files' gateway processes); the script itself is npm's.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { repoRoot } from '../helpers/gateway-process.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

const run = promisify(execFile);
let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway('tenant_create_npm');
});
afterAll(async () => {
  await gw?.close();
});

describe('npm run tenant:create', () => {
  it('creates a tenant whose key works against the gateway over HTTP (--json prints one JSON line)', async () => {
    const { stdout } = await run('npm', ['run', '--silent', '--ignore-scripts', 'tenant:create', '--', '--name', 'Acme Plumbing', '--json'], {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'test', MONGODB_URI: `${inject('mongoUri')}${gw.dbName}`, LOG_LEVEL: 'silent', FIELDBOOKS_DEMO: 'false' },
      timeout: 60_000,
    });
    const printed = JSON.parse(stdout.trim()) as { tenantId: string; apiKey: string };
    expect(Object.keys(printed).sort()).toEqual(['apiKey', 'tenantId']);
    expect(printed.apiKey).toMatch(/^fbk_/);

    const response = await fetch(gw.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${printed.apiKey}` },
      body: JSON.stringify({ query: '{ viewer { tenant { id name } } }' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { viewer: { tenant: { id: printed.tenantId, name: 'Acme Plumbing' } } } });
  }, 90_000);

  it('names what is missing and exits non-zero without --name', async () => {
    const failed = await run('npm', ['run', '--silent', '--ignore-scripts', 'tenant:create', '--', '--json'], {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'test', MONGODB_URI: `${inject('mongoUri')}${gw.dbName}` },
      timeout: 60_000,
    }).then(() => undefined, (error: { code?: number; stderr?: string }) => error);
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toMatch(/--name is required/);
  }, 90_000);
});

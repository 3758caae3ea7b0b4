/**
 * The front door: the built gateway started as a real process on its embedded defaults (its own
 * FerretDB child, demo tenant, banner), stopped with Ctrl-C (SIGINT), and started again.
 * `npm test` builds dist/ before vitest runs.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const main = path.join(root, 'dist/src/main.js');
let dataDir: string;

interface Started {
  banner: string;
  graphqlUrl: string;
  apiKey: string;
  ferretPid: number;
  stop(): Promise<number | null>;
}

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', FIELDBOOKS_DATA_DIR: dataDir, QBO_SANDBOX_PORT: '0', FIELDBOOKS_TOOLS_DIR: path.join(root, '.tools'), LOG_LEVEL: 'warn', NODE_ENV: 'development', ...extra };
  delete env.MONGODB_URI;
  return env;
}

function start(extra: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, [main], { cwd: root, env: baseEnv(extra), stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let out = '';
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within 90 s\n${out}\n${err}`)), 90_000);
    void exited.then((code) => reject(new Error(`exited early with ${code}\n${out}\n${err}`)));
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const end = out.indexOf('\n\n', out.indexOf('fieldbooks is ready'));
      if (out.includes('fieldbooks is ready') && end > 0) {
        clearTimeout(timer);
        resolve({
          banner: out,
          graphqlUrl: /GraphQL \(HTTP\)\s+(\S+)/.exec(out)![1]!,
          apiKey: /Demo API key\s+(\S+)/.exec(out)![1]!,
          ferretPid: Number(/embedded FerretDB \(pid (\d+)\)/.exec(out)![1]),
          stop: () => {
            child.kill('SIGINT');
            return exited;
          },
        });
      }
    });
  });
}

async function viewer(url: string, key?: string): Promise<{ status: number; body: { data?: { viewer: { tenant: { id: string; name: string } } }; errors?: { extensions: { code: string } }[] } }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query: '{ viewer { tenant { id name } } }' }),
  });
  return { status: response.status, body: (await response.json()) as never };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  expect(existsSync(main), 'dist/ is missing: run `npm run build` (npm test does it)').toBe(true);
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'fieldbooks-e2e-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

// A start waits up to 90 s for the banner (a loaded machine starts FerretDB and the demo slowly): the tests allow for two.
describe('npm start on embedded defaults', { timeout: 200_000 }, () => {
  let firstTenantId = '';
  let firstKey = '';

  it('reaches ready, prints the URLs and the demo key, answers viewer, and stops cleanly on Ctrl-C', async () => {
    const app = await start();
    expect(app.banner).toContain('Demo tenant');
    expect(app.banner).toContain('created now');
    expect(app.graphqlUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    const ok = await viewer(app.graphqlUrl, app.apiKey);
    expect(ok.body.data?.viewer.tenant.name).toBe('Demo Field Services');
    firstTenantId = ok.body.data!.viewer.tenant.id;
    firstKey = app.apiKey;
    const refused = await viewer(app.graphqlUrl);
    expect(refused.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(alive(app.ferretPid)).toBe(true);

    expect(await app.stop()).toBe(0);
    expect(alive(app.ferretPid)).toBe(false);
  });

  it('reuses the data on a second start: the same demo tenant and key', async () => {
    const app = await start();
    expect(app.banner).not.toContain('created now');
    expect(app.apiKey).toBe(firstKey);
    const ok = await viewer(app.graphqlUrl, app.apiKey);
    expect(ok.body.data?.viewer.tenant.id).toBe(firstTenantId);
    expect(await app.stop()).toBe(0);
    expect(alive(app.ferretPid)).toBe(false);
  });

  it('uses FIELDBOOKS_DEMO_API_KEY as the demo key when set', async () => {
    const fixed = 'fbk_local-frontend-key-0123456789';
    const app = await start({ FIELDBOOKS_DEMO_API_KEY: fixed });
    expect(app.apiKey).toBe(fixed);
    const ok = await viewer(app.graphqlUrl, fixed);
    expect(ok.body.data?.viewer.tenant.id).toBe(firstTenantId);
    expect(await app.stop()).toBe(0);
  });

  it('refuses to start on bad configuration, naming the variable', async () => {
    const child = spawn(process.execPath, [main], { cwd: root, env: baseEnv({ PORT: 'not-a-port' }), stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(78);
    expect(err).toContain('PORT: must be a number');
  });
});

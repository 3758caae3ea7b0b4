/**
 * The built gateway (`dist/src/main.js`) as a child process, for tests that kill it (SIGKILL) and
 * start it again on the same database and simulator.
 */
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { type Readable } from 'node:stream';

/** The checkout's root, whether this runs from test/helpers (tests) or dist/test/helpers (the bench). */
function findRepoRoot(dir: string): string {
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export const repoRoot = findRepoRoot(import.meta.dirname);
export const builtMain = path.join(repoRoot, 'dist/src/main.js');

export type GatewayProcess = ChildProcessByStdio<null, Readable, Readable>;

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

export interface GatewayProcessSetup {
  port: number;
  /** Full MongoDB URI including the database name. */
  mongoUri: string;
  dataDir: string;
  /** The demo tenant's key (the tenant the test works in). */
  apiKey: string;
  /** The simulator the gateway talks to (it outlives the gateway). */
  sandboxUrl: string;
}

/**
 * Starts the built gateway on the test's database, data folder and simulator, with `env` on top,
 * and resolves once it is ready.
 */
export async function startGatewayProcess(setup: GatewayProcessSetup, extra: Record<string, string>): Promise<GatewayProcess> {
  const env = {
    NODE_ENV: 'development',
    PORT: String(setup.port),
    HOST: '127.0.0.1',
    MONGODB_URI: setup.mongoUri,
    FIELDBOOKS_DATA_DIR: setup.dataDir,
    FIELDBOOKS_DEMO: 'true',
    FIELDBOOKS_DEMO_API_KEY: setup.apiKey,
    QBO_SANDBOX_URL: setup.sandboxUrl,
    LOG_LEVEL: 'error',
    ...extra,
  };
  const child = spawn(process.execPath, [builtMain], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`gateway did not start: ${out}`)), 60_000);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('fieldbooks is ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => reject(new Error(`gateway exited with ${code}: ${out}`)));
  });
  return child;
}

/** SIGKILL (no shutdown hooks run) and wait for the exit. */
export async function killGatewayProcess(child: GatewayProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

/**
 * Debian's `redis-server` for the tests that run several gateway instances: started on a free
 * loopback port with a temporary directory (no persistence, no config file), stopped afterwards.
 * `.ci/run` installs it; without it those tests fail saying how to install it.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const REDIS_MISSING = 'redis-server is missing: install it with `apt-get install -y redis-server` (.ci/run does), or set REDIS_URL to a running Redis';

export interface TestRedisServer {
  url: string;
  stop(): Promise<void>;
}

export function redisServerBinary(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const binary = found.stdout.trim();
  return found.status === 0 && binary ? binary : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

export async function startRedisServer(): Promise<TestRedisServer> {
  const binary = redisServerBinary();
  if (!binary) throw new Error(REDIS_MISSING);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fieldbooks-redis-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', '--loglevel', 'warning'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  await waitForPort(port, child, () => output);
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const until = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}: ${output()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write('PING\r\n');
      });
      socket.once('data', (d) => {
        socket.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`redis-server did not answer on port ${port}: ${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The run's Redis (test/global-setup.ts), or a clear failure saying how to get one. */
export function requireTestRedis(inject: (key: 'redisUrl' | 'redisProblem') => string): string {
  const url = inject('redisUrl');
  if (!url) throw new Error(inject('redisProblem') || REDIS_MISSING);
  return url;
}

/**
 * Runs the embedded FerretDB server as a child process: picks a free loopback port, waits until the
 * server answers `hello`, and stops it (and waits for it) on shutdown. Used by `npm start` when
 * MONGODB_URI is unset, and by the test suite's global setup.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import mongoose from 'mongoose';
import { ensureFerretdb } from './ferretdb.installer.js';

export interface EmbeddedMongo {
  /** Connection string without a database name, e.g. mongodb://127.0.0.1:41234/ */
  uri: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export interface LaunchOptions {
  toolsDir: string;
  /** Folder for FerretDB's SQLite files (created if missing). */
  dataDir: string;
  port?: number;
  log?: (message: string) => void;
  startTimeoutMs?: number;
}

export async function launchFerretdb(options: LaunchOptions): Promise<EmbeddedMongo> {
  const log = options.log ?? (() => {});
  const binary = await ensureFerretdb(options.toolsDir, log);
  await mkdir(options.dataDir, { recursive: true });
  const port = options.port ?? (await freePort());

  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      // WAL with synchronous=NORMAL: about twice the write throughput of SQLite's defaults, still
      // crash-safe for the process (a power cut may lose the last commits; production uses MongoDB).
      `--sqlite-url=file:${options.dataDir.endsWith('/') ? options.dataDir : `${options.dataDir}/`}?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=busy_timeout(10000)`,
      `--listen-addr=127.0.0.1:${port}`,
      '--telemetry=disable',
      '--debug-addr=-',
      '--state-dir=-',
      '--log-level=error',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // If this process dies without a clean shutdown, do not leave the server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const uri = `mongodb://127.0.0.1:${port}/`;
  try {
    await waitForHello(uri, options.startTimeoutMs ?? 30_000, exited);
  } catch (error) {
    child.kill('SIGKILL');
    process.removeListener('exit', killOnExit);
    throw new Error(`The embedded FerretDB server did not start: ${(error as Error).message}${stderr ? `\n${stderr}` : ''}`, { cause: error });
  }

  let stopping: Promise<void> | undefined;
  // A server that dies on its own says why (its last words on stderr), instead of leaving only
  // "connection refused" errors behind.
  void exited.then((code) => {
    if (!stopping) log(`The embedded FerretDB server stopped unexpectedly (exit code ${code}, signal ${child.signalCode ?? "none"}).${stderr ? `\n${stderr}` : ''}`);
  });
  return {
    uri,
    port,
    pid: child.pid ?? -1,
    stop() {
      stopping ??= stopChild(child, exited).finally(() => process.removeListener('exit', killOnExit));
      return stopping;
    },
  };
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

async function waitForHello(uri: string, timeoutMs: number, exited: Promise<number | null>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let processExit: number | null | undefined;
  void exited.then((code) => {
    processExit = code;
  });
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (processExit !== undefined) throw new Error(`ferretdb exited with code ${processExit}`);
    const client = new mongoose.mongo.MongoClient(uri, { directConnection: true, serverSelectionTimeoutMS: 500, connectTimeoutMS: 500 });
    try {
      await client.connect();
      await client.db('admin').command({ hello: 1 });
      return;
    } catch (error) {
      lastError = error;
    } finally {
      await client.close().catch(() => {});
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`no answer to hello within ${timeoutMs} ms (${(lastError as Error | undefined)?.message ?? 'unknown'})`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

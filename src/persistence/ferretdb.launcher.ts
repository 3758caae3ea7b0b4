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
import { setAsideUnreadableDatabases } from './ferretdb.salvage.js';

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

interface RunningServer {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** The start and the end of its stderr (a Go crash names its cause first, then dumps goroutines). */
  stderr: () => string;
  /** When it last said it is building an index (0: never). */
  buildingAt: () => number;
}

/** Restarts after a crash, at most this many within a minute (a server that keeps dying stays down). */
const MAX_RESTARTS_PER_MINUTE = 3;

/**
 * How long the server may stay silent while it builds one index before it answers: the first start of a new
 * build on an existing data folder builds its sorted companion indexes (EXACT_PUSHDOWN_PATCH), minutes on a
 * million documents. It prints a line before each, which the start timeout waits for instead of killing it
 * half-way (which would roll the build back, and start it again next time).
 */
const INDEX_BUILD_GRACE_MS = 15 * 60_000;

export async function launchFerretdb(options: LaunchOptions): Promise<EmbeddedMongo> {
  const log = options.log ?? (() => {});
  const binary = await ensureFerretdb(options.toolsDir, log);
  await mkdir(options.dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const uri = `mongodb://127.0.0.1:${port}/`;

  const spawnServer = (): RunningServer => {
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
    let head = '';
    let tail = '';
    let buildingAt = 0;
    child.stderr?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.startsWith('fieldbooks: building')) continue;
        buildingAt = Date.now();
        log(line.slice('fieldbooks: '.length));
      }
      if (head.length < 2000) head = (head + chunk.toString()).slice(0, 2000);
      else tail = (tail + chunk.toString()).slice(-2000);
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, exited, stderr: () => (tail ? `${head}\n...\n${tail}` : head), buildingAt: () => buildingAt };
  };

  await setAsideUnreadableDatabases(options.dataDir, log);
  let server = spawnServer();
  // If this process dies without a clean shutdown, do not leave the server behind.
  const killOnExit = () => server.child.kill('SIGKILL');
  process.once('exit', killOnExit);
  try {
    await waitForHello(uri, options.startTimeoutMs ?? 30_000, server);
  } catch (error) {
    server.child.kill('SIGKILL');
    process.removeListener('exit', killOnExit);
    const stderr = server.stderr();
    throw new Error(`The embedded FerretDB server did not start: ${(error as Error).message}${stderr ? `\n${stderr}` : ''}`, { cause: error });
  }

  let stopping: Promise<void> | undefined;
  const restarts: number[] = [];
  // A server that dies on its own says why (its stderr) and is started again on the same port and
  // data (SQLite keeps what was committed), so clients reconnect instead of failing from then on.
  const watch = (running: RunningServer): void => {
    void running.exited.then(async (code) => {
      if (stopping) return;
      log(`The embedded FerretDB server stopped unexpectedly (exit code ${code}, signal ${running.child.signalCode ?? 'none'}).\n${running.stderr()}`);
      const now = Date.now();
      while (restarts.length > 0 && restarts[0]! < now - 60_000) restarts.shift();
      if (restarts.length >= MAX_RESTARTS_PER_MINUTE) return log('The embedded FerretDB server keeps stopping; it is not restarted again.');
      restarts.push(now);
      await setAsideUnreadableDatabases(options.dataDir, log).catch((error: unknown) => log(`Checking the database files failed: ${(error as Error).message}`));
      server = spawnServer();
      watch(server);
      await waitForHello(uri, options.startTimeoutMs ?? 30_000, server).then(
        () => log('The embedded FerretDB server was restarted.'),
        (error: unknown) => log(`The embedded FerretDB server could not be restarted: ${(error as Error).message}`),
      );
    });
  };
  watch(server);
  return {
    uri,
    port,
    get pid() {
      return server.child.pid ?? -1;
    },
    stop() {
      stopping ??= stopChild(server.child, server.exited).finally(() => process.removeListener('exit', killOnExit));
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

async function waitForHello(uri: string, timeoutMs: number, server: RunningServer): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let processExit: number | null | undefined;
  void server.exited.then((code) => {
    processExit = code;
  });
  let lastError: unknown;
  while (Date.now() < Math.max(deadline, server.buildingAt() + INDEX_BUILD_GRACE_MS)) {
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

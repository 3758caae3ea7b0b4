/**
 * The simulator's folder on disk: one JSON snapshot file per part (a company, the identity platform, the
 * simulator's own settings, the request log), each replaced atomically (written to a temporary file,
 * fsynced, renamed over the old one by write-file-atomic, then the folder fsynced), so a crash at any
 * instant leaves either the previous or the new file, never a torn one. A lock file stops a second
 * simulator process from writing the same folder.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

export const SNAPSHOT_FORMAT = 'fieldbooks-simulator';
export const SNAPSHOT_VERSION = 1;
const LOCK_FILE = 'simulator.lock';

/** The saved state cannot be used; the message says which file and what to do. */
export class SandboxStateError extends Error {
  override readonly name = 'SandboxStateError';
}

interface Envelope {
  format: string;
  version: number;
  savedAt: string;
  data: unknown;
}

/** Lock files this process holds (two simulators in one process must not share a folder either). */
const heldHere = new Set<string>();

export class SnapshotFolder {
  private constructor(readonly dir: string) {}

  /** Creates the folder if needed, takes its lock and removes temporary files a crash left behind. */
  static open(dir: string): SnapshotFolder {
    const resolved = path.resolve(dir);
    mkdirSync(resolved, { recursive: true, mode: 0o700 });
    takeLock(resolved);
    for (const name of readdirSync(resolved)) {
      // write-file-atomic's temporary files are "<file>.json.<hash>": a crash mid-write leaves one; the real file is intact.
      if (/\.json\.\d+$/.test(name)) rmSync(path.join(resolved, name), { force: true });
    }
    return new SnapshotFolder(resolved);
  }

  /** Part names of the snapshot files present (`realm-123.json` -> `realm-123`). */
  parts(): string[] {
    return readdirSync(this.dir)
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -'.json'.length));
  }

  /** A part's data, or undefined when it was never saved. Anything unreadable stops the start with a clear message. */
  read(part: string): unknown {
    const file = this.#file(part);
    if (!existsSync(file)) return undefined;
    let envelope: Partial<Envelope>;
    try {
      envelope = JSON.parse(readFileSync(file, 'utf8')) as Partial<Envelope>;
    } catch (error) {
      throw this.#unreadable(file, (error as Error).message);
    }
    if (envelope?.format !== SNAPSHOT_FORMAT) throw this.#unreadable(file, 'it is not a fieldbooks simulator snapshot');
    if (envelope.version !== SNAPSHOT_VERSION) throw this.#unreadable(file, `it was saved in format version ${String(envelope.version)}, this simulator reads version ${SNAPSHOT_VERSION}`);
    return envelope.data;
  }

  /** Replaces a part's file atomically; `undefined` deletes it (a company that no longer exists). */
  async write(part: string, data: unknown): Promise<void> {
    const file = this.#file(part);
    if (data === undefined) {
      await rm(file, { force: true });
      return;
    }
    const envelope: Envelope = { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, savedAt: new Date().toISOString(), data };
    // Tokens and the demo app's secret are in here: owner only, like the data folder's encryption key.
    await writeFileAtomic(file, JSON.stringify(envelope), { mode: 0o600, fsync: true });
  }

  /** Makes the renames themselves durable (a power cut after rename could otherwise lose them). */
  async syncDir(): Promise<void> {
    const handle = await open(this.dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  release(): void {
    const lock = path.join(this.dir, LOCK_FILE);
    heldHere.delete(lock);
    try {
      if (readFileSync(lock, 'utf8').trim() === String(process.pid)) unlinkSync(lock);
    } catch {
      // Already gone: nothing to release.
    }
  }

  #file(part: string): string {
    if (!/^[A-Za-z0-9_-]+$/.test(part)) throw new Error(`invalid snapshot part name ${JSON.stringify(part)}`);
    return path.join(this.dir, `${part}.json`);
  }

  #unreadable(file: string, why: string): SandboxStateError {
    return new SandboxStateError(
      `The QuickBooks simulator's saved state ${file} cannot be read (${why}). ` +
        'Move the file away to start that part from scratch (records the gateway synced to it will then point at QuickBooks objects that no longer exist), ' +
        'or set FIELDBOOKS_SANDBOX_FRESH=true to run the simulator from its demo companies without reading or writing saved state.',
    );
  }
}

function takeLock(dir: string): void {
  const lock = path.join(dir, LOCK_FILE);
  if (heldHere.has(lock)) throw inUse(dir, process.pid, lock);
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(readFileSync(lock, 'utf8').trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) throw inUse(dir, holder, lock);
    // The holder is gone (killed, or the machine restarted): the lock is stale.
    writeFileSync(lock, String(process.pid), { mode: 0o600 });
  }
  const fd = openSync(lock, 'r');
  fsyncSync(fd);
  closeSync(fd);
  heldHere.add(lock);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function inUse(dir: string, pid: number, lock: string): SandboxStateError {
  return new SandboxStateError(
    `The QuickBooks simulator's data folder ${dir} is in use by another simulator (process ${pid}). ` +
      `Stop it, point this one at another folder (FIELDBOOKS_DATA_DIR), or set FIELDBOOKS_SANDBOX_FRESH=true. If no such process runs, delete ${lock}.`,
  );
}

/**
 * A crash of the embedded FerretDB while it creates a database can leave that database's SQLite file without
 * FerretDB's metadata table. FerretDB then refuses to start at all ("no such table: _ferretdb_collections"),
 * which takes every other database down with the one that was being created. Such a file holds no collection
 * FerretDB could ever read, so before the server starts it is set aside: renamed (with its -wal and -shm
 * files), never deleted, and logged.
 */
import { open, readdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';

const METADATA_TABLE = Buffer.from('_ferretdb_collections');
/** sqlite_master is page 1; its CREATE TABLE text is in the file's first pages or in the WAL. */
const MAIN_FILE_PREFIX = 64 * 1024;
/** A WAL larger than this is not searched: the file is kept, whatever it holds. */
const WAL_LIMIT = 256 * 1024 * 1024;

async function contains(file: string, limit: number): Promise<boolean | null> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return null; // no such file
  }
  try {
    const size = (await handle.stat()).size;
    if (size > limit && limit === WAL_LIMIT) return true; // too large to search: assume it is a real database
    const buffer = Buffer.alloc(Math.min(size, limit));
    await handle.read(buffer, 0, buffer.length, 0);
    return buffer.includes(METADATA_TABLE);
  } finally {
    await handle.close();
  }
}

/** Sets aside the databases FerretDB cannot open; returns the names set aside. Call only while no server runs. */
export async function setAsideUnreadableDatabases(dataDir: string, log: (message: string) => void): Promise<string[]> {
  const names = (await readdir(dataDir).catch(() => [] as string[])).filter((f) => f.endsWith('.sqlite'));
  const setAside: string[] = [];
  for (const name of names) {
    const file = path.join(dataDir, name);
    if (!(await stat(file)).isFile()) continue;
    if ((await contains(file, MAIN_FILE_PREFIX)) || (await contains(`${file}-wal`, WAL_LIMIT))) continue;
    const suffix = `.unreadable-${Date.now()}`;
    for (const part of ['', '-wal', '-shm']) await rename(`${file}${part}`, `${file}${suffix}${part}`).catch(() => {});
    setAside.push(name);
    log(`The embedded database file ${name} has no FerretDB metadata (left by a crash while it was being created); it was set aside as ${name}${suffix} so the server can start.`);
  }
  return setAside;
}

/**
 * Only `src/persistence/` talks to the database: no other file under `src/` imports mongoose or the
 * MongoDB driver (or bson), statically, as a type, re-exported or dynamically. Domain code reaches data through the
 * repositories, with ids as strings and the tenant as a `TenantId`.
 *
 * PENDING lists the files not converted yet. It only shrinks: a listed file that no longer imports the
 * database (or no longer exists) fails the test too, so whoever converts a file removes it here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SRC = join(ROOT, 'src');

const PENDING: readonly string[] = [];

/** Every import of mongoose, mongodb or bson (or a subpath), in any syntax that loads a module. */
const DATABASE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"](?:mongoose|mongodb|bson)(?:\/[^'"]*)?['"]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(?:[cm]?ts|tsx|[cm]?js)$/.test(entry.name) ? [relative(ROOT, path).split('\\').join('/')] : [];
  });
}

// Comments are not stripped: an import quoted in a comment fails safe (a false alarm, never a miss).
function importsDatabase(file: string): boolean {
  return DATABASE_IMPORT.test(readFileSync(join(ROOT, file), 'utf8'));
}

const files = sourceFiles(SRC);
const offenders = files.filter((file) => !file.startsWith('src/persistence/') && importsDatabase(file));

describe('persistence boundary', () => {
  it('recognises every way of importing the database', () => {
    const samples = [
      "import mongoose from 'mongoose';",
      "import { Types } from 'mongoose';",
      "import type { Collection } from 'mongodb';",
      "export { Types } from 'mongoose';",
      "const m = await import('mongoose');",
      "import 'mongoose';",
      "import { ObjectId } from 'bson';",
      "import x from 'mongodb/lib/foo.js';",
    ];
    for (const sample of samples) expect(DATABASE_IMPORT.test(sample), sample).toBe(true);
    for (const sample of ["import { x } from './mongoose-helpers.js';", "import { y } from 'mongoose-lean';", "// a comment about mongoose"]) {
      expect(DATABASE_IMPORT.test(sample), sample).toBe(false);
    }
  });

  it('no file outside src/persistence imports mongoose or mongodb, except those still pending', () => {
    // The remaining work, printed on every run until PENDING is empty.
    if (PENDING.length > 0) console.info(`persistence boundary: ${PENDING.length} file(s) still import the database directly`);
    const unexpected = offenders.filter((file) => !PENDING.includes(file));
    expect(unexpected, 'these files import the database directly: move the queries into a repository under src/persistence/').toEqual([]);
  });

  it('the pending list only names files that still import the database (remove a file once converted)', () => {
    const stale = PENDING.filter((file) => !offenders.includes(file));
    expect(stale, 'converted or deleted: remove these from PENDING').toEqual([]);
  });
});

/**
 * Installs the embedded MongoDB-compatible server, FerretDB 1.24 (SQLite backend), into a project-local
 * tools folder the first time, and reuses it afterwards.
 *
 * Why not a plain `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2`: FerretDB's version
 * package embeds `build/version/version.txt`, which the module zip does not contain, and a binary
 * built by `go install` panics at start-up ("Invalid build/version/version.txt"). So we fetch the very
 * same module through the Go module proxy (`go mod download`), write the version file FerretDB's
 * own build would generate, and `go build ./cmd/ferretdb` from that copy.
 *
 * One line of that copy is changed (`ID_LOOKUP_PATCH`): FerretDB 1.24 looks documents up by `_id` with
 * the SQLite expression `_ferretdb_sjson->'$._id'`, while its unique `_id` index is on
 * `_ferretdb_sjson->"_id"`. Both give the same value, but SQLite uses an expression index only for the
 * very expression it was built on, so every find, update and delete by `_id` scanned the whole table
 * and a sync slowed down as the database grew (2,000 invoices: 261 records a minute and falling). The
 * patched expression is the index's own.
 *
 * The second change (`WRITE_LOCK_PATCH`) makes every write atomic. FerretDB 1.x runs `update`,
 * `findAndModify` and `delete` as a read, a change made in Go, then a write, with nothing between the read
 * and the write: two updates of one document both read the old version and the later write silently undoes
 * the earlier one (a disconnect that set NOT_CONNECTED was undone by a concurrent "last successful call"
 * stamp), conditional updates (`{tokenVersion: 3}`) can both succeed, and `$inc` loses counts. MongoDB makes
 * each single-document write atomic; the patch gets the same by letting one write at a time run per
 * collection, inside the one FerretDB process every gateway process shares. SQLite already takes one writer
 * at a time, so little throughput is lost; reads are not locked.
 *
 * The third change (`TENANT_PUSHDOWN_PATCH`) lets SQLite use the tenant indexes. FerretDB 1.24 on SQLite
 * hands SQLite a WHERE clause only for a filter that is exactly `{_id: value}`; every other filter read the
 * whole collection and was matched in Go, so one tenant's list read every tenant's documents (14.6 s at
 * 200,000 documents). The patched query narrows by `_id` when the filter names one (or a list of them with `$in`), else by `tenantId`
 * (every tenant-scoped query names it, and our collections index it first), with the index's own
 * expression, so SQLite answers from the index. FerretDB still matches the whole filter in Go afterwards,
 * so narrowing can only drop documents that could not match: `tenantId` is never an array in our data
 * (MongoDB would match an array holding the value; this narrowing would not), and `_id` never is.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
export const FERRETDB_VERSION = 'v1.24.2';
/** Our build of it (bump when the patch changes, so existing installs are rebuilt). */
export const FERRETDB_BUILD = `${FERRETDB_VERSION}-fieldbooks.4`;

/** FerretDB 1.24.2's go.mod says `go 1.24`: an older Go cannot build it (and cannot fetch a newer toolchain without the checksum database). */
export const GO_MINIMUM = [1, 24] as const;

/** The `_id` lookup expression, made identical to the `_id` index's expression (see above). */
export const ID_LOOKUP_PATCH = {
  file: 'internal/backends/sqlite/metadata/metadata.go',
  from: `IDColumn = DefaultColumn + "->'$._id'"`,
  to: 'IDColumn = DefaultColumn + `->"_id"`',
};

/** One write at a time per collection (see above): a lock file, and one line in each write handler. */
export const WRITE_LOCK_PATCH = {
  file: 'internal/handler/fieldbooks_writelock.go',
  source: `// Added by fieldbooks: FerretDB 1.x writes read a document, change it in Go and write it back with
// nothing in between, so concurrent writes of one document lose updates. One write at a time per
// collection makes each write atomic, as MongoDB's are.

package handler

import "sync"

var fieldbooksWriteLocks sync.Map

func fieldbooksLockCollection(db, collection string) func() {
\tlock, _ := fieldbooksWriteLocks.LoadOrStore(db+"."+collection, new(sync.Mutex))
\tmu := lock.(*sync.Mutex)
\tmu.Lock()
\treturn mu.Unlock
}
`,
  /** Each handler, the line after which the lock is taken (held until the command's answer is built). */
  handlers: [
    { file: 'internal/handler/msg_update.go', after: '\t_ = params.Ordered\n' },
    { file: 'internal/handler/msg_findandmodify.go', after: '\tvar resDoc *types.Document\n' },
    { file: 'internal/handler/msg_delete.go', after: '\tparams, err := common.GetDeleteParams(document, h.L)\n\tif err != nil {\n\t\treturn nil, lazyerrors.Error(err)\n\t}\n' },
  ],
  lock: '\n\tdefer fieldbooksLockCollection(params.DB, params.Collection)()\n',
} as const;

/** Narrow queries by `_id` or `tenantId` in SQLite (see above): a helper file, and the Query method's WHERE. */
export const TENANT_PUSHDOWN_PATCH = {
  file: 'internal/backends/sqlite/fieldbooks_pushdown.go',
  source: `// Added by fieldbooks: narrow a query in SQLite by _id, else by tenantId, with the expressions the
// indexes are built on, so SQLite answers from an index. The handler still applies the whole filter.

package sqlite

import (
\t"fmt"
\t"strings"

\t"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
\t"github.com/FerretDB/FerretDB/internal/handler/sjson"
\t"github.com/FerretDB/FerretDB/internal/types"
\t"github.com/FerretDB/FerretDB/internal/util/must"
)

func fieldbooksPushdown(filter *types.Document) (string, []any) {
\tif filter == nil {
\t\treturn "", nil
\t}
\tif v, err := filter.Get("_id"); err == nil {
\t\tswitch v := v.(type) {
\t\tcase string, types.ObjectID:
\t\t\treturn fmt.Sprintf(\` WHERE %s = ?\`, metadata.IDColumn), []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
\t\tcase *types.Document:
\t\t\t// {_id: {$in: [ids]}}: loaders read a page's records by their ids.
\t\t\tif where, args := fieldbooksIDIn(v); where != "" {
\t\t\t\treturn where, args
\t\t\t}
\t\t}
\t}
\tif v, err := filter.Get("tenantId"); err == nil {
\t\tswitch v.(type) {
\t\tcase string, types.ObjectID:
\t\t\treturn fmt.Sprintf(\` WHERE %s->"tenantId" = ?\`, metadata.DefaultColumn), []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
\t\t}
\t}
\treturn "", nil
}

func fieldbooksIDIn(cond *types.Document) (string, []any) {
\tif cond.Len() != 1 {
\t\treturn "", nil
\t}
\tin, err := cond.Get("$in")
\tif err != nil {
\t\treturn "", nil
\t}
\tarr, ok := in.(*types.Array)
\tif !ok || arr.Len() == 0 || arr.Len() > 1000 {
\t\treturn "", nil
\t}
\tplaceholders := make([]string, 0, arr.Len())
\targs := make([]any, 0, arr.Len())
\tfor i := 0; i < arr.Len(); i++ {
\t\te := must.NotFail(arr.Get(i))
\t\tswitch e.(type) {
\t\tcase string, types.ObjectID:
\t\t\tplaceholders = append(placeholders, "?")
\t\t\targs = append(args, string(must.NotFail(sjson.MarshalSingleValue(e))))
\t\tdefault:
\t\t\treturn "", nil
\t\t}
\t}
\treturn fmt.Sprintf(\` WHERE %s IN (%s)\`, metadata.IDColumn, strings.Join(placeholders, ", ")), args
}
`,
  target: 'internal/backends/sqlite/collection.go',
  /** The Query method's own `{_id}`-only narrowing (Explain has its own copy, left as it is). */
  from: `\tif params.Filter.Len() == 1 {
\t\tv, _ := params.Filter.Get("_id")
\t\tswitch v.(type) {
\t\tcase string, types.ObjectID:
\t\t\twhereClause = fmt.Sprintf(\` WHERE %s = ?\`, metadata.IDColumn)
\t\t\targs = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
\t\t}
\t}
`,
  to: '\twhereClause, args = fieldbooksPushdown(params.Filter)\n',
} as const;

export class EmbeddedDatabaseUnavailableError extends Error {
  constructor(reason: string) {
    super(
      `${reason}\n` +
        'fieldbooks needs a MongoDB-compatible database. Either:\n' +
        '  - set MONGODB_URI to a MongoDB 6+ server (e.g. MONGODB_URI=mongodb://localhost:27017/fieldbooks), or\n' +
        `  - install Go ${GO_MINIMUM.join('.')}+ (https://go.dev/dl/, or \`bash scripts/install-go.sh\`, which fetches one into the tools folder) so fieldbooks can build its embedded FerretDB server on first start.`,
    );
    this.name = 'EmbeddedDatabaseUnavailableError';
  }
}

export function ferretdbBinaryPath(toolsDir: string): string {
  return path.join(toolsDir, 'ferretdb', FERRETDB_BUILD, 'bin', 'ferretdb');
}

/** Returns the path of a FerretDB binary, building it first if it is not there yet. */
export async function ensureFerretdb(toolsDir: string, log: (message: string) => void = () => {}): Promise<string> {
  const binary = ferretdbBinaryPath(toolsDir);
  if (existsSync(binary)) return binary;

  const { go, version: goVersion } = await findGo(toolsDir);
  log(`Building the embedded FerretDB ${FERRETDB_VERSION} with ${goVersion} (first start only, about a minute)...`);

  const root = path.dirname(path.dirname(binary));
  // A unique work folder, renamed into place at the end: two processes building at once cannot
  // leave a half-written binary behind for each other.
  const work = path.join(root, `.build-${process.pid}-${Date.now()}`);
  try {
    await mkdir(work, { recursive: true });
    // GOTOOLCHAIN=local: FerretDB's go.mod also names a toolchain (go1.24.3); any Go >= 1.24 builds it, and a
    // toolchain download would need the checksum database, which offline or proxied machines cannot reach.
    const { stdout } = await run(go, ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], {
      cwd: work,
      env: { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' },
      maxBuffer: 16 * 1024 * 1024,
    });
    const moduleDir = (JSON.parse(stdout) as { Dir?: string; Error?: string }).Dir;
    if (!moduleDir) throw new Error(`go mod download did not return a module folder: ${stdout}`);

    const src = path.join(work, 'src');
    await cp(moduleDir, src, { recursive: true });
    await makeWritable(src);
    await writeFile(path.join(src, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    await applyIdLookupPatch(src);
    await applyWriteLockPatch(src);
    await applyTenantPushdownPatch(src);
    const builtBinary = path.join(work, 'ferretdb');
    await run(go, ['build', '-trimpath', '-o', builtBinary, './cmd/ferretdb'], {
      cwd: src,
      env: { ...process.env, CGO_ENABLED: '0', GOTOOLCHAIN: 'local' },
      maxBuffer: 16 * 1024 * 1024,
    });
    await mkdir(path.dirname(binary), { recursive: true });
    await rename(builtBinary, binary);
  } catch (error) {
    if (existsSync(binary)) return binary; // another process won the race
    throw new EmbeddedDatabaseUnavailableError(`Building the embedded FerretDB server failed: ${(error as Error).message}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  log(`FerretDB installed at ${binary}`);
  return binary;
}

/**
 * The Go to build with: the one on PATH when it is new enough, else one that `scripts/install-go.sh` put in
 * the tools folder. Too old or missing fails at once, naming the version found and the way out.
 */
export async function findGo(toolsDir: string): Promise<{ go: string; version: string }> {
  const local = path.join(toolsDir, 'go');
  const installed = existsSync(local) ? (await readdir(local)).sort().reverse().map((v) => path.join(local, v, 'bin', 'go')) : [];
  const found: string[] = [];
  for (const go of ['go', ...installed]) {
    let version: string;
    try {
      version = (await run(go, ['version'], { env: { ...process.env, GOTOOLCHAIN: 'local' } })).stdout.trim();
    } catch {
      continue;
    }
    const match = /go(\d+)\.(\d+)/.exec(version);
    const [major, minor] = [Number(match?.[1] ?? 0), Number(match?.[2] ?? 0)];
    if (major > GO_MINIMUM[0] || (major === GO_MINIMUM[0] && minor >= GO_MINIMUM[1])) return { go, version };
    found.push(version);
  }
  throw new EmbeddedDatabaseUnavailableError(
    found.length
      ? `MONGODB_URI is not set and the Go found (${found.join('; ')}) is older than ${GO_MINIMUM.join('.')}, which the embedded FerretDB server needs to be built.`
      : 'MONGODB_URI is not set and Go is not installed, so the embedded FerretDB server cannot be built.',
  );
}

async function makeWritable(dir: string): Promise<void> {
  // Files from the Go module cache are read-only: open what we write (version.txt, the patched file).
  await chmod(dir, 0o755);
  await chmod(path.join(dir, 'build', 'version'), 0o755);
  await chmod(path.join(dir, path.dirname(ID_LOOKUP_PATCH.file)), 0o755);
  await chmod(path.join(dir, ID_LOOKUP_PATCH.file), 0o644);
  await chmod(path.join(dir, 'internal', 'handler'), 0o755);
  for (const { file } of WRITE_LOCK_PATCH.handlers) await chmod(path.join(dir, file), 0o644);
  await chmod(path.join(dir, path.dirname(TENANT_PUSHDOWN_PATCH.target)), 0o755);
  await chmod(path.join(dir, TENANT_PUSHDOWN_PATCH.target), 0o644);
}

async function applyIdLookupPatch(src: string): Promise<void> {
  const file = path.join(src, ID_LOOKUP_PATCH.file);
  const text = await readFile(file, 'utf8');
  if (!text.includes(ID_LOOKUP_PATCH.from)) throw new Error(`${ID_LOOKUP_PATCH.file} no longer contains ${ID_LOOKUP_PATCH.from}: review the _id lookup patch for this FerretDB version`);
  await writeFile(file, text.replace(ID_LOOKUP_PATCH.from, ID_LOOKUP_PATCH.to));
}

async function applyWriteLockPatch(src: string): Promise<void> {
  await writeFile(path.join(src, WRITE_LOCK_PATCH.file), WRITE_LOCK_PATCH.source);
  for (const { file, after } of WRITE_LOCK_PATCH.handlers) {
    const target = path.join(src, file);
    const text = await readFile(target, 'utf8');
    // Exactly one anchor, so the lock cannot land in the wrong function after a FerretDB upgrade.
    if (text.split(after).length !== 2) throw new Error(`${file} no longer contains its write-lock anchor once: review the write-lock patch for this FerretDB version`);
    await writeFile(target, text.replace(after, after + WRITE_LOCK_PATCH.lock));
  }
}

async function applyTenantPushdownPatch(src: string): Promise<void> {
  const target = path.join(src, TENANT_PUSHDOWN_PATCH.target);
  const text = await readFile(target, 'utf8');
  if (text.split(TENANT_PUSHDOWN_PATCH.from).length !== 2) throw new Error(`${TENANT_PUSHDOWN_PATCH.target} no longer contains the Query method's _id narrowing once: review the tenant pushdown patch for this FerretDB version`);
  await writeFile(target, text.replace(TENANT_PUSHDOWN_PATCH.from, TENANT_PUSHDOWN_PATCH.to));
  await writeFile(path.join(src, TENANT_PUSHDOWN_PATCH.file), TENANT_PUSHDOWN_PATCH.source);
}

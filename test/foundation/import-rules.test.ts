/**
 * The import rules of .dependency-cruiser.cjs (run by `npm run lint`) catch what they are meant to,
 * and their KNOWN-EXCEPTIONS lists only shrink:
 *
 * - a small tree with one planted violation per rule, next to the imports each rule allows, is cruised
 *   with the real configuration: exactly the planted violations are reported;
 * - the real src/ is cruised with the exceptions taken out: every file an exception names still breaks
 *   its rule (one that no longer does must leave the list, so the list cannot hide a new import).
 *
 * Both run the dependency-cruiser CLI as `npm run lint:imports` does (offline: it only reads files).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Rule {
  name: string;
  from: { path?: string | string[]; pathNot?: string | string[] };
  to: Record<string, unknown>;
}
interface Configuration {
  forbidden: Rule[];
  options: Record<string, unknown>;
}
interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

const config = createRequire(import.meta.url)(CONFIG) as Configuration;

/** `depcruise src` in `cwd` with `configPath`: the violations it reports (it exits non-zero when there are some). */
function cruise(cwd: string, configPath: string): Promise<Violation[]> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [DEPCRUISE, 'src', '--config', configPath, '--output-type', 'json'], { cwd, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      try {
        const result = JSON.parse(stdout) as { summary: { violations: Violation[] } };
        resolve(result.summary.violations);
      } catch {
        reject(new Error(`dependency-cruiser gave no report (${error?.message ?? 'no error'}): ${stderr}`));
      }
    });
  });
}

/** One line per violation, sorted: `rule: from -> to`. */
function lines(violations: Violation[]): string[] {
  return violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to.replace(/^node_modules\/((@[^/]+\/)?[^/]+)\/.*$/, '$1')}`).sort();
}

const PLANTED: Record<string, string> = {
  // graphql-only-at-the-edge
  'src/sync/planted-graphql.ts': "import { GraphQLError } from 'graphql';\nexport const refused = new GraphQLError('no');\n",
  'src/settings/planted-edge.ts': "import { edgeError } from '../graphql/errors.js';\nexport const refused = edgeError;\n",
  'src/graphql/errors.ts': "import { GraphQLError } from 'graphql';\nexport const edgeError = new GraphQLError('edge');\n",
  'src/sync/thing.resolver.ts': "import { Resolver } from 'type-graphql';\nexport const resolver = Resolver;\n",
  // no-circular
  'src/ledger/circle-a.ts': "import { b } from './circle-b.js';\nexport const a = (): number => b() + 1;\n",
  'src/ledger/circle-b.ts': "import { type a } from './circle-a.js';\nexport const b = (): number => 1;\nexport type A = typeof a;\n",
  // database-only-in-persistence
  'src/ledger/planted-db.ts': "import { Types } from 'mongoose';\nexport const id = new Types.ObjectId();\n",
  'src/persistence/thing.repository.ts': "import { Types } from 'mongoose';\nexport const id = new Types.ObjectId();\n",
  // no-simulator-in-production
  'src/pull/planted-simulator.ts': "import { simulator } from '../sandbox/sandbox.js';\nexport const s = simulator;\n",
  'src/sandbox/sandbox.ts': 'export const simulator = 1;\n',
  'src/app.ts': "export async function start(): Promise<number> {\n  const { simulator } = await import('./sandbox/sandbox.js');\n  return simulator;\n}\n",
  // engine-not-provider (outbox.service.ts is a known exception)
  'src/webhooks/planted-provider.ts': "import { client } from '../providers/quickbooks/qbo.client.js';\nexport const c = client;\n",
  'src/sync/outbox.service.ts': "import { client } from '../providers/quickbooks/qbo.client.js';\nexport const c = client;\n",
  'src/providers/quickbooks/qbo.client.ts': 'export const client = 1;\n',
  // money-through-one-module (a type-only import of Decimal is fine)
  'src/settings/planted-money.ts': "import { Decimal } from 'decimal.js';\nexport const one = new Decimal(1);\n",
  'src/settings/typed-money.ts': "import { type Decimal } from 'decimal.js';\nexport type Amount = Decimal;\n",
  'src/money/money.ts': "import { Decimal } from 'decimal.js';\nexport const dec = (v: string): Decimal => new Decimal(v);\n",
  // shared-modules-stay-neutral
  'src/errors/planted.errors.ts': "import { type A } from '../ledger/circle-b.js';\nexport type Planted = A;\n",
  // events-name-only-event-files
  'src/events/pubsub.ts':
    "import { type SyncProgressEvent } from '../sync/sync-progress.event.js';\nimport { start } from '../sync/sync.service.js';\nexport type Topics = { p: [SyncProgressEvent] };\nexport const s = start;\n",
  'src/sync/sync-progress.event.ts': 'export interface SyncProgressEvent {\n  runId: string;\n}\n',
  'src/sync/sync.service.ts': 'export const start = 1;\n',
};

const EXPECTED = [
  'database-only-in-persistence: src/ledger/planted-db.ts -> mongoose',
  'engine-not-provider: src/webhooks/planted-provider.ts -> src/providers/quickbooks/qbo.client.ts',
  'events-name-only-event-files: src/events/pubsub.ts -> src/sync/sync.service.ts',
  'graphql-only-at-the-edge: src/settings/planted-edge.ts -> src/graphql/errors.ts',
  'graphql-only-at-the-edge: src/sync/planted-graphql.ts -> graphql',
  'money-through-one-module: src/settings/planted-money.ts -> decimal.js',
  'no-circular: src/ledger/circle-a.ts -> src/ledger/circle-b.ts',
  'no-simulator-in-production: src/pull/planted-simulator.ts -> src/sandbox/sandbox.ts',
  'shared-modules-stay-neutral: src/errors/planted.errors.ts -> src/ledger/circle-b.ts',
];

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'fieldbooks-import-rules-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('import rules (.dependency-cruiser.cjs)', () => {
  it('reports exactly the planted violations, one per rule, and none of the allowed imports', async () => {
    const tree = join(scratch, 'tree');
    for (const [file, text] of Object.entries(PLANTED)) {
      await mkdir(dirname(join(tree, file)), { recursive: true });
      await writeFile(join(tree, file), text);
    }
    await writeFile(join(tree, 'package.json'), JSON.stringify({ type: 'module' }));
    await writeFile(join(tree, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true }, include: ['src'] }));
    // Stand-ins for the packages the rules name (the real ones would resolve through a symlink to
    // another folder, where no `^node_modules/` rule applies).
    for (const name of ['graphql', 'type-graphql', 'mongoose', 'decimal.js']) {
      const dir = join(tree, 'node_modules', name);
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'package.json'), JSON.stringify({ name, version: '0.0.0', main: 'index.js', types: 'index.d.ts' }));
      await writeFile(join(dir, 'index.js'), 'export {};\n');
      await writeFile(join(dir, 'index.d.ts'), 'export {};\n');
    }

    expect(lines(await cruise(tree, CONFIG))).toEqual(EXPECTED);
    // Every rule of the configuration is exercised by a planted file.
    expect(new Set(EXPECTED.map((line) => line.split(':')[0]))).toEqual(new Set(config.forbidden.map((rule) => rule.name)));
  });

  it('every file a KNOWN-EXCEPTIONS list names still breaks its rule (the lists only shrink)', async () => {
    // A listed file (`^src/...\\.ts$`), as opposed to the rule's own allowances (`^src/graphql/`, `\\.resolver\\.ts$`...).
    const listedFile = /^\^src\/[\w./\\-]+\\\.ts\$$/;
    const exceptions = new Map<string, string[]>();
    const stripped: Configuration = structuredClone(config);
    for (const rule of stripped.forbidden) {
      const pathNot = [rule.from.pathNot ?? []].flat();
      const files = pathNot.filter((p) => listedFile.test(p));
      if (files.length === 0) continue;
      exceptions.set(rule.name, files);
      rule.from.pathNot = pathNot.filter((p) => !files.includes(p));
    }
    expect(exceptions.get('engine-not-provider')?.length).toBeGreaterThan(0);
    const configPath = join(scratch, 'no-exceptions.json');
    await writeFile(configPath, JSON.stringify(stripped));

    const found = await cruise(ROOT, configPath);
    const stale: string[] = [];
    for (const [rule, patterns] of exceptions) {
      for (const pattern of patterns) {
        const file = pattern.slice(1, -1).replaceAll('\\.', '.');
        if (!found.some((v) => v.rule.name === rule && v.from === file)) stale.push(`${rule}: ${file}`);
      }
    }
    expect(stale, 'these files no longer break the rule they are listed for: remove them from KNOWN-EXCEPTIONS in .dependency-cruiser.cjs').toEqual([]);
  });
});

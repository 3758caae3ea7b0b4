// `npm start` and `npm run sandbox` build first, but only when something the build reads changed since the
// last successful build (about 20 s saved on every start). A build's inputs are the sources, the web app,
// the TypeScript and Vite configs and the lockfile; its stamp is dist/.build-stamp, written after it succeeds.
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const root = path.resolve(import.meta.dirname, '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const inputs = ['src', 'bench', 'web', 'schema.graphql', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
const skip = new Set(['node_modules', 'dist', '.build-lock']);

function newest(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs; // a deleted file changes its folder's mtime
  for (const entry of readdirSync(p)) if (!skip.has(entry)) max = Math.max(max, newest(path.join(p, entry)));
  return max;
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changed = Math.max(...inputs.map((i) => newest(path.join(root, i))));
if (built > changed && existsSync(path.join(root, 'web', 'dist', 'index.html'))) {
  console.log('fieldbooks: build is up to date (npm run build to force one)');
} else {
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

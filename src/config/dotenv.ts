/**
 * `.env` support for the entry points (`npm start`, `npm run sandbox`, `npm run tenant:create`): the
 * variables of `.env.example` can live in a `.env` file in the folder the command runs in. Node's own
 * loader reads it; a variable already set in the environment wins over the file, so a deployment's real
 * environment is never overridden by a stray file.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Loads the file into process.env when it exists; returns its path, or null when there is none. */
export function loadDotEnv(file = '.env'): string | null {
  const resolved = path.resolve(file);
  if (!existsSync(resolved)) return null;
  process.loadEnvFile(resolved);
  return resolved;
}

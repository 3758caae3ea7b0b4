/**
 * `.env`: the built gateway reads it from the folder it starts in (a bad value there stops it at once,
 * naming the variable, as the same value in the environment would), and a variable already in the
 * environment wins over the file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDotEnv } from '../../src/config/dotenv.js';

const main = path.resolve(import.meta.dirname, '../../dist/src/main.js');

describe('.env', () => {
  afterEach(() => {
    delete process.env.FIELDBOOKS_DOTENV_PROBE;
    delete process.env.FIELDBOOKS_DOTENV_ONLY_IN_FILE;
  });

  it('is read by npm start from the folder it runs in', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dotenv-'));
    await writeFile(path.join(dir, '.env'), '# from .env.example\nPORT=not-a-port\n');
    const env = { ...process.env };
    delete env.PORT;
    const run = spawnSync(process.execPath, [main], { cwd: dir, env, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(78);
    expect(run.stderr).toContain('PORT');
  });

  it('never overrides a variable already set in the environment', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dotenv-'));
    const file = path.join(dir, '.env');
    await writeFile(file, 'FIELDBOOKS_DOTENV_PROBE=from-file\nFIELDBOOKS_DOTENV_ONLY_IN_FILE="a b"\n');
    process.env.FIELDBOOKS_DOTENV_PROBE = 'from-environment';
    expect(loadDotEnv(file)).toBe(file);
    expect(process.env.FIELDBOOKS_DOTENV_PROBE).toBe('from-environment');
    expect(process.env.FIELDBOOKS_DOTENV_ONLY_IN_FILE).toBe('a b');
  });

  it('is optional', () => {
    expect(loadDotEnv(path.join(os.tmpdir(), 'no-such-folder', '.env'))).toBeNull();
  });
});

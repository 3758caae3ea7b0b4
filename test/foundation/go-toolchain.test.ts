/**
 * Which Go builds the embedded FerretDB: one new enough on PATH, else one in the tools folder
 * (`scripts/install-go.sh`), else a clear refusal naming the old version. Debian 12's golang-go (1.19) is
 * stood in for by a script that answers `go version` as it does.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedDatabaseUnavailableError, findGo } from '../../src/persistence/ferretdb.installer.js';

const realGo = execFileSync('sh', ['-c', 'command -v go'], { encoding: 'utf8' }).trim();
const savedPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = savedPath;
});

async function pathWithOldGo(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'old-go-'));
  await writeFile(path.join(dir, 'go'), '#!/bin/sh\necho "go version go1.19.8 linux/amd64"\n');
  await chmod(path.join(dir, 'go'), 0o755);
  return dir;
}

describe('the Go that builds FerretDB', () => {
  it('is the one on PATH when it is 1.24 or newer', async () => {
    const tools = await mkdtemp(path.join(os.tmpdir(), 'tools-'));
    const { go, version } = await findGo(tools);
    expect(go).toBe('go');
    expect(version).toMatch(/go1\.(2[4-9]|[3-9]\d)/);
  });

  it('refuses Go 1.19 on PATH with the version it found, when the tools folder has none', async () => {
    process.env.PATH = `${await pathWithOldGo()}:/usr/bin:/bin`;
    const tools = await mkdtemp(path.join(os.tmpdir(), 'tools-'));
    const refusal = await findGo(tools).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(EmbeddedDatabaseUnavailableError);
    expect((refusal as Error).message).toContain('go1.19.8');
    expect((refusal as Error).message).toContain('older than 1.24');
    expect((refusal as Error).message).toContain('scripts/install-go.sh');
  });

  it('uses the toolchain in the tools folder when PATH has only an old one', async () => {
    process.env.PATH = `${await pathWithOldGo()}:/usr/bin:/bin`;
    const tools = await mkdtemp(path.join(os.tmpdir(), 'tools-'));
    await mkdir(path.join(tools, 'go', 'go1.25.14', 'bin'), { recursive: true });
    await symlink(realGo, path.join(tools, 'go', 'go1.25.14', 'bin', 'go'));
    const { go } = await findGo(tools);
    expect(go).toBe(path.join(tools, 'go', 'go1.25.14', 'bin', 'go'));
  });
});

/**
 * One embedded FerretDB server for the whole test run (each test file gets its own database on it),
 * or the server named by MONGODB_URI when set. Built the first time exactly as `npm start` builds it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type TestProject } from 'vitest/node';
import { launchFerretdb, type EmbeddedMongo } from '../src/db/ferretdb.launcher.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
    mongoEmbedded: boolean;
  }
}

let server: EmbeddedMongo | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  const external = process.env.MONGODB_URI;
  if (external) {
    project.provide('mongoUri', external);
    project.provide('mongoEmbedded', false);
    return;
  }
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'fieldbooks-test-'));
  server = await launchFerretdb({
    toolsDir: path.resolve(process.env.FIELDBOOKS_TOOLS_DIR ?? '.tools'),
    dataDir,
    log: (m) => console.log(m),
  });
  project.provide('mongoUri', server.uri);
  project.provide('mongoEmbedded', true);
}

export async function teardown(): Promise<void> {
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}

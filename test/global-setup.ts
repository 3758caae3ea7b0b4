/**
 * One embedded FerretDB server for the whole test run (each test file gets its own database on it),
 * or the server named by MONGODB_URI when set. Built the first time exactly as `npm start` builds it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type TestProject } from 'vitest/node';
import { launchFerretdb, type EmbeddedMongo } from '../src/persistence/ferretdb.launcher.js';
import { startRedisServer, type TestRedisServer } from './helpers/redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
    mongoEmbedded: boolean;
    /** A Redis for the multi-instance tests ('' when redis-server is missing: see redisProblem). */
    redisUrl: string;
    redisProblem: string;
  }
}

let server: EmbeddedMongo | undefined;
let dataDir: string | undefined;
let redis: TestRedisServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  await provideRedis(project);
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

/**
 * One redis-server for the run (REDIS_URL when set). Only the multi-instance tests need it: a missing
 * binary fails those tests with the command that installs it, not the whole run. Tests keep apart
 * on it by key and channel prefix (pub/sub has no databases).
 */
async function provideRedis(project: TestProject): Promise<void> {
  const external = process.env.REDIS_URL;
  if (external) {
    project.provide('redisUrl', external);
    project.provide('redisProblem', '');
    return;
  }
  try {
    redis = await startRedisServer();
    project.provide('redisUrl', redis.url);
    project.provide('redisProblem', '');
  } catch (error) {
    project.provide('redisUrl', '');
    project.provide('redisProblem', (error as Error).message);
  }
}

export async function teardown(): Promise<void> {
  await redis?.stop();
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}

/** The committed schema.graphql must be exactly what the resolvers produce (run `npm run schema`). */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildAppSchema } from '../../src/graphql/schema.js';
import { printAppSchema } from '../../src/graphql/schema-printer.js';

describe('schema.graphql', () => {
  it('is up to date with the resolvers', async () => {
    const committed = await readFile(new URL('../../schema.graphql', import.meta.url), 'utf8');
    const current = printAppSchema(await buildAppSchema());
    expect(committed, 'schema.graphql is stale: run `npm run schema` and commit the result').toBe(current);
  });

  it('detects a stale file (the check is not vacuous)', async () => {
    const current = printAppSchema(await buildAppSchema());
    const stale = current.replace('viewer: Viewer!', 'viewer: Viewer');
    expect(stale).not.toBe(current);
  });
});

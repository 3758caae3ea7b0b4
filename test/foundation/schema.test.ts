/** The committed schema.graphql must be exactly what the resolvers produce (run `npm run schema`). */
import { readFile } from 'node:fs/promises';
import { buildSchema, type GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType } from 'graphql';
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

/** Every type, field, argument, input field and enum value of the public contract, with no description. */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const has = (d: string | null | undefined) => typeof d === 'string' && d.trim().length > 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    if (!has(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!has(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (!has(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (!has(field.description)) missing.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) if (!has(value.description)) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing.sort();
}

describe('the contract explains itself', () => {
  it('describes every type, field, argument and enum value', async () => {
    expect(undescribed(await buildAppSchema())).toEqual([]);
  });

  it('finds an element without a description (the walk is not vacuous)', () => {
    const schema = buildSchema('"""A query."""\ntype Query {\n  """Said."""\n  a(x: Int): E\n}\n"""E."""\nenum E {\n  ONE\n}');
    expect(undescribed(schema)).toEqual(['E.ONE', 'Query.a(x)']);
  });
});

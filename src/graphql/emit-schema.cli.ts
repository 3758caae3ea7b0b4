/** `npm run schema`: writes schema.graphql from the resolvers. */
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildAppSchema } from './schema.js';
import { printAppSchema } from './schema-printer.js';

const target = path.resolve(process.argv[2] ?? 'schema.graphql');
await writeFile(target, printAppSchema(await buildAppSchema()));
console.log(`wrote ${target}`);

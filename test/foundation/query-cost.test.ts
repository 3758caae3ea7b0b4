/**
 * The query cost model (src/graphql/query-cost.rules.ts, README "Query cost"): a page of 100 list rows
 * with their usual fields is accepted, whether `first` is written in the query or sent as a variable,
 * on HTTP and WebSocket alike; nested lists that multiply into a large answer are still refused, also
 * when their page sizes hide in the variables.
 */
import { readdir, readFile } from 'node:fs/promises';
import { Kind, parse, print, type DocumentNode, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppSchema } from '../../src/graphql/schema.js';
import { QUERY_COST_LIMIT, queryCost } from '../../src/graphql/query-cost.rules.js';
import { InvoicesDocument, PaymentsDocument, CustomersDocument } from '../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';
import { openAuthenticatedSocket } from '../helpers/ws-raw.js';

const root = new URL('../../', import.meta.url);
let schema: GraphQLSchema;
let gw: TestGateway;
let apiKey: string;

/** Every operation of the web app and of the FSM's test operations, one document each (with the file's fragments). */
async function operations(): Promise<{ name: string; document: DocumentNode }[]> {
  const files: string[] = [];
  for (const folder of ['web/src/', 'test/operations/']) {
    for (const file of await readdir(new URL(folder, root), { recursive: true })) if (file.endsWith('.graphql')) files.push(folder + file);
  }
  expect(files.length).toBeGreaterThan(10);
  const found: { name: string; document: DocumentNode }[] = [];
  for (const file of files) {
    const document = parse(await readFile(new URL(file, root), 'utf8'));
    for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION && d.name) found.push({ name: `${file} ${d.name.value}`, document });
  }
  return found;
}

/** Every Int variable of the operation (page sizes: first, runs, issues) set to 100. */
function pagesOf100(document: DocumentNode, name: string): Record<string, unknown> {
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name.split(' ')[1]);
  const variables: Record<string, unknown> = {};
  if (operation?.kind !== Kind.OPERATION_DEFINITION) return variables;
  for (const v of operation.variableDefinitions ?? []) {
    if (print(v.type).replace('!', '') === 'Int') variables[v.variable.name.value] = 100;
  }
  return variables;
}

const abusive = `query Nested($n: Int) {
  payments(first: $n) { edges { node { id allocations { amount invoice { id lines { lineId amount quantity unitPrice description kind taxCode } } } } } }
}`;

/** The abusive query with its page size written in the query. */
const abusiveWith = (n: number) => abusive.replace('($n: Int)', '').replace('first: $n', `first: ${n}`);

beforeAll(async () => {
  schema = await buildAppSchema();
  gw = await startTestGateway('query_cost');
  apiKey = (await gw.app.services.tenants.createTenant('Harbour Plumbing')).apiKey;
});
afterAll(async () => {
  await gw?.close();
});

describe('the cost model', () => {
  it('accepts every web app and FSM operation with pages of 100 rows', async () => {
    const over: string[] = [];
    for (const { name, document } of await operations()) {
      const cost = queryCost(schema, document, name.split(' ')[1], pagesOf100(document, name));
      expect(cost, name).not.toBeNull();
      if (cost! > QUERY_COST_LIMIT) over.push(`${name}: ${cost}`);
    }
    expect(over).toEqual([]);
  });

  it('counts a page size sent in the variables as much as one written in the query', () => {
    const literal = queryCost(schema, parse(abusiveWith(200)), 'Nested', {});
    const variable = queryCost(schema, parse(abusive), 'Nested', { n: 200 });
    expect(variable).toBe(literal);
    expect(variable).toBeGreaterThan(QUERY_COST_LIMIT);
    // Without a value, the default page size (50) counts; a declared default counts when nothing is sent.
    expect(queryCost(schema, parse(abusive), 'Nested', {})).toBe(queryCost(schema, parse(abusiveWith(50)), 'Nested', {}));
    expect(queryCost(schema, parse(abusive.replace('$n: Int', '$n: Int = 200')), 'Nested', {})).toBe(literal);
  });

  it('counts fields, page sizes and estimated list sizes as the README says', () => {
    // 1 (invoices) + 1 (totalCount) + 1 (edges) + 100 x (1 node + 2 fields + 1 lines + 10 x 2 line fields)
    const cost = queryCost(schema, parse('{ invoices(first: 100) { totalCount edges { node { id number lines { lineId amount } } } } }'), undefined, {});
    expect(cost).toBe(3 + 100 * (1 + 2 + 1 + 10 * 2));
  });
});

describe('over HTTP and WebSocket', () => {
  it('answers invoices, payments and customers pages of 100 with their usual fields and sync state', async () => {
    const results = [await gql(gw.graphqlUrl, InvoicesDocument, { first: 100 }, apiKey), await gql(gw.graphqlUrl, PaymentsDocument, { first: 100 }, apiKey), await gql(gw.graphqlUrl, CustomersDocument, { first: 100 }, apiKey)];
    for (const result of results) {
      expect(result.errors).toBeUndefined();
      expect(result.status).toBe(200);
    }
    // The same page with `first` written in the query: refused by the old rule (about 40 rows fit).
    const literal = print(InvoicesDocument).replace('first: $first', 'first: 100').replace(', $first: Int', '');
    const response = await fetch(gw.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body: JSON.stringify({ query: literal }) });
    const body = (await response.json()) as { errors?: unknown; data?: { invoices: { totalCount: number } } };
    expect(body.errors).toBeUndefined();
    expect(body.data?.invoices.totalCount).toBe(0);
  });

  it('refuses nested lists whose page size is sent as a variable, with HTTP 400 and the cost named', async () => {
    const response = await fetch(gw.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body: JSON.stringify({ query: abusive, variables: { n: 200 } }) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[]; data?: unknown };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]!.message).toMatch(/^Query cost limit of 20,000 exceeded: this operation costs [\d,]+\./);
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', maxCost: QUERY_COST_LIMIT });
    expect(body.errors[0]!.extensions.http).toBeUndefined();
    // A small page of the same shape goes through.
    const small = await fetch(gw.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body: JSON.stringify({ query: abusive, variables: { n: 5 } }) });
    expect(small.status).toBe(200);
  });

  it('applies the same model on WebSocket, variables included', async () => {
    const socket = await openAuthenticatedSocket(gw.wsUrl, apiKey);
    const refused = await socket.run('big', abusive, { n: 200 });
    expect(refused.type).toBe('error');
    expect(JSON.stringify(refused.payload)).toMatch(/Query cost limit of 20,000 exceeded/);
    const page = await socket.run('page', print(InvoicesDocument), { first: 100 });
    expect(page.type).toBe('next');
    expect(JSON.stringify(page.payload)).not.toMatch(/errors/);
    socket.close();
  });
});

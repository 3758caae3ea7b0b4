/**
 * What a client receives when an operation fails, byte for byte, over real HTTP and real WebSocket:
 * services throw the transport-free errors of src/errors/, and the API edge (src/graphql/errors.ts)
 * alone turns them into GraphQL errors. The answers are pinned as they were when services still threw
 * GraphQL errors themselves (message, code, `fields`, `type`/`id`, HTTP status; no `extensions.http`),
 * and a WebSocket operation gets exactly the errors HTTP gets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { rawRequest } from '../helpers/http-raw.js';
import { openAuthenticatedSocket, type RawGraphqlSocket } from '../helpers/ws-raw.js';

let gw: TestGateway;
let apiKey: string;
let socket: RawGraphqlSocket;

beforeAll(async () => {
  gw = await startTestGateway('error_wire');
  apiKey = (await gw.app.services.tenants.createTenant('Wire Plumbing')).apiKey;
  socket = await openAuthenticatedSocket(gw.wsUrl, apiKey);
});
afterAll(async () => {
  socket?.close();
  await gw?.close();
});

function post(query: string, key?: string) {
  return rawRequest(gw.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query }),
  });
}

let operation = 0;
/** The errors of `query` run on the socket, as the JSON text of the `errors` array. */
async function overWebSocket(query: string): Promise<string> {
  const message = await socket.run(`op-${++operation}`, query);
  const errors = message.type === 'error' ? message.payload : (message.payload as { errors?: unknown }).errors;
  return JSON.stringify(errors);
}

/** The errors array of an HTTP answer, as JSON text (key order included). */
function errorsOf(body: string): string {
  return JSON.stringify((JSON.parse(body) as { errors: unknown }).errors);
}

describe('errors on the wire', () => {
  it('no API key: 401 and UNAUTHENTICATED (the refused Apollo context, without a "Context creation failed" prefix)', async () => {
    const answer = await post('{ viewer { tenant { id } } }');
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchInlineSnapshot(`
      "{"errors":[{"message":"A valid API key is required: send \\"Authorization: Bearer <api key>\\".","extensions":{"code":"UNAUTHENTICATED"}}]}
      "
    `);
  });

  it('bad input thrown by a resolver: BAD_USER_INPUT with the offending fields, the same on both transports', async () => {
    const query = 'mutation { createApiKey(label: "   ") { secret } }';
    const answer = await post(query, apiKey);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchInlineSnapshot(`
      "{"errors":[{"message":"label must be 1-100 characters.","locations":[{"line":1,"column":12}],"path":["createApiKey"],"extensions":{"code":"BAD_USER_INPUT","fields":[{"path":["label"],"message":"must be 1-100 characters"}]}}],"data":null}
      "
    `);
    expect(await overWebSocket(query)).toBe(errorsOf(answer.body));
  });

  it('bad paging arguments (src/paging): BAD_USER_INPUT naming the argument, the same on both transports', async () => {
    for (const query of ['{ invoices(first: 0) { totalCount } }', '{ invoices(after: "not-a-cursor") { totalCount } }']) {
      const answer = await post(query, apiKey);
      expect(answer.status).toBe(200);
      expect(await overWebSocket(query)).toBe(errorsOf(answer.body));
    }
    expect((await post('{ invoices(first: 0) { totalCount } }', apiKey)).body).toMatchInlineSnapshot(`
      "{"errors":[{"message":"first must be between 1 and 200.","locations":[{"line":1,"column":3}],"path":["invoices"],"extensions":{"code":"BAD_USER_INPUT","fields":[{"path":["first"],"message":"must be between 1 and 200"}]}}],"data":null}
      "
    `);
    expect((await post('{ invoices(after: "not-a-cursor") { totalCount } }', apiKey)).body).toMatchInlineSnapshot(`
      "{"errors":[{"message":"after is not a cursor returned by this list.","locations":[{"line":1,"column":3}],"path":["invoices"],"extensions":{"code":"BAD_USER_INPUT","fields":[{"path":["after"],"message":"is not a valid cursor"}]}}],"data":null}
      "
    `);
  });

  it('a record a service cannot find: NOT_FOUND with its type and id, the same on both transports', async () => {
    const query = 'mutation { revokeApiKey(id: "0123456789abcdef01234567") { id } }';
    const answer = await post(query, apiKey);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchInlineSnapshot(`
      "{"errors":[{"message":"ApiKey 0123456789abcdef01234567 was not found.","locations":[{"line":1,"column":12}],"path":["revokeApiKey"],"extensions":{"code":"NOT_FOUND","type":"ApiKey","id":"0123456789abcdef01234567"}}],"data":null}
      "
    `);
    expect(await overWebSocket(query)).toBe(errorsOf(answer.body));
  });

  it('QuickBooks not connected: QUICKBOOKS_NOT_CONNECTED, the same on both transports', async () => {
    const query = 'mutation { importCustomers { __typename } }';
    const answer = await post(query, apiKey);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchInlineSnapshot(`
      "{"errors":[{"message":"QuickBooks is not connected for this tenant: call connectQuickBooks first.","locations":[{"line":1,"column":12}],"path":["importCustomers"],"extensions":{"code":"QUICKBOOKS_NOT_CONNECTED"}}],"data":null}
      "
    `);
    expect(await overWebSocket(query)).toBe(errorsOf(answer.body));
  });
});

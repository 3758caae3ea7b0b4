/**
 * WebSocket keep-alive: the gateway pings every socket, so a proxy's idle timeout (nginx: 60 s) does not
 * close a quiet subscription, and a peer that stopped answering is terminated instead of holding its
 * subscriptions forever. A real gateway with a short interval, real `ws` sockets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { openRawSocket } from '../helpers/ws-raw.js';

let gw: TestGateway;
let key: string;

beforeAll(async () => {
  gw = await startTestGateway('ws-keepalive', { FIELDBOOKS_WS_KEEPALIVE_MS: '150' });
  key = (await gw.app.services.tenants.createTenant('Keepalive Plumbing')).apiKey;
});

afterAll(async () => {
  await gw?.close();
});

describe('WebSocket keep-alive', () => {
  it('pings a quiet authenticated socket, which stays open while it answers', async () => {
    const socket = await openRawSocket(gw.wsUrl);
    let pings = 0;
    socket.ws.on('ping', () => pings++);
    socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${key}` } });
    await socket.next((m) => m.type === 'connection_ack');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(pings).toBeGreaterThanOrEqual(3);
    expect(socket.ws.readyState).toBe(WebSocket.OPEN);
    socket.close();
  });

  it('terminates a peer that stopped answering pings', async () => {
    const ws = new WebSocket(gw.wsUrl, 'graphql-transport-ws', { autoPong: false });
    ws.on('error', () => {});
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${key}` } }));
    const began = Date.now();
    // Terminated (no close frame: 1006) after one unanswered ping, well within a second.
    expect(await closed).toBe(1006);
    expect(Date.now() - began).toBeLessThan(2_000);
  });
});

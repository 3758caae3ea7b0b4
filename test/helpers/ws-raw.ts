/**
 * A graphql-ws (graphql-transport-ws) client at the message level, over a real `ws` socket: tests
 * that need to send oversized frames, run several operations on one socket and see the exact close
 * code and reason use it instead of graphql-ws's client, which hides those.
 */
import WebSocket from 'ws';

export interface WsMessage {
  type: string;
  id?: string;
  payload?: unknown;
}

export interface RawGraphqlSocket {
  ws: WebSocket;
  messages: WsMessage[];
  /** Resolves with the close code and reason once the socket closes. */
  closed: Promise<{ code: number; reason: string }>;
  send(message: unknown): void;
  /** The first message (already received or still to come) matching `match`; rejects on close or timeout. */
  next(match: (m: WsMessage) => boolean, ms?: number): Promise<WsMessage>;
  /** Subscribe and wait for the operation's first `next` or `error` message. */
  run(id: string, query: string, variables?: Record<string, unknown>): Promise<WsMessage>;
  close(): void;
}

export async function openRawSocket(url: string): Promise<RawGraphqlSocket> {
  const ws = new WebSocket(url, 'graphql-transport-ws');
  const messages: WsMessage[] = [];
  const waiters = new Set<() => void>();
  let closedWith: { code: number; reason: string } | undefined;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => {
      closedWith = { code, reason: reason.toString() };
      resolve(closedWith);
      for (const w of waiters) w();
    });
  });
  ws.on('error', () => {}); // a refused or reset socket shows in `closed`
  ws.on('message', (data: Buffer) => {
    messages.push(JSON.parse(data.toString()) as WsMessage);
    for (const w of waiters) w();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('close', (code) => reject(new Error(`socket closed before opening (${code})`)));
  });
  const socket: RawGraphqlSocket = {
    ws,
    messages,
    closed,
    send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next(match, ms = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (found) return done(() => resolve(found));
          if (closedWith) return done(() => reject(new Error(`socket closed (${closedWith!.code} ${closedWith!.reason}) before the message came`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`no matching message within ${ms} ms; got ${JSON.stringify(messages).slice(0, 500)}`))), ms);
        const done = (settle: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        waiters.add(check);
        check();
      });
    },
    run(id, query, variables) {
      socket.send({ id, type: 'subscribe', payload: { query, variables } });
      return socket.next((m) => m.id === id && (m.type === 'next' || m.type === 'error'));
    },
    close: () => ws.close(),
  };
  return socket;
}

/** Opens a socket and completes connection_init with the key; rejects unless acknowledged. */
export async function openAuthenticatedSocket(url: string, apiKey: string): Promise<RawGraphqlSocket> {
  const socket = await openRawSocket(url);
  socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${apiKey}` } });
  await socket.next((m) => m.type === 'connection_ack');
  return socket;
}

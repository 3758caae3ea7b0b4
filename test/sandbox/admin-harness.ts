/**
 * Harness for the admin-API tests: a whole sandbox (createSandbox) on 127.0.0.1:0 driven only over
 * HTTP, as a test or developer in another process would drive it, plus a local webhook receiver whose
 * answers can be scripted.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/sandbox.js';

export interface AdminHarness {
  sandbox: Sandbox;
  url: string;
  /** A JSON call to `/_sandbox{path}`; `rawBody` sends bytes as they are (for malformed JSON). */
  admin<T = Record<string, unknown>>(method: string, path: string, body?: unknown, rawBody?: string): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

export async function startAdminHarness(options: SandboxOptions = {}): Promise<AdminHarness> {
  const sandbox = createSandbox({ limits: false, ...options });
  const { url } = await sandbox.listen(0, '127.0.0.1');
  return {
    sandbox,
    url,
    async admin<T>(method: string, path: string, body?: unknown, rawBody?: string) {
      const payload = rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
      const res = await fetch(`${url}/_sandbox${path}`, {
        method,
        headers: payload === undefined ? {} : { 'content-type': 'application/json' },
        body: payload,
      });
      return { status: res.status, body: (await res.json()) as T };
    },
    close: () => sandbox.close(),
  };
}

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Statuses for the next requests, in order; 200 once it runs out. */
  script: number[];
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const script: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (b: Buffer) => chunks.push(b));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = script.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/quickbooks`,
    received,
    script,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls until `check` holds (real time; the sandbox's own waits are virtual and scaled). */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

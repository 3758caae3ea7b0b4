/**
 * Test harness for the core sandbox integration tests: starts the sandbox in-process on port 0 and
 * drives it with the real node-quickbooks client over HTTP (callback API promisified per call).
 */
import { createRequire } from 'node:module';
import QuickBooksModule from 'node-quickbooks';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/sandbox.js';

const require = createRequire(import.meta.url);
// node-quickbooks uses the CommonJS axios instance: a timeout keeps "hold the response" tests bounded.
(require('axios') as { defaults: { timeout: number } }).defaults.timeout = 5_000;

type QboInstance = Record<string, unknown> & { endpoint: string };
type QboCtor = new (...args: unknown[]) => QboInstance;
// Its bundled typings declare a default export that NodeNext does not see as constructable.
const QuickBooks = QuickBooksModule as unknown as QboCtor;

export interface QboClient {
  raw: QboInstance;
  call<T = Record<string, unknown>>(method: string, ...args: unknown[]): Promise<T>;
}

export function qboClient(baseUrl: string, accessToken: string, realmId: string): QboClient {
  const raw = new QuickBooks('unused-client-id', 'unused-secret', accessToken, false, realmId, true, false, 75, '2.0', 'unused-refresh');
  raw.endpoint = `${baseUrl}/v3/company/`;
  return {
    raw,
    call<T>(method: string, ...args: unknown[]) {
      const fn = raw[method];
      if (typeof fn !== 'function') throw new Error(`node-quickbooks has no method ${method}`);
      const invoke = fn as (...a: unknown[]) => void;
      return new Promise<T>((resolve, reject) => {
        // node-quickbooks rejects with the QBO body or an AxiosError; tests inspect either.
        const done = (err: unknown, body: unknown): void => {
          if (err) reject(err instanceof Error ? err : Object.assign(new Error('QBO fault'), err));
          else resolve(body as T);
        };
        invoke.call(raw, ...args, done);
      });
    },
  };
}

export interface Harness {
  sandbox: Sandbox;
  url: string;
  token(realmId: string): string;
  client(realmId: string): QboClient;
  admin<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** A raw data-API call (for what node-quickbooks cannot send, and to compare bytes and headers). */
  api(realmId: string, method: string, pathAndQuery: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; text: string; headers: Headers; json: () => Record<string, unknown> }>;
}

export async function startHarness(options: SandboxOptions = {}): Promise<Harness> {
  // The clock stands still here, so every call falls in one second: QBO's 10-per-second cap is left to the limits tests.
  const sandbox = createSandbox({ start: Date.parse('2026-05-05T09:08:55.000Z'), limits: { perSecond: null }, ...options });
  const { url } = await sandbox.listen(0);
  const token = (realmId: string) => sandbox.oauth.issueTokensForTest(realmId).access_token;
  return {
    sandbox,
    url,
    token,
    client: (realmId) => qboClient(url, token(realmId), realmId),
    async api(realmId, method, pathAndQuery, body, headers = {}) {
      const res = await fetch(`${url}/v3/company/${realmId}${pathAndQuery}`, {
        method,
        headers: { authorization: `Bearer ${token(realmId)}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, text, headers: res.headers, json: () => JSON.parse(text) as Record<string, unknown> };
    },
    async admin<T>(method: string, path: string, body?: unknown) {
      const res = await fetch(`${url}/_sandbox${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as T };
    },
  };
}

/** The QBO fault body node-quickbooks hands to the callback (AxiosError.response.data, or the body). */
export function faultOf(err: unknown): { code: string; Message: string; Detail: string; element?: string; type: string; status?: number } {
  const e = err as { response?: { data?: unknown; status?: number }; Fault?: unknown };
  const body = (e.response?.data ?? e) as { Fault?: { Error: { code: string; Message: string; Detail: string; element?: string }[]; type: string } };
  if (!body.Fault) throw new Error(`not a QBO fault: ${JSON.stringify(body).slice(0, 300)}`);
  return { ...body.Fault.Error[0]!, type: body.Fault.type, status: e.response?.status };
}

// Starts the sandbox on a real port and connects the real node-quickbooks client to it (promisified),
// with a token minted by the sandbox's OAuth server for the US company.
import QuickBooksModule from 'node-quickbooks';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/sandbox.js';

type Callback = (err: unknown, body: unknown) => void;
type NodeQuickBooks = Record<string, (...args: unknown[]) => void> & { endpoint: string; token: string };
// The package's default export is mistyped under NodeNext: it is the constructor.
const QuickBooks = QuickBooksModule as unknown as new (options: Record<string, unknown>) => NodeQuickBooks;

export interface SandboxClient {
  sandbox: Sandbox;
  url: string;
  realmId: string;
  accessToken: string;
  /** Call a node-quickbooks method and await its callback; rejects with the error body it passes. */
  call<T = Record<string, unknown>>(method: string, ...args: unknown[]): Promise<T>;
  /** Raw HTTP against the company's data API (for shapes node-quickbooks hides). */
  raw(path: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: unknown }>;
  /** Mint a fresh access token (after moving the virtual clock past the 1 h token life). */
  renewToken(): void;
  close(): Promise<void>;
}

export async function startSandboxClient(options: SandboxOptions = {}): Promise<SandboxClient> {
  const sandbox = createSandbox(options);
  const { url } = await sandbox.listen();
  const info = sandbox.info();
  const us = info.companies.find((c) => c.country === 'US');
  if (!us) throw new Error('the sandbox has no US company');
  let tokens = sandbox.oauth.issueTokensForTest(us.realmId);
  const qbo = new QuickBooks({
    consumerKey: info.app.clientId,
    consumerSecret: info.app.clientSecret,
    token: tokens.access_token,
    refreshToken: tokens.refresh_token,
    realmId: us.realmId,
    useSandbox: true,
    oauthversion: '2.0',
    minorversion: 75,
  });
  qbo.endpoint = `${url}/v3/company/`;

  return {
    sandbox,
    url,
    realmId: us.realmId,
    get accessToken() {
      return tokens.access_token;
    },
    renewToken() {
      tokens = sandbox.oauth.issueTokensForTest(us.realmId);
      qbo.token = tokens.access_token;
    },
    call<T>(method: string, ...args: unknown[]): Promise<T> {
      const fn = qbo[method];
      if (typeof fn !== 'function') throw new Error(`node-quickbooks has no method ${method}`);
      return new Promise<T>((resolve, reject) => {
        const cb: Callback = (err, body) => (err ? reject(err instanceof Error ? err : Object.assign(new Error('QBO fault'), { body: err })) : resolve(body as T));
        fn.call(qbo, ...args, cb);
      });
    },
    async raw(path, init = {}) {
      const res = await fetch(`${url}/v3/company/${us.realmId}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${tokens.access_token}`, Accept: 'application/json', ...(init.headers as Record<string, string> | undefined) },
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, headers: res.headers, body };
    },
    close: () => sandbox.close(),
  };
}

/** The fault body node-quickbooks rejected with (data-service faults come through as the body itself). */
export function faultOf(err: unknown): { Fault?: { Error: { code: string; Message: string; Detail: string }[]; type: string } } {
  const e = err as { body?: unknown; response?: { data?: unknown } };
  return (e.body ?? e.response?.data ?? {});
}

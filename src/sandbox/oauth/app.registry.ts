/**
 * The apps registered with the simulated Intuit developer portal: a stable demo app (so `npm run sandbox`,
 * the embedded default and tests agree on credentials without configuration) plus any added by options or
 * the admin API.
 */
import { type RegisteredApp } from './oauth.types.js';

/** Stable on purpose: the gateway's embedded default and the README refer to these values. */
export const DEMO_APP: Readonly<RegisteredApp> = Object.freeze({
  clientId: 'ABfieldbooksSandboxDemoClient0000000000000000000',
  clientSecret: 'fieldbooksSandboxDemoSecret00000000000000',
  name: 'fieldbooks (sandbox demo app)',
  redirectUris: Object.freeze([
    'http://localhost:4000/oauth/callback',
    'http://127.0.0.1:4000/oauth/callback',
  ]) as string[],
  webhookVerifierToken: '3f6c1c0e-6b1e-4f0a-9d57-0f1e2d3c4b5a',
});

export class AppRegistry {
  readonly #apps = new Map<string, RegisteredApp>();

  constructor(private readonly initial: readonly RegisteredApp[]) {
    this.reset();
  }

  /** Back to the apps given at construction (copies, so admin edits never leak into the options). */
  reset(): void {
    this.#apps.clear();
    for (const app of this.initial) this.register(app);
  }

  register(app: RegisteredApp): RegisteredApp {
    if (!app.clientId || !app.clientSecret) throw new Error('a registered app needs a non-empty clientId and clientSecret');
    for (const uri of app.redirectUris) assertRedirectUri(uri);
    const copy: RegisteredApp = { ...app, redirectUris: [...new Set(app.redirectUris)] };
    this.#apps.set(copy.clientId, copy);
    return { ...copy, redirectUris: [...copy.redirectUris] };
  }

  addRedirectUri(clientId: string, uri: string): void {
    const app = this.#apps.get(clientId);
    if (!app) throw new Error(`no registered app with client id ${clientId}`);
    assertRedirectUri(uri);
    if (!app.redirectUris.includes(uri)) app.redirectUris.push(uri);
  }

  get(clientId: string): RegisteredApp | undefined {
    return this.#apps.get(clientId);
  }

  list(): RegisteredApp[] {
    return [...this.#apps.values()].map((app) => ({ ...app, redirectUris: [...app.redirectUris] }));
  }
}

/** Redirect URIs must be absolute and carry no fragment (RFC 6749 §3.1.2), or the redirect cannot be built. */
function assertRedirectUri(uri: string): void {
  let parsed: URL;
  try {
    parsed = new URL(uri);
  } catch {
    throw new Error(`redirect URI must be an absolute URL, got ${JSON.stringify(uri)}`);
  }
  if (parsed.hash) throw new Error(`redirect URI must not contain a fragment, got ${JSON.stringify(uri)}`);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`redirect URI must be http(s), got ${JSON.stringify(uri)}`);
}

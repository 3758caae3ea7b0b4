/**
 * Where the API key lives in the browser: sessionStorage, so it is gone when the tab closes and is
 * never sent anywhere but the gateway's own /graphql. The demo key comes from /app-config.json, which
 * the gateway fills only for loopback requests on the embedded default.
 */
const STORAGE_KEY = 'fieldbooks.apiKey';

export function storedApiKey(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled by the browser's privacy settings: then the key lives in memory only.
    return null;
  }
}

export function storeApiKey(key: string | null): void {
  try {
    if (key) window.sessionStorage.setItem(STORAGE_KEY, key);
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    /* see storedApiKey */
  }
}

export interface AppConfig {
  demoApiKey: string | null;
}

export async function loadAppConfig(): Promise<AppConfig> {
  try {
    const response = await fetch('/app-config.json', { headers: { accept: 'application/json' } });
    if (!response.ok) return { demoApiKey: null };
    const body = (await response.json()) as Partial<AppConfig>;
    return { demoApiKey: typeof body.demoApiKey === 'string' ? body.demoApiKey : null };
  } catch {
    // Served by a dev server without the gateway behind it: the user types the key.
    return { demoApiKey: null };
  }
}

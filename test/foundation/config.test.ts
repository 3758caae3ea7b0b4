import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { DatabaseUnreachableError, openDatabase } from '../../src/persistence/database.js';

describe('configuration', () => {
  it('gives working defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.http.port).toBe(4000);
    expect(config.mongo.uri).toBeUndefined();
    expect(config.dataDir).toMatch(/\.data$/);
    expect(config.logLevel).toBe('info');
    expect(config.demo.enabled).toBe(true);
  });

  it('reports every bad variable at once, naming each', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', MONGODB_URI: 'postgres://nope', LOG_LEVEL: 'loud', FIELDBOOKS_DEMO_API_KEY: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.variable).sort();
    expect(problems).toEqual(['FIELDBOOKS_DEMO_API_KEY', 'LOG_LEVEL', 'MONGODB_URI', 'PORT']);
    expect((error as Error).message).toContain('PORT: must be a number');
  });

  it('takes REDIS_URL only as a redis:// or rediss:// URL; without it nothing uses Redis', () => {
    expect(loadConfig({}).redis).toBeUndefined();
    expect(loadConfig({ REDIS_URL: 'redis://:secret@redis:6379/0' }).redis).toEqual({ url: 'redis://:secret@redis:6379/0', prefix: 'fieldbooks:' });
    expect(loadConfig({ REDIS_URL: 'rediss://cache.example.com:6380', FIELDBOOKS_REDIS_PREFIX: 'acme:' }).redis?.prefix).toBe('acme:');
    expect(() => loadConfig({ REDIS_URL: 'http://redis:6379' })).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(() => loadConfig({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(() => loadConfig({ REDIS_URL: 'redis://r:6379', FIELDBOOKS_REDIS_PREFIX: 'has space' })).toThrow(/FIELDBOOKS_REDIS_PREFIX/);
  });

  it('rejects out-of-range ports and treats empty strings as unset', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT: must be between 0 and 65535/);
    expect(loadConfig({ PORT: '', MONGODB_URI: '' }).http.port).toBe(4000);
  });

  const production = {
    NODE_ENV: 'production',
    HOST: '0.0.0.0',
    FIELDBOOKS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    QBO_CLIENT_ID: 'ABCDEFGHIJKLMNOP',
    QBO_CLIENT_SECRET: 'secretsecretsecret',
    QBO_REDIRECT_URI: 'https://fb.example.com/oauth/callback',
    QBO_WEBHOOK_VERIFIER_TOKEN: 'verifier-token-of-the-app',
  };

  it('keeps the built-in simulator\'s state in the data folder, except under NODE_ENV=test or when told to start fresh', () => {
    expect(loadConfig({ FIELDBOOKS_DATA_DIR: '/srv/fb' }).sandbox).toMatchObject({ fresh: false, dataDir: '/srv/fb/simulator' });
    expect(loadConfig({ NODE_ENV: 'test' }).sandbox.fresh).toBe(true);
    expect(loadConfig({ FIELDBOOKS_SANDBOX_FRESH: 'true' }).sandbox.fresh).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test', FIELDBOOKS_SANDBOX_FRESH: 'false' }).sandbox.fresh).toBe(false);
    expect(() => loadConfig({ FIELDBOOKS_SANDBOX_FRESH: 'sometimes' })).toThrow(/FIELDBOOKS_SANDBOX_FRESH: must be true or false/);
  });

  it('never runs the demo tenant or the simulator in production', () => {
    expect(loadConfig(production)).toMatchObject({ isProduction: true, demo: { enabled: false }, quickbooks: { useSimulator: false } });
    expect(() => loadConfig({ ...production, FIELDBOOKS_DEMO: 'true' })).toThrow(/FIELDBOOKS_DEMO: must not be true in production/);
    expect(() => loadConfig({ ...production, QBO_SANDBOX_URL: 'http://127.0.0.1:4010' })).toThrow(/QBO_SANDBOX_URL: must not be set in production/);
  });

  it('treats an unset NODE_ENV as development only on a loopback HOST', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '127.0.0.2']) expect(loadConfig({ HOST: host })).toMatchObject({ env: 'development', demo: { enabled: true } });
    for (const host of ['0.0.0.0', '::', '10.0.0.5', '127.0.0.1.evil.example']) expect(() => loadConfig({ HOST: host })).toThrow(/NODE_ENV: is not set while HOST=.* is reachable from other machines/);
    expect(loadConfig({ HOST: '0.0.0.0', NODE_ENV: 'development' }).demo.enabled).toBe(true);
  });

  it('validates the CORS allowlist as bare origins', () => {
    expect(loadConfig({ FIELDBOOKS_CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' }).http.corsOrigins).toEqual(['https://app.example.com', 'http://localhost:5173']);
    expect(() => loadConfig({ FIELDBOOKS_CORS_ORIGINS: 'https://app.example.com/settings' })).toThrow(/FIELDBOOKS_CORS_ORIGINS: "https:\/\/app.example.com\/settings" is not an origin/);
  });

  it('refuses production without each secret, naming every missing variable, and explains a malformed key', () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).problems.map((p) => p.variable).sort()).toEqual(['FIELDBOOKS_ENCRYPTION_KEY', 'QBO_CLIENT_ID', 'QBO_CLIENT_SECRET', 'QBO_REDIRECT_URI', 'QBO_WEBHOOK_VERIFIER_TOKEN']);
    expect((error as Error).message).toMatch(/FIELDBOOKS_ENCRYPTION_KEY: is required in production/);
    expect(() => loadConfig({ FIELDBOOKS_ENCRYPTION_KEY: 'short' })).toThrow(/FIELDBOOKS_ENCRYPTION_KEY: key "k1" must be 32 bytes/);
  });

  it('needs Intuit credentials and the redirect URI together, and uses the simulator without them', () => {
    expect(loadConfig({}).quickbooks.useSimulator).toBe(true);
    expect(() => loadConfig({ QBO_CLIENT_ID: 'ABCDEFGHIJKLMNOP' })).toThrow(/QBO_CLIENT_SECRET: QBO_CLIENT_ID and QBO_CLIENT_SECRET must be set together[\s\S]*QBO_REDIRECT_URI: is required/);
    const real = loadConfig({ QBO_CLIENT_ID: 'ABCDEFGHIJKLMNOP', QBO_CLIENT_SECRET: 'secretsecretsecret', QBO_REDIRECT_URI: 'https://fb.example.com/oauth/callback', QBO_ENVIRONMENT: 'production' });
    expect(real.quickbooks).toMatchObject({ useSimulator: false, environment: 'production', redirectUri: 'https://fb.example.com/oauth/callback' });
    expect(() => loadConfig({ FIELDBOOKS_RETURN_ORIGINS: 'https://ok.example.com, not a url' })).toThrow(/FIELDBOOKS_RETURN_ORIGINS: "not a url" is not an absolute origin/);
  });

  it('stops with a message naming MONGODB_URI when the server cannot be reached', async () => {
    const config = loadConfig({ MONGODB_URI: 'mongodb://fieldbooks:s3cret@127.0.0.1:1/x', MONGODB_CONNECT_TIMEOUT_MS: '300' });
    const attempt = openDatabase(config);
    await expect(attempt).rejects.toBeInstanceOf(DatabaseUnreachableError);
    await expect(attempt).rejects.toThrow(/^MONGODB_URI: cannot reach mongodb:\/\/fieldbooks:\[redacted\]@127\.0\.0\.1:1\/x/);
    await expect(attempt).rejects.not.toThrow(/s3cret/);
  });
});

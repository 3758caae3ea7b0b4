import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { DatabaseUnreachableError, openDatabase } from '../../src/db/database.js';

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

  it('rejects out-of-range ports and treats empty strings as unset', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT: must be between 0 and 65535/);
    expect(loadConfig({ PORT: '', MONGODB_URI: '' }).http.port).toBe(4000);
  });

  it('turns the demo tenant off by default in production', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ NODE_ENV: 'production', FIELDBOOKS_ENCRYPTION_KEY: key }).demo.enabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', FIELDBOOKS_ENCRYPTION_KEY: key, FIELDBOOKS_DEMO: 'true' }).demo.enabled).toBe(true);
  });

  it('refuses production without an encryption key, and explains a malformed one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/FIELDBOOKS_ENCRYPTION_KEY: is required in production/);
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

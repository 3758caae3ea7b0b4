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
    expect(loadConfig({ NODE_ENV: 'production' }).demo.enabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', FIELDBOOKS_DEMO: 'true' }).demo.enabled).toBe(true);
  });

  it('stops with a message naming MONGODB_URI when the server cannot be reached', async () => {
    const config = loadConfig({ MONGODB_URI: 'mongodb://fieldbooks:s3cret@127.0.0.1:1/x', MONGODB_CONNECT_TIMEOUT_MS: '300' });
    const attempt = openDatabase(config);
    await expect(attempt).rejects.toBeInstanceOf(DatabaseUnreachableError);
    await expect(attempt).rejects.toThrow(/^MONGODB_URI: cannot reach mongodb:\/\/fieldbooks:\[redacted\]@127\.0\.0\.1:1\/x/);
    await expect(attempt).rejects.not.toThrow(/s3cret/);
  });
});

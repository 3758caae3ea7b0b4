/**
 * `npm run sandbox`'s environment: defaults, every bad variable reported at once, and the parsed
 * settings reaching a running sandbox (seen through the admin API, as another process would see them).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../src/sandbox/sandbox.js';
import { EXIT_CONFIG, parseSandboxEnv, sandboxOptionsFromEnv } from '../../src/sandbox/sandbox.env.js';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

describe('parseSandboxEnv', () => {
  it('defaults: port 4010, no webhook target, CloudEvents, real time, consent page shown', () => {
    expect(parseSandboxEnv({})).toEqual({
      ok: true,
      env: {
        QBO_SANDBOX_PORT: 4010,
        QBO_SANDBOX_HOST: '127.0.0.1',
        QBO_SANDBOX_WEBHOOK_FORMAT: 'cloudevents',
        QBO_SANDBOX_TIME_SCALE: 1,
        QBO_SANDBOX_AUTO_APPROVE: false,
        QBO_SANDBOX_ADMIN_HOSTS: [],
        FIELDBOOKS_DATA_DIR: './.data',
        FIELDBOOKS_SANDBOX_FRESH: false,
      },
    });
    // Empty values count as unset.
    expect(parseSandboxEnv({ QBO_SANDBOX_WEBHOOK_URL: '', QBO_SANDBOX_TIME_SCALE: '', QBO_SANDBOX_AUTO_APPROVE: '' })).toEqual(parseSandboxEnv({}));
  });

  it('reads every variable', () => {
    const parsed = parseSandboxEnv({
      QBO_SANDBOX_PORT: '0',
      QBO_SANDBOX_WEBHOOK_URL: 'https://hooks.example.test/qbo',
      QBO_SANDBOX_WEBHOOK_FORMAT: 'legacy',
      QBO_SANDBOX_TIME_SCALE: '60',
      QBO_SANDBOX_AUTO_APPROVE: 'true',
      QBO_SANDBOX_ADMIN_HOSTS: 'sandbox, qbo.test',
      FIELDBOOKS_DATA_DIR: '/var/lib/fieldbooks',
      FIELDBOOKS_SANDBOX_FRESH: 'true',
    });
    expect(parsed).toEqual({
      ok: true,
      env: {
        QBO_SANDBOX_PORT: 0,
        QBO_SANDBOX_HOST: '127.0.0.1',
        QBO_SANDBOX_WEBHOOK_URL: 'https://hooks.example.test/qbo',
        QBO_SANDBOX_WEBHOOK_FORMAT: 'legacy',
        QBO_SANDBOX_TIME_SCALE: 60,
        QBO_SANDBOX_AUTO_APPROVE: true,
        QBO_SANDBOX_ADMIN_HOSTS: ['sandbox', 'qbo.test'],
        FIELDBOOKS_DATA_DIR: '/var/lib/fieldbooks',
        FIELDBOOKS_SANDBOX_FRESH: true,
      },
    });
  });

  it('reports every bad variable at once, each by name', () => {
    const parsed = parseSandboxEnv({
      QBO_SANDBOX_PORT: '70000',
      QBO_SANDBOX_WEBHOOK_URL: 'ftp://hooks.example.test',
      QBO_SANDBOX_WEBHOOK_FORMAT: 'xml',
      QBO_SANDBOX_TIME_SCALE: '0',
      QBO_SANDBOX_AUTO_APPROVE: 'yes',
    });
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems;
    expect(problems).toHaveLength(5);
    expect(problems).toEqual([
      expect.stringMatching(/^QBO_SANDBOX_PORT="70000": .*port/),
      expect.stringMatching(/^QBO_SANDBOX_WEBHOOK_URL="ftp:\/\/hooks.example.test": .*http\(s\) URL/),
      expect.stringMatching(/^QBO_SANDBOX_WEBHOOK_FORMAT="xml": must be legacy or cloudevents/),
      expect.stringMatching(/^QBO_SANDBOX_TIME_SCALE="0": .*greater than 0/),
      expect.stringMatching(/^QBO_SANDBOX_AUTO_APPROVE="yes": must be true or false/),
    ]);
  });

  it.each([
    ['QBO_SANDBOX_TIME_SCALE', '-2'],
    ['QBO_SANDBOX_TIME_SCALE', 'fast'],
    ['QBO_SANDBOX_TIME_SCALE', 'Infinity'],
    ['QBO_SANDBOX_WEBHOOK_URL', 'localhost:3000/hooks'],
    ['QBO_SANDBOX_WEBHOOK_URL', '/hooks'],
    ['QBO_SANDBOX_AUTO_APPROVE', '1'],
    ['QBO_SANDBOX_PORT', '40.5'],
    ['QBO_SANDBOX_ADMIN_HOSTS', 'http://sandbox'],
  ])('refuses %s=%s', (name, value) => {
    const parsed = parseSandboxEnv({ [name]: value });
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems).toEqual([expect.stringContaining(`${name}=`)]);
  });

  it('uses exit code 78 (EX_CONFIG)', () => {
    expect(EXIT_CONFIG).toBe(78);
  });
});

describe('sandboxOptionsFromEnv', () => {
  it('configures the webhook target and format, the time scale and auto-approve of a running sandbox', async () => {
    const parsed = parseSandboxEnv({
      QBO_SANDBOX_WEBHOOK_URL: 'http://127.0.0.1:9/hooks',
      QBO_SANDBOX_TIME_SCALE: '30',
      QBO_SANDBOX_AUTO_APPROVE: 'true',
      FIELDBOOKS_SANDBOX_FRESH: 'true',
    });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    sandbox = createSandbox({ ...sandboxOptionsFromEnv(parsed.env), limits: false });
    const { url } = await sandbox.listen(0, '127.0.0.1');
    const get = async (path: string) => (await fetch(`${url}/_sandbox${path}`)).json() as Promise<Record<string, unknown>>;
    expect(await get('/webhooks')).toMatchObject({ url: 'http://127.0.0.1:9/hooks', format: 'cloudevents' });
    expect(await get('/oauth')).toMatchObject({ autoApprove: true });
    expect(await get('/clock')).toMatchObject({ scale: 30 });
  });
});

import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubLogLine } from './logger.js';

describe('log redaction', () => {
  it('censors secret fields at any depth, Bearer values, API keys and OAuth callback parameters', () => {
    const line = scrubLogLine(
      JSON.stringify({
        req: { url: '/oauth/callback?code=abc123&state=xyz&realmId=9' },
        err: { config: { headers: { Authorization: 'Bearer eyJabc.def' } }, message: 'failed GET https://x/oauth/callback?state=s1&code=c1' },
        deep: { a: { b: { refresh_token: 'rt-secret', tokens: { accessToken: 'at-secret' }, 'Api-Key': 'k-secret', clientSecret: { v: 'cs-secret' } } } },
        note: 'key fbk_abcdefghijklmnopqrstuvwxyz used with bearer  tok-secret',
      }),
    );
    for (const secret of ['abc123', 'xyz', 's1', 'c1', 'eyJabc', 'rt-secret', 'at-secret', 'k-secret', 'cs-secret', 'abcdefghijklmnop', 'tok-secret']) expect(line).not.toContain(secret);
    expect(JSON.parse(line)).toMatchObject({ req: { url: '/oauth/callback?code=[redacted]&state=[redacted]&realmId=9' } });
  });

  it('applies to every line the logger writes', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (c: Buffer) => (text += c.toString()));
    createLogger({ level: 'info', pretty: false, destination: out }).info({ a: { b: { c: { password: 'pw-secret' } } } }, 'GET /oauth/callback?code=code-secret&state=state-secret');
    await new Promise((r) => setImmediate(r));
    expect(text).toContain('[redacted]');
    for (const secret of ['pw-secret', 'code-secret', 'state-secret']) expect(text).not.toContain(secret);
  });
});

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseKeyring, TokenCipher, UnreadableTokenError } from './token.cipher.js';

describe('TokenCipher', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);

  it('round-trips and never stores the plaintext', () => {
    const cipher = new TokenCipher({ k1 }, 'k1');
    const sealed = cipher.seal('refresh-token-value', 'tenant-a:refresh');
    expect(JSON.stringify(sealed)).not.toContain('refresh-token-value');
    expect(cipher.open(sealed, 'tenant-a:refresh')).toBe('refresh-token-value');
    expect(cipher.seal('x', 'a').iv).not.toBe(cipher.seal('x', 'a').iv);
  });

  it('refuses a value moved to another owner or tampered with', () => {
    const cipher = new TokenCipher({ k1 }, 'k1');
    const sealed = cipher.seal('secret', 'tenant-a:refresh');
    expect(() => cipher.open(sealed, 'tenant-b:refresh')).toThrow();
    const tampered = { ...sealed, data: Buffer.from('zzzzzz').toString('base64') };
    expect(() => cipher.open(tampered, 'tenant-a:refresh')).toThrow();
  });

  it('refuses a truncated authentication tag (GCM tags are fixed at 16 bytes)', () => {
    const cipher = new TokenCipher({ k1 }, 'k1');
    const sealed = cipher.seal('secret', 'ad');
    expect(Buffer.from(sealed.tag, 'base64')).toHaveLength(16);
    const short = { ...sealed, tag: Buffer.from(sealed.tag, 'base64').subarray(0, 4).toString('base64') };
    expect(() => cipher.open(short, 'ad')).toThrow(UnreadableTokenError);
    expect(() => cipher.open({ ...sealed, keyId: 'gone' }, 'ad')).toThrow(/not in FIELDBOOKS_ENCRYPTION_KEY/);
  });

  it('rotates keys: old values open with their key, new ones use the current key', () => {
    const old = new TokenCipher({ k1 }, 'k1').seal('v', 'ad');
    const rotated = new TokenCipher({ k2, k1 }, 'k2');
    expect(rotated.open(old, 'ad')).toBe('v');
    expect(rotated.needsResealing(old)).toBe(true);
    expect(rotated.seal('v', 'ad').keyId).toBe('k2');
  });

  it('parses a single key or a rotation list, and explains bad keys', () => {
    expect(parseKeyring(k1.toString('base64')).currentKeyId).toBe('k1');
    const ring = parseKeyring(`new:${k2.toString('base64')},old:${k1.toString('base64')}`);
    expect(ring.currentKeyId).toBe('new');
    expect(Object.keys(ring.keys)).toEqual(['new', 'old']);
    expect(() => parseKeyring('dG9vc2hvcnQ=')).toThrow(/32 bytes/);
  });
});

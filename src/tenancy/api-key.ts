/** API key format and hashing: pure functions, no I/O. */
import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'fbk_';

export function generateApiKey(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function displayPrefix(key: string): string {
  return key.slice(0, 10);
}

/** Accepts `Bearer <key>` (any case) or a bare key; returns undefined when nothing usable is given. */
export function parseAuthorization(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const trimmed = header.trim();
  const match = /^Bearer\s+(\S+)$/i.exec(trimmed);
  const key = match ? match[1] : /^\S+$/.test(trimmed) ? trimmed : undefined;
  return key && key.length >= 16 && key.length <= 256 ? key : undefined;
}

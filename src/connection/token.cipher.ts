/**
 * Encryption at rest for OAuth tokens: AES-256-GCM with a random 96-bit IV per value. Each sealed
 * value names the key it was sealed with, so keys can rotate: new values use the current key, old
 * ones still open with theirs until re-sealed.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** GCM's full tag. Fixed on both sides: without it Node accepts a truncated tag, which is easier to forge. */
const AUTH_TAG_BYTES = 16;
const IV_BYTES = 12;

/** A sealed value that cannot be opened: its key is not configured, or it was damaged or moved. */
export class UnreadableTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableTokenError';
  }
}

export interface SealedValue {
  keyId: string;
  iv: string;
  tag: string;
  data: string;
}

export class TokenCipher {
  readonly #keys: Map<string, Buffer>;

  /** `keys` maps key ids to 32-byte keys; `currentKeyId` seals new values. */
  constructor(
    keys: Record<string, Buffer>,
    readonly currentKeyId: string,
  ) {
    this.#keys = new Map(Object.entries(keys));
    for (const [id, key] of this.#keys) {
      if (key.length !== 32) throw new Error(`encryption key "${id}" must be 32 bytes, got ${key.length}`);
    }
    if (!this.#keys.has(currentKeyId)) throw new Error(`no encryption key with id "${currentKeyId}"`);
  }

  seal(plaintext: string, associatedData: string): SealedValue {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#keys.get(this.currentKeyId)!, iv, { authTagLength: AUTH_TAG_BYTES });
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { keyId: this.currentKeyId, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
  }

  /** `associatedData` binds a value to its owner (e.g. tenant and field): a value copied elsewhere will not open. */
  open(sealed: SealedValue, associatedData: string): string {
    const key = this.#keys.get(sealed.keyId);
    if (!key) throw new UnreadableTokenError(`sealed with key "${sealed.keyId}", which is not in FIELDBOOKS_ENCRYPTION_KEY`);
    const iv = Buffer.from(sealed.iv ?? '', 'base64');
    const tag = Buffer.from(sealed.tag ?? '', 'base64');
    if (iv.length !== IV_BYTES || tag.length !== AUTH_TAG_BYTES) throw new UnreadableTokenError('damaged (wrong IV or authentication tag length)');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: AUTH_TAG_BYTES });
      decipher.setAAD(Buffer.from(associatedData, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(Buffer.from(sealed.data ?? '', 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new UnreadableTokenError(`does not open with key "${sealed.keyId}" (a different key under that id, or damaged data)`);
    }
  }

  needsResealing(sealed: SealedValue): boolean {
    return sealed.keyId !== this.currentKeyId;
  }
}

/**
 * Parses FIELDBOOKS_ENCRYPTION_KEY: either one base64 key (id "k1"), or a rotation list
 * "id1:base64,id2:base64" whose first entry is current.
 */
export function parseKeyring(value: string): { keys: Record<string, Buffer>; currentKeyId: string } {
  const entries = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0) throw new Error('no key given');
  const keys: Record<string, Buffer> = {};
  let currentKeyId = '';
  for (const [index, entry] of entries.entries()) {
    const [id, b64] = entry.includes(':') ? (entry.split(':', 2) as [string, string]) : ['k1', entry];
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new Error(`key "${id}" must be 32 bytes of base64 (e.g. openssl rand -base64 32)`);
    if (!/^[\w-]{1,32}$/.test(id)) throw new Error(`key id "${id}" must be 1-32 letters, digits, "_" or "-"`);
    keys[id] = key;
    if (index === 0) currentKeyId = id;
  }
  return { keys, currentKeyId };
}

/**
 * The token-encryption keyring: FIELDBOOKS_ENCRYPTION_KEY when set (required in production), else a
 * key generated once into the data folder for the embedded default, so local tokens survive restarts.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseKeyring, TokenCipher } from './token.cipher.js';

export async function loadTokenCipher(options: { configuredKey?: string; dataDir: string }): Promise<TokenCipher> {
  let value = options.configuredKey;
  if (!value) {
    const file = path.join(options.dataDir, 'encryption.key');
    if (existsSync(file)) {
      value = (await readFile(file, 'utf8')).trim();
    } else {
      value = `local:${randomBytes(32).toString('base64')}`;
      await mkdir(options.dataDir, { recursive: true });
      await writeFile(file, `${value}\n`, { mode: 0o600 });
    }
  }
  const { keys, currentKeyId } = parseKeyring(value);
  return new TokenCipher(keys, currentKeyId);
}

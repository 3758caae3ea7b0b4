/**
 * Signs OpenID Connect id_tokens (RS256 JWTs, facts §6.3) and publishes the matching JWKS, so a client's
 * `validateIdToken` can verify them against this host. The key pair is made lazily: RSA generation costs
 * tens of milliseconds and most sandbox runs never ask for an id_token.
 */
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export interface IdTokenClaims {
  sub: string;
  aud: string[];
  realmid?: string;
  auth_time: number;
  iss: string;
  exp: number;
  iat: number;
}

export interface Jwk {
  kty: string;
  n: string;
  e: string;
  kid: string;
  alg: 'RS256';
  use: 'sig';
}

export class IdTokenSigner {
  #keys: { privateKey: KeyObject; jwk: Jwk } | undefined;

  sign(claims: IdTokenClaims): string {
    const { privateKey, jwk } = this.#keyPair();
    const header = encode({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' });
    const payload = encode(claims);
    const signature = sign('sha256', Buffer.from(`${header}.${payload}`), privateKey).toString('base64url');
    return `${header}.${payload}.${signature}`;
  }

  jwks(): { keys: Jwk[] } {
    return { keys: [this.#keyPair().jwk] };
  }

  #keyPair(): { privateKey: KeyObject; jwk: Jwk } {
    if (!this.#keys) {
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const exported = publicKey.export({ format: 'jwk' });
      if (!exported.n || !exported.e) throw new Error('RSA public key export lacks n/e');
      // A kid derived from the modulus is stable for the key's life and needs no counter.
      const kid = createHash('sha256').update(exported.n).digest('base64url').slice(0, 16);
      this.#keys = { privateKey, jwk: { kty: 'RSA', n: exported.n, e: exported.e, kid, alg: 'RS256', use: 'sig' } };
    }
    return this.#keys;
  }
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

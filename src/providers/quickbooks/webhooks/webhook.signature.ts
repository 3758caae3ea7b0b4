/**
 * Intuit signs every webhook delivery: header `intuit-signature` = base64(HMAC-SHA256(verifier token,
 * raw body bytes)). We recompute over the exact bytes received and compare in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function expectedSignature(body: Buffer, verifierToken: string): string {
  return createHmac('sha256', Buffer.from(verifierToken, 'utf8')).update(body).digest('base64');
}

export function isValidSignature(body: Buffer, header: string | undefined, verifierToken: string | undefined): boolean {
  if (!header || !verifierToken) return false;
  const expected = Buffer.from(expectedSignature(body, verifierToken), 'utf8');
  const given = Buffer.from(header.trim(), 'utf8');
  // timingSafeEqual needs equal lengths; a length mismatch is already a failure.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

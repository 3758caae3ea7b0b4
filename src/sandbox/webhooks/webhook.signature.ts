/**
 * Intuit's webhook signature (facts §5.2): header `intuit-signature` = base64(HMAC-SHA256(key = verifier
 * token as UTF-8, message = the exact body bytes)). Both payload formats are signed the same way.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signWebhookBody(body: string | Uint8Array, verifierToken: string): string {
  return createHmac('sha256', Buffer.from(verifierToken, 'utf8')).update(body).digest('base64');
}

/** Constant-time check of a received signature (for tests and receivers). */
export function verifyWebhookSignature(body: string | Uint8Array, signature: string, verifierToken: string): boolean {
  const expected = Buffer.from(signWebhookBody(body, verifierToken), 'base64');
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

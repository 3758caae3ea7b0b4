/**
 * POST /webhooks/quickbooks: Intuit's webhook receiver. Verifies `intuit-signature` over the raw
 * bytes (401 and nothing stored when it fails), parses legacy or CloudEvents payloads, stores each
 * hint durably for every tenant connected to its realm, and answers 200 at once (Intuit wants an
 * answer within 3 seconds and holds later events until it gets one). Processing happens afterwards.
 */
import express, { type Express } from 'express';
import { type RealmOwnersRepository } from '../persistence/connection/realm-owners.repository.js';
import { type Logger } from '../logging/logger.js';
import { type InboundQueue } from './inbound.queue.js';
import { parseWebhookBody, WebhookPayloadError } from '../providers/quickbooks/webhooks/webhook.parser.js';
import { isValidSignature } from '../providers/quickbooks/webhooks/webhook.signature.js';

export interface WebhookRouteDeps {
  realmOwners: RealmOwnersRepository;
  queue: InboundQueue;
  log: Logger;
  verifierToken: () => string | undefined;
  /** Called with the tenants that received events, new or redelivered (to start processing). */
  onReceived?: (tenantIds: string[]) => void;
}

export function mountWebhookRoute(app: Express, deps: WebhookRouteDeps): void {
  app.post('/webhooks/quickbooks', express.raw({ type: () => true, limit: '2mb' }), async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!isValidSignature(body, req.get('intuit-signature'), deps.verifierToken())) {
      deps.log.warn({ intuitTid: req.get('intuit-t-id') }, 'QuickBooks webhook refused: bad or missing intuit-signature');
      return res.status(401).json({ error: 'invalid signature' });
    }
    let hints;
    try {
      hints = parseWebhookBody(body);
    } catch (error) {
      if (error instanceof WebhookPayloadError) return res.status(400).json({ error: error.message });
      throw error;
    }
    const realms = [...new Set(hints.map((h) => h.realmId))];
    // A cross-tenant lookup by design: the realm is what names the tenants (one or more) it belongs to.
    const owners = await deps.realmOwners.ownersOfRealmsAcrossTenants(realms);
    const touched: string[] = [];
    let stored = 0;
    for (const owner of owners) {
      const tenantId = owner.tenantId;
      const mine = hints.filter((h) => h.realmId === owner.realmId);
      stored += await deps.queue.enqueue(tenantId, mine, 'webhook');
      // A redelivery stores nothing new, but still starts processing: the instance that stored the
      // event first may have died before applying it (Intuit redelivers when our 200 did not reach
      // it), and its event would otherwise wait for the next poll. Applying stays once per event.
      if (mine.length > 0) touched.push(tenantId);
    }
    const unknown = realms.filter((r) => !owners.some((o) => o.realmId === r));
    if (unknown.length > 0) deps.log.info({ realms: unknown }, 'webhook events for realms no tenant is connected to were ignored');
    res.status(200).json({ received: hints.length, stored });
    if (touched.length > 0) deps.onReceived?.(touched);
  });
}

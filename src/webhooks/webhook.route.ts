/**
 * POST <provider webhook path> (QuickBooks: /webhooks/quickbooks): the provider's webhook receiver.
 * Verifies the signature over the raw bytes (401 and nothing stored when it fails), parses the payload
 * (QuickBooks: legacy or CloudEvents), stores each hint durably for every tenant connected to its company,
 * and answers 200 at once (Intuit wants an answer within 3 seconds and holds later events until it gets
 * one). Processing happens afterwards. What is provider-specific (path, header, signature, payload)
 * comes from the port's WebhookReceiver.
 */
import express, { type Express } from 'express';
import { type RealmOwnersRepository } from '../persistence/connection/realm-owners.repository.js';
import { type Logger } from '../logging/logger.js';
import { type InboundQueue } from './inbound.queue.js';
import { WebhookPayloadError, type WebhookReceiver } from '../providers/accounting-provider.port.js';

export interface WebhookRouteDeps {
  /** The provider's side of webhooks (QuickBooks: QBO_WEBHOOKS in src/providers/quickbooks/quickbooks.provider.ts). */
  receiver: WebhookReceiver;
  /** Names the provider's display name in logs ("QuickBooks"). */
  providerName: string;
  realmOwners: RealmOwnersRepository;
  queue: InboundQueue;
  log: Logger;
  /** The signing secret (QuickBooks: the app's webhook verifier token). */
  secret: () => string | undefined;
  /** Called with the tenants that received events, new or redelivered (to start processing). */
  onReceived?: (tenantIds: string[]) => void;
}

export function mountWebhookRoute(app: Express, deps: WebhookRouteDeps): void {
  const { receiver } = deps;
  app.post(receiver.path, express.raw({ type: () => true, limit: '2mb' }), async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!receiver.verify(body, req.get(receiver.signatureHeader), deps.secret())) {
      deps.log.warn({ intuitTid: req.get('intuit-t-id') }, `${deps.providerName} webhook refused: bad or missing ${receiver.signatureHeader}`);
      return res.status(401).json({ error: 'invalid signature' });
    }
    let hints;
    try {
      hints = receiver.parse(body);
    } catch (error) {
      if (error instanceof WebhookPayloadError) return res.status(400).json({ error: error.message });
      throw error;
    }
    const companies = [...new Set(hints.map((h) => h.companyId))];
    // A cross-tenant lookup by design: the company is what names the tenants (one or more) it belongs to.
    const owners = await deps.realmOwners.ownersOfRealmsAcrossTenants(companies);
    const touched: string[] = [];
    let stored = 0;
    for (const owner of owners) {
      const tenantId = owner.tenantId;
      const mine = hints.filter((h) => h.companyId === owner.realmId);
      stored += await deps.queue.enqueue(tenantId, mine, 'webhook');
      // A redelivery stores nothing new, but still starts processing: the instance that stored the
      // event first may have died before applying it (Intuit redelivers when our 200 did not reach
      // it), and its event would otherwise wait for the next poll. Applying stays once per event.
      if (mine.length > 0) touched.push(tenantId);
    }
    const unknown = companies.filter((r) => !owners.some((o) => o.realmId === r));
    if (unknown.length > 0) deps.log.info({ realms: unknown }, 'webhook events for realms no tenant is connected to were ignored');
    res.status(200).json({ received: hints.length, stored });
    if (touched.length > 0) deps.onReceived?.(touched);
  });
}

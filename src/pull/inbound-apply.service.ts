/**
 * Applies one QBO change to the FSM ledger, whichever path brought it (a webhook hint re-read from
 * QBO, or a CDC/query payload). Every apply is idempotent, so at-least-once delivery, a webhook and
 * the CDC poller seeing the same change, or a crash between steps never applies anything twice:
 *  - the push engine's mappings say which FSM record a QBO object is, and their SyncToken is the
 *    version the gateway itself wrote or already applied: the same SyncToken again is an echo, skipped;
 *  - every lookup from a QBO Id to a mapping is made within the realm (QBO company) the object came
 *    from: after the tenant moved to another company, an Id there never lands on a record of the old one;
 *  - payments recorded in QBO become FSM payments keyed `qbo-payment-<Id>` (an upsert by that key;
 *    `qbo-payment-<Id>@<realm>` when that key is already a payment of another company), written with
 *    origin QUICKBOOKS (not pending a push, so never sent back) and then mapped, under a claim on the
 *    QBO payment (MappingClaimRepository) taken before the FSM payment is written, so a pull and a push (or a
 *    LINK) can never both map one QBO payment;
 *  - voided or deleted QBO payments void the FSM payment, which gives the invoices their balance back;
 *  - customer edits update the linked FSM customer unless the FSM changed it too since the last sync:
 *    then the FSM version wins (it is pushed over QBO's) and the QBO values are kept in a sync issue and
 *    a CUSTOMER_CONFLICT change, never dropped silently;
 *  - invoices voided, deleted or edited in QBO are flagged on the FSM invoice (its content stays).
 */
import { DomainError } from '../errors/domain.errors.js';
import { type AppPubSub, Topic } from '../events/pubsub.js';
import { type LedgerService } from '../ledger/ledger.service.js';
import { type CustomerRecord } from '../ledger/ledger-record.types.js';
import { type Logger } from '../logging/logger.js';
import { dec, money, sameAmount } from '../money/money.js';
import { type AccountingSettingsService } from '../settings/accounting-settings.service.js';
import { type OutboxRepository } from '../persistence/sync/outbox.repository.js';
import { type SyncIssueService } from '../sync/sync-issue.service.js';
import { type ClaimOwner, type ClaimTarget, type MappingClaimRepository } from '../persistence/sync/mapping-claim.repository.js';
import { type MappingFields, type SyncMapping, type SyncMappingRepository } from '../persistence/sync/sync-mapping.repository.js';
import { asTenantId, type TenantId } from '../persistence/tenant-id.js';
import { remoteDeletedProblem, remoteVoidedProblem } from '../sync/remote-change.problems.js';
import { capitalise, formatAmount, formatDate } from '../sync/record-terms.rules.js';
import { clause, SyncProblem } from '../sync/sync.errors.js';
import {
  customerInputFromQbo,
  isDeletedStub,
  isVoided,
  linkedInvoiceIds,
  type InboundCreditApplication,
  type MappedInvoice,
  planInboundPayment,
  type QboCustomerRow,
  type QboInvoiceRow,
  type QboPaymentRow,
} from '../providers/quickbooks/inbound.mapper.js';
import { type InvoiceFlagRepository, type InvoiceRemoteChange } from '../persistence/pull/pull-state.repository.js';
import { type QuickBooksChangeKind, type QuickBooksChangeRepository } from '../persistence/pull/quickbooks-change.repository.js';
import { type CreatedRecordRepository, type NewCreatedRecord } from '../persistence/pull/created-record.repository.js';
import { type CustomerMatchRepository } from '../persistence/pull/customer-match.repository.js';
import { parseQboInstant } from '../providers/quickbooks/pacific-time.util.js';

const paymentOwner = (recordId: string): ClaimOwner => ({ kind: 'payment', recordId, part: 'main' });
/** Holds a QBO payment's claim while its FSM payment (key `externalId`) is being written. */
const pendingOwner = (externalId: string): ClaimOwner => ({ kind: 'payment', recordId: `pending:${externalId}`, part: 'main' });

/** Thrown when a change cannot be applied yet (e.g. the gateway's own write is still in flight): retried later. */
export class InboundDeferredError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InboundDeferredError';
  }
}

export interface InboundApplyDeps {
  mappings: SyncMappingRepository;
  claims: MappingClaimRepository;
  /** The push's outbox, read to tell the gateway's own writes from changes made in QuickBooks. */
  outbox: OutboxRepository;
  flags: InvoiceFlagRepository;
  changes: QuickBooksChangeRepository;
  createdRecords: CreatedRecordRepository;
  /** The customer import's outcomes (a customer it decided about is not listed as created in QuickBooks). */
  customerMatches: CustomerMatchRepository;
  ledger: LedgerService;
  settings: AccountingSettingsService;
  issues: SyncIssueService;
  pubsub: AppPubSub;
  log: Logger;
  /** When the tenant first connected this company (ConnectedRealm.since); undefined when unknown. */
  realmSince: (tenantId: string, realmId: string) => Promise<Date | undefined>;
}

/**
 * A record QuickBooks created this long before the company was first connected is old (it existed at the
 * import) even if it is edited later. The margin covers clock drift between QuickBooks and the gateway, and
 * leans towards listing: a record listed by mistake can be linked or ignored, one hidden by mistake is lost.
 */
const CREATED_BEFORE_CONNECTION_MARGIN_MS = 5 * 60_000;

export type ApplyResult = 'APPLIED' | 'UNCHANGED' | 'IGNORED';

/** One object of a page read from QBO (CDC or query), a full payload or a Deleted stub. */
export interface PageItem {
  entity: 'Customer' | 'Invoice' | 'Payment';
  row: { Id: string; SyncToken?: string; status?: string };
}

const KIND_OF = { Customer: 'customer', Invoice: 'invoice', Payment: 'payment' } as const;
/** QBO ids per `$in` lookup (a CDC response or a query page holds at most 1000 objects). */
const PREFETCH_CHUNK = 1000;

type MappingGlance = Pick<SyncMapping, 'syncToken' | 'remoteStatus'>;

/**
 * What a page's mapping alone decides, mirroring the first checks of applyCustomer, applyInvoice and
 * applyPayment exactly; undefined when the object needs the full apply (which re-reads its mapping).
 */
function settledByMapping(entity: PageItem['entity'], row: PageItem['row'], mapping: MappingGlance | null): ApplyResult | undefined {
  const token = row.SyncToken ?? null;
  switch (entity) {
    case 'Customer':
      // Not linked: the full apply lists it as created in QuickBooks (unless the import or the push owns it).
      if (!mapping) return undefined;
      return mapping.syncToken === token ? 'UNCHANGED' : undefined;
    case 'Invoice':
      if (!mapping) return isDeletedStub(row) ? 'IGNORED' : undefined;
      if (isDeletedStub(row)) return mapping.remoteStatus === 'DELETED' ? 'UNCHANGED' : undefined;
      return mapping.syncToken === token ? 'UNCHANGED' : undefined;
    case 'Payment':
      if (isDeletedStub(row)) {
        // No mapping: it may still have applied credit memos to FSM invoices (a credit application moves
        // no cash, so it has no FSM payment): the full apply withdraws them. Deletions are rare.
        if (!mapping) return undefined;
        return mapping.remoteStatus === 'DELETED' ? 'UNCHANGED' : undefined;
      }
      // No mapping: a payment recorded in QBO (or the gateway's own still being saved): the full apply decides.
      return mapping && mapping.syncToken === token ? 'UNCHANGED' : undefined;
  }
}

/** A payment received in QuickBooks as a bookkeeper finds it there: "the payment of 110.00 from Harbour Dental Group received in QuickBooks on 5 Mar 2026". */
function qboPaymentPhrase(row: QboPaymentRow): string {
  const amount = row.TotalAmt !== undefined ? ` of ${formatAmount(String(row.TotalAmt))}` : '';
  const from = row.CustomerRef?.name ? ` from ${row.CustomerRef.name}` : '';
  const on = row.TxnDate ? ` on ${formatDate(row.TxnDate)}` : '';
  return `the payment${amount}${from} received in QuickBooks${on}`;
}
/** A customer or invoice from QBO that no FSM record is linked to. */
type CreatedCandidate = { entity: 'Customer'; row: QboCustomerRow } | { entity: 'Invoice'; row: QboInvoiceRow };

/** `ref`: the QBO payment's Id, or `<Id>@<realm>` when the plain Id already names another company's payment. */
export function inboundPaymentExternalId(ref: string): string {
  return `qbo-payment-${ref}`;
}

/** The FSM credit note mirroring the credit a QBO payment (`ref` as above) applied to one invoice. */
export function inboundCreditExternalId(paymentRef: string, invoiceQboId: string): string {
  return `qbo-credit-${paymentRef}-${invoiceQboId}`;
}

const PAYMENT_PREFIX = inboundPaymentExternalId('');

/** Is this FSM payment one the pull made from QBO payment `qboId` (of any realm)? */
function isPulledPayment(externalId: string, qboId: string): boolean {
  const ref = externalId.startsWith(PAYMENT_PREFIX) ? externalId.slice(PAYMENT_PREFIX.length) : null;
  return ref === qboId || (ref?.startsWith(`${qboId}@`) ?? false);
}

export class InboundApplyService {
  readonly #mappings: SyncMappingRepository;
  readonly #outbox: OutboxRepository;
  readonly #claims: MappingClaimRepository;

  constructor(private readonly deps: InboundApplyDeps) {
    this.#mappings = deps.mappings;
    this.#outbox = deps.outbox;
    this.#claims = deps.claims;
  }

  /** Reverse lookups (QBO id → record) are the pull's hot path: their index is declared on the mapping schema (src/persistence/sync/). */
  async init(): Promise<void> {}

  async #mappingByQboId(tenantId: string, realmId: string, kind: 'payment' | 'invoice' | 'customer', qboId: string): Promise<SyncMapping | null> {
    return this.#mappings.byQboId(asTenantId(tenantId), realmId, kind, qboId);
  }

  // ---- pages -------------------------------------------------------------------------------------

  /**
   * Applies a page of changes (a CDC response, a query page) in order. A reverse lookup by QBO id is a
   * full collection scan on FerretDB (only `{_id}` filters use an index), and most of a page is usually
   * settled already: the gateway's own writes and objects an import or an earlier poll has seen carry
   * the SyncToken their mapping holds, and customers or invoices nobody linked are not pulled. So the
   * page's mappings are read with one `$in` query, the objects that lookup settles (UNCHANGED or
   * IGNORED, by exactly the rules of the single applies below) cost nothing more, and only the rest go
   * through the single apply, which reads its mapping afresh before it writes anything.
   */
  async applyPage(tenantId: string, realmId: string, items: readonly PageItem[]): Promise<ApplyResult[]> {
    const known = await this.#mappingsOf(tenantId, realmId, items);
    // Customers and invoices no FSM record is linked to: screened for the whole page at once (a handful of
    // queries), so a page of objects entered in QuickBooks costs no per-object collection scans.
    const unlinked = items.filter((i) => i.entity !== 'Payment' && !isDeletedStub(i.row) && !known.has(`${KIND_OF[i.entity]}:${i.row.Id}`));
    const screened = unlinked.length > 0 ? await this.#screenCreated(tenantId, realmId, unlinked as CreatedCandidate[]) : new Map<string, ApplyResult | null>();
    const results: ApplyResult[] = [];
    const fresh: { index: number; candidate: CreatedCandidate }[] = [];
    for (const { entity, row } of items) {
      const screen = entity === 'Payment' ? undefined : screened.get(`${entity}:${row.Id}`);
      if (screen !== undefined) {
        if (screen === null) fresh.push({ index: results.length, candidate: { entity, row } as CreatedCandidate });
        results.push(screen ?? 'APPLIED');
        continue;
      }
      const settled = settledByMapping(entity, row, known.get(`${KIND_OF[entity]}:${row.Id}`) ?? null);
      if (settled) {
        results.push(settled);
        continue;
      }
      switch (entity) {
        case 'Payment':
          results.push(await this.applyPayment(tenantId, realmId, row));
          break;
        case 'Customer':
          results.push(await this.applyCustomer(tenantId, realmId, row));
          break;
        case 'Invoice':
          results.push(await this.applyInvoice(tenantId, realmId, row));
          break;
      }
    }
    if (fresh.length > 0) {
      const listed = await this.#listCreated(tenantId, fresh.map((f) => f.candidate));
      fresh.forEach((f, i) => (results[f.index] = listed[i]!));
    }
    return results;
  }

  /** The main mappings of a page's QBO objects, keyed `<kind>:<QBO id>`: one query (one scan) per chunk of ids. */
  async #mappingsOf(tenantId: string, realmId: string, items: readonly PageItem[]): Promise<Map<string, MappingGlance>> {
    const known = new Map<string, MappingGlance>();
    const ids = [...new Set(items.map((i) => i.row.Id))];
    const kinds = [...new Set(items.map((i) => KIND_OF[i.entity]))];
    for (let i = 0; i < ids.length; i += PREFETCH_CHUNK) {
      const chunk = ids.slice(i, i + PREFETCH_CHUNK);
      const rows = await this.#mappings.glances(asTenantId(tenantId), realmId, kinds, chunk);
      for (const m of rows) known.set(`${m.kind}:${m.qboId}`, { syncToken: m.syncToken, remoteStatus: m.remoteStatus });
    }
    return known;
  }

  // ---- payments ----------------------------------------------------------------------------------

  async applyPayment(tenantId: string, realmId: string, row: QboPaymentRow): Promise<ApplyResult> {
    if (isDeletedStub(row)) return this.reversePayment(tenantId, realmId, row.Id, 'DELETED', null);
    const mapping = await this.#mappingByQboId(tenantId, realmId, 'payment', row.Id);
    if (mapping && mapping.syncToken === (row.SyncToken ?? null)) return 'UNCHANGED';
    if (isVoided(row)) return this.reversePayment(tenantId, realmId, row.Id, 'VOIDED', row.SyncToken ?? null);
    if (mapping?.remoteStatus && mapping.remoteStatus !== 'ACTIVE') return 'UNCHANGED';
    const pulled = mapping ? await this.deps.ledger.get(tenantId, 'payment', mapping.recordId) : null;
    if (mapping && pulled && !isPulledPayment(pulled.externalId, row.Id)) {
      // A payment the FSM recorded and the gateway pushed, changed by hand in QBO: the FSM's amounts stand.
      await this.#announce(tenantId, 'PAYMENT_NOT_APPLIED', 'Payment', row.Id, 'payment', mapping.recordId, `${capitalise(qboPaymentPhrase(row))} was edited in QuickBooks; the field-service app keeps its own amounts for it.`);
      await this.#mappings.update(mapping.tenantId, mapping, { syncToken: row.SyncToken ?? null });
      return 'IGNORED';
    }
    if (!mapping && (await this.#ownWriteInFlight(tenantId, realmId, row.Id))) return 'UNCHANGED';

    const invoiceIds = linkedInvoiceIds(row);
    const invoiceMappings = await this.#mappings.byQboIds(asTenantId(tenantId), realmId, 'invoice', invoiceIds);
    const records = await this.deps.ledger.getMany(tenantId, 'invoice', invoiceMappings.map((m) => m.recordId));
    const customers = await this.deps.ledger.getMany(tenantId, 'customer', [...new Set(records.map((r) => r.customerId))]);
    const customerExternal = new Map(customers.map((c) => [c.id, c.externalId]));
    const invoices = new Map<string, MappedInvoice>();
    for (const m of invoiceMappings) {
      const record = records.find((r) => r.id === m.recordId);
      const customerExternalId = record ? customerExternal.get(record.customerId) : undefined;
      if (record && customerExternalId && m.qboId) invoices.set(m.qboId, { qboId: m.qboId, externalId: record.externalId, customerExternalId, currency: record.currency });
    }
    const customer = await this.#customerOf(tenantId, realmId, row.CustomerRef?.value);
    const settings = await this.deps.settings.get(tenantId);
    const method = settings.paymentMethodFromAccounts;
    const ref = await this.#paymentRef(tenantId, realmId, row.Id, pulled);
    const plan = planInboundPayment(row, invoices, { externalId: inboundPaymentExternalId(ref), paymentMethodExternalId: method ?? '', customer });
    if (plan.action === 'ignore') {
      this.deps.log.debug({ tenantId, qboId: row.Id, reason: plan.reason }, 'QuickBooks payment not pulled');
      await this.#withdrawCredits(tenantId, ref, row.Id, new Set());
      return 'IGNORED';
    }
    const credited = await this.#applyCredits(tenantId, ref, row, plan.credits);
    if (!plan.input) {
      // Only credit memos applied: no cash moved. A payment pulled earlier under this id is undone.
      if (mapping && pulled?.status === 'ACTIVE') await this.deps.ledger.voidPayment(tenantId, pulled.externalId, 'QUICKBOOKS');
      return credited ? 'APPLIED' : 'UNCHANGED';
    }
    if (!method) {
      await this.#issue(tenantId, 'payment', `qbo:Payment:${row.Id}`, new SyncProblem('INBOUND_PAYMENT_REJECTED', `${capitalise(qboPaymentPhrase(row))} cannot be recorded in the field-service app: the accounting setting "Payment Method from Accounts" (the payment method such payments get) is empty.`, {
        fixHint: 'Choose a payment method for "Payment Method from Accounts" in Accounting settings, then retry (it is also picked up on the next check for QuickBooks changes).',
        retryable: true,
        actions: ['OPEN_SETTINGS'],
        setting: 'paymentMethodFromAccounts',
      }));
      throw new InboundDeferredError('paymentMethodFromAccounts is not set');
    }
    // Claimed before the FSM payment is written: a QBO payment another record holds (the gateway's own
    // push whose mapping is being saved, or a LINK) is that record's, and must not become a second one.
    const target: ClaimTarget = { realmId, entity: 'Payment', qboId: row.Id };
    const existing = pulled ?? (await this.deps.ledger.findByExternalId('payment', tenantId, plan.input.externalId));
    const holder = await this.#claimPayment(asTenantId(tenantId), target, plan.input.externalId, existing?.id);
    if (holder) {
      this.deps.log.info({ tenantId, qboId: row.Id, holder }, 'QuickBooks payment already belongs to another FSM record; not pulled');
      return 'UNCHANGED';
    }
    let saved;
    try {
      saved = await this.deps.ledger.recordPayment(tenantId, plan.input, 'QUICKBOOKS');
    } catch (error) {
      // Nothing was written: the claim is let go, so a later retry (or another record) can take the payment.
      if (!existing) await this.#claims.release(asTenantId(tenantId), target, pendingOwner(plan.input.externalId));
      if (!(error instanceof DomainError) || error.code !== 'BAD_USER_INPUT') throw error;
      // The FSM refuses it (say the invoice is already paid in the FSM): kept as an issue, never forced in.
      await this.#issue(tenantId, 'payment', `qbo:Payment:${row.Id}`, new SyncProblem('INBOUND_PAYMENT_REJECTED', `${capitalise(qboPaymentPhrase(row))} could not be recorded in the field-service app: ${clause(error.message)}.`, {
        fixHint: 'Check the invoice in the field-service app and in QuickBooks (was the payment recorded on both sides?); correct one side, then retry.',
        retryable: true,
      }));
      await this.#announce(tenantId, 'PAYMENT_NOT_APPLIED', 'Payment', row.Id, null, null, `${capitalise(qboPaymentPhrase(row))} was not recorded in the field-service app: ${clause(error.message)}.`);
      return 'IGNORED';
    }
    if (!existing) await this.#claims.transfer(asTenantId(tenantId), target, pendingOwner(plan.input.externalId), paymentOwner(saved.id));
    await this.#mappings.upsert(asTenantId(tenantId), { kind: 'payment', recordId: saved.id }, { entity: 'Payment', realmId, qboId: row.Id, syncToken: row.SyncToken ?? null, syncedVersion: saved.version, state: 'SYNCED', lastSyncedAt: new Date(), remoteStatus: 'ACTIVE' });
    await this.deps.issues.resolve(tenantId, 'payment', `qbo:Payment:${row.Id}`);
    const applied = plan.input.allocations.map((a) => `${a.amount} on invoice ${a.invoiceExternalId}`);
    const credit = dec(plan.unapplied).isZero() ? [] : [`${plan.unapplied} kept as customer credit (unapplied in QuickBooks)`];
    await this.#announce(tenantId, mapping ? 'PAYMENT_UPDATED' : 'PAYMENT_RECORDED', 'Payment', row.Id, 'payment', saved.id, `QuickBooks payment ${row.Id}: ${[...applied, ...credit].join(', ')}.`);
    return 'APPLIED';
  }

  /**
   * The key of a QBO payment's FSM records (see inboundPaymentExternalId): what its pulled payment
   * already uses, else its Id, unless an FSM payment of another company took that one (a realm change).
   */
  async #paymentRef(tenantId: string, realmId: string, qboId: string, pulled: { externalId: string } | null): Promise<string> {
    if (pulled && isPulledPayment(pulled.externalId, qboId)) return pulled.externalId.slice(PAYMENT_PREFIX.length);
    const plain = await this.deps.ledger.findByExternalId('payment', tenantId, inboundPaymentExternalId(qboId));
    if (!plain) return qboId;
    const owner = await this.#mappings.get(asTenantId(tenantId), { kind: 'payment', recordId: plain.id });
    return owner?.realmId && owner.realmId !== realmId ? `${qboId}@${realmId}` : qboId;
  }

  /**
   * Claims a QBO payment for the FSM payment `recordId` or, before it exists, for its key (a pending
   * owner, moved to the record once written). Returns the other record holding it, if any.
   */
  async #claimPayment(tenantId: TenantId, target: ClaimTarget, externalId: string, recordId: string | undefined): Promise<ClaimOwner | null> {
    const pending = pendingOwner(externalId);
    const owner = recordId ? paymentOwner(recordId) : pending;
    const holder = await this.#claims.claim(tenantId, target, owner);
    if (!holder) return null;
    // A crash after the FSM payment was written and before the claim moved to it: it is ours.
    if (recordId && holder.kind === pending.kind && holder.recordId === pending.recordId && holder.part === pending.part) {
      await this.#claims.transfer(tenantId, target, pending, owner);
      return null;
    }
    return holder;
  }

  /** The FSM customer linked to a QBO customer (through the push engine's or the import's mapping). */
  async #customerOf(tenantId: string, realmId: string, qboId: string | undefined): Promise<{ externalId: string } | undefined> {
    if (!qboId) return undefined;
    const mapping = await this.#mappingByQboId(tenantId, realmId, 'customer', qboId);
    const record = mapping ? await this.deps.ledger.get(tenantId, 'customer', mapping.recordId) : null;
    return record ? { externalId: record.externalId } : undefined;
  }

  /**
   * Credit memos applied to FSM invoices by a QBO payment become FSM credit notes of origin QUICKBOOKS
   * (one per payment and invoice, keyed by both ids so a redelivery or an edit upserts the same one):
   * the invoice shows them as credited, never as paid. Applications the payment no longer makes are
   * voided. True when anything changed.
   */
  async #applyCredits(tenantId: string, ref: string, row: QboPaymentRow, credits: InboundCreditApplication[]): Promise<boolean> {
    let changed = false;
    const keep = new Set<string>();
    for (const credit of credits) {
      const externalId = inboundCreditExternalId(ref, credit.invoiceQboId);
      keep.add(externalId);
      const before = await this.deps.ledger.findByExternalId('creditNote', tenantId, externalId);
      const invoice = await this.deps.ledger.findByExternalId('invoice', tenantId, credit.invoiceExternalId);
      const memos = credit.creditMemoIds.join(', ');
      try {
        const saved = await this.deps.ledger.issueCreditNote(
          tenantId,
          {
            externalId,
            customerExternalId: credit.customerExternalId,
            invoiceExternalId: credit.invoiceExternalId,
            number: `QBO-CM-${credit.creditMemoIds[0] ?? row.Id}`.slice(0, 21),
            date: row.TxnDate ?? new Date().toISOString().slice(0, 10),
            lines: [{ lineId: 'credit', description: `QuickBooks credit memo ${memos} applied to invoice ${invoice?.number ?? credit.invoiceExternalId} (QuickBooks payment ${row.Id})`, amount: credit.amount }],
            totalTax: '0.00',
            total: credit.amount,
          },
          'QUICKBOOKS',
        );
        if (before?.version === saved.version && before.status === 'ACTIVE') continue;
        changed = true;
        await this.deps.issues.resolve(tenantId, 'creditNote', `qbo:Payment:${row.Id}:${credit.invoiceQboId}`);
        await this.#announce(tenantId, 'CREDIT_APPLIED', 'Payment', row.Id, 'creditNote', saved.id, `QuickBooks credit memo ${memos}: ${credit.amount} applied to invoice ${invoice?.number ?? credit.invoiceExternalId} as a credit (no money received).`);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'BAD_USER_INPUT') throw error;
        await this.#issue(tenantId, 'creditNote', `qbo:Payment:${row.Id}:${credit.invoiceQboId}`, new SyncProblem('INBOUND_PAYMENT_REJECTED', `The credit applied in QuickBooks payment ${row.Id} to invoice ${invoice?.number ?? credit.invoiceExternalId} could not be recorded in the FSM: ${error.message}`, {
          fixHint: 'Check the invoice in the FSM (already paid or credited there?) and in QuickBooks; correct one side, then run startSync(direction: PULL).',
          retryable: true,
        }));
      }
    }
    return (await this.#withdrawCredits(tenantId, ref, row.Id, keep)) || changed;
  }

  /** Voids the credit applications pulled from a QBO payment that it no longer makes (all of them when voided or deleted). */
  async #withdrawCredits(tenantId: string, ref: string, paymentQboId: string, keep: ReadonlySet<string>): Promise<boolean> {
    const prefix = inboundCreditExternalId(ref, '');
    const pulled = await this.deps.ledger.activeExternalIdsStartingWith(tenantId, 'creditNote', prefix);
    let changed = false;
    for (const externalId of pulled) {
      if (keep.has(externalId)) continue;
      const voided = await this.deps.ledger.voidCreditNote(tenantId, externalId, 'QUICKBOOKS');
      await this.#announce(tenantId, 'CREDIT_APPLIED', 'Payment', paymentQboId, 'creditNote', voided.id, `QuickBooks payment ${paymentQboId} no longer applies a credit memo to this invoice; the credit is withdrawn in the FSM.`);
      changed = true;
    }
    return changed;
  }

  /** Voided or deleted in QBO: the FSM payment is voided, so its invoices owe again what it paid (and its credit is gone). */
  async reversePayment(tenantId: string, realmId: string, qboId: string, how: 'VOIDED' | 'DELETED', syncToken: string | null): Promise<ApplyResult> {
    const mapping = await this.#mappingByQboId(tenantId, realmId, 'payment', qboId);
    const pulled = mapping ? await this.deps.ledger.get(tenantId, 'payment', mapping.recordId) : null;
    // Credit memos it applied to FSM invoices are withdrawn: they are open credit in QBO again.
    const withdrawn = await this.#withdrawCredits(tenantId, await this.#paymentRef(tenantId, realmId, qboId, pulled), qboId, new Set());
    if (!mapping) return withdrawn ? 'APPLIED' : 'IGNORED';
    if (mapping.remoteStatus === how || (how === 'VOIDED' && mapping.remoteStatus === 'DELETED')) return 'UNCHANGED';
    const record = await this.deps.ledger.get(tenantId, 'payment', mapping.recordId);
    if (!record) return 'IGNORED';
    if (record.status === 'ACTIVE') await this.deps.ledger.voidPayment(tenantId, record.externalId, 'QUICKBOOKS');
    const after = await this.deps.ledger.get(tenantId, 'payment', mapping.recordId);
    await this.#mappings.update(mapping.tenantId, mapping, { remoteStatus: how, ...(syncToken ? { syncToken } : {}), ...(after ? { syncedVersion: after.version } : {}), lastSyncedAt: new Date() });
    await this.#announce(tenantId, 'PAYMENT_REVERSED', 'Payment', qboId, 'payment', mapping.recordId, `The payment of ${formatAmount(String(record.amount))} on ${formatDate(record.date)} was ${how.toLowerCase()} in QuickBooks; it is voided in the field-service app too.`);
    return 'APPLIED';
  }

  /**
   * A QBO object with no mapping may be one the push engine has just written (committed in QBO, mapping
   * not saved yet): its outbox entry names it, or a create of that entity is still in flight (then wait).
   */
  async #ownWriteInFlight(tenantId: string, realmId: string, qboId: string, entity: 'Payment' | 'Customer' | 'Invoice' = 'Payment'): Promise<boolean> {
    const tenant = asTenantId(tenantId);
    if (await this.#outbox.wroteObject(tenant, realmId, entity, qboId)) return true;
    if (await this.#outbox.createInFlight(tenant, realmId, entity)) {
      throw new InboundDeferredError(`a ${entity.toLowerCase()} pushed by the gateway is in flight; the change is looked at again shortly`);
    }
    return false;
  }

  // ---- records created in QuickBooks ---------------------------------------------------------------

  /**
   * What is already known about unlinked customers/invoices, per `<entity>:<QBO id>`: a result when
   * nothing is to be listed (already listed, decided by the import, inactive, or the gateway's own write:
   * its outbox entry names the id, or a create of the same name/number is still in flight), null when it
   * is new. One query per collection for the whole batch.
   */
  async #screenCreated(tenantId: string, realmId: string, candidates: readonly CreatedCandidate[]): Promise<Map<string, ApplyResult | null>> {
    const tenant = asTenantId(tenantId);
    const ids = [...new Set(candidates.map((c) => c.row.Id))];
    const [listedKeys, matchedIds, written, pending] = await Promise.all([
      this.deps.createdRecords.listedAmong(tenant, candidates.map((c) => ({ entity: c.entity, qboId: c.row.Id }))),
      candidates.some((c) => c.entity === 'Customer') ? this.deps.customerMatches.decidedAmong(tenant, ids) : new Set<string>(),
      this.#outbox.writtenObjects(asTenantId(tenantId), realmId, ['Customer', 'Invoice'], ids),
      this.#outbox.createsInFlight(asTenantId(tenantId), realmId, ['Customer', 'Invoice']),
    ]);
    const since = await this.deps.realmSince(tenantId, realmId);
    const writtenKeys = new Set(written.map((w) => `${w.entity}:${w.resultId}`));
    const inFlight = new Set(
      pending.map((p) => {
        const body = JSON.parse(p.payload) as { DisplayName?: string; DocNumber?: string };
        return `${p.entity}:${(p.entity === 'Customer' ? body.DisplayName : body.DocNumber) ?? ''}`;
      }),
    );
    const verdicts = new Map<string, ApplyResult | null>();
    for (const { entity, row } of candidates) {
      const natural = entity === 'Customer' ? (row).DisplayName : (row).DocNumber;
      let verdict: ApplyResult | null = null;
      if (listedKeys.has(`${entity}:${row.Id}`) || writtenKeys.has(`${entity}:${row.Id}`) || inFlight.has(`${entity}:${natural ?? ''}`)) verdict = 'UNCHANGED';
      else if ((entity === 'Customer' && (matchedIds.has(row.Id) || (row).Active === false))) verdict = 'IGNORED';
      // Created before the company was connected: it was there at the import (an edit brings it to the pull, not its creation).
      else if (createdBefore(row, since)) verdict = 'IGNORED';
      verdicts.set(`${entity}:${row.Id}`, verdict);
    }
    return verdicts;
  }

  /**
   * A customer or invoice no FSM record is linked to: entered in QuickBooks after the import. It is
   * listed once (quickBooksCreatedRecords) and announced (CUSTOMER_CREATED / INVOICE_CREATED) so the FSM
   * can link or import it; never linked or imported by guesswork. The gateway's own creates still being
   * saved, inactive customers and customers the import already decided about are not listed.
   */
  async #noticeCreated(tenantId: string, realmId: string, entity: 'Customer' | 'Invoice', row: QboCustomerRow | QboInvoiceRow): Promise<ApplyResult> {
    const candidate = { entity, row };
    const verdict = (await this.#screenCreated(tenantId, realmId, [candidate])).get(`${entity}:${row.Id}`);
    return verdict ?? (await this.#listCreated(tenantId, [candidate]))[0]!;
  }

  /** Lists new customers/invoices (one insert for the batch) and announces each; a concurrent listing of the same one counts as UNCHANGED. */
  async #listCreated(tenantId: string, candidates: readonly CreatedCandidate[]): Promise<ApplyResult[]> {
    const tenant = asTenantId(tenantId);
    const records: NewCreatedRecord[] = candidates.map(({ entity, row }) => {
      const customer = row as QboCustomerRow;
      const invoice = row as QboInvoiceRow;
      return {
        entity,
        qboId: row.Id,
        name: entity === 'Customer' ? customerInputFromQbo(customer, '').displayName : (invoice.DocNumber ?? row.Id),
        customerName: entity === 'Invoice' ? (invoice.CustomerRef?.name ?? null) : null,
        customerQboId: entity === 'Invoice' ? (invoice.CustomerRef?.value ?? null) : null,
        email: entity === 'Customer' ? (customer.PrimaryEmailAddr?.Address ?? null) : null,
        amount: entity === 'Invoice' && invoice.TotalAmt !== undefined ? money(String(invoice.TotalAmt)) : null,
        date: entity === 'Invoice' ? (invoice.TxnDate ?? null) : null,
      };
    });
    // Listed already (a webhook and the poller at once): UNCHANGED.
    const failed = await this.deps.createdRecords.insertNew(tenant, records);
    const listed = records.filter((_, i) => !failed.has(i));
    if (listed.length > 0) {
      const at = new Date();
      const changes = await this.deps.changes.addMany(
        tenant,
        listed.map((doc) => ({
          kind: doc.entity === 'Customer' ? 'CUSTOMER_CREATED' : 'INVOICE_CREATED',
          entity: doc.entity,
          qboId: doc.qboId,
          recordKind: null,
          recordId: null,
          message:
            doc.entity === 'Customer'
              ? `Customer "${doc.name}" was created in QuickBooks and is not linked to an FSM customer.`
              : `Invoice ${doc.name}${doc.customerName ? ` for ${doc.customerName}` : ''}${doc.amount ? ` (${doc.amount})` : ''} was created in QuickBooks and is not linked to an FSM invoice.`,
          at,
        })),
      );
      for (const c of changes) {
        this.deps.pubsub.publish(Topic.QuickBooksChanges, { id: c.id, tenantId, kind: c.kind, entity: c.entity, quickBooksId: c.qboId, recordKind: null, recordId: null, message: c.message, at: c.at });
      }
    }
    return records.map((_, i) => (failed.has(i) ? 'UNCHANGED' : 'APPLIED'));
  }

  // ---- customers ---------------------------------------------------------------------------------

  async applyCustomer(tenantId: string, realmId: string, row: QboCustomerRow): Promise<ApplyResult> {
    const mapping = await this.#mappingByQboId(tenantId, realmId, 'customer', row.Id);
    if (!mapping) return this.#noticeCreated(tenantId, realmId, 'Customer', row);
    if (mapping.syncToken === (row.SyncToken ?? null)) return 'UNCHANGED';
    const record = await this.deps.ledger.get(tenantId, 'customer', mapping.recordId);
    if (!record) return 'IGNORED';
    const input = mergeCustomer(record, row);
    const fsmChangedSinceSync = record.pushPending && (mapping.syncedVersion === null || record.version > mapping.syncedVersion);
    if (fsmChangedSinceSync) {
      if (sameCustomer(record, input)) {
        await this.#mappings.update(mapping.tenantId, mapping, { syncToken: row.SyncToken ?? null });
        return 'UNCHANGED';
      }
      // Both sides changed since the last sync. Rule: the FSM wins (it is pushed over QBO's version on the
      // next push); QBO's values are recorded in full so a person can carry anything over by hand.
      const theirs = describeCustomer(input);
      await this.#issue(tenantId, 'customer', record.id, new SyncProblem('CUSTOMER_EDIT_CONFLICT', `Customer ${record.displayName} was changed in both the field-service app and QuickBooks since the last sync; the field-service app's version is kept and will replace QuickBooks'. QuickBooks had: ${theirs}.`, {
        fixHint: 'If QuickBooks had it right, change the customer in the field-service app to match; otherwise there is nothing to do (Ignore closes this issue).',
        retryable: false,
      }), record.externalId);
      await this.#announce(tenantId, 'CUSTOMER_CONFLICT', 'Customer', row.Id, 'customer', record.id, `Customer ${record.displayName} was changed on both sides; the field-service app's version is kept. QuickBooks had: ${theirs}.`);
      // The token is noted so the same QBO version is not reported twice; the push then overwrites QBO.
      await this.#mappings.update(mapping.tenantId, mapping, { syncToken: row.SyncToken ?? null });
      return 'APPLIED';
    }
    if (sameCustomer(record, input)) {
      await this.#mappings.update(mapping.tenantId, mapping, { syncToken: row.SyncToken ?? null });
      return 'UNCHANGED';
    }
    const saved = await this.deps.ledger.upsertCustomer(tenantId, input, 'QUICKBOOKS');
    await this.#mappings.update(mapping.tenantId, mapping, { syncToken: row.SyncToken ?? null, syncedVersion: saved.version, lastSyncedAt: new Date(), state: 'SYNCED' });
    await this.#announce(tenantId, 'CUSTOMER_UPDATED', 'Customer', row.Id, 'customer', saved.id, `Customer ${saved.displayName} updated from QuickBooks: ${describeCustomer(input)}.`);
    return 'APPLIED';
  }

  // ---- invoices ----------------------------------------------------------------------------------

  async applyInvoice(tenantId: string, realmId: string, row: QboInvoiceRow): Promise<ApplyResult> {
    const mapping = await this.#mappingByQboId(tenantId, realmId, 'invoice', row.Id);
    if (!mapping) return isDeletedStub(row) ? 'IGNORED' : this.#noticeCreated(tenantId, realmId, 'Invoice', row);
    if (isDeletedStub(row)) return mapping.remoteStatus === 'DELETED' ? 'UNCHANGED' : this.#flag(tenantId, mapping, 'DELETED', `QuickBooks invoice ${row.Id} was deleted in QuickBooks.`, null);
    if (mapping.syncToken === (row.SyncToken ?? null)) return 'UNCHANGED';
    if (isVoided(row)) return mapping.remoteStatus === 'VOIDED' ? 'UNCHANGED' : this.#flag(tenantId, mapping, 'VOIDED', `QuickBooks invoice ${row.Id} was voided in QuickBooks.`, row.SyncToken ?? null);
    const record = await this.deps.ledger.get(tenantId, 'invoice', mapping.recordId);
    if (!record) return 'IGNORED';
    // A payment applied in QBO also touches the invoice (its Balance); only content differences are edits.
    const differences: string[] = [];
    if (row.TotalAmt !== undefined && !sameAmount(String(row.TotalAmt), record.total)) differences.push(`total ${money(String(row.TotalAmt))} in QuickBooks, ${record.total} in the FSM`);
    if (row.DocNumber !== undefined && row.DocNumber !== record.number) differences.push(`number ${row.DocNumber} in QuickBooks, ${record.number} in the FSM`);
    if (differences.length === 0) return 'UNCHANGED';
    return this.#flag(tenantId, mapping, 'EDITED', `QuickBooks invoice ${row.Id} was edited in QuickBooks: ${differences.join('; ')}.`, row.SyncToken ?? null);
  }

  async #flag(tenantId: string, mapping: SyncMapping, change: InvoiceRemoteChange, detail: string, syncToken: string | null): Promise<ApplyResult> {
    const tenant = asTenantId(tenantId);
    const existing = await this.deps.flags.get(tenant, mapping.recordId);
    if (existing && existing.change === change && existing.seenSyncToken === syncToken) return 'UNCHANGED';
    await this.deps.flags.set(tenant, { invoiceId: mapping.recordId, qboId: mapping.qboId!, change, detail, seenSyncToken: syncToken, at: new Date() });
    if (change !== 'EDITED') await this.#holdRemoved(tenantId, mapping, change, syncToken);
    const kind: QuickBooksChangeKind = change === 'VOIDED' ? 'INVOICE_VOIDED' : change === 'DELETED' ? 'INVOICE_DELETED' : 'INVOICE_EDITED';
    await this.#announce(tenantId, kind, 'Invoice', mapping.qboId!, 'invoice', mapping.recordId, detail);
    return 'APPLIED';
  }

  /**
   * An invoice deleted or voided in QuickBooks: the mapping remembers it (so no push writes over it or
   * creates it again silently), and while the FSM invoice is active an issue says what happened and
   * offers what can be done (recreate it in QuickBooks, void it in the FSM); its sync state stops being SYNCED.
   */
  async #holdRemoved(tenantId: string, mapping: SyncMapping, change: 'DELETED' | 'VOIDED', syncToken: string | null): Promise<void> {
    const record = await this.deps.ledger.get(tenantId, 'invoice', mapping.recordId);
    const set: MappingFields = { remoteStatus: change, ...(syncToken ? { syncToken } : {}) };
    if (record?.status === 'ACTIVE') {
      const problem = change === 'DELETED' ? remoteDeletedProblem(record, 'Invoice', mapping.qboId!) : remoteVoidedProblem(record, 'Invoice', mapping.qboId!);
      const issue = await this.deps.issues.open(tenantId, { kind: 'invoice', id: record.id, externalId: record.externalId }, problem, null);
      Object.assign(set, { state: 'FAILED', issueId: issue.id, issueCode: problem.code, issueMessage: problem.message } satisfies MappingFields);
    }
    await this.#mappings.update(mapping.tenantId, mapping, set);
  }

  /** Deleted QBO invoice ids are only learnt from CDC or a webhook. */
  async invoiceDeleted(tenantId: string, realmId: string, qboId: string): Promise<ApplyResult> {
    return this.applyInvoice(tenantId, realmId, { Id: qboId, status: 'Deleted' });
  }

  // ---- announcements and issues ------------------------------------------------------------------

  async #announce(tenantId: string, kind: QuickBooksChangeKind, entity: string, qboId: string, recordKind: string | null, recordId: string | null, message: string): Promise<void> {
    const doc = await this.deps.changes.add(asTenantId(tenantId), { kind, entity, qboId, recordKind, recordId, message, at: new Date() });
    this.deps.pubsub.publish(Topic.QuickBooksChanges, { id: doc.id, tenantId, kind, entity, quickBooksId: qboId, recordKind, recordId, message, at: doc.at });
  }

  async #issue(tenantId: string, kind: 'payment' | 'customer' | 'creditNote', recordId: string, problem: SyncProblem, externalId?: string): Promise<void> {
    await this.deps.issues.open(tenantId, { kind, id: recordId, externalId }, problem, null);
  }
}

/** QBO's values over the FSM record's, field by field; fields QBO does not carry keep the FSM's value. */
function mergeCustomer(record: CustomerRecord, row: QboCustomerRow) {
  const qbo = customerInputFromQbo(row, record.externalId);
  const bill = qbo.billingAddress ?? record.billingAddress ?? null;
  return {
    externalId: record.externalId,
    displayName: qbo.displayName,
    companyName: qbo.companyName ?? record.companyName ?? null,
    givenName: qbo.givenName ?? record.givenName ?? null,
    familyName: qbo.familyName ?? record.familyName ?? null,
    email: qbo.email ?? record.email ?? null,
    phone: qbo.phone ?? record.phone ?? null,
    billingAddress: bill,
  };
}

type MergedCustomer = ReturnType<typeof mergeCustomer>;

function sameCustomer(record: CustomerRecord, input: MergedCustomer): boolean {
  const norm = (v: string | null | undefined): string | null => v?.trim() || null;
  return (
    norm(record.displayName) === norm(input.displayName) &&
    norm(record.companyName) === norm(input.companyName) &&
    norm(record.givenName) === norm(input.givenName) &&
    norm(record.familyName) === norm(input.familyName) &&
    norm(record.email)?.toLowerCase() === norm(input.email)?.toLowerCase() &&
    norm(record.phone) === norm(input.phone)
  );
}

function describeCustomer(input: MergedCustomer): string {
  return [`displayName "${input.displayName}"`, input.email ? `email ${input.email}` : null, input.phone ? `phone ${input.phone}` : null, input.companyName ? `company "${input.companyName}"` : null]
    .filter(Boolean)
    .join(', ');
}

/** Whether QuickBooks created the record well before `since` (see CREATED_BEFORE_CONNECTION_MARGIN_MS). */
function createdBefore(row: { MetaData?: { CreateTime?: string } }, since: Date | undefined): boolean {
  const created = parseQboInstant(row.MetaData?.CreateTime);
  return since !== undefined && created !== undefined && created.getTime() < since.getTime() - CREATED_BEFORE_CONNECTION_MARGIN_MS;
}

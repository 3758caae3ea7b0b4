/**
 * Customers and invoices entered in QuickBooks after the import, which no FSM record is linked to (seen
 * by the pull: src/pull/inbound-apply.service.ts). Listed so the FSM can link or import them; customers
 * are linked or imported with linkCustomer / createCustomerFromQuickBooks, invoices linked here to the
 * FSM invoice they are. A listed record is LINKED as soon as any FSM record maps to it, whoever linked it.
 */
import { type QuickBooksAccess } from '../connection/connection.types.js';
import { ConflictError, NotFoundError, UserInputError } from '../errors/domain.errors.js';
import { type PageRequest } from '../paging/page-request.js';
import { type LedgerService } from '../ledger/ledger.service.js';
import { dec } from '../money/money.js';
import { type QboRecord } from '../providers/quickbooks/qbo.client.js';
import { QboError } from '../providers/quickbooks/qbo.errors.js';
import { type MappingClaimRepository } from '../persistence/sync/mapping-claim.repository.js';
import { type SyncMappingRepository } from '../persistence/sync/sync-mapping.repository.js';
import { asTenantId } from '../persistence/tenant-id.js';
import { type CreatedRecord, type CreatedRecordEntity, type CreatedRecordRepository, type CreatedRecordStatus } from '../persistence/pull/created-record.repository.js';

export interface CreatedRecordsDeps {
  mappings: SyncMappingRepository;
  claims: MappingClaimRepository;
  records: CreatedRecordRepository;
  access: QuickBooksAccess;
  ledger: LedgerService;
}

const KIND = { Customer: 'customer', Invoice: 'invoice' } as const;

export class CreatedRecordsService {
  readonly #mappings: SyncMappingRepository;
  readonly #claims: MappingClaimRepository;

  constructor(private readonly deps: CreatedRecordsDeps) {
    this.#mappings = deps.mappings;
    this.#claims = deps.claims;
  }

  /** Newest first; OPEN ones that an FSM record maps to by now are marked LINKED first. */
  async list(tenantId: string, filter: { entity: CreatedRecordEntity | null; status: CreatedRecordStatus | null }, page: PageRequest): Promise<{ rows: CreatedRecord[]; totalCount: number }> {
    await this.#settleLinked(tenantId);
    return this.deps.records.page(asTenantId(tenantId), filter, page.after ? String(page.after[0]) : undefined, page.limit + 1);
  }

  async #settleLinked(tenantId: string): Promise<void> {
    const tenant = asTenantId(tenantId);
    const open = await this.deps.records.open(tenant);
    // Only mappings of the connected company say a listed record is linked (an Id of another company names another object).
    const realmId = open.length > 0 ? (await this.deps.access.realmOf(tenantId))?.realmId : undefined;
    if (!realmId) return;
    for (const entity of ['Customer', 'Invoice'] as const) {
      const ids = open.filter((d) => d.entity === entity).map((d) => d.qboId);
      if (ids.length === 0) continue;
      const mapped = await this.#mappings.byQboIds(tenant, realmId, KIND[entity], ids);
      for (const m of mapped) await this.deps.records.markLinked(tenant, entity, m.qboId!, m.recordId);
    }
  }

  /**
   * Links an FSM invoice to the QuickBooks invoice a bookkeeper entered for it: the same customer, the
   * same total (a different total is refused: linking is not editing), neither side linked already. The
   * QuickBooks invoice is then the FSM invoice's copy; later FSM changes update it, never a new one.
   */
  async linkInvoice(tenantId: string, invoiceId: string, qboInvoiceId: string): Promise<CreatedRecord> {
    const record = await this.deps.ledger.get(tenantId, 'invoice', invoiceId);
    if (!record) throw new NotFoundError('Invoice', invoiceId);
    if (record.status !== 'ACTIVE') throw new ConflictError(`FSM invoice ${record.number} is ${record.status.toLowerCase()}; only an active invoice can be linked.`);
    const own = await this.#mappings.get(asTenantId(tenantId), { kind: 'invoice', recordId: record.id });
    if (own?.qboId) throw new ConflictError(`FSM invoice ${record.number} is already in QuickBooks (QuickBooks invoice ${own.qboId}).`);
    const client = await this.deps.access.clientFor(tenantId);
    const taken = await this.#mappings.byQboId(asTenantId(tenantId), client.realmId, 'invoice', qboInvoiceId);
    if (taken) throw new ConflictError(`QuickBooks invoice ${qboInvoiceId} is already linked to another FSM invoice.`);
    let qbo: QboRecord;
    try {
      qbo = await client.read<QboRecord>('Invoice', qboInvoiceId);
    } catch (error) {
      if (error instanceof QboError && error.kind === 'NOT_FOUND') throw new NotFoundError('QuickBooksInvoice', qboInvoiceId);
      throw error;
    }
    const customerMapping = await this.#mappings.get(asTenantId(tenantId), { kind: 'customer', recordId: record.customerId });
    const qboCustomer = (qbo.CustomerRef as { value?: string; name?: string } | undefined) ?? {};
    const docNumber = typeof qbo.DocNumber === 'string' ? qbo.DocNumber : qbo.Id;
    const problems: { path: string[]; message: string }[] = [];
    if (!customerMapping?.qboId || customerMapping.qboId !== qboCustomer.value) {
      problems.push({ path: ['quickBooksInvoiceId'], message: `QuickBooks invoice ${docNumber} is for ${qboCustomer.name ?? 'another customer'}, not for the FSM invoice's customer (or that customer is not in QuickBooks yet)` });
    }
    const qboTotal = dec(typeof qbo.TotalAmt === 'number' || typeof qbo.TotalAmt === 'string' ? qbo.TotalAmt : '0');
    if (!qboTotal.equals(record.total)) {
      problems.push({ path: ['quickBooksInvoiceId'], message: `QuickBooks invoice ${docNumber} totals ${qboTotal.toFixed(2)}, FSM invoice ${record.number} totals ${record.total}` });
    }
    if (problems.length > 0) throw new UserInputError(`Invoice not linked: ${problems.map((p) => p.message).join('; ')}.`, problems);
    // The same claim as the push's: two links (or a link and a push) racing for one QuickBooks invoice cannot both win.
    const holder = await this.#claims.claim(asTenantId(tenantId), { realmId: client.realmId, entity: 'Invoice', qboId: qbo.Id }, { kind: 'invoice', recordId: record.id, part: 'main' });
    if (holder) throw new ConflictError(`QuickBooks invoice ${docNumber} is already linked to another FSM invoice.`);
    await this.#mappings.upsert(asTenantId(tenantId), { kind: 'invoice', recordId: record.id }, { entity: 'Invoice', realmId: client.realmId, qboId: qbo.Id, syncToken: qbo.SyncToken ?? null, syncedVersion: record.version, state: 'SYNCED', lastSyncedAt: new Date(), remoteStatus: 'ACTIVE' });
    await this.deps.ledger.markPushed(tenantId, 'invoice', record.id, record.version);
    return this.deps.records.link(
      asTenantId(tenantId),
      { entity: 'Invoice', qboId: qbo.Id, name: docNumber, customerName: qboCustomer.name ?? null, customerQboId: qboCustomer.value ?? null, email: null, amount: qboTotal.toFixed(2), date: (qbo.TxnDate as string | undefined) ?? null },
      record.id,
    );
  }
}

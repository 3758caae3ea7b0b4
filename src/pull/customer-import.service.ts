/**
 * Customer import ("import customer information" after the first connection): pages through every
 * QBO customer (one page of at most 1000 in memory at a time; the FSM side is held only as match
 * keys), links those that match an FSM customer (mapped QBO id, then email, then normalised display
 * name: customer-match.rules.ts), creates the others in the ledger, and reports ambiguous matches as
 * sync issues resolved by `linkCustomer` or `createCustomerFromQuickBooks`, never by a guess.
 * Linked and created customers get their mapping at once (and linked ones are marked pushed), so the
 * push engine never sends them to QBO as new customers. Re-running the import is harmless.
 */
import { type LeaseStore } from '../persistence/lease.store.js';
import { ConflictError, NotFoundError } from '../errors/domain.errors.js';
import { type PageRequest } from '../paging/page-request.js';
import { type QuickBooksAccess } from '../connection/connection.types.js';
import { type LedgerService } from '../ledger/ledger.service.js';
import { type CustomerRecord } from '../ledger/ledger-record.types.js';
import { type Logger } from '../logging/logger.js';
import { type QboRecord } from '../providers/quickbooks/qbo.client.js';
import { QboError } from '../providers/quickbooks/qbo.errors.js';
import { type SyncIssueService } from '../sync/sync-issue.service.js';
import { type MappingClaimRepository } from '../persistence/sync/mapping-claim.repository.js';
import { type SyncMappingRepository } from '../persistence/sync/sync-mapping.repository.js';
import { asTenantId } from '../persistence/tenant-id.js';
import { clause, SyncProblem } from '../sync/sync.errors.js';
import { type SyncRun } from '../persistence/sync/sync-run.repository.js';
import { CustomerMatchIndex, type MatchOutcome } from './customer-match.rules.js';
import { customerInputFromQbo, type QboCustomerRow } from '../providers/quickbooks/inbound.mapper.js';
import { type CustomerMatch, type CustomerMatchOutcome, type CustomerMatchRepository, type CustomerMatchStatus } from '../persistence/pull/customer-match.repository.js';
import { type PullRunHandle, type PullRunService } from './pull-run.service.js';

type QboCustomerRecord = QboCustomerRow & QboRecord;

const FSM_PAGE = 500;
const LEASE_MS = 30 * 60_000;

export function importedCustomerExternalId(qboId: string): string {
  return `qbo-customer-${qboId}`;
}

function issueRecordId(qboId: string): string {
  return `qbo:Customer:${qboId}`;
}

export interface CustomerImportDeps {
  /** The import's own lease store (one import per tenant across processes). */
  leases: LeaseStore;
  mappings: SyncMappingRepository;
  claims: MappingClaimRepository;
  matches: CustomerMatchRepository;
  access: QuickBooksAccess;
  ledger: LedgerService;
  issues: SyncIssueService;
  runs: PullRunService;
  log: Logger;
}

interface ImportCounts {
  linked: number;
  created: number;
  ambiguous: number;
  failed: number;
}

/** A customer created from QuickBooks, mapped to the QBO customer it came from. */
interface NewCustomerMapping {
  kind: 'customer';
  recordId: string;
  qboId: string;
  syncToken: string | null;
  syncedVersion: number;
}

interface MatchWrite {
  qboId: string;
  name: string;
  set: CustomerMatchOutcome;
  keepExisting?: boolean;
}

export class CustomerImportService {
  readonly #mappings: SyncMappingRepository;
  readonly #lease: LeaseStore;
  /** Every link of a QBO customer goes through a claim: one FSM customer per QBO customer, whoever links (import or push). */
  readonly #claims: MappingClaimRepository;

  constructor(private readonly deps: CustomerImportDeps) {
    this.#mappings = deps.mappings;
    this.#claims = deps.claims;
    this.#lease = deps.leases;
  }

  /** Starts the import as a sync run (progress on syncProgress); one import per tenant at a time. */
  async start(tenantId: string): Promise<SyncRun> {
    await this.deps.access.clientFor(tenantId);
    const key = `pull-import:${tenantId}`;
    if (!(await this.#lease.tryAcquire(key, LEASE_MS))) throw new ConflictError('A customer import is already running for this tenant.', { type: 'SyncRun' });
    try {
      return await this.deps.runs.start(tenantId, { direction: 'PULL', scope: ['customer'], phase: 'importing customers' }, (handle) =>
        this.#import(tenantId, handle).finally(() => this.#lease.release(key)),
      );
    } catch (error) {
      await this.#lease.release(key);
      throw error;
    }
  }

  /** FSM customers to match against, and which of them are linked in this company (`realmId`: another company's Ids name other customers). */
  async #fsmIndex(tenantId: string, realmId: string): Promise<{ index: CustomerMatchIndex; linkedTo: Map<string, string> }> {
    const index = new CustomerMatchIndex();
    const linkedTo = new Map<string, string>();
    const mapped = await this.#mappings.linkedInRealm(asTenantId(tenantId), realmId, 'customer');
    for (const m of mapped) linkedTo.set(m.recordId, m.qboId);
    for (let after: string | undefined; ; ) {
      const page = await this.deps.ledger.page(tenantId, 'customer', { limit: FSM_PAGE, after });
      for (const c of page) {
        if (c.status !== 'ACTIVE') continue;
        index.add({ id: c.id, externalId: c.externalId, displayName: c.displayName, email: c.email ?? null }, linkedTo.get(c.id));
      }
      if (page.length < FSM_PAGE) break;
      after = page.at(-1)!.id;
    }
    return { index, linkedTo };
  }

  async #import(tenantId: string, handle: PullRunHandle): Promise<void> {
    const client = await this.deps.access.clientFor(tenantId);
    const { index, linkedTo } = await this.#fsmIndex(tenantId, client.realmId);
    const counts: ImportCounts = { linked: 0, created: 0, ambiguous: 0, failed: 0 };
    let total = 0;
    const report = (phase?: string) =>
      handle.progress({ total, processed: counts.linked + counts.created + counts.ambiguous + counts.failed, succeeded: counts.linked + counts.created, skipped: counts.ambiguous, failed: counts.failed, ...(phase ? { phase } : {}) });
    for await (const page of client.queryAll<QboCustomerRecord>('Customer')) {
      total += page.length;
      await report('importing customers');
      const outcomes = page.map((row) => ({ row, outcome: claim(index.match(row), row.Id, linkedTo) }));
      const matches: MatchWrite[] = [];
      // New customers: one bulk insert per page (the bulk of an import), then their mappings in one go.
      const fresh = outcomes.filter((o) => o.outcome.kind === 'NONE').map((o) => o.row);
      const inserted = await this.deps.ledger.insertCustomersFromQuickBooks(tenantId, fresh.map((row) => customerInputFromQbo(row, importedCustomerExternalId(row.Id))));
      const mappings: NewCustomerMapping[] = [];
      for (const [i, result] of inserted.entries()) {
        const row = fresh[i]!;
        if (!result.ok) {
          counts.failed++;
          await this.deps.issues.open(tenantId, { kind: 'customer', id: issueRecordId(row.Id) }, new SyncProblem('CUSTOMER_MATCH_AMBIGUOUS', `QuickBooks customer ${row.DisplayName ?? row.Id} could not be created in the field-service app: ${clause(result.message)}.`, {
            fixHint: 'Correct the customer in QuickBooks, then retry (or import customers again).',
            retryable: true,
          }), handle.run.id);
          continue;
        }
        mappings.push({ kind: 'customer', recordId: result.record.id, qboId: row.Id, syncToken: row.SyncToken ?? null, syncedVersion: result.record.version });
        matches.push({ qboId: row.Id, name: row.DisplayName ?? row.Id, set: { status: 'CREATED', customerId: result.record.id, reason: null, score: null, candidateIds: [], runId: handle.run.id } });
        counts.created++;
      }
      await this.#insertMappings(tenantId, client.realmId, mappings);
      for (const { row, outcome } of outcomes) {
        if (outcome.kind === 'NONE') continue;
        await this.#importMatched(tenantId, row, outcome, handle.run.id, counts, matches);
      }
      await this.#saveMatches(tenantId, matches);
      await report();
    }
    await report(`imported: ${counts.linked} linked, ${counts.created} created, ${counts.ambiguous} to resolve${counts.failed ? `, ${counts.failed} failed` : ''}`);
  }

  async #importMatched(tenantId: string, row: QboCustomerRow, outcome: Exclude<MatchOutcome, { kind: 'NONE' }>, runId: string, counts: ImportCounts, matches: MatchWrite[]): Promise<void> {
    const name = row.DisplayName ?? row.Id;
    if (outcome.kind === 'MATCH') {
      if (outcome.reason !== 'QUICKBOOKS_ID') {
        const record = await this.deps.ledger.get(tenantId, 'customer', outcome.customer.id);
        if (record) {
          try {
            await this.#link(tenantId, record, row);
          } catch (error) {
            if (!(error instanceof ConflictError)) throw error;
            // Linked meanwhile to another FSM customer (a push claimed it): left as it is, and said so.
            await this.deps.issues.open(tenantId, { kind: 'customer', id: issueRecordId(row.Id) }, new SyncProblem('CUSTOMER_MATCH_AMBIGUOUS', error.message, { fixHint: 'Nothing was linked; check which FSM customer this QuickBooks customer is.', retryable: false }), runId);
            counts.ambiguous++;
            return;
          }
        }
        await this.deps.issues.resolve(tenantId, 'customer', issueRecordId(row.Id));
      }
      matches.push({ qboId: row.Id, name, set: { status: 'LINKED', customerId: outcome.customer.id, reason: outcome.reason, score: outcome.score, candidateIds: [], runId }, keepExisting: outcome.reason === 'QUICKBOOKS_ID' });
      counts.linked++;
      return;
    }
    const candidates = outcome.candidates.map((c) => `${c.displayName}${c.email ? ` (${c.email})` : ''}`).join(', ');
    matches.push({ qboId: row.Id, name, set: { status: 'AMBIGUOUS', customerId: null, reason: outcome.reason, score: null, candidateIds: outcome.candidates.map((c) => c.id), runId } });
    await this.deps.issues.open(
      tenantId,
      { kind: 'customer', id: issueRecordId(row.Id) },
      new SyncProblem('CUSTOMER_MATCH_AMBIGUOUS', `QuickBooks customer ${name} fits several customers of the field-service app by ${outcome.reason === 'EMAIL' ? 'email' : outcome.reason === 'DISPLAY_NAME' ? 'name' : 'an earlier link'}: ${candidates}. Nothing was linked or created.`, {
        fixHint: 'On the Customer import screen, choose which customer it is, or create a new customer from it.',
        retryable: false,
      }),
      runId,
    );
    counts.ambiguous++;
  }

  /** New customers' mappings in one round trip; one already there (an interrupted earlier import) is kept. */
  async #insertMappings(tenantId: string, realmId: string, all: NewCustomerMapping[]): Promise<void> {
    // Created from QBO customers no record held; one a concurrent push claimed meanwhile is not mapped twice.
    await this.#mappings.insertClaimed(asTenantId(tenantId), realmId, 'Customer', all);
  }

  async #saveMatches(tenantId: string, matches: MatchWrite[]): Promise<void> {
    if (matches.length === 0) return;
    const tenant = asTenantId(tenantId);
    const now = new Date();
    const existing = await this.deps.matches.insertMany(tenant, matches.map((m) => ({ qboId: m.qboId, qboDisplayName: m.name, outcome: m.set })), now);
    // Re-imports: an already-mapped customer keeps the outcome recorded when it was first linked or created.
    for (const i of existing) {
      const m = matches[i]!;
      if (m.keepExisting) continue;
      await this.deps.matches.save(tenant, m.qboId, m.name, m.set, now);
    }
  }

  /** Maps the FSM customer to the QBO one as in sync at its current version: it will not be pushed as new. */
  async #link(tenantId: string, record: CustomerRecord, row: { Id: string; SyncToken?: string }): Promise<void> {
    const realmId = (await this.deps.access.realmOf(tenantId))?.realmId;
    if (!realmId) throw new ConflictError('QuickBooks is not connected.');
    const holder = await this.#claims.claim(asTenantId(tenantId), { realmId, entity: 'Customer', qboId: row.Id }, { kind: 'customer', recordId: record.id, part: 'main' });
    if (holder) {
      const other = await this.deps.ledger.get(tenantId, 'customer', holder.recordId);
      throw new ConflictError(`QuickBooks customer ${row.Id} is already linked to FSM customer ${other ? `"${other.displayName}" (${other.externalId})` : holder.recordId}.`, { type: 'Customer', id: holder.recordId });
    }
    await this.#mappings.upsert(asTenantId(tenantId), { kind: 'customer', recordId: record.id }, { entity: 'Customer', realmId, qboId: row.Id, syncToken: row.SyncToken ?? null, syncedVersion: record.version, state: 'SYNCED', lastSyncedAt: new Date(), remoteStatus: 'ACTIVE' });
    await this.deps.ledger.markPushed(tenantId, 'customer', record.id, record.version);
  }

  async #create(tenantId: string, row: QboCustomerRow): Promise<CustomerRecord> {
    const created = await this.deps.ledger.upsertCustomer(tenantId, customerInputFromQbo(row, importedCustomerExternalId(row.Id)), 'QUICKBOOKS');
    await this.#link(tenantId, created, row);
    return created;
  }

  async #saveMatch(tenantId: string, qboId: string, qboDisplayName: string, set: CustomerMatchOutcome, keepExisting = false): Promise<void> {
    // An already-mapped customer keeps the outcome recorded when it was first linked or created.
    await this.deps.matches.save(asTenantId(tenantId), qboId, qboDisplayName, set, new Date(), keepExisting);
  }

  // ---- resolutions -------------------------------------------------------------------------------

  async #readQbo(tenantId: string, qboId: string): Promise<QboCustomerRecord> {
    const client = await this.deps.access.clientFor(tenantId);
    try {
      return await client.read<QboCustomerRecord>('Customer', qboId);
    } catch (error) {
      if (error instanceof QboError && error.kind === 'NOT_FOUND') throw new NotFoundError('QuickBooksCustomer', qboId);
      throw error;
    }
  }

  async #assertUnmapped(tenantId: string, qboId: string): Promise<void> {
    const realmId = (await this.deps.access.realmOf(tenantId))?.realmId;
    if (!realmId) throw new ConflictError('QuickBooks is not connected.');
    const taken = await this.#mappings.byQboId(asTenantId(tenantId), realmId, 'customer', qboId);
    if (taken) throw new ConflictError(`QuickBooks customer ${qboId} is already linked to FSM customer ${taken.recordId}.`, { type: 'Customer', id: taken.recordId });
  }

  /** Resolves an ambiguous match (or corrects a link) by naming the FSM customer. */
  async linkCustomer(tenantId: string, customerId: string, qboId: string): Promise<CustomerMatch> {
    const record = await this.deps.ledger.get(tenantId, 'customer', customerId);
    if (!record) throw new NotFoundError('Customer', customerId);
    const existing = await this.#mappings.get(asTenantId(tenantId), { kind: 'customer', recordId: record.id });
    if (existing?.qboId && existing.qboId !== qboId) throw new ConflictError(`FSM customer ${record.externalId} is already linked to QuickBooks customer ${existing.qboId}.`, { type: 'Customer', id: record.id });
    if (existing?.qboId !== qboId) await this.#assertUnmapped(tenantId, qboId);
    const row = await this.#readQbo(tenantId, qboId);
    await this.#link(tenantId, record, row);
    await this.#saveMatch(tenantId, qboId, row.DisplayName ?? qboId, { status: 'LINKED', customerId: record.id, reason: 'MANUAL', score: 1, candidateIds: [], runId: null });
    await this.deps.issues.resolve(tenantId, 'customer', issueRecordId(qboId));
    return (await this.match(tenantId, qboId))!;
  }

  /** Resolves an ambiguous match by creating a new FSM customer from the QBO one. */
  async createFromQuickBooks(tenantId: string, qboId: string): Promise<CustomerMatch> {
    await this.#assertUnmapped(tenantId, qboId);
    const row = await this.#readQbo(tenantId, qboId);
    const created = await this.#create(tenantId, row);
    await this.#saveMatch(tenantId, qboId, row.DisplayName ?? qboId, { status: 'CREATED', customerId: created.id, reason: 'MANUAL', score: null, candidateIds: [], runId: null });
    await this.deps.issues.resolve(tenantId, 'customer', issueRecordId(qboId));
    return (await this.match(tenantId, qboId))!;
  }

  // ---- reads -------------------------------------------------------------------------------------

  async match(tenantId: string, qboId: string): Promise<CustomerMatch | null> {
    return this.deps.matches.get(asTenantId(tenantId), qboId);
  }

  /** Newest first. */
  async list(tenantId: string, status: CustomerMatchStatus | null, page: PageRequest): Promise<{ rows: CustomerMatch[]; totalCount: number }> {
    return this.deps.matches.page(asTenantId(tenantId), status, page.after ? String(page.after[0]) : undefined, page.limit + 1);
  }

  async counts(tenantId: string): Promise<Record<CustomerMatchStatus, number>> {
    const tenant = asTenantId(tenantId);
    const [linked, created, ambiguous] = await Promise.all((['LINKED', 'CREATED', 'AMBIGUOUS'] as const).map((status) => this.deps.matches.count(tenant, status)));
    return { LINKED: linked!, CREATED: created!, AMBIGUOUS: ambiguous! };
  }
}

/**
 * A match by email or name to an FSM customer that is already linked to another QBO customer is not
 * taken: two QBO customers would share one FSM customer. It becomes ambiguous (a person decides).
 * Claims are made page by page, before the page's writes, so concurrent writers never double-claim.
 */
function claim(outcome: MatchOutcome, qboId: string, linkedTo: Map<string, string>): MatchOutcome {
  if (outcome.kind !== 'MATCH' || outcome.reason === 'QUICKBOOKS_ID') return outcome;
  const holder = linkedTo.get(outcome.customer.id);
  if (holder && holder !== qboId) return { kind: 'AMBIGUOUS', candidates: [outcome.customer], reason: outcome.reason };
  linkedTo.set(outcome.customer.id, qboId);
  return outcome;
}

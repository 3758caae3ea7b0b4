/**
 * Issue actions for records changed in QuickBooks (issue actions contract, src/sync/issue-actions.registry.ts):
 *  - RECREATE: the QBO copy was deleted in QuickBooks and the bookkeeper wants it back. Only this
 *    explicit action ever creates it again: the mapping gets a new generation (so the create has a
 *    requestid of its own) and the record is pushed in a run of its own.
 *  - VOID_IN_FSM: the QBO copy was deleted or voided in QuickBooks and the FSM should agree: the FSM
 *    invoice is voided (the ledger refuses when payments or credits hang on it, and says so), and the
 *    push then finds nothing to write in QuickBooks and settles the record.
 * Each checks first that it can still succeed and changes nothing when it cannot.
 */
import { ConflictError, UserInputError } from '../errors/domain.errors.js';
import { type LedgerService } from '../ledger/ledger.service.js';
import { type IssueActionRegistry, type IssueActionRequest } from '../sync/issue-actions.registry.js';
import { type SyncService } from '../sync/sync.service.js';
import { type SyncMappingRepository } from '../persistence/sync/sync-mapping.repository.js';
import { asTenantId } from '../persistence/tenant-id.js';
import { type InvoiceFlagRepository } from '../persistence/pull/pull-state.repository.js';

export interface RemoteChangeActionDeps {
  sync: Pick<SyncService, 'push' | 'retryIssue'>;
  mappings: SyncMappingRepository;
  ledger: LedgerService;
  flags: InvoiceFlagRepository;
}

async function deletedOrVoided({ tenantId, issue }: IssueActionRequest, deps: RemoteChangeActionDeps, allowed: readonly string[]) {
  const mapping = await deps.sync.push.mappingOf(tenantId, issue.kind, issue.recordId);
  const record = await deps.ledger.get(tenantId, issue.kind, issue.recordId);
  const name = issue.externalId ?? issue.recordId;
  if (!record) throw new ConflictError(`The FSM ${issue.kind} ${name} no longer exists.`);
  if (!mapping?.qboId || !allowed.includes(mapping.remoteStatus)) {
    throw new ConflictError(`The QuickBooks copy of ${issue.kind} ${name} is not ${allowed.map((s) => s.toLowerCase()).join(' or ')} in QuickBooks (it is ${mapping?.qboId ? mapping.remoteStatus.toLowerCase() : 'not in QuickBooks yet'}); this action no longer applies.`);
  }
  if (record.status !== 'ACTIVE') throw new ConflictError(`The FSM ${issue.kind} ${name} is already ${record.status.toLowerCase()}.`);
  return { mapping, record };
}

export function registerRemoteChangeActions(registry: IssueActionRegistry, deps: RemoteChangeActionDeps): void {
  registry.register('RECREATE', async (request) => {
    const { tenantId, issue } = request;
    const { mapping } = await deletedOrVoided(request, deps, ['DELETED']);
    // Conditional on the state just checked: a second click (or process) finds nothing to reset.
    const reset = await deps.mappings.resetDeleted(asTenantId(tenantId), mapping, mapping.qboId!);
    if (!reset) throw new ConflictError(`The ${issue.kind} ${issue.externalId ?? issue.recordId} is already being recreated in QuickBooks.`);
    if (issue.kind === 'invoice') await deps.flags.remove(asTenantId(tenantId), issue.recordId);
    await deps.sync.retryIssue(tenantId, issue.id);
  });

  registry.register('VOID_IN_FSM', async (request) => {
    const { tenantId, issue } = request;
    if (issue.kind !== 'invoice') throw new UserInputError(`Void in the FSM applies to invoices deleted or voided in QuickBooks; this issue is about a ${issue.kind}.`);
    const { record } = await deletedOrVoided(request, deps, ['DELETED', 'VOIDED']);
    // The ledger's own rules apply (an invoice with payments, credits or write-offs cannot be voided): its error says which.
    await deps.ledger.voidInvoice(tenantId, record.externalId);
    await deps.sync.retryIssue(tenantId, issue.id);
  });
}

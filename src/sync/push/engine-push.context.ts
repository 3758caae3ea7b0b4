/**
 * The engine's side of a push, as pushers see it (PushContext): mappings read in the session's realm,
 * claims on remote ids, dependency resolution (pushing a dependency first), state writes, the
 * start-date rule, setting holds and the dry-run log. One per session; the engine keeps the
 * repositories, the pushers only ask.
 */
import { type LedgerKind, type LedgerReader, type LedgerRecord } from '../../ledger/ledger-record.types.js';
import { type ClaimOwner, type MappingClaimRepository } from '../../persistence/sync/mapping-claim.repository.js';
import { type MappingFields, type MappingPart, type SyncMapping, type SyncMappingRepository } from '../../persistence/sync/sync-mapping.repository.js';
import { type QboEntity, type QboRecord } from '../../providers/quickbooks/qbo.client.js';
import { candidateOf, describeRecord, entityNoun } from '../match-label.util.js';
import { type QboPayload } from '../push.types.js';
import { capitalise, KIND_NOUNS, recordPhrase } from '../record-terms.rules.js';
import { settingAccountProblem, settingsHolding } from '../remote-change.problems.js';
import { clause, SyncProblem } from '../sync.errors.js';
import { type PushContext, type PushServices, type RemoteRef } from './push.context.js';
import { outcomeKey, type PushOutcome, type PushResult, type PushSession } from './push-session.types.js';
import { type PusherRegistry } from './record-pusher.registry.js';

export interface EngineParts {
  mappings: SyncMappingRepository;
  claims: MappingClaimRepository;
  services: PushServices;
  ledger: () => LedgerReader;
  registry: PusherRegistry;
  /** The engine's push (once per session): a dependency not yet in the books is pushed through it. */
  push: (session: PushSession, record: LedgerRecord) => Promise<PushOutcome>;
}

export class EnginePushContext implements PushContext {
  readonly services: PushServices;

  constructor(
    readonly session: PushSession,
    private readonly parts: EngineParts,
  ) {
    this.services = parts.services;
  }

  get ledger(): LedgerReader {
    return this.parts.ledger();
  }

  // ---- mappings and claims ---------------------------------------------------------------------

  /**
   * The mapping as the session's realm sees it. A mapping made in another QBO company (the tenant
   * reconnected to a different realm) names objects that do not exist here, or worse, other objects
   * with the same Id: it starts over in this realm under a new generation, so no requestid, Id or
   * SyncToken of the old company is ever sent to the new one. A mapping without a realm predates
   * realms being recorded and belongs to the connected company.
   */
  async mapping(kind: LedgerKind, recordId: string, part: MappingPart = 'main'): Promise<SyncMapping | null> {
    const session = this.session;
    const mapping = await this.parts.mappings.get(session.tenantId, { kind, recordId, part });
    if (!mapping?.realmId || mapping.realmId === session.realmId) return mapping;
    const fresh = { realmId: session.realmId, qboId: null, syncToken: null, syncedVersion: null, state: 'PENDING' as const, remoteStatus: 'ACTIVE', forcePush: false, generation: mapping.generation + 1 };
    if (!session.dryRun) await this.parts.mappings.update(session.tenantId, { kind, recordId, part }, fresh);
    return { ...mapping, ...fresh };
  }

  /**
   * Stores the mapping's QBO side. A new QBO Id is claimed first (see MappingClaimRepository): if another
   * record of this realm holds the object, nothing is written and the push stops with an issue.
   */
  async saveMapping(record: LedgerRecord, part: MappingPart, entity: QboEntity, set: MappingFields): Promise<void> {
    const session = this.session;
    if (typeof set.qboId === 'string') await this.#claim({ kind: record.kind, recordId: record.id, part }, entity, set.qboId);
    await this.parts.mappings.upsert(session.tenantId, { kind: record.kind, recordId: record.id, part }, { entity, realmId: session.realmId, ...set });
  }

  async markRemoteDeleted(record: LedgerRecord, part: MappingPart): Promise<void> {
    await this.parts.mappings.update(this.session.tenantId, { kind: record.kind, recordId: record.id, part }, { remoteStatus: 'DELETED' });
  }

  async #claim(owner: ClaimOwner, entity: QboEntity, qboId: string): Promise<void> {
    const holder = await this.parts.claims.claim(this.session.tenantId, { realmId: this.session.realmId, entity, qboId }, owner);
    if (holder) throw await this.#takenProblem(entity, qboId, holder);
  }

  async isFree(owner: ClaimOwner, entity: QboEntity, remoteId: string): Promise<boolean> {
    const holder = await this.parts.claims.holderOf(this.session.tenantId, { realmId: this.session.realmId, entity, qboId: remoteId });
    return !holder || (holder.kind === owner.kind && holder.recordId === owner.recordId && holder.part === owner.part);
  }

  async heldBy(entity: QboEntity, remoteId: string): Promise<LedgerRecord | null> {
    const holder = await this.parts.claims.holderOf(this.session.tenantId, { realmId: this.session.realmId, entity, qboId: remoteId });
    return holder ? await this.ledger.get(this.session.tenantId, holder.kind, holder.recordId) : null;
  }

  async #takenProblem(entity: QboEntity, qboId: string, holder: ClaimOwner): Promise<SyncProblem> {
    const other = await this.ledger.get(this.session.tenantId, holder.kind, holder.recordId);
    const who = other ? describeRecord(other) : `another FSM ${holder.kind}`;
    // Only for the message: if QuickBooks cannot be read now, the Id still names the record.
    const row = await this.session.client?.read<QboRecord>(entity, qboId).catch(() => undefined);
    const what = row ? `"${candidateOf(entity, row).label}"` : `Id ${qboId}`;
    return new SyncProblem('MATCH_AMBIGUOUS', `The QuickBooks ${entityNoun(entity)} this record matches (${what}) already belongs to ${who}; one QuickBooks record is linked to one FSM record only.`, {
      fixHint: 'If both FSM records are the same, merge them in the FSM. Otherwise push this one to QuickBooks as a new record, or ignore the issue.',
      retryable: false,
      actions: ['PUSH', 'IGNORE'],
    });
  }

  // ---- state -----------------------------------------------------------------------------------

  /** The record's push state on its main mapping (with the issue it stopped on, if any). */
  async setState(record: LedgerRecord, state: PushResult, problem?: SyncProblem): Promise<void> {
    const session = this.session;
    const mapped: SyncMapping['state'] = state === 'SUCCEEDED' ? 'SYNCED' : state;
    // Synced or skipped: its issue is resolved by the run's outcome step, so the link goes now, in this write.
    const settled = state === 'SUCCEEDED' || state === 'SKIPPED';
    await this.parts.mappings.upsert(
      session.tenantId,
      { kind: record.kind, recordId: record.id },
      { state: mapped, issueCode: problem?.code ?? null, issueMessage: problem?.message ?? null, ...(settled ? { issueId: null } : {}) },
      { entity: this.parts.registry.get(record.kind).entity, realmId: session.realmId },
    );
    if (settled) session.cleared.add(outcomeKey(record.kind, record.id));
  }

  async markPushed(record: LedgerRecord): Promise<void> {
    await this.setState(record, 'SUCCEEDED');
    await this.ledger.markPushed(this.session.tenantId, record.kind, record.id, record.version, record.externalId);
  }

  dryRunPayload(kind: LedgerKind, recordId: string, entity: QboEntity, operation: string, payload: QboPayload): void {
    this.session.payloads.push({ kind, recordId, entity, operation, payload });
  }

  beforeStartDate(date: string): boolean {
    const start = this.session.settings.accountingStartDate;
    return start !== null && date < start;
  }

  /**
   * Held before any QuickBooks call when an account the record needs is an account setting that cannot
   * be used now (made inactive or deleted in QuickBooks, wrong type with relax off): the issue names the setting.
   */
  holdUnusableSettings(record: LedgerRecord, accountIds: readonly (string | null | undefined)[]): void {
    const session = this.session;
    for (const id of new Set(accountIds)) {
      if (!id) continue;
      for (const setting of settingsHolding(session.settings, id)) {
        const problem = session.settingProblems.get(setting);
        if (problem) throw settingAccountProblem(record, setting, problem.problem, problem.message);
      }
    }
  }

  // ---- dependencies ----------------------------------------------------------------------------

  async dependency(kind: LedgerKind, id: string, entity: QboEntity): Promise<RemoteRef> {
    const session = this.session;
    const key = outcomeKey(kind, id);
    const resolved = session.dependencies.get(key);
    if (resolved) return resolved;
    const mapping = await this.mapping(kind, id);
    const record = await this.recordOf(kind, id);
    if (!record) {
      throw new SyncProblem('DEPENDENCY_FAILED', `The ${KIND_NOUNS[kind]} this record belongs to has not reached fieldbooks from the field-service app.`, {
        fixHint: `Check that the ${KIND_NOUNS[kind]} exists in the field-service app; this record is sent once it arrives.`,
        retryable: true,
        blockedBy: { kind, recordId: id },
      });
    }
    // The kind's own rule first (an invoice dated before the start date is matched, not pushed).
    const special = this.parts.registry.get(record.kind).dependencyRef?.(this, record, mapping);
    if (special) return special;
    if (mapping?.qboId && mapping.syncedVersion === record.version) {
      session.dependencies.set(key, { id: mapping.qboId });
      return { id: mapping.qboId };
    }
    const outcome = await this.parts.push(session, record);
    if (outcome.result === 'SUCCEEDED') {
      const after = await this.mapping(kind, id);
      if (after?.qboId) {
        session.dependencies.set(key, { id: after.qboId });
        return { id: after.qboId };
      }
      if (session.dryRun) return { id: 'NEW', name: `${entity} ${record.externalId}` };
    }
    if (session.dryRun && outcome.result !== 'FAILED') return { id: 'NEW', name: `${entity} ${record.externalId}` };
    const phrase = recordPhrase(record);
    throw new SyncProblem('DEPENDENCY_FAILED', `Waiting for ${phrase}, which could not be sent to QuickBooks${outcome.problem ? `: ${clause(outcome.problem.message)}` : ''}.`, {
      fixHint: outcome.problem
        ? `Fix the issue of ${phrase} first (it is in this list); this record follows it.`
        : `${capitalise(phrase)} was not sent to QuickBooks; retry this record once it has been.`,
      retryable: true,
      blockedBy: { kind, recordId: id, issueCode: outcome.problem?.code },
    });
  }

  recordOf(kind: LedgerKind, id: string): Promise<LedgerRecord | null> {
    const session = this.session;
    if (!this.parts.registry.get(kind).counterparty) return this.ledger.get(session.tenantId, kind, id);
    const key = outcomeKey(kind, id);
    let record = session.counterparties.get(key);
    if (!record) {
      record = this.ledger.get(session.tenantId, kind, id);
      session.counterparties.set(key, record);
      record.catch(() => session.counterparties.delete(key));
    }
    return record;
  }
}

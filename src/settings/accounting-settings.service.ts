/**
 * Reads and changes a tenant's accounting settings. A change is validated as a whole (every account
 * exists in the cached chart, is active and fits its purpose unless relaxed, by the flag in the same
 * input if given), then saved as one single-document insert of the next revision, or not at all.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describeAllowedTypes, isAccountTypeAllowed } from '../accounts/account-purpose.rules.js';
import { type AccountReference } from '../accounts/account-reference.rules.js';
import { type ChartService } from '../accounts/chart.service.js';
import { TenantReadCache } from '../persistence/tenant-read.cache.js';
import { ConflictError, type FieldProblem, UserInputError } from '../errors/domain.errors.js';
import { type LedgerListsService } from '../ledger/ledger-lists.service.js';
import { type TenantService } from '../tenancy/tenant.service.js';
import { ACCOUNT_SETTINGS, type AccountSettingName, idField } from './accounting-settings.fields.js';
import { type AccountingSettings, type AccountingSettingsValues, DEFAULT_SETTINGS, type SettingsActor } from './accounting-settings.values.js';
import { type AccountingSettingsRepository } from '../persistence/settings/accounting-settings.repository.js';
import { type ReadStampRepository } from '../persistence/read-stamp.repository.js';
import { asTenantId } from '../persistence/tenant-id.js';

/** A partial change: an absent (undefined) field is left alone, null clears it (back to its default). */
export type AccountingSettingsPatch = { [K in keyof AccountingSettingsValues]?: AccountingSettingsValues[K] | null };

export interface SettingsView extends AccountingSettingsValues {
  version: number;
  updatedAt: Date | null;
  updatedBy: SettingsActor | null;
}

const MAX_ATTEMPTS = 10;

/** Why a saved account setting cannot be used now: made inactive or gone in QuickBooks, or (relax turned off) of a type the setting does not allow. */
export type AccountSettingProblemKind = 'INACTIVE' | 'DELETED' | 'WRONG_TYPE';

export interface AccountSettingProblem {
  setting: AccountSettingName;
  accountId: string;
  /** The account's name in QuickBooks (null when it is not in the chart any more). */
  accountName: string | null;
  problem: AccountSettingProblemKind;
  message: string;
}

function toView(doc: AccountingSettings | null): SettingsView {
  if (!doc) return { ...DEFAULT_SETTINGS, version: 0, updatedAt: null, updatedBy: null };
  const view = { ...DEFAULT_SETTINGS } as SettingsView;
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof AccountingSettingsValues)[]) {
    const value = doc[key];
    if (value !== undefined) (view as unknown as Record<string, unknown>)[key] = value;
  }
  view.version = doc.version;
  view.updatedAt = doc.updatedAt ?? null;
  view.updatedBy = doc.updatedBy ?? null;
  return view;
}

/** The stored values after applying `patch` (null means "back to the default"). */
export function applyPatch(current: AccountingSettingsValues, patch: AccountingSettingsPatch): AccountingSettingsValues {
  const next = { ...current } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || !(key in DEFAULT_SETTINGS)) continue;
    next[key] = value === null ? DEFAULT_SETTINGS[key as keyof AccountingSettingsValues] : value;
  }
  return next as unknown as AccountingSettingsValues;
}

/** The account references a patch sets (cleared ones need no check), each with its input path. */
export function accountReferencesOf(patch: AccountingSettingsPatch): AccountReference[] {
  const refs: AccountReference[] = [];
  for (const { setting, purpose } of ACCOUNT_SETTINGS) {
    const value = patch[idField(setting)];
    if (typeof value === 'string') refs.push({ path: ['input', idField(setting)], setting, accountId: value.trim(), purpose });
  }
  return refs;
}

export class AccountingSettingsService {
  /**
   * The newest revision per tenant, in memory and checked by one `_id` lookup per read: the revision
   * query itself (newest by version) scans the collection on the embedded FerretDB, and every account
   * dropdown asks for the relax flag. A saved change replaces the stamp, so every process reads it next.
   */
  readonly #current: TenantReadCache<{ revision: AccountingSettings | null }>;
  #ready: Promise<unknown> | undefined;

  constructor(
    private readonly revisions: AccountingSettingsRepository,
    stamps: ReadStampRepository,
    private readonly chart: ChartService,
    private readonly ledger: LedgerListsService,
    private readonly tenants: TenantService,
  ) {
    this.#current = new TenantReadCache(stamps, 'settings', async (tenantId) => ({ revision: await this.#latestStored(tenantId) }));
  }

  /** The unique (tenantId, version) index must exist before the first insert: it is the lock. */
  ensureIndexes(): Promise<unknown> {
    this.#ready ??= Promise.all([this.revisions.ensureIndexes(), this.#current.init()]);
    return this.#ready;
  }

  /** The newest revision as stored now (what a change must be based on). */
  #latestStored(tenantId: string): Promise<AccountingSettings | null> {
    return this.revisions.latest(asTenantId(tenantId));
  }

  /** The newest revision for reads (shared by the requests of this process: never changed in place). */
  async #latest(tenantId: string): Promise<AccountingSettings | null> {
    return (await this.#current.read(tenantId)).value.revision;
  }

  async get(tenantId: string): Promise<SettingsView> {
    return toView(await this.#latest(tenantId));
  }

  async relaxAccountSelection(tenantId: string): Promise<boolean> {
    const doc = await this.#latest(tenantId);
    return doc?.relaxAccountSelectionRestrictions ?? false;
  }

  readonly #savedListeners: ((tenantId: string, before: SettingsView, after: SettingsView) => Promise<void> | void)[] = [];

  /** Called after each saved change, with the settings before and after it. */
  onSaved(listener: (tenantId: string, before: SettingsView, after: SettingsView) => Promise<void> | void): void {
    this.#savedListeners.push(listener);
  }

  async update(tenantId: string, patch: AccountingSettingsPatch, actor: { apiKeyPrefix: string }): Promise<SettingsView> {
    const tenant = asTenantId(tenantId);
    const normalized = await this.#normalize(tenantId, patch);
    const updatedBy: SettingsActor = { apiKeyPrefix: actor.apiKeyPrefix, apiKeyLabel: await this.#keyLabel(tenantId, actor.apiKeyPrefix) };
    await this.ensureIndexes();
    // Optimistic concurrency: validate against one revision and insert the next; if another change
    // took that version first, start over from the newer revision (so a concurrent change of the
    // relax flag cannot let a wrong-type account through, and no change is lost).
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await this.#latestStored(tenantId);
      const view = toView(current);
      const relaxed = normalized.relaxAccountSelectionRestrictions !== undefined ? (normalized.relaxAccountSelectionRestrictions ?? false) : view.relaxAccountSelectionRestrictions;
      const problems = await this.chart.checkAccountReferences(tenantId, accountReferencesOf(normalized), relaxed);
      problems.push(...(await this.#otherProblems(tenantId, normalized)));
      if (problems.length > 0) {
        throw new UserInputError(`Accounting settings were not saved: ${problems.map((p) => `${p.path.at(-1)}: ${p.message}`).join('; ')}.`, problems);
      }
      const values = applyPatch(view, normalized);
      const created = await this.revisions.insertRevision(tenant, { ...values, version: view.version + 1, updatedAt: new Date(), updatedBy });
      if (!created) {
        // Another change took that version first: start over from it.
        await sleep(5 + Math.random() * 20 * (attempt + 1)); // spread the retries of a burst
        continue;
      }
      // Before anyone is told it is saved: the next read in every process sees it.
      await this.#current.changed(tenantId);
      const saved = toView(created);
      // Saved: listeners act on the change (the sync engine re-evaluates skipped records when the start date moves).
      for (const listener of this.#savedListeners) await listener(tenantId, view, saved);
      return saved;
    }
    throw new ConflictError('Accounting settings are being changed by another request; try again.');
  }

  /** Trims strings and resolves paymentMethodFromAccounts (externalId or name) to an externalId. */
  async #normalize(tenantId: string, patch: AccountingSettingsPatch): Promise<AccountingSettingsPatch> {
    const normalized: AccountingSettingsPatch = { ...patch };
    const method = patch.paymentMethodFromAccounts;
    if (typeof method === 'string') {
      const found = method.trim() ? await this.ledger.findPaymentMethodByKey(tenantId, method.trim()) : null;
      // Unknown values are reported by #otherProblems; keep the raw value for the message.
      normalized.paymentMethodFromAccounts = found ? found.externalId : method;
    }
    return normalized;
  }

  async #otherProblems(tenantId: string, patch: AccountingSettingsPatch): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    const method = patch.paymentMethodFromAccounts;
    if (typeof method === 'string' && !(await this.ledger.findPaymentMethodByKey(tenantId, method.trim()))) {
      problems.push({
        path: ['input', 'paymentMethodFromAccounts'],
        message: `no FSM payment method has the externalId or name "${method}" (send it with upsertPaymentMethod first)`,
      });
    }
    const date = patch.accountingStartDate;
    if (typeof date === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      problems.push({ path: ['input', 'accountingStartDate'], message: 'must be a date as YYYY-MM-DD' });
    }
    return problems;
  }

  /**
   * Each saved account setting checked against the cached chart as it is now: an account can be made
   * inactive or merged away in QuickBooks after it was chosen, and turning "relax" off makes the saved
   * accounts' types count again. Empty when every setting is usable.
   */
  async accountProblems(tenantId: string, values?: AccountingSettingsValues): Promise<AccountSettingProblem[]> {
    const view = values ?? (await this.get(tenantId));
    const chosen = ACCOUNT_SETTINGS.map(({ setting, purpose }) => ({ setting, purpose, accountId: view[idField(setting)] })).filter((c): c is typeof c & { accountId: string } => !!c.accountId);
    if (chosen.length === 0) return [];
    const accounts = new Map((await this.chart.findAccounts(tenantId, chosen.map((c) => c.accountId))).map((a) => [a.qboId, a]));
    const problems: AccountSettingProblem[] = [];
    for (const { setting, purpose, accountId } of chosen) {
      const cached = accounts.get(accountId);
      // QBO names inactive records "<name> (deleted)"; bookkeepers know the account by its name.
      const account = cached ? { ...cached, name: cached.name.replace(/ \(deleted\)$/, '') } : undefined;
      if (!account) {
        problems.push({ setting, accountId, accountName: null, problem: 'DELETED', message: `account ${accountId} is no longer in the QuickBooks chart of accounts (deleted or merged; refresh the chart of accounts if it was only renamed)` });
      } else if (!account.active) {
        problems.push({ setting, accountId, accountName: account.name, problem: 'INACTIVE', message: `account "${account.name}" has been made inactive in QuickBooks` });
      } else if (!view.relaxAccountSelectionRestrictions && !isAccountTypeAllowed(purpose, account.accountType)) {
        problems.push({ setting, accountId, accountName: account.name, problem: 'WRONG_TYPE', message: `account "${account.name}" is a ${account.accountType} account; this setting allows ${describeAllowedTypes(purpose)} (Relax Account Selection Restrictions is off)` });
      }
    }
    return problems;
  }

  async #keyLabel(tenantId: string, prefix: string): Promise<string | null> {
    const keys = await this.tenants.listKeys(tenantId);
    return keys.find((k) => k.prefix === prefix && !k.revokedAt)?.label ?? null;
  }
}

/**
 * What one push run holds about the tenant (resolved once, in PushService.openSession) and what it
 * reports back (outcomes, dry-run payloads, notices). The engine and the pushers share it: the engine
 * owns the outcome/dependency bookkeeping, the pushers the per-run caches of their provider.
 */
import { type LedgerKind, type LedgerRecord } from '../../ledger/ledger-record.types.js';
import { type QboClient, type QboEntity } from '../../providers/quickbooks/qbo.client.js';
import { type QboLookahead } from '../../providers/quickbooks/qbo-lookahead.js';
import { type TaxRateTable } from '../../providers/quickbooks/qbo-total.rules.js';
import { type TenantId } from '../../persistence/tenant-id.js';
import { type AccountSettingProblem } from '../../settings/accounting-settings.service.js';
import { type AccountSettingName } from '../../settings/accounting-settings.fields.js';
import { type CompanyCurrency } from '../currency.rules.js';
import { type CompanyTax, type QboPayload, type QboRef, type SyncSettings } from '../push.types.js';
import { type SyncProblem } from '../sync.errors.js';
import { type RemoteRef } from '../../providers/accounting-provider.port.js';

export type PushResult = 'SUCCEEDED' | 'SKIPPED' | 'FAILED' | 'BLOCKED';

export interface PushOutcome {
  result: PushResult;
  problem?: SyncProblem;
  /** The push stored the record as synced (or skipped) and its mapping as pointing at no issue. */
  issueCleared?: boolean;
}

export interface DryRunPayload {
  kind: LedgerKind;
  recordId: string;
  entity: QboEntity;
  operation: string;
  payload: QboPayload;
}

/** Everything one run needs about the tenant, resolved once. */
export interface PushSession {
  tenantId: TenantId;
  realmId: string;
  client: QboClient | undefined;
  settings: SyncSettings;
  tax: CompanyTax;
  dryRun: boolean;
  payloads: DryRunPayload[];
  /** Outcomes of records pushed in this session (dependencies are pushed once). */
  outcomes: Map<string, Promise<PushOutcome>>;
  /** Things the run log says once (e.g. a setting QBO has no equivalent for). */
  notices: Set<string>;
  /** Whether the tenant asked for supplier invoices "awaiting approval" (Xero only). */
  supplierInvoicesAwaitingApproval: boolean;
  /** Items, classes and departments resolved in this session (each is looked up once per run). */
  lists: Map<string, Promise<QboRef>>;
  /** US companies: automated or manual sales tax, read from QBO's preferences once per run, when first needed. */
  usSalesTaxKind?: Promise<'AUTOMATED' | 'MANUAL'>;
  /** Account settings that cannot be used now (inactive, deleted, wrong type), checked once per run against the chart. */
  settingProblems: Map<AccountSettingName, AccountSettingProblem>;
  /** The connected company's country (its default home currency). */
  country?: string;
  /** The company's currencies, read from Preferences once per run, and only when a record is in a foreign currency. */
  currency?: Promise<CompanyCurrency>;
  /** Non-US tax rates per tax code, read once per run for the total checked before a write. */
  taxRates?: Promise<TaxRateTable>;
  /** The checks before first creates (number, name, email already in QuickBooks?), answered per chunk of records. */
  lookahead: QboLookahead;
  /**
   * Customers and suppliers as read once per run, and the remote refs of dependencies resolved in it: an
   * invoice run reads its customer once, not twice per invoice. A customer changed meanwhile keeps its
   * remote id; its new version is pushed as a record of its own.
   */
  counterparties: Map<string, Promise<LedgerRecord | null>>;
  dependencies: Map<string, RemoteRef>;
  /** Records whose mapping this run stored as SYNCED or SKIPPED, with no issue (see PushOutcome.issueCleared). */
  cleared: Set<string>;
}

/** A record's key in the session's maps. */
export function outcomeKey(kind: LedgerKind, id: string): string {
  return `${kind}:${id}`;
}

/**
 * Sync issues for records QuickBooks users changed under the sync: a record made inactive that a push
 * uses, an account setting that became unusable, and a QBO copy deleted or voided in QuickBooks. Worded
 * for bookkeepers (QuickBooks names, FSM numbers and amounts), each with the actions that can succeed.
 */
import { type LedgerRecord } from '../ledger/ledger-record.types.js';
import { type QboEntity } from '../providers/quickbooks/qbo.client.js';
import { ACCOUNT_SETTINGS, type AccountSettingName, idField, SETTING_LABELS } from '../settings/accounting-settings.fields.js';
import { type NotFoundDiagnosis } from '../providers/quickbooks/not-found.diagnosis.js';
import { type SyncSettings } from './push.types.js';
import { SyncProblem } from './sync.errors.js';

const NOUN: Partial<Record<QboEntity, string>> = {
  Customer: 'customer',
  Vendor: 'supplier',
  Item: 'product or service',
  Account: 'account',
  Class: 'class',
  Department: 'location',
  PaymentMethod: 'payment method',
  Term: 'payment term',
  Invoice: 'invoice',
  CreditMemo: 'credit memo',
};

/** "invoice 1042", "payment of 165.00 dated 2026-03-02", "customer Telstra", in the FSM's terms. */
export function recordLabel(record: LedgerRecord): string {
  switch (record.kind) {
    case 'customer':
    case 'supplier':
      return `${record.kind} ${record.displayName}`;
    case 'invoice':
      return `invoice ${record.number} (${record.total})`;
    case 'payment':
      return `payment of ${record.amount} dated ${record.date}`;
    case 'creditNote':
      return `credit note ${record.number}`;
    case 'supplierInvoice':
      return `supplier invoice ${record.number}`;
    case 'badDebtWriteOff':
      return `bad-debt write-off of ${record.amount} dated ${record.date}`;
    case 'expense':
      return `expense of ${record.total} dated ${record.date}`;
  }
}

/** The account settings that hold this QBO account id. */
export function settingsHolding(settings: SyncSettings, accountId: string): AccountSettingName[] {
  const values = settings as unknown as Record<string, unknown>;
  return ACCOUNT_SETTINGS.filter(({ setting }) => values[idField(setting)] === accountId).map(({ setting }) => setting);
}

/** The fix besides reactivating, by what was made inactive. */
function alternative(entity: QboEntity, record: LedgerRecord, settings: string[], via?: { name: string }): string {
  if (settings.length > 0) return `or choose another account for ${settings.map((s) => SETTING_LABELS[s as AccountSettingName] ?? s).join(' and ')} in the accounting settings`;
  switch (entity) {
    case 'Customer':
      return `or move the FSM ${record.kind === 'payment' ? 'payment' : 'record'} to another customer`;
    case 'Vendor':
      return 'or move the FSM record to another supplier';
    case 'Item':
      return 'or change the job type or supply of its lines in the FSM';
    case 'Account':
      return via ? `or give the job type, supply or payment method that uses "${via.name}" another account in the FSM` : 'or choose another account in the FSM';
    case 'Class':
    case 'Department':
      return 'or change the team (or the Team Tracking Category setting)';
    default:
      return 'or stop using it in the FSM';
  }
}

/** A 610 that was an inactive reference: nothing in QuickBooks changed; after the fix the retry updates the same object. */
export function inactiveReferenceProblem(diagnosis: Extract<NotFoundDiagnosis, { kind: 'INACTIVE' }>, record: LedgerRecord, settings: SyncSettings, qboFault: string): SyncProblem {
  const noun = NOUN[diagnosis.entity] ?? diagnosis.entity.toLowerCase();
  const holding = diagnosis.entity === 'Account' ? settingsHolding(settings, diagnosis.id) : [];
  const through = diagnosis.via ? ` (the account of the ${NOUN[diagnosis.via.entity] ?? 'item'} "${diagnosis.via.name}")` : '';
  const where = holding.length > 0 ? ` It is the ${holding.map((s) => SETTING_LABELS[s]).join(' and ')} in the accounting settings.` : '';
  return new SyncProblem('REFERENCE_INACTIVE', `QuickBooks refused the ${recordLabel(record)}: the ${noun} "${diagnosis.name}"${through} has been made inactive in QuickBooks.${where}`, {
    fixHint: `Reactivate "${diagnosis.name}" in QuickBooks (include inactive, then Make active), ${alternative(diagnosis.entity, record, holding, diagnosis.via)}; then retry. The retry updates the same QuickBooks record, never a copy.`,
    retryable: true,
    qboFault,
    actions: holding.length > 0 ? ['OPEN_SETTINGS'] : undefined,
    setting: holding[0],
  });
}

/** The QBO copy was deleted in QuickBooks: held until the bookkeeper says what to do. */
export function remoteDeletedProblem(record: LedgerRecord, entity: QboEntity, qboId: string): SyncProblem {
  const noun = NOUN[entity] ?? entity.toLowerCase();
  return new SyncProblem('REMOTE_DELETED', `The QuickBooks ${noun} of the ${recordLabel(record)} was deleted in QuickBooks (it was QuickBooks ${noun} ${qboId}); it is not created again without your say.`, {
    fixHint: `Recreate it in QuickBooks if the deletion was a mistake, or void the ${record.kind === 'invoice' ? 'invoice' : 'record'} in the FSM if it should not exist.`,
    retryable: false,
    actions: ['RECREATE', 'VOID_IN_FSM'],
  });
}

/** The QBO copy was voided in QuickBooks while the FSM record is active: pushing over it would un-void it. */
export function remoteVoidedProblem(record: LedgerRecord, entity: QboEntity, qboId: string): SyncProblem {
  const noun = NOUN[entity] ?? entity.toLowerCase();
  return new SyncProblem('REMOTE_VOIDED', `The QuickBooks ${noun} of the ${recordLabel(record)} was voided in QuickBooks (QuickBooks ${noun} ${qboId}); the FSM still has it active, so changes are not pushed over the void.`, {
    fixHint: `Void the ${record.kind === 'invoice' ? 'invoice' : 'record'} in the FSM to agree with QuickBooks.`,
    retryable: false,
    actions: ['VOID_IN_FSM'],
  });
}

/** A payment (or credit application) links to an invoice that was deleted in QuickBooks. */
export function linkedDeletedProblem(record: LedgerRecord, entity: QboEntity, qboId: string, qboFault: string): SyncProblem {
  const noun = NOUN[entity] ?? entity.toLowerCase();
  return new SyncProblem('REMOTE_DELETED', `QuickBooks refused the ${recordLabel(record)}: the QuickBooks ${noun} ${qboId} it applies to was deleted in QuickBooks.`, {
    fixHint: `Resolve the ${noun}'s own issue first (recreate it in QuickBooks or void it in the FSM), then retry.`,
    retryable: true,
    qboFault,
  });
}

export type AccountSettingProblemKind = 'INACTIVE' | 'DELETED' | 'WRONG_TYPE';

/** A push that would use an unusable setting is held before any QuickBooks call. */
export function settingAccountProblem(record: LedgerRecord, setting: AccountSettingName, problem: AccountSettingProblemKind, detail: string): SyncProblem {
  const label = SETTING_LABELS[setting];
  const what = problem === 'INACTIVE' ? 'is inactive in QuickBooks' : problem === 'DELETED' ? 'no longer exists in QuickBooks' : 'has a type this setting does not allow';
  return new SyncProblem('SETTING_ACCOUNT_UNUSABLE', `The ${recordLabel(record)} was not sent: the account chosen for ${label} ${what} (${detail}).`, {
    fixHint: `Choose another account for ${label} in the accounting settings${problem === 'INACTIVE' ? ', or reactivate the account in QuickBooks and refresh the chart of accounts' : ''}; then retry.`,
    retryable: true,
    actions: ['OPEN_SETTINGS'],
    setting,
  });
}

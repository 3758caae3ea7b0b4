/**
 * The sync engine's own error vocabulary: every reason a record could not be pushed becomes a
 * `SyncProblem` with a stable code, a plain message, a fix hint and whether retrying can help. QBO
 * faults are turned into problems here, in one place, so issues read the same whatever raised them.
 */
import { DomainError } from '../errors/domain.errors.js';
import { QboError } from '../providers/quickbooks/qbo.errors.js';
import { settingField, settingLabel } from '../settings/setting-labels.js';
import { capitalise } from './record-terms.rules.js';

export type SyncIssueCode =
  | 'SETTING_MISSING'
  | 'TAX_CODE_NOT_FOUND'
  | 'REFERENCE_NOT_FOUND'
  | 'DEPENDENCY_FAILED'
  | 'NAME_IN_USE'
  | 'TOTAL_MISMATCH'
  // US manual sales tax: the QuickBooks customer has no sales tax rate to charge the FSM's tax with.
  | 'SALES_TAX_CODE_MISSING'
  // Foreign currency (src/sync/currency.rules.ts): multicurrency off in QBO, or a customer in another currency.
  | 'CURRENCY_NOT_ENABLED'
  | 'CURRENCY_MISMATCH'
  | 'QUICKBOOKS_REJECTED'
  | 'QUICKBOOKS_UNAVAILABLE'
  | 'QUICKBOOKS_AUTH'
  | 'REMOTE_DELETED'
  // A QuickBooks record the push uses was made inactive (610 "made inactive"), or a setting's account is unusable.
  | 'REFERENCE_INACTIVE'
  | 'SETTING_ACCOUNT_UNUSABLE'
  // The QuickBooks copy was voided there while the FSM record is still active.
  | 'REMOTE_VOIDED'
  // Matching records QuickBooks already holds (one QBO object per FSM record), and go-live.
  | 'MATCH_AMBIGUOUS'
  | 'OPENING_INVOICE_MISSING'
  // Pulled from QuickBooks (src/pull): a payment the FSM could not take, an import match to decide, a two-sided edit.
  | 'INBOUND_PAYMENT_REJECTED'
  | 'CUSTOMER_MATCH_AMBIGUOUS'
  | 'CUSTOMER_EDIT_CONFLICT'
  | 'INTERNAL';

/**
 * What a bookkeeper can do about an issue, offered only where it can succeed; performed through the API
 * (the issue-actions registry, `src/sync/issue-actions.registry.ts`). RETRY pushes the record again;
 * RECREATE creates a record deleted in QuickBooks again (never done without this explicit action); LINK ties
 * the record to an existing QuickBooks object (one of the issue's candidates); IGNORE closes the issue and
 * leaves the record out of sync on purpose; OPEN_SETTINGS points at the accounting setting to fix (the
 * issue's `setting`); VOID_IN_FSM voids the FSM record to agree with QuickBooks; PUSH pushes a record the
 * engine would otherwise skip (an invoice dated before the accounting start date, as an opening item).
 */
export type SyncIssueActionKind = 'RETRY' | 'RECREATE' | 'LINK' | 'IGNORE' | 'OPEN_SETTINGS' | 'VOID_IN_FSM' | 'PUSH';

/** A QuickBooks object an issue's LINK action may tie the record to, described as a bookkeeper knows it. */
export interface LinkCandidate {
  remoteId: string;
  /** e.g. "Invoice 1042 · Smith Plumbing · 12 Mar 2026 · 1,250.00" or "Customer Jane Smith (jane@example.com)". */
  label: string;
}

export interface BlockingDependency {
  kind: string;
  recordId: string;
  issueCode?: string;
}

export class SyncProblem extends Error {
  constructor(
    readonly code: SyncIssueCode,
    message: string,
    readonly options: {
      fixHint: string;
      retryable: boolean;
      blockedBy?: BlockingDependency;
      qboFault?: string;
      /** Actions beyond RETRY (which `retryable` already offers) that can succeed for this issue. */
      actions?: SyncIssueActionKind[];
      /** For LINK: the QuickBooks objects to choose from. */
      candidates?: LinkCandidate[];
      /** For OPEN_SETTINGS: the accounting setting (AccountingSettings field name) to fix. */
      setting?: string;
    },
  ) {
    super(message);
    this.name = 'SyncProblem';
  }
}

/**
 * A setting the push needs is empty. `setting` is the accounting setting's name (`paymentsAccount`) or,
 * for settings kept elsewhere, a description ("the surcharge income account of payment method Visa").
 * Accounting settings are named as the settings screen names them and offer OPEN_SETTINGS.
 */
export function settingMissing(setting: string, why: string): SyncProblem {
  const label = settingLabel(setting);
  if (!label) {
    return new SyncProblem('SETTING_MISSING', `${capitalise(setting)} is not set; it is needed ${why}.`, {
      fixHint: 'Choose it in the field-service app\'s settings, then retry.',
      retryable: false,
    });
  }
  return new SyncProblem('SETTING_MISSING', `The accounting setting "${label}" is empty; it is needed ${why}.`, {
    fixHint: `Choose an account for "${label}" in Accounting settings; the record is sent again once you have.`,
    retryable: false,
    actions: ['OPEN_SETTINGS'],
    setting: settingField(setting),
  });
}

/** A message as the middle of a sentence: no trailing full stop (so "…: QuickBooks refused it." never ends in "..") */
export function clause(message: string): string {
  return message.trim().replace(/[.\s]+$/, '');
}

/** Any failure of a push as a problem (QBO faults keep their own text for the user). */
export function problemOf(error: unknown): SyncProblem {
  if (error instanceof SyncProblem) return error;
  if (error instanceof QboError) {
    const fault = error.details.detail ? `${clause(error.message)}: ${error.details.detail}` : error.message;
    if (error.retryable) {
      return new SyncProblem('QUICKBOOKS_UNAVAILABLE', 'QuickBooks was busy or did not answer in time.', {
        fixHint: 'Nothing to fix: the record is sent again on the next sync.',
        retryable: true,
        qboFault: fault,
      });
    }
    if (error.kind === 'AUTH' || error.kind === 'FORBIDDEN') {
      return new SyncProblem('QUICKBOOKS_AUTH', 'QuickBooks no longer accepts fieldbooks\' connection to your company.', { fixHint: 'Reconnect QuickBooks on the Connection screen, then retry.', retryable: true, qboFault: fault });
    }
    return new SyncProblem('QUICKBOOKS_REJECTED', `QuickBooks refused it: ${clause(fault)}.`, {
      fixHint: 'Correct the record in the field-service app (or the accounting setting it uses), then retry.',
      retryable: false,
      qboFault: `${error.code ?? ''} ${fault}`.trim(),
    });
  }
  if (error instanceof DomainError && error.code === 'QUICKBOOKS_NOT_CONNECTED') {
    return new SyncProblem('QUICKBOOKS_AUTH', `${clause((error as Error).message)}.`, { fixHint: 'Connect QuickBooks on the Connection screen, then retry.', retryable: true });
  }
  return new SyncProblem('INTERNAL', `Something unexpected went wrong: ${clause((error as Error)?.message ?? String(error))}.`, { fixHint: 'Retry; if it happens again, report it to whoever runs fieldbooks for you.', retryable: true });
}

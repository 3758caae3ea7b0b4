/** The event announced when a change made in QuickBooks has been applied to the FSM ledger. */
import { type QuickBooksChangeKind } from '../persistence/pull/quickbooks-change.repository.js';

export interface QuickBooksChangeEvent {
  id: string;
  tenantId: string;
  kind: QuickBooksChangeKind;
  entity: string;
  quickBooksId: string;
  recordKind: string | null;
  recordId: string | null;
  message: string;
  at: Date;
}

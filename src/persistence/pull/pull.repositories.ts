/** The pull slice's repositories (besides the sync engine's mappings, claims and outbox, which it shares). */
import { type Connection } from 'mongoose';
import { CreatedRecordRepository } from './created-record.repository.js';
import { CustomerMatchRepository } from './customer-match.repository.js';
import { InvoiceFlagRepository, PullWatermarkRepository } from './pull-state.repository.js';
import { QuickBooksChangeRepository } from './quickbooks-change.repository.js';

export interface PullRepositories {
  /** `pull_watermarks`: where each tenant's CDC poll resumes. */
  watermarks: PullWatermarkRepository;
  /** `pull_invoice_flags`: FSM invoices whose QuickBooks copy was voided, deleted or edited there. */
  invoiceFlags: InvoiceFlagRepository;
  /** `pull_customer_matches`: the customer import's outcomes. */
  customerMatches: CustomerMatchRepository;
  /** `pull_changes`: changes made in QuickBooks and applied to the FSM. */
  changes: QuickBooksChangeRepository;
  /** `pull_created_records`: customers and invoices entered in QuickBooks that no FSM record is linked to. */
  createdRecords: CreatedRecordRepository;
}

export function pullRepositories(connection: Connection): PullRepositories {
  return {
    watermarks: new PullWatermarkRepository(connection),
    invoiceFlags: new InvoiceFlagRepository(connection),
    customerMatches: new CustomerMatchRepository(connection),
    changes: new QuickBooksChangeRepository(connection),
    createdRecords: new CreatedRecordRepository(connection),
  };
}

/** FSM customers → QBO Customers (see counterparty.pusher.ts); a customer's currency is checked first. */
import { type CustomerRecord } from '../../../ledger/ledger-record.types.js';
import { assertCurrencyAllowed, assertSameCurrency, isForeign, recordCurrency } from '../../../sync/currency.rules.js';
import { mapCustomer } from '../mappers/customer.mapper.js';
import { companyCurrency } from './company-currency.js';
import { counterpartyPusher } from './counterparty.pusher.js';

export const customerPusher = counterpartyPusher<CustomerRecord>({
  kind: 'customer',
  entity: 'Customer',
  async write(ctx, record) {
    const company = await companyCurrency(ctx, [record.currency]);
    assertCurrencyAllowed(record.currency, company, `Customer ${record.displayName}`);
    return {
      payload: mapCustomer(record, isForeign(record.currency, company) ? { value: recordCurrency(record.currency, company) } : undefined),
      // Linking a QuickBooks customer in another currency would only fail at its first invoice.
      checkMatch(existing) {
        const theirs = (existing.CurrencyRef as { value?: string } | undefined)?.value;
        if (theirs) assertSameCurrency(record.currency, theirs, company, `Customer ${record.displayName}`, `the existing QuickBooks customer "${String(existing.DisplayName)}"`);
      },
    };
  },
});

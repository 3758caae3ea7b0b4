/**
 * The company's home currency and multicurrency preference, and the checks a record's currency must
 * pass before anything of it is written (the record's, its customer's and the company's must agree).
 */
import { type CustomerRecord } from '../../../ledger/ledger-record.types.js';
import { assertCurrencyAllowed, assertSameCurrency, type CompanyCurrency, homeCurrencyOf } from '../../../sync/currency.rules.js';
import { type PushContext } from '../../../sync/push/push.context.js';

/**
 * The company's home currency and multicurrency preference. Records in the country's usual home
 * currency need no QBO call; a foreign one reads Preferences once per run (a read, before anything
 * for the record is written). A dry run never calls QBO: multicurrency counts as on there.
 */
export function companyCurrency(ctx: PushContext, currencies: (string | undefined)[]): Promise<CompanyCurrency> {
  const { session } = ctx;
  const home = homeCurrencyOf(session.country);
  const foreign = currencies.some((c) => c !== undefined && c.toUpperCase() !== home);
  if (home && !foreign) return Promise.resolve({ home, multicurrency: false });
  if (session.dryRun || !session.client) return Promise.resolve({ home: home ?? 'USD', multicurrency: true });
  if (!session.currency) {
    const client = session.client;
    session.currency = client.preferences().then((prefs) => {
      const currencyPrefs = (prefs.CurrencyPrefs ?? {}) as { MultiCurrencyEnabled?: boolean; HomeCurrency?: { value?: string } };
      return { home: currencyPrefs.HomeCurrency?.value ?? home ?? 'USD', multicurrency: currencyPrefs.MultiCurrencyEnabled === true };
    });
    session.currency.catch(() => (session.currency = undefined));
  }
  return session.currency;
}

/** A transaction's company currency, after checking it is its customer's currency (before any write). */
export async function transactionCurrency(ctx: PushContext, customerId: string, currency: string | undefined, what: string): Promise<CompanyCurrency> {
  const customer = (await ctx.recordOf('customer', customerId)) as CustomerRecord | null;
  const company = await companyCurrency(ctx, [currency, customer?.currency]);
  assertCurrencyAllowed(currency, company, what);
  if (customer) assertSameCurrency(currency, customer.currency, company, what, `customer ${customer.displayName}`);
  return company;
}

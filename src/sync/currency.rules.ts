/**
 * Foreign currency on the way to QBO (pure): which currency fields a record sends, and the refusals
 * made before anything is written. QBO keeps every customer in one currency fixed at creation, takes
 * foreign currencies only when the company has turned multicurrency on (in the QBO UI, never through
 * the API) and computes home amounts from ExchangeRate, its own rate for the date when none is sent
 * (docs/qbo-facts/multicurrency.md).
 */
import { SyncProblem } from './sync.errors.js';

/** What a transaction adds to its payload for a foreign currency (a type alias: it spreads into any payload). */
export type CurrencyFields = { CurrencyRef?: { value: string }; ExchangeRate?: number };

export interface CompanyCurrency {
  /** The QuickBooks company's home currency (ISO 4217). */
  home: string;
  /** Preferences.CurrencyPrefs.MultiCurrencyEnabled; unknown (dry runs) counts as on, so nothing is refused unseen. */
  multicurrency: boolean;
}

/** The home currency QBO gives a company of each country (Preferences confirms it when it matters). */
export function homeCurrencyOf(country: string | undefined): string | undefined {
  switch ((country ?? '').toUpperCase()) {
    case 'AU':
      return 'AUD';
    case 'US':
      return 'USD';
    case 'NZ':
      return 'NZD';
    case 'GB':
    case 'UK':
      return 'GBP';
    case 'CA':
      return 'CAD';
    default:
      return undefined;
  }
}

/** The currency a record (or its customer) deals in: its own, else the company's home currency. */
export function recordCurrency(currency: string | undefined, company: CompanyCurrency): string {
  return (currency ?? company.home).toUpperCase();
}

export function isForeign(currency: string | undefined, company: CompanyCurrency): boolean {
  return recordCurrency(currency, company) !== company.home;
}

/** Refuses a foreign-currency record for a company without multicurrency, naming the record and both currencies. */
export function assertCurrencyAllowed(currency: string | undefined, company: CompanyCurrency, what: string): void {
  if (!isForeign(currency, company) || company.multicurrency) return;
  throw new SyncProblem(
    'CURRENCY_NOT_ENABLED',
    `${what} is in ${recordCurrency(currency, company)}, but the QuickBooks company works only in ${company.home}: multicurrency is off.`,
    {
      fixHint: `Turn on multicurrency in QuickBooks (Settings > Account and settings > Advanced > Currency; it cannot be turned off again), then retry. Or record it in ${company.home}.`,
      retryable: true,
    },
  );
}

/**
 * CurrencyRef and ExchangeRate of a transaction: only for a foreign currency (a home-currency record
 * sends nothing new, exactly as before multicurrency), the rate only when the FSM has one.
 */
export function currencyFields(record: { currency?: string; exchangeRate?: string }, company: CompanyCurrency, what: string): CurrencyFields {
  assertCurrencyAllowed(record.currency, company, what);
  if (!isForeign(record.currency, company)) return {};
  const out: CurrencyFields = { CurrencyRef: { value: recordCurrency(record.currency, company) } };
  if (record.exchangeRate) out.ExchangeRate = Number(record.exchangeRate);
  return out;
}

/** A transaction in another currency than its customer's QuickBooks currency would be refused by QBO: say so first. */
export function assertSameCurrency(txnCurrency: string | undefined, partyCurrency: string | undefined, company: CompanyCurrency, what: string, party: string): void {
  const txn = recordCurrency(txnCurrency, company);
  const own = recordCurrency(partyCurrency, company);
  if (txn === own) return;
  throw new SyncProblem('CURRENCY_MISMATCH', `${what} is in ${txn}, but ${party} deals in ${own} in QuickBooks (a customer's currency is fixed when it is created).`, {
    fixHint: `Record it in ${own}, or use a customer whose currency is ${txn} (set the currency of a new customer in the FSM before its first invoice).`,
    retryable: false,
  });
}

/**
 * The contract between the generic store (ids, SyncToken, MetaData, merges, events) and the small
 * per-entity modules in `entities/` that own each entity's business rules and computed fields.
 */
import { type Clock } from '../clock.js';
import { type Decimal, type RoundingMode } from './money.decimal.js';
import { type EntityName, type QboRecord } from './company.types.js';

export type Draft = Record<string, unknown>;
export type Ref = { value: string; name?: string; type?: string };

export type EntityKind = 'name' | 'txn' | 'readonly' | 'singleton';

/** Behaviour switches for points where the facts are uncertain; defaults are the stricter reading. */
export interface StoreOptions {
  /** Reject item lines whose Amount differs from Qty × UnitPrice (after rounding). Default true. */
  strictLineAmounts: boolean;
  /** Code for a reference to an inactive record: '610' (Intuit's batch sample) or '2500'. Default '610'. */
  inactiveReferenceCode: '610' | '2500';
  /** Rounding of tax per rate. Default 'half-up'. */
  taxRounding: RoundingMode;
  /** Inactive ("(deleted)") names still block their original DisplayName. Default true. */
  inactiveNamesReserved: boolean;
  /**
   * A DocNumber another transaction of the same type already uses: 'allow' (QBO's default; the web UI only
   * warns) or 'reject' with fault 6140, as a company that refuses duplicates does; `include=allowduplicatedocnum`
   * lets it through (docs/qbo-facts/matching-and-go-live.md). Default 'allow': duplicates are what an
   * integration must guard against itself.
   */
  duplicateDocNumbers: 'allow' | 'reject';
}

export const DEFAULT_STORE_OPTIONS: StoreOptions = {
  strictLineAmounts: true,
  inactiveReferenceCode: '610',
  taxRounding: 'half-up',
  inactiveNamesReserved: true,
  duplicateDocNumbers: 'allow',
};

export interface CompanyProfile {
  realmId: string;
  country: 'AU' | 'US';
  /** Home currency as QBO's CurrencyRef. */
  currency: Ref;
  /** IANA zone used for "today" (TxnDate defaults). QBO uses server (Pacific) time. */
  timeZone: string;
  /**
   * US companies on automated sales tax: the simulator's stand-in for Intuit's AST engine, which picks
   * the combined tax code from the ship-to address (facts: docs/qbo-facts/us-sales-tax.md). Matched on
   * state and city, then state alone; `taxCodeId: null` is a place with no sales tax.
   */
  salesTaxJurisdictions?: readonly SalesTaxJurisdiction[];
}

export interface SalesTaxJurisdiction {
  state: string;
  city?: string;
  taxCodeId: string | null;
}

/** What entity modules may do to the rest of the company while building a record. */
export interface EntityContext {
  readonly profile: CompanyProfile;
  readonly options: StoreOptions;
  readonly clock: Clock;
  /** Today's date (YYYY-MM-DD) as QBO computes defaults: server (Pacific) time. */
  today(): string;
  /** A live record, or undefined (deleted and unknown both give undefined). */
  find(entity: EntityName, id: string): QboRecord | undefined;
  /** Every live record of an entity (stored form, not decorated). */
  all(entity: EntityName): readonly QboRecord[];
  /** The Preferences singleton. */
  preferences(): QboRecord;
  /** Next auto DocNumber for a numbering sequence. */
  nextDocNumber(sequence: string): string;
  /** QBO's own rate (home units per one foreign unit) for a currency on a date: the latest on or before it. */
  exchangeRate(currency: string, date: string): Decimal | undefined;
}

export interface LinkTarget {
  entity: EntityName;
  id: string;
}

export interface EntityRules {
  readonly entity: EntityName;
  readonly kind: EntityKind;
  /** XSD complex type the body is validated against (usually the entity name). */
  readonly schemaType: string;
  /** Fields QBO computes: any client value is dropped before `build`. */
  readonly computed?: readonly string[];
  /** Max lengths of top-level string fields (fault 2050). */
  readonly lengths?: Readonly<Record<string, number>>;
  /** Validate the merged draft and fill computed fields. Throws QboFault. Must not mutate `previous`. */
  build(ctx: EntityContext, draft: Draft, previous: QboRecord | undefined): Draft;
  /** The voided form of a record (amounts to zero, note "Voided"). Absent: void unsupported. */
  void?(ctx: EntityContext, record: QboRecord): Draft;
  /** Records whose derived fields depend on this record (e.g. invoices a payment applies to). */
  linksOf?(record: Draft): LinkTarget[];
  /** Recompute fields derived from other records (Balance, LinkedTxn). Returns undefined when unchanged. */
  relink?(ctx: EntityContext, record: QboRecord): Draft | undefined;
  /** Output-time fields that never bump SyncToken (Customer.Balance). */
  decorate?(ctx: EntityContext, record: QboRecord): QboRecord;
  /** The same for a whole list at once (queries, CDC), where record by record would be quadratic. */
  decorateMany?(ctx: EntityContext, records: QboRecord[]): QboRecord[];
}

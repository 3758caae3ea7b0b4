/**
 * The accounting provider port: everything the engine (connection, accounts, pull, webhooks, sync) may
 * ask of "the books", in provider-neutral words. QuickBooks Online is the first implementation
 * (src/providers/quickbooks/quickbooks.provider.ts); Xero is the second the port is designed against
 * (/work/shared/docs/xero-api-facts.md, cited below as "Xero §n"; QuickBooks facts as "QBO §n" from
 * qbo-api-facts.md). A member exists here only when the engine needs it and both providers can fill it;
 * where they differ in kind (a change log vs modified-since queries, one contact vs customer + vendor),
 * the port says which model the provider follows instead of pretending they are the same.
 *
 * Words used throughout (shared with the pushers and edges work of issue #15):
 * - company: the books one connection reaches. QBO calls it a realm (`realmId`, one per token); Xero an
 *   organisation or tenant (`tenantId` from GET /connections; one token may reach several).
 * - remote id: the provider's own id of a record (QBO numeric `Id`, Xero GUID `InvoiceID`...).
 * - version token: what the provider checks before an update (QBO `SyncToken`); Xero has none (last
 *   write wins, Xero §6.1), so it is optional everywhere.
 * - stored names (`qboId`, `SyncToken`, `realmId` in mappings, outbox and connection documents) do not
 *   change here: repositories map them to these names where the engine needs neutral ones.
 *
 * No Intuit or Xero type appears in this file, and nothing here imports from a provider folder.
 */
import { type LedgerKind } from '../ledger/ledger-record.types.js';

// ---- identity ------------------------------------------------------------------------------------

/** Which accounting package a connection talks to. Stored on connections once a second provider exists. */
export type ProviderKind = 'quickbooks' | 'xero';

/**
 * A reference to a record in the provider's books. `name` is for people (messages, dropdowns) and may
 * be stale; `id` is what the provider is sent.
 */
export interface RemoteRef {
  id: string;
  name?: string;
}

/**
 * An account reference. QuickBooks lines name an account by `AccountRef.value` (its Id, QBO §7.2); Xero
 * lines name it by `AccountCode` (Xero §5.5; `AccountID` is accepted too, and bank accounts may have no
 * code, Xero §5.9). The chart keeps both, and each provider's pushers pick what their API wants:
 * never assume the id is the reference key.
 */
export interface RemoteAccountRef extends RemoteRef {
  /** QBO `AcctNum` (optional, user-editable); Xero `Code` (at most 10 characters, user-editable). */
  code?: string;
}

// ---- normalised faults ---------------------------------------------------------------------------

/**
 * What went wrong, in the terms the engine decides on: retry, wait, fail the record, or reconnect.
 * - validation: the provider refused the content (QBO 2xxx/4xxx/6xxx faults; Xero 400 ValidationException).
 * - not-found: the record is gone or never existed (QBO 610 / 404; Xero 404).
 * - stale: the version token is out of date (QBO 5010). Xero never produces it (Xero §6.3).
 * - duplicate: a name or number the provider keeps unique is taken (QBO 6240 "Duplicate Name Exists";
 *   Xero "The contact name … is already assigned to another contact", "Invoice # must be unique.").
 * - throttled: over a rate limit (QBO 429 / 3001; Xero 429 with `X-Rate-Limit-Problem`).
 * - auth: the connection is not accepted (QBO 401 / 3200 / 3100 / 403, token `invalid_grant`; Xero 401
 *   TokenExpired, 403 AuthenticationUnsuccessful, `invalid_grant`).
 * - unavailable: 5xx, timeouts, resets, maintenance (Xero 503 plain text).
 * - unknown: anything else (Xero 412, a body nobody recognises).
 */
export type ProviderErrorKind = 'validation' | 'not-found' | 'stale' | 'duplicate' | 'throttled' | 'auth' | 'unavailable' | 'unknown';

export interface ProviderErrorDetails {
  /** The provider's own code (QBO fault code such as "6240"; Xero HTTP status or `invalid_grant`). */
  providerCode?: string;
  /** The provider's longer explanation (QBO `Detail`), kept for the issue's fault text. */
  detail?: string;
  /** The field the provider blames, when it says (QBO `element`). */
  element?: string;
  /** HTTP status of the answer, when there was one. */
  status?: number;
  /** How long the provider asked us to wait (Xero `Retry-After`), in milliseconds. */
  retryAfterMs?: number;
  /**
   * `auth` only: true when refreshing the token cannot help and the user must connect again (QBO 3100 /
   * 403 "app not authorised for this company"; token `invalid_grant`); false for an expired access token.
   */
  reconnect?: boolean;
  /**
   * The provider's own error, for logs: already normalised by the provider (QboError), never a raw HTTP
   * client error, which may carry the request's bearer token.
   */
  cause?: unknown;
}

/**
 * A provider fault in normalised form. `message` is written for a bookkeeper: it is the provider's own
 * text (QuickBooks and Xero both word their validation faults for people), never a token or a raw dump.
 */
export class ProviderError extends Error {
  readonly providerCode: string | undefined;

  constructor(
    readonly provider: ProviderKind,
    readonly kind: ProviderErrorKind,
    message: string,
    readonly details: ProviderErrorDetails = {},
  ) {
    super(message);
    this.name = 'ProviderError';
    this.providerCode = details.providerCode;
  }

  /** Trying the same call again later may succeed (the outbox's operation key makes the retry safe). */
  get retryable(): boolean {
    return this.kind === 'throttled' || this.kind === 'unavailable';
  }
}

export function isProviderError(error: unknown, kind?: ProviderErrorKind): error is ProviderError {
  return error instanceof ProviderError && (kind === undefined || error.kind === kind);
}

// ---- limits, idempotency, versions: facts the engine plans with ----------------------------------

/**
 * The provider's published limits per company and app. The engine's limiter is built from these
 * (QuickBooks: src/providers/quickbooks/qbo.limiter.ts), and the run queue sizes its work by them.
 */
export interface ProviderLimits {
  /** QBO 500 (QBO §2.1); Xero 60 (Xero §3). */
  requestsPerMinute: number;
  /** Calls in flight at once: QBO 10; Xero 5. */
  concurrent: number;
  /** QBO 10 per second; Xero: no per-second limit (null). */
  requestsPerSecond: number | null;
  /** Xero 5,000 per day (1,000 on the Starter tier, uncertain); QBO: none published (null). */
  requestsPerDay: number | null;
  /**
   * How several records travel in one call. QBO: a `/batch` endpoint, at most 30 items per call and 40
   * batch calls a minute (QBO §2.3). Xero: no batch endpoint, but one PUT/POST may carry many records of
   * one type (at most 50 recommended, 3.5 MB), each counted as one request (Xero §3, §4.2).
   */
  batching: { style: 'batch-endpoint' | 'multi-record-request'; maxItems: number; callsPerMinute: number | null };
}

/**
 * How a retried write is recognised as the same write. The engine derives one operation key per outbox
 * entry (deterministic, so a retry after a crash sends the same key); the provider sends it where its
 * API wants it. Long-term duplicate protection still lives in our own mappings and natural-key lookups:
 * neither provider promises to remember a key for long.
 */
export interface IdempotencyScheme {
  /** QBO `?requestid=` query parameter (QBO §1.5); Xero `Idempotency-Key` header (Xero §4.3). */
  carrier: 'query-parameter' | 'header';
  name: string;
  /** QBO 50 (36 on a batch call); Xero 128. */
  maxLength: number;
  /** How long the provider remembers a key: Xero 6 minutes (secondary source); QBO undocumented (null). */
  retentionMs: number | null;
}

/**
 * Optimistic concurrency. QBO updates carry `SyncToken` and fail with 5010 when it is stale (QBO §3.1);
 * Xero has no version field: the last write wins, and a conflict can only be noticed by comparing
 * `UpdatedDateUTC` before writing (Xero §6.1).
 */
export type VersioningModel = 'version-token' | 'last-write-wins';

/**
 * Customers and suppliers. QBO keeps separate Customer and Vendor lists whose display names must be
 * unique across both and employees (6240); Xero has one Contact that is a customer, a supplier or both
 * (`IsCustomer`/`IsSupplier` are derived, read-only), its name unique among active contacts (Xero §5.2).
 * So one FSM customer who is also a supplier is two QBO records but one Xero contact.
 */
export interface PartyModel {
  style: 'separate-customer-and-supplier' | 'one-contact-both-roles';
  /** Where a name must be unique: a push that meets `duplicate` looks for the holder there. */
  nameUniqueAcross: 'customers-suppliers-and-employees' | 'active-contacts';
}

// ---- document status (invoices, supplier invoices) ----------------------------------------------

/**
 * A sales or supplier invoice's life in the provider's books, in neutral words. Xero has an explicit
 * machine (Xero §5.4): DRAFT ("Draft"), SUBMITTED ("Awaiting Approval"), AUTHORISED ("Awaiting
 * Payment"), PAID, VOIDED, DELETED. QuickBooks has no status on invoices or bills: a saved one is
 * approved, paid is a zero balance, and it can be voided (invoices) or deleted.
 */
export type DocumentStatus = 'draft' | 'awaiting-approval' | 'approved' | 'paid' | 'voided' | 'deleted';

/** The settings "push supplier invoices as awaiting approval" and "push invoices as drafts" ask this. */
export interface DocumentStatusModel {
  /** The statuses a new sales invoice may be created in. QBO: approved only; Xero: draft, awaiting-approval, approved. */
  salesInvoiceCreateStatuses: readonly DocumentStatus[];
  /** The same for supplier invoices (QBO bills; Xero ACCPAY invoices). */
  supplierInvoiceCreateStatuses: readonly DocumentStatus[];
  /**
   * Whether the provider lets a document move from one status to another through the API (Xero:
   * draft → awaiting-approval → approved, approved → voided only while nothing is paid; QBO: approved
   * → voided or deleted). `paid` is never set directly: payments make it.
   */
  canMove(from: DocumentStatus, to: DocumentStatus): boolean;
}

// ---- connect and disconnect ----------------------------------------------------------------------

/** Tokens as the connection slice stores them (sealed by its cipher; never logged). */
export interface ProviderTokens {
  accessToken: string;
  refreshToken: string;
  /** QBO 1 hour; Xero 30 minutes. */
  accessExpiresAt: Date;
  /** QBO 100 days rolling; Xero 60 days unused (rotated on every refresh, 30-minute grace for the old one). */
  refreshExpiresAt: Date;
}

/** Where the OAuth code exchange left us: the tokens and the companies they reach. */
export interface ConnectedTokens {
  tokens: ProviderTokens;
  /**
   * The companies this consent reaches. QBO: exactly one, the `realmId` of the redirect (QBO §6.2).
   * Xero: every organisation of GET /connections for this auth event (Xero §2.5); the user picks one.
   */
  companyIds: string[];
}

/** Thrown by `ProviderAuth` when the code or refresh token is no good (`invalid_grant` and friends). */
export class ProviderGrantError extends Error {
  constructor(
    readonly provider: ProviderKind,
    readonly error: string,
    readonly description: string,
    readonly status: number | undefined,
  ) {
    super(`${error}${description ? `: ${description}` : ''}`);
    this.name = 'ProviderGrantError';
  }

  /** Retrying cannot help: mark the connection "reconnect required" (after re-reading storage once). */
  get isInvalidGrant(): boolean {
    return this.error === 'invalid_grant';
  }
}

/**
 * OAuth 2.0 with the provider. Both use the authorization-code flow with a client secret; the
 * differences are where the company id comes from and how far a refresh token reaches.
 */
export interface ProviderAuth {
  /** The consent page for a new connection; `state` is the single-use value the callback must return. */
  authorizationUrl(state: string): string;
  /** The callback URL as the provider redirected to it (`?code=&state=`; QBO adds `realmId`). */
  exchangeCode(callbackUrl: string): Promise<ConnectedTokens>;
  /** A new token pair. Both rotate the refresh token: store the new one before using the access token. */
  refresh(refreshToken: string): Promise<ProviderTokens>;
  /**
   * Ends the authorization at the provider. QBO: revokes the tokens (that realm only). Xero: revoking
   * removes every organisation of the consent, so disconnecting one organisation is DELETE
   * /connections/{id} instead (Xero §2.6); the Xero adapter chooses by `scope` below.
   */
  revoke(refreshToken: string): Promise<void>;
  /**
   * What one refresh token covers. QBO: one realm. Xero: every tenant of one consent, so refreshes must be
   * serialised per token set, not per tenant (Xero §2.4, §11 "Tenancy").
   */
  readonly refreshTokenScope: 'one-company' | 'every-company-of-the-consent';
}

/** What the company is, read once at connect time (QBO CompanyInfo; Xero GET /Organisation). */
export interface RemoteCompany {
  companyId: string;
  name: string | undefined;
  /** ISO country code as the provider gives it (QBO `Country`; Xero `CountryCode`). */
  country: string | undefined;
}

// ---- the chart and reference lists -----------------------------------------------------------------

/**
 * The lists the gateway caches so settings and mappings can be chosen without calling the provider:
 * - account: the chart of accounts (QBO Account; Xero Accounts).
 * - trackingOption: a value of a reporting dimension. QBO has two dimensions, Class and Department
 *   ("Location" in the UI), each a list of its own; Xero has at most two active tracking categories
 *   whose options are the values (Xero §5.12). The list's `dimension` says which one a row belongs to.
 * - taxCode: what a line carries to say how it is taxed (QBO TaxCode; Xero TaxRate, keyed by `TaxType`).
 * - paymentMethod: QBO PaymentMethod. Xero has none (a payment names the bank account it went to).
 * - term: payment terms (QBO Term; Xero keeps terms on the organisation and contacts). Not cached yet.
 */
export type ChartListKind = 'account' | 'trackingOption' | 'taxCode' | 'paymentMethod' | 'term';

export interface ChartList {
  /**
   * The provider's own name of the list, also the key the cache stores it under (QBO: Account, Class,
   * Department, TaxCode, PaymentMethod; kept so that no stored row changes).
   */
  key: string;
  kind: ChartListKind;
  /** trackingOption lists: the dimension the options belong to (QBO {id: 'Class'}, {id: 'Department', name: 'Location'}). */
  dimension?: RemoteRef;
  /**
   * Whether rows changed since a watermark can be asked for. QBO: every list (MetaData.LastUpdatedTime);
   * Xero: Accounts yes (If-Modified-Since), TaxRates and TrackingCategories no (Xero §4.5): read whole.
   */
  incremental: boolean;
}

/** One account of the chart, in neutral words. Amounts are decimal strings, never floats. */
export interface RemoteAccount {
  id: string;
  /** QBO AcctNum; Xero Code (what Xero lines reference). */
  code: string | null;
  name: string;
  /** With parents ("Income:Labour"); the name when the provider has no hierarchy (Xero). */
  fullyQualifiedName: string;
  /** The provider's account type (QBO AccountType "Income"; Xero Type "REVENUE"): purposes filter on it. */
  type: string;
  subType: string | null;
  /** QBO Classification; Xero Class (ASSET, EQUITY, EXPENSE, LIABILITY, REVENUE). */
  classification: string | null;
  active: boolean;
  /** Exact decimal string with at least two places. */
  balance: string;
  currency: RemoteRef | null;
  parent: RemoteRef | null;
  versionToken: string | null;
  /** The provider's own change time, verbatim (the next incremental read starts after it). */
  updatedAt: string | null;
}

/** A row of a reference list (tracking option, tax code, payment method, term). */
export interface RemoteReference {
  id: string;
  name: string;
  fullyQualifiedName: string;
  active: boolean;
  parent: RemoteRef | null;
  description: string | null;
  /** paymentMethod: QBO PaymentMethod.Type (CREDIT_CARD or NON_CREDIT_CARD). */
  paymentType: string | null;
  /** taxCode: whether it charges tax, and whether it is a group of rates (QBO TaxCode.Taxable / TaxGroup). */
  taxable: boolean | null;
  taxGroup: boolean | null;
  versionToken: string | null;
  updatedAt: string | null;
}

// ---- pulling changes -------------------------------------------------------------------------------

/** The record kinds the pull reads back from the provider (FSM-facing: payments taken, customers and invoices edited). */
export type PulledKind = 'customer' | 'invoice' | 'payment';

/**
 * A record as read from the provider. `raw` is the provider's own JSON, read by the provider's inbound
 * mapper (QuickBooks: src/providers/quickbooks/inbound.mapper.ts); the engine only reads the neutral fields.
 */
export interface RemoteRecord {
  kind: PulledKind;
  id: string;
  versionToken: string | null;
  /** When the provider says it last changed, if it says. */
  updatedAt: Date | undefined;
  /** A tombstone (QBO CDC `status: "Deleted"`); Xero reports deletes only as a status of the record itself. */
  deleted: boolean;
  raw: unknown;
}

/** One answer of a change log (QBO CDC). */
export interface ChangeWindow {
  records: RemoteRecord[];
  /** The provider's clock when it answered (the next window starts from it, less an overlap). */
  serverTime: Date | undefined;
}

/**
 * How changes made in the provider's books are found besides webhooks.
 * - change-log (QBO): one call returns every change of the listed kinds since a time, deletes included,
 *   at most `maxPerAnswer` objects and no further back than `lookBackMs` (QBO §4: 1,000 objects, 30 days).
 * - modified-since (Xero): no change log; each kind is paged with `If-Modified-Since` (to the second,
 *   some changes do not move UpdatedDateUTC, deletes appear only as a DELETED/VOIDED status), so the
 *   engine also reconciles in full now and then (Xero §4.5).
 * Both offer `modifiedBetween` (QBO: a query on MetaData.LastUpdatedTime), which the engine uses when the
 * change log cannot reach back far enough, and `stillExisting`, to find deleted records a query cannot see.
 */
export interface ChangeFeed {
  readonly style: 'change-log' | 'modified-since';
  /** change-log: how far back it reaches (ms); null when unbounded. */
  readonly lookBackMs: number | null;
  /** change-log: the most objects one answer holds (a full answer may be truncated); null when unbounded. */
  readonly maxPerAnswer: number | null;
  /**
   * change-log providers only. `beyond-look-back` when the provider refuses `since` as too old (its
   * clock may differ from ours): read with `modifiedBetween` instead.
   */
  changesSince?: (kinds: readonly PulledKind[], since: Date) => Promise<ChangeWindow | 'beyond-look-back'>;
  /** Records of one kind changed at or after `since` (and before `before`), a page at a time. */
  modifiedBetween(kind: PulledKind, since: Date, before?: Date): AsyncIterable<RemoteRecord[]>;
  /** Which of these ids the provider still holds (deleted transactions vanish from QBO queries). */
  stillExisting(kind: PulledKind, ids: readonly string[]): Promise<ReadonlySet<string>>;
}

// ---- webhooks ----------------------------------------------------------------------------------------

/** What a webhook event says happened (QBO operations; Xero CREATE/UPDATE map to Create/Update). */
export type ChangeOperation = 'Create' | 'Update' | 'Delete' | 'Merge' | 'Void' | 'Emailed';

/**
 * One event of a webhook delivery: only a hint that something changed, never the record itself (the
 * engine reads the record afterwards; Xero events are thin by design, Xero §7).
 */
export interface ChangeHint {
  /** Stable across redeliveries of the same change: the dedupe key. */
  key: string;
  /** QBO realmId; Xero tenantId. */
  companyId: string;
  /** The provider's entity name (QBO "Payment"; Xero "INVOICE" mapped to the same words by its adapter). */
  entity: string;
  entityId: string;
  operation: ChangeOperation;
  /** When the provider says the change happened (ISO string), if it says. */
  occurredAt?: string;
  /** The record merged away (QBO Merge). */
  deletedId?: string;
  /** The payload dialect it came in (QBO legacy or CloudEvents; Xero events). */
  format: string;
}

/** A delivery that is signed correctly but is not a payload we understand (answered 400). */
export class WebhookPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookPayloadError';
  }
}

/**
 * Receiving the provider's webhooks. Both sign with HMAC-SHA256 over the raw body, base64: QBO header
 * `intuit-signature` with the app's verifier token (QBO §5.2); Xero header `x-xero-signature` with the
 * webhook key (Xero §7). Xero also sends "intent to receive" deliveries (empty `events`, some signed
 * wrongly) that must get 200 or 401 within 5 seconds; a verified empty delivery parses to no hints.
 */
export interface WebhookReceiver {
  /** Where the provider posts (configured in its developer portal). */
  readonly path: string;
  readonly signatureHeader: string;
  /** How fast the provider wants its 200 (QBO 3 s; Xero 5 s): store, answer, then process. */
  readonly answerWithinMs: number;
  /** The pulled kinds webhooks report. QBO: all three; Xero: no payments (poll them). */
  readonly reports: readonly PulledKind[];
  /** Over the exact bytes received, in constant time; false without a signature or a secret. */
  verify(rawBody: Buffer, signature: string | undefined, secret: string | undefined): boolean;
  /** Throws WebhookPayloadError for a body that is not the provider's payload. Pure. */
  parse(rawBody: Buffer): ChangeHint[];
}

// ---- a connected company -----------------------------------------------------------------------------

/**
 * The tenant's connected books, with fresh tokens and the shared limiter behind it. Faults leave as the
 * provider's own error today (QuickBooks: QboError, which the API edge renders); `errors.normalise`
 * turns any of them into a ProviderError.
 */
export interface ProviderCompany {
  readonly provider: ProviderKind;
  /** QBO realmId; Xero tenantId. */
  readonly companyId: string;
  describe(): Promise<RemoteCompany>;
  /**
   * The chart's accounts changed after `since` (a watermark taken from `updatedAt`), or all of them
   * (null); inactive ones included, so a deactivated account reaches the cache as inactive. A page at a time.
   */
  readAccounts(since: string | null): AsyncIterable<RemoteAccount[]>;
  /** The same for one reference list (`list.kind` is not 'account'); `since` only where `list.incremental`. */
  readReferences(list: ChartList, since: string | null): AsyncIterable<RemoteReference[]>;
  /** One record by id; null when the provider has no such record (deleted, merged away, never existed). */
  read(kind: PulledKind, id: string): Promise<RemoteRecord | null>;
  readonly changes: ChangeFeed;
}

// ---- pushing -----------------------------------------------------------------------------------------

/** The FSM record kinds the engine pushes (the ledger's kinds). */
export type PushedKind = LedgerKind;

/**
 * A provider's pusher for one record kind. The engine-side contract (`RecordPusher`, `PushContext`)
 * lives in src/sync/push/ (issue #15, pushers work); the port only needs to find one by kind, so any
 * pusher there fits this shape.
 */
export interface KindPusher {
  readonly kind: PushedKind;
}

/** Pushers registered by kind: adding a kind is its own files plus one registration. */
export interface PusherRegistry<P extends KindPusher = KindPusher> {
  /** The kinds this provider can push (a kind the provider cannot hold is simply absent). */
  kinds(): readonly PushedKind[];
  pusherFor(kind: PushedKind): P | undefined;
}

// ---- the port ------------------------------------------------------------------------------------------

export interface AccountingProvider {
  readonly kind: ProviderKind;
  /** How bookkeepers name it ("QuickBooks", "Xero"): messages say "in QuickBooks", never "in the provider". */
  readonly displayName: string;
  readonly limits: ProviderLimits;
  readonly idempotency: IdempotencyScheme;
  readonly versioning: VersioningModel;
  readonly parties: PartyModel;
  readonly documents: DocumentStatusModel;
  /** What lines use to name an account (QBO: its id; Xero: its code). */
  readonly accountReference: 'id' | 'code';
  /** The lists the chart cache holds, in refresh order. */
  readonly chartLists: readonly ChartList[];
  readonly auth: ProviderAuth;
  readonly webhooks: WebhookReceiver;
  /** The tenant's connected books (throws the connection slice's not-connected / reconnect-required errors). */
  companyFor(tenantId: string): Promise<ProviderCompany>;
  /** Any fault from this provider's code (client, OAuth, network) as a ProviderError. */
  normaliseError(error: unknown): ProviderError;
  readonly pushers: PusherRegistry;
}

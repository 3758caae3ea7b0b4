/**
 * QuickBooks Online behind the accounting provider port (../accounting-provider.port.ts). It wraps what
 * this folder already had, unchanged: QboClient (limiter, retries, requestid), IntuitOAuth, the chart
 * mapper, the CDC and query helpers, webhook signature and parsing, and QboError, which becomes a
 * ProviderError here. The push side is the pushers' (src/providers/quickbooks/pushers/, registered by
 * kind and handed in as `pushers`).
 */
import {
  type AccountingProvider,
  type ChartList,
  type ChangeHint,
  type ConnectedTokens,
  type DocumentStatus,
  type DocumentStatusModel,
  type IdempotencyScheme,
  type PartyModel,
  type ProviderAuth,
  type ProviderCompany,
  ProviderError,
  type ProviderErrorKind,
  ProviderGrantError,
  type ProviderLimits,
  type ProviderTokens,
  type PulledKind,
  type PusherRegistry,
  type RemoteAccount,
  type RemoteCompany,
  type RemoteRecord,
  type RemoteReference,
  type WebhookReceiver,
} from '../accounting-provider.port.js';
import { mapAccount, mapReference, type QboReferenceList } from './chart.mapper.js';
import { type IntuitOAuth, OAuthGrantError, type TokenSet } from './intuit-oauth.client.js';
import { QBO_ENTITY_OF, QuickBooksChangeFeed, remoteRecord } from './qbo-changes.feed.js';
import { type QboClient, type QboRecord } from './qbo.client.js';
import { normalizeQboError, QboError, type QboErrorKind } from './qbo.errors.js';
import { QBO_LIMITS } from './qbo.limiter.js';
import { changedNameListWhere } from './qbo.queries.js';
import { parseWebhookBody } from './webhooks/webhook.parser.js';
import { isValidSignature } from './webhooks/webhook.signature.js';

/** The lists the chart cache holds, in refresh order (their keys are the stored entity names). */
export const QBO_CHART_LISTS: readonly ChartList[] = [
  { key: 'Account', kind: 'account', incremental: true },
  { key: 'Class', kind: 'trackingOption', dimension: { id: 'Class', name: 'Class' }, incremental: true },
  // QBO shows departments as "Location" (the company chooses the label; Location is the default).
  { key: 'Department', kind: 'trackingOption', dimension: { id: 'Department', name: 'Location' }, incremental: true },
  { key: 'TaxCode', kind: 'taxCode', incremental: true },
  { key: 'PaymentMethod', kind: 'paymentMethod', incremental: true },
];

const REFERENCE_LISTS = new Set<string>(['Class', 'Department', 'TaxCode', 'PaymentMethod'] satisfies QboReferenceList[]);

/** Published per-realm limits (facts §2.1, §2.3), the same numbers the limiter runs on. */
export const QBO_PROVIDER_LIMITS: ProviderLimits = {
  requestsPerMinute: QBO_LIMITS.perMinute,
  concurrent: QBO_LIMITS.concurrent,
  requestsPerSecond: QBO_LIMITS.perSecond ?? null,
  requestsPerDay: null,
  batching: { style: 'batch-endpoint', maxItems: 30, callsPerMinute: QBO_LIMITS.batchPerMinute },
};

/** `?requestid=` on every write (facts §1.5): 50 characters, 36 on a batch call; retention undocumented. */
export const QBO_IDEMPOTENCY: IdempotencyScheme = { carrier: 'query-parameter', name: 'requestid', maxLength: 50, retentionMs: null };

/** Customer and Vendor are separate lists; a display name is unique across customers, vendors and employees (6240). */
export const QBO_PARTIES: PartyModel = { style: 'separate-customer-and-supplier', nameUniqueAcross: 'customers-suppliers-and-employees' };

/**
 * QBO invoices and bills have no status: a saved one is approved (posted), paid is a zero balance, and
 * it can be voided (invoices, payments) or deleted. "Push as draft / awaiting approval" has no QBO form.
 */
export const QBO_DOCUMENTS: DocumentStatusModel = {
  salesInvoiceCreateStatuses: ['approved'],
  supplierInvoiceCreateStatuses: ['approved'],
  canMove: (from: DocumentStatus, to: DocumentStatus) => (from === 'approved' || from === 'paid') && (to === 'voided' || to === 'deleted'),
};

const KIND_OF: Record<QboErrorKind, ProviderErrorKind> = {
  AUTH: 'auth',
  FORBIDDEN: 'auth',
  THROTTLED: 'throttled',
  TRANSIENT: 'unavailable',
  STALE_OBJECT: 'stale',
  DUPLICATE_NAME: 'duplicate',
  NOT_FOUND: 'not-found',
  VALIDATION: 'validation',
  UNKNOWN: 'unknown',
};

/**
 * Any QuickBooks fault as a ProviderError: QboError by its kind (FORBIDDEN, 3100 / 403, means the app
 * lost its authorisation for the company: reconnect), an OAuth grant error as `auth` (reconnect when the
 * grant is invalid), anything else through the client's own normaliser (network codes, HTTP status).
 */
export function toProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  if (error instanceof OAuthGrantError || error instanceof ProviderGrantError) {
    return new ProviderError('quickbooks', 'auth', `QuickBooks refused the authorization (${error.message})`, {
      providerCode: error.error,
      status: error.status,
      reconnect: error.isInvalidGrant,
      cause: error,
    });
  }
  const qbo = error instanceof QboError ? error : normalizeQboError(error);
  const kind = KIND_OF[qbo.kind];
  return new ProviderError('quickbooks', kind, qbo.message, {
    providerCode: qbo.code,
    detail: qbo.details.detail,
    element: qbo.details.element,
    status: qbo.details.status,
    ...(kind === 'auth' ? { reconnect: qbo.kind === 'FORBIDDEN' } : {}),
    // The normalised QboError, never the raw Axios error (it carries the request's bearer token).
    cause: qbo,
  });
}

function tokens(set: TokenSet): ProviderTokens {
  return { accessToken: set.accessToken, refreshToken: set.refreshToken, accessExpiresAt: set.accessExpiresAt, refreshExpiresAt: set.refreshExpiresAt };
}

function grantError(error: unknown): unknown {
  return error instanceof OAuthGrantError ? new ProviderGrantError('quickbooks', error.error, error.description, error.status) : error;
}

/** OAuth with Intuit (IntuitOAuth, built lazily: its redirect URI is known once the server listens). */
export class QuickBooksAuth implements ProviderAuth {
  readonly refreshTokenScope = 'one-company';

  constructor(private readonly oauth: () => IntuitOAuth) {}

  authorizationUrl(state: string): string {
    return this.oauth().authorizationUrl(state);
  }

  /** The realm is the redirect's `realmId` (intuit-oauth reads it from the callback URL). */
  async exchangeCode(callbackUrl: string): Promise<ConnectedTokens> {
    try {
      const set = await this.oauth().exchangeCode(callbackUrl);
      const realmId = set.realmId ?? new URL(callbackUrl, 'http://callback.invalid').searchParams.get('realmId') ?? undefined;
      return { tokens: tokens(set), companyIds: realmId ? [realmId] : [] };
    } catch (error) {
      throw grantError(error);
    }
  }

  async refresh(refreshToken: string): Promise<ProviderTokens> {
    try {
      return tokens(await this.oauth().refresh(refreshToken));
    } catch (error) {
      throw grantError(error);
    }
  }

  async revoke(refreshToken: string): Promise<void> {
    try {
      await this.oauth().revoke(refreshToken);
    } catch (error) {
      throw grantError(error);
    }
  }
}

/** Intuit's webhooks: `intuit-signature`, legacy or CloudEvents payloads, an answer within 3 s (facts §5). */
export const QBO_WEBHOOKS: WebhookReceiver = {
  path: '/webhooks/quickbooks',
  signatureHeader: 'intuit-signature',
  answerWithinMs: 3000,
  reports: ['customer', 'invoice', 'payment'],
  verify: (rawBody, signature, secret) => isValidSignature(rawBody, signature, secret),
  // Throws the port's WebhookPayloadError for a body that is not Intuit's.
  parse: (rawBody): ChangeHint[] => parseWebhookBody(rawBody).map(({ realmId, ...hint }) => ({ ...hint, companyId: realmId })),
};

/** One tenant's realm, through a QboClient with fresh tokens and the shared limiter. */
export class QuickBooksCompany implements ProviderCompany {
  readonly provider = 'quickbooks';
  readonly changes: QuickBooksChangeFeed;

  constructor(readonly client: QboClient) {
    this.changes = new QuickBooksChangeFeed(client);
  }

  get companyId(): string {
    return this.client.realmId;
  }

  async describe(): Promise<RemoteCompany> {
    const info = await this.client.companyInfo();
    return {
      companyId: this.client.realmId,
      name: typeof info.CompanyName === 'string' ? info.CompanyName : undefined,
      country: typeof info.Country === 'string' ? info.Country : undefined,
    };
  }

  async *readAccounts(since: string | null): AsyncIterable<RemoteAccount[]> {
    for await (const page of this.client.queryAll<QboRecord>('Account', changedNameListWhere(since))) yield page.map(mapAccount);
  }

  async *readReferences(list: ChartList, since: string | null): AsyncIterable<RemoteReference[]> {
    if (!REFERENCE_LISTS.has(list.key)) throw new Error(`QuickBooks has no reference list ${list.key}`);
    const key = list.key as QboReferenceList;
    for await (const page of this.client.queryAll<QboRecord>(key, changedNameListWhere(since))) yield page.map((record) => mapReference(key, record));
  }

  /** A deleted QBO object reads as 610 Object Not Found (facts §3.3): null. */
  async read(kind: PulledKind, id: string): Promise<RemoteRecord | null> {
    try {
      return remoteRecord(kind, await this.client.read<QboRecord>(QBO_ENTITY_OF[kind], id));
    } catch (error) {
      if (error instanceof QboError && error.kind === 'NOT_FOUND') return null;
      throw error;
    }
  }
}

const NO_PUSHERS: PusherRegistry = { kinds: () => [], pusherFor: () => undefined };

export interface QuickBooksProviderDeps {
  /** The connection slice's clients: a QboClient for the tenant's realm with fresh tokens (throws when not connected). */
  clients: { clientFor(tenantId: string): Promise<QboClient> };
  /** OAuth with Intuit (shared with the connection slice, which stores the tokens). */
  auth: QuickBooksAuth;
  /** The per-kind pushers (src/providers/quickbooks/pushers/); none until they are registered. */
  pushers?: PusherRegistry;
}

export class QuickBooksProvider implements AccountingProvider {
  readonly kind = 'quickbooks';
  readonly displayName = 'QuickBooks';
  readonly limits = QBO_PROVIDER_LIMITS;
  readonly idempotency = QBO_IDEMPOTENCY;
  readonly versioning = 'version-token';
  readonly parties = QBO_PARTIES;
  readonly documents = QBO_DOCUMENTS;
  readonly accountReference = 'id';
  readonly chartLists = QBO_CHART_LISTS;
  readonly webhooks = QBO_WEBHOOKS;
  readonly auth: QuickBooksAuth;
  readonly pushers: PusherRegistry;

  constructor(private readonly deps: QuickBooksProviderDeps) {
    this.auth = deps.auth;
    this.pushers = deps.pushers ?? NO_PUSHERS;
  }

  async companyFor(tenantId: string): Promise<QuickBooksCompany> {
    return new QuickBooksCompany(await this.deps.clients.clientFor(tenantId));
  }

  normaliseError(error: unknown): ProviderError {
    return toProviderError(error);
  }
}

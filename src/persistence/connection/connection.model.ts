/**
 * One QuickBooks connection per tenant (the realm it is bound to, status, encrypted tokens), and the
 * short-lived OAuth `state` records that tie an Intuit redirect back to the tenant that started it.
 * FerretDB has no TTL indexes: expiry is checked in code and stale states are swept by the service.
 */
import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { type SealedValue } from '../../connection/token.cipher.js';
import { type ConnectionStatus } from '../../connection/connection.types.js';
import { tenantScoped } from '../tenant-scoped.plugin.js';

export interface StoredTokens {
  access: SealedValue;
  refresh: SealedValue;
  accessExpiresAt: Date;
  refreshExpiresAt: Date;
}

export interface QuickBooksConnectionDoc {
  _id: Types.ObjectId;
  tenantId: Types.ObjectId;
  status: ConnectionStatus;
  /** Machine-readable reason for the status, e.g. REFRESH_TOKEN_INVALID, CONSENT_DECLINED. */
  reason?: string | null;
  reasonMessage?: string | null;
  realmId?: string | null;
  companyName?: string | null;
  country?: string | null;
  environment?: string | null;
  connectedAt?: Date | null;
  /**
   * When this tenant first connected the company it is connected to now (kept across reconnections of
   * the same company, reset when another company is connected). Records QuickBooks created before it
   * belong to the company as it was imported, not to "entered in QuickBooks after the import".
   */
  realmSince?: Date | null;
  disconnectedAt?: Date | null;
  lastSuccessfulCallAt?: Date | null;
  /** Set after the first connection of a realm: the UI offers to import customers. */
  customerImportSuggested: boolean;
  tokens?: StoredTokens | null;
  /** Bumped on every token change; names the refresh lease (one refresh per version, across processes). */
  tokenVersion: number;
  updatedAt: Date;
}

const sealed = { keyId: String, iv: String, tag: String, data: String };

const connectionSchema = new Schema<QuickBooksConnectionDoc>(
  {
    status: { type: String, required: true, default: 'NOT_CONNECTED' },
    reason: { type: String, default: null },
    reasonMessage: { type: String, default: null },
    realmId: { type: String, default: null },
    companyName: { type: String, default: null },
    country: { type: String, default: null },
    environment: { type: String, default: null },
    connectedAt: { type: Date, default: null },
    realmSince: { type: Date, default: null },
    disconnectedAt: { type: Date, default: null },
    lastSuccessfulCallAt: { type: Date, default: null },
    customerImportSuggested: { type: Boolean, default: false },
    tokens: {
      type: new Schema({ access: sealed, refresh: sealed, accessExpiresAt: Date, refreshExpiresAt: Date }, { _id: false }),
      default: null,
    },
    tokenVersion: { type: Number, required: true, default: 0 },
  },
  { timestamps: true, collection: 'quickbooks_connections' },
);
connectionSchema.plugin(tenantScoped, { index: false });
connectionSchema.index({ tenantId: 1 }, { unique: true });
// Which tenants a realm belongs to (webhooks name realms, not tenants).
connectionSchema.index({ realmId: 1 });
// Every connected tenant (the CDC poller, the re-seal pass): cross-tenant reads by status.
connectionSchema.index({ status: 1 });

export interface OAuthStateDoc {
  _id: Types.ObjectId;
  tenantId: Types.ObjectId;
  /** SHA-256 of the state value sent to Intuit (the value itself is never stored). */
  stateHash: string;
  returnTo?: string | null;
  /** SHA-256 of the API key that started the attempt: only that key can finish it through the API. */
  apiKeyHash?: string | null;
  /**
   * SHA-256 of the nonce in the cookie set on the browser that started the attempt (HTTP only): the
   * browser callback completes only for that browser. Null: started without a browser (WebSocket),
   * so only completeQuickBooksConnection with the same API key can finish it.
   */
  browserNonceHash?: string | null;
  /** The caller confirmed that connecting a different company than before is intended. */
  allowRealmChange: boolean;
  expiresAt: Date;
  usedAt?: Date | null;
  createdAt: Date;
}

const oauthStateSchema = new Schema<OAuthStateDoc>(
  {
    stateHash: { type: String, required: true, unique: true },
    returnTo: { type: String, default: null },
    apiKeyHash: { type: String, default: null },
    browserNonceHash: { type: String, default: null },
    allowRealmChange: { type: Boolean, default: false },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'oauth_states' },
);
oauthStateSchema.plugin(tenantScoped);

export function connectionModel(connection: Connection): Model<QuickBooksConnectionDoc> {
  return (connection.models.QuickBooksConnection as Model<QuickBooksConnectionDoc> | undefined) ?? connection.model<QuickBooksConnectionDoc>('QuickBooksConnection', connectionSchema);
}

export function oauthStateModel(connection: Connection): Model<OAuthStateDoc> {
  return (connection.models.OAuthState as Model<OAuthStateDoc> | undefined) ?? connection.model<OAuthStateDoc>('OAuthState', oauthStateSchema);
}

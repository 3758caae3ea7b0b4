/**
 * A tenant's QuickBooks connection (realm, status, sealed tokens, token version) and its OAuth `state`
 * records. Every method takes the tenant first, except the cross-tenant reads the product needs by
 * design (an OAuth state names its tenant; one QuickBooks company belongs to one tenant; the CDC poller
 * and the re-seal pass serve every tenant), which say so in their names.
 *
 * Token writes are compare-and-swap on `tokenVersion` (`setIfTokenVersion`): the refresh lease makes one
 * process refresh, and the version condition keeps a lapsed holder from overwriting a newer pair.
 */
import { type Connection, type Model, Types } from 'mongoose';
import { type ConnectionStatus } from '../../connection/connection.types.js';
import { type TenantId, tenantIdOf, tenantObjectId } from '../tenant-id.js';
import { crossTenantCollection } from '../cross-tenant.collection.js';
import { connectionModel, type OAuthStateDoc, oauthStateModel, type QuickBooksConnectionDoc } from './connection.model.js';

export { type StoredTokens } from './connection.model.js';

/** A tenant's connection as services see it (ids are strings outside persistence). */
export type QuickBooksConnectionRecord = Omit<QuickBooksConnectionDoc, '_id' | 'tenantId'> & { tenantId: TenantId };

/** The fields a connection update may set. */
export type ConnectionFields = Partial<Omit<QuickBooksConnectionDoc, '_id' | 'tenantId' | 'updatedAt'>>;

/** An OAuth state as services see it. */
export type OAuthStateRecord = Omit<OAuthStateDoc, '_id' | 'tenantId'> & { id: string; tenantId: TenantId };

export type NewOAuthState = Pick<OAuthStateDoc, 'stateHash' | 'returnTo' | 'apiKeyHash' | 'browserNonceHash' | 'allowRealmChange' | 'expiresAt'>;

/** Statuses that hold a company (and may hold tokens): connected, or waiting to be reconnected. */
const HOLDING: ConnectionStatus[] = ['CONNECTED', 'RECONNECT_REQUIRED'];

function toConnection(doc: QuickBooksConnectionDoc | null): QuickBooksConnectionRecord | null {
  if (!doc) return null;
  const { _id: _ignored, tenantId, ...rest } = doc;
  return { ...rest, tenantId: tenantIdOf(tenantId) };
}

function toState(doc: OAuthStateDoc | null): OAuthStateRecord | null {
  if (!doc) return null;
  const { _id, tenantId, ...rest } = doc;
  return { ...rest, id: _id.toHexString(), tenantId: tenantIdOf(tenantId) };
}

/** A state that can still be used: not spent, not expired. */
function liveState(stateHash: string): Record<string, unknown> {
  return { stateHash, usedAt: null, expiresAt: { $gt: new Date() } };
}

export class ConnectionRepository {
  readonly #connections: Model<QuickBooksConnectionDoc>;
  readonly #states: Model<OAuthStateDoc>;

  constructor(connection: Connection) {
    this.#connections = connectionModel(connection);
    this.#states = oauthStateModel(connection);
  }

  async ensureIndexes(): Promise<void> {
    await Promise.all([this.#connections.init(), this.#states.init()]);
  }

  async find(tenantId: TenantId): Promise<QuickBooksConnectionRecord | null> {
    return toConnection(await this.#connections.findOne({ tenantId: tenantObjectId(tenantId) }).lean<QuickBooksConnectionDoc>());
  }

  /** Sets fields on the tenant's connection, whatever its state. */
  async set(tenantId: TenantId, fields: ConnectionFields): Promise<void> {
    await this.#connections.updateOne({ tenantId: tenantObjectId(tenantId) }, { $set: fields });
  }

  /** Sets fields only while the token version is still `tokenVersion` (compare-and-swap); whether it did. */
  async setIfTokenVersion(tenantId: TenantId, tokenVersion: number, fields: ConnectionFields): Promise<boolean> {
    const written = await this.#connections.updateOne({ tenantId: tenantObjectId(tenantId), tokenVersion }, { $set: fields });
    return written.modifiedCount > 0;
  }

  /** Creates the tenant's connection or overwrites it (a successful connect). */
  async upsert(tenantId: TenantId, fields: ConnectionFields): Promise<void> {
    await this.#connections.updateOne({ tenantId: tenantObjectId(tenantId) }, { $set: fields }, { upsert: true });
  }

  /** Records why an attempt failed, unless the tenant is connected (a failed attempt never breaks a working connection). */
  async recordFailureUnlessConnected(tenantId: TenantId, reason: string, reasonMessage: string): Promise<void> {
    await this.#connections
      .updateOne(
        { tenantId: tenantObjectId(tenantId), status: { $ne: 'CONNECTED' } },
        { $set: { reason, reasonMessage }, $setOnInsert: { status: 'NOT_CONNECTED', tokenVersion: 0, customerImportSuggested: false } },
        { upsert: true },
      )
      .catch((error: unknown) => {
        // Upsert races with a concurrent successful connect (unique tenantId): the success wins.
        if ((error as { code?: number }).code !== 11000) throw error;
      });
  }

  /** Cross-tenant by design (one company's books belong to one tenant): whether another tenant holds the realm. */
  async realmHeldByAnotherTenant(tenantId: TenantId, realmId: string): Promise<boolean> {
    const holder = await crossTenantCollection(this.#connections, 'a QuickBooks company belongs to one tenant').findOne(
      { realmId, status: { $in: HOLDING }, tenantId: { $ne: tenantObjectId(tenantId) } },
      { projection: { _id: 1 } },
    );
    return holder !== null;
  }

  /** Cross-tenant by design: every connected tenant (the CDC poller serves them all). */
  async connectedTenantsAcrossTenants(): Promise<TenantId[]> {
    const rows = await crossTenantCollection(this.#connections, 'the CDC poller serves every connected tenant')
      .find({ status: 'CONNECTED' }, { projection: { tenantId: 1 } })
      .toArray();
    return rows.map((r) => tenantIdOf(r.tenantId as Types.ObjectId));
  }

  /**
   * Cross-tenant by design: every connection holding tokens (the re-seal pass covers every tenant).
   * Only connected or reconnect-required connections hold tokens (disconnect forgets them).
   */
  async withTokensAcrossTenants(): Promise<Pick<QuickBooksConnectionRecord, 'tenantId' | 'tokens' | 'tokenVersion' | 'status' | 'reason'>[]> {
    const docs = (await crossTenantCollection(this.#connections, 'the re-seal pass covers every tenant')
      .find({ status: { $in: HOLDING }, tokens: { $ne: null } }, { projection: { tenantId: 1, tokens: 1, tokenVersion: 1, status: 1, reason: 1 } })
      .toArray()) as unknown as Pick<QuickBooksConnectionDoc, 'tenantId' | 'tokens' | 'tokenVersion' | 'status' | 'reason'>[];
    return docs.map((d) => ({ tenantId: tenantIdOf(d.tenantId), tokens: (d.tokens ?? null), tokenVersion: d.tokenVersion, status: d.status, reason: d.reason ?? null }));
  }

  /** Starts an attempt: the tenant's expired states are swept (FerretDB has no TTL index), then the new one stored. */
  async createState(tenantId: TenantId, state: NewOAuthState): Promise<void> {
    await this.#states.deleteMany({ tenantId: tenantObjectId(tenantId), expiresAt: { $lt: new Date() } });
    await this.#states.create({ ...state, tenantId: tenantObjectId(tenantId) });
  }

  /** Consumes the tenant's live state atomically (single use); null when unknown, spent or expired. */
  async consumeState(tenantId: TenantId, stateHash: string): Promise<OAuthStateRecord | null> {
    return toState(
      await this.#states
        .findOneAndUpdate({ ...liveState(stateHash), tenantId: tenantObjectId(tenantId) }, { $set: { usedAt: new Date() } }, { returnDocument: 'after' })
        .lean<OAuthStateDoc>(),
    );
  }

  /** Cross-tenant by design (the browser callback: the state names its tenant): the live state by its hash. */
  async findLiveStateAcrossTenants(stateHash: string): Promise<OAuthStateRecord | null> {
    const states = crossTenantCollection(this.#states, 'the OAuth state names its tenant');
    return toState((await states.findOne(liveState(stateHash))) as OAuthStateDoc | null);
  }

  /** Cross-tenant by design (found by its hash above): consumes that state if still unused; null if another callback won. */
  async consumeStateByIdAcrossTenants(id: string): Promise<OAuthStateRecord | null> {
    const states = crossTenantCollection(this.#states, 'the OAuth state names its tenant');
    return toState((await states.findOneAndUpdate({ _id: new Types.ObjectId(id), usedAt: null }, { $set: { usedAt: new Date() } }, { returnDocument: 'after' })) as OAuthStateDoc | null);
  }
}

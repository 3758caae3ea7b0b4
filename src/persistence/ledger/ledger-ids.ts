/**
 * Ledger records are found by the FSM's externalId on every upsert and every reference check. A
 * filter on `externalId` scans the whole collection on FerretDB (it indexes only `_id`), so a record's
 * `_id` is derived from (tenant, collection, externalId): a lookup by externalId becomes a read by
 * `_id`, constant time however big the ledger grows. The id is still an ObjectId, as the API shows it.
 *
 * A collection that already held records with random ids when this scheme arrived keeps a fallback:
 * a miss there is checked with the old filter. Fresh collections are marked once (`ledger_id_schemes`)
 * and never fall back. The unique (tenantId, externalId) index stays as the guard in both cases.
 */
import { createHash } from 'node:crypto';
import { type Connection, Types } from 'mongoose';
import { type LedgerModel } from './ledger-record.model.js';
import { crossTenantCollection } from '../cross-tenant.collection.js';

type Projection = Record<string, 0 | 1>;
interface Keyed {
  _id: Types.ObjectId;
  externalId: string;
}

/** The `_id` of the record `externalId` of `tenantId` in `collection`. */
export function derivedRecordId(tenantId: string | Types.ObjectId, collection: string, externalId: string): Types.ObjectId {
  const tenant = typeof tenantId === 'string' ? tenantId : tenantId.toHexString();
  return new Types.ObjectId(createHash('sha256').update(`${tenant}|${collection}|${externalId}`).digest().subarray(0, 12));
}

export class LedgerIds {
  readonly #derivedOnly = new Map<string, Promise<boolean>>();

  constructor(private readonly connection: Connection) {}

  newId(model: LedgerModel, tenantId: string | Types.ObjectId, externalId: string): Types.ObjectId {
    return derivedRecordId(tenantId, model.collection.collectionName, externalId);
  }

  /** The record with this externalId (lean), or null. */
  async findOne<T extends Keyed>(model: LedgerModel, tenantId: Types.ObjectId, externalId: string, projection?: Projection): Promise<T | null> {
    const select = withExternalId(projection);
    const row = (await model.findOne({ tenantId, _id: this.newId(model, tenantId, externalId) }, select).lean()) as T | null;
    if (row?.externalId === externalId) return row;
    if (await this.#onlyDerived(model)) return null;
    return (await model.findOne({ tenantId, externalId }, select).lean()) as T | null;
  }

  /** The records with these externalIds (lean, any order; missing ones are absent). */
  async findMany<T extends Keyed>(model: LedgerModel, tenantId: Types.ObjectId, externalIds: string[], projection?: Projection): Promise<T[]> {
    if (!(await this.#onlyDerived(model))) return (await model.find({ tenantId, externalId: { $in: externalIds } }, withExternalId(projection)).lean()) as T[];
    // One read by _id each: FerretDB does not index `$in`, but every single `_id` read is indexed.
    const rows = await Promise.all(externalIds.map((id) => this.findOne<T>(model, tenantId, id, projection)));
    return rows.filter((row): row is Awaited<T> & T => row !== null);
  }

  /** Whether every record of the collection has a derived id (it was empty when first seen). */
  #onlyDerived(model: LedgerModel): Promise<boolean> {
    const name = model.collection.collectionName;
    let known = this.#derivedOnly.get(name);
    if (!known) {
      known = this.#checkScheme(name, model);
      this.#derivedOnly.set(name, known);
      known.catch(() => this.#derivedOnly.delete(name));
    }
    return known;
  }

  async #checkScheme(name: string, model: LedgerModel): Promise<boolean> {
    const schemes = this.connection.collection<{ _id: string; derived: boolean; at: Date }>('ledger_id_schemes');
    const marked = await schemes.findOne({ _id: name });
    if (marked) return marked.derived;
    const any = await crossTenantCollection(model, 'whether any record of any tenant exists').findOne({}, { projection: { _id: 1 } });
    const derived = any === null;
    await schemes.insertOne({ _id: name, derived, at: new Date() }).catch((error: unknown) => {
      if ((error as { code?: number }).code !== 11000) throw error;
    });
    return (await schemes.findOne({ _id: name }))?.derived ?? derived;
  }
}

function withExternalId(projection: Projection | undefined): Projection | undefined {
  if (!projection || !Object.values(projection).some((v) => v === 1)) return projection;
  return { ...projection, externalId: 1 };
}

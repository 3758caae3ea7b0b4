/**
 * One in-memory QBO company (realm): owns ids, SyncTokens, MetaData, full vs sparse merges, delete
 * and void, the change log and its listeners. Entity-specific rules live in `entities/*.entity.ts`;
 * this class only sequences them so every write is validated completely before anything is stored.
 */
import { faults } from '../faults.js';
import { type Clock } from '../clock.js';
import { dateInZone, pacificDateTime } from '../pacific-time.js';
import {
  ENTITY_NAMES,
  type ChangeEvent,
  type CompanyStore,
  type EntityName,
  type QboRecord,
  type WriteOperation,
  type WriteOptions,
} from './company.types.js';
import { DEFAULT_STORE_OPTIONS, type CompanyProfile, type Draft, type EntityContext, type EntityRules, type LinkTarget, type StoreOptions } from './entity.rules.js';
import { ENTITY_RULES } from './entity.registry.js';
import { assertKnownProperties } from './schema/schema.validator.js';
import { checkLengths, idOf } from './validate.util.js';
import { Decimal } from './money.decimal.js';

/** Fields no client may set: QBO computes them on every entity. */
const SYSTEM_FIELDS = ['Id', 'SyncToken', 'MetaData', 'domain', 'sparse', 'status'] as const;

export interface CompanySeed {
  profile: CompanyProfile;
  /** First id handed out (QBO ids are large numeric strings in new companies). */
  firstId: number;
  /** Records inserted as-is (system fields are filled in); ids may be given (e.g. TaxCode "TAX"). */
  records: { entity: EntityName; record: Draft }[];
  /** QBO's exchange rates (home units per one foreign unit) by currency and date, used by multicurrency companies. */
  exchangeRates?: { currency: string; asOfDate: string; rate: number }[];
}

interface DeletedStub {
  Id: string;
  at: number;
}

/**
 * Everything a company holds, as plain JSON (what the simulator's persistence writes to disk and reads back
 * after a restart): records with their Ids, SyncTokens and MetaData, deleted transactions (CDC reports them),
 * the next Id, the auto-numbering sequences and the exchange rates.
 */
export interface CompanySnapshot {
  profile: CompanyProfile;
  nextId: number;
  records: Partial<Record<EntityName, QboRecord[]>>;
  deleted: Partial<Record<EntityName, DeletedStub[]>>;
  docNumbers: Record<string, number>;
  /** Rates as decimal strings (never floats), per currency and day. */
  exchangeRates: { currency: string; asOfDate: string; rate: string }[];
}

export class InMemoryCompanyStore implements CompanyStore {
  readonly realmId: string;
  readonly country: 'AU' | 'US';
  readonly options: StoreOptions;
  readonly profile: CompanyProfile;
  #records = new Map<EntityName, Map<string, QboRecord>>();
  #deleted = new Map<EntityName, Map<string, DeletedStub>>();
  #nextId: number;
  #listeners = new Set<(event: ChangeEvent) => void>();
  #docNumbers = new Map<string, number>();
  /** Per currency, rates sorted by date (QBO keeps one rate per currency and day). */
  #rates = new Map<string, { asOfDate: string; rate: Decimal }[]>();
  readonly #ctx: EntityContext;

  constructor(
    readonly clock: Clock,
    seed: CompanySeed,
    options: Partial<StoreOptions> = {},
  ) {
    this.profile = seed.profile;
    this.realmId = seed.profile.realmId;
    this.country = seed.profile.country;
    this.options = { ...DEFAULT_STORE_OPTIONS, ...options };
    this.#nextId = seed.firstId;
    for (const name of ENTITY_NAMES) {
      this.#records.set(name, new Map());
      this.#deleted.set(name, new Map());
    }
    this.#ctx = this.#makeContext();
    for (const r of seed.exchangeRates ?? []) this.setExchangeRate(r.currency, r.asOfDate, r.rate);
    this.#load(seed);
  }

  /** A store holding exactly what `snapshot()` captured (no seed records are loaded). */
  static restore(clock: Clock, snapshot: CompanySnapshot, options: Partial<StoreOptions> = {}): InMemoryCompanyStore {
    const store = new InMemoryCompanyStore(clock, { profile: snapshot.profile, firstId: snapshot.nextId, records: [] }, options);
    for (const name of ENTITY_NAMES) {
      for (const record of snapshot.records[name] ?? []) store.#map(name).set(record.Id, record);
      for (const stub of snapshot.deleted[name] ?? []) store.#deleted.get(name)!.set(stub.Id, { Id: stub.Id, at: stub.at });
    }
    for (const [sequence, next] of Object.entries(snapshot.docNumbers)) store.#docNumbers.set(sequence, next);
    for (const r of snapshot.exchangeRates) store.setExchangeRate(r.currency, r.asOfDate, r.rate);
    return store;
  }

  /** A deep copy of the company's state (see `CompanySnapshot`); `restore` gives back an identical store. */
  snapshot(): CompanySnapshot {
    const records: CompanySnapshot['records'] = {};
    const deleted: CompanySnapshot['deleted'] = {};
    for (const name of ENTITY_NAMES) {
      const live = [...this.#map(name).values()];
      if (live.length > 0) records[name] = structuredClone(live);
      const gone = [...this.#deleted.get(name)!.values()];
      if (gone.length > 0) deleted[name] = gone.map((d) => ({ ...d }));
    }
    return {
      profile: structuredClone(this.profile),
      nextId: this.#nextId,
      records,
      deleted,
      docNumbers: Object.fromEntries(this.#docNumbers),
      exchangeRates: [...this.#rates].flatMap(([currency, rates]) => rates.map((r) => ({ currency, asOfDate: r.asOfDate, rate: r.rate.toFixed() }))),
    };
  }

  // ---------------------------------------------------------------- CompanyStore

  write(entity: EntityName, operation: WriteOperation, body: Record<string, unknown>, options: WriteOptions = {}): Record<string, unknown> {
    const rules = ENTITY_RULES[entity];
    if (rules.kind === 'readonly') throw faults.unsupportedOperation(`Operation ${capitalise(operation)} is not supported for ${entity}.`);
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw faults.requiredMissing(entity);
    assertKnownProperties(rules.schemaType, body);
    if ((operation === 'create' || operation === 'update') && !options.allowDuplicateDocNumber) this.#assertDocNumberFree(entity, body);
    switch (operation) {
      case 'create':
        return this.#create(rules, body);
      case 'update':
        return this.#update(rules, body, options.sparse ?? body.sparse === true);
      case 'delete':
        return this.#delete(rules, body);
      case 'void':
        return this.#void(rules, body);
    }
  }

  /** Where the company refuses duplicate numbers: another live transaction of the type holding it is 6140. */
  #assertDocNumberFree(entity: EntityName, body: Record<string, unknown>): void {
    if (this.options.duplicateDocNumbers !== 'reject' || typeof body.DocNumber !== 'string' || body.DocNumber === '' || body.DocNumber === 'AUTO_GENERATE') return;
    const self = body.Id === undefined ? undefined : idOf(body.Id);
    const holder = [...this.#map(entity).values()].find((r) => r.DocNumber === body.DocNumber && r.Id !== self);
    if (holder) throw faults.duplicateDocNumber(body.DocNumber, entity, holder.Id);
  }

  read(entity: EntityName, id: string): QboRecord {
    const record = this.#map(entity).get(id);
    if (!record) {
      if (this.#deleted.get(entity)?.has(id)) throw faults.objectNotFound();
      throw faults.objectNotFound(`Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.`);
    }
    return this.#output(entity, record);
  }

  list(entity: EntityName): readonly QboRecord[] {
    const rules = ENTITY_RULES[entity];
    const records = [...this.#map(entity).values()].sort(byId);
    if (!rules.decorateMany) return records.map((r) => this.#output(entity, r));
    return rules.decorateMany(this.#ctx, records.map((r) => structuredClone(r)));
  }

  deletedSince(entity: EntityName, sinceMs: number): readonly Record<string, unknown>[] {
    return [...(this.#deleted.get(entity)?.values() ?? [])]
      .filter((d) => d.at >= sinceMs)
      .sort((a, b) => a.at - b.at)
      .map((d) => ({ domain: 'QBO', status: 'Deleted', Id: d.Id, MetaData: { LastUpdatedTime: pacificDateTime(d.at) } }));
  }

  onChange(listener: (event: ChangeEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // ---------------------------------------------------------------- extras for the sandbox

  /** The singleton records (CompanyInfo, Preferences) have one row each. */
  singleton(entity: 'CompanyInfo' | 'Preferences'): QboRecord {
    const first = [...this.#map(entity).values()][0];
    if (!first) throw faults.objectNotFound();
    return this.#output(entity, first);
  }

  /**
   * Another QBO user edits the record without changing anything visible: bumps SyncToken and
   * LastUpdatedTime so the client's copy becomes stale (fault injection "stale SyncToken").
   */
  touch(entity: EntityName, id: string): QboRecord | undefined {
    const record = this.#map(entity).get(id);
    if (!record) return undefined;
    const next = this.#stamp({ ...record }, record);
    this.#map(entity).set(id, next);
    this.#emit(entity, id, 'Update', next);
    return this.#output(entity, next);
  }

  /**
   * A bookkeeper turns multicurrency on in Account and Settings (QBO offers no API for it, and it can
   * never be turned off again). Bumps the Preferences record like any settings change.
   */
  enableMulticurrency(): QboRecord {
    const prefs = [...this.#map('Preferences').values()][0];
    if (!prefs) throw faults.system();
    const currencyPrefs = { ...((prefs.CurrencyPrefs ?? {}) as Draft), MultiCurrencyEnabled: true, HomeCurrency: { value: this.profile.currency.value } };
    const next = this.#stamp({ ...prefs, CurrencyPrefs: currencyPrefs }, prefs);
    this.#map('Preferences').set(next.Id, next);
    this.#emit('Preferences', next.Id, 'Update', next);
    return this.#output('Preferences', next);
  }

  /** QBO's rate for a currency on a day (the ExchangeRate entity; a rate a user enters replaces that day's). */
  setExchangeRate(currency: string, asOfDate: string, rate: number | string): void {
    const code = currency.toUpperCase();
    const value = new Decimal(rate);
    if (!value.greaterThan(0)) throw faults.businessValidation('The exchange rate must be greater than zero.', 'Rate');
    const rates = (this.#rates.get(code) ?? []).filter((r) => r.asOfDate !== asOfDate);
    rates.push({ asOfDate, rate: value });
    rates.sort((a, b) => (a.asOfDate < b.asOfDate ? -1 : a.asOfDate > b.asOfDate ? 1 : 0));
    this.#rates.set(code, rates);
  }

  /** The latest rate on or before `date`, as QBO fills ExchangeRate when a transaction sends none. */
  exchangeRate(currency: string, date: string): Decimal | undefined {
    const rates = this.#rates.get(currency.toUpperCase()) ?? [];
    let found: Decimal | undefined;
    for (const r of rates) if (r.asOfDate <= date) found = r.rate;
    return found;
  }

  /** Deleted transaction ids with their deletion times (admin inspection). */
  deleted(entity: EntityName): readonly { Id: string; at: number }[] {
    return [...(this.#deleted.get(entity)?.values() ?? [])];
  }

  // ---------------------------------------------------------------- operations

  #create(rules: EntityRules, body: Draft): Draft {
    if (rules.kind === 'singleton') throw faults.unsupportedOperation(`Operation Create is not supported for ${rules.entity}.`);
    const draft = this.#clean(rules, body);
    const built = rules.build(this.#ctx, draft, undefined);
    checkLengths(built, rules.lengths);
    const id = String(this.#nextId++);
    const now = this.clock.now();
    const record = this.#finish(built, id, '0', now, now);
    this.#map(rules.entity).set(id, record);
    this.#emit(rules.entity, id, 'Create', record);
    this.#relinkAll(rules.linksOf?.(record) ?? []);
    return this.#output(rules.entity, this.#map(rules.entity).get(id)!);
  }

  #update(rules: EntityRules, body: Draft, sparse: boolean): Draft {
    const previous = this.#current(rules, body);
    const incoming = this.#clean(rules, body);
    // Sparse: only the sent fields change (Line arrays are replaced wholesale, as in QBO).
    // Full: every writable field left out is cleared.
    const draft = sparse ? { ...stripSystem(previous, rules), ...incoming } : incoming;
    const built = rules.build(this.#ctx, draft, previous);
    checkLengths(built, rules.lengths);
    return this.#commitChange(rules, previous, built, 'Update');
  }

  #delete(rules: EntityRules, body: Draft): Draft {
    if (rules.kind !== 'txn') {
      throw faults.unsupportedOperation(`Operation Delete is not supported for ${rules.entity}. Make it inactive instead (Active:false).`);
    }
    const previous = this.#current(rules, body);
    const at = this.clock.now();
    this.#map(rules.entity).delete(previous.Id);
    this.#deleted.get(rules.entity)!.set(previous.Id, { Id: previous.Id, at });
    this.#emit(rules.entity, previous.Id, 'Delete', undefined, at);
    this.#relinkAll(rules.linksOf?.(previous) ?? []);
    return { domain: 'QBO', status: 'Deleted', Id: previous.Id };
  }

  #void(rules: EntityRules, body: Draft): Draft {
    if (!rules.void) throw faults.unsupportedOperation(`Operation Void is not supported for ${rules.entity}.`);
    const previous = this.#current(rules, body);
    const voided = rules.void(this.#ctx, previous);
    return this.#commitChange(rules, previous, voided, 'Void');
  }

  #commitChange(rules: EntityRules, previous: QboRecord, built: Draft, operation: 'Update' | 'Void'): Draft {
    const record = this.#stamp(this.#finish(built, previous.Id, previous.SyncToken, metaCreate(previous), this.clock.now()), previous);
    this.#map(rules.entity).set(record.Id, record);
    this.#emit(rules.entity, record.Id, operation, record);
    this.#relinkAll([...(rules.linksOf?.(previous) ?? []), ...(rules.linksOf?.(record) ?? [])]);
    return this.#output(rules.entity, this.#map(rules.entity).get(record.Id)!);
  }

  /** The stored record an update/delete/void targets, after the Id and SyncToken checks. */
  #current(rules: EntityRules, body: Draft): QboRecord {
    const id = body.Id;
    if (id === undefined || id === null || id === '') throw faults.requiredMissing('Id');
    const syncToken = body.SyncToken;
    if (syncToken === undefined || syncToken === null || syncToken === '') throw faults.requiredMissing('SyncToken');
    const key = idOf(id);
    const record = rules.kind === 'singleton' ? [...this.#map(rules.entity).values()][0] : this.#map(rules.entity).get(key);
    if (!record || (rules.kind === 'singleton' && record.Id !== key)) {
      if (this.#deleted.get(rules.entity)?.has(key)) throw faults.objectNotFound();
      throw faults.objectNotFound(`Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.`);
    }
    if (idOf(syncToken) !== record.SyncToken) throw faults.staleObject(rules.entity, key, idOf(syncToken), record.SyncToken);
    return record;
  }

  /** Drop system and computed fields a client sent: QBO recomputes them. */
  #clean(rules: EntityRules, body: Draft): Draft {
    const out: Draft = {};
    const computed = new Set<string>([...SYSTEM_FIELDS, ...(rules.computed ?? [])]);
    for (const [k, v] of Object.entries(body)) if (!computed.has(k)) out[k] = structuredClone(v);
    return out;
  }

  #finish(built: Draft, id: string, syncToken: string, createdAt: number, updatedAt: number): QboRecord {
    return {
      ...built,
      domain: 'QBO',
      sparse: false,
      Id: id,
      SyncToken: syncToken,
      MetaData: { CreateTime: pacificDateTime(createdAt), LastUpdatedTime: pacificDateTime(updatedAt) },
    };
  }

  /** Next SyncToken and a fresh LastUpdatedTime; CreateTime is kept. */
  #stamp(record: QboRecord, previous: QboRecord): QboRecord {
    const meta = (previous.MetaData ?? {}) as Record<string, unknown>;
    return {
      ...record,
      SyncToken: String(Number(previous.SyncToken) + 1),
      MetaData: { ...meta, LastUpdatedTime: pacificDateTime(this.clock.now()) },
    };
  }

  /** Recompute derived fields (Balance, LinkedTxn) of linked records; a change bumps their SyncToken. */
  #relinkAll(targets: LinkTarget[]): void {
    const seen = new Set<string>();
    for (const t of targets) {
      const key = `${t.entity}:${t.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const rules = ENTITY_RULES[t.entity];
      const record = this.#map(t.entity).get(t.id);
      if (!record || !rules.relink) continue;
      const changed = rules.relink(this.#ctx, record);
      if (!changed) continue;
      const next = this.#stamp({ ...record, ...changed }, record);
      this.#map(t.entity).set(t.id, next);
      this.#emit(t.entity, t.id, 'Update', next);
    }
  }

  #emit(entity: EntityName, id: string, operation: ChangeEvent['operation'], record: QboRecord | undefined, at?: number): void {
    const when = at ?? (record ? Date.parse(String((record.MetaData as Record<string, unknown>).LastUpdatedTime)) : this.clock.now());
    const event: ChangeEvent = { realmId: this.realmId, entity, id, operation, at: Number.isNaN(when) ? this.clock.now() : when };
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch {
        // A failing subscriber (e.g. webhook queue) must never undo or fail a committed write.
      }
    }
  }

  #output(entity: EntityName, record: QboRecord): QboRecord {
    const rules = ENTITY_RULES[entity];
    const copy = structuredClone(record);
    return rules.decorate ? rules.decorate(this.#ctx, copy) : copy;
  }

  #map(entity: EntityName): Map<string, QboRecord> {
    const map = this.#records.get(entity);
    if (!map) throw faults.unsupportedOperation(`Unknown entity ${entity}`);
    return map;
  }

  #makeContext(): EntityContext {
    return {
      profile: this.profile,
      options: this.options,
      clock: this.clock,
      // QBO fills blank dates from server time (Pacific), which can be a day off for AU companies.
      today: () => dateInZone(this.clock.now(), 'America/Los_Angeles'),
      find: (entity, id) => this.#map(entity).get(id),
      all: (entity) => [...this.#map(entity).values()].sort(byId),
      preferences: () => {
        const p = [...this.#map('Preferences').values()][0];
        if (!p) throw faults.system();
        return p;
      },
      exchangeRate: (currency, date) => this.exchangeRate(currency, date),
      nextDocNumber: (sequence) => {
        const next = this.#docNumbers.get(sequence) ?? 1001;
        this.#docNumbers.set(sequence, next + 1);
        return String(next);
      },
    };
  }

  #load(seed: CompanySeed): void {
    // A company's existing records were entered before anyone connected an app to it (a QBO sandbox's sample
    // data is dated when the sandbox was made): stamped "now", they fell inside a first CDC poll's one-second
    // overlap and looked like records entered in QuickBooks after the import.
    const now = this.clock.now() - SEED_AGE_MS;
    for (const { entity, record } of seed.records) {
      const rules = ENTITY_RULES[entity];
      const given = record.Id === undefined ? undefined : idOf(record.Id);
      const id = given ?? String(this.#nextId++);
      const clean = this.#clean(rules, record);
      // Seeds go through the same rules as API writes, so computed fields are consistent.
      const built = rules.kind === 'readonly' || rules.kind === 'singleton' ? clean : rules.build(this.#ctx, clean, undefined);
      const stored = this.#finish(built, id, '0', now, now);
      this.#map(entity).set(id, stored);
      this.#relinkAll(rules.linksOf?.(stored) ?? []);
      const numeric = Number(id);
      if (Number.isInteger(numeric) && numeric >= this.#nextId) this.#nextId = numeric + 1;
    }
    // Auto-numbering continues after the highest seeded number of each sequence.
    for (const name of ['Invoice', 'CreditMemo', 'SalesReceipt'] as const) {
      for (const r of this.#map(name).values()) {
        const n = Number(r.DocNumber);
        if (Number.isInteger(n) && n >= (this.#docNumbers.get('sales') ?? 1001)) this.#docNumbers.set('sales', n + 1);
      }
    }
  }
}

/** How long before the company was loaded its seeded records were entered. */
const SEED_AGE_MS = 24 * 60 * 60_000;

function byId(a: QboRecord, b: QboRecord): number {
  const na = Number(a.Id);
  const nb = Number(b.Id);
  if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0;
}

function metaCreate(record: QboRecord): number {
  const create = (record.MetaData as Record<string, unknown> | undefined)?.CreateTime;
  const ms = typeof create === 'string' ? Date.parse(create) : NaN;
  return Number.isNaN(ms) ? 0 : ms;
}

function stripSystem(record: QboRecord, rules: EntityRules): Draft {
  const out: Draft = {};
  const drop = new Set<string>([...SYSTEM_FIELDS, ...(rules.computed ?? [])]);
  for (const [k, v] of Object.entries(record)) if (!drop.has(k)) out[k] = structuredClone(v);
  return out;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

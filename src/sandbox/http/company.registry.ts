/**
 * The sandbox's companies by realm id. Listeners registered here survive resets and re-seeds (each
 * new store is subscribed), so webhooks keep firing after `POST /_sandbox/reset`.
 */
import { type Clock } from '../clock.js';
import { type CompanySnapshot, InMemoryCompanyStore } from '../company/company.store.js';
import { type ChangeEvent } from '../company/company.types.js';
import { type StoreOptions } from '../company/entity.rules.js';
import { SEEDS, type SeedName } from '../company/seeds/seed.registry.js';

export interface CompanySummary {
  realmId: string;
  country: 'AU' | 'US';
  name: string;
  seed: SeedName;
}

/** One company as the simulator's persistence saves it: which seed it came from, and its state. */
export interface SavedCompany {
  seed: SeedName;
  company: CompanySnapshot;
}

export class CompanyRegistry {
  #stores = new Map<string, { store: InMemoryCompanyStore; seed: SeedName }>();
  #listeners = new Set<(event: ChangeEvent) => void>();
  /** Per-store attachments (webhook notifier): called for every store created, detached on replace. */
  #attachers = new Set<(store: InMemoryCompanyStore) => () => void>();
  #detach = new Map<string, (() => void)[]>();
  /** Told when a company's store is replaced (seed, reset, restore): its whole state changed at once. */
  #replaceListeners = new Set<(realmId: string) => void>();

  constructor(
    private readonly clock: Clock,
    private readonly storeOptions: Partial<StoreOptions> = {},
    private readonly initialSeeds: readonly SeedName[] = ['au', 'us'],
  ) {
    for (const s of initialSeeds) this.seed(s);
  }

  /** Run `attach` for every current and future store (e.g. the webhook notifier's `attach`). */
  attach(attach: (store: InMemoryCompanyStore) => () => void): void {
    this.#attachers.add(attach);
    for (const store of this.stores()) this.#detach.get(store.realmId)?.push(attach(store));
  }

  get(realmId: string): InMemoryCompanyStore | undefined {
    return this.#stores.get(realmId)?.store;
  }

  /** Load (or reload, replacing its data) a seed company; returns its store. */
  seed(name: SeedName): InMemoryCompanyStore {
    return this.#install(new InMemoryCompanyStore(this.clock, SEEDS[name](), this.storeOptions), name);
  }

  /** Put back companies saved before a restart (each replaces the seeded company of its realm, if any). */
  restore(saved: readonly SavedCompany[]): void {
    for (const { seed, company } of saved) this.#install(InMemoryCompanyStore.restore(this.clock, company, this.storeOptions), seed);
  }

  /** The state of one company, for the persistence (undefined for an unknown realm). */
  saved(realmId: string): SavedCompany | undefined {
    const entry = this.#stores.get(realmId);
    return entry ? { seed: entry.seed, company: entry.store.snapshot() } : undefined;
  }

  onReplace(listener: (realmId: string) => void): () => void {
    this.#replaceListeners.add(listener);
    return () => this.#replaceListeners.delete(listener);
  }

  #install(store: InMemoryCompanyStore, name: SeedName): InMemoryCompanyStore {
    store.onChange((e) => {
      for (const l of [...this.#listeners]) l(e);
    });
    for (const d of this.#detach.get(store.realmId) ?? []) d();
    this.#stores.set(store.realmId, { store, seed: name });
    this.#detach.set(store.realmId, [...this.#attachers].map((a) => a(store)));
    for (const l of [...this.#replaceListeners]) l(store.realmId);
    return store;
  }

  /** Back to the initial seeds, data and all. */
  reset(): void {
    const before = [...this.#stores.keys()];
    for (const ds of this.#detach.values()) for (const d of ds) d();
    this.#detach.clear();
    this.#stores.clear();
    for (const s of this.initialSeeds) this.seed(s);
    // Companies seeded later (e.g. usManual) are gone now: their listeners hear it too.
    for (const realmId of before) if (!this.#stores.has(realmId)) for (const l of [...this.#replaceListeners]) l(realmId);
  }

  list(): CompanySummary[] {
    return [...this.#stores.values()].map(({ store, seed }) => ({
      realmId: store.realmId,
      country: store.country,
      name: String(store.singleton('CompanyInfo').CompanyName),
      seed,
    }));
  }

  stores(): InMemoryCompanyStore[] {
    return [...this.#stores.values()].map((s) => s.store);
  }

  onChange(listener: (event: ChangeEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/**
 * The sandbox's companies by realm id. Listeners registered here survive resets and re-seeds (each
 * new store is subscribed), so webhooks keep firing after `POST /_sandbox/reset`.
 */
import { type Clock } from '../clock.js';
import { InMemoryCompanyStore } from '../company/company.store.js';
import { type ChangeEvent } from '../company/company.types.js';
import { type StoreOptions } from '../company/entity.rules.js';
import { SEEDS, type SeedName } from '../company/seeds/seed.registry.js';

export interface CompanySummary {
  realmId: string;
  country: 'AU' | 'US';
  name: string;
  seed: SeedName;
}

export class CompanyRegistry {
  #stores = new Map<string, { store: InMemoryCompanyStore; seed: SeedName }>();
  #listeners = new Set<(event: ChangeEvent) => void>();
  /** Per-store attachments (webhook notifier): called for every store created, detached on replace. */
  #attachers = new Set<(store: InMemoryCompanyStore) => () => void>();
  #detach = new Map<string, (() => void)[]>();

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
    const store = new InMemoryCompanyStore(this.clock, SEEDS[name](), this.storeOptions);
    store.onChange((e) => {
      for (const l of [...this.#listeners]) l(e);
    });
    for (const d of this.#detach.get(store.realmId) ?? []) d();
    this.#stores.set(store.realmId, { store, seed: name });
    this.#detach.set(store.realmId, [...this.#attachers].map((a) => a(store)));
    return store;
  }

  /** Back to the initial seeds, data and all. */
  reset(): void {
    for (const ds of this.#detach.values()) for (const d of ds) d();
    this.#detach.clear();
    this.#stores.clear();
    for (const s of this.initialSeeds) this.seed(s);
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

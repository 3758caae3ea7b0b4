/**
 * Helper for writing seed companies: hands out ids in QBO's style (large increasing numeric
 * strings) up front, so seed records can reference each other before the store loads them.
 */
import { type CompanySeed } from '../company.store.js';
import { type EntityName } from '../company.types.js';
import { type CompanyProfile, type Draft } from '../entity.rules.js';

export class SeedBuilder {
  #next: number;
  readonly records: CompanySeed['records'] = [];

  constructor(
    readonly profile: CompanyProfile,
    readonly firstId: number,
  ) {
    this.#next = firstId;
  }

  /** Add a record; returns its id. Give `id` for records with system ids (TaxCode "TAX"). */
  add(entity: EntityName, record: Draft, id?: string): string {
    const assigned = id ?? String(this.#next++);
    this.records.push({ entity, record: { ...record, Id: assigned } });
    return assigned;
  }

  ref(id: string): { value: string } {
    return { value: id };
  }

  build(): CompanySeed {
    return { profile: this.profile, firstId: this.#next, records: this.records };
  }
}

export interface SeedInfo {
  realmId: string;
  country: 'AU' | 'US';
  companyName: string;
}

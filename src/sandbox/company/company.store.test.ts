import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock.js';
import { InMemoryCompanyStore } from './company.store.js';
import { auCompanySeed } from './seeds/au-company.seed.js';
import { usCompanySeed } from './seeds/us-company.seed.js';

const START = Date.parse('2026-05-05T09:08:55Z');
function stores() {
  const clock = new VirtualClock({ start: START, scale: 1 });
  return { clock, au: new InMemoryCompanyStore(clock, auCompanySeed()), us: new InMemoryCompanyStore(clock, usCompanySeed()) };
}

describe('seeds', () => {
  it('load both companies through the entity rules', () => {
    const { au, us } = stores();
    expect(au.list('Account').length).toBeGreaterThan(25);
    expect(us.list('Invoice').length).toBe(2);
    console.log(JSON.stringify(us.list('Invoice')[1], null, 1));
    console.log(JSON.stringify(au.list('Invoice'), null, 1));
  });
});

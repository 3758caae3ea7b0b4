import { describe, expect, it } from 'vitest';
import { CustomerMatchIndex, normalizeName } from './customer-match.rules.js';

describe('customer matching', () => {
  it('normalises names for comparison', () => {
    expect(normalizeName('  Smith & Sons Pty. Ltd. ')).toBe('smith and sons pty ltd');
    expect(normalizeName('Café  Noël')).toBe('cafe noel');
    expect(normalizeName('Acme (deleted)')).toBe('acme');
  });

  it('prefers the mapped QBO id, then a unique email, then a unique name; several candidates are ambiguous', () => {
    const index = new CustomerMatchIndex();
    index.add({ id: 'a', externalId: 'A', displayName: 'Alpha', email: 'x@example.com' }, '10');
    index.add({ id: 'b', externalId: 'B', displayName: 'Beta Co', email: 'BETA@example.com' });
    index.add({ id: 'c1', externalId: 'C1', displayName: 'Gamma Pty Ltd' });
    index.add({ id: 'c2', externalId: 'C2', displayName: 'gamma pty. ltd.' });
    expect(index.match({ Id: '10', DisplayName: 'Zed' })).toMatchObject({ kind: 'MATCH', reason: 'QUICKBOOKS_ID', score: 1 });
    expect(index.match({ Id: '11', DisplayName: 'Other', PrimaryEmailAddr: { Address: 'beta@EXAMPLE.com ' } })).toMatchObject({ kind: 'MATCH', reason: 'EMAIL', customer: { id: 'b' } });
    expect(index.match({ Id: '12', DisplayName: 'BETA CO' })).toMatchObject({ kind: 'MATCH', reason: 'DISPLAY_NAME', score: 0.75 });
    const ambiguous = index.match({ Id: '13', DisplayName: 'Gamma Pty Ltd' });
    expect(ambiguous).toMatchObject({ kind: 'AMBIGUOUS', reason: 'DISPLAY_NAME' });
    expect(ambiguous.kind === 'AMBIGUOUS' && ambiguous.candidates.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(index.match({ Id: '14', DisplayName: 'Nobody' })).toEqual({ kind: 'NONE' });
  });
});

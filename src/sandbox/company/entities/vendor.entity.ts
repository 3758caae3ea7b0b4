/**
 * Vendor: DisplayName namespace shared with customers and employees; Balance from open bills.
 */
import { amount, dec, sum } from '../money.decimal.js';
import { type QboRecord } from '../company.types.js';
import { type EntityRules } from '../entity.rules.js';
import { resolveOptional } from '../refs.resolver.js';
import { applyDisplayName, applyPartyCurrency, PARTY_LENGTHS } from './party.shared.js';
import { ordered } from './name-list.shared.js';

export const vendorRules: EntityRules = {
  entity: 'Vendor',
  kind: 'name',
  schemaType: 'Vendor',
  computed: ['Balance'],
  lengths: { ...PARTY_LENGTHS, AcctNum: 100 },
  build(ctx, draft, previous) {
    const display = applyDisplayName(ctx, 'Vendor', draft, previous?.Id);
    draft.FullyQualifiedName = display;
    applyPartyCurrency(ctx, draft, previous, 'vendor');
    const term = resolveOptional(ctx, 'Term', draft.TermRef, 'TermRef');
    if (term) draft.TermRef = term;
    draft.Vendor1099 ??= false;
    return ordered(draft, ['BillAddr', 'Balance', 'Vendor1099', 'CurrencyRef', 'GivenName', 'FamilyName', 'CompanyName', 'DisplayName', 'PrintOnCheckName', 'Active']);
  },
  decorate(ctx, record): QboRecord {
    const bills = ctx.all('Bill').filter((b) => (b.VendorRef as { value?: string } | undefined)?.value === record.Id).map((b) => dec(b.Balance));
    record.Balance = amount(sum(bills));
    return record;
  },
};

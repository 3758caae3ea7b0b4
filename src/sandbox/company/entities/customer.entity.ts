/**
 * Customer: DisplayName namespace shared with vendors and employees, sub-customers (jobs), defaults
 * QBO fills on create, and Balance/BalanceWithJobs computed from open transactions at read time.
 */
import { dec, amount, sum } from '../money.decimal.js';
import { type QboRecord } from '../company.types.js';
import { type EntityRules } from '../entity.rules.js';
import { resolveOptional } from '../refs.resolver.js';
import { applyDisplayName, applyPartyCurrency, PARTY_LENGTHS } from './party.shared.js';
import { applyHierarchy, ordered } from './name-list.shared.js';
import { type EntityContext } from '../entity.rules.js';

type Dec = ReturnType<typeof dec>;
const customerOf = (r: QboRecord) => (r.CustomerRef as { value?: string } | undefined)?.value;

/** Every customer's open balance in one pass over the open transactions (for lists). */
function openBalances(ctx: EntityContext): Map<string, Dec> {
  const balances = new Map<string, Dec>();
  const add = (id: string | undefined, value: Dec) => {
    if (id !== undefined) balances.set(id, (balances.get(id) ?? dec(0)).plus(value));
  };
  for (const r of ctx.all('Invoice')) add(customerOf(r), dec(r.Balance));
  for (const r of ctx.all('CreditMemo')) add(customerOf(r), dec(r.Balance).negated());
  for (const r of ctx.all('Payment')) add(customerOf(r), dec(r.UnappliedAmt).negated());
  return balances;
}

function openBalance(ctx: EntityContext, customerId: string): ReturnType<typeof dec> {
  const owed = ctx.all('Invoice').filter((r) => (r.CustomerRef as { value?: string } | undefined)?.value === customerId).map((r) => dec(r.Balance));
  const credits = ctx.all('CreditMemo').filter((r) => (r.CustomerRef as { value?: string } | undefined)?.value === customerId).map((r) => dec(r.Balance));
  const unapplied = ctx.all('Payment').filter((r) => (r.CustomerRef as { value?: string } | undefined)?.value === customerId).map((r) => dec(r.UnappliedAmt));
  return sum(owed).minus(sum(credits)).minus(sum(unapplied));
}

export const customerRules: EntityRules = {
  entity: 'Customer',
  kind: 'name',
  schemaType: 'Customer',
  computed: ['FullyQualifiedName', 'Level', 'Balance', 'BalanceWithJobs'],
  lengths: PARTY_LENGTHS,
  build(ctx, draft, previous) {
    applyDisplayName(ctx, 'Customer', draft, previous?.Id);
    draft.Job = draft.Job === true || draft.ParentRef !== undefined;
    applyHierarchy(ctx, 'Customer', draft, 'DisplayName', 'Job', previous?.Id);
    if (draft.Job === false) draft.BillWithParent = false;
    applyPartyCurrency(ctx, draft, previous, 'customer');
    const term = resolveOptional(ctx, 'Term', draft.SalesTermRef, 'SalesTermRef', { withName: false });
    if (term) draft.SalesTermRef = term;
    const pm = resolveOptional(ctx, 'PaymentMethod', draft.PaymentMethodRef, 'PaymentMethodRef');
    if (pm) draft.PaymentMethodRef = pm;
    const taxCode = resolveOptional(ctx, 'TaxCode', draft.DefaultTaxCodeRef, 'DefaultTaxCodeRef', { withName: false });
    if (taxCode) draft.DefaultTaxCodeRef = taxCode;
    draft.Taxable ??= ctx.profile.country === 'US';
    draft.PreferredDeliveryMethod ??= 'Print';
    draft.BillWithParent ??= false;
    draft.IsProject ??= false;
    return ordered(draft, ['Taxable', 'BillAddr', 'ShipAddr', 'Job', 'BillWithParent', 'Balance', 'BalanceWithJobs', 'CurrencyRef', 'PreferredDeliveryMethod', 'IsProject', 'GivenName', 'FamilyName', 'FullyQualifiedName', 'CompanyName', 'DisplayName', 'PrintOnCheckName', 'Active']);
  },
  decorate(ctx, record): QboRecord {
    const own = openBalance(ctx, record.Id);
    const jobs = ctx.all('Customer').filter((c) => (c.ParentRef as { value?: string } | undefined)?.value === record.Id).map((c) => openBalance(ctx, c.Id));
    record.Balance = amount(own);
    record.BalanceWithJobs = amount(own.plus(sum(jobs)));
    return record;
  },
  decorateMany(ctx, records): QboRecord[] {
    const balances = openBalances(ctx);
    const jobs = new Map<string, string[]>();
    for (const c of ctx.all('Customer')) {
      const parent = (c.ParentRef as { value?: string } | undefined)?.value;
      if (parent !== undefined) jobs.set(parent, [...(jobs.get(parent) ?? []), c.Id]);
    }
    const of = (id: string) => balances.get(id) ?? dec(0);
    for (const record of records) {
      record.Balance = amount(of(record.Id));
      record.BalanceWithJobs = amount(of(record.Id).plus(sum((jobs.get(record.Id) ?? []).map(of))));
    }
    return records;
  },
};

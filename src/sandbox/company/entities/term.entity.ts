/**
 * Term: Standard (DueDays) or DateDriven (DayOfMonthDue) payment terms; drives DueDate on sales
 * transactions and bills.
 */
import { faults } from '../../faults.js';
import { type EntityRules } from '../entity.rules.js';
import { addDays } from '../validate.util.js';
import { optionalString } from '../validate.util.js';
import { applyActiveRename, assertUniqueName, ordered } from './name-list.shared.js';
import { type QboRecord } from '../company.types.js';

function intIn(v: unknown, min: number, max: number, element: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw faults.businessValidation(`${element} must be a whole number from ${min} to ${max}.`, element);
  return n;
}

export const termRules: EntityRules = {
  entity: 'Term',
  kind: 'name',
  schemaType: 'Term',
  computed: ['Type'],
  lengths: { Name: 31 },
  build(ctx, draft, previous) {
    const name = optionalString(draft, 'Name');
    if (!name) throw faults.requiredMissing('Name');
    assertUniqueName(ctx, [{ entity: 'Term', field: 'Name' }], name, { entity: 'Term', id: previous?.Id }, 'term');
    const dueDays = intIn(draft.DueDays, 0, 999, 'DueDays');
    const dayOfMonth = intIn(draft.DayOfMonthDue, 1, 31, 'DayOfMonthDue');
    if (dueDays === undefined && dayOfMonth === undefined) throw faults.requiredMissing('DueDays');
    if (dueDays !== undefined && dayOfMonth !== undefined) throw faults.businessValidation('A term has either DueDays or DayOfMonthDue, not both.', 'DueDays');
    draft.Type = dueDays !== undefined ? 'STANDARD' : 'DATE_DRIVEN';
    if (draft.DiscountPercent !== undefined) draft.DiscountDays ??= 0;
    applyActiveRename(draft, 'Name');
    return ordered(draft, ['Name', 'Active', 'Type', 'DiscountPercent', 'DueDays', 'DiscountDays', 'DayOfMonthDue', 'DueNextMonthDays', 'DiscountDayOfMonth']);
  },
};

/** Due date of a transaction dated `txnDate` under a term. */
export function dueDateFor(term: QboRecord, txnDate: string): string {
  if (typeof term.DueDays === 'number') return addDays(txnDate, term.DueDays);
  const day = Number(term.DayOfMonthDue ?? 1);
  const cutoff = Number(term.DueNextMonthDays ?? 0);
  const d = new Date(`${txnDate}T00:00:00Z`);
  // Date-driven: due on `day` of this month, or of next month when within `cutoff` days of it.
  let due = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), day));
  const daysBefore = (due.getTime() - d.getTime()) / 86_400_000;
  if (daysBefore < cutoff || due < d) due = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, day));
  return due.toISOString().slice(0, 10);
}

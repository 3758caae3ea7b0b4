/**
 * JournalEntry: balanced Debit/Credit lines; A/R lines name a customer, A/P lines a vendor;
 * non-US tax-coded lines need TaxApplicableOn and TaxAmount. QBO reports TotalAmt 0 and numbers
 * lines from "0" (facts §7.10).
 */
import { faults } from '../../faults.js';
import { amount, dec } from '../money.decimal.js';
import { type Draft, type EntityRules } from '../entity.rules.js';
import { lineIdAllocator } from '../lines.builder.js';
import { resolveOptional, resolveRecord } from '../refs.resolver.js';
import { isObject, oneOf, requireAmount } from '../validate.util.js';
import { applyCurrency, applyDocNumber, applyTxnDate, TXN_LENGTHS } from './transaction.shared.js';
import { ordered } from './name-list.shared.js';

export const journalEntryRules: EntityRules = {
  entity: 'JournalEntry',
  kind: 'txn',
  schemaType: 'JournalEntry',
  computed: ['TotalAmt', 'HomeTotalAmt'],
  lengths: TXN_LENGTHS,
  build(ctx, draft, previous) {
    applyTxnDate(ctx, draft);
    applyDocNumber(ctx, draft, previous, undefined);
    applyCurrency(ctx, draft);
    if (!Array.isArray(draft.Line) || draft.Line.length === 0) throw faults.requiredMissing('Line');
    const nextId = lineIdAllocator(previous, 0);
    let debit = dec(0);
    let credit = dec(0);
    const lines: Draft[] = [];
    for (const raw of (draft.Line as unknown[]).filter(isObject)) {
      requireAmount(raw.Amount, 'Line.Amount');
      if (raw.DetailType === undefined) throw faults.requiredMissing('Line.DetailType');
      oneOf(raw.DetailType, ['JournalEntryLineDetail', 'DescriptionOnly'] as const, 'Line.DetailType');
      if (raw.DetailType === 'DescriptionOnly') {
        lines.push({ ...raw, Id: nextId(raw.Id) });
        continue;
      }
      if (!isObject(raw.JournalEntryLineDetail)) throw faults.requiredMissing('Line.JournalEntryLineDetail');
      const d: Draft = { ...raw.JournalEntryLineDetail };
      if (d.PostingType === undefined) throw faults.requiredMissing('Line.JournalEntryLineDetail.PostingType');
      const posting = oneOf(d.PostingType, ['Debit', 'Credit'] as const, 'Line.JournalEntryLineDetail.PostingType');
      const { ref: accountRef, record: account } = resolveRecord(ctx, 'Account', d.AccountRef, 'Line.JournalEntryLineDetail.AccountRef');
      d.AccountRef = accountRef;
      const entity = isObject(d.Entity) ? d.Entity : undefined;
      const entityType = entity?.Type as string | undefined;
      if (account.AccountType === 'Accounts Receivable' && entityType !== 'Customer') {
        throw faults.businessValidation('When you use Accounts Receivable, you must choose a customer in the Name field.', 'Line.JournalEntryLineDetail.Entity');
      }
      if (account.AccountType === 'Accounts Payable' && entityType !== 'Vendor') {
        throw faults.businessValidation('When you use Accounts Payable, you must choose a supplier in the Name field.', 'Line.JournalEntryLineDetail.Entity');
      }
      if (entity) {
        const type = oneOf(entityType, ['Customer', 'Vendor', 'Employee'] as const, 'Line.JournalEntryLineDetail.Entity.Type');
        d.Entity = { Type: type, EntityRef: resolveRecord(ctx, type, entity.EntityRef, 'Line.JournalEntryLineDetail.Entity.EntityRef').ref };
      }
      const cls = resolveOptional(ctx, 'Class', d.ClassRef, 'Line.JournalEntryLineDetail.ClassRef');
      if (cls) d.ClassRef = cls;
      const dept = resolveOptional(ctx, 'Department', d.DepartmentRef, 'Line.JournalEntryLineDetail.DepartmentRef');
      if (dept) d.DepartmentRef = dept;
      const taxCode = resolveOptional(ctx, 'TaxCode', d.TaxCodeRef, 'Line.JournalEntryLineDetail.TaxCodeRef', { withName: false });
      if (taxCode) {
        d.TaxCodeRef = taxCode;
        if (ctx.profile.country !== 'US') {
          if (d.TaxApplicableOn === undefined) throw faults.requiredMissing('Line.JournalEntryLineDetail.TaxApplicableOn');
          if (d.TaxAmount === undefined) throw faults.requiredMissing('Line.JournalEntryLineDetail.TaxAmount');
        }
      }
      const value = dec(raw.Amount);
      if (posting === 'Debit') debit = debit.plus(value);
      else credit = credit.plus(value);
      lines.push({ Id: nextId(raw.Id), ...(raw.Description !== undefined ? { Description: raw.Description } : {}), Amount: amount(value), DetailType: 'JournalEntryLineDetail', JournalEntryLineDetail: d });
    }
    if (debit.isZero() || credit.isZero() || !debit.equals(credit)) {
      throw faults.businessValidation('You must balance debits and credits before you save.', 'Line');
    }
    draft.Line = lines;
    draft.Adjustment ??= false;
    draft.TotalAmt = 0;
    return ordered(draft, ['Adjustment', 'TotalAmt', 'DocNumber', 'TxnDate', 'CurrencyRef', 'PrivateNote', 'Line']);
  },
};

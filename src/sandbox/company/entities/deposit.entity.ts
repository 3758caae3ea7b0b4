/**
 * Deposit: moves money into a bank account, from other accounts (DepositLineDetail.AccountRef) or
 * from Undeposited Funds by linking payments and sales receipts; TotalAmt is the sum of the lines.
 */
import { faults } from '../../faults.js';
import { amount, dec, sum } from '../money.decimal.js';
import { type Draft, type EntityRules } from '../entity.rules.js';
import { lineIdAllocator } from '../lines.builder.js';
import { resolveOptional, resolveRecord } from '../refs.resolver.js';
import { isObject, oneOf, requireAmount } from '../validate.util.js';
import { applyCurrency, applyHeaderRefs, applyTxnDate, TXN_LENGTHS } from './transaction.shared.js';
import { ordered } from './name-list.shared.js';

export const depositRules: EntityRules = {
  entity: 'Deposit',
  kind: 'txn',
  schemaType: 'Deposit',
  computed: ['TotalAmt', 'HomeTotalAmt'],
  lengths: TXN_LENGTHS,
  build(ctx, draft, previous) {
    draft.DepositToAccountRef = resolveRecord(ctx, 'Account', draft.DepositToAccountRef, 'DepositToAccountRef').ref;
    applyTxnDate(ctx, draft);
    applyCurrency(ctx, draft);
    applyHeaderRefs(ctx, draft);
    if (!Array.isArray(draft.Line) || draft.Line.length === 0) throw faults.requiredMissing('Line');
    const nextId = lineIdAllocator(previous);
    const lines: Draft[] = [];
    for (const raw of (draft.Line as unknown[]).filter(isObject)) {
      requireAmount(raw.Amount, 'Line.Amount');
      const links = (Array.isArray(raw.LinkedTxn) ? (raw.LinkedTxn as unknown[]) : []).filter(isObject);
      if (links.length > 0) {
        for (const link of links) {
          const type = oneOf(link.TxnType, ['Payment', 'SalesReceipt', 'JournalEntry'] as const, 'Line.LinkedTxn.TxnType');
          if (!ctx.find(type, String(link.TxnId))) throw faults.invalidReference('Line.LinkedTxn.TxnId');
        }
        lines.push({ Id: nextId(raw.Id), Amount: amount(dec(raw.Amount)), LinkedTxn: links.map((l) => ({ TxnId: String(l.TxnId as string), TxnType: l.TxnType, TxnLineId: l.TxnLineId ?? '0' })) });
        continue;
      }
      if (!isObject(raw.DepositLineDetail)) throw faults.requiredMissing('Line.DepositLineDetail');
      const d: Draft = { ...raw.DepositLineDetail };
      d.AccountRef = resolveRecord(ctx, 'Account', d.AccountRef, 'Line.DepositLineDetail.AccountRef').ref;
      const pm = resolveOptional(ctx, 'PaymentMethod', d.PaymentMethodRef, 'Line.DepositLineDetail.PaymentMethodRef');
      if (pm) d.PaymentMethodRef = pm;
      if (isObject(d.Entity)) {
        const type = oneOf(d.Entity.type ?? 'Customer', ['Customer', 'Vendor', 'Employee'] as const, 'Line.DepositLineDetail.Entity.type');
        d.Entity = { ...resolveRecord(ctx, type, d.Entity, 'Line.DepositLineDetail.Entity').ref, type };
      }
      lines.push({ Id: nextId(raw.Id), ...(raw.Description !== undefined ? { Description: raw.Description } : {}), Amount: amount(dec(raw.Amount)), DetailType: 'DepositLineDetail', DepositLineDetail: d });
    }
    let n = 1;
    for (const l of lines) l.LineNum = n++;
    draft.Line = lines;
    draft.TotalAmt = amount(sum(lines.map((l) => dec(l.Amount))));
    return ordered(draft, ['DepositToAccountRef', 'TotalAmt', 'TxnDate', 'CurrencyRef', 'PrivateNote', 'Line']);
  },
};

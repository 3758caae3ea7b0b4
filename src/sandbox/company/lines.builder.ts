/**
 * Transaction lines as QBO stores them: line Ids kept or assigned, item/account lines validated and
 * completed (ItemAccountRef, TaxCodeRef defaults, ref names), discounts computed, the SubTotal line
 * rebuilt, and the taxable amounts handed to the tax calculator.
 */
import { faults } from '../faults.js';
import { type Decimal, amount, dec, roundCents, sum } from './money.decimal.js';
import { type QboRecord } from './company.types.js';
import { type Draft, type EntityContext, type Ref } from './entity.rules.js';
import { resolveOptional, resolveRecord, refTo } from './refs.resolver.js';
import { type GlobalTaxCalculation, type TaxableLine, type TaxSide, ratesOf } from './tax.calculator.js';
import { idOf, isObject, oneOf, requireAmount } from './validate.util.js';
import { resolveLineItem } from './entities/item.entity.js';

export interface LinesResult {
  lines: Draft[];
  /** Sum of the item/account lines (the SubTotal). */
  subtotal: Decimal;
  discount: Decimal;
  taxable: TaxableLine[];
}

interface LineContext {
  ctx: EntityContext;
  mode: GlobalTaxCalculation | undefined;
  side: TaxSide;
}

/** Keeps a line's Id when it names an existing line of the previous version (XSD Line.Id rules). */
export function lineIdAllocator(previous: QboRecord | undefined, firstId = 1): (requested: unknown) => string {
  const existing = new Set<string>();
  let next = firstId;
  for (const l of (previous?.Line as Draft[] | undefined) ?? []) {
    if (typeof l.Id === 'string') {
      existing.add(l.Id);
      next = Math.max(next, Number(l.Id) + 1);
    }
  }
  const used = new Set<string>();
  return (requested) => {
    const id = requested === undefined || requested === null ? undefined : idOf(requested);
    if (id !== undefined && Number(id) > 0 && existing.has(id) && !used.has(id)) {
      used.add(id);
      return id;
    }
    while (existing.has(String(next)) || used.has(String(next))) next++;
    used.add(String(next));
    return String(next++);
  };
}

function rawLines(draft: Draft): Draft[] {
  const lines = draft.Line;
  if (lines === undefined || lines === null) throw faults.requiredMissing('Line');
  if (!Array.isArray(lines)) throw faults.requiredMissing('Line');
  // The SubTotal line is always rebuilt; tax lines may only appear under TxnTaxDetail.
  const kept = (lines as unknown[]).filter((l): l is Draft => isObject(l) && l.DetailType !== 'SubTotalLineDetail');
  if (kept.length === 0) throw faults.requiredMissing('Line');
  return kept;
}

/** Line tax code: TAX/NON for US companies, a real (active) tax code elsewhere. */
function lineTaxCode(lc: LineContext, raw: unknown, element: string, fallbackTaxable: boolean): Ref | undefined {
  const { ctx } = lc;
  if (ctx.profile.country === 'US') {
    const given = raw === undefined ? undefined : resolveRecord(ctx, 'TaxCode', raw, element, { withName: false }).ref;
    if (given && given.value !== 'TAX' && given.value !== 'NON') throw faults.invalidReference(element);
    return given ?? { value: fallbackTaxable ? 'TAX' : 'NON' };
  }
  const given = resolveOptional(ctx, 'TaxCode', raw, element, { withName: false });
  if (!given && lc.mode !== 'NotApplicable') {
    throw faults.businessValidation('Make sure all your transactions have a GST rate before you save.', element);
  }
  return given;
}

/** Gross → net for a tax-inclusive line: strip the code's combined rate. */
function netFromGross(lc: LineContext, gross: Decimal, taxCode: Ref | undefined): Decimal {
  if (!taxCode) return gross;
  const code = lc.ctx.find('TaxCode', taxCode.value);
  if (!code) return gross;
  const combined = sum(ratesOf(lc.ctx, code, lc.side).map((r) => r.percent));
  return roundCents(gross.times(100).dividedBy(combined.plus(100)));
}

function grossFromNet(lc: LineContext, net: Decimal, taxCode: Ref | undefined): Decimal {
  if (!taxCode) return net;
  const code = lc.ctx.find('TaxCode', taxCode.value);
  if (!code) return net;
  const combined = sum(ratesOf(lc.ctx, code, lc.side).map((r) => r.percent));
  return roundCents(net.times(combined.plus(100)).dividedBy(100));
}

/**
 * Amount vs Qty × UnitPrice. QBO's exact fault is not documented (facts §8, uncertain); we raise
 * 6070 "Amount is not equal to UnitPrice * Qty", the text integrators report, when strict.
 */
function checkQtyPrice(lc: LineContext, detail: Draft, net: Decimal, element: string): void {
  if (!lc.ctx.options.strictLineAmounts) return;
  if (detail.Qty === undefined || detail.UnitPrice === undefined) return;
  const expected = roundCents(dec(detail.Qty).times(dec(detail.UnitPrice)));
  if (!expected.equals(roundCents(net))) {
    throw faults.validation('6070', 'Amount is not equal to UnitPrice * Qty', `Amount is not equal to UnitPrice * Qty. Supplied value:${net.toString()}`, element);
  }
}

function orderedDetail(detail: Draft, first: readonly string[]): Draft {
  const out: Draft = {};
  for (const k of first) if (detail[k] !== undefined) out[k] = detail[k];
  for (const [k, v] of Object.entries(detail)) if (!(k in out) && v !== undefined) out[k] = v;
  return out;
}

/** Lines of Invoice, CreditMemo and SalesReceipt. */
export function buildSalesLines(ctx: EntityContext, draft: Draft, previous: QboRecord | undefined, mode: GlobalTaxCalculation | undefined): LinesResult {
  const lc: LineContext = { ctx, mode, side: 'sales' };
  const nextId = lineIdAllocator(previous);
  const items: Draft[] = [];
  const discounts: { line: Draft; index: number }[] = [];
  const taxable: TaxableLine[] = [];
  const out: Draft[] = [];
  for (const [index, line] of rawLines(draft).entries()) {
    if (line.DetailType === undefined) throw faults.requiredMissing('Line.DetailType');
    const type = oneOf(line.DetailType, ['SalesItemLineDetail', 'DiscountLineDetail', 'DescriptionOnly', 'GroupLineDetail', 'TaxLineDetail'] as const, 'Line.DetailType');
    if (type === 'TaxLineDetail') throw faults.businessValidation('Tax lines are not allowed in Line; use TxnTaxDetail.', 'Line.DetailType');
    if (type === 'GroupLineDetail') throw faults.unsupportedOperation('Group (bundle) lines are not supported by the sandbox.');
    if (type === 'DescriptionOnly') {
      out.push(orderedDetail({ ...line, Id: nextId(line.Id), DetailType: type, DescriptionLineDetail: line.DescriptionLineDetail ?? {} }, ['Id', 'LineNum', 'Description', 'Amount', 'DetailType']));
      continue;
    }
    if (type === 'DiscountLineDetail') {
      const entry: Draft = { ...line, Id: nextId(line.Id) };
      discounts.push({ line: entry, index: out.length });
      out.push(entry);
      continue;
    }
    const element = 'Line.SalesItemLineDetail';
    if (!isObject(line.SalesItemLineDetail)) throw faults.requiredMissing(`${element}.ItemRef`);
    const detail: Draft = { ...line.SalesItemLineDetail };
    const { ref: itemRef, record: item } = resolveLineItem(ctx, detail.ItemRef, `${element}.ItemRef`, 'IncomeAccountRef');
    const taxCode = lineTaxCode(lc, detail.TaxCodeRef, `${element}.TaxCodeRef`, item.Taxable === true);
    let net: Decimal;
    let gross: Decimal | undefined;
    if (mode === 'TaxInclusive' && detail.TaxInclusiveAmt !== undefined) {
      requireAmount(detail.TaxInclusiveAmt, `${element}.TaxInclusiveAmt`);
      gross = dec(detail.TaxInclusiveAmt);
      net = netFromGross(lc, gross, taxCode);
    } else {
      requireAmount(line.Amount, 'Line.Amount');
      net = dec(line.Amount);
      checkQtyPrice(lc, detail, net, 'Line.Amount');
      if (mode === 'TaxInclusive') gross = grossFromNet(lc, net, taxCode);
    }
    detail.ItemRef = itemRef;
    if (isObject(item.IncomeAccountRef)) detail.ItemAccountRef = refTo(ctx.find('Account', String(item.IncomeAccountRef.value)) ?? ({ Id: String(item.IncomeAccountRef.value), SyncToken: '0' }));
    if (taxCode) detail.TaxCodeRef = taxCode;
    else delete detail.TaxCodeRef;
    const cls = resolveOptional(ctx, 'Class', detail.ClassRef, `${element}.ClassRef`);
    if (cls) detail.ClassRef = cls;
    if (gross) detail.TaxInclusiveAmt = amount(gross);
    const built: Draft = {
      Id: nextId(line.Id),
      LineNum: 0,
      ...(line.Description !== undefined ? { Description: line.Description } : {}),
      Amount: amount(net),
      DetailType: type,
      SalesItemLineDetail: orderedDetail(detail, ['ItemRef', 'UnitPrice', 'Qty', 'ItemAccountRef', 'TaxCodeRef', 'ClassRef', 'ServiceDate', 'TaxInclusiveAmt']),
      CustomExtensions: [],
    };
    items.push(built);
    out.push(built);
    taxable.push({ net, gross, taxCodeId: taxCode?.value });
    void index;
  }
  const subtotal = sum(items.map((l) => dec(l.Amount)));
  let discount = dec(0);
  for (const { line } of discounts) {
    const detail: Draft = isObject(line.DiscountLineDetail) ? { ...line.DiscountLineDetail } : {};
    let value: Decimal;
    if (detail.PercentBased === true) {
      if (detail.DiscountPercent === undefined) throw faults.requiredMissing('Line.DiscountLineDetail.DiscountPercent');
      value = roundCents(subtotal.times(dec(detail.DiscountPercent)).dividedBy(100));
    } else {
      requireAmount(line.Amount, 'Line.Amount');
      value = dec(line.Amount);
      detail.PercentBased = false;
    }
    const account = resolveOptional(ctx, 'Account', detail.DiscountAccountRef, 'Line.DiscountLineDetail.DiscountAccountRef') ?? defaultDiscountAccount(ctx);
    if (account) detail.DiscountAccountRef = account;
    line.Amount = amount(value);
    line.DetailType = 'DiscountLineDetail';
    line.DiscountLineDetail = detail;
    discount = discount.plus(value);
  }
  let lineNum = 1;
  for (const l of out) if (l.DetailType !== 'DiscountLineDetail') l.LineNum = lineNum++;
  out.push({ Amount: amount(subtotal), DetailType: 'SubTotalLineDetail', SubTotalLineDetail: {} });
  return { lines: out, subtotal, discount, taxable };
}

function defaultDiscountAccount(ctx: EntityContext): Ref | undefined {
  const acct = ctx.all('Account').find((a) => a.AccountSubType === 'DiscountsRefundsGiven' && a.Active !== false);
  return acct ? refTo(acct) : undefined;
}

/** Lines of Bill and Purchase (account-based and item-based expense lines). */
export function buildExpenseLines(ctx: EntityContext, draft: Draft, previous: QboRecord | undefined, mode: GlobalTaxCalculation | undefined): LinesResult {
  const lc: LineContext = { ctx, mode, side: 'purchase' };
  const nextId = lineIdAllocator(previous);
  const out: Draft[] = [];
  const taxable: TaxableLine[] = [];
  for (const line of rawLines(draft)) {
    if (line.DetailType === undefined) throw faults.requiredMissing('Line.DetailType');
    const type = oneOf(line.DetailType, ['AccountBasedExpenseLineDetail', 'ItemBasedExpenseLineDetail'] as const, 'Line.DetailType');
    if (!isObject(line[type])) throw faults.requiredMissing(`Line.${type}`);
    const detail: Draft = { ...(line[type]) };
    const element = `Line.${type}`;
    let fallbackTaxable = false;
    if (type === 'AccountBasedExpenseLineDetail') {
      detail.AccountRef = resolveRecord(ctx, 'Account', detail.AccountRef, `${element}.AccountRef`).ref;
    } else {
      const { ref, record } = resolveLineItem(ctx, detail.ItemRef, `${element}.ItemRef`, 'ExpenseAccountRef');
      detail.ItemRef = ref;
      fallbackTaxable = record.Taxable === true;
    }
    const taxCode = lineTaxCode(lc, detail.TaxCodeRef, `${element}.TaxCodeRef`, fallbackTaxable);
    let net: Decimal;
    let gross: Decimal | undefined;
    if (mode === 'TaxInclusive' && detail.TaxInclusiveAmt !== undefined) {
      requireAmount(detail.TaxInclusiveAmt, `${element}.TaxInclusiveAmt`);
      gross = dec(detail.TaxInclusiveAmt);
      net = netFromGross(lc, gross, taxCode);
    } else {
      requireAmount(line.Amount, 'Line.Amount');
      net = dec(line.Amount);
      if (type === 'ItemBasedExpenseLineDetail') checkQtyPrice(lc, detail, net, 'Line.Amount');
      if (mode === 'TaxInclusive') gross = grossFromNet(lc, net, taxCode);
    }
    if (taxCode) detail.TaxCodeRef = taxCode;
    const customer = resolveOptional(ctx, 'Customer', detail.CustomerRef, `${element}.CustomerRef`);
    if (customer) detail.CustomerRef = customer;
    const cls = resolveOptional(ctx, 'Class', detail.ClassRef, `${element}.ClassRef`);
    if (cls) detail.ClassRef = cls;
    detail.BillableStatus = oneOf(detail.BillableStatus ?? 'NotBillable', ['Billable', 'NotBillable', 'HasBeenBilled'] as const, `${element}.BillableStatus`);
    if (gross) detail.TaxInclusiveAmt = amount(gross);
    out.push({
      Id: nextId(line.Id),
      ...(line.Description !== undefined ? { Description: line.Description } : {}),
      Amount: amount(net),
      DetailType: type,
      [type]: orderedDetail(detail, ['AccountRef', 'ItemRef', 'BillableStatus', 'UnitPrice', 'Qty', 'TaxCodeRef']),
    });
    taxable.push({ net, gross, taxCodeId: taxCode?.value });
  }
  let lineNum = 1;
  for (const l of out) l.LineNum = lineNum++;
  const subtotal = sum(out.map((l) => dec(l.Amount)));
  return { lines: out.map((l) => orderedDetail(l, ['Id', 'LineNum', 'Description', 'Amount', 'DetailType'])), subtotal, discount: dec(0), taxable };
}

/**
 * Header rules every transaction shares: TxnDate default, DocNumber auto-numbering and its 21-char
 * limit, home CurrencyRef, GlobalTaxCalculation for non-US companies, header refs, DueDate from
 * terms, and the voided form (amounts zero, "Voided" note).
 */
import { faults } from '../../faults.js';
import { type QboRecord } from '../company.types.js';
import { type Draft, type EntityContext } from '../entity.rules.js';
import { resolveOptional } from '../refs.resolver.js';
import { type GlobalTaxCalculation } from '../tax.calculator.js';
import { isDate, isObject, oneOf, requireAmount } from '../validate.util.js';
import { type Decimal, amount, dec } from '../money.decimal.js';
import { dueDateFor } from './term.entity.js';

export const TXN_LENGTHS = { DocNumber: 21, PrivateNote: 4000 } as const;

export function applyTxnDate(ctx: EntityContext, draft: Draft): string {
  if (draft.TxnDate === undefined || draft.TxnDate === null || draft.TxnDate === '') draft.TxnDate = ctx.today();
  if (!isDate(draft.TxnDate)) throw faults.validation('2010', 'Request has invalid or unsupported property', `Property Name:TxnDate has an invalid date ${JSON.stringify(draft.TxnDate)}`, 'TxnDate');
  return draft.TxnDate;
}

/**
 * DocNumber: with custom transaction numbers off, QBO numbers the form itself; `AUTO_GENERATE`
 * always asks for the next number. With custom numbers on, an absent DocNumber stays absent.
 */
export function applyDocNumber(ctx: EntityContext, draft: Draft, previous: QboRecord | undefined, sequence: string | undefined): void {
  const given = draft.DocNumber;
  if (previous && given === undefined) return;
  if (sequence && (given === 'AUTO_GENERATE' || given === undefined || given === null || given === '')) {
    const custom = ((ctx.preferences().SalesFormsPrefs ?? {}) as Draft).CustomTxnNumbers === true;
    if (given === 'AUTO_GENERATE' || !custom) draft.DocNumber = ctx.nextDocNumber(sequence);
    else delete draft.DocNumber;
  }
  if (typeof draft.DocNumber === 'string' && draft.DocNumber.length > 21) throw faults.tooLong('DocNumber', 21, draft.DocNumber.length);
}

/** Whether the company has turned multicurrency on (Preferences.CurrencyPrefs; the UI only, never the API). */
export function multicurrencyEnabled(ctx: EntityContext): boolean {
  return ((ctx.preferences().CurrencyPrefs ?? {}) as Draft).MultiCurrencyEnabled === true;
}

/** The currency code a CurrencyRef names, upper-cased ("nzd" and {"value":"NZD"} alike). */
function currencyCode(given: unknown): string | undefined {
  if (isObject(given) && typeof given.value === 'string' && given.value.trim() !== '') return given.value.trim().toUpperCase();
  if (typeof given === 'string' && given.trim() !== '') return given.trim().toUpperCase();
  return undefined;
}

/** A name-list record's CurrencyRef as a code (the home currency when it has none). */
export function partyCurrency(ctx: EntityContext, party: QboRecord | undefined): string {
  return currencyCode(party?.CurrencyRef) ?? ctx.profile.currency.value;
}

/** The CurrencyRef QBO returns: code and name ("New Zealand Dollar"). */
export function currencyRef(code: string): Draft {
  return { value: code, name: CURRENCY_NAMES[code] ?? code };
}

const CURRENCY_NAMES: Record<string, string> = {
  AUD: 'Australian Dollar',
  NZD: 'New Zealand Dollar',
  USD: 'United States Dollar',
  GBP: 'British Pound Sterling',
  EUR: 'Euro',
  CAD: 'Canadian Dollar',
};

/**
 * CurrencyRef and ExchangeRate of a transaction (facts: docs/qbo-facts/multicurrency.md).
 * Multicurrency off: only the home currency, and no exchange rate. On: the currency defaults to the
 * customer's or vendor's and must equal it; a foreign currency takes the ExchangeRate sent (home
 * units per foreign unit) or QBO's own rate for the TxnDate, and fails when there is none; the home
 * currency always has rate 1. Returns the rate the home amounts are computed with.
 */
export function applyCurrency(ctx: EntityContext, draft: Draft, party?: { record: QboRecord; label: string }): Decimal {
  const home = ctx.profile.currency.value;
  const given = currencyCode(draft.CurrencyRef);
  if (!multicurrencyEnabled(ctx)) {
    if (given !== undefined && given !== home) {
      throw faults.businessValidation(`Multicurrency is not enabled; the currency must be ${home}.`, 'CurrencyRef');
    }
    draft.CurrencyRef = ctx.profile.currency;
    delete draft.ExchangeRate;
    return dec(1);
  }
  const expected = party ? partyCurrency(ctx, party.record) : home;
  const code = given ?? expected;
  if (code !== expected) {
    throw faults.businessValidation(`The transaction currency (${code}) must be the ${party?.label ?? 'home'} currency (${expected}).`, 'CurrencyRef');
  }
  draft.CurrencyRef = currencyRef(code);
  if (code === home) {
    draft.ExchangeRate = 1;
    return dec(1);
  }
  let rate: Decimal | undefined;
  if (draft.ExchangeRate !== undefined && draft.ExchangeRate !== null) {
    requireAmount(draft.ExchangeRate, 'ExchangeRate');
    rate = dec(draft.ExchangeRate);
    if (!rate.greaterThan(0)) throw faults.businessValidation('The exchange rate must be greater than zero.', 'ExchangeRate');
  } else {
    const date = typeof draft.TxnDate === 'string' ? draft.TxnDate : ctx.today();
    rate = ctx.exchangeRate(code, date);
    if (!rate) throw faults.businessValidation(`There is no exchange rate for ${code} on ${date}; enter one on the transaction.`, 'ExchangeRate');
  }
  draft.ExchangeRate = rate.toNumber();
  return rate;
}

/** Home-currency amounts (HomeTotalAmt, HomeBalance...): the foreign amount times the rate, to cents. */
export function homeAmount(value: unknown, rate: Decimal): number {
  return amount(dec(value).times(rate));
}

/** Fills `Home<Field>` from each field when the company has multicurrency (QBO omits them otherwise). */
export function applyHomeAmounts(ctx: EntityContext, draft: Draft, fields: readonly string[]): void {
  if (!multicurrencyEnabled(ctx)) return;
  const rate = dec(draft.ExchangeRate ?? 1);
  for (const f of fields) if (draft[f] !== undefined) draft[`Home${f}`] = homeAmount(draft[f], rate);
}

/** GlobalTaxCalculation is required for non-US companies and meaningless (dropped) for US ones. */
export function applyGlobalTax(ctx: EntityContext, draft: Draft): GlobalTaxCalculation | undefined {
  if (ctx.profile.country === 'US') {
    delete draft.GlobalTaxCalculation;
    return undefined;
  }
  if (draft.GlobalTaxCalculation === undefined || draft.GlobalTaxCalculation === null) throw faults.requiredMissing('GlobalTaxCalculation');
  return oneOf(draft.GlobalTaxCalculation, ['TaxExcluded', 'TaxInclusive', 'NotApplicable'] as const, 'GlobalTaxCalculation');
}

export function applyHeaderRefs(ctx: EntityContext, draft: Draft): void {
  const cls = resolveOptional(ctx, 'Class', draft.ClassRef, 'ClassRef');
  if (cls) draft.ClassRef = cls;
  const dept = resolveOptional(ctx, 'Department', draft.DepartmentRef, 'DepartmentRef');
  if (dept) draft.DepartmentRef = dept;
}

/** DueDate: explicit, else from the form's term, the party's term, the company default term, else TxnDate. */
export function applyDueDate(ctx: EntityContext, draft: Draft, termField: 'SalesTermRef', partyTerm: unknown): void {
  const txnDate = String(draft.TxnDate);
  const term = resolveOptional(ctx, 'Term', draft[termField], termField);
  if (term) draft[termField] = term;
  if (draft.DueDate !== undefined && draft.DueDate !== null) {
    if (!isDate(draft.DueDate)) throw faults.validation('2010', 'Request has invalid or unsupported property', `Property Name:DueDate has an invalid date`, 'DueDate');
    return;
  }
  const prefsTerm = ((ctx.preferences().SalesFormsPrefs ?? {}) as Draft).DefaultTerms;
  const termId = term?.value ?? (isObject(partyTerm) ? String(partyTerm.value) : undefined) ?? (isObject(prefsTerm) ? String(prefsTerm.value) : undefined);
  const record = termId ? ctx.find('Term', termId) : undefined;
  draft.DueDate = record ? dueDateFor(record, txnDate) : txnDate;
}

/** Zero every amount of a line tree (void keeps the record but empties its money). */
function zeroLine(line: Draft): Draft {
  const out: Draft = { ...line, Amount: 0 };
  for (const [k, v] of Object.entries(line)) {
    if (k.endsWith('LineDetail') && isObject(v)) {
      const d: Draft = { ...v };
      if (d.Qty !== undefined) d.Qty = 0;
      if (d.TaxInclusiveAmt !== undefined) d.TaxInclusiveAmt = 0;
      out[k] = d;
    }
  }
  return out;
}

/** QBO's voided form: amounts and quantities to 0, "Voided" in PrivateNote (facts §1.2). */
export function voidedForm(record: QboRecord, extraZero: readonly string[] = []): Draft {
  const out: Draft = { ...record };
  out.Line = ((record.Line as Draft[] | undefined) ?? []).map(zeroLine);
  for (const f of ['TotalAmt', 'Balance', 'HomeTotalAmt', 'HomeBalance', ...extraZero]) if (out[f] !== undefined) out[f] = 0;
  if (isObject(record.TxnTaxDetail)) out.TxnTaxDetail = { TotalTax: 0 };
  out.PrivateNote = 'Voided';
  out.TxnStatus = 'Voided';
  return out;
}

export function isVoided(record: Draft): boolean {
  return record.TxnStatus === 'Voided';
}

/**
 * Validation and normalisation of every ledger record input, as pure functions: given the input and
 * the references it names (already looked up by the service), either the record's normalised
 * content or the complete list of problems, each naming its input field. Nothing here touches the
 * database, so the service can check everything before its single write.
 */
import { createHash } from 'node:crypto';
import { type FieldProblem } from '../errors/domain.errors.js';
import {
  type Dec,
  type DecimalRule,
  dec,
  decimalProblem,
  lineAmount,
  money,
  MONEY,
  plain,
  POSITIVE_MONEY,
  SIGNED_MONEY,
  sum,
} from '../money/money.js';
import { localDateProblem } from './local-date.rules.js';
import {
  type BadDebtWriteOffInput,
  type CreditNoteInput,
  type CustomerInput,
  type ExpenseInput,
  type InvoiceInput,
  type PaymentInput,
  type PaymentRefundInput,
  type PurchaseLineInput,
  type SupplierInput,
  type SupplierInvoiceInput,
} from './ledger-record.input.js';
import {
  type InvoiceLine,
  type InvoiceLineKind,
  type InvoiceType,
  type LedgerKind,
  type LedgerRecordBase,
  type LedgerRecordOf,
  type PaymentRefund,
  type PostalAddress,
  type PurchaseLine,
  type RecordStatus,
} from './ledger-record.types.js';

/** A record's own content: everything but the identity and bookkeeping fields every record shares. */
export type ContentOf<K extends LedgerKind> = Omit<LedgerRecordOf<K>, keyof LedgerRecordBase | 'kind'>;
/** Payments also keep their currency (checked against each invoice's). */
export type PaymentContent = ContentOf<'payment'> & { currency: string };

export interface Ref {
  id: string;
}

export interface InvoiceRef extends Ref {
  number: string;
  customerId: string;
  currency: string;
  status: RecordStatus;
  /** Total less ACTIVE payments, credit notes and write-offs, not counting the record being validated. */
  outstanding: string;
}

/** The referenced records, by the FSM's externalId; undefined when the tenant has none by that id. */
export interface RefLookup {
  customer(externalId: string): (Ref & { currency?: string }) | undefined;
  supplier(externalId: string): Ref | undefined;
  jobType(externalId: string): Ref | undefined;
  supply(externalId: string): Ref | undefined;
  team(externalId: string): Ref | undefined;
  paymentMethod(externalId: string): (Ref & { isCard: boolean }) | undefined;
  invoice(externalId: string): InvoiceRef | undefined;
}

export type RuleResult<T> = { ok: true; content: T } | { ok: false; problems: FieldProblem[] };

export const INVOICE_LINE_KINDS: readonly InvoiceLineKind[] = ['LABOUR', 'SUPPLIES', 'OTHER', 'DISCOUNT'];
/** Exchange rates: home units per one foreign unit, up to 10 decimal places. */
const EXCHANGE_RATE: DecimalRule = { scale: 10, sign: 'positive' };
export const INVOICE_TYPES: readonly InvoiceType[] = ['STANDARD', 'PROGRESS_CLAIM', 'COMPLETION', 'FINAL_RETENTION'];

/** Collects problems under the `input` argument while reading and normalising fields. */
class Checker {
  readonly problems: FieldProblem[] = [];

  add(path: (string | number)[], message: string): void {
    this.problems.push({ path: ['input', ...path.map(String)], message });
  }

  /** Trimmed text; required text must be non-empty; null when optional and blank. */
  text(path: (string | number)[], value: string | null | undefined, options: { required?: boolean; max: number }): string | undefined {
    const trimmed = value?.trim() ?? '';
    if (!trimmed) {
      if (options.required) this.add(path, 'is required');
      return undefined;
    }
    if (trimmed.length > options.max) this.add(path, `must be at most ${options.max} characters`);
    return trimmed;
  }

  decimal(path: (string | number)[], value: string | null | undefined, rule: DecimalRule, options: { required: boolean }): Dec | undefined {
    if (value === null || value === undefined || value.trim() === '') {
      if (options.required) this.add(path, 'is required');
      return undefined;
    }
    const problem = decimalProblem(value, rule);
    if (problem) {
      this.add(path, problem);
      return undefined;
    }
    return dec(value);
  }

  date(path: (string | number)[], value: string | null | undefined, options: { required: boolean }): string | undefined {
    if (value === null || value === undefined || value === '') {
      if (options.required) this.add(path, 'is required');
      return undefined;
    }
    const problem = localDateProblem(value);
    if (problem) {
      this.add(path, problem);
      return undefined;
    }
    return value;
  }

  ref<R>(path: (string | number)[], what: string, externalId: string | null | undefined, find: (id: string) => R | undefined, options: { required: boolean }): R | undefined {
    const key = externalId?.trim();
    if (!key) {
      if (options.required) this.add(path, 'is required');
      return undefined;
    }
    const found = find(key);
    if (!found) this.add(path, `no ${what} with externalId "${key}"`);
    return found;
  }

  currency(path: (string | number)[], value: string): string | undefined {
    const code = value.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(code)) {
      this.add(path, 'must be a three-letter ISO 4217 currency code such as "AUD"');
      return undefined;
    }
    return code;
  }

  lineIds(lines: readonly { lineId: string }[]): string[] {
    const seen = new Set<string>();
    return lines.map((line, i) => {
      const id = this.text(['lines', i, 'lineId'], line.lineId, { required: true, max: 100 }) ?? '';
      if (id && seen.has(id)) this.add(['lines', i, 'lineId'], `"${id}" appears on more than one line`);
      seen.add(id);
      return id;
    });
  }

  result<T>(content: T): RuleResult<T> {
    return this.problems.length > 0 ? { ok: false, problems: this.problems } : { ok: true, content };
  }
}

/** Copies only the defined values, so absent optionals stay absent (and hash the same as before). */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_LINES = 500;

export function checkExternalId(externalId: string): FieldProblem | null {
  const trimmed = externalId.trim();
  if (!trimmed || trimmed.length > 100) return { path: ['input', 'externalId'], message: 'must be 1-100 characters' };
  return null;
}

// ---- customers and suppliers ----------------------------------------------------------------------

/** `hasTransactions`: the customer's currency is fixed once it has invoices or payments (as in QuickBooks). */
export function customerRules(input: CustomerInput, existing?: { currency?: string; hasTransactions: boolean }): RuleResult<ContentOf<'customer'>> {
  const c = new Checker();
  const currency = input.currency?.trim() ? c.currency(['currency'], input.currency) : undefined;
  if (existing?.hasTransactions && (currency ?? null) !== (existing.currency ?? null)) {
    c.add(['currency'], `cannot change: the customer already has invoices or payments in ${existing.currency ?? 'the home currency'}`);
  }
  const email = c.text(['email'], input.email, { max: 100 });
  if (email && !EMAIL.test(email)) c.add(['email'], 'is not an email address');
  const address = input.billingAddress
    ? defined<PostalAddress>({
        line1: c.text(['billingAddress', 'line1'], input.billingAddress.line1, { max: 500 }),
        line2: c.text(['billingAddress', 'line2'], input.billingAddress.line2, { max: 500 }),
        city: c.text(['billingAddress', 'city'], input.billingAddress.city, { max: 255 }),
        region: c.text(['billingAddress', 'region'], input.billingAddress.region, { max: 255 }),
        postalCode: c.text(['billingAddress', 'postalCode'], input.billingAddress.postalCode, { max: 30 }),
        country: c.text(['billingAddress', 'country'], input.billingAddress.country, { max: 255 }),
      })
    : undefined;
  return c.result(
    defined<ContentOf<'customer'>>({
      // QBO's DisplayName limit is 500 characters.
      displayName: c.text(['displayName'], input.displayName, { required: true, max: 500 }) ?? '',
      companyName: c.text(['companyName'], input.companyName, { max: 100 }),
      givenName: c.text(['givenName'], input.givenName, { max: 100 }),
      familyName: c.text(['familyName'], input.familyName, { max: 100 }),
      email,
      phone: c.text(['phone'], input.phone, { max: 30 }),
      billingAddress: address && Object.keys(address).length > 0 ? address : undefined,
      currency,
    }),
  );
}

export function supplierRules(input: SupplierInput): RuleResult<ContentOf<'supplier'>> {
  const c = new Checker();
  const email = c.text(['email'], input.email, { max: 100 });
  if (email && !EMAIL.test(email)) c.add(['email'], 'is not an email address');
  return c.result(
    defined<ContentOf<'supplier'>>({
      displayName: c.text(['displayName'], input.displayName, { required: true, max: 500 }) ?? '',
      companyName: c.text(['companyName'], input.companyName, { max: 100 }),
      email,
      phone: c.text(['phone'], input.phone, { max: 30 }),
      defaultExpenseAccountId: c.text(['defaultExpenseAccountId'], input.defaultExpenseAccountId, { max: 50 }),
    }),
  );
}

// ---- invoices -----------------------------------------------------------------------------------

/** What the stored invoice already carries that an edit must respect. */
export interface InvoiceSettlement {
  customerId: string;
  currency: string;
  /** ACTIVE payments + credit notes + write-offs applied to it. */
  settled: string;
}

export function invoiceRules(input: InvoiceInput, refs: RefLookup, existing?: InvoiceSettlement): RuleResult<ContentOf<'invoice'>> {
  const c = new Checker();
  const type: InvoiceType = input.type ?? 'STANDARD';
  const taxInclusive = input.taxInclusive ?? false;
  const customer = c.ref(['customerExternalId'], 'customer', input.customerExternalId, (id) => refs.customer(id), { required: true });
  const number = c.text(['number'], input.number, { required: true, max: 21 }) ?? '';
  const date = c.date(['date'], input.date, { required: true }) ?? '';
  const dueDate = c.date(['dueDate'], input.dueDate, { required: false });
  if (date && dueDate && dueDate < date) c.add(['dueDate'], 'must not be before the invoice date');
  const currency = c.currency(['currency'], input.currency) ?? '';
  if (customer?.currency && currency && currency !== customer.currency) c.add(['currency'], `must be the customer's currency (${customer.currency})`);
  const exchangeRate = c.decimal(['exchangeRate'], input.exchangeRate, EXCHANGE_RATE, { required: false });

  if (input.lines.length === 0 && type !== 'FINAL_RETENTION') c.add(['lines'], 'must have at least one line');
  if (input.lines.length > MAX_LINES) c.add(['lines'], `must have at most ${MAX_LINES} lines`);
  const lineIds = c.lineIds(input.lines);
  const lines: InvoiceLine[] = input.lines.map((line, i) => {
    const at = (field: string) => ['lines', i, field];
    // Labour and supplies are sold, never bought back: negative amounts belong on OTHER lines (adjustments) and DISCOUNT lines.
    const signed = line.kind === 'OTHER' || line.kind === 'DISCOUNT';
    const rule: DecimalRule = signed ? { scale: 6, sign: 'any' } : { scale: 6, sign: 'nonNegative' };
    const quantity = c.decimal(at('quantity'), line.quantity, rule, { required: true });
    const unitPrice = c.decimal(at('unitPrice'), line.unitPrice, rule, { required: true });
    const amount = c.decimal(at('amount'), line.amount, signed ? SIGNED_MONEY : MONEY, { required: true });
    if (line.kind === 'DISCOUNT' && amount?.greaterThan(0)) c.add(at('amount'), 'a DISCOUNT line must not be positive');
    if (quantity && unitPrice && amount) {
      const expected = lineAmount(line.quantity, line.unitPrice);
      if (!expected.equals(amount)) c.add(at('amount'), `must equal quantity x unitPrice rounded half-up to cents (${money(expected)})`);
    }
    const supply = c.ref(at('supplyExternalId'), 'supply', line.supplyExternalId, (id) => refs.supply(id), { required: false });
    if (supply && line.kind !== 'SUPPLIES') c.add(at('supplyExternalId'), 'only SUPPLIES lines name a supply');
    return defined<InvoiceLine>({
      lineId: lineIds[i]!,
      kind: line.kind,
      description: c.text(at('description'), line.description, { max: 4000 }) ?? '',
      quantity: quantity ? plain(line.quantity) : '0',
      unitPrice: unitPrice ? plain(line.unitPrice) : '0',
      amount: amount ? money(amount) : '0.00',
      taxCode: c.text(at('taxCode'), line.taxCode, { max: 100 }),
      taxable: line.taxable ?? undefined,
      jobTypeId: c.ref(at('jobTypeExternalId'), 'job type', line.jobTypeExternalId, (id) => refs.jobType(id), { required: false })?.id,
      supplyId: supply?.id,
      teamId: c.ref(at('teamExternalId'), 'team', line.teamExternalId, (id) => refs.team(id), { required: false })?.id,
    });
  });

  const withheld = c.decimal(['retentionWithheld'], input.retentionWithheld, MONEY, { required: false });
  const released = c.decimal(['retentionReleased'], input.retentionReleased, MONEY, { required: false });
  // The FSM withholds retention on "an Invoice or Progress Claim"; completion and final retention invoices release it.
  if (withheld && !withheld.isZero() && type !== 'PROGRESS_CLAIM' && type !== 'STANDARD') c.add(['retentionWithheld'], 'only a STANDARD invoice or a PROGRESS_CLAIM withholds retention');
  if (released && !released.isZero() && type !== 'COMPLETION' && type !== 'FINAL_RETENTION') c.add(['retentionReleased'], 'only COMPLETION and FINAL_RETENTION invoices release retention');
  if (type === 'FINAL_RETENTION' && input.lines.length === 0 && !released?.greaterThan(0)) c.add(['retentionReleased'], 'a FINAL_RETENTION invoice without lines must release retention');

  const subtotal = c.decimal(['subtotal'], input.subtotal, SIGNED_MONEY, { required: true });
  const totalTax = c.decimal(['totalTax'], input.totalTax, MONEY, { required: true });
  const total = c.decimal(['total'], input.total, MONEY, { required: true });
  const linesValid = lines.length === input.lines.length && !c.problems.some((p) => p.path[1] === 'lines');
  if (subtotal && linesValid) {
    const expected = sum(lines.map((l) => l.amount));
    if (!expected.equals(subtotal)) c.add(['subtotal'], `must equal the sum of the line amounts (${money(expected)})`);
  }
  if (subtotal && totalTax && total) {
    const beforeRetention = taxInclusive ? subtotal : subtotal.plus(totalTax);
    if (taxInclusive && totalTax.greaterThan(subtotal.abs())) c.add(['totalTax'], 'must not exceed the tax-inclusive subtotal');
    if (withheld && withheld.greaterThan(beforeRetention)) c.add(['retentionWithheld'], `must not exceed the invoice amount before retention (${money(beforeRetention)})`);
    const expected = beforeRetention.minus(withheld ?? 0).plus(released ?? 0);
    if (!expected.equals(total)) {
      const how = taxInclusive ? 'subtotal' : 'subtotal + totalTax';
      c.add(['total'], `must equal ${how} - retentionWithheld + retentionReleased (${money(expected)})`);
    }
  }
  if (existing && total && dec(existing.settled).greaterThan(total)) c.add(['total'], `must not be less than what is already paid, credited or written off (${money(existing.settled)})`);
  if (existing && !dec(existing.settled).isZero()) {
    if (customer && customer.id !== existing.customerId) c.add(['customerExternalId'], 'cannot change: the invoice already has payments, credits or write-offs');
    if (currency && currency !== existing.currency) c.add(['currency'], 'cannot change: the invoice already has payments, credits or write-offs');
  }

  return c.result(
    defined<ContentOf<'invoice'>>({
      customerId: customer?.id ?? '',
      number,
      date,
      dueDate,
      currency,
      exchangeRate: exchangeRate ? plain(exchangeRate.toString()) : undefined,
      type,
      taxInclusive,
      lines,
      retentionWithheld: withheld && !withheld.isZero() ? money(withheld) : undefined,
      retentionReleased: released && !released.isZero() ? money(released) : undefined,
      subtotal: subtotal ? money(subtotal) : '',
      totalTax: totalTax ? money(totalTax) : '',
      total: total ? money(total) : '',
      jobNumber: c.text(['jobNumber'], input.jobNumber, { max: 100 }),
      customerOrderNumber: c.text(['customerOrderNumber'], input.customerOrderNumber, { max: 100 }),
      siteAddress: c.text(['siteAddress'], input.siteAddress, { max: 1000 }),
      workOrder: c.text(['workOrder'], input.workOrder, { max: 100 }),
      teamId: c.ref(['teamExternalId'], 'team', input.teamExternalId, (id) => refs.team(id), { required: false })?.id,
      jobTypeId: c.ref(['jobTypeExternalId'], 'job type', input.jobTypeExternalId, (id) => refs.jobType(id), { required: false })?.id,
    }),
  );
}

/** Checks that `invoice` can take `amount` more from a record of `customerId` (path: where to report). */
function applicableInvoice(c: Checker, path: (string | number)[], invoice: InvoiceRef, customerId: string | undefined): boolean {
  if (invoice.status !== 'ACTIVE') {
    c.add(path, `invoice ${invoice.number} is ${invoice.status}`);
    return false;
  }
  if (customerId && invoice.customerId !== customerId) {
    c.add(path, `invoice ${invoice.number} belongs to another customer`);
    return false;
  }
  return true;
}

// ---- payments -----------------------------------------------------------------------------------

/** The part of a payment neither applied to invoices nor refunded: customer credit (a deposit or an overpayment). */
export function unappliedOf(payment: { amount: string; allocations: readonly { amount: string }[]; refunds?: readonly { amount: string }[] }): Dec {
  return dec(payment.amount).minus(sum(payment.allocations.map((a) => a.amount))).minus(sum((payment.refunds ?? []).map((r) => r.amount)));
}

/** `existingRefunds`: the refunds the stored payment already holds (kept when the input names none; never dropped). */
export function paymentRules(input: PaymentInput, refs: RefLookup, existingRefunds: readonly PaymentRefund[] = []): RuleResult<PaymentContent> {
  const c = new Checker();
  const customer = c.ref(['customerExternalId'], 'customer', input.customerExternalId, (id) => refs.customer(id), { required: true });
  const date = c.date(['date'], input.date, { required: true }) ?? '';
  const currency = c.currency(['currency'], input.currency);
  if (customer?.currency && currency && currency !== customer.currency) c.add(['currency'], `must be the customer's currency (${customer.currency})`);
  const exchangeRate = c.decimal(['exchangeRate'], input.exchangeRate, EXCHANGE_RATE, { required: false });
  const amount = c.decimal(['amount'], input.amount, POSITIVE_MONEY, { required: true });
  const method = c.ref(['paymentMethodExternalId'], 'payment method', input.paymentMethodExternalId, (id) => refs.paymentMethod(id), { required: true });
  const surcharge = c.decimal(['surcharge'], input.surcharge, MONEY, { required: false });
  if (surcharge && !surcharge.isZero() && method && !method.isCard) c.add(['surcharge'], 'only card payments carry a surcharge');

  // No allocations is a deposit (paid before invoicing); allocations below the amount leave the rest as
  // customer credit (an overpayment), applied later by recording the payment again with more allocations.
  const seen = new Set<string>();
  const allocations = input.allocations.map((allocation, i) => {
    const at = (field: string) => ['allocations', i, field];
    const part = c.decimal(at('amount'), allocation.amount, POSITIVE_MONEY, { required: true });
    const invoice = c.ref(at('invoiceExternalId'), 'invoice', allocation.invoiceExternalId, (id) => refs.invoice(id), { required: true });
    if (invoice) {
      if (seen.has(invoice.id)) c.add(at('invoiceExternalId'), `invoice ${invoice.number} appears in more than one allocation`);
      seen.add(invoice.id);
      if (applicableInvoice(c, at('invoiceExternalId'), invoice, customer?.id)) {
        if (currency && invoice.currency !== currency) c.add(at('invoiceExternalId'), `invoice ${invoice.number} is in ${invoice.currency}, the payment in ${currency}`);
        if (part && part.greaterThan(dec(invoice.outstanding))) c.add(at('amount'), `exceeds the outstanding balance of invoice ${invoice.number} (${money(invoice.outstanding)})`);
      }
    }
    return { invoiceId: invoice?.id ?? '', amount: part ? money(part) : '' };
  });
  const refunds = input.refunds === null || input.refunds === undefined ? [...existingRefunds] : paymentRefunds(c, input.refunds, existingRefunds, date);
  if (amount && allocations.every((a) => a.amount) && refunds.every((r) => r.amount)) {
    const allocated = sum(allocations.map((a) => a.amount));
    const refunded = sum(refunds.map((r) => r.amount));
    if (allocated.greaterThan(amount)) c.add(['allocations'], `apply ${money(allocated)} to invoices, more than the payment amount ${money(amount)}`);
    else if (allocated.plus(refunded).greaterThan(amount)) {
      c.add(['refunds'], `refund ${money(refunded)} in all, but only ${money(amount.minus(allocated))} of this payment is not applied to invoices`);
    }
  }
  return c.result(
    defined<PaymentContent>({
      customerId: customer?.id ?? '',
      date,
      currency: currency ?? '',
      allocations,
      amount: amount ? money(amount) : '',
      paymentMethodId: method?.id ?? '',
      exchangeRate: exchangeRate ? plain(exchangeRate.toString()) : undefined,
      surcharge: surcharge && !surcharge.isZero() ? money(surcharge) : undefined,
      reference: c.text(['reference'], input.reference, { max: 100 }),
      // Absent while there are none, so a payment without refunds hashes as it always did.
      refunds: refunds.length > 0 ? refunds : undefined,
    }),
  );
}

function paymentRefunds(c: Checker, input: readonly PaymentRefundInput[], existing: readonly PaymentRefund[], paymentDate: string): PaymentRefund[] {
  const seen = new Set<string>();
  const refunds = input.map((refund, i) => {
    const at = (field: string) => ['refunds', i, field];
    const refundId = c.text(at('refundId'), refund.refundId, { required: true, max: 100 }) ?? '';
    if (refundId && seen.has(refundId)) c.add(at('refundId'), `"${refundId}" appears on more than one refund`);
    seen.add(refundId);
    const date = c.date(at('date'), refund.date, { required: true }) ?? '';
    if (date && paymentDate && date < paymentDate) c.add(at('date'), `is before the payment date ${paymentDate}`);
    const amount = c.decimal(at('amount'), refund.amount, POSITIVE_MONEY, { required: true });
    return defined<PaymentRefund>({ refundId, date, amount: amount ? money(amount) : '', reference: c.text(at('reference'), refund.reference, { max: 100 }) });
  });
  for (const before of existing) {
    const now = refunds.find((r) => r.refundId === before.refundId);
    if (!now) c.add(['refunds'], `refund ${before.refundId} (${before.amount}) was recorded already and cannot be removed: void the payment instead`);
    else if (now.amount !== before.amount || now.date !== before.date) c.add(['refunds'], `refund ${before.refundId} (${before.amount} on ${before.date}) was recorded already and cannot be changed`);
  }
  return refunds;
}

// ---- credit notes and write-offs ------------------------------------------------------------------

export function creditNoteRules(input: CreditNoteInput, refs: RefLookup): RuleResult<ContentOf<'creditNote'>> {
  const c = new Checker();
  const taxInclusive = input.taxInclusive ?? false;
  const customer = c.ref(['customerExternalId'], 'customer', input.customerExternalId, (id) => refs.customer(id), { required: true });
  const invoice = c.ref(['invoiceExternalId'], 'invoice', input.invoiceExternalId, (id) => refs.invoice(id), { required: false });
  if (input.lines.length === 0) c.add(['lines'], 'must have at least one line');
  if (input.lines.length > MAX_LINES) c.add(['lines'], `must have at most ${MAX_LINES} lines`);
  const lineIds = c.lineIds(input.lines);
  const lines = input.lines.map((line, i) => {
    const amount = c.decimal(['lines', i, 'amount'], line.amount, POSITIVE_MONEY, { required: true });
    return defined({
      lineId: lineIds[i]!,
      description: c.text(['lines', i, 'description'], line.description, { max: 4000 }) ?? '',
      amount: amount ? money(amount) : '',
      taxCode: c.text(['lines', i, 'taxCode'], line.taxCode, { max: 100 }),
      taxable: line.taxable ?? undefined,
    });
  });
  const { totalTax, total } = checkTotals(c, lines, input.totalTax, input.total, taxInclusive);
  if (invoice && applicableInvoice(c, ['invoiceExternalId'], invoice, customer?.id) && total && dec(total).greaterThan(dec(invoice.outstanding))) {
    c.add(['total'], `exceeds the outstanding balance of invoice ${invoice.number} (${money(invoice.outstanding)})`);
  }
  return c.result(
    defined<ContentOf<'creditNote'>>({
      customerId: customer?.id ?? '',
      invoiceId: invoice?.id,
      number: c.text(['number'], input.number, { required: true, max: 21 }) ?? '',
      date: c.date(['date'], input.date, { required: true }) ?? '',
      taxInclusive,
      lines,
      totalTax,
      total,
    }),
  );
}

export function badDebtWriteOffRules(input: BadDebtWriteOffInput, refs: RefLookup): RuleResult<ContentOf<'badDebtWriteOff'>> {
  const c = new Checker();
  const invoice = c.ref(['invoiceExternalId'], 'invoice', input.invoiceExternalId, (id) => refs.invoice(id), { required: true });
  const amount = c.decimal(['amount'], input.amount, POSITIVE_MONEY, { required: true });
  if (invoice && applicableInvoice(c, ['invoiceExternalId'], invoice, undefined) && amount && amount.greaterThan(dec(invoice.outstanding))) {
    c.add(['amount'], `exceeds the outstanding balance of invoice ${invoice.number} (${money(invoice.outstanding)})`);
  }
  return c.result(
    defined<ContentOf<'badDebtWriteOff'>>({
      invoiceId: invoice?.id ?? '',
      customerId: invoice?.customerId ?? '',
      date: c.date(['date'], input.date, { required: true }) ?? '',
      amount: amount ? money(amount) : '',
      reason: c.text(['reason'], input.reason, { max: 1000 }),
    }),
  );
}

// ---- supplier invoices and expenses ---------------------------------------------------------------

function purchaseLines(c: Checker, input: readonly PurchaseLineInput[], refs: RefLookup): PurchaseLine[] {
  if (input.length === 0) c.add(['lines'], 'must have at least one line');
  if (input.length > MAX_LINES) c.add(['lines'], `must have at most ${MAX_LINES} lines`);
  const lineIds = c.lineIds(input);
  return input.map((line, i) => {
    const at = (field: string) => ['lines', i, field];
    const amount = c.decimal(at('amount'), line.amount, MONEY, { required: true });
    const supply = c.ref(at('supplyExternalId'), 'supply', line.supplyExternalId, (id) => refs.supply(id), { required: false });
    const quantity = c.decimal(at('quantity'), line.quantity, { scale: 6, sign: 'positive' }, { required: !!supply });
    const unitCost = c.decimal(at('unitCost'), line.unitCost, { scale: 6, sign: 'nonNegative' }, { required: false });
    if (!supply && (quantity || unitCost)) c.add(at('supplyExternalId'), 'is required with quantity or unitCost');
    if (quantity && unitCost && amount && line.quantity && line.unitCost) {
      const expected = lineAmount(line.quantity, line.unitCost);
      if (!expected.equals(amount)) c.add(at('amount'), `must equal quantity x unitCost rounded half-up to cents (${money(expected)})`);
    }
    return defined<PurchaseLine>({
      lineId: lineIds[i]!,
      description: c.text(at('description'), line.description, { max: 4000 }) ?? '',
      amount: amount ? money(amount) : '',
      accountId: c.text(at('accountId'), line.accountId, { max: 50 }),
      taxCode: c.text(at('taxCode'), line.taxCode, { max: 100 }),
      taxable: line.taxable ?? undefined,
      teamId: c.ref(at('teamExternalId'), 'team', line.teamExternalId, (id) => refs.team(id), { required: false })?.id,
      supplyId: supply?.id,
      quantity: quantity && line.quantity ? plain(line.quantity) : undefined,
      unitCost: unitCost && line.unitCost ? plain(line.unitCost) : undefined,
    });
  });
}

/** total = sum of lines (+ totalTax when tax-exclusive), reported on `total`. */
function checkTotals(c: Checker, lines: readonly { amount: string }[], totalTaxInput: string, totalInput: string, taxInclusive: boolean): { totalTax: string; total: string } {
  const totalTax = c.decimal(['totalTax'], totalTaxInput, MONEY, { required: true });
  const total = c.decimal(['total'], totalInput, MONEY, { required: true });
  if (totalTax && total && lines.every((l) => l.amount)) {
    const lineSum = sum(lines.map((l) => l.amount));
    if (taxInclusive && totalTax.greaterThan(lineSum)) c.add(['totalTax'], 'must not exceed the tax-inclusive line total');
    const expected = taxInclusive ? lineSum : lineSum.plus(totalTax);
    if (!expected.equals(total)) c.add(['total'], `must equal the sum of the line amounts${taxInclusive ? '' : ' + totalTax'} (${money(expected)})`);
  }
  return { totalTax: totalTax ? money(totalTax) : '', total: total ? money(total) : '' };
}

export function supplierInvoiceRules(input: SupplierInvoiceInput, refs: RefLookup): RuleResult<ContentOf<'supplierInvoice'>> {
  const c = new Checker();
  const taxInclusive = input.taxInclusive ?? false;
  const supplier = c.ref(['supplierExternalId'], 'supplier', input.supplierExternalId, (id) => refs.supplier(id), { required: true });
  const date = c.date(['date'], input.date, { required: true }) ?? '';
  const dueDate = c.date(['dueDate'], input.dueDate, { required: false });
  if (date && dueDate && dueDate < date) c.add(['dueDate'], 'must not be before the supplier invoice date');
  const lines = purchaseLines(c, input.lines, refs);
  const { totalTax, total } = checkTotals(c, lines, input.totalTax, input.total, taxInclusive);
  return c.result(
    defined<ContentOf<'supplierInvoice'>>({
      supplierId: supplier?.id ?? '',
      number: c.text(['number'], input.number, { required: true, max: 21 }) ?? '',
      date,
      dueDate,
      taxInclusive,
      lines,
      totalTax,
      total,
    }),
  );
}

export function expenseRules(input: ExpenseInput, refs: RefLookup): RuleResult<ContentOf<'expense'>> {
  const c = new Checker();
  const taxInclusive = input.taxInclusive ?? false;
  const supplier = c.ref(['supplierExternalId'], 'supplier', input.supplierExternalId, (id) => refs.supplier(id), { required: false });
  const lines = purchaseLines(c, input.lines, refs);
  const { totalTax, total } = checkTotals(c, lines, input.totalTax, input.total, taxInclusive);
  return c.result(
    defined<ContentOf<'expense'>>({
      supplierId: supplier?.id,
      date: c.date(['date'], input.date, { required: true }) ?? '',
      paidFromAccountId: c.text(['paidFromAccountId'], input.paidFromAccountId, { max: 50 }),
      taxInclusive,
      lines,
      totalTax,
      total,
      reference: c.text(['reference'], input.reference, { max: 100 }),
    }),
  );
}

// ---- content hash -------------------------------------------------------------------------------

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined && v !== null)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** A hash of the normalised content: equal content (whatever key order or "10.5" vs "10.50") hashes equal. */
export function contentHash(content: object): string {
  return createHash('sha256').update(JSON.stringify(canonical(content))).digest('hex');
}

/**
 * The company's tax as the QBO payloads need it: its tax codes (read from the chart cache when the
 * session opens), each code's rates (read from QBO once per run, when a total or a split needs them)
 * and, in the US, whether sales tax is automated or manual.
 */
import { type Decimal } from 'decimal.js';
import { dec, money } from '../../../money/money.js';
import { type PushContext } from '../../../sync/push/push.context.js';
import { type CompanyTax, type QboRef, type UsSalesTax } from '../../../sync/push.types.js';
import { SyncProblem } from '../../../sync/sync.errors.js';
import { type QboClient, type QboRecord } from '../qbo.client.js';
import { type TaxRateTable, taxRateTable } from '../qbo-total.rules.js';

export function companyTax(country: string | undefined, taxCodes: { qboId: string; name: string; taxable: boolean | null }[]): CompanyTax {
  const isUS = (country ?? 'US').toUpperCase() === 'US';
  if (isUS) return { isUS, taxCodesByName: new Map(), exemptCode: { value: 'NON' } };
  const byName = new Map(taxCodes.map((c) => [c.name.trim().toLowerCase(), { value: c.qboId, name: c.name }]));
  // Retention and rounding lines carry no tax: GST-free where the company has it, else any non-taxable code.
  const exempt = byName.get('fre') ?? byName.get('n-t') ?? taxCodes.filter((c) => c.taxable === false).map((c) => ({ value: c.qboId, name: c.name }))[0] ?? null;
  return { isUS, taxCodesByName: byName, exemptCode: exempt, taxableCodeIds: new Set(taxCodes.filter((c) => c.taxable !== false).map((c) => c.qboId)) };
}

/** QBO's TaxCode and TaxRate lists (both reads of the company's rates start here). */
function taxLists(client: QboClient): Promise<[QboRecord[], QboRecord[]]> {
  return Promise.all([client.queryPage<QboRecord>('TaxCode', 'maxresults 1000'), client.queryPage<QboRecord>('TaxRate', 'maxresults 1000')]);
}

/**
 * The company's tax with each code's combined sales rate, read from QBO once per run (TaxCode and
 * TaxRate lists) when a surcharge or write-off is split by the supply's tax codes. A dry run, which
 * reads nothing, splits by QBO's Taxable flags instead.
 */
export async function withSalesRates(ctx: PushContext): Promise<CompanyTax> {
  const { session } = ctx;
  const client = session.client;
  if (session.tax.salesRates || !client) return session.tax;
  const [codes, rates] = await taxLists(client);
  const percent = new Map(rates.map((r) => [r.Id, dec(typeof r.RateValue === 'number' ? r.RateValue : 0)]));
  const salesRates = new Map<string, Decimal>();
  for (const code of codes) {
    const details = (code.SalesTaxRateList as { TaxRateDetail?: { TaxRateRef?: { value?: string } }[] } | undefined)?.TaxRateDetail ?? [];
    salesRates.set(code.Id, details.reduce((sum, d) => sum.plus(percent.get(d.TaxRateRef?.value ?? '') ?? 0), dec(0)));
  }
  session.tax = { ...session.tax, salesRates };
  return session.tax;
}

/** The company's tax rates per code (non-US), read from QuickBooks once per run. */
export function taxRates(ctx: PushContext): Promise<TaxRateTable> {
  const { session } = ctx;
  let table = session.taxRates;
  if (!table) {
    table = taxLists(session.client!).then(([codes, rates]) => taxRateTable(codes, rates));
    session.taxRates = table;
    table.catch(() => (session.taxRates = undefined));
  }
  return table;
}

/**
 * How a US company charges sales tax, and for a manual one the code the transaction must carry
 * (docs/qbo-facts/us-sales-tax.md). A manual company charges nothing without a code, so a taxed
 * record for a customer QBO has no sales tax rate for is held back here, before any write.
 */
export async function usSalesTax(ctx: PushContext, customer: QboRef, totalTax: string, label: string): Promise<UsSalesTax | undefined> {
  const { session } = ctx;
  if (!session.tax.isUS) return undefined;
  const client = session.client;
  if (!client) return { kind: 'UNKNOWN' };
  session.usSalesTaxKind ??= client.queryPage<QboRecord>('Preferences', '').then((rows) => {
    const prefs = (rows[0]?.TaxPrefs ?? {}) as { PartnerTaxEnabled?: boolean };
    return prefs.PartnerTaxEnabled === false ? 'MANUAL' : 'AUTOMATED';
  });
  let kind: 'AUTOMATED' | 'MANUAL';
  try {
    kind = await session.usSalesTaxKind;
  } catch (error) {
    session.usSalesTaxKind = undefined; // a failed read is retried by the next record, not cached
    throw error;
  }
  if (kind === 'AUTOMATED' || dec(totalTax).isZero()) return { kind };
  const qboCustomer = await client.read<QboRecord>('Customer', customer.value);
  const code = qboCustomer.DefaultTaxCodeRef as QboRef | undefined;
  if (code?.value) return { kind, code: { value: code.value } };
  const name = typeof qboCustomer.DisplayName === 'string' ? qboCustomer.DisplayName : (customer.name ?? customer.value);
  throw new SyncProblem('SALES_TAX_CODE_MISSING', `QuickBooks has no sales tax rate for customer "${name}", so it cannot record the ${money(dec(totalTax))} sales tax of ${label} (this company uses manual sales tax).`, {
    fixHint: `In QuickBooks, open customer "${name}", choose its sales tax rate under Tax info, then retry.`,
    retryable: true,
  });
}

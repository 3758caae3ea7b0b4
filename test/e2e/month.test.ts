/**
 * A realistic month of a field-service business (200 invoices; `MONTH_INVOICES` changes it), fed in through the public GraphQL API and pushed to
 * the AU (GST) and the US simulator companies: customers, job types and supplies with income-account
 * overrides, teams as classes, 200 invoices (progress claims with retention withheld and completion
 * invoices releasing it), cash and card payments (card surcharges), credit notes, a bad-debt write-off,
 * US sales tax (8.875% on materials and hire, labour untaxed; the company on automated sales tax),
 * supplier invoices and expenses, plus records dated before the accounting start date. Then QuickBooks
 * is read back: every transaction has the expected accounts, items, classes, tax codes and the FSM's
 * totals and tax to the cent, the open invoice balances add up to what the FSM says is still owed, and
 * nothing dated before the start date exists there. The AU month is pushed a
 * second time into a fresh company while the simulator injects 429s, 500s, timeouts, stale SyncTokens
 * and responses lost after commit: the end state must be the same (no duplicate, nothing missing).
 */
import { Decimal } from 'decimal.js';
import { type TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IssueCreditNoteDocument,
  RecordPaymentDocument,
  SetJobTypeAccountsDocument,
  SetPaymentMethodSurchargeAccountDocument,
  SetSupplyIncomeAccountDocument,
  StartSyncDocument,
  SyncRunDocument,
  UpsertCustomerDocument,
  UpsertExpenseDocument,
  UpsertInvoiceDocument,
  UpsertJobTypeDocument,
  UpsertPaymentMethodDocument,
  UpsertSupplierDocument,
  UpsertSupplierInvoiceDocument,
  UpsertSupplyDocument,
  UpsertTeamDocument,
  UpdateAccountingSettingsDocument,
  WriteOffBadDebtDocument,
  type UpsertInvoiceInput,
} from '../generated/graphql.js';
import { accountIdByName } from '../helpers/accounting-setup.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { gql } from '../helpers/graphql-client.js';
import { connectTenant, realmOf } from '../helpers/quickbooks.js';

// The full month of the acceptance criteria by default (about 30 s per company on the embedded FerretDB).
const INVOICE_COUNT = Number(process.env.MONTH_INVOICES ?? 200);
const D = (v: Decimal.Value) => new Decimal(v);
const money = (v: Decimal) => v.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Profile {
  country: 'AU' | 'US';
  currency: string;
  accounts: Record<'labour' | 'labourDomestic' | 'hire' | 'materials' | 'bank' | 'clearing' | 'rounding' | 'retention' | 'credit' | 'badDebt' | 'bills' | 'expenses' | 'inventory' | 'surcharge' | 'fuel', string>;
  teams: [string, string];
  /** Push under injected faults (429, 500, timeouts, stale SyncTokens, responses lost after commit). */
  faults?: boolean;
  /** Multicurrency on in QBO, with a few NZD customers (invoices and payments) alongside the home-currency business. */
  nzd?: boolean;
}

const PROFILES: Profile[] = [
  {
    country: 'AU',
    currency: 'AUD',
    accounts: {
      labour: 'Labour Income', labourDomestic: 'Labour Income - Domestic', hire: 'Labour Income - Commercial', materials: 'Materials Income', bank: 'Business Cheque Account',
      clearing: 'Card Clearing', rounding: 'Rounding', retention: 'Retention Income', credit: 'Discounts Given', badDebt: 'Bad Debts', bills: 'Materials Purchased',
      expenses: 'Motor Vehicle Expenses', inventory: 'Inventory Asset', surcharge: 'Card Surcharge Income', fuel: 'Tools & Equipment',
    },
    teams: ['Plumbing', 'Electrical'],
    nzd: true,
  },
  {
    country: 'US',
    currency: 'USD',
    accounts: {
      labour: 'Services', labourDomestic: 'Labor Income - Residential', hire: 'Labor Income - Commercial', materials: 'Materials Income', bank: 'Checking',
      clearing: 'Card Clearing', rounding: 'Discounts given', retention: 'Retainage Income', credit: 'Discounts given', badDebt: 'Bad Debts', bills: 'Cost of Goods Sold',
      expenses: 'Automobile', inventory: 'Inventory Asset', surcharge: 'Card Surcharge Income', fuel: 'Job Supplies',
    },
    teams: ['Plumbing', 'HVAC'],
  },
];
// The AU month again, pushed while the simulator misbehaves: the end state must be the same.
PROFILES.push({ ...PROFILES[0]!, nzd: false, faults: true });

interface QboLine { Amount: number; DetailType: string; Description?: string; SalesItemLineDetail?: { ItemRef: { value: string }; ClassRef?: { value: string; name?: string }; TaxCodeRef?: { value: string } }; AccountBasedExpenseLineDetail?: { AccountRef: { value: string } }; LinkedTxn?: { TxnId: string; TxnType: string }[] }
interface QboTxn { Id: string; DocNumber?: string; TxnDate: string; TotalAmt: number; Balance?: number; HomeTotalAmt?: number; HomeBalance?: number; ExchangeRate?: number; CurrencyRef?: { value: string }; CustomerRef?: { value: string }; Line: QboLine[]; DepositToAccountRef?: { value: string }; AccountRef?: { value: string }; PrivateNote?: string; TxnTaxDetail?: { TotalTax?: number } }

for (const profile of PROFILES) {
  describe(`a month of ${profile.country} business${profile.nzd ? ' with NZD customers' : ''}${profile.faults ? ' pushed under injected faults' : ''}`, () => {
    let gw: TestGateway;
    let key: string;
    let tenantId: string;
    let realmId: string;
    const ids: Record<string, string> = {};
    const expected = {
      invoices: new Map<string, { total: string; tax: string; lines: { amount: string; account: string; team: string; taxCode?: string }[] }>(),
      /** What the FSM says is still owed on this month's invoices after payments, credits and write-offs. */
      open: D(0),
      payments: [] as { amount: string; card: boolean; surcharge?: string }[],
      credits: [] as string[],
      bills: new Map<string, { total: string; accounts: string[] }>(),
      expenses: [] as { total: string; account: string }[],
      beforeStart: [] as string[],
      /** NZD invoices by number: foreign total, the rate QBO must hold (the FSM's or QBO's own), NZD paid. */
      nzInvoices: new Map<string, { total: Decimal; rate: string; paid: Decimal; customer: string }>(),
      nzPayments: [] as { externalId: string; amount: string; rate: string }[],
    };
    // QBO's own NZD rates in the AU company: the seeded feed rate, then one the bookkeeper enters mid-month.
    const qboNzdRate = (date: string) => (date >= '2026-10-16' ? '0.9088' : '0.9105');

    async function ok<R, V>(document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
      const result = await gql(gw.graphqlUrl, document, variables, key);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!;
    }
    async function qbo(entity: string): Promise<QboTxn[]> {
      return ((await (await fetch(`${gw.app.quickbooks.endpoints.apiBaseUrl}/_sandbox/entities/${realmId}/${entity}`)).json()) as { records: QboTxn[] }).records;
    }

    /** What a bookkeeper does in QuickBooks itself (the simulator's admin actions). */
    async function act(action: string, body: Record<string, unknown> = {}): Promise<void> {
      const response = await fetch(`${gw.app.quickbooks.endpoints.apiBaseUrl}/_sandbox/act/${realmId}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(response.status).toBe(200);
    }

    beforeAll(async () => {
      // The simulator and the gateway's pacing share one compressed clock (a QBO minute in 3 s).
      gw = await startTestGateway(`month_${profile.country}`, {
        FIELDBOOKS_SYNC_WORKER: 'false',
        QBO_SANDBOX_TIME_SCALE: '20',
        QBO_LIMIT_WINDOW_MS: '3000',
        // Under faults a held call is given up after 1.5 s (and retried) rather than 30.
        ...(profile.faults ? { QBO_HTTP_TIMEOUT_MS: '1500' } : {}),
      });
      const tenant = await gw.app.services.tenants.createTenant(`Month ${profile.country}`);
      key = tenant.apiKey;
      tenantId = tenant.tenant.id;
      await connectTenant(gw, key, profile.country);
      realmId = realmOf(gw, profile.country).realmId;
      if (profile.nzd) {
        await act('enable-multicurrency');
        await act('set-exchange-rate', { currency: 'NZD', asOfDate: '2026-10-16', rate: '0.9088' });
      }
      for (const [name, account] of Object.entries(profile.accounts)) ids[name] = await accountIdByName(gw.graphqlUrl, key, account);
      await ok(UpdateAccountingSettingsDocument, {
        input: {
          defaultLabourIncomeAccountId: ids.labour,
          defaultSuppliesIncomeAccountId: ids.materials,
          paymentsAccountId: ids.bank,
          creditCardPaymentsAccountId: ids.clearing,
          defaultRoundingAccountId: ids.rounding,
          retentionIncomeAccountId: ids.retention,
          creditNoteAccountId: ids.credit,
          badDebtAccountId: ids.badDebt,
          defaultSupplierInvoiceAccountId: ids.bills,
          defaultExpenseAccountId: ids.expenses,
          defaultInventoryAccountId: ids.inventory,
          teamTrackingCategory: 'CLASS',
          accountingStartDate: '2026-10-01',
        },
      });
    }, 120_000);
    afterAll(async () => {
      if (process.env.MONTH_PROFILE) {
        const log = gw.app.quickbooks.simulator!.state.requests.list();
        const byPath = new Map<string, { n: number; ms: number }>();
        for (const r of log) {
          const k = `${r.method} ${r.path.replace(/\d+/g, 'N')}`;
          const e = byPath.get(k) ?? { n: 0, ms: 0 };
          e.n++;
          e.ms += r.durationMs;
          byPath.set(k, e);
        }
        console.log([...byPath].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12));
      }
      await gw?.close();
    });

    it('feeds the month in through the API', async () => {
      const random = rng(profile.country === 'AU' ? 7 : 11);
      const domestic = await ok(UpsertJobTypeDocument, { input: { externalId: 'jt-domestic', name: 'Domestic' } });
      await ok(SetJobTypeAccountsDocument, { jobTypeId: domestic.upsertJobType.id, labourIncomeAccountId: ids.labourDomestic });
      await ok(UpsertJobTypeDocument, { input: { externalId: 'jt-commercial', name: 'Commercial' } });
      const hire = await ok(UpsertSupplyDocument, { input: { externalId: 'sup-hire', name: 'Excavator hire (per hour)', code: 'EXC-1' } });
      await ok(SetSupplyIncomeAccountDocument, { supplyId: hire.upsertSupply.id, incomeAccountId: ids.hire });
      await ok(UpsertSupplyDocument, { input: { externalId: 'sup-pipe', name: 'Copper pipe 15mm (per m)', code: 'CP15' } });
      for (const [i, team] of profile.teams.entries()) await ok(UpsertTeamDocument, { input: { externalId: `team-${i}`, name: team } });
      await ok(UpsertPaymentMethodDocument, { input: { externalId: 'pm-eft', name: 'EFT', isCard: false } });
      const visa = await ok(UpsertPaymentMethodDocument, { input: { externalId: 'pm-visa', name: 'Visa', isCard: true } });
      await ok(SetPaymentMethodSurchargeAccountDocument, { paymentMethodId: visa.upsertPaymentMethod.id, surchargeIncomeAccountId: ids.surcharge });
      for (let c = 0; c < 25; c++) {
        await ok(UpsertCustomerDocument, { input: { externalId: `cust-${c}`, displayName: `${profile.country} Month Customer ${String(c).padStart(2, '0')}`, email: `c${c}@month-${profile.country.toLowerCase()}.example` } });
      }

      // GST 10% in AU; in the US 8.875% sales tax (New York City) on materials and hire, labour untaxed.
      const rate = profile.country === 'AU' ? '0.1' : '0.08875';
      const tax = (lineAmounts: { amount: Decimal; taxable: boolean }[]) => lineAmounts.filter((l) => l.taxable).reduce((sum, l) => sum.plus(l.amount), D(0)).times(rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

      // `fx`: an invoice to an NZD customer, GST-free as an export (EXP), at the FSM's rate or (none given) QBO's.
      const makeInvoice = (n: number, date: string, extra: Partial<UpsertInvoiceInput> = {}, fx?: { customer: string; rate?: string }): UpsertInvoiceInput & { totalValue: Decimal } => {
        const teamIndex = n % 2;
        const jobType = n % 3 === 0 ? 'jt-domestic' : 'jt-commercial';
        const lines: UpsertInvoiceInput['lines'] = [];
        const amounts: { amount: Decimal; taxable: boolean }[] = [];
        const exp: { amount: string; account: string; team: string; taxCode?: string }[] = [];
        const hours = D(Math.floor(random() * 8) + 1).div(2);
        const rate = D(85 + Math.floor(random() * 60)).plus('0.50');
        const labour = hours.times(rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
        const gstFree = profile.country === 'AU' && n % 10 === 0;
        const gst = fx ? 'EXP' : 'GST';
        const labourCode = fx ? 'EXP' : gstFree ? 'FRE' : 'GST';
        lines.push({ lineId: 'l1', kind: 'LABOUR', description: 'Labour', quantity: hours.toString(), unitPrice: rate.toFixed(2), amount: money(labour), jobTypeExternalId: jobType, teamExternalId: `team-${teamIndex}`, ...(profile.country === 'AU' ? { taxCode: labourCode } : { taxable: false }) });
        amounts.push({ amount: labour, taxable: profile.country === 'AU' && !gstFree && !fx });
        exp.push({ amount: money(labour), account: jobType === 'jt-domestic' ? ids.labourDomestic! : ids.labour!, team: profile.teams[teamIndex]!, taxCode: profile.country === 'AU' ? labourCode : undefined });
        if (n % 2 === 0) {
          const metres = D(Math.floor(random() * 20) + 1);
          const pipe = metres.times('12.35');
          lines.push({ lineId: 'l2', kind: 'SUPPLIES', description: 'Copper pipe', quantity: metres.toString(), unitPrice: '12.35', amount: money(pipe), supplyExternalId: 'sup-pipe', teamExternalId: `team-${teamIndex}`, ...(profile.country === 'AU' ? { taxCode: gst } : { taxable: true }) });
          amounts.push({ amount: pipe, taxable: !fx });
          exp.push({ amount: money(pipe), account: ids.materials!, team: profile.teams[teamIndex]!, taxCode: profile.country === 'AU' ? gst : undefined });
        }
        if (n % 5 === 0) {
          const hrs = D(Math.floor(random() * 4) + 2);
          const amount = hrs.times('165.00');
          lines.push({ lineId: 'l3', kind: 'SUPPLIES', description: 'Excavator hire', quantity: hrs.toString(), unitPrice: '165.00', amount: money(amount), supplyExternalId: 'sup-hire', teamExternalId: `team-${teamIndex}`, ...(profile.country === 'AU' ? { taxCode: gst } : { taxable: true }) });
          amounts.push({ amount, taxable: !fx });
          exp.push({ amount: money(amount), account: ids.hire!, team: profile.teams[teamIndex]!, taxCode: profile.country === 'AU' ? gst : undefined });
        }
        const subtotal = amounts.reduce((s, l) => s.plus(l.amount), D(0));
        const totalTax = tax(amounts);
        const withheld = extra.retentionWithheld ? D(extra.retentionWithheld) : D(0);
        const released = extra.retentionReleased ? D(extra.retentionReleased) : D(0);
        const total = subtotal.plus(totalTax).minus(withheld).plus(released);
        const number = fx ? `NZ-${1000 + n}` : String(7000 + n);
        expected.invoices.set(number, { total: money(total), tax: money(totalTax), lines: exp });
        if (fx) expected.nzInvoices.set(number, { total, rate: fx.rate ?? qboNzdRate(date), paid: D(0), customer: fx.customer });
        return {
          externalId: `inv-${number}`,
          customerExternalId: fx?.customer ?? `cust-${n % 25}`,
          number,
          date,
          currency: fx ? 'NZD' : profile.currency,
          ...(fx?.rate ? { exchangeRate: fx.rate } : {}),
          jobTypeExternalId: jobType,
          jobNumber: `J-${number}`,
          lines,
          subtotal: money(subtotal),
          totalTax: money(totalTax),
          total: money(total),
          ...extra,
          totalValue: total,
        };
      };

      const invoiceTotals = new Map<string, Decimal>();
      const push = async (input: UpsertInvoiceInput & { totalValue: Decimal }) => {
        const { totalValue, ...rest } = input;
        await ok(UpsertInvoiceDocument, { input: rest });
        invoiceTotals.set(rest.externalId, totalValue);
      };
      for (let n = 0; n < INVOICE_COUNT; n++) {
        const day = String(1 + (n % 30)).padStart(2, '0');
        if (n % 40 === 1) {
          // A progress claim withholding 5% retention, and later its completion invoice releasing it.
          const claim = makeInvoice(n, `2026-10-${day}`, { type: 'PROGRESS_CLAIM' });
          const withheld = D(claim.subtotal).times('0.05').toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
          expected.invoices.delete(claim.number);
          await push(makeInvoice(n, `2026-10-${day}`, { type: 'PROGRESS_CLAIM', retentionWithheld: money(withheld) }));
          n++;
          await push(makeInvoice(n, '2026-10-30', { type: 'COMPLETION', retentionReleased: money(withheld) }));
          continue;
        }
        await push(makeInvoice(n, `2026-10-${day}`));
      }
      for (let n = INVOICE_COUNT; n < INVOICE_COUNT + 5; n++) {
        const before = makeInvoice(n, '2026-09-2' + String(n - INVOICE_COUNT));
        expected.invoices.delete(before.number);
        expected.beforeStart.push(before.number);
        await push(before);
      }

      // Payments: most invoices paid, some by card with a 1.5% surcharge, some partially.
      let p = 0;
      for (const [externalId, total] of invoiceTotals) {
        const n = Number(externalId.slice(4)) - 7000;
        if (n >= INVOICE_COUNT || n % 7 === 3 || n === 2 || n === 4) continue; // unpaid (n 2 is written off, n 4 gets a credit note)
        const card = n % 4 === 0;
        const amount = n % 9 === 0 ? total.div(2).toDecimalPlaces(2, Decimal.ROUND_DOWN) : total;
        const surcharge = card ? amount.times('0.015').toDecimalPlaces(2, Decimal.ROUND_HALF_UP) : undefined;
        await ok(RecordPaymentDocument, {
          input: {
            externalId: `pay-${p++}`,
            customerExternalId: `cust-${n % 25}`,
            date: '2026-10-31',
            currency: profile.currency,
            amount: money(amount),
            paymentMethodExternalId: card ? 'pm-visa' : 'pm-eft',
            ...(surcharge ? { surcharge: money(surcharge) } : {}),
            allocations: [{ invoiceExternalId: externalId, amount: money(amount) }],
          },
        });
        expected.payments.push({ amount: money(amount), card, surcharge: surcharge ? money(surcharge) : undefined });
        expected.open = expected.open.minus(amount);
      }

      if (profile.nzd) {
        // NZD customers: 16 export invoices (every other one at the FSM's own rate, the rest at QBO's, on both
        // sides of the bookkeeper's mid-month rate), most paid on the 31st (some in part, at the FSM's rate or QBO's).
        for (let c = 0; c < 4; c++) await ok(UpsertCustomerDocument, { input: { externalId: `nz-cust-${c}`, displayName: `${profile.country} Month NZ Customer ${c}`, currency: 'NZD' } });
        for (let n = 0; n < 16; n++) {
          const fxRate = n % 2 === 1 ? D('0.9071').plus(D(n).times('0.0013')).toFixed(4) : undefined;
          const input = makeInvoice(n, `2026-10-${String(1 + n * 2).padStart(2, '0')}`, {}, { customer: `nz-cust-${n % 4}`, rate: fxRate });
          await push(input);
          if (n % 4 === 3) continue; // left unpaid
          const invoice = expected.nzInvoices.get(input.number)!;
          const amount = n % 3 === 0 ? invoice.total.div(2).toDecimalPlaces(2, Decimal.ROUND_DOWN) : invoice.total;
          const payRate = n % 5 === 0 ? undefined : D('0.9102').plus(D(n).times('0.0009')).toFixed(4);
          const externalId = `nz-pay-${n}`;
          await ok(RecordPaymentDocument, {
            input: { externalId, customerExternalId: invoice.customer, date: '2026-10-31', currency: 'NZD', ...(payRate ? { exchangeRate: payRate } : {}), amount: money(amount), paymentMethodExternalId: 'pm-eft', allocations: [{ invoiceExternalId: input.externalId, amount: money(amount) }] },
          });
          invoice.paid = amount;
          expected.nzPayments.push({ externalId, amount: money(amount), rate: payRate ?? qboNzdRate('2026-10-31') });
          expected.payments.push({ amount: money(amount), card: false });
        }
      }

      // A credit note against invoice 7004 and a bad-debt write-off of invoice 7002.
      const creditAmount = D('40.00');
      const creditTax = creditAmount.times(rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
      await ok(IssueCreditNoteDocument, {
        input: { externalId: 'cn-1', customerExternalId: 'cust-4', invoiceExternalId: 'inv-7004', number: 'CN-1', date: '2026-10-20', lines: [{ lineId: 'c1', description: 'Goodwill', amount: '40.00', ...(profile.country === 'AU' ? { taxCode: 'GST' } : { taxable: true }) }], totalTax: money(creditTax), total: money(creditAmount.plus(creditTax)) },
      });
      expected.credits.push(money(creditAmount.plus(creditTax)));
      await ok(WriteOffBadDebtDocument, { input: { externalId: 'bd-1', invoiceExternalId: 'inv-7002', date: '2026-10-31', amount: money(invoiceTotals.get('inv-7002')!), reason: 'Customer went into liquidation' } });
      expected.credits.push(money(invoiceTotals.get('inv-7002')!));
      expected.open = expected.open.minus(creditAmount.plus(creditTax)).minus(invoiceTotals.get('inv-7002')!);
      for (const [number, invoice] of expected.invoices) if (Number(number) >= 7000) expected.open = expected.open.plus(invoice.total);

      // Suppliers, their invoices (bills) and expenses.
      for (let s = 0; s < 3; s++) await ok(UpsertSupplierDocument, { input: { externalId: `sup-${s}`, displayName: `${profile.country} Month Supplier ${s}` } });
      for (let b = 0; b < 10; b++) {
        const amount = D(100 + b * 17).plus('0.45');
        const t = profile.country === 'AU' ? amount.times('0.1').toDecimalPlaces(2, Decimal.ROUND_HALF_UP) : D(0);
        const lineAccount = b === 3 ? ids.fuel : undefined;
        await ok(UpsertSupplierInvoiceDocument, {
          input: { externalId: `bill-${b}`, supplierExternalId: `sup-${b % 3}`, number: `SI-${b}`, date: '2026-10-15', lines: [{ lineId: 'b1', description: 'Materials', amount: money(amount), ...(lineAccount ? { accountId: lineAccount } : {}), ...(profile.country === 'AU' ? { taxCode: 'GST' } : { taxable: false }) }], totalTax: money(t), total: money(amount.plus(t)) },
        });
        expected.bills.set(`SI-${b}`, { total: money(amount.plus(t)), accounts: [lineAccount ?? ids.bills!] });
      }
      for (let e = 0; e < 8; e++) {
        const amount = D(30 + e * 11).plus('0.80');
        const t = profile.country === 'AU' ? amount.times('0.1').toDecimalPlaces(2, Decimal.ROUND_HALF_UP) : D(0);
        await ok(UpsertExpenseDocument, {
          input: { externalId: `exp-${e}`, supplierExternalId: `sup-${e % 3}`, date: e === 7 ? '2026-09-15' : '2026-10-18', lines: [{ lineId: 'e1', description: 'Fuel', amount: money(amount), ...(profile.country === 'AU' ? { taxCode: 'GST' } : { taxable: false }) }], totalTax: money(t), total: money(amount.plus(t)) },
        });
        if (e !== 7) expected.expenses.push({ total: money(amount.plus(t)), account: ids.expenses! });
      }
    }, 240_000);

    async function fault(method: 'POST' | 'DELETE', rule?: Record<string, unknown>): Promise<void> {
      const response = await fetch(`${gw.app.quickbooks.endpoints.apiBaseUrl}/_sandbox/faults`, { method, headers: { 'content-type': 'application/json' }, body: rule ? JSON.stringify({ realmId, ...rule }) : undefined });
      expect(response.status).toBeLessThan(300);
    }

    it(profile.faults ? 'pushes it through faults, then a retry run settles what they left' : 'pushes it all in one run', async () => {
      if (profile.faults) {
        await fault('POST', { kind: '429', rate: 0.05 });
        await fault('POST', { kind: '500', rate: 0.05 });
        await fault('POST', { kind: 'drop-after-commit', rate: 0.1, method: 'POST' });
        await fault('POST', { kind: 'timeout', rate: 0.02, holdMs: 2500 });
        await fault('POST', { kind: 'stale-synctoken', rate: 0.05, method: 'POST' });
        const stormy = await ok(StartSyncDocument, { input: {} });
        await gw.app.services.sync.runs.idle(tenantId);
        const first = (await ok(SyncRunDocument, { id: stormy.startSync.id })).syncRun!;
        expect(first.processed).toBe(first.total);
        // The storm really hit the push: faults of every kind were injected into its calls.
        const injected = new Set(gw.app.quickbooks.simulator!.state.requests.list().flatMap((r) => (r.injected ? [r.injected] : [])));
        expect([...injected].sort()).toEqual(expect.arrayContaining(['429', '500', 'drop-after-commit', 'stale-synctoken']));
        await fault('DELETE');
      }
      // Calm weather (or the only run): whatever the faults left failed is pushed now, once.
      const started = await ok(StartSyncDocument, { input: {} });
      await gw.app.services.sync.runs.idle(tenantId);
      const run = (await ok(SyncRunDocument, { id: started.startSync.id })).syncRun!;
      expect({ status: run.status, failed: run.failed, blocked: run.blocked, error: run.error }).toEqual({ status: 'SUCCEEDED', failed: 0, blocked: 0, error: null });
    }, 120_000 + INVOICE_COUNT * 3_000);

    it('has every invoice once, with the expected accounts, classes, tax codes and totals to the cent', async () => {
      const invoices = (await qbo('Invoice')).filter((i) => Number(i.DocNumber) >= 7000 || i.DocNumber?.startsWith('NZ-'));
      const numbers = invoices.map((i) => i.DocNumber!).sort();
      expect(numbers).toEqual([...expected.invoices.keys()].sort());
      const items = new Map((await qbo('Item')).map((i) => [i.Id, i as unknown as { IncomeAccountRef?: { value: string } }]));
      const taxCodeIds = profile.country === 'AU' ? { GST: '3', FRE: '4', EXP: '7' } : {};
      for (const invoice of invoices) {
        const exp = expected.invoices.get(invoice.DocNumber!)!;
        expect(D(invoice.TotalAmt).toFixed(2), `invoice ${invoice.DocNumber} total`).toBe(exp.total);
        expect(D(invoice.TxnTaxDetail?.TotalTax ?? 0).toFixed(2), `invoice ${invoice.DocNumber} tax`).toBe(exp.tax);
        const salesLines = invoice.Line.filter((l) => l.DetailType === 'SalesItemLineDetail');
        for (const line of exp.lines) {
          const match = salesLines.find((l) => D(l.Amount).toFixed(2) === line.amount && items.get(l.SalesItemLineDetail!.ItemRef.value)?.IncomeAccountRef?.value === line.account);
          expect(match, `invoice ${invoice.DocNumber}: a ${line.amount} line on account ${line.account}`).toBeDefined();
          expect(match!.SalesItemLineDetail!.ClassRef?.name ?? match!.SalesItemLineDetail!.ClassRef?.value).toBeTruthy();
          if (line.taxCode) expect(match!.SalesItemLineDetail!.TaxCodeRef?.value).toBe(taxCodeIds[line.taxCode as 'GST' | 'FRE' | 'EXP']);
        }
      }
      // Retention: the claim's withheld line sits on an item of the retention account.
      const retentionLines = invoices.flatMap((i) => i.Line).filter((l) => l.SalesItemLineDetail && items.get(l.SalesItemLineDetail.ItemRef.value)?.IncomeAccountRef?.value === ids.retention);
      expect(retentionLines.some((l) => l.Amount < 0)).toBe(true);
      expect(retentionLines.some((l) => l.Amount > 0)).toBe(true);
    });

    it('has every payment, surcharge, credit, bill and expense once, in the right accounts', async () => {
      // The seeded companies carry older transactions of their own: only this month's are ours.
      const ours = async (entity: string) => (await qbo(entity)).filter((t) => t.TxnDate >= '2026-10-01');
      const payments = (await ours('Payment')).filter((p) => p.TotalAmt > 0);
      expect(payments.map((p) => D(p.TotalAmt).toFixed(2)).sort()).toEqual(expected.payments.map((p) => p.amount).sort());
      const deposits = payments.map((p) => p.DepositToAccountRef?.value);
      expect(deposits.filter((d) => d === ids.clearing)).toHaveLength(expected.payments.filter((p) => p.card).length);
      expect(deposits.filter((d) => d === ids.bank)).toHaveLength(expected.payments.filter((p) => !p.card).length);
      const surcharges = await ours('SalesReceipt');
      expect(surcharges.map((s) => D(s.TotalAmt).toFixed(2)).sort()).toEqual(expected.payments.filter((p) => p.surcharge).map((p) => p.surcharge!).sort());
      const credits = await ours('CreditMemo');
      expect(credits.map((c) => D(c.TotalAmt).toFixed(2)).sort()).toEqual([...expected.credits].sort());
      const writtenOff = (await qbo('Invoice')).find((i) => i.DocNumber === '7002')!;
      expect(writtenOff.Balance).toBe(0);
      // The write-off (all of invoice 7002, a completion invoice: GST lines plus GST-free retention released)
      // takes its GST back: 1/11 of the GST-inclusive part written off in AU; none in the US.
      const writeOff = credits.find((c) => c.PrivateNote === 'fieldbooks bad-debt write-off bd-1')!;
      const inv7002 = expected.invoices.get('7002')!;
      const gstInclusive = inv7002.lines.filter((l) => l.taxCode === 'GST').reduce((sum, l) => sum.plus(l.amount), D(0)).plus(inv7002.tax);
      const writeOffTax = profile.country === 'AU' ? gstInclusive.minus(gstInclusive.div('1.1').toDecimalPlaces(2, Decimal.ROUND_HALF_UP)) : D(0);
      expect(D(writeOff.TxnTaxDetail?.TotalTax ?? 0).toFixed(2)).toBe(money(writeOffTax));
      // The month balances: what QuickBooks still shows open is what the FSM says is owed, to the cent.
      const open = (await qbo('Invoice')).filter((i) => Number(i.DocNumber) >= 7000).reduce((sum, i) => sum.plus(D(i.Balance ?? 0)), D(0));
      expect(money(open)).toBe(money(expected.open));
      const bills = (await qbo('Bill')).filter((b) => b.DocNumber?.startsWith('SI-')); // the company's own seeded bills aside
      expect(bills.map((b) => b.DocNumber).sort()).toEqual([...expected.bills.keys()].sort());
      for (const bill of bills) {
        const exp = expected.bills.get(bill.DocNumber!)!;
        expect(D(bill.TotalAmt).toFixed(2)).toBe(exp.total);
        expect(bill.Line.filter((l) => l.AccountBasedExpenseLineDetail).map((l) => l.AccountBasedExpenseLineDetail!.AccountRef.value)).toEqual(exp.accounts);
      }
      const purchases = (await qbo('Purchase')).filter((p) => p.TxnDate >= '2026-10-01');
      expect(purchases.map((p) => D(p.TotalAmt).toFixed(2)).sort()).toEqual(expected.expenses.map((e) => e.total).sort());
      for (const purchase of purchases) expect(purchase.Line.map((l) => l.AccountBasedExpenseLineDetail?.AccountRef.value)).toEqual([ids.expenses]);
    });

    if (profile.nzd) {
      it('has every NZD invoice and payment once, in NZD, with foreign and home totals and balances to the cent', async () => {
        const homeOf = (value: Decimal.Value, rate: string) => Number(money(D(value).times(rate))); // QBO rounds home amounts half-up to the cent
        const customers = new Map((await qbo('Customer')).map((c) => [c.Id, c as unknown as { DisplayName: string; CurrencyRef?: { value: string } }]));
        const invoices = (await qbo('Invoice')).filter((i) => i.DocNumber?.startsWith('NZ-'));
        expect(invoices.map((i) => i.DocNumber).sort()).toEqual([...expected.nzInvoices.keys()].sort());
        for (const invoice of invoices) {
          const exp = expected.nzInvoices.get(invoice.DocNumber!)!;
          const balance = exp.total.minus(exp.paid);
          expect(customers.get(invoice.CustomerRef!.value), `invoice ${invoice.DocNumber} customer`).toMatchObject({ DisplayName: `${profile.country} Month NZ Customer ${exp.customer.replace('nz-cust-', '')}`, CurrencyRef: { value: 'NZD' } });
          expect({ number: invoice.DocNumber, currency: invoice.CurrencyRef?.value, rate: invoice.ExchangeRate, total: invoice.TotalAmt, home: invoice.HomeTotalAmt, balance: invoice.Balance, homeBalance: invoice.HomeBalance }).toEqual({
            number: invoice.DocNumber, currency: 'NZD', rate: Number(exp.rate), total: exp.total.toNumber(), home: homeOf(exp.total, exp.rate), balance: balance.toNumber(), homeBalance: homeOf(balance, exp.rate),
          });
        }
        const payments = (await qbo('Payment')).filter((p) => p.PrivateNote?.startsWith('fieldbooks payment nz-pay-'));
        expect(payments.map((p) => p.PrivateNote).sort()).toEqual(expected.nzPayments.map((p) => `fieldbooks payment ${p.externalId}`).sort());
        for (const exp of expected.nzPayments) {
          const payment = payments.find((p) => p.PrivateNote === `fieldbooks payment ${exp.externalId}`)!;
          expect({ id: exp.externalId, currency: payment.CurrencyRef?.value, rate: payment.ExchangeRate, total: payment.TotalAmt, home: payment.HomeTotalAmt }).toEqual({
            id: exp.externalId, currency: 'NZD', rate: Number(exp.rate), total: Number(exp.amount), home: homeOf(exp.amount, exp.rate),
          });
        }
      });
    }

    it('holds nothing dated before the accounting start date', async () => {
      // The seeded company has older transactions of its own; ours are recognisable by number and amount.
      expect((await qbo('Invoice')).filter((i) => expected.beforeStart.includes(i.DocNumber!))).toEqual([]);
      const preStartExpense = D(30 + 7 * 11).plus('0.80');
      const preStartTotal = money(profile.country === 'AU' ? preStartExpense.times('1.1') : preStartExpense);
      expect((await qbo('Purchase')).filter((p) => D(p.TotalAmt).toFixed(2) === preStartTotal)).toEqual([]);
      expect((await qbo('Purchase')).filter((p) => p.TxnDate >= '2026-09-01' && p.TxnDate < '2026-10-01')).toEqual([]);
    });
  });
}

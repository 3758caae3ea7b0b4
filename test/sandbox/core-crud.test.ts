/**
 * The core sandbox over real HTTP with the real node-quickbooks client: CRUD, sparse/full update,
 * computed fields, payments and balances, void, delete, and QBO's validation faults.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AU_REALM_ID, US_REALM_ID } from '../../src/sandbox/company/seeds/seed.registry.js';
import { faultOf, startHarness, type Harness, type QboClient } from './core-harness.js';

type Rec = Record<string, unknown> & { Id: string; SyncToken: string };

let h: Harness;
let us: QboClient;
let au: QboClient;
const ids = { labor: '', parts: '', category: '', amy: '', cool: '', auLabour: '', auCafe: '', gst: '3' };

beforeAll(async () => {
  h = await startHarness();
  us = h.client(US_REALM_ID);
  au = h.client(AU_REALM_ID);
  const store = h.sandbox.companies.get(US_REALM_ID)!;
  const item = (name: string) => store.list('Item').find((i) => i.Name === name)!.Id;
  const cust = (name: string) => store.list('Customer').find((c) => c.DisplayName === name)!.Id;
  ids.labor = item('Labor');
  ids.parts = item('Materials');
  ids.category = item('HVAC Parts');
  ids.amy = cust("Amy's Bird Sanctuary");
  ids.cool = cust('Cool Cars');
  const auStore = h.sandbox.companies.get(AU_REALM_ID)!;
  ids.auLabour = auStore.list('Item').find((i) => i.Name === 'Labour')!.Id;
  ids.auCafe = auStore.list('Customer').find((c) => c.DisplayName === 'Bondi Beach Cafe')!.Id;
});

afterAll(async () => {
  await h.sandbox.close();
});

const invoiceBody = () => ({
  CustomerRef: { value: ids.amy },
  TxnDate: '2024-01-15',
  Line: [{ DetailType: 'SalesItemLineDetail', Amount: 100, SalesItemLineDetail: { ItemRef: { value: ids.labor }, Qty: 1, UnitPrice: 100 } }],
});

describe('create and read', () => {
  it('creates an invoice with QBO computed fields', async () => {
    const inv = await us.call<Rec>('createInvoice', invoiceBody());
    expect(Number(inv.Id)).toBeGreaterThan(1_000_000_000);
    expect(inv.SyncToken).toBe('0');
    expect(inv.domain).toBe('QBO');
    expect(inv.sparse).toBe(false);
    expect((inv.MetaData as Record<string, string>).CreateTime).toMatch(/^2026-05-05T02:08:5\d-07:00$/);
    expect(inv.TotalAmt).toBe(100);
    expect(inv.Balance).toBe(100);
    expect(inv.DueDate).toBe('2024-02-14'); // company default term Net 30
    expect(inv.DocNumber).toMatch(/^\d+$/); // custom numbers off in the US company: auto-numbered
    expect(inv.CurrencyRef).toEqual({ value: 'USD', name: 'United States Dollar' });
    expect(inv.CustomerRef).toEqual({ value: ids.amy, name: "Amy's Bird Sanctuary" });
    const lines = inv.Line as Record<string, unknown>[];
    expect(lines.at(-1)).toEqual({ Amount: 100, DetailType: 'SubTotalLineDetail', SubTotalLineDetail: {} });
    const detail = lines[0]!.SalesItemLineDetail as Record<string, unknown>;
    expect(detail.ItemRef).toEqual({ value: ids.labor, name: 'Labor' });
    expect(detail.ItemAccountRef).toEqual(expect.objectContaining({ name: 'Services' }));
    expect(detail.TaxCodeRef).toEqual({ value: 'NON' });
    const read = await us.call<Rec>('getInvoice', inv.Id);
    expect(read).toEqual(inv);
  });

  it('numbers auto DocNumbers upwards', async () => {
    const a = await us.call<Rec>('createInvoice', invoiceBody());
    const b = await us.call<Rec>('createInvoice', invoiceBody());
    expect(Number(b.DocNumber)).toBe(Number(a.DocNumber) + 1);
    expect(Number(b.Id)).toBeGreaterThan(Number(a.Id));
  });

  it('sends intuit_tid and QBO-Version headers and serves companyinfo and preferences', async () => {
    const res = await fetch(`${h.url}/v3/company/${US_REALM_ID}/companyinfo/${US_REALM_ID}?minorversion=40`, { headers: { authorization: `Bearer ${h.token(US_REALM_ID)}`, accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('intuit_tid')).toMatch(/[0-9a-f-]{36}/);
    expect(res.headers.get('qbo-version')).toBeTruthy();
    const body = (await res.json()) as { CompanyInfo: Record<string, unknown>; time: string };
    expect(body.CompanyInfo.CompanyName).toBe('Keystone Home Services LLC');
    expect(body.time).toMatch(/\.\d{3}-0[78]:00$/);
    const prefs = await us.call<Rec>('getPreferences');
    expect((prefs.CurrencyPrefs as Record<string, unknown>).HomeCurrency).toEqual({ value: 'USD' });
  });

  it('computes US tax from the transaction tax code on TAX lines only', async () => {
    const inv = await us.call<Rec>('createInvoice', {
      CustomerRef: { value: ids.cool },
      TxnTaxDetail: { TxnTaxCodeRef: { value: '2' } },
      Line: [
        { DetailType: 'SalesItemLineDetail', Amount: 100, SalesItemLineDetail: { ItemRef: { value: ids.labor }, TaxCodeRef: { value: 'NON' } } },
        { DetailType: 'SalesItemLineDetail', Amount: 335.25, SalesItemLineDetail: { ItemRef: { value: ids.parts }, TaxCodeRef: { value: 'TAX' } } },
      ],
    });
    expect(inv.TxnTaxDetail).toEqual({
      TxnTaxCodeRef: { value: '2' },
      TotalTax: 26.82,
      TaxLine: [{ Amount: 26.82, DetailType: 'TaxLineDetail', TaxLineDetail: { TaxRateRef: { value: '3' }, PercentBased: true, TaxPercent: 8, NetAmountTaxable: 335.25 } }],
    });
    expect(inv.TotalAmt).toBe(462.07);
  });
});

describe('updates', () => {
  it('sparse update changes only the sent fields and bumps SyncToken', async () => {
    const inv = await us.call<Rec>('createInvoice', invoiceBody());
    const updated = await us.call<Rec>('updateInvoice', { Id: inv.Id, SyncToken: inv.SyncToken, sparse: true, PrivateNote: 'Updated via sparse' });
    expect(updated.SyncToken).toBe('1');
    expect(updated.PrivateNote).toBe('Updated via sparse');
    expect(updated.TotalAmt).toBe(100);
    expect(updated.Line).toEqual(inv.Line);
    expect((updated.MetaData as Record<string, string>).CreateTime).toBe((inv.MetaData as Record<string, string>).CreateTime);
  });

  it('full update clears writable fields left out', async () => {
    const vendor = await us.call<Rec>('createVendor', { DisplayName: 'Full Update Vendor', GivenName: 'Ann', FamilyName: 'Other', CompanyName: 'FUV Co', PrimaryEmailAddr: { Address: 'a@b.example' } });
    const updated = await us.call<Rec>('updateVendor', { Id: vendor.Id, SyncToken: vendor.SyncToken, sparse: false, DisplayName: 'Full Update Vendor 2' });
    expect(updated.DisplayName).toBe('Full Update Vendor 2');
    expect(updated.GivenName).toBeUndefined();
    expect(updated.CompanyName).toBeUndefined();
    expect(updated.PrimaryEmailAddr).toBeUndefined();
  });

  it('rejects a stale SyncToken with 5010', async () => {
    const inv = await us.call<Rec>('createInvoice', invoiceBody());
    await us.call('updateInvoice', { Id: inv.Id, SyncToken: '0', sparse: true, PrivateNote: 'first' });
    const err = await us.call('updateInvoice', { Id: inv.Id, SyncToken: '0', sparse: true, PrivateNote: 'second' }).catch((e: unknown) => e);
    const fault = faultOf(err);
    expect(fault).toMatchObject({ code: '5010', Message: 'Stale Object Error', type: 'ValidationFault', status: 400 });
    expect(fault.Detail).toMatch(/^Stale Object Error : You and .+ were working on this at the same time/);
  });
});

describe('validation faults', () => {
  it('6240 for a DisplayName used by a vendor, and by an inactive customer', async () => {
    const dup = faultOf(await us.call('createCustomer', { DisplayName: 'PG&E' }).catch((e: unknown) => e));
    expect(dup).toMatchObject({ code: '6240', Message: 'Duplicate Name Exists Error' });
    expect(dup.Detail).toContain('Another customer, vendor or employee is already using this name');
    const inactive = faultOf(await us.call('createCustomer', { DisplayName: 'Former Client Inc' }).catch((e: unknown) => e));
    expect(inactive.code).toBe('6240');
    const employee = faultOf(await us.call('createVendor', { DisplayName: 'emily platt' }).catch((e: unknown) => e));
    expect(employee.code).toBe('6240');
  });

  it('2010 for an unknown property, naming it', async () => {
    const body = invoiceBody();
    (body.Line[0]!.SalesItemLineDetail as Record<string, unknown>).Amount = 100;
    const fault = faultOf(await us.call('createInvoice', body).catch((e: unknown) => e));
    expect(fault).toMatchObject({ code: '2010', Message: 'Request has invalid or unsupported property' });
    expect(fault.Detail).toContain('Unrecognized field "Amount"');
  });

  it('2020 for a missing required field', async () => {
    const fault = faultOf(await us.call('createInvoice', { Line: invoiceBody().Line }).catch((e: unknown) => e));
    expect(fault).toMatchObject({ code: '2020', Detail: 'Required parameter CustomerRef is missing in the request' });
    const noLines = faultOf(await us.call('createInvoice', { CustomerRef: { value: ids.amy } }).catch((e: unknown) => e));
    expect(noLines).toMatchObject({ code: '2020', element: 'Line' });
  });

  it('2500 for a missing or Category item, 610 for an inactive customer', async () => {
    const body = invoiceBody();
    body.Line[0]!.SalesItemLineDetail.ItemRef.value = '999999';
    expect(faultOf(await us.call('createInvoice', body).catch((e: unknown) => e))).toMatchObject({ code: '2500', Message: 'Invalid Reference Id' });
    body.Line[0]!.SalesItemLineDetail.ItemRef.value = ids.category;
    const cat = faultOf(await us.call('createInvoice', body).catch((e: unknown) => e));
    expect(cat).toMatchObject({ code: '2500' });
    expect(cat.Detail).toContain('Categories cannot be used in transactions');
    const formerId = h.sandbox.companies.get(US_REALM_ID)!.list('Customer').find((c) => c.Active === false)!.Id;
    const inactive = faultOf(await us.call('createInvoice', { ...invoiceBody(), CustomerRef: { value: formerId } }).catch((e: unknown) => e));
    expect(inactive).toMatchObject({ code: '610', Message: 'Object Not Found' });
    expect(inactive.Detail).toContain('made inactive');
  });

  it('2050 for a DocNumber over 21 characters', async () => {
    const fault = faultOf(await us.call('createInvoice', { ...invoiceBody(), DocNumber: 'X'.repeat(22) }).catch((e: unknown) => e));
    expect(fault).toMatchObject({ code: '2050', element: 'DocNumber' });
    expect(fault.Detail).toBe('String length specified does not match the supported length. Min:0 Max:21 supported. Supplied length:22');
  });

  it('rejects Amount ≠ Qty × UnitPrice in strict mode', async () => {
    const body = invoiceBody();
    body.Line[0]!.Amount = 90;
    expect(faultOf(await us.call('createInvoice', body).catch((e: unknown) => e)).code).toBe('6070');
  });
});

describe('payments, void and delete', () => {
  it('a payment reduces the invoice balance, bumps its SyncToken and links it; deleting restores', async () => {
    const inv = await us.call<Rec>('createInvoice', invoiceBody());
    const pay = await us.call<Rec>('createPayment', { CustomerRef: { value: ids.amy }, TotalAmt: 70, Line: [{ Amount: 60, LinkedTxn: [{ TxnId: inv.Id, TxnType: 'Invoice' }] }] });
    expect(pay.UnappliedAmt).toBe(10);
    expect(pay.DepositToAccountRef).toEqual({ value: expect.any(String) as string });
    const after = await us.call<Rec>('getInvoice', inv.Id);
    expect(after.Balance).toBe(40);
    expect(after.SyncToken).toBe('1');
    expect(after.LinkedTxn).toEqual([{ TxnId: pay.Id, TxnType: 'Payment' }]);
    const over = faultOf(await us.call('createPayment', { CustomerRef: { value: ids.amy }, TotalAmt: 50, Line: [{ Amount: 50, LinkedTxn: [{ TxnId: inv.Id, TxnType: 'Invoice' }] }] }).catch((e: unknown) => e));
    expect(over.code).toBe('6000');
    const deleted = await us.call<Record<string, unknown>>('deletePayment', { Id: pay.Id, SyncToken: pay.SyncToken });
    expect(deleted).toEqual({ Payment: { domain: 'QBO', status: 'Deleted', Id: pay.Id }, time: expect.any(String) as string });
    const restored = await us.call<Rec>('getInvoice', inv.Id);
    expect(restored.Balance).toBe(100);
    expect(restored.LinkedTxn).toEqual([]);
    expect(restored.SyncToken).toBe('2');
  });

  it('voids a payment with include=void, restoring the invoice balance', async () => {
    const inv = await us.call<Rec>('createInvoice', invoiceBody());
    const pay = await us.call<Rec>('createPayment', { CustomerRef: { value: ids.amy }, TotalAmt: 100, Line: [{ Amount: 100, LinkedTxn: [{ TxnId: inv.Id, TxnType: 'Invoice' }] }] });
    expect((await us.call<Rec>('getInvoice', inv.Id)).Balance).toBe(0);
    const voided = await us.call<Rec>('voidPayment', { Id: pay.Id, SyncToken: pay.SyncToken });
    expect(voided.TotalAmt).toBe(0);
    expect(voided.PrivateNote).toBe('Voided');
    expect((await us.call<Rec>('getInvoice', inv.Id)).Balance).toBe(100);
  });

  it('voids an invoice with operation=void, keeping the record with zero amounts', async () => {
    const inv = await us.call<Rec>('createInvoice', invoiceBody());
    const res = await us.call<{ Invoice: Rec }>('voidInvoice', { Id: inv.Id, SyncToken: inv.SyncToken });
    expect(res.Invoice.TotalAmt).toBe(0);
    expect(res.Invoice.Balance).toBe(0);
    expect(res.Invoice.PrivateNote).toBe('Voided');
    expect(res.Invoice.SyncToken).toBe('1');
    expect(((res.Invoice.Line as Record<string, unknown>[])[0]!).Amount).toBe(0);
  });

  it('deletes a transaction; reading or updating it afterwards is 610', async () => {
    const inv = await us.call<Rec>('createInvoice', invoiceBody());
    const del = await us.call<{ Invoice: Record<string, unknown> }>('deleteInvoice', { Id: inv.Id, SyncToken: inv.SyncToken });
    expect(del.Invoice).toEqual({ domain: 'QBO', status: 'Deleted', Id: inv.Id });
    const read = faultOf(await us.call('getInvoice', inv.Id).catch((e: unknown) => e));
    expect(read).toMatchObject({ code: '610', Detail: 'Object Not Found : Another user has deleted this transaction.' });
    const upd = faultOf(await us.call('updateInvoice', { Id: inv.Id, SyncToken: '0', sparse: true, PrivateNote: 'x' }).catch((e: unknown) => e));
    expect(upd.code).toBe('610');
  });

  it('name lists: Active:false renames with " (deleted)", and they cannot be deleted', async () => {
    const c = await us.call<Rec>('createCustomer', { DisplayName: 'Soon Gone LLC' });
    const off = await us.call<Rec>('updateCustomer', { Id: c.Id, SyncToken: c.SyncToken, sparse: true, Active: false });
    expect(off.DisplayName).toBe('Soon Gone LLC (deleted)');
    expect(off.FullyQualifiedName).toBe('Soon Gone LLC (deleted)');
    expect(off.Active).toBe(false);
    const del = await h.api(US_REALM_ID, 'POST', '/customer?operation=delete', { Id: c.Id, SyncToken: off.SyncToken });
    expect(del.status).toBe(400);
    expect(faultOf(del.json()).code).toBe('500');
    const back = await us.call<Rec>('updateCustomer', { Id: c.Id, SyncToken: off.SyncToken, sparse: true, Active: true });
    expect(back.DisplayName).toBe('Soon Gone LLC');
  });
});

describe('Australian GST company', () => {
  const line = (amount: number) => ({ DetailType: 'SalesItemLineDetail', Amount: amount, SalesItemLineDetail: { ItemRef: { value: ids.auLabour }, TaxCodeRef: { value: ids.gst } } });

  it('requires GlobalTaxCalculation', async () => {
    const fault = faultOf(await au.call('createInvoice', { CustomerRef: { value: ids.auCafe }, Line: [line(10)] }).catch((e: unknown) => e));
    expect(fault).toMatchObject({ code: '2020', element: 'GlobalTaxCalculation' });
  });

  it('requires a tax code on every line', async () => {
    const fault = faultOf(await au.call('createInvoice', { CustomerRef: { value: ids.auCafe }, GlobalTaxCalculation: 'TaxExcluded', Line: [{ DetailType: 'SalesItemLineDetail', Amount: 10, SalesItemLineDetail: { ItemRef: { value: ids.auLabour } } }] }).catch((e: unknown) => e));
    expect(fault.code).toBe('6000');
  });

  it('taxes the summed amount per rate, not each line', async () => {
    // Per line: 0.005 → 0.01 three times = 0.03. On the sum: 0.015 → 0.02.
    const inv = await au.call<Rec>('createInvoice', { CustomerRef: { value: ids.auCafe }, GlobalTaxCalculation: 'TaxExcluded', Line: [line(0.05), line(0.05), line(0.05)] });
    const tax = inv.TxnTaxDetail as { TotalTax: number; TaxLine: { Amount: number; TaxLineDetail: Record<string, unknown> }[] };
    expect(tax.TotalTax).toBe(0.02);
    expect(tax.TaxLine).toHaveLength(1);
    expect(tax.TaxLine[0]!.TaxLineDetail).toEqual({ TaxRateRef: { value: '1' }, PercentBased: true, TaxPercent: 10, NetAmountTaxable: 0.15 });
    expect(inv.TotalAmt).toBe(0.17);
    expect(inv.CurrencyRef).toEqual({ value: 'AUD', name: 'Australian Dollar' });
    expect(inv.DocNumber).toBeUndefined(); // custom transaction numbers on: no auto number
  });

  it('TaxInclusive: Amount is net, TaxInclusiveAmt carries the gross', async () => {
    const inv = await au.call<Rec>('createInvoice', {
      CustomerRef: { value: ids.auCafe }, GlobalTaxCalculation: 'TaxInclusive', DocNumber: 'AUTO_GENERATE',
      Line: [{ DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: ids.auLabour }, TaxCodeRef: { value: ids.gst }, TaxInclusiveAmt: 110 } }],
    });
    const l = (inv.Line as Record<string, Record<string, unknown>>[])[0]!;
    expect(l.Amount).toBe(100);
    expect(l.SalesItemLineDetail!.TaxInclusiveAmt).toBe(110);
    expect((inv.TxnTaxDetail as Record<string, unknown>).TotalTax).toBe(10);
    expect(inv.TotalAmt).toBe(110);
    expect(inv.DocNumber).toMatch(/^\d+$/);
  });
});

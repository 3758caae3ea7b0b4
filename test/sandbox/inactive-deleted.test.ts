/**
 * What QBO answers when a transaction uses an inactive record, and when a deleted transaction is read
 * or updated (docs/qbo-facts/inactive-and-deleted.md), driven as a QBO user through the admin API's
 * set-active / delete / create actions and checked over the real data API.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AU_REALM_ID } from '../../src/sandbox/company/seeds/seed.registry.js';
import { faultOf, startHarness, type Harness } from './core-harness.js';

type Rec = Record<string, unknown> & { Id: string; SyncToken: string };

let h: Harness;
let cafe = '';
let labour = '';

const MADE_INACTIVE = "Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.";

function invoiceBody(customer = cafe, item = labour) {
  return { CustomerRef: { value: customer }, GlobalTaxCalculation: 'NotApplicable', Line: [{ DetailType: 'SalesItemLineDetail', Amount: 100, SalesItemLineDetail: { ItemRef: { value: item } } }] };
}

async function act(action: string, body: unknown) {
  return h.admin<Record<string, Rec> & { Fault?: { Error: { code: string }[] } }>('POST', `/act/${AU_REALM_ID}/${action}`, body);
}

beforeAll(async () => {
  h = await startHarness();
});

beforeEach(async () => {
  await h.admin('POST', '/reset');
  const store = h.sandbox.companies.get(AU_REALM_ID)!;
  cafe = store.list('Customer').find((c) => c.DisplayName === 'Bondi Beach Cafe')!.Id;
  labour = store.list('Item').find((i) => i.Name === 'Labour')!.Id;
});

afterAll(async () => {
  await h.sandbox.close();
});

describe('inactive references', () => {
  it('an update of an invoice whose customer was made inactive is 610 "made inactive"; the invoice is untouched and updates again once reactivated', async () => {
    const created = (await h.api(AU_REALM_ID, 'POST', '/invoice', invoiceBody())).json().Invoice as Rec;
    const inactive = await act('set-active', { entity: 'Customer', id: cafe, active: false });
    expect(inactive.status).toBe(200);
    expect(inactive.body.Customer).toMatchObject({ Active: false, DisplayName: 'Bondi Beach Cafe (deleted)' });
    const res = await h.api(AU_REALM_ID, 'POST', '/invoice', { ...invoiceBody(), Id: created.Id, SyncToken: created.SyncToken, sparse: true });
    expect(res.status).toBe(400);
    expect(faultOf(res.json())).toMatchObject({ code: '610', Detail: MADE_INACTIVE, element: 'CustomerRef' });
    // The invoice itself is there: a read answers it (this is how a client tells the two 610s apart).
    const read = await h.api(AU_REALM_ID, 'GET', `/invoice/${created.Id}`);
    expect(read.status).toBe(200);
    expect((read.json().Invoice as Rec).SyncToken).toBe(created.SyncToken);
    // A read of the inactive customer by id still answers it, with Active false.
    expect(((await h.api(AU_REALM_ID, 'GET', `/customer/${cafe}`)).json().Customer as Rec).Active).toBe(false);

    await act('set-active', { entity: 'Customer', id: cafe, active: true });
    const again = await h.api(AU_REALM_ID, 'POST', '/invoice', { ...invoiceBody(), Id: created.Id, SyncToken: created.SyncToken, sparse: true, Line: [{ DetailType: 'SalesItemLineDetail', Amount: 150, SalesItemLineDetail: { ItemRef: { value: labour } } }] });
    expect(again.status).toBe(200);
    expect(again.json().Invoice).toMatchObject({ Id: created.Id, TotalAmt: 150 });
  });

  it('an active item whose income account was made inactive cannot be sold: 610 on the line', async () => {
    const account = h.sandbox.companies.get(AU_REALM_ID)!.read('Item', labour).IncomeAccountRef as { value: string };
    await act('set-active', { entity: 'Account', id: account.value, active: false });
    const res = await h.api(AU_REALM_ID, 'POST', '/invoice', invoiceBody());
    expect(res.status).toBe(400);
    expect(faultOf(res.json())).toMatchObject({ code: '610', Detail: MADE_INACTIVE });
    await act('set-active', { entity: 'Account', id: account.value, active: true });
    expect((await h.api(AU_REALM_ID, 'POST', '/invoice', invoiceBody())).status).toBe(200);
  });

  it('a payment deposited to an inactive account is 610', async () => {
    const store = h.sandbox.companies.get(AU_REALM_ID)!;
    const bank = store.list('Account').find((a) => a.AccountType === 'Bank' && a.Active !== false)!.Id;
    await act('set-active', { entity: 'Account', id: bank, active: false });
    const res = await h.api(AU_REALM_ID, 'POST', '/payment', { CustomerRef: { value: cafe }, TotalAmt: 10, DepositToAccountRef: { value: bank } });
    expect(faultOf(res.json())).toMatchObject({ code: '610', Detail: MADE_INACTIVE });
  });
});

describe('deleted transactions', () => {
  it('a read and an update of a deleted invoice are 610 "Another user has deleted this transaction"', async () => {
    const created = (await h.api(AU_REALM_ID, 'POST', '/invoice', invoiceBody())).json().Invoice as Rec;
    expect((await act('delete', { entity: 'Invoice', id: created.Id })).body.Invoice).toMatchObject({ status: 'Deleted', Id: created.Id });
    const read = await h.api(AU_REALM_ID, 'GET', `/invoice/${created.Id}`);
    expect(read.status).toBe(400);
    expect(faultOf(read.json())).toMatchObject({ code: '610', Detail: 'Object Not Found : Another user has deleted this transaction.' });
    const update = await h.api(AU_REALM_ID, 'POST', '/invoice', { ...invoiceBody(), Id: created.Id, SyncToken: created.SyncToken, sparse: true });
    expect(faultOf(update.json())).toMatchObject({ code: '610', Detail: 'Object Not Found : Another user has deleted this transaction.' });
  });

  it('name-list records cannot be deleted, only made inactive; transactions cannot be made inactive', async () => {
    expect((await act('delete', { entity: 'Customer', id: cafe })).status).toBe(400);
    expect((await act('set-active', { entity: 'Invoice', id: '1', active: false })).status).toBe(400);
  });

  it('a QBO user can create a record directly (a customer entered in QBO after the import)', async () => {
    const res = await act('create', { entity: 'Customer', body: { DisplayName: 'Walk-in Wanda' } });
    expect(res.status).toBe(200);
    expect(res.body.Customer).toMatchObject({ DisplayName: 'Walk-in Wanda', Active: true });
  });
});

/**
 * Duplicate document numbers as QBO treats them (docs/qbo-facts/matching-and-go-live.md): allowed by
 * default; a company that refuses them answers 6140 naming the transaction holding the number, unless
 * the call says include=allowduplicatedocnum.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { US_REALM_ID } from '../../src/sandbox/company/seeds/seed.registry.js';
import { startHarness, type Harness } from './core-harness.js';

let allowing: Harness;
let refusing: Harness;

function invoice(h: Harness, docNumber: string): Record<string, unknown> {
  const store = h.sandbox.companies.get(US_REALM_ID)!;
  return {
    CustomerRef: { value: store.list('Customer').find((c) => c.DisplayName === 'Cool Cars')!.Id },
    DocNumber: docNumber,
    Line: [{ DetailType: 'SalesItemLineDetail', Amount: 100, SalesItemLineDetail: { ItemRef: { value: store.list('Item').find((i) => i.Name === 'Labor')!.Id } } }],
  };
}

beforeAll(async () => {
  allowing = await startHarness();
  refusing = await startHarness({ store: { duplicateDocNumbers: 'reject' } });
});

afterAll(async () => {
  await allowing?.sandbox.close();
  await refusing?.sandbox.close();
});

describe('duplicate DocNumbers', () => {
  it('are accepted by default: two invoices may carry one number', async () => {
    const first = await allowing.api(US_REALM_ID, 'POST', '/invoice', invoice(allowing, 'D-100'));
    const second = await allowing.api(US_REALM_ID, 'POST', '/invoice', invoice(allowing, 'D-100'));
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(allowing.sandbox.companies.get(US_REALM_ID)!.list('Invoice').filter((i) => i.DocNumber === 'D-100')).toHaveLength(2);
  });

  it('are refused with 6140 naming the holder where the company refuses them, unless include=allowduplicatedocnum', async () => {
    const first = await refusing.api(US_REALM_ID, 'POST', '/invoice', invoice(refusing, 'D-200'));
    expect(first.status).toBe(200);
    const holderId = (first.json().Invoice as { Id: string }).Id;
    const second = await refusing.api(US_REALM_ID, 'POST', '/invoice', invoice(refusing, 'D-200'));
    expect(second.status).toBe(400);
    const error = (second.json().Fault as { Error: { code: string; Detail: string }[] }).Error[0]!;
    expect(error.code).toBe('6140');
    expect(error.Detail).toContain(`DocNumber=D-200 is assigned to TxnType=Invoice with TxnId=${holderId}`);
    // Updating the holder with its own number is not a duplicate.
    const holder = refusing.sandbox.companies.get(US_REALM_ID)!.read('Invoice', holderId);
    const update = await refusing.api(US_REALM_ID, 'POST', '/invoice', { Id: holderId, SyncToken: holder.SyncToken, sparse: true, DocNumber: 'D-200' });
    expect(update.status).toBe(200);
    const forced = await refusing.api(US_REALM_ID, 'POST', '/invoice?include=allowduplicatedocnum', invoice(refusing, 'D-200'));
    expect(forced.status).toBe(200);
  });
});

import { describe, expect, it } from 'vitest';
import { QboFault } from '../../faults.js';
import { assertKnownProperties, fieldsOf } from './schema.validator.js';

describe('XSD-derived property check', () => {
  it('knows inherited members (IntuitEntity → Transaction → SalesTransaction → Invoice)', () => {
    const fields = fieldsOf('Invoice')!;
    for (const f of ['Id', 'SyncToken', 'MetaData', 'sparse', 'DocNumber', 'TxnDate', 'Line', 'CustomerRef', 'AllowOnlineACHPayment']) expect(fields.has(f)).toBe(true);
  });

  it('accepts a realistic invoice and the output-only members clients echo back', () => {
    expect(() =>
      assertKnownProperties('Invoice', {
        CustomerRef: { value: '1', name: 'x' },
        Line: [{ Amount: 1, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: '1' }, Qty: 1, TaxCodeRef: { value: 'NON' } }, CustomExtensions: [] }],
        CustomerMemo: { value: 'hi' },
      }),
    ).not.toThrow();
  });

  it('rejects an unknown nested property with 2010 naming the class', () => {
    try {
      assertKnownProperties('Invoice', { Line: [{ SalesItemLineDetail: { Amount: 1 } }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(QboFault);
      const err = (e as QboFault).errors[0]!;
      expect(err.code).toBe('2010');
      expect(err.Detail).toContain('Unrecognized field "Amount" (class com.intuit.schema.finance.v3.SalesItemLineDetail)');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { mapAccount, mapReference, toDecimalString } from './chart.mapper.js';
import { QBO_INACTIVE_PAYMENT_METHOD, QBO_SUB_ACCOUNT } from './qbo-chart.fixtures.js';

describe('chart mappers', () => {
  it('maps a QBO sub-account with its balance as an exact decimal string', () => {
    const row = mapAccount(QBO_SUB_ACCOUNT);
    expect(row).toEqual({
      id: '1240000017',
      code: '4-1010',
      name: 'Domestic',
      fullyQualifiedName: 'Labour Income:Domestic',
      type: 'Income',
      subType: 'ServiceFeeIncome',
      classification: 'Revenue',
      active: true,
      balance: '1234.10',
      currency: { id: 'AUD', name: 'Australian Dollar' },
      parent: { id: '1240000016' },
      versionToken: '3',
      updatedAt: '2026-04-01T10:00:00-07:00',
    });
  });

  it('keeps amounts exact, never through float arithmetic', () => {
    expect(toDecimalString(0.1 + 0.2)).toBe('0.30000000000000004'); // what a float sum really is: never sum floats
    expect(toDecimalString(99999999999.99)).toBe('99999999999.99');
    expect(toDecimalString('-12.3456')).toBe('-12.3456');
    expect(toDecimalString(undefined)).toBe('0.00');
    expect(() => toDecimalString({})).toThrow();
  });

  it('refuses an account without a type rather than caching a row no purpose can match', () => {
    expect(() => mapAccount({ Id: '1', SyncToken: '0', Name: 'X' })).toThrow(/no AccountType/);
  });

  it('maps payment methods and tax codes with their kind-specific fields', () => {
    expect(mapReference('PaymentMethod', QBO_INACTIVE_PAYMENT_METHOD)).toMatchObject({
      name: 'Visa',
      paymentType: 'CREDIT_CARD',
      active: false,
      taxable: null,
    });
    expect(mapReference('TaxCode', { Id: '3', SyncToken: '0', Name: 'GST', Taxable: true, TaxGroup: false, Description: 'GST' })).toMatchObject({
      taxable: true,
      taxGroup: false,
      description: 'GST',
      paymentType: null,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { mapAccount, mapReference } from '../providers/quickbooks/chart.mapper.js';
import { accountRow, laterTimestamp, referenceRow } from './chart-row.mapper.js';
import { QBO_INACTIVE_PAYMENT_METHOD, QBO_SUB_ACCOUNT } from '../providers/quickbooks/qbo-chart.fixtures.js';

describe('chart rows from the provider port', () => {
  it('stores a QBO account exactly as before the port (stored names unchanged)', () => {
    const row = accountRow(
      mapAccount(QBO_SUB_ACCOUNT),
    );
    expect(row).toEqual({
      qboId: '1240000017',
      name: 'Domestic',
      fullyQualifiedName: 'Labour Income:Domestic',
      acctNum: '4-1010',
      accountType: 'Income',
      accountSubType: 'ServiceFeeIncome',
      classification: 'Revenue',
      active: true,
      currentBalance: '1234.10',
      currencyRef: { value: 'AUD', name: 'Australian Dollar' },
      parentRef: { value: '1240000016', name: null },
      syncToken: '3',
      lastUpdatedTime: '2026-04-01T10:00:00-07:00',
      sortKey: 'labour income:domestic',
    });
  });

  it('stores a payment method with its kind-specific fields and no version as an empty token', () => {
    expect(referenceRow(mapReference('PaymentMethod', QBO_INACTIVE_PAYMENT_METHOD))).toEqual({
      qboId: '5',
      name: 'Visa',
      fullyQualifiedName: 'Visa',
      active: false,
      parentRef: null,
      description: null,
      paymentType: 'CREDIT_CARD',
      taxable: null,
      taxGroup: null,
      syncToken: '0',
      lastUpdatedTime: null,
      sortKey: 'visa',
    });
    const xeroLike = { id: 'OUTPUT', name: 'GST on Income', fullyQualifiedName: 'GST on Income', active: true, parent: null, description: null, paymentType: null, taxable: true, taxGroup: false, versionToken: null, updatedAt: null };
    expect(referenceRow(xeroLike).syncToken).toBe('');
  });

  it('compares QBO timestamps as instants across offsets', () => {
    expect(laterTimestamp('2026-03-01T10:00:00-08:00', '2026-03-01T10:30:00-07:00')).toBe('2026-03-01T10:00:00-08:00');
    expect(laterTimestamp(null, '2026-03-01T10:30:00-07:00')).toBe('2026-03-01T10:30:00-07:00');
  });
});

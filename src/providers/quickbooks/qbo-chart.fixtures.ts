/**
 * QBO chart rows as the API returns them, shared by the unit tests of the chart mapper (QBO -> port) and of
 * the chart cache's row mapper (port -> stored rows), so both read the same sample. Test data only.
 */
import { type QboRecord } from './qbo.client.js';

/** A sub-account with a number, a foreign-currency balance and both timestamps. */
export const QBO_SUB_ACCOUNT: QboRecord = {
  Id: '1240000017',
  SyncToken: '3',
  Name: 'Domestic',
  SubAccount: true,
  ParentRef: { value: '1240000016' },
  FullyQualifiedName: 'Labour Income:Domestic',
  Active: true,
  Classification: 'Revenue',
  AccountType: 'Income',
  AccountSubType: 'ServiceFeeIncome',
  AcctNum: '4-1010',
  CurrentBalance: 1234.1,
  CurrencyRef: { value: 'AUD', name: 'Australian Dollar' },
  MetaData: { CreateTime: '2026-01-01T10:00:00-08:00', LastUpdatedTime: '2026-04-01T10:00:00-07:00' },
};

/** An inactive payment method. */
export const QBO_INACTIVE_PAYMENT_METHOD: QboRecord = { Id: '5', SyncToken: '0', Name: 'Visa', Type: 'CREDIT_CARD', Active: false };

/** Cache rows to GraphQL objects (pure; used by every slice that returns accounts). */
import { type CachedAccount } from '../persistence/accounts/account.model.js';
import { AccountPurpose, isAccountTypeAllowed } from './account-purpose.rules.js';
import { type AccountType, type QuickBooksPaymentMethodType, type TaxCodeType, type TrackingCategoryType, TrackingKind } from './account.type.js';
import { type CachedReference } from '../persistence/accounts/reference-list.model.js';

const PURPOSES = Object.values(AccountPurpose);

export function toAccountType(row: CachedAccount): AccountType {
  const lastUpdated = row.lastUpdatedTime ? new Date(row.lastUpdatedTime) : null;
  return {
    id: row.qboId,
    name: row.name,
    fullyQualifiedName: row.fullyQualifiedName,
    accountNumber: row.acctNum,
    accountType: row.accountType,
    accountSubType: row.accountSubType,
    classification: row.classification,
    active: row.active,
    currentBalance: row.currentBalance,
    currency: row.currencyRef?.value ?? null,
    parentId: row.parentRef?.value ?? null,
    purposes: PURPOSES.filter((p) => isAccountTypeAllowed(p, row.accountType)),
    syncToken: row.syncToken,
    lastUpdatedAt: lastUpdated && !Number.isNaN(lastUpdated.getTime()) ? lastUpdated : null,
  };
}

export function toTrackingCategory(row: CachedReference): TrackingCategoryType {
  return {
    id: row.qboId,
    kind: row.kind === 'Class' ? TrackingKind.CLASS : TrackingKind.DEPARTMENT,
    name: row.name,
    fullyQualifiedName: row.fullyQualifiedName,
    active: row.active,
    parentId: row.parentRef?.value ?? null,
  };
}

export function toTaxCode(row: CachedReference): TaxCodeType {
  return { id: row.qboId, name: row.name, description: row.description, active: row.active, taxable: row.taxable, taxGroup: row.taxGroup };
}

export function toQuickBooksPaymentMethod(row: CachedReference): QuickBooksPaymentMethodType {
  return { id: row.qboId, name: row.name, type: row.paymentType, active: row.active };
}

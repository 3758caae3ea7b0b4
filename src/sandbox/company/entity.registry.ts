/**
 * Every entity the sandbox serves, mapped to the module that owns its rules.
 */
import { type EntityName } from './company.types.js';
import { type EntityRules } from './entity.rules.js';
import { accountRules } from './entities/account.entity.js';
import { billPaymentRules } from './entities/bill-payment.entity.js';
import { billRules } from './entities/bill.entity.js';
import { classRules } from './entities/class.entity.js';
import { companyInfoRules, preferencesRules } from './entities/company-info.entity.js';
import { creditMemoRules } from './entities/credit-memo.entity.js';
import { customerRules } from './entities/customer.entity.js';
import { departmentRules } from './entities/department.entity.js';
import { depositRules } from './entities/deposit.entity.js';
import { employeeRules } from './entities/employee.entity.js';
import { invoiceRules } from './entities/invoice.entity.js';
import { itemRules } from './entities/item.entity.js';
import { journalEntryRules } from './entities/journal-entry.entity.js';
import { paymentMethodRules } from './entities/payment-method.entity.js';
import { paymentRules } from './entities/payment.entity.js';
import { purchaseRules } from './entities/purchase.entity.js';
import { refundReceiptRules } from './entities/refund-receipt.entity.js';
import { salesReceiptRules } from './entities/sales-receipt.entity.js';
import { taxCodeRules, taxRateRules } from './entities/tax-code.entity.js';
import { termRules } from './entities/term.entity.js';
import { vendorRules } from './entities/vendor.entity.js';

export const ENTITY_RULES: Readonly<Record<EntityName, EntityRules>> = {
  Account: accountRules,
  Customer: customerRules,
  Vendor: vendorRules,
  Employee: employeeRules,
  Item: itemRules,
  Invoice: invoiceRules,
  Payment: paymentRules,
  CreditMemo: creditMemoRules,
  SalesReceipt: salesReceiptRules,
  RefundReceipt: refundReceiptRules,
  Bill: billRules,
  BillPayment: billPaymentRules,
  Purchase: purchaseRules,
  JournalEntry: journalEntryRules,
  Deposit: depositRules,
  Class: classRules,
  Department: departmentRules,
  Term: termRules,
  PaymentMethod: paymentMethodRules,
  TaxCode: taxCodeRules,
  TaxRate: taxRateRules,
  CompanyInfo: companyInfoRules,
  Preferences: preferencesRules,
};

/** URL segment (`/invoice`, `/creditmemo`) → entity name. */
export function entityFromPath(segment: string): EntityName | undefined {
  const lower = segment.toLowerCase();
  return (Object.keys(ENTITY_RULES) as EntityName[]).find((e) => e.toLowerCase() === lower);
}

/**
 * The Australian seed company: a Sydney trade business on GST (AUD, GlobalTaxCalculation required,
 * GST/FRE/CAP/INP/EXP/N-T codes), with the chart of accounts a field-service business maps to
 * (labour, materials, retention, surcharges, card clearing, rounding, bad debts...).
 */
import { type CompanySeed } from '../company.store.js';
import { SeedBuilder } from './seed.builder.js';

export const AU_REALM_ID = '9341455121823790';
export const AU_COMPANY_NAME = 'Harbourside Plumbing & Electrical Pty Ltd';

export function auCompanySeed(): CompanySeed {
  const b = new SeedBuilder(
    { realmId: AU_REALM_ID, country: 'AU', currency: { value: 'AUD', name: 'Australian Dollar' }, timeZone: 'Australia/Sydney' },
    1240000001,
  );
  const r = (id: string) => b.ref(id);

  // Tax rates and codes carry QBO's small system ids.
  const rate = (id: string, Name: string, RateValue: number, Description: string) =>
    b.add('TaxRate', { Name, Description, Active: true, RateValue, AgencyRef: { value: '1' }, SpecialTaxType: 'NONE', DisplayType: 'ReadOnly', EffectiveTaxRate: [{ RateValue, EffectiveDate: '2000-07-01T00:00:00-07:00' }] }, id);
  const gstSales = rate('1', 'GST (sales)', 10, 'GST on sales');
  const gstPurch = rate('2', 'GST (purchases)', 10, 'GST on purchases');
  const freSales = rate('3', 'GST free (sales)', 0, 'GST-free sales');
  const frePurch = rate('4', 'GST free (purchases)', 0, 'GST-free purchases');
  const capPurch = rate('5', 'GST on capital (purchases)', 10, 'GST on capital acquisitions');
  const inpSales = rate('6', 'Input taxed (sales)', 0, 'Input-taxed sales');
  const expSales = rate('7', 'Export (sales)', 0, 'GST-free exports');
  const ntr = rate('8', 'Not reportable', 0, 'Out of scope of GST');
  const list = (...ids: string[]) => ({ TaxRateDetail: ids.map((id, i) => ({ TaxRateRef: { value: id }, TaxTypeApplicable: 'TaxOnAmount', TaxOrder: i })) });
  const code = (id: string, Name: string, Description: string, sales: string[], purchase: string[], Taxable: boolean) =>
    b.add('TaxCode', { Name, Description, Active: true, Hidden: false, Taxable, TaxGroup: false, SalesTaxRateList: list(...sales), PurchaseTaxRateList: list(...purchase) }, id);
  const GST = code('3', 'GST', 'GST', [gstSales], [gstPurch], true);
  const FRE = code('4', 'FRE', 'GST Free', [freSales], [frePurch], true);
  code('5', 'CAP', 'Capital purchases', [], [capPurch], true);
  code('6', 'INP', 'Input taxed', [inpSales], [], true);
  code('7', 'EXP', 'Export', [expSales], [], true);
  const NT = code('8', 'N-T', 'Not reportable', [ntr], [ntr], false);

  const acct = (Name: string, AccountType: string, AccountSubType: string, extra: Record<string, unknown> = {}) => b.add('Account', { Name, AccountType, AccountSubType, Active: true, ...extra });
  const bank = acct('Business Cheque Account', 'Bank', 'Checking', { AcctNum: '1-1110' });
  acct('Business Savings Account', 'Bank', 'Savings', { AcctNum: '1-1120' });
  const undeposited = acct('Undeposited Funds', 'Other Current Asset', 'UndepositedFunds', { AcctNum: '1-1200' });
  acct('Card Clearing', 'Other Current Asset', 'OtherCurrentAssets', { AcctNum: '1-1210', Description: 'Card payments awaiting settlement' });
  acct('Trade Debtors', 'Accounts Receivable', 'AccountsReceivable', { AcctNum: '1-1300' });
  const inventory = acct('Inventory Asset', 'Other Current Asset', 'Inventory', { AcctNum: '1-1400' });
  acct('Retention Receivable', 'Other Current Asset', 'OtherCurrentAssets', { AcctNum: '1-1500' });
  acct('Trade Creditors', 'Accounts Payable', 'AccountsPayable', { AcctNum: '2-1100' });
  const visaCard = acct('Business Visa Card', 'Credit Card', 'CreditCard', { AcctNum: '2-1200' });
  acct('GST Payable', 'Other Current Liability', 'GlobalTaxPayable', { AcctNum: '2-1300' });
  acct('PAYG Withholdings Payable', 'Other Current Liability', 'OtherCurrentLiabilities', { AcctNum: '2-1400' });
  acct('Opening Balance Equity', 'Equity', 'OpeningBalanceEquity', { AcctNum: '3-1000' });
  acct('Retained Earnings', 'Equity', 'RetainedEarnings', { AcctNum: '3-2000' });
  const labour = acct('Labour Income', 'Income', 'ServiceFeeIncome', { AcctNum: '4-1000' });
  const labourDomestic = acct('Labour Income - Domestic', 'Income', 'ServiceFeeIncome', { AcctNum: '4-1010' });
  acct('Labour Income - Commercial', 'Income', 'ServiceFeeIncome', { AcctNum: '4-1020' });
  const materials = acct('Materials Income', 'Income', 'SalesOfProductIncome', { AcctNum: '4-2000' });
  const retention = acct('Retention Income', 'Income', 'OtherPrimaryIncome', { AcctNum: '4-3000' });
  const surcharge = acct('Card Surcharge Income', 'Income', 'OtherPrimaryIncome', { AcctNum: '4-4000' });
  acct('Discounts Given', 'Income', 'DiscountsRefundsGiven', { AcctNum: '4-9000' });
  acct('Interest Income', 'Other Income', 'InterestEarned', { AcctNum: '8-1000' });
  acct('Rounding', 'Other Income', 'OtherMiscellaneousIncome', { AcctNum: '8-9000', Description: 'Cents rounding on invoices' });
  const cogsMaterials = acct('Materials Purchased', 'Cost of Goods Sold', 'SuppliesMaterialsCogs', { AcctNum: '5-1000' });
  acct('Subcontractors', 'Cost of Goods Sold', 'CostOfLabourCos', { AcctNum: '5-2000' });
  acct('Bad Debts', 'Expense', 'BadDebts', { AcctNum: '6-1000' });
  const motor = acct('Motor Vehicle Expenses', 'Expense', 'Auto', { AcctNum: '6-2000' });
  acct('Bank Fees', 'Expense', 'BankCharges', { AcctNum: '6-3000' });
  acct('Merchant Fees', 'Expense', 'BankCharges', { AcctNum: '6-3100' });
  acct('Tools & Equipment', 'Expense', 'SuppliesMaterials', { AcctNum: '6-4000' });
  acct('Insurance', 'Expense', 'Insurance', { AcctNum: '6-5000' });
  acct('Telephone & Internet', 'Expense', 'Utilities', { AcctNum: '6-6000' });
  acct('Rent', 'Expense', 'RentOrLeaseOfBuildings', { AcctNum: '6-7000' });
  acct('Old Cheque Account', 'Bank', 'Checking', { AcctNum: '1-1190', Active: false });

  const pm = (Name: string, Type: 'CREDIT_CARD' | 'NON_CREDIT_CARD') => b.add('PaymentMethod', { Name, Type, Active: true });
  pm('Cash', 'NON_CREDIT_CARD');
  pm('Cheque', 'NON_CREDIT_CARD');
  const eft = pm('EFT', 'NON_CREDIT_CARD');
  pm('Direct Debit', 'NON_CREDIT_CARD');
  pm('Visa', 'CREDIT_CARD');
  pm('MasterCard', 'CREDIT_CARD');
  pm('American Express', 'CREDIT_CARD');
  void eft;

  const term = (Name: string, extra: Record<string, unknown>) => b.add('Term', { Name, Active: true, ...extra });
  term('Due on receipt', { DueDays: 0 });
  term('Net 7', { DueDays: 7 });
  const net14 = term('Net 14', { DueDays: 14 });
  const net30 = term('Net 30', { DueDays: 30 });
  term('End of next month', { DayOfMonthDue: 28, DueNextMonthDays: 31 });

  const plumbing = b.add('Class', { Name: 'Plumbing', Active: true });
  b.add('Class', { Name: 'Electrical', Active: true });
  b.add('Class', { Name: 'Maintenance', Active: true });
  const sydney = b.add('Department', { Name: 'Sydney', Active: true });
  b.add('Department', { Name: 'Newcastle', Active: true });

  b.add('CompanyInfo', {
    CompanyName: AU_COMPANY_NAME,
    LegalName: AU_COMPANY_NAME,
    CompanyAddr: { Id: '1', Line1: '12 Harbour St', City: 'Sydney', CountrySubDivisionCode: 'NSW', PostalCode: '2000', Country: 'AU' },
    LegalAddr: { Id: '1', Line1: '12 Harbour St', City: 'Sydney', CountrySubDivisionCode: 'NSW', PostalCode: '2000', Country: 'AU' },
    CustomerCommunicationAddr: { Id: '1', Line1: '12 Harbour St', City: 'Sydney', CountrySubDivisionCode: 'NSW', PostalCode: '2000', Country: 'AU' },
    PrimaryPhone: { FreeFormNumber: '(02) 9555 0100' },
    CompanyEmailAddr: { Address: 'accounts@harbourside.example' },
    WebAddr: { URI: 'https://harbourside.example' },
    CompanyStartDate: '2019-07-01',
    FiscalYearStartMonth: 'July',
    Country: 'AU',
    SupportedLanguages: 'en',
    DefaultTimeZone: 'Australia/Sydney',
    NameValue: [
      { Name: 'NeoEnabled', Value: 'true' },
      { Name: 'IndustryType', Value: 'Plumbing, Heating and Air-Conditioning Contractors' },
      { Name: 'CompanyType', Value: 'Company' },
      { Name: 'SubscriptionStatus', Value: 'SUBSCRIBED' },
      { Name: 'OfferingSku', Value: 'QuickBooks Online Plus' },
    ],
  }, '1');
  b.add('Preferences', {
    AccountingInfoPrefs: { TrackDepartments: true, DepartmentTerminology: 'Location', ClassTrackingPerTxn: false, ClassTrackingPerTxnLine: true, CustomerTerminology: 'Customers', BookCloseDate: undefined },
    ProductAndServicesPrefs: { ForSales: true, ForPurchase: true, QuantityWithPriceAndRate: true, QuantityOnHand: true },
    SalesFormsPrefs: { CustomTxnNumbers: true, AllowDiscount: true, AllowDeposit: false, AllowShipping: false, DefaultTerms: { value: net14 }, ETransactionEnabledStatus: 'NotApplicable' },
    VendorAndPurchasesPrefs: { TrackingByCustomer: true, BillableExpenseTracking: true, DefaultTerms: { value: net30 } },
    TaxPrefs: { UsingSalesTax: true, PartnerTaxEnabled: false, TaxGroupCodeRef: { value: GST } },
    CurrencyPrefs: { MultiCurrencyEnabled: false, HomeCurrency: { value: 'AUD' } },
    ReportPrefs: { ReportBasis: 'Accrual', CalcAgingReportFromTxnDate: false },
    OtherPrefs: { NameValue: [{ Name: 'SalesFormsPrefs.DefaultItem', Value: '1' }] },
  }, '1');

  const item = (Name: string, Type: string, extra: Record<string, unknown>) => b.add('Item', { Name, Type, Active: true, ...extra });
  const labourItem = item('Labour', 'Service', { Description: 'Labour (per hour)', UnitPrice: 110, IncomeAccountRef: r(labour), SalesTaxCodeRef: r(GST), Taxable: true });
  item('Labour - Domestic', 'Service', { Description: 'Domestic labour (per hour)', UnitPrice: 95, IncomeAccountRef: r(labourDomestic), SalesTaxCodeRef: r(GST), Taxable: true });
  const materialsItem = item('Materials', 'NonInventory', { Description: 'Materials supplied', IncomeAccountRef: r(materials), ExpenseAccountRef: r(cogsMaterials), SalesTaxCodeRef: r(GST), PurchaseTaxCodeRef: r(GST), Taxable: true });
  const category = item('Plumbing Supplies', 'Category', {});
  item('Copper Pipe 15mm (per metre)', 'Inventory', { UnitPrice: 12.5, PurchaseCost: 6.2, IncomeAccountRef: r(materials), ExpenseAccountRef: r(cogsMaterials), AssetAccountRef: r(inventory), QtyOnHand: 120, InvStartDate: '2024-07-01', SubItem: true, ParentRef: r(category), SalesTaxCodeRef: r(GST), Taxable: true });
  item('Retention', 'Service', { Description: 'Retention withheld / released', IncomeAccountRef: r(retention), SalesTaxCodeRef: r(FRE) });
  item('Card Surcharge', 'Service', { Description: 'Card payment surcharge', IncomeAccountRef: r(surcharge), SalesTaxCodeRef: r(GST), Taxable: true });

  const cafe = b.add('Customer', { DisplayName: 'Bondi Beach Cafe', CompanyName: 'Bondi Beach Cafe Pty Ltd', PrimaryEmailAddr: { Address: 'owner@bondicafe.example' }, PrimaryPhone: { FreeFormNumber: '(02) 9130 1111' }, BillAddr: { Line1: '1 Campbell Pde', City: 'Bondi Beach', CountrySubDivisionCode: 'NSW', PostalCode: '2026', Country: 'AU' }, SalesTermRef: r(net14) });
  const group = b.add('Customer', { DisplayName: 'Parramatta Property Group', CompanyName: 'Parramatta Property Group Pty Ltd', PrimaryEmailAddr: { Address: 'ap@ppg.example' }, BillAddr: { Line1: '100 Church St', City: 'Parramatta', CountrySubDivisionCode: 'NSW', PostalCode: '2150', Country: 'AU' }, SalesTermRef: r(net30) });
  b.add('Customer', { DisplayName: 'Church St Tower Fitout', ParentRef: r(group), Job: true, BillWithParent: true });
  b.add('Customer', { DisplayName: 'Jane Citizen', GivenName: 'Jane', FamilyName: 'Citizen', PrimaryEmailAddr: { Address: 'jane.citizen@example.com' }, BillAddr: { Line1: '7 Wattle Ave', City: 'Newtown', CountrySubDivisionCode: 'NSW', PostalCode: '2042', Country: 'AU' } });
  b.add('Customer', { DisplayName: 'Old Customer Pty Ltd', Active: false });

  const reece = b.add('Vendor', { DisplayName: 'Reece Plumbing Supplies', CompanyName: 'Reece Pty Ltd', PrimaryEmailAddr: { Address: 'accounts@reece.example' }, TermRef: r(net30), AcctNum: 'HPE-2231' });
  b.add('Vendor', { DisplayName: "Middy's Electrical", CompanyName: "Middy's Electrical Wholesale" });
  b.add('Vendor', { DisplayName: 'Telstra', CompanyName: 'Telstra Corporation Ltd' });
  b.add('Employee', { DisplayName: 'Sam Tradie', GivenName: 'Sam', FamilyName: 'Tradie', PrimaryEmailAddr: { Address: 'sam@harbourside.example' }, EmployeeNumber: 'E001', HiredDate: '2021-02-01', Active: true, PrintOnCheckName: 'Sam Tradie' });

  b.add('Invoice', {
    DocNumber: 'INV-1001', TxnDate: '2026-04-01', CustomerRef: r(cafe), GlobalTaxCalculation: 'TaxExcluded', DepartmentRef: r(sydney),
    Line: [
      { DetailType: 'SalesItemLineDetail', Amount: 330, Description: 'Replace hot water system - labour', SalesItemLineDetail: { ItemRef: r(labourItem), Qty: 3, UnitPrice: 110, TaxCodeRef: r(GST), ClassRef: r(plumbing) } },
      { DetailType: 'SalesItemLineDetail', Amount: 845.5, Description: 'Hot water unit and fittings', SalesItemLineDetail: { ItemRef: r(materialsItem), TaxCodeRef: r(GST), ClassRef: r(plumbing) } },
    ],
  });
  b.add('Invoice', {
    DocNumber: 'INV-1002', TxnDate: '2026-04-10', CustomerRef: r(group), GlobalTaxCalculation: 'TaxInclusive',
    Line: [{ DetailType: 'SalesItemLineDetail', Description: 'Quarterly maintenance', SalesItemLineDetail: { ItemRef: r(labourItem), TaxInclusiveAmt: 1210, TaxCodeRef: r(GST) } }],
  });
  b.add('Bill', {
    VendorRef: r(reece), TxnDate: '2026-04-02', DocNumber: 'R-88812', GlobalTaxCalculation: 'TaxExcluded',
    Line: [{ DetailType: 'AccountBasedExpenseLineDetail', Amount: 512.4, AccountBasedExpenseLineDetail: { AccountRef: r(cogsMaterials), TaxCodeRef: r(GST) } }],
  });
  b.add('Purchase', {
    PaymentType: 'CreditCard', AccountRef: r(visaCard), TxnDate: '2026-04-03', GlobalTaxCalculation: 'TaxInclusive',
    Line: [{ DetailType: 'AccountBasedExpenseLineDetail', Amount: 80, AccountBasedExpenseLineDetail: { AccountRef: r(motor), TaxCodeRef: r(GST) } }],
  });
  void bank;
  void undeposited;
  void NT;
  // QBO's feed rates (AUD per one unit), used when a multicurrency transaction sends no ExchangeRate.
  return {
    ...b.build(),
    exchangeRates: [
      { currency: 'NZD', asOfDate: '2026-01-01', rate: 0.9105 },
      { currency: 'NZD', asOfDate: '2026-11-01', rate: 0.9042 },
      { currency: 'USD', asOfDate: '2026-01-01', rate: 1.5236 },
    ],
  };
}

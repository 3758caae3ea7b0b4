/**
 * The US seed companies: home-services businesses in USD with TAX/NON line codes, auto-numbered sales
 * forms and a Net 30 default term, like Intuit's sandbox. Two kinds, as QBO has them
 * (docs/qbo-facts/us-sales-tax.md):
 * - `us`: automated sales tax (AST, Preferences.TaxPrefs.PartnerTaxEnabled true, every US company
 *   created since 10 Nov 2017): the tax code is picked from the ship-to address;
 * - `usManual`: manual sales tax (PartnerTaxEnabled false, an older company): the transaction's
 *   TxnTaxCodeRef, else the customer's default tax code, decides the rates.
 * Both have the same tax rates, agencies and combined codes: California 8% (the rate of Intuit's own
 * sandbox invoices) and New York City 8.875% (NY State 4% + NYC 4.5% + MCTD 0.375%).
 */
import { type CompanySeed } from '../company.store.js';
import { SeedBuilder } from './seed.builder.js';

export const US_REALM_ID = '9341455121823791';
export const US_COMPANY_NAME = 'Keystone Home Services LLC';
export const US_MANUAL_REALM_ID = '9341455121823792';
export const US_MANUAL_COMPANY_NAME = 'Liberty Handyman Services Inc';

/** Tax agencies (TaxRate.AgencyRef) and the seeded rate and code ids, for tests. */
export const US_TAX = {
  agencies: { california: { value: '1', name: 'California Department of Tax and Fee Administration' }, newYork: { value: '2', name: 'New York State Department of Taxation and Finance' } },
  rates: { california: '3', newYorkState: '4', newYorkCity: '5', mctd: '6' },
  codes: { california: '2', newYorkCity: '7' },
} as const;

export function usCompanySeed(): CompanySeed {
  return usSeed(true);
}

export function usManualTaxCompanySeed(): CompanySeed {
  return usSeed(false);
}

function usSeed(automated: boolean): CompanySeed {
  const b = new SeedBuilder(
    {
      realmId: automated ? US_REALM_ID : US_MANUAL_REALM_ID,
      country: 'US',
      currency: { value: 'USD', name: 'United States Dollar' },
      timeZone: 'America/Los_Angeles',
      // The AST engine's address lookup (automated companies only); Oregon has no sales tax.
      ...(automated
        ? { salesTaxJurisdictions: [{ state: 'NY', city: 'New York', taxCodeId: US_TAX.codes.newYorkCity }, { state: 'CA', taxCodeId: US_TAX.codes.california }, { state: 'OR', taxCodeId: null }] }
        : {}),
    },
    automated ? 1150040001 : 1150050001,
  );
  const r = (id: string) => b.ref(id);
  const companyName = automated ? US_COMPANY_NAME : US_MANUAL_COMPANY_NAME;

  const rate = (id: string, Name: string, RateValue: number, AgencyRef: { value: string; name: string }) =>
    b.add('TaxRate', { Name, Description: 'Sales Tax', Active: true, RateValue, AgencyRef, SpecialTaxType: 'NONE', DisplayType: 'ReadOnly', EffectiveTaxRate: [{ RateValue, EffectiveDate: '2017-01-01T00:00:00-08:00' }] }, id);
  rate(US_TAX.rates.california, 'California', 8, US_TAX.agencies.california);
  rate(US_TAX.rates.newYorkState, 'NY State', 4, US_TAX.agencies.newYork);
  rate(US_TAX.rates.newYorkCity, 'NYC', 4.5, US_TAX.agencies.newYork);
  rate(US_TAX.rates.mctd, 'MCTD', 0.375, US_TAX.agencies.newYork);
  b.add('TaxCode', { Name: 'TAX', Description: 'TAX', Active: true, Hidden: false, Taxable: true, TaxGroup: false }, 'TAX');
  b.add('TaxCode', { Name: 'NON', Description: 'NON', Active: true, Hidden: false, Taxable: false, TaxGroup: false }, 'NON');
  const group = (id: string, Name: string, Description: string, rates: string[]) =>
    b.add('TaxCode', {
      Name, Description, Active: true, Hidden: false, Taxable: true, TaxGroup: true,
      SalesTaxRateList: { TaxRateDetail: rates.map((value, TaxOrder) => ({ TaxRateRef: { value }, TaxTypeApplicable: 'TaxOnAmount', TaxOrder })) }, PurchaseTaxRateList: { TaxRateDetail: [] },
    }, id);
  const california = group(US_TAX.codes.california, 'California', 'California sales tax', [US_TAX.rates.california]);
  const newYorkCity = group(US_TAX.codes.newYorkCity, 'New York City', 'NY State 4% + NYC 4.5% + MCTD 0.375%', [US_TAX.rates.newYorkState, US_TAX.rates.newYorkCity, US_TAX.rates.mctd]);

  const acct = (Name: string, AccountType: string, AccountSubType: string, extra: Record<string, unknown> = {}) => b.add('Account', { Name, AccountType, AccountSubType, Active: true, ...extra });
  const checking = acct('Checking', 'Bank', 'Checking', { AcctNum: '1000' });
  acct('Savings', 'Bank', 'Savings', { AcctNum: '1010' });
  acct('Undeposited Funds', 'Other Current Asset', 'UndepositedFunds', { AcctNum: '1200' });
  acct('Card Clearing', 'Other Current Asset', 'OtherCurrentAssets', { AcctNum: '1210' });
  acct('Accounts Receivable (A/R)', 'Accounts Receivable', 'AccountsReceivable', { AcctNum: '1100' });
  const inventory = acct('Inventory Asset', 'Other Current Asset', 'Inventory', { AcctNum: '1300' });
  acct('Retainage Receivable', 'Other Current Asset', 'OtherCurrentAssets', { AcctNum: '1400' });
  acct('Accounts Payable (A/P)', 'Accounts Payable', 'AccountsPayable', { AcctNum: '2000' });
  acct('Mastercard', 'Credit Card', 'CreditCard', { AcctNum: '2100' });
  acct('Sales Tax Payable', 'Other Current Liability', 'GlobalTaxPayable', { AcctNum: '2200' });
  acct('Opening Balance Equity', 'Equity', 'OpeningBalanceEquity', { AcctNum: '3000' });
  acct('Retained Earnings', 'Equity', 'RetainedEarnings', { AcctNum: '3100' });
  const services = acct('Services', 'Income', 'ServiceFeeIncome', { AcctNum: '4000' });
  const labourResidential = acct('Labor Income - Residential', 'Income', 'ServiceFeeIncome', { AcctNum: '4010' });
  acct('Labor Income - Commercial', 'Income', 'ServiceFeeIncome', { AcctNum: '4020' });
  const materials = acct('Materials Income', 'Income', 'SalesOfProductIncome', { AcctNum: '4100' });
  const retainage = acct('Retainage Income', 'Income', 'OtherPrimaryIncome', { AcctNum: '4200' });
  const surcharge = acct('Card Surcharge Income', 'Income', 'OtherPrimaryIncome', { AcctNum: '4300' });
  acct('Discounts given', 'Income', 'DiscountsRefundsGiven', { AcctNum: '4900' });
  acct('Interest Earned', 'Other Income', 'InterestEarned', { AcctNum: '7000' });
  acct('Rounding', 'Other Expense', 'OtherMiscellaneousExpense', { AcctNum: '7900' });
  const cogs = acct('Cost of Goods Sold', 'Cost of Goods Sold', 'SuppliesMaterialsCogs', { AcctNum: '5000' });
  acct('Subcontractors', 'Cost of Goods Sold', 'CostOfLabourCos', { AcctNum: '5100' });
  acct('Bad Debts', 'Expense', 'BadDebts', { AcctNum: '6000' });
  const automobile = acct('Automobile', 'Expense', 'Auto', { AcctNum: '6100' });
  acct('Bank Charges', 'Expense', 'BankCharges', { AcctNum: '6200' });
  acct('Insurance', 'Expense', 'Insurance', { AcctNum: '6300' });
  acct('Job Supplies', 'Expense', 'SuppliesMaterials', { AcctNum: '6400' });
  acct('Utilities', 'Expense', 'Utilities', { AcctNum: '6500' });
  acct('Rent or Lease', 'Expense', 'RentOrLeaseOfBuildings', { AcctNum: '6600' });
  acct('Petty Cash', 'Bank', 'CashOnHand', { AcctNum: '1050', Active: false });

  for (const [Name, Type] of [['Cash', 'NON_CREDIT_CARD'], ['Check', 'NON_CREDIT_CARD'], ['ACH / EFT', 'NON_CREDIT_CARD'], ['Visa', 'CREDIT_CARD'], ['MasterCard', 'CREDIT_CARD'], ['American Express', 'CREDIT_CARD'], ['Discover', 'CREDIT_CARD']] as const) {
    b.add('PaymentMethod', { Name, Type, Active: true });
  }
  b.add('Term', { Name: 'Due on receipt', DueDays: 0, Active: true });
  const net15 = b.add('Term', { Name: 'Net 15', DueDays: 15, Active: true });
  const net30 = b.add('Term', { Name: 'Net 30', DueDays: 30, Active: true });
  b.add('Term', { Name: 'Net 60', DueDays: 60, Active: true });

  b.add('Class', { Name: 'HVAC', Active: true });
  b.add('Class', { Name: 'Plumbing', Active: true });
  b.add('Class', { Name: 'Electrical', Active: true });
  b.add('Department', { Name: 'Downtown', Active: true });
  b.add('Department', { Name: 'Eastside', Active: true });

  b.add('CompanyInfo', {
    CompanyName: companyName,
    LegalName: companyName,
    CompanyAddr: { Id: '1', Line1: '123 Sierra Way', City: 'San Pablo', CountrySubDivisionCode: 'CA', PostalCode: '87999', Country: 'US' },
    LegalAddr: { Id: '1', Line1: '123 Sierra Way', City: 'San Pablo', CountrySubDivisionCode: 'CA', PostalCode: '87999', Country: 'US' },
    CustomerCommunicationAddr: { Id: '1', Line1: '123 Sierra Way', City: 'San Pablo', CountrySubDivisionCode: 'CA', PostalCode: '87999', Country: 'US' },
    PrimaryPhone: { FreeFormNumber: '(650) 555-0134' },
    CompanyEmailAddr: { Address: 'office@keystone.example' },
    WebAddr: { URI: 'https://keystone.example' },
    CompanyStartDate: '2020-01-01',
    FiscalYearStartMonth: 'January',
    Country: 'US',
    SupportedLanguages: 'en',
    DefaultTimeZone: 'America/Los_Angeles',
    NameValue: [
      { Name: 'NeoEnabled', Value: 'true' },
      { Name: 'IndustryType', Value: 'Plumbing, Heating, and Air-Conditioning Contractors' },
      { Name: 'CompanyType', Value: 'LLC' },
      { Name: 'SubscriptionStatus', Value: 'SUBSCRIBED' },
      { Name: 'OfferingSku', Value: 'QuickBooks Online Plus' },
    ],
  }, '1');
  b.add('Preferences', {
    AccountingInfoPrefs: { TrackDepartments: true, DepartmentTerminology: 'Location', ClassTrackingPerTxn: false, ClassTrackingPerTxnLine: true, CustomerTerminology: 'Customers' },
    ProductAndServicesPrefs: { ForSales: true, ForPurchase: true, QuantityWithPriceAndRate: true, QuantityOnHand: true },
    SalesFormsPrefs: { CustomTxnNumbers: false, AllowDiscount: true, AllowDeposit: true, AllowShipping: false, DefaultTerms: { value: net30 } },
    VendorAndPurchasesPrefs: { TrackingByCustomer: true, BillableExpenseTracking: true, DefaultTerms: { value: net30 } },
    TaxPrefs: { UsingSalesTax: true, PartnerTaxEnabled: automated, TaxGroupCodeRef: { value: california } },
    CurrencyPrefs: { MultiCurrencyEnabled: false, HomeCurrency: { value: 'USD' } },
    ReportPrefs: { ReportBasis: 'Accrual', CalcAgingReportFromTxnDate: false },
  }, '1');

  const item = (Name: string, Type: string, extra: Record<string, unknown>) => b.add('Item', { Name, Type, Active: true, ...extra });
  const labour = item('Labor', 'Service', { Description: 'Labor (per hour)', UnitPrice: 95, IncomeAccountRef: r(services) });
  item('Labor - Residential', 'Service', { Description: 'Residential labor (per hour)', UnitPrice: 85, IncomeAccountRef: r(labourResidential) });
  const parts = item('Materials', 'NonInventory', { Description: 'Parts and materials', IncomeAccountRef: r(materials), ExpenseAccountRef: r(cogs), Taxable: true });
  const category = item('HVAC Parts', 'Category', {});
  item('Air Filter 16x25', 'Inventory', { UnitPrice: 24, PurchaseCost: 11, IncomeAccountRef: r(materials), ExpenseAccountRef: r(cogs), AssetAccountRef: r(inventory), QtyOnHand: 40, InvStartDate: '2025-01-01', SubItem: true, ParentRef: r(category), Taxable: true });
  item('Retainage', 'Service', { Description: 'Retainage withheld / released', IncomeAccountRef: r(retainage) });
  item('Card Surcharge', 'Service', { Description: 'Card payment surcharge', IncomeAccountRef: r(surcharge) });

  // Manual sales tax: each customer carries the tax code its invoices default to (AST hides it).
  const taxOf = (code: string) => (automated ? {} : { Taxable: true, DefaultTaxCodeRef: r(code) });
  const amy = b.add('Customer', { ...taxOf(california), DisplayName: "Amy's Bird Sanctuary", GivenName: 'Amy', FamilyName: 'Lauterbach', CompanyName: "Amy's Bird Sanctuary", PrimaryEmailAddr: { Address: 'birds@intuit.example' }, BillAddr: { Line1: '4581 Finch St.', City: 'Bayshore', CountrySubDivisionCode: 'CA', PostalCode: '94326' } });
  const cool = b.add('Customer', { ...taxOf(california), DisplayName: 'Cool Cars', CompanyName: 'Cool Cars', PrimaryEmailAddr: { Address: 'cool_cars@intuit.example' }, BillAddr: { Line1: '65 Ocean Dr.', City: 'Half Moon Bay', CountrySubDivisionCode: 'CA', PostalCode: '94213' }, SalesTermRef: r(net15) });
  b.add('Customer', { DisplayName: 'Bronx Bagels', CompanyName: 'Bronx Bagels', ...taxOf(newYorkCity), BillAddr: { Line1: '12 Arthur Ave', City: 'New York', CountrySubDivisionCode: 'NY', PostalCode: '10458' }, ShipAddr: { Line1: '12 Arthur Ave', City: 'New York', CountrySubDivisionCode: 'NY', PostalCode: '10458' } });
  b.add('Customer', { DisplayName: 'Geeta Kalapatapu', GivenName: 'Geeta', FamilyName: 'Kalapatapu', BillAddr: { Line1: '1987 Main St.', City: 'Middlefield', CountrySubDivisionCode: 'CA', PostalCode: '94303' } });
  b.add('Customer', { DisplayName: 'Former Client Inc', Active: false });
  const supplier = b.add('Vendor', { DisplayName: 'Norton Lumber and Building Materials', CompanyName: 'Norton Lumber and Building Materials', TermRef: r(net30), AcctNum: '4581' });
  b.add('Vendor', { DisplayName: "Bob's Burger Joint", CompanyName: "Bob's Burger Joint" });
  b.add('Vendor', { DisplayName: 'PG&E', CompanyName: 'PG&E' });
  b.add('Employee', { DisplayName: 'Emily Platt', GivenName: 'Emily', FamilyName: 'Platt', PrimaryEmailAddr: { Address: 'emily@keystone.example' }, EmployeeNumber: '1', HiredDate: '2022-03-01', Active: true, PrintOnCheckName: 'Emily Platt' });

  const inv = b.add('Invoice', {
    TxnDate: '2026-04-01', CustomerRef: r(amy),
    Line: [{ DetailType: 'SalesItemLineDetail', Amount: 285, SalesItemLineDetail: { ItemRef: r(labour), Qty: 3, UnitPrice: 95 } }],
  });
  b.add('Invoice', {
    TxnDate: '2026-04-15', CustomerRef: r(cool), TxnTaxDetail: { TxnTaxCodeRef: r(california) },
    Line: [
      { DetailType: 'SalesItemLineDetail', Amount: 190, SalesItemLineDetail: { ItemRef: r(labour), Qty: 2, UnitPrice: 95, TaxCodeRef: { value: 'NON' } } },
      { DetailType: 'SalesItemLineDetail', Amount: 335.25, SalesItemLineDetail: { ItemRef: r(parts), TaxCodeRef: { value: 'TAX' } } },
    ],
  });
  b.add('Payment', { CustomerRef: r(amy), TotalAmt: 100, TxnDate: '2026-04-20', Line: [{ Amount: 100, LinkedTxn: [{ TxnId: inv, TxnType: 'Invoice' }] }] });
  b.add('Bill', { VendorRef: r(supplier), TxnDate: '2026-04-02', Line: [{ DetailType: 'AccountBasedExpenseLineDetail', Amount: 150, AccountBasedExpenseLineDetail: { AccountRef: r(cogs) } }] });
  b.add('Purchase', { PaymentType: 'Check', AccountRef: r(checking), TxnDate: '2026-04-06', DocNumber: 'Debit', Line: [{ DetailType: 'AccountBasedExpenseLineDetail', Amount: 19.99, AccountBasedExpenseLineDetail: { AccountRef: r(automobile) } }] });
  return {
    ...b.build(),
    exchangeRates: [
      { currency: 'CAD', asOfDate: '2026-01-01', rate: 0.7318 },
      { currency: 'EUR', asOfDate: '2026-01-01', rate: 1.0842 },
    ],
  };
}

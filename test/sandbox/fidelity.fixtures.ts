/**
 * Request/response pairs shaped like real QBO traffic, transcribed from the facts file §1.2, §1.3,
 * §1.6, §3, §7 and §10 (Nango's recorded US-sandbox fixtures, the ruby/PHP fault bodies). Ids,
 * times and company-specific names are placeholders; the fidelity test ignores ids and times.
 */

/** Nango `create-invoice.test.json` (facts §7.5), without the fields listed in KNOWN_GAPS. */
export const createInvoice = {
  request: { CustomerRef: { value: '1' }, TxnDate: '2024-01-15', Line: [{ DetailType: 'SalesItemLineDetail', Amount: 100, SalesItemLineDetail: { ItemRef: { value: '1' }, Qty: 1, UnitPrice: 100 } }] },
  response: {
    Invoice: {
      AllowIPNPayment: false,
      AllowOnlinePayment: false,
      AllowOnlineCreditCardPayment: true,
      AllowOnlineACHPayment: true,
      domain: 'QBO',
      sparse: false,
      Id: '155',
      SyncToken: '0',
      MetaData: { CreateTime: '2026-05-05T02:08:55-07:00', LastModifiedByRef: { value: '9341457021722234' }, LastUpdatedTime: '2026-05-05T02:08:55-07:00' },
      CustomField: [],
      DocNumber: '1042',
      TxnDate: '2024-01-15',
      CurrencyRef: { value: 'USD', name: 'United States Dollar' },
      LinkedTxn: [],
      Line: [
        {
          Id: '1',
          LineNum: 1,
          Amount: 100,
          DetailType: 'SalesItemLineDetail',
          SalesItemLineDetail: { ItemRef: { value: '1', name: 'Test Item Updated' }, UnitPrice: 100, Qty: 1, ItemAccountRef: { value: '1', name: 'Services' }, TaxCodeRef: { value: 'NON' } },
          CustomExtensions: [],
        },
        { Amount: 100, DetailType: 'SubTotalLineDetail', SubTotalLineDetail: {} },
      ],
      TxnTaxDetail: { TotalTax: 0 },
      CustomerRef: { value: '1', name: "Amy's Bird Sanctuary" },
      BillAddr: { Id: '2', Line1: '4581 Finch St.', City: 'Bayshore', CountrySubDivisionCode: 'CA', PostalCode: '94326', Lat: 'INVALID', Long: 'INVALID' },
      FreeFormAddress: true,
      ShipFromAddr: { Id: '106', Line1: '123 Sierra Way', Line2: 'San Pablo, CA  87999' },
      DueDate: '2024-02-14',
      TotalAmt: 100,
      ApplyTaxAfterDiscount: false,
      PrintStatus: 'NeedToPrint',
      EmailStatus: 'NotSet',
      Balance: 100,
    },
    time: '2026-05-05T02:08:54.543-07:00',
  },
};

/** Nango `update-invoice.test.json` (facts §3.1): sparse PrivateNote; SyncToken goes up by one. */
export const sparseUpdateInvoice = {
  request: (id: string, syncToken: string) => ({ Id: id, SyncToken: syncToken, sparse: true, PrivateNote: 'Updated via sparse' }),
  expectSyncToken: (sent: string) => String(Number(sent) + 1),
};

/** Nango `create-account.test.json` (facts §7.2). */
export const createAccount = {
  request: { Name: 'Bank Account May 2026 v2', AccountType: 'Bank' },
  response: {
    Account: {
      Name: 'Bank Account May 2026 v2',
      SubAccount: false,
      FullyQualifiedName: 'Bank Account May 2026 v2',
      Active: true,
      Classification: 'Asset',
      AccountType: 'Bank',
      AccountSubType: 'CashOnHand',
      CurrentBalance: 0,
      CurrentBalanceWithSubAccounts: 0,
      CurrencyRef: { value: 'USD', name: 'United States Dollar' },
      domain: 'QBO',
      sparse: false,
      Id: '1150040002',
      SyncToken: '0',
      MetaData: { CreateTime: '2026-05-05T02:05:37-07:00' },
    },
    time: '2026-05-05T02:05:37.933-07:00',
  },
};

/** Nango `create-payment.test.json` (facts §7.6): an unapplied payment. */
export const createPayment = {
  request: { CustomerRef: { value: '1' }, TotalAmt: 100 },
  response: {
    Payment: {
      CustomerRef: { value: '1', name: "Amy's Bird Sanctuary" },
      DepositToAccountRef: { value: '4' },
      TotalAmt: 100,
      UnappliedAmt: 100,
      ProcessPayment: false,
      domain: 'QBO',
      sparse: false,
      Id: '180',
      SyncToken: '0',
      MetaData: { CreateTime: '2026-05-05T02:09:00-07:00', LastUpdatedTime: '2026-05-05T02:09:00-07:00' },
      TxnDate: '2026-05-05',
      CurrencyRef: { value: 'USD', name: 'United States Dollar' },
      Line: [],
    },
    time: '2026-05-05T02:09:00.100-07:00',
  },
};

/** Nango `create-item.test.json` (facts §7.4): a Service item with just an income account. */
export const createItem = {
  request: (incomeAccountId: string) => ({ Name: 'Fidelity Service Item', Type: 'Service', IncomeAccountRef: { value: incomeAccountId } }),
  response: { Item: { Name: 'Fidelity Service Item', Active: true, FullyQualifiedName: 'Fidelity Service Item', Taxable: false, UnitPrice: 0, Type: 'Service', IncomeAccountRef: { value: '79', name: 'Services' }, PurchaseCost: 0, TrackQtyOnHand: false, domain: 'QBO', sparse: false, Id: '1', SyncToken: '0' } },
};

/** Delete response (facts §1.2; ruby `invoice_delete_success_response.xml`). */
export const deleteResponse = { Invoice: { domain: 'QBO', status: 'Deleted', Id: '1' }, time: '2026-05-05T02:10:00.000-07:00' };

/** Query envelopes (facts §1.3; Nango `query-entities`, `transfers`). */
export const queryEnvelopes = {
  rows: { QueryResponse: { Customer: [{}], startPosition: 1, maxResults: 1 }, time: '2026-05-05T02:10:11.123-07:00' },
  empty: { QueryResponse: {}, time: '2026-05-05T02:10:11.123-07:00' },
  count: { QueryResponse: { totalCount: 42 }, time: '2026-05-05T02:10:11.123-07:00' },
};

/** Fault bodies (facts §1.6, §3.1, §3.3, §2.4). */
export const faultBodies = {
  duplicateName: {
    Fault: { Error: [{ Message: 'Duplicate Name Exists Error', Detail: 'The name supplied already exists. : Another customer, vendor or employee is already using this name. Please use a different name.', code: '6240', element: '' }], type: 'ValidationFault' },
    time: '2017-09-29T09:17:31.892-07:00',
  },
  staleObject: {
    Fault: { Error: [{ Message: 'Stale Object Error', Detail: 'Stale Object Error : You and root were working on this at the same time. root finished before you did, so your work was not saved.', code: '5010', element: '' }], type: 'ValidationFault' },
    time: '2017-09-29T09:17:31.892-07:00',
  },
  deletedTransaction: {
    Fault: { Error: [{ Message: 'Object Not Found', Detail: 'Object Not Found : Another user has deleted this transaction.', code: '610', element: '' }], type: 'ValidationFault' },
    time: '2017-09-29T09:17:31.892-07:00',
  },
  docNumberTooLong: {
    Fault: { Error: [{ Message: 'String length is either shorter or longer than supported by specification', Detail: 'String length specified does not match the supported length. Min:0 Max:21 supported. Supplied length:22', code: '2050', element: 'DocNumber' }], type: 'ValidationFault' },
    time: '2017-09-29T09:17:31.892-07:00',
  },
  authentication: {
    warnings: null,
    intuitObject: null,
    fault: { error: [{ message: 'message=AuthenticationFailed; errorCode=003200; statusCode=401', detail: 'Malformed bearer token: too short or too long', code: '3200', element: null }], type: 'AUTHENTICATION' },
    report: null,
    queryResponse: null,
    batchItemResponse: [],
    attachableResponse: [],
    syncErrorResponse: null,
    requestId: null,
    time: 1633520295688,
    status: null,
    cdcresponse: [],
  },
  throttled: { code: '3001', message: 'message=ThrottleExceeded; errorCode=003001; statusCode=429', detail: 'The request limit was reached.  Try again later' },
};

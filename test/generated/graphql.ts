/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What an account setting is used for; each purpose allows certain QBO account types. */
export type AccountPurpose =
  /** Bad-debt write-offs. QuickBooks account types allowed: Expense, Other Expense, Income. */
  | 'BAD_DEBT'
  /** Where card payments are deposited until the card provider settles. QuickBooks account types allowed: Bank, Other Current Asset, Credit Card. */
  | 'CARD_CLEARING'
  /** Cost of stock sold. QuickBooks account types allowed: Cost of Goods Sold. */
  | 'COST_OF_GOODS_SOLD'
  /** Credit note lines. QuickBooks account types allowed: Income, Other Income. */
  | 'CREDIT_NOTE'
  /** Discount lines. QuickBooks account types allowed: Income, Other Income, Expense, Other Expense. */
  | 'DISCOUNT'
  /** Expense (QuickBooks Purchase) lines. QuickBooks account types allowed: Expense, Other Expense, Cost of Goods Sold. */
  | 'EXPENSE'
  /** Stock on hand of inventory items. QuickBooks account types allowed: Other Current Asset. */
  | 'INVENTORY_ASSET'
  /** Income from labour lines. QuickBooks account types allowed: Income, Other Income. */
  | 'LABOUR_INCOME'
  /** Where customer payments are deposited (e.g. Undeposited Funds). QuickBooks account types allowed: Bank, Other Current Asset. */
  | 'PAYMENT_DEPOSIT'
  /** Retention withheld and released. QuickBooks account types allowed: Income, Other Income, Other Current Asset. */
  | 'RETENTION_INCOME'
  /** Rounding lines that make totals agree to the cent. QuickBooks account types allowed: Income, Other Income, Expense, Other Expense. */
  | 'ROUNDING'
  /** Supplier invoice (QuickBooks Bill) lines. QuickBooks account types allowed: Expense, Other Expense, Cost of Goods Sold. */
  | 'SUPPLIER_INVOICE_EXPENSE'
  /** Income from supplies and materials lines. QuickBooks account types allowed: Income, Other Income. */
  | 'SUPPLIES_INCOME'
  /** Card surcharges collected. QuickBooks account types allowed: Income, Other Income. */
  | 'SURCHARGE_INCOME';

/** Why a saved account setting cannot be used now: INACTIVE (made inactive in QuickBooks), DELETED (no longer in the chart of accounts), WRONG_TYPE (a type the setting does not allow, since Relax Account Selection Restrictions is off). */
export type AccountSettingProblemKind =
  /** The account is no longer in the chart of accounts. */
  | 'DELETED'
  /** The account was made inactive in QuickBooks. */
  | 'INACTIVE'
  /** The account is of a type the setting does not allow (Relax Account Selection Restrictions is off). */
  | 'WRONG_TYPE';

/** A partial change: omitted fields are left alone; null clears a field (back to its default). */
export type AccountingSettingsInput = {
  /** Only transactions dated on or after it are pushed; null clears it. */
  accountingStartDate?: string | null | undefined;
  /** QuickBooks account id (Account.id) of the setting: Account of bad-debt write-offs (BAD_DEBT). Null clears it. */
  badDebtAccountId?: string | number | null | undefined;
  /** QuickBooks account id (Account.id) of the setting: Clearing account card payments are deposited to (CARD_CLEARING). Null clears it. */
  creditCardPaymentsAccountId?: string | number | null | undefined;
  /** QuickBooks account id (Account.id) of the setting: Account of credit note lines (CREDIT_NOTE). Null clears it. */
  creditNoteAccountId?: string | number | null | undefined;
  /** QuickBooks account id (Account.id) of the setting: Cost of goods sold of inventory items created in QBO, unless the supply sets its own (COST_OF_GOODS_SOLD). Null clears it. */
  defaultCostOfGoodsSoldAccountId?: string | number | null | undefined;
  /** QuickBooks account id (Account.id) of the setting: Expense (Purchase) line account when the supplier has none (EXPENSE). Null clears it. */
  defaultExpenseAccountId?: string | number | null | undefined;
  /** QuickBooks account id (Account.id) of the setting: Asset account of inventory items created in QBO (INVENTORY_ASSET). Null clears it. */
  defaultInventoryAccountId?: string | number | null | undefined;
  /** QuickBooks account id (Account.id) of the setting: Income account of labour lines (LABOUR_INCOME). Null clears it. */
  defaultLabourIncomeAccountId?: string | number | null | undefined;
  /** QuickBooks account id (Account.id) of the setting: Account of rounding lines (ROUNDING). Null clears it. */
  defaultRoundingAccountId?: string | number | null | undefined;
  /** QuickBooks account id (Account.id) of the setting: Bill line account when the supplier has none (SUPPLIER_INVOICE_EXPENSE). Null clears it. */
  defaultSupplierInvoiceAccountId?: string | number | null | undefined;
  /** QuickBooks account id (Account.id) of the setting: Income account of supplies/materials lines (SUPPLIES_INCOME). Null clears it. */
  defaultSuppliesIncomeAccountId?: string | number | null | undefined;
  /** QuickBooks account id (Account.id) of the setting: Account of DISCOUNT invoice lines; null: they post to the labour income account (DISCOUNT). Null clears it. */
  discountAccountId?: string | number | null | undefined;
  /** Which FSM value goes into the QuickBooks invoice's reference field; null clears it. */
  invoiceReferenceField?: InvoiceReferenceField | null | undefined;
  /** An FSM payment method, by externalId or name. */
  paymentMethodFromAccounts?: string | null | undefined;
  /** QuickBooks account id (Account.id) of the setting: Bank account payments are deposited to (PAYMENT_DEPOSIT). Null clears it. */
  paymentsAccountId?: string | number | null | undefined;
  /** Kept for parity with Xero; has no effect with QuickBooks Online. */
  pushSupplierInvoicesAsAwaitingApproval?: boolean | null | undefined;
  /** Counts for the accounts in the same input. */
  relaxAccountSelectionRestrictions?: boolean | null | undefined;
  /** QuickBooks account id (Account.id) of the setting: Account of retention withheld and released (RETENTION_INCOME). Null clears it. */
  retentionIncomeAccountId?: string | number | null | undefined;
  /** Which QuickBooks tracking category FSM teams map to. */
  teamTrackingCategory?: TeamTrackingCategory | null | undefined;
};

/** Whether the cached chart of accounts is filled, so an empty list can be told from one not read yet. */
export type ChartOfAccountsState =
  /** Reading the chart from QuickBooks failed; the message says why. refreshChartOfAccounts tries again. */
  | 'FAILED'
  /** Connected; the chart is being read from QuickBooks (the lists are empty or partial until then). */
  | 'LOADING'
  /** Never filled, and no QuickBooks company is connected to fill it from. */
  | 'NOT_CONNECTED'
  /** Filled from the connected company (or kept from an earlier connection). */
  | 'READY';

/** One credit note line. */
export type CreditNoteLineInput = {
  /** Amount credited on the line. */
  amount: string;
  /** Line text (at most 4,000 characters, as QuickBooks allows); absent: empty. */
  description?: string | null | undefined;
  /** The FSM's line id, unique within the credit note. */
  lineId: string;
  /** QuickBooks tax code name, e.g. "GST" (non-US companies). */
  taxCode?: string | null | undefined;
  /** Taxable line (US companies). */
  taxable?: boolean | null | undefined;
};

/** What the customer import did with a QuickBooks customer. */
export type CustomerImportStatus =
  /** Several FSM customers fit: a bookkeeper chooses (linkCustomer or createCustomerFromQuickBooks). */
  | 'AMBIGUOUS'
  /** Created as a new FSM customer. */
  | 'CREATED'
  /** Linked to an existing FSM customer. */
  | 'LINKED';

/** What tied a QuickBooks customer to an FSM customer in the import. */
export type CustomerMatchReason =
  /** Same display name (ignoring case, spaces and punctuation). */
  | 'DISPLAY_NAME'
  /** Same email address. */
  | 'EMAIL'
  /** A bookkeeper chose (linkCustomer or createCustomerFromQuickBooks). */
  | 'MANUAL'
  /** The FSM customer was already linked to this QuickBooks customer. */
  | 'QUICKBOOKS_ID';

/** One invoice line. */
export type InvoiceLineInput = {
  /** Must equal quantity x unitPrice rounded half-up to cents. */
  amount: string;
  /** Line text (at most 4,000 characters, as QuickBooks allows); absent: empty. */
  description?: string | null | undefined;
  /** The line's job type (FSM id), overriding the invoice's. */
  jobTypeExternalId?: string | null | undefined;
  /** What the line sells: decides the income account it posts to. */
  kind: InvoiceLineKind;
  /** The FSM's line id, unique within the invoice. */
  lineId: string;
  /** Quantity (hours or units), an exact decimal string, e.g. "1.5". */
  quantity: string;
  /** SUPPLIES lines only. */
  supplyExternalId?: string | null | undefined;
  /** Tax code name (non-US companies). */
  taxCode?: string | null | undefined;
  /** Taxable line (US companies). */
  taxable?: boolean | null | undefined;
  /** The team that did the line's work (FSM id), overriding the invoice's. */
  teamExternalId?: string | null | undefined;
  /** Price per unit; tax-inclusive when the invoice is. */
  unitPrice: string;
};

/** DISCOUNT lines are negative and post to the discountAccount setting (labour income when it is not set). */
export type InvoiceLineKind =
  /** A discount: a negative amount, posted to the discountAccount setting. */
  | 'DISCOUNT'
  /** Labour: posts to the labour income account (job type override, else defaultLabourIncomeAccount). */
  | 'LABOUR'
  /** Anything else: posts like labour. */
  | 'OTHER'
  /** Supplies or materials (may name a supply): posts to the supplies income account (supply, job type, else defaultSuppliesIncomeAccount). */
  | 'SUPPLIES';

/** Which FSM value goes into the QBO invoice's reference field. */
export type InvoiceReferenceField =
  /** The customer's order (PO) number. */
  | 'CUSTOMER_ORDER_NUMBER'
  /** The FSM job number. */
  | 'JOB_NUMBER'
  /** The site address. */
  | 'SITE_ADDRESS'
  /** The FSM work order number. */
  | 'WORK_ORDER';

/** What someone did to the QuickBooks copy of an FSM invoice. */
export type InvoiceRemoteChange =
  /** Deleted in QuickBooks. */
  | 'DELETED'
  /** Edited in QuickBooks (its amounts or lines differ from the FSM invoice). */
  | 'EDITED'
  /** Voided in QuickBooks. */
  | 'VOIDED';

/** Progress claims withhold retention; completion and final retention invoices release it. */
export type InvoiceType =
  /** The invoice at practical completion: may release retention (retentionReleased). */
  | 'COMPLETION'
  /** The final invoice that releases the rest of the retention (retentionReleased). */
  | 'FINAL_RETENTION'
  /** A progress claim on a contract: may withhold retention (retentionWithheld). */
  | 'PROGRESS_CLAIM'
  /** An ordinary invoice; may withhold retention. */
  | 'STANDARD';

/** A credit note, issued or updated by externalId. */
export type IssueCreditNoteInput = {
  /** The customer credited (FSM id). */
  customerExternalId: string;
  /** Transaction date. */
  date: string;
  /** The FSM's own id: repeating the call with it updates the same record, never a second one. */
  externalId: string;
  /** The invoice to apply it to (FSM id); absent: it stays customer credit. */
  invoiceExternalId?: string | null | undefined;
  /** The credit note lines (at least one). */
  lines: Array<CreditNoteLineInput>;
  /** The credit note number (QuickBooks DocNumber). */
  number: string;
  /** Line amounts include tax (default false). */
  taxInclusive?: boolean | null | undefined;
  /** The amount credited: sum of the lines (+ totalTax when tax-exclusive). */
  total: string;
  /** Total tax; "0.00" when none. */
  totalTax: string;
};

/** The part of a payment applied to one invoice. */
export type PaymentAllocationInput = {
  /** The amount applied, at most the invoice's outstanding balance. */
  amount: string;
  /** The invoice paid (FSM id). */
  invoiceExternalId: string;
};

/** Money paid back to the customer out of the payment's unapplied credit. */
export type PaymentRefundInput = {
  /** The amount paid back. */
  amount: string;
  /** Not before the payment date. */
  date: string;
  /** Reference text (cheque number, bank reference, ...). */
  reference?: string | null | undefined;
  /** The FSM's id of the refund, unique within the payment. */
  refundId: string;
};

/** An action on one sync issue. */
export type PerformSyncIssueActionInput = {
  /** One of the issue's actions. */
  action: SyncIssueAction;
  /** The issue (SyncIssue.id). */
  issueId: string | number;
  /** LINK: the QuickBooks object (one of the issue's candidates). */
  remoteId?: string | number | null | undefined;
};

/** A postal address (QuickBooks BillAddr); every line is optional. */
export type PostalAddressInput = {
  /** City or suburb. */
  city?: string | null | undefined;
  /** Country. */
  country?: string | null | undefined;
  /** First street line. */
  line1?: string | null | undefined;
  /** Second street line. */
  line2?: string | null | undefined;
  /** Postcode or ZIP. */
  postalCode?: string | null | undefined;
  /** State, province or region, e.g. "NSW". */
  region?: string | null | undefined;
};

/** One line of a supplier invoice or expense. */
export type PurchaseLineInput = {
  /** The line's expense account (QuickBooks account id, as Account.id); absent: the supplier's, else the default setting. */
  accountId?: string | number | null | undefined;
  /** Line amount; tax-inclusive when the record is. */
  amount: string;
  /** Line text (at most 4,000 characters, as QuickBooks allows); absent: empty. */
  description?: string | null | undefined;
  /** The FSM's line id, unique within the record. */
  lineId: string;
  /** With supplyExternalId: units bought. */
  quantity?: string | null | undefined;
  /** Supplier invoices: the supply bought. A stock supply becomes an item line in QuickBooks that raises its quantity on hand. */
  supplyExternalId?: string | null | undefined;
  /** QuickBooks tax code name, e.g. "GST" (non-US companies). */
  taxCode?: string | null | undefined;
  /** Taxable line (US companies). */
  taxable?: boolean | null | undefined;
  /** The team the cost belongs to (FSM id). */
  teamExternalId?: string | null | undefined;
  /** With supplyExternalId: cost per unit; amount must equal quantity x unitCost. */
  unitCost?: string | null | undefined;
};

/** The kind of QuickBooks object a change was made to (QuickBooks names). */
export type QuickBooksChangeEntity =
  /** A QuickBooks Customer. */
  | 'Customer'
  /** A QuickBooks Invoice. */
  | 'Invoice'
  /** A QuickBooks Payment. */
  | 'Payment';

/** What changed in QuickBooks, and what the gateway did about it. */
export type QuickBooksChangeKind =
  /** A customer's credit was applied to an invoice in QuickBooks. */
  | 'CREDIT_APPLIED'
  /** A customer was changed in both places; the FSM version was kept (a sync issue says what differs). */
  | 'CUSTOMER_CONFLICT'
  /** A customer was entered in QuickBooks that no FSM customer is linked to (see quickBooksCreatedRecords). */
  | 'CUSTOMER_CREATED'
  /** A customer's details were changed in QuickBooks; the FSM customer follows. */
  | 'CUSTOMER_UPDATED'
  /** An invoice was entered in QuickBooks that no FSM invoice is linked to (see quickBooksCreatedRecords). */
  | 'INVOICE_CREATED'
  /** An invoice's QuickBooks copy was deleted (the FSM invoice is flagged, not changed). */
  | 'INVOICE_DELETED'
  /** An invoice's QuickBooks copy was edited (the FSM invoice is flagged, not changed). */
  | 'INVOICE_EDITED'
  /** An invoice's QuickBooks copy was voided (the FSM invoice is flagged, not changed). */
  | 'INVOICE_VOIDED'
  /** A payment entered in QuickBooks could not be applied in the FSM (a sync issue says why). */
  | 'PAYMENT_NOT_APPLIED'
  /** A payment entered in QuickBooks was recorded against the FSM invoices it pays. */
  | 'PAYMENT_RECORDED'
  /** A payment was voided or deleted in QuickBooks; the FSM payment was voided. */
  | 'PAYMENT_REVERSED'
  /** A payment was changed in QuickBooks; the FSM payment follows. */
  | 'PAYMENT_UPDATED';

/** Why the connection is in its status, as a stable code (reasonMessage says it in words). New codes may be added. */
export type QuickBooksConnectionReason =
  /** Intuit refused the authorization code: start again. */
  | 'CODE_EXCHANGE_FAILED'
  /** The company details could not be read from QuickBooks: try again. */
  | 'COMPANY_UNREADABLE'
  /** The user declined access on Intuit's page. */
  | 'CONSENT_DECLINED'
  /** Disconnected on request (disconnectQuickBooks). */
  | 'DISCONNECTED'
  /** That QuickBooks company is already connected to another business. */
  | 'REALM_IN_USE'
  /** A different QuickBooks company than before: confirm with allowRealmChange. */
  | 'REALM_MISMATCH'
  /** QuickBooks no longer accepts the stored authorization (revoked, expired or replaced): connect again. */
  | 'REFRESH_TOKEN_INVALID'
  /** The attempt was started with another API key. */
  | 'STARTED_BY_ANOTHER_KEY'
  /** The attempt was started in another browser. */
  | 'STARTED_IN_ANOTHER_BROWSER'
  /** The attempt was started over WebSocket: finish it with completeQuickBooksConnection. */
  | 'STARTED_WITHOUT_BROWSER'
  /** The connect link was unknown, used already or expired: start again. */
  | 'STATE_INVALID'
  /** The stored authorization cannot be decrypted (the encryption key changed): connect again. */
  | 'TOKENS_UNREADABLE';

/** Whether the tenant can talk to QuickBooks now. */
export type QuickBooksConnectionStatus =
  /** Connected: syncing can run. */
  | 'CONNECTED'
  /** The last connection attempt failed (reason says why). */
  | 'ERROR'
  /** No QuickBooks company is connected (never, or disconnected). */
  | 'NOT_CONNECTED'
  /** QuickBooks no longer accepts the authorization: someone must connect again (reason says why). */
  | 'RECONNECT_REQUIRED';

/** The kind of record entered in QuickBooks. */
export type QuickBooksCreatedEntity =
  /** A customer. */
  | 'CUSTOMER'
  /** An invoice. */
  | 'INVOICE';

/** OPEN: no FSM record is linked to it yet; LINKED: an FSM record is (linked or imported). */
export type QuickBooksCreatedStatus =
  /** An FSM record is linked to it (linked or imported). */
  | 'LINKED'
  /** No FSM record is linked to it yet. */
  | 'OPEN';

/** Which QuickBooks Online the company is in. */
export type QuickBooksEnvironment =
  /** Intuit's production QuickBooks Online (real books). */
  | 'production'
  /** An Intuit developer sandbox company. */
  | 'sandbox'
  /** The QuickBooks Online simulator built into the gateway (development and tests). */
  | 'simulator';

/** A customer payment, recorded or updated by externalId. */
export type RecordPaymentInput = {
  /** Invoices this payment pays, each at most its outstanding balance; empty for a deposit taken before invoicing. */
  allocations: Array<PaymentAllocationInput>;
  /** The money received: at least the sum of the allocations; the rest is customer credit (a deposit or overpayment). */
  amount: string;
  /** Must match each invoice's currency. */
  currency: string;
  /** The paying customer (FSM id). */
  customerExternalId: string;
  /** Transaction date. */
  date: string;
  /** Foreign-currency payments: home-currency units per one unit of currency; absent: QuickBooks uses its own rate for the date. */
  exchangeRate?: string | null | undefined;
  /** The FSM's own id: repeating the call with it updates the same record, never a second one. */
  externalId: string;
  /** The FSM payment method (FSM id); a card method deposits to the card clearing account. */
  paymentMethodExternalId: string;
  /** Reference text (cheque number, bank reference, ...). */
  reference?: string | null | undefined;
  /** Refunds of the unapplied credit (each a QuickBooks RefundReceipt). Allocations + refunds never exceed the amount. Absent or null keeps the refunds already recorded; a list must still contain every refund recorded before (a refund cannot be taken back: void the payment instead). */
  refunds?: Array<PaymentRefundInput> | null | undefined;
  /** Card payments only. */
  surcharge?: string | null | undefined;
};

/** What the FSM says happened to the record (voids and deletes are mirrored in QBO). */
export type RecordStatus =
  /** The record stands (the normal state). */
  | 'ACTIVE'
  /** Deleted in the FSM: deleted in QuickBooks too. */
  | 'DELETED'
  /** Voided in the FSM: kept at zero, and voided in QuickBooks too. */
  | 'VOIDED';

/** Where a record stands with QuickBooks. */
export type RecordSyncState =
  /** Waiting for another record (e.g. its customer) that could not be sent. */
  | 'BLOCKED'
  /** The last attempt failed; the open sync issue (issueId) says why and what to do. */
  | 'FAILED'
  /** Never sent to QuickBooks yet (no run has taken it). */
  | 'NOT_SYNCED'
  /** Waiting to be sent: a new version is not in QuickBooks yet. */
  | 'PENDING'
  /** Left out on purpose (e.g. dated before the accounting start date, or an ignored issue). */
  | 'SKIPPED'
  /** QuickBooks has the current version. */
  | 'SYNCED';

/** What to sync now; every field is optional. */
export type StartSyncInput = {
  /** PUSH (default), PULL or BOTH. */
  direction?: SyncDirection;
  /** Return the exact QuickBooks payloads without sending anything. */
  dryRun?: boolean;
  /** Kinds to push (default: every kind the engine pushes). Dependencies are pushed as needed. */
  scope?: Array<SyncKind> | null | undefined;
};

/** PUSH sends FSM records to QuickBooks; PULL applies changes made in QuickBooks (payments, customer edits, invoice voids) to the FSM; BOTH pulls, then pushes. */
export type SyncDirection =
  /** Pull, then push. */
  | 'BOTH'
  /** Apply changes made in QuickBooks to the FSM. */
  | 'PULL'
  /** Send FSM records to QuickBooks. */
  | 'PUSH';

/** What a bookkeeper can do about an issue (performSyncIssueAction); an issue lists only the actions that can succeed. */
export type SyncIssueAction =
  /** Close the issue and leave the record out of QuickBooks on purpose, until it changes again. */
  | 'IGNORE'
  /** Tie the record to an existing QuickBooks object: one of the issue's candidates (remoteId). */
  | 'LINK'
  /** The fix is an accounting setting (the issue's setting): performed once it is chosen, it sends the record again. */
  | 'OPEN_SETTINGS'
  /** Send a record the engine would otherwise skip (an invoice before the accounting start date, as an opening item). */
  | 'PUSH'
  /** Create the record again in QuickBooks, where it was deleted. */
  | 'RECREATE'
  /** Send the record again (an issue from a QuickBooks-side change: apply that change again). */
  | 'RETRY'
  /** Void the field-service record to agree with QuickBooks. */
  | 'VOID_IN_FSM';

/** Why a record could not be sent to QuickBooks (or a QuickBooks change applied), as a stable code. New codes may be added: treat an unknown one as a generic problem and show its message. */
export type SyncIssueCode =
  /** The record's currency is not the QuickBooks customer's or supplier's currency. */
  | 'CURRENCY_MISMATCH'
  /** The record is in a foreign currency and multicurrency is off in QuickBooks. */
  | 'CURRENCY_NOT_ENABLED'
  /** A customer was changed in both the FSM and QuickBooks; the FSM version was kept. */
  | 'CUSTOMER_EDIT_CONFLICT'
  /** Importing customers: several FSM customers fit one QuickBooks customer. */
  | 'CUSTOMER_MATCH_AMBIGUOUS'
  /** A record this one needs (e.g. its customer) could not be sent first. */
  | 'DEPENDENCY_FAILED'
  /** A payment entered in QuickBooks could not be applied in the FSM. */
  | 'INBOUND_PAYMENT_REJECTED'
  /** An unexpected error in the gateway; retrying may help, else contact support. */
  | 'INTERNAL'
  /** Several QuickBooks records could be this one: choose one (LINK) rather than risk a duplicate. */
  | 'MATCH_AMBIGUOUS'
  /** QuickBooks already has a customer, supplier or employee with this display name. */
  | 'NAME_IN_USE'
  /** A payment or credit applies to an invoice dated before the accounting start date that is not in QuickBooks (PUSH sends it). */
  | 'OPENING_INVOICE_MISSING'
  /** The QuickBooks connection needs to be made again (reconnect). */
  | 'QUICKBOOKS_AUTH'
  /** QuickBooks refused the record (quickBooksFault has its own words). */
  | 'QUICKBOOKS_REJECTED'
  /** QuickBooks could not be reached or was busy; retrying later helps. */
  | 'QUICKBOOKS_UNAVAILABLE'
  /** A QuickBooks record the push uses (account, customer, item, ...) was made inactive. */
  | 'REFERENCE_INACTIVE'
  /** A QuickBooks record the push refers to (account, class, item, ...) no longer exists. */
  | 'REFERENCE_NOT_FOUND'
  /** The QuickBooks copy was deleted in QuickBooks (RECREATE sends it again). */
  | 'REMOTE_DELETED'
  /** The QuickBooks copy was voided in QuickBooks while the FSM record is still active. */
  | 'REMOTE_VOIDED'
  /** US sales tax: the QuickBooks customer has no sales tax rate to charge the tax with. */
  | 'SALES_TAX_CODE_MISSING'
  /** A setting's account is inactive, deleted or of the wrong type in QuickBooks. */
  | 'SETTING_ACCOUNT_UNUSABLE'
  /** An accounting setting the record needs is not chosen (setting names it). */
  | 'SETTING_MISSING'
  /** A line names a tax code QuickBooks does not have (or that is inactive). */
  | 'TAX_CODE_NOT_FOUND'
  /** QuickBooks' total differs from the FSM total (rounding or tax), so it was not kept. */
  | 'TOTAL_MISMATCH';

/** OPEN needs attention; RESOLVED was fixed (the record went through); IGNORED was closed on purpose (the record stays out of QuickBooks until it changes). */
export type SyncIssueStatus =
  /** Closed on purpose (IGNORE): the record stays out of QuickBooks until it changes. */
  | 'IGNORED'
  /** Needs attention: the record is not in QuickBooks as it is in the FSM. */
  | 'OPEN'
  /** Fixed: the record went through since. */
  | 'RESOLVED';

/** A kind of FSM ledger record. */
export type SyncKind =
  /** A bad-debt write-off (a QuickBooks CreditMemo to the bad debt account). */
  | 'BAD_DEBT_WRITE_OFF'
  /** A credit note (QuickBooks CreditMemo). */
  | 'CREDIT_NOTE'
  /** A customer (QuickBooks Customer). */
  | 'CUSTOMER'
  /** An expense paid on the spot (QuickBooks Purchase). */
  | 'EXPENSE'
  /** An invoice (QuickBooks Invoice). */
  | 'INVOICE'
  /** A customer payment (QuickBooks Payment; a refund becomes a RefundReceipt). */
  | 'PAYMENT'
  /** A supplier (QuickBooks Vendor). */
  | 'SUPPLIER'
  /** A supplier invoice (QuickBooks Bill). */
  | 'SUPPLIER_INVOICE';

/** A finished run: every record went through (SUCCEEDED), some did not (PARTLY_FAILED), none did or the run itself stopped (FAILED), nothing was sent because it was a preview (DRY_RUN), or it was stopped (CANCELLED). */
export type SyncRunOutcome =
  /** Stopped on request before the end. */
  | 'CANCELLED'
  /** A preview: nothing was sent (see dryRunPayloads). */
  | 'DRY_RUN'
  /** No record went through, or the run itself stopped (see error). */
  | 'FAILED'
  /** Some records went through, some did not (see the sync issues). */
  | 'PARTLY_FAILED'
  /** Every record went through. */
  | 'SUCCEEDED';

/** Where a run is: waiting, running, or finished and how. */
export type SyncRunStatus =
  /** Stopped on request (cancelSyncRun); records not sent stay pending. */
  | 'CANCELLED'
  /** Stopped: none went through, or the run itself failed (error says why). */
  | 'FAILED'
  /** Finished; some records did not go through (each has a sync issue). */
  | 'PARTIALLY_FAILED'
  /** Waiting for the run before it (one run at a time per business). */
  | 'QUEUED'
  /** Sending or reading records now. */
  | 'RUNNING'
  /** Finished; every record went through. */
  | 'SUCCEEDED';

/** What started a run. */
export type SyncTrigger =
  /** The automatic worker, after records changed (or on its schedule). */
  | 'AUTOMATIC'
  /** Someone asked for it (startSync, the Sync now button). */
  | 'MANUAL'
  /** A sync issue action (RETRY, OPEN_SETTINGS, RECREATE, PUSH) sending one record again. */
  | 'RETRY';

/** Which QBO tracking category FSM teams map to. */
export type TeamTrackingCategory =
  /** Each team is a QuickBooks class. */
  | 'CLASS'
  /** Each team is a QuickBooks department (location). */
  | 'DEPARTMENT'
  /** Teams are not tracked in QuickBooks. */
  | 'NONE';

/** QBO tracking categories: classes, or departments (called locations in some companies). */
export type TrackingKind =
  /** QuickBooks classes. */
  | 'CLASS'
  /** QuickBooks departments (called locations in some companies). */
  | 'DEPARTMENT';

/** An FSM customer, created or updated by externalId. */
export type UpsertCustomerInput = {
  /** Billing address; null or omitted: none. */
  billingAddress?: PostalAddressInput | null | undefined;
  /** Company name, when a business. */
  companyName?: string | null | undefined;
  /** ISO 4217 code the customer deals in (e.g. "NZD"); default: the QuickBooks home currency. Cannot change once the customer has invoices or payments. */
  currency?: string | null | undefined;
  /** The name shown everywhere; QuickBooks requires it to be unique among customers, suppliers and employees. */
  displayName: string;
  /** Email address. */
  email?: string | null | undefined;
  /** The FSM's own id: repeating an upsert with it updates the same record. */
  externalId: string;
  /** Contact's last name. */
  familyName?: string | null | undefined;
  /** Contact's first name. */
  givenName?: string | null | undefined;
  /** Phone number. */
  phone?: string | null | undefined;
};

/** An expense paid on the spot (a QuickBooks Purchase), created or updated by externalId. */
export type UpsertExpenseInput = {
  /** Transaction date. */
  date: string;
  /** The FSM's own id: repeating the call with it updates the same record, never a second one. */
  externalId: string;
  /** The lines (at least one). */
  lines: Array<PurchaseLineInput>;
  /** The bank or credit-card account it was paid from (QuickBooks account id, as Account.id). */
  paidFromAccountId?: string | number | null | undefined;
  /** Reference text (cheque number, bank reference, ...). */
  reference?: string | null | undefined;
  /** The supplier paid (FSM id); absent: none named. */
  supplierExternalId?: string | null | undefined;
  /** Line amounts include tax (default false). */
  taxInclusive?: boolean | null | undefined;
  /** The amount paid: sum of the lines (+ totalTax when tax-exclusive). */
  total: string;
  /** Total tax; "0.00" when none. */
  totalTax: string;
};

/** An FSM invoice, created or updated by externalId; totals must add up to the cent. */
export type UpsertInvoiceInput = {
  /** ISO 4217 code, e.g. "AUD". */
  currency: string;
  /** The customer (FSM id); upsert the customer first. */
  customerExternalId: string;
  /** The customer's order (PO) number. */
  customerOrderNumber?: string | null | undefined;
  /** Transaction date. */
  date: string;
  /** When payment is due; absent: the customer's terms in QuickBooks decide. */
  dueDate?: string | null | undefined;
  /** Foreign-currency invoices: home-currency units per one unit of currency (e.g. "0.9137"); absent: QuickBooks uses its own rate for the date. */
  exchangeRate?: string | null | undefined;
  /** The FSM's own id: repeating the call with it updates the same record, never a second one. */
  externalId: string;
  /** The FSM job number (may go to the QuickBooks reference field: invoiceReferenceField). */
  jobNumber?: string | null | undefined;
  /** The job type (FSM id), which may override income accounts. */
  jobTypeExternalId?: string | null | undefined;
  /** The invoice lines (at least one). */
  lines: Array<InvoiceLineInput>;
  /** The invoice number (QuickBooks DocNumber), at most 21 characters. */
  number: string;
  /** COMPLETION and FINAL_RETENTION only. */
  retentionReleased?: string | null | undefined;
  /** STANDARD and PROGRESS_CLAIM invoices. */
  retentionWithheld?: string | null | undefined;
  /** Where the work was done. */
  siteAddress?: string | null | undefined;
  /** Sum of the line amounts. */
  subtotal: string;
  /** Line amounts include tax (default false). */
  taxInclusive?: boolean | null | undefined;
  /** The team that did the work (FSM id): its QuickBooks class or department (teamTrackingCategory). */
  teamExternalId?: string | null | undefined;
  /** subtotal (+ totalTax when tax-exclusive) - retentionWithheld + retentionReleased. */
  total: string;
  /** Total tax; "0.00" when none. */
  totalTax: string;
  /** Default STANDARD. */
  type?: InvoiceType | null | undefined;
  /** The FSM work order number. */
  workOrder?: string | null | undefined;
};

/** An FSM job type, created or updated by externalId. */
export type UpsertJobTypeInput = {
  /** False to retire it (default true). */
  active?: boolean | null | undefined;
  /** The FSM's own id: repeating an upsert with it updates the same record. */
  externalId: string;
  /** Its name. */
  name: string;
};

/** An FSM payment method, created or updated by externalId. */
export type UpsertPaymentMethodInput = {
  /** False to retire it (default true). */
  active?: boolean | null | undefined;
  /** The FSM's own id: repeating an upsert with it updates the same record. */
  externalId: string;
  /** A card method: its payments are deposited to the card clearing account (default false). */
  isCard?: boolean | null | undefined;
  /** Its name, e.g. "Visa" or "Bank transfer". */
  name: string;
};

/** An FSM supplier (a QuickBooks vendor), created or updated by externalId. */
export type UpsertSupplierInput = {
  /** Company name, when a business. */
  companyName?: string | null | undefined;
  /** The supplier's own expense account (QuickBooks account id, as Account.id): lines that name no account post there. */
  defaultExpenseAccountId?: string | number | null | undefined;
  /** The name shown everywhere; QuickBooks requires it to be unique among customers, suppliers and employees. */
  displayName: string;
  /** Email address. */
  email?: string | null | undefined;
  /** The FSM's own id: repeating the call with it updates the same record, never a second one. */
  externalId: string;
  /** Phone number. */
  phone?: string | null | undefined;
};

/** A supplier invoice (a QuickBooks Bill), created or updated by externalId. */
export type UpsertSupplierInvoiceInput = {
  /** Transaction date. */
  date: string;
  /** When the bill is due; absent: the supplier's terms in QuickBooks decide. */
  dueDate?: string | null | undefined;
  /** The FSM's own id: repeating the call with it updates the same record, never a second one. */
  externalId: string;
  /** The lines (at least one). */
  lines: Array<PurchaseLineInput>;
  /** The supplier's invoice number. */
  number: string;
  /** The supplier (FSM id); upsert the supplier first. */
  supplierExternalId: string;
  /** Line amounts include tax (default false). */
  taxInclusive?: boolean | null | undefined;
  /** The amount owed: sum of the lines (+ totalTax when tax-exclusive). */
  total: string;
  /** Total tax; "0.00" when none. */
  totalTax: string;
};

/** An FSM supply (a product or material), created or updated by externalId. */
export type UpsertSupplyInput = {
  /** False to retire it (default true). */
  active?: boolean | null | undefined;
  /** The FSM's product code (the QuickBooks item's SKU). */
  code?: string | null | undefined;
  /** The FSM's own id: repeating an upsert with it updates the same record. */
  externalId: string;
  /** Its name (the QuickBooks item name). */
  name: string;
  /** Tracked as stock (a QBO Inventory item); default false. */
  trackInventory?: boolean | null | undefined;
};

/** An FSM team, created or updated by externalId. */
export type UpsertTeamInput = {
  /** False to retire it (default true). */
  active?: boolean | null | undefined;
  /** The FSM's own id: repeating an upsert with it updates the same record. */
  externalId: string;
  /** Its name (the QuickBooks class or department name). */
  name: string;
};

/** A bad-debt write-off of (part of) an invoice, keyed by externalId. */
export type WriteOffBadDebtInput = {
  /** At most the invoice's outstanding balance. */
  amount: string;
  /** Transaction date. */
  date: string;
  /** The FSM's own id: repeating the call with it updates the same record, never a second one. */
  externalId: string;
  /** The invoice written off (FSM id). */
  invoiceExternalId: string;
  /** Why, in the FSM user's words. */
  reason?: string | null | undefined;
};

export type AccountFieldsFragment = { id: string, name: string, fullyQualifiedName: string, accountNumber: string | null, accountType: string, accountSubType: string | null, classification: string | null, active: boolean, currentBalance: string, currency: string | null, parentId: string | null, purposes: Array<AccountPurpose> };

export type AccountsQueryVariables = Exact<{
  purpose?: AccountPurpose | null | undefined;
  search?: string | null | undefined;
  includeInactive?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AccountsQuery = { accounts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, fullyQualifiedName: string, accountNumber: string | null, accountType: string, accountSubType: string | null, classification: string | null, active: boolean, currentBalance: string, currency: string | null, parentId: string | null, purposes: Array<AccountPurpose> } }> } };

export type AccountQueryVariables = Exact<{
  id: string | number;
}>;


export type AccountQuery = { account: { id: string, name: string, fullyQualifiedName: string, accountNumber: string | null, accountType: string, accountSubType: string | null, classification: string | null, active: boolean, currentBalance: string, currency: string | null, parentId: string | null, purposes: Array<AccountPurpose>, parent: { id: string, name: string } | null } | null };

export type RefreshChartOfAccountsMutationVariables = Exact<{
  first?: number | null | undefined;
}>;


export type RefreshChartOfAccountsMutation = { refreshChartOfAccounts: { totalCount: number, edges: Array<{ node: { id: string, name: string } }> } };

export type TrackingCategoriesQueryVariables = Exact<{
  kind: TrackingKind;
  includeInactive?: boolean | null | undefined;
}>;


export type TrackingCategoriesQuery = { trackingCategories: Array<{ id: string, kind: TrackingKind, name: string, fullyQualifiedName: string, active: boolean }> };

export type TaxCodesQueryVariables = Exact<{ [key: string]: never; }>;


export type TaxCodesQuery = { taxCodes: Array<{ id: string, name: string, description: string | null, active: boolean, taxable: boolean | null }> };

export type QuickBooksPaymentMethodsQueryVariables = Exact<{ [key: string]: never; }>;


export type QuickBooksPaymentMethodsQuery = { quickBooksPaymentMethods: Array<{ id: string, name: string, type: string | null, active: boolean }> };

export type AccountsWithChartStateQueryVariables = Exact<{
  purpose?: AccountPurpose | null | undefined;
  first?: number | null | undefined;
}>;


export type AccountsWithChartStateQuery = { accounts: { chartState: ChartOfAccountsState, chartStateMessage: string | null, totalCount: number, edges: Array<{ node: { id: string, name: string, accountType: string } }> } };

export type ConnectionChartStateQueryVariables = Exact<{ [key: string]: never; }>;


export type ConnectionChartStateQuery = { quickBooksConnection: { status: QuickBooksConnectionStatus, chartState: ChartOfAccountsState, chartStateMessage: string | null } };

export type SettingsRightAfterConnectQueryVariables = Exact<{ [key: string]: never; }>;


export type SettingsRightAfterConnectQuery = { accountingSettings: { accountProblems: Array<{ setting: string }> } };

export type ConnectionQueryVariables = Exact<{ [key: string]: never; }>;


export type ConnectionQuery = { quickBooksConnection: { status: QuickBooksConnectionStatus, reason: QuickBooksConnectionReason | null, reasonMessage: string | null, realmId: string | null, companyName: string | null, country: string | null, environment: QuickBooksEnvironment | null, connectedAt: string | null, accessTokenExpiresAt: string | null, refreshTokenExpiresAt: string | null, lastSuccessfulCallAt: string | null, customerImportSuggested: boolean } };

export type ConnectQuickBooksMutationVariables = Exact<{
  returnTo?: string | null | undefined;
  allowRealmChange?: boolean | null | undefined;
}>;


export type ConnectQuickBooksMutation = { connectQuickBooks: { authorizationUrl: string, expiresAt: string } };

export type CompleteQuickBooksConnectionMutationVariables = Exact<{
  callbackUrl: string;
}>;


export type CompleteQuickBooksConnectionMutation = { completeQuickBooksConnection: { status: QuickBooksConnectionStatus, realmId: string | null, companyName: string | null } };

export type VerifyQuickBooksConnectionMutationVariables = Exact<{ [key: string]: never; }>;


export type VerifyQuickBooksConnectionMutation = { verifyQuickBooksConnection: { status: QuickBooksConnectionStatus, companyName: string | null, lastSuccessfulCallAt: string | null } };

export type DisconnectQuickBooksMutationVariables = Exact<{ [key: string]: never; }>;


export type DisconnectQuickBooksMutation = { disconnectQuickBooks: { status: QuickBooksConnectionStatus, reason: QuickBooksConnectionReason | null, realmId: string | null } };

export type ConnectionChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ConnectionChangedSubscription = { quickBooksConnectionChanged: { status: QuickBooksConnectionStatus, reason: QuickBooksConnectionReason | null, companyName: string | null } };

export type SyncFieldsFragment = { state: RecordSyncState, quickBooksId: string | null, syncedVersion: number | null, lastSyncedAt: string | null, issueCode: SyncIssueCode | null, issueMessage: string | null };

export type CustomerFieldsFragment = { id: string, externalId: string, version: number, status: RecordStatus, pushPending: boolean, displayName: string, email: string | null, currency: string | null, billingAddress: { city: string | null } | null, sync: { state: RecordSyncState, quickBooksId: string | null, syncedVersion: number | null, lastSyncedAt: string | null, issueCode: SyncIssueCode | null, issueMessage: string | null } };

export type InvoiceFieldsFragment = { id: string, externalId: string, version: number, status: RecordStatus, pushPending: boolean, customerId: string, number: string, date: string, currency: string, exchangeRate: string | null, type: InvoiceType, taxInclusive: boolean, subtotal: string, totalTax: string, total: string, retentionWithheld: string | null, retentionReleased: string | null, amountPaid: string, amountCredited: string, amountWrittenOff: string, balance: string, customer: { externalId: string, displayName: string } | null, lines: Array<{ lineId: string, kind: InvoiceLineKind, quantity: string, unitPrice: string, amount: string, jobTypeId: string | null, supplyId: string | null, teamId: string | null, taxCode: string | null }>, sync: { state: RecordSyncState, quickBooksId: string | null, syncedVersion: number | null, lastSyncedAt: string | null, issueCode: SyncIssueCode | null, issueMessage: string | null } };

export type PaymentFieldsFragment = { id: string, externalId: string, version: number, status: RecordStatus, pushPending: boolean, customerId: string, amount: string, currency: string, surcharge: string | null, paymentMethodId: string, unappliedAmount: string, customer: { externalId: string } | null, allocations: Array<{ invoiceId: string, amount: string, invoice: { externalId: string, balance: string } | null }>, sync: { state: RecordSyncState, quickBooksId: string | null, syncedVersion: number | null, lastSyncedAt: string | null, issueCode: SyncIssueCode | null, issueMessage: string | null } };

export type UpsertCustomerMutationVariables = Exact<{
  input: UpsertCustomerInput;
}>;


export type UpsertCustomerMutation = { upsertCustomer: { id: string, externalId: string, version: number, status: RecordStatus, pushPending: boolean, displayName: string, email: string | null, currency: string | null, billingAddress: { city: string | null } | null, sync: { state: RecordSyncState, quickBooksId: string | null, syncedVersion: number | null, lastSyncedAt: string | null, issueCode: SyncIssueCode | null, issueMessage: string | null } } };

export type UpsertSupplierMutationVariables = Exact<{
  input: UpsertSupplierInput;
}>;


export type UpsertSupplierMutation = { upsertSupplier: { id: string, externalId: string, version: number, displayName: string } };

export type UpsertInvoiceMutationVariables = Exact<{
  input: UpsertInvoiceInput;
}>;


export type UpsertInvoiceMutation = { upsertInvoice: { id: string, externalId: string, version: number, status: RecordStatus, pushPending: boolean, customerId: string, number: string, date: string, currency: string, exchangeRate: string | null, type: InvoiceType, taxInclusive: boolean, subtotal: string, totalTax: string, total: string, retentionWithheld: string | null, retentionReleased: string | null, amountPaid: string, amountCredited: string, amountWrittenOff: string, balance: string, customer: { externalId: string, displayName: string } | null, lines: Array<{ lineId: string, kind: InvoiceLineKind, quantity: string, unitPrice: string, amount: string, jobTypeId: string | null, supplyId: string | null, teamId: string | null, taxCode: string | null }>, sync: { state: RecordSyncState, quickBooksId: string | null, syncedVersion: number | null, lastSyncedAt: string | null, issueCode: SyncIssueCode | null, issueMessage: string | null } } };

export type VoidInvoiceMutationVariables = Exact<{
  externalId: string;
}>;


export type VoidInvoiceMutation = { voidInvoice: { id: string, version: number, status: RecordStatus, pushPending: boolean, balance: string } };

export type DeleteInvoiceMutationVariables = Exact<{
  externalId: string;
}>;


export type DeleteInvoiceMutation = { deleteInvoice: { id: string, version: number, status: RecordStatus } };

export type RecordPaymentMutationVariables = Exact<{
  input: RecordPaymentInput;
}>;


export type RecordPaymentMutation = { recordPayment: { id: string, externalId: string, version: number, status: RecordStatus, pushPending: boolean, customerId: string, amount: string, currency: string, surcharge: string | null, paymentMethodId: string, unappliedAmount: string, customer: { externalId: string } | null, allocations: Array<{ invoiceId: string, amount: string, invoice: { externalId: string, balance: string } | null }>, sync: { state: RecordSyncState, quickBooksId: string | null, syncedVersion: number | null, lastSyncedAt: string | null, issueCode: SyncIssueCode | null, issueMessage: string | null } } };

export type VoidPaymentMutationVariables = Exact<{
  externalId: string;
}>;


export type VoidPaymentMutation = { voidPayment: { id: string, version: number, status: RecordStatus, pushPending: boolean } };

export type IssueCreditNoteMutationVariables = Exact<{
  input: IssueCreditNoteInput;
}>;


export type IssueCreditNoteMutation = { issueCreditNote: { id: string, externalId: string, version: number, invoiceId: string | null, total: string } };

export type WriteOffBadDebtMutationVariables = Exact<{
  input: WriteOffBadDebtInput;
}>;


export type WriteOffBadDebtMutation = { writeOffBadDebt: { id: string, externalId: string, version: number, invoiceId: string, customerId: string, amount: string } };

export type UpsertSupplierInvoiceMutationVariables = Exact<{
  input: UpsertSupplierInvoiceInput;
}>;


export type UpsertSupplierInvoiceMutation = { upsertSupplierInvoice: { id: string, externalId: string, version: number, supplierId: string, total: string, lines: Array<{ lineId: string, amount: string, accountId: string | null }> } };

export type UpsertExpenseMutationVariables = Exact<{
  input: UpsertExpenseInput;
}>;


export type UpsertExpenseMutation = { upsertExpense: { id: string, externalId: string, version: number, supplierId: string | null, total: string } };

export type CustomersQueryVariables = Exact<{
  search?: string | null | undefined;
  pushPending?: boolean | null | undefined;
  status?: RecordStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CustomersQuery = { customers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, externalId: string, version: number, status: RecordStatus, pushPending: boolean, displayName: string, email: string | null, currency: string | null, billingAddress: { city: string | null } | null, sync: { state: RecordSyncState, quickBooksId: string | null, syncedVersion: number | null, lastSyncedAt: string | null, issueCode: SyncIssueCode | null, issueMessage: string | null } } }> } };

export type CustomerQueryVariables = Exact<{
  id?: string | number | null | undefined;
  externalId?: string | null | undefined;
}>;


export type CustomerQuery = { customer: { id: string, externalId: string, version: number, status: RecordStatus, pushPending: boolean, displayName: string, email: string | null, currency: string | null, billingAddress: { city: string | null } | null, sync: { state: RecordSyncState, quickBooksId: string | null, syncedVersion: number | null, lastSyncedAt: string | null, issueCode: SyncIssueCode | null, issueMessage: string | null } } | null };

export type InvoicesQueryVariables = Exact<{
  search?: string | null | undefined;
  pushPending?: boolean | null | undefined;
  status?: RecordStatus | null | undefined;
  dateFrom?: string | null | undefined;
  dateTo?: string | null | undefined;
  customerId?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type InvoicesQuery = { invoices: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, externalId: string, version: number, status: RecordStatus, pushPending: boolean, customerId: string, number: string, date: string, currency: string, exchangeRate: string | null, type: InvoiceType, taxInclusive: boolean, subtotal: string, totalTax: string, total: string, retentionWithheld: string | null, retentionReleased: string | null, amountPaid: string, amountCredited: string, amountWrittenOff: string, balance: string, customer: { externalId: string, displayName: string } | null, lines: Array<{ lineId: string, kind: InvoiceLineKind, quantity: string, unitPrice: string, amount: string, jobTypeId: string | null, supplyId: string | null, teamId: string | null, taxCode: string | null }>, sync: { state: RecordSyncState, quickBooksId: string | null, syncedVersion: number | null, lastSyncedAt: string | null, issueCode: SyncIssueCode | null, issueMessage: string | null } } }> } };

export type InvoiceQueryVariables = Exact<{
  id?: string | number | null | undefined;
  externalId?: string | null | undefined;
}>;


export type InvoiceQuery = { invoice: { id: string, externalId: string, version: number, status: RecordStatus, pushPending: boolean, customerId: string, number: string, date: string, currency: string, exchangeRate: string | null, type: InvoiceType, taxInclusive: boolean, subtotal: string, totalTax: string, total: string, retentionWithheld: string | null, retentionReleased: string | null, amountPaid: string, amountCredited: string, amountWrittenOff: string, balance: string, customer: { externalId: string, displayName: string } | null, lines: Array<{ lineId: string, kind: InvoiceLineKind, quantity: string, unitPrice: string, amount: string, jobTypeId: string | null, supplyId: string | null, teamId: string | null, taxCode: string | null }>, sync: { state: RecordSyncState, quickBooksId: string | null, syncedVersion: number | null, lastSyncedAt: string | null, issueCode: SyncIssueCode | null, issueMessage: string | null } } | null };

export type PaymentsQueryVariables = Exact<{
  status?: RecordStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PaymentsQuery = { payments: { totalCount: number, edges: Array<{ node: { id: string, externalId: string, version: number, status: RecordStatus, pushPending: boolean, customerId: string, amount: string, currency: string, surcharge: string | null, paymentMethodId: string, unappliedAmount: string, customer: { externalId: string } | null, allocations: Array<{ invoiceId: string, amount: string, invoice: { externalId: string, balance: string } | null }>, sync: { state: RecordSyncState, quickBooksId: string | null, syncedVersion: number | null, lastSyncedAt: string | null, issueCode: SyncIssueCode | null, issueMessage: string | null } } }> } };

export type OtherLedgerListsQueryVariables = Exact<{ [key: string]: never; }>;


export type OtherLedgerListsQuery = { suppliers: { totalCount: number }, creditNotes: { totalCount: number }, badDebtWriteOffs: { totalCount: number }, supplierInvoices: { totalCount: number }, expenses: { totalCount: number, edges: Array<{ node: { externalId: string, sync: { state: RecordSyncState } } }> } };

export type AccountRefFragment = { id: string, name: string, accountType: string };

export type UpsertJobTypeMutationVariables = Exact<{
  input: UpsertJobTypeInput;
}>;


export type UpsertJobTypeMutation = { upsertJobType: { id: string, externalId: string, name: string, active: boolean } };

export type UpsertSupplyMutationVariables = Exact<{
  input: UpsertSupplyInput;
}>;


export type UpsertSupplyMutation = { upsertSupply: { id: string, externalId: string, name: string, code: string | null, trackInventory: boolean } };

export type SetSupplyStockAccountsMutationVariables = Exact<{
  supplyId: string | number;
  inventoryAssetAccountId?: string | number | null | undefined;
  costOfGoodsSoldAccountId?: string | number | null | undefined;
}>;


export type SetSupplyStockAccountsMutation = { setSupplyStockAccounts: { id: string, inventoryAssetAccountId: string | null, costOfGoodsSoldAccountId: string | null, inventoryAssetAccount: { id: string, name: string, accountType: string } | null, costOfGoodsSoldAccount: { id: string, name: string, accountType: string } | null } };

export type UpsertPaymentMethodMutationVariables = Exact<{
  input: UpsertPaymentMethodInput;
}>;


export type UpsertPaymentMethodMutation = { upsertPaymentMethod: { id: string, externalId: string, name: string, isCard: boolean } };

export type UpsertTeamMutationVariables = Exact<{
  input: UpsertTeamInput;
}>;


export type UpsertTeamMutation = { upsertTeam: { id: string, externalId: string, name: string } };

export type JobTypesQueryVariables = Exact<{
  search?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type JobTypesQuery = { jobTypes: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, externalId: string, name: string, labourIncomeAccountId: string | null, labourIncomeAccount: { id: string, name: string, accountType: string } | null, materialsIncomeAccount: { id: string, name: string, accountType: string } | null } }> } };

export type SuppliesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SuppliesQuery = { supplies: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, externalId: string, name: string, incomeAccount: { id: string, name: string, accountType: string } | null } }> } };

export type PaymentMethodsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PaymentMethodsQuery = { paymentMethods: { totalCount: number, edges: Array<{ node: { id: string, externalId: string, name: string, isCard: boolean, surchargeIncomeAccount: { id: string, name: string, accountType: string } | null } }> } };

export type TeamsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TeamsQuery = { teams: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, externalId: string, name: string } }> } };

export type SetJobTypeAccountsMutationVariables = Exact<{
  jobTypeId: string | number;
  labourIncomeAccountId?: string | number | null | undefined;
  materialsIncomeAccountId?: string | number | null | undefined;
}>;


export type SetJobTypeAccountsMutation = { setJobTypeAccounts: { id: string, labourIncomeAccountId: string | null, materialsIncomeAccountId: string | null, labourIncomeAccount: { id: string, name: string, accountType: string } | null, materialsIncomeAccount: { id: string, name: string, accountType: string } | null } };

export type SetSupplyIncomeAccountMutationVariables = Exact<{
  supplyId: string | number;
  incomeAccountId?: string | number | null | undefined;
}>;


export type SetSupplyIncomeAccountMutation = { setSupplyIncomeAccount: { id: string, incomeAccountId: string | null, incomeAccount: { id: string, name: string, accountType: string } | null } };

export type SetPaymentMethodSurchargeTaxCodeMutationVariables = Exact<{
  paymentMethodId: string | number;
  taxCode?: string | null | undefined;
}>;


export type SetPaymentMethodSurchargeTaxCodeMutation = { setPaymentMethodSurchargeTaxCode: { id: string, name: string, surchargeTaxCode: string | null } };

export type SetPaymentMethodSurchargeAccountMutationVariables = Exact<{
  paymentMethodId: string | number;
  surchargeIncomeAccountId?: string | number | null | undefined;
}>;


export type SetPaymentMethodSurchargeAccountMutation = { setPaymentMethodSurchargeAccount: { id: string, surchargeIncomeAccountId: string | null, surchargeIncomeAccount: { id: string, name: string, accountType: string } | null } };

export type PaymentMethodSurchargeTaxCodesQueryVariables = Exact<{ [key: string]: never; }>;


export type PaymentMethodSurchargeTaxCodesQuery = { paymentMethods: { edges: Array<{ node: { name: string, surchargeTaxCode: string | null } }> } };

export type CustomerCreditQueryVariables = Exact<{
  externalId: string;
}>;


export type CustomerCreditQuery = { customer: { externalId: string, creditBalance: string, sync: { state: RecordSyncState, quickBooksId: string | null } } | null };

export type PaymentCreditQueryVariables = Exact<{
  externalId: string;
}>;


export type PaymentCreditQuery = { payment: { externalId: string, version: number, status: RecordStatus, amount: string, unappliedAmount: string, reference: string | null, allocations: Array<{ amount: string, invoice: { externalId: string, balance: string } | null }>, refunds: Array<{ refundId: string, date: string, amount: string, reference: string | null }>, sync: { state: RecordSyncState, quickBooksId: string | null, syncedVersion: number | null, issueCode: SyncIssueCode | null, issueMessage: string | null } } | null };

export type CreditedInvoiceQueryVariables = Exact<{
  externalId: string;
}>;


export type CreditedInvoiceQuery = { invoice: { externalId: string, total: string, amountPaid: string, amountCredited: string, balance: string } | null };

export type CustomerPaymentsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type CustomerPaymentsQuery = { payments: { totalCount: number, edges: Array<{ node: { externalId: string, status: RecordStatus, amount: string, unappliedAmount: string, pushPending: boolean, customer: { externalId: string } | null, allocations: Array<{ amount: string, invoice: { externalId: string } | null }>, sync: { state: RecordSyncState, quickBooksId: string | null } } }> } };

export type PulledInvoiceQueryVariables = Exact<{
  externalId?: string | null | undefined;
}>;


export type PulledInvoiceQuery = { invoice: { id: string, externalId: string, total: string, amountPaid: string, balance: string, quickBooksFlag: { change: InvoiceRemoteChange, detail: string, quickBooksId: string } | null } | null };

export type PulledPaymentsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type PulledPaymentsQuery = { payments: { totalCount: number, edges: Array<{ node: { id: string, externalId: string, status: RecordStatus, pushPending: boolean, amount: string, paymentMethodId: string, allocations: Array<{ amount: string, invoice: { externalId: string } | null }>, sync: { state: RecordSyncState, quickBooksId: string | null } } }> } };

export type QuickBooksChangesQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type QuickBooksChangesQuery = { quickBooksChanges: { totalCount: number, edges: Array<{ node: { id: string, kind: QuickBooksChangeKind, entity: QuickBooksChangeEntity, quickBooksId: string, recordKind: string | null, recordId: string | null, message: string } }> } };

export type QuickBooksChangesFeedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type QuickBooksChangesFeedSubscription = { quickBooksChanges: { id: string, kind: QuickBooksChangeKind, quickBooksId: string, recordId: string | null, message: string } };

export type ImportCustomersMutationVariables = Exact<{ [key: string]: never; }>;


export type ImportCustomersMutation = { importCustomers: { id: string, status: SyncRunStatus, direction: SyncDirection, total: number, processed: number, succeeded: number, skipped: number } };

export type CustomerImportSummaryQueryVariables = Exact<{ [key: string]: never; }>;


export type CustomerImportSummaryQuery = { customerImportSummary: { linked: number, created: number, ambiguous: number } };

export type CustomerImportMatchesQueryVariables = Exact<{
  status?: CustomerImportStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CustomerImportMatchesQuery = { customerImportMatches: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { quickBooksCustomerId: string, quickBooksDisplayName: string, status: CustomerImportStatus, customerId: string | null, reason: CustomerMatchReason | null, score: number | null, candidateIds: Array<string> } }> } };

export type LinkCustomerMutationVariables = Exact<{
  customerId: string | number;
  quickBooksCustomerId: string | number;
}>;


export type LinkCustomerMutation = { linkCustomer: { quickBooksCustomerId: string, status: CustomerImportStatus, customerId: string | null, reason: CustomerMatchReason | null, score: number | null } };

export type CreateCustomerFromQuickBooksMutationVariables = Exact<{
  quickBooksCustomerId: string | number;
}>;


export type CreateCustomerFromQuickBooksMutation = { createCustomerFromQuickBooks: { quickBooksCustomerId: string, status: CustomerImportStatus, customerId: string | null, reason: CustomerMatchReason | null } };

export type RemoteChangeInvoiceQueryVariables = Exact<{
  externalId?: string | null | undefined;
}>;


export type RemoteChangeInvoiceQuery = { invoice: { id: string, externalId: string, status: RecordStatus, total: string, quickBooksFlag: { change: InvoiceRemoteChange, quickBooksId: string } | null, sync: { state: RecordSyncState, quickBooksId: string | null, issueCode: SyncIssueCode | null, issueMessage: string | null } } | null };

export type RemoteChangePaymentQueryVariables = Exact<{
  externalId?: string | null | undefined;
}>;


export type RemoteChangePaymentQuery = { payment: { id: string, externalId: string, amount: string, sync: { state: RecordSyncState, quickBooksId: string | null, issueCode: SyncIssueCode | null } } | null };

export type OpenSyncIssuesQueryVariables = Exact<{ [key: string]: never; }>;


export type OpenSyncIssuesQuery = { syncIssues: { edges: Array<{ node: { id: string, kind: SyncKind, recordId: string, code: SyncIssueCode, message: string, fixHint: string, retryable: boolean, quickBooksFault: string | null } }> } };

export type SettingsAccountProblemsQueryVariables = Exact<{ [key: string]: never; }>;


export type SettingsAccountProblemsQuery = { accountingSettings: { relaxAccountSelectionRestrictions: boolean, accountProblems: Array<{ setting: string, settingLabel: string, accountId: string, accountName: string | null, problem: AccountSettingProblemKind, message: string }> } };

export type QuickBooksCreatedRecordsQueryVariables = Exact<{
  entity?: QuickBooksCreatedEntity | null | undefined;
  status?: QuickBooksCreatedStatus | null | undefined;
}>;


export type QuickBooksCreatedRecordsQuery = { quickBooksCreatedRecords: { totalCount: number, edges: Array<{ node: { id: string, entity: QuickBooksCreatedEntity, quickBooksId: string, name: string, customerName: string | null, quickBooksCustomerId: string | null, email: string | null, amount: string | null, date: string | null, status: QuickBooksCreatedStatus, recordId: string | null } }> } };

export type LinkQuickBooksInvoiceMutationVariables = Exact<{
  invoiceId: string | number;
  quickBooksInvoiceId: string | number;
}>;


export type LinkQuickBooksInvoiceMutation = { linkQuickBooksInvoice: { quickBooksId: string, status: QuickBooksCreatedStatus, recordId: string | null } };

export type SettingsFieldsFragment = { invoiceReferenceField: InvoiceReferenceField | null, defaultLabourIncomeAccountId: string | null, defaultSuppliesIncomeAccountId: string | null, paymentsAccountId: string | null, creditCardPaymentsAccountId: string | null, defaultSupplierInvoiceAccountId: string | null, defaultExpenseAccountId: string | null, defaultRoundingAccountId: string | null, retentionIncomeAccountId: string | null, creditNoteAccountId: string | null, badDebtAccountId: string | null, defaultInventoryAccountId: string | null, defaultCostOfGoodsSoldAccountId: string | null, discountAccountId: string | null, paymentMethodFromAccounts: string | null, pushSupplierInvoicesAsAwaitingApproval: boolean, teamTrackingCategory: TeamTrackingCategory, accountingStartDate: string | null, relaxAccountSelectionRestrictions: boolean, updatedAt: string | null, defaultLabourIncomeAccount: { id: string, name: string, accountType: string } | null, defaultSuppliesIncomeAccount: { id: string, name: string, accountType: string } | null, paymentsAccount: { id: string, name: string, accountType: string } | null, creditCardPaymentsAccount: { id: string, name: string, accountType: string } | null, defaultSupplierInvoiceAccount: { id: string, name: string, accountType: string } | null, defaultExpenseAccount: { id: string, name: string, accountType: string } | null, defaultRoundingAccount: { id: string, name: string, accountType: string } | null, retentionIncomeAccount: { id: string, name: string, accountType: string } | null, creditNoteAccount: { id: string, name: string, accountType: string } | null, badDebtAccount: { id: string, name: string, accountType: string } | null, defaultInventoryAccount: { id: string, name: string, accountType: string } | null, defaultCostOfGoodsSoldAccount: { id: string, name: string, accountType: string } | null, discountAccount: { id: string, name: string, accountType: string } | null, notApplicableToQuickBooks: Array<{ setting: string, reason: string }>, updatedBy: { apiKeyPrefix: string, apiKeyLabel: string | null } | null };

export type AccountingSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountingSettingsQuery = { accountingSettings: { invoiceReferenceField: InvoiceReferenceField | null, defaultLabourIncomeAccountId: string | null, defaultSuppliesIncomeAccountId: string | null, paymentsAccountId: string | null, creditCardPaymentsAccountId: string | null, defaultSupplierInvoiceAccountId: string | null, defaultExpenseAccountId: string | null, defaultRoundingAccountId: string | null, retentionIncomeAccountId: string | null, creditNoteAccountId: string | null, badDebtAccountId: string | null, defaultInventoryAccountId: string | null, defaultCostOfGoodsSoldAccountId: string | null, discountAccountId: string | null, paymentMethodFromAccounts: string | null, pushSupplierInvoicesAsAwaitingApproval: boolean, teamTrackingCategory: TeamTrackingCategory, accountingStartDate: string | null, relaxAccountSelectionRestrictions: boolean, updatedAt: string | null, defaultLabourIncomeAccount: { id: string, name: string, accountType: string } | null, defaultSuppliesIncomeAccount: { id: string, name: string, accountType: string } | null, paymentsAccount: { id: string, name: string, accountType: string } | null, creditCardPaymentsAccount: { id: string, name: string, accountType: string } | null, defaultSupplierInvoiceAccount: { id: string, name: string, accountType: string } | null, defaultExpenseAccount: { id: string, name: string, accountType: string } | null, defaultRoundingAccount: { id: string, name: string, accountType: string } | null, retentionIncomeAccount: { id: string, name: string, accountType: string } | null, creditNoteAccount: { id: string, name: string, accountType: string } | null, badDebtAccount: { id: string, name: string, accountType: string } | null, defaultInventoryAccount: { id: string, name: string, accountType: string } | null, defaultCostOfGoodsSoldAccount: { id: string, name: string, accountType: string } | null, discountAccount: { id: string, name: string, accountType: string } | null, notApplicableToQuickBooks: Array<{ setting: string, reason: string }>, updatedBy: { apiKeyPrefix: string, apiKeyLabel: string | null } | null } };

export type UpdateAccountingSettingsMutationVariables = Exact<{
  input: AccountingSettingsInput;
}>;


export type UpdateAccountingSettingsMutation = { updateAccountingSettings: { invoiceReferenceField: InvoiceReferenceField | null, defaultLabourIncomeAccountId: string | null, defaultSuppliesIncomeAccountId: string | null, paymentsAccountId: string | null, creditCardPaymentsAccountId: string | null, defaultSupplierInvoiceAccountId: string | null, defaultExpenseAccountId: string | null, defaultRoundingAccountId: string | null, retentionIncomeAccountId: string | null, creditNoteAccountId: string | null, badDebtAccountId: string | null, defaultInventoryAccountId: string | null, defaultCostOfGoodsSoldAccountId: string | null, discountAccountId: string | null, paymentMethodFromAccounts: string | null, pushSupplierInvoicesAsAwaitingApproval: boolean, teamTrackingCategory: TeamTrackingCategory, accountingStartDate: string | null, relaxAccountSelectionRestrictions: boolean, updatedAt: string | null, defaultLabourIncomeAccount: { id: string, name: string, accountType: string } | null, defaultSuppliesIncomeAccount: { id: string, name: string, accountType: string } | null, paymentsAccount: { id: string, name: string, accountType: string } | null, creditCardPaymentsAccount: { id: string, name: string, accountType: string } | null, defaultSupplierInvoiceAccount: { id: string, name: string, accountType: string } | null, defaultExpenseAccount: { id: string, name: string, accountType: string } | null, defaultRoundingAccount: { id: string, name: string, accountType: string } | null, retentionIncomeAccount: { id: string, name: string, accountType: string } | null, creditNoteAccount: { id: string, name: string, accountType: string } | null, badDebtAccount: { id: string, name: string, accountType: string } | null, defaultInventoryAccount: { id: string, name: string, accountType: string } | null, defaultCostOfGoodsSoldAccount: { id: string, name: string, accountType: string } | null, discountAccount: { id: string, name: string, accountType: string } | null, notApplicableToQuickBooks: Array<{ setting: string, reason: string }>, updatedBy: { apiKeyPrefix: string, apiKeyLabel: string | null } | null } };

export type SyncRunFieldsFragment = { id: string, status: SyncRunStatus, trigger: SyncTrigger, scope: Array<SyncKind>, dryRun: boolean, phase: string, total: number, processed: number, succeeded: number, failed: number, skipped: number, blocked: number, error: string | null, notices: Array<string>, outcome: SyncRunOutcome | null, everything: boolean, startedAt: string | null, finishedAt: string | null, kindCounts: Array<{ kind: SyncKind, total: number, succeeded: number, failed: number, blocked: number, skipped: number }>, dryRunPayloads: Array<{ kind: SyncKind, recordId: string, entity: string, operation: string, payload: unknown }> };

export type StartSyncMutationVariables = Exact<{
  input?: StartSyncInput | null | undefined;
}>;


export type StartSyncMutation = { startSync: { id: string, status: SyncRunStatus, trigger: SyncTrigger, scope: Array<SyncKind>, dryRun: boolean, phase: string, total: number, processed: number, succeeded: number, failed: number, skipped: number, blocked: number, error: string | null, notices: Array<string>, outcome: SyncRunOutcome | null, everything: boolean, startedAt: string | null, finishedAt: string | null, kindCounts: Array<{ kind: SyncKind, total: number, succeeded: number, failed: number, blocked: number, skipped: number }>, dryRunPayloads: Array<{ kind: SyncKind, recordId: string, entity: string, operation: string, payload: unknown }> } };

export type CancelSyncRunMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelSyncRunMutation = { cancelSyncRun: { id: string, status: SyncRunStatus, trigger: SyncTrigger, scope: Array<SyncKind>, dryRun: boolean, phase: string, total: number, processed: number, succeeded: number, failed: number, skipped: number, blocked: number, error: string | null, notices: Array<string>, outcome: SyncRunOutcome | null, everything: boolean, startedAt: string | null, finishedAt: string | null, kindCounts: Array<{ kind: SyncKind, total: number, succeeded: number, failed: number, blocked: number, skipped: number }>, dryRunPayloads: Array<{ kind: SyncKind, recordId: string, entity: string, operation: string, payload: unknown }> } };

export type SyncRunQueryVariables = Exact<{
  id: string | number;
}>;


export type SyncRunQuery = { syncRun: { id: string, status: SyncRunStatus, trigger: SyncTrigger, scope: Array<SyncKind>, dryRun: boolean, phase: string, total: number, processed: number, succeeded: number, failed: number, skipped: number, blocked: number, error: string | null, notices: Array<string>, outcome: SyncRunOutcome | null, everything: boolean, startedAt: string | null, finishedAt: string | null, kindCounts: Array<{ kind: SyncKind, total: number, succeeded: number, failed: number, blocked: number, skipped: number }>, dryRunPayloads: Array<{ kind: SyncKind, recordId: string, entity: string, operation: string, payload: unknown }> } | null };

export type SyncRunsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SyncRunsQuery = { syncRuns: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, status: SyncRunStatus, trigger: SyncTrigger, scope: Array<SyncKind>, dryRun: boolean, phase: string, total: number, processed: number, succeeded: number, failed: number, skipped: number, blocked: number, error: string | null, notices: Array<string>, outcome: SyncRunOutcome | null, everything: boolean, startedAt: string | null, finishedAt: string | null, kindCounts: Array<{ kind: SyncKind, total: number, succeeded: number, failed: number, blocked: number, skipped: number }>, dryRunPayloads: Array<{ kind: SyncKind, recordId: string, entity: string, operation: string, payload: unknown }> } }> } };

export type SyncRecordFieldsFragment = { kind: SyncKind, kindLabel: string, number: string | null, name: string | null, date: string | null, amount: string | null, currency: string | null, label: string, recordId: string | null, externalId: string | null, quickBooksId: string | null };

export type SyncIssueFieldsFragment = { id: string, status: SyncIssueStatus, kind: SyncKind, recordId: string, code: SyncIssueCode, message: string, fixHint: string, retryable: boolean, blockedByKind: SyncKind | null, blockedById: string | null, quickBooksFault: string | null, actions: Array<SyncIssueAction>, setting: string | null, settingLabel: string | null, candidates: Array<{ remoteId: string, label: string }>, record: { kind: SyncKind, kindLabel: string, number: string | null, name: string | null, date: string | null, amount: string | null, currency: string | null, label: string, recordId: string | null, externalId: string | null, quickBooksId: string | null }, blockedBy: { kind: SyncKind, kindLabel: string, number: string | null, name: string | null, date: string | null, amount: string | null, currency: string | null, label: string, recordId: string | null, externalId: string | null, quickBooksId: string | null } | null };

export type SyncIssuesQueryVariables = Exact<{
  status?: SyncIssueStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SyncIssuesQuery = { syncIssues: { totalCount: number, edges: Array<{ node: { id: string, status: SyncIssueStatus, kind: SyncKind, recordId: string, code: SyncIssueCode, message: string, fixHint: string, retryable: boolean, blockedByKind: SyncKind | null, blockedById: string | null, quickBooksFault: string | null, actions: Array<SyncIssueAction>, setting: string | null, settingLabel: string | null, candidates: Array<{ remoteId: string, label: string }>, record: { kind: SyncKind, kindLabel: string, number: string | null, name: string | null, date: string | null, amount: string | null, currency: string | null, label: string, recordId: string | null, externalId: string | null, quickBooksId: string | null }, blockedBy: { kind: SyncKind, kindLabel: string, number: string | null, name: string | null, date: string | null, amount: string | null, currency: string | null, label: string, recordId: string | null, externalId: string | null, quickBooksId: string | null } | null } }> } };

export type PerformSyncIssueActionMutationVariables = Exact<{
  input: PerformSyncIssueActionInput;
}>;


export type PerformSyncIssueActionMutation = { performSyncIssueAction: { id: string, status: SyncIssueStatus, kind: SyncKind, recordId: string, code: SyncIssueCode, message: string, fixHint: string, retryable: boolean, blockedByKind: SyncKind | null, blockedById: string | null, quickBooksFault: string | null, actions: Array<SyncIssueAction>, setting: string | null, settingLabel: string | null, candidates: Array<{ remoteId: string, label: string }>, record: { kind: SyncKind, kindLabel: string, number: string | null, name: string | null, date: string | null, amount: string | null, currency: string | null, label: string, recordId: string | null, externalId: string | null, quickBooksId: string | null }, blockedBy: { kind: SyncKind, kindLabel: string, number: string | null, name: string | null, date: string | null, amount: string | null, currency: string | null, label: string, recordId: string | null, externalId: string | null, quickBooksId: string | null } | null } };

export type RetrySyncIssueMutationVariables = Exact<{
  id: string | number;
}>;


export type RetrySyncIssueMutation = { retrySyncIssue: { id: string, code: SyncIssueCode } };

export type SyncProgressSubscriptionVariables = Exact<{
  runId?: string | number | null | undefined;
}>;


export type SyncProgressSubscription = { syncProgress: { runId: string, status: SyncRunStatus, phase: string, total: number, processed: number, succeeded: number, failed: number, skipped: number, final: boolean, ratePerMinute: number, etaSeconds: number | null } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { tenant: { id: string, name: string }, apiKeys: Array<{ id: string, prefix: string, label: string, revokedAt: string | null }> } };

export type CreateApiKeyMutationVariables = Exact<{
  label: string;
}>;


export type CreateApiKeyMutation = { createApiKey: { secret: string, apiKey: { id: string, prefix: string, label: string } } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { id: string, revokedAt: string | null } };

export type HeartbeatSubscriptionVariables = Exact<{
  count: number;
  intervalMs: number;
}>;


export type HeartbeatSubscription = { heartbeat: { sequence: number, tenantId: string, at: string } };

export const AccountFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fullyQualifiedName"}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}},{"kind":"Field","name":{"kind":"Name","value":"accountSubType"}},{"kind":"Field","name":{"kind":"Name","value":"classification"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"currentBalance"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"parentId"}},{"kind":"Field","name":{"kind":"Name","value":"purposes"}}]}}]} as unknown as DocumentNode<AccountFieldsFragment, unknown>;
export const SyncFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordSync"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}},{"kind":"Field","name":{"kind":"Name","value":"syncedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncedAt"}},{"kind":"Field","name":{"kind":"Name","value":"issueCode"}},{"kind":"Field","name":{"kind":"Name","value":"issueMessage"}}]}}]} as unknown as DocumentNode<SyncFieldsFragment, unknown>;
export const CustomerFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pushPending"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"billingAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"sync"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordSync"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}},{"kind":"Field","name":{"kind":"Name","value":"syncedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncedAt"}},{"kind":"Field","name":{"kind":"Name","value":"issueCode"}},{"kind":"Field","name":{"kind":"Name","value":"issueMessage"}}]}}]} as unknown as DocumentNode<CustomerFieldsFragment, unknown>;
export const InvoiceFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InvoiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Invoice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pushPending"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"exchangeRate"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"taxInclusive"}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"}},{"kind":"Field","name":{"kind":"Name","value":"totalTax"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"retentionWithheld"}},{"kind":"Field","name":{"kind":"Name","value":"retentionReleased"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amountPaid"}},{"kind":"Field","name":{"kind":"Name","value":"amountCredited"}},{"kind":"Field","name":{"kind":"Name","value":"amountWrittenOff"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"jobTypeId"}},{"kind":"Field","name":{"kind":"Name","value":"supplyId"}},{"kind":"Field","name":{"kind":"Name","value":"teamId"}},{"kind":"Field","name":{"kind":"Name","value":"taxCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sync"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordSync"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}},{"kind":"Field","name":{"kind":"Name","value":"syncedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncedAt"}},{"kind":"Field","name":{"kind":"Name","value":"issueCode"}},{"kind":"Field","name":{"kind":"Name","value":"issueMessage"}}]}}]} as unknown as DocumentNode<InvoiceFieldsFragment, unknown>;
export const PaymentFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PaymentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pushPending"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"surcharge"}},{"kind":"Field","name":{"kind":"Name","value":"paymentMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"unappliedAmount"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"allocations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoiceId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"invoice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sync"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordSync"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}},{"kind":"Field","name":{"kind":"Name","value":"syncedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncedAt"}},{"kind":"Field","name":{"kind":"Name","value":"issueCode"}},{"kind":"Field","name":{"kind":"Name","value":"issueMessage"}}]}}]} as unknown as DocumentNode<PaymentFieldsFragment, unknown>;
export const AccountRefFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountRef"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}}]} as unknown as DocumentNode<AccountRefFragment, unknown>;
export const SettingsFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SettingsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccountingSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoiceReferenceField"}},{"kind":"Field","name":{"kind":"Name","value":"defaultLabourIncomeAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"defaultLabourIncomeAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultSuppliesIncomeAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"defaultSuppliesIncomeAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paymentsAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"paymentsAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditCardPaymentsAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"creditCardPaymentsAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultSupplierInvoiceAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"defaultSupplierInvoiceAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultExpenseAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"defaultExpenseAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultRoundingAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"defaultRoundingAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retentionIncomeAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"retentionIncomeAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditNoteAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"creditNoteAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"badDebtAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"badDebtAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultInventoryAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"defaultInventoryAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultCostOfGoodsSoldAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"defaultCostOfGoodsSoldAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"discountAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"discountAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paymentMethodFromAccounts"}},{"kind":"Field","name":{"kind":"Name","value":"pushSupplierInvoicesAsAwaitingApproval"}},{"kind":"Field","name":{"kind":"Name","value":"notApplicableToQuickBooks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"teamTrackingCategory"}},{"kind":"Field","name":{"kind":"Name","value":"accountingStartDate"}},{"kind":"Field","name":{"kind":"Name","value":"relaxAccountSelectionRestrictions"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeyPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"apiKeyLabel"}}]}}]}}]} as unknown as DocumentNode<SettingsFieldsFragment, unknown>;
export const SyncRunFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"notices"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"everything"}},{"kind":"Field","name":{"kind":"Name","value":"kindCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dryRunPayloads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"entity"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]}}]} as unknown as DocumentNode<SyncRunFieldsFragment, unknown>;
export const SyncRecordFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncRecordFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRecord"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"kindLabel"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}}]}}]} as unknown as DocumentNode<SyncRecordFieldsFragment, unknown>;
export const SyncIssueFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncIssueFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncIssue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"fixHint"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"Field","name":{"kind":"Name","value":"blockedByKind"}},{"kind":"Field","name":{"kind":"Name","value":"blockedById"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksFault"}},{"kind":"Field","name":{"kind":"Name","value":"actions"}},{"kind":"Field","name":{"kind":"Name","value":"candidates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"remoteId"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"settingLabel"}},{"kind":"Field","name":{"kind":"Name","value":"record"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncRecordFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"blockedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncRecordFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncRecordFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRecord"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"kindLabel"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}}]}}]} as unknown as DocumentNode<SyncIssueFieldsFragment, unknown>;
export const AccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Accounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"purpose"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AccountPurpose"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeInactive"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"purpose"},"value":{"kind":"Variable","name":{"kind":"Name","value":"purpose"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeInactive"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeInactive"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fullyQualifiedName"}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}},{"kind":"Field","name":{"kind":"Name","value":"accountSubType"}},{"kind":"Field","name":{"kind":"Name","value":"classification"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"currentBalance"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"parentId"}},{"kind":"Field","name":{"kind":"Name","value":"purposes"}}]}}]} as unknown as DocumentNode<AccountsQuery, AccountsQueryVariables>;
export const AccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Account"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountFields"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fullyQualifiedName"}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}},{"kind":"Field","name":{"kind":"Name","value":"accountSubType"}},{"kind":"Field","name":{"kind":"Name","value":"classification"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"currentBalance"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"parentId"}},{"kind":"Field","name":{"kind":"Name","value":"purposes"}}]}}]} as unknown as DocumentNode<AccountQuery, AccountQueryVariables>;
export const RefreshChartOfAccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefreshChartOfAccounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshChartOfAccounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RefreshChartOfAccountsMutation, RefreshChartOfAccountsMutationVariables>;
export const TrackingCategoriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TrackingCategories"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TrackingKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeInactive"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trackingCategories"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeInactive"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeInactive"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fullyQualifiedName"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<TrackingCategoriesQuery, TrackingCategoriesQueryVariables>;
export const TaxCodesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaxCodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taxCodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"taxable"}}]}}]}}]} as unknown as DocumentNode<TaxCodesQuery, TaxCodesQueryVariables>;
export const QuickBooksPaymentMethodsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QuickBooksPaymentMethods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quickBooksPaymentMethods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<QuickBooksPaymentMethodsQuery, QuickBooksPaymentMethodsQueryVariables>;
export const AccountsWithChartStateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountsWithChartState"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"purpose"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AccountPurpose"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"purpose"},"value":{"kind":"Variable","name":{"kind":"Name","value":"purpose"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chartState"}},{"kind":"Field","name":{"kind":"Name","value":"chartStateMessage"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AccountsWithChartStateQuery, AccountsWithChartStateQueryVariables>;
export const ConnectionChartStateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConnectionChartState"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quickBooksConnection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"chartState"}},{"kind":"Field","name":{"kind":"Name","value":"chartStateMessage"}}]}}]}}]} as unknown as DocumentNode<ConnectionChartStateQuery, ConnectionChartStateQueryVariables>;
export const SettingsRightAfterConnectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SettingsRightAfterConnect"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountingSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountProblems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setting"}}]}}]}}]}}]} as unknown as DocumentNode<SettingsRightAfterConnectQuery, SettingsRightAfterConnectQueryVariables>;
export const ConnectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Connection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quickBooksConnection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"reasonMessage"}},{"kind":"Field","name":{"kind":"Name","value":"realmId"}},{"kind":"Field","name":{"kind":"Name","value":"companyName"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"connectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessfulCallAt"}},{"kind":"Field","name":{"kind":"Name","value":"customerImportSuggested"}}]}}]}}]} as unknown as DocumentNode<ConnectionQuery, ConnectionQueryVariables>;
export const ConnectQuickBooksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConnectQuickBooks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"returnTo"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"allowRealmChange"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectQuickBooks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"returnTo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"returnTo"}}},{"kind":"Argument","name":{"kind":"Name","value":"allowRealmChange"},"value":{"kind":"Variable","name":{"kind":"Name","value":"allowRealmChange"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authorizationUrl"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<ConnectQuickBooksMutation, ConnectQuickBooksMutationVariables>;
export const CompleteQuickBooksConnectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteQuickBooksConnection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"callbackUrl"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeQuickBooksConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"callbackUrl"},"value":{"kind":"Variable","name":{"kind":"Name","value":"callbackUrl"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"realmId"}},{"kind":"Field","name":{"kind":"Name","value":"companyName"}}]}}]}}]} as unknown as DocumentNode<CompleteQuickBooksConnectionMutation, CompleteQuickBooksConnectionMutationVariables>;
export const VerifyQuickBooksConnectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VerifyQuickBooksConnection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyQuickBooksConnection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"companyName"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessfulCallAt"}}]}}]}}]} as unknown as DocumentNode<VerifyQuickBooksConnectionMutation, VerifyQuickBooksConnectionMutationVariables>;
export const DisconnectQuickBooksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisconnectQuickBooks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disconnectQuickBooks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"realmId"}}]}}]}}]} as unknown as DocumentNode<DisconnectQuickBooksMutation, DisconnectQuickBooksMutationVariables>;
export const ConnectionChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ConnectionChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quickBooksConnectionChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"companyName"}}]}}]}}]} as unknown as DocumentNode<ConnectionChangedSubscription, ConnectionChangedSubscriptionVariables>;
export const UpsertCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertCustomerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CustomerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordSync"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}},{"kind":"Field","name":{"kind":"Name","value":"syncedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncedAt"}},{"kind":"Field","name":{"kind":"Name","value":"issueCode"}},{"kind":"Field","name":{"kind":"Name","value":"issueMessage"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pushPending"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"billingAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"sync"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncFields"}}]}}]}}]} as unknown as DocumentNode<UpsertCustomerMutation, UpsertCustomerMutationVariables>;
export const UpsertSupplierDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertSupplier"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertSupplierInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertSupplier"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<UpsertSupplierMutation, UpsertSupplierMutationVariables>;
export const UpsertInvoiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertInvoice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertInvoiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertInvoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InvoiceFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordSync"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}},{"kind":"Field","name":{"kind":"Name","value":"syncedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncedAt"}},{"kind":"Field","name":{"kind":"Name","value":"issueCode"}},{"kind":"Field","name":{"kind":"Name","value":"issueMessage"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InvoiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Invoice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pushPending"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"exchangeRate"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"taxInclusive"}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"}},{"kind":"Field","name":{"kind":"Name","value":"totalTax"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"retentionWithheld"}},{"kind":"Field","name":{"kind":"Name","value":"retentionReleased"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amountPaid"}},{"kind":"Field","name":{"kind":"Name","value":"amountCredited"}},{"kind":"Field","name":{"kind":"Name","value":"amountWrittenOff"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"jobTypeId"}},{"kind":"Field","name":{"kind":"Name","value":"supplyId"}},{"kind":"Field","name":{"kind":"Name","value":"teamId"}},{"kind":"Field","name":{"kind":"Name","value":"taxCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sync"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncFields"}}]}}]}}]} as unknown as DocumentNode<UpsertInvoiceMutation, UpsertInvoiceMutationVariables>;
export const VoidInvoiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VoidInvoice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"voidInvoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pushPending"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}}]}}]}}]} as unknown as DocumentNode<VoidInvoiceMutation, VoidInvoiceMutationVariables>;
export const DeleteInvoiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteInvoice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteInvoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<DeleteInvoiceMutation, DeleteInvoiceMutationVariables>;
export const RecordPaymentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordPayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordPaymentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PaymentFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordSync"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}},{"kind":"Field","name":{"kind":"Name","value":"syncedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncedAt"}},{"kind":"Field","name":{"kind":"Name","value":"issueCode"}},{"kind":"Field","name":{"kind":"Name","value":"issueMessage"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PaymentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pushPending"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"surcharge"}},{"kind":"Field","name":{"kind":"Name","value":"paymentMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"unappliedAmount"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"allocations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoiceId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"invoice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sync"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncFields"}}]}}]}}]} as unknown as DocumentNode<RecordPaymentMutation, RecordPaymentMutationVariables>;
export const VoidPaymentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VoidPayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"voidPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pushPending"}}]}}]}}]} as unknown as DocumentNode<VoidPaymentMutation, VoidPaymentMutationVariables>;
export const IssueCreditNoteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IssueCreditNote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IssueCreditNoteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issueCreditNote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"invoiceId"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]} as unknown as DocumentNode<IssueCreditNoteMutation, IssueCreditNoteMutationVariables>;
export const WriteOffBadDebtDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WriteOffBadDebt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WriteOffBadDebtInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"writeOffBadDebt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"invoiceId"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]} as unknown as DocumentNode<WriteOffBadDebtMutation, WriteOffBadDebtMutationVariables>;
export const UpsertSupplierInvoiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertSupplierInvoice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertSupplierInvoiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertSupplierInvoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"supplierId"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}}]}}]}}]}}]} as unknown as DocumentNode<UpsertSupplierInvoiceMutation, UpsertSupplierInvoiceMutationVariables>;
export const UpsertExpenseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertExpense"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertExpenseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertExpense"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"supplierId"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]} as unknown as DocumentNode<UpsertExpenseMutation, UpsertExpenseMutationVariables>;
export const CustomersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Customers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pushPending"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"pushPending"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pushPending"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CustomerFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordSync"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}},{"kind":"Field","name":{"kind":"Name","value":"syncedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncedAt"}},{"kind":"Field","name":{"kind":"Name","value":"issueCode"}},{"kind":"Field","name":{"kind":"Name","value":"issueMessage"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pushPending"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"billingAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"sync"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncFields"}}]}}]}}]} as unknown as DocumentNode<CustomersQuery, CustomersQueryVariables>;
export const CustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Customer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CustomerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordSync"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}},{"kind":"Field","name":{"kind":"Name","value":"syncedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncedAt"}},{"kind":"Field","name":{"kind":"Name","value":"issueCode"}},{"kind":"Field","name":{"kind":"Name","value":"issueMessage"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pushPending"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"billingAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"sync"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncFields"}}]}}]}}]} as unknown as DocumentNode<CustomerQuery, CustomerQueryVariables>;
export const InvoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Invoices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pushPending"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dateFrom"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dateTo"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"pushPending"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pushPending"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"dateFrom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dateFrom"}}},{"kind":"Argument","name":{"kind":"Name","value":"dateTo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dateTo"}}},{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InvoiceFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordSync"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}},{"kind":"Field","name":{"kind":"Name","value":"syncedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncedAt"}},{"kind":"Field","name":{"kind":"Name","value":"issueCode"}},{"kind":"Field","name":{"kind":"Name","value":"issueMessage"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InvoiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Invoice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pushPending"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"exchangeRate"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"taxInclusive"}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"}},{"kind":"Field","name":{"kind":"Name","value":"totalTax"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"retentionWithheld"}},{"kind":"Field","name":{"kind":"Name","value":"retentionReleased"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amountPaid"}},{"kind":"Field","name":{"kind":"Name","value":"amountCredited"}},{"kind":"Field","name":{"kind":"Name","value":"amountWrittenOff"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"jobTypeId"}},{"kind":"Field","name":{"kind":"Name","value":"supplyId"}},{"kind":"Field","name":{"kind":"Name","value":"teamId"}},{"kind":"Field","name":{"kind":"Name","value":"taxCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sync"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncFields"}}]}}]}}]} as unknown as DocumentNode<InvoicesQuery, InvoicesQueryVariables>;
export const InvoiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Invoice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InvoiceFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordSync"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}},{"kind":"Field","name":{"kind":"Name","value":"syncedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncedAt"}},{"kind":"Field","name":{"kind":"Name","value":"issueCode"}},{"kind":"Field","name":{"kind":"Name","value":"issueMessage"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InvoiceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Invoice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pushPending"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"exchangeRate"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"taxInclusive"}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"}},{"kind":"Field","name":{"kind":"Name","value":"totalTax"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"retentionWithheld"}},{"kind":"Field","name":{"kind":"Name","value":"retentionReleased"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amountPaid"}},{"kind":"Field","name":{"kind":"Name","value":"amountCredited"}},{"kind":"Field","name":{"kind":"Name","value":"amountWrittenOff"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"jobTypeId"}},{"kind":"Field","name":{"kind":"Name","value":"supplyId"}},{"kind":"Field","name":{"kind":"Name","value":"teamId"}},{"kind":"Field","name":{"kind":"Name","value":"taxCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sync"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncFields"}}]}}]}}]} as unknown as DocumentNode<InvoiceQuery, InvoiceQueryVariables>;
export const PaymentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Payments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PaymentFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordSync"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}},{"kind":"Field","name":{"kind":"Name","value":"syncedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncedAt"}},{"kind":"Field","name":{"kind":"Name","value":"issueCode"}},{"kind":"Field","name":{"kind":"Name","value":"issueMessage"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PaymentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Payment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pushPending"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"surcharge"}},{"kind":"Field","name":{"kind":"Name","value":"paymentMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"unappliedAmount"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"allocations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoiceId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"invoice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sync"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncFields"}}]}}]}}]} as unknown as DocumentNode<PaymentsQuery, PaymentsQueryVariables>;
export const OtherLedgerListsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OtherLedgerLists"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suppliers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditNotes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"badDebtWriteOffs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supplierInvoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expenses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"sync"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OtherLedgerListsQuery, OtherLedgerListsQueryVariables>;
export const UpsertJobTypeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertJobType"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertJobTypeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertJobType"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<UpsertJobTypeMutation, UpsertJobTypeMutationVariables>;
export const UpsertSupplyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertSupply"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertSupplyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertSupply"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"trackInventory"}}]}}]}}]} as unknown as DocumentNode<UpsertSupplyMutation, UpsertSupplyMutationVariables>;
export const SetSupplyStockAccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetSupplyStockAccounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"supplyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inventoryAssetAccountId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"costOfGoodsSoldAccountId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setSupplyStockAccounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"supplyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"supplyId"}}},{"kind":"Argument","name":{"kind":"Name","value":"inventoryAssetAccountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inventoryAssetAccountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"costOfGoodsSoldAccountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"costOfGoodsSoldAccountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"inventoryAssetAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"costOfGoodsSoldAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"inventoryAssetAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"costOfGoodsSoldAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountRef"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountRef"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}}]} as unknown as DocumentNode<SetSupplyStockAccountsMutation, SetSupplyStockAccountsMutationVariables>;
export const UpsertPaymentMethodDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertPaymentMethod"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertPaymentMethodInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertPaymentMethod"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isCard"}}]}}]}}]} as unknown as DocumentNode<UpsertPaymentMethodMutation, UpsertPaymentMethodMutationVariables>;
export const UpsertTeamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertTeam"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertTeamInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertTeam"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<UpsertTeamMutation, UpsertTeamMutationVariables>;
export const JobTypesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JobTypes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobTypes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"labourIncomeAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"labourIncomeAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"materialsIncomeAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountRef"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountRef"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}}]} as unknown as DocumentNode<JobTypesQuery, JobTypesQueryVariables>;
export const SuppliesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Supplies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"supplies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"incomeAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountRef"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountRef"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}}]} as unknown as DocumentNode<SuppliesQuery, SuppliesQueryVariables>;
export const PaymentMethodsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PaymentMethods"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"paymentMethods"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isCard"}},{"kind":"Field","name":{"kind":"Name","value":"surchargeIncomeAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountRef"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountRef"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}}]} as unknown as DocumentNode<PaymentMethodsQuery, PaymentMethodsQueryVariables>;
export const TeamsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Teams"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teams"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TeamsQuery, TeamsQueryVariables>;
export const SetJobTypeAccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetJobTypeAccounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobTypeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"labourIncomeAccountId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"materialsIncomeAccountId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setJobTypeAccounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jobTypeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobTypeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"labourIncomeAccountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"labourIncomeAccountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"materialsIncomeAccountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"materialsIncomeAccountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"labourIncomeAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"materialsIncomeAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"labourIncomeAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"materialsIncomeAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountRef"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountRef"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}}]} as unknown as DocumentNode<SetJobTypeAccountsMutation, SetJobTypeAccountsMutationVariables>;
export const SetSupplyIncomeAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetSupplyIncomeAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"supplyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"incomeAccountId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setSupplyIncomeAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"supplyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"supplyId"}}},{"kind":"Argument","name":{"kind":"Name","value":"incomeAccountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"incomeAccountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"incomeAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"incomeAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountRef"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountRef"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}}]} as unknown as DocumentNode<SetSupplyIncomeAccountMutation, SetSupplyIncomeAccountMutationVariables>;
export const SetPaymentMethodSurchargeTaxCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetPaymentMethodSurchargeTaxCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"paymentMethodId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"taxCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPaymentMethodSurchargeTaxCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"paymentMethodId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"paymentMethodId"}}},{"kind":"Argument","name":{"kind":"Name","value":"taxCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"taxCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"surchargeTaxCode"}}]}}]}}]} as unknown as DocumentNode<SetPaymentMethodSurchargeTaxCodeMutation, SetPaymentMethodSurchargeTaxCodeMutationVariables>;
export const SetPaymentMethodSurchargeAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetPaymentMethodSurchargeAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"paymentMethodId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"surchargeIncomeAccountId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPaymentMethodSurchargeAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"paymentMethodId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"paymentMethodId"}}},{"kind":"Argument","name":{"kind":"Name","value":"surchargeIncomeAccountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"surchargeIncomeAccountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"surchargeIncomeAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"surchargeIncomeAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountRef"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountRef"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}}]} as unknown as DocumentNode<SetPaymentMethodSurchargeAccountMutation, SetPaymentMethodSurchargeAccountMutationVariables>;
export const PaymentMethodSurchargeTaxCodesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PaymentMethodSurchargeTaxCodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"paymentMethods"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"surchargeTaxCode"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PaymentMethodSurchargeTaxCodesQuery, PaymentMethodSurchargeTaxCodesQueryVariables>;
export const CustomerCreditDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerCredit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"creditBalance"}},{"kind":"Field","name":{"kind":"Name","value":"sync"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}}]}}]}}]}}]} as unknown as DocumentNode<CustomerCreditQuery, CustomerCreditQueryVariables>;
export const PaymentCreditDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PaymentCredit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"unappliedAmount"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"allocations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"invoice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"refunds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refundId"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sync"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}},{"kind":"Field","name":{"kind":"Name","value":"syncedVersion"}},{"kind":"Field","name":{"kind":"Name","value":"issueCode"}},{"kind":"Field","name":{"kind":"Name","value":"issueMessage"}}]}}]}}]}}]} as unknown as DocumentNode<PaymentCreditQuery, PaymentCreditQueryVariables>;
export const CreditedInvoiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CreditedInvoice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"amountPaid"}},{"kind":"Field","name":{"kind":"Name","value":"amountCredited"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}}]}}]}}]} as unknown as DocumentNode<CreditedInvoiceQuery, CreditedInvoiceQueryVariables>;
export const CustomerPaymentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerPayments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"unappliedAmount"}},{"kind":"Field","name":{"kind":"Name","value":"pushPending"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"allocations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"invoice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sync"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerPaymentsQuery, CustomerPaymentsQueryVariables>;
export const PulledInvoiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PulledInvoice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"amountPaid"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksFlag"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}}]}}]}}]}}]} as unknown as DocumentNode<PulledInvoiceQuery, PulledInvoiceQueryVariables>;
export const PulledPaymentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PulledPayments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pushPending"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"paymentMethodId"}},{"kind":"Field","name":{"kind":"Name","value":"allocations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"invoice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sync"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PulledPaymentsQuery, PulledPaymentsQueryVariables>;
export const QuickBooksChangesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QuickBooksChanges"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quickBooksChanges"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"entity"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}},{"kind":"Field","name":{"kind":"Name","value":"recordKind"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<QuickBooksChangesQuery, QuickBooksChangesQueryVariables>;
export const QuickBooksChangesFeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"QuickBooksChangesFeed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quickBooksChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<QuickBooksChangesFeedSubscription, QuickBooksChangesFeedSubscriptionVariables>;
export const ImportCustomersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportCustomers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importCustomers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}}]}}]}}]} as unknown as DocumentNode<ImportCustomersMutation, ImportCustomersMutationVariables>;
export const CustomerImportSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerImportSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerImportSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"linked"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"ambiguous"}}]}}]}}]} as unknown as DocumentNode<CustomerImportSummaryQuery, CustomerImportSummaryQueryVariables>;
export const CustomerImportMatchesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerImportMatches"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerImportStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerImportMatches"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quickBooksCustomerId"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksDisplayName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"candidateIds"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerImportMatchesQuery, CustomerImportMatchesQueryVariables>;
export const LinkCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LinkCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quickBooksCustomerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"linkCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"quickBooksCustomerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quickBooksCustomerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quickBooksCustomerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]} as unknown as DocumentNode<LinkCustomerMutation, LinkCustomerMutationVariables>;
export const CreateCustomerFromQuickBooksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCustomerFromQuickBooks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quickBooksCustomerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCustomerFromQuickBooks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"quickBooksCustomerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quickBooksCustomerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quickBooksCustomerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<CreateCustomerFromQuickBooksMutation, CreateCustomerFromQuickBooksMutationVariables>;
export const RemoteChangeInvoiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RemoteChangeInvoice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksFlag"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sync"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}},{"kind":"Field","name":{"kind":"Name","value":"issueCode"}},{"kind":"Field","name":{"kind":"Name","value":"issueMessage"}}]}}]}}]}}]} as unknown as DocumentNode<RemoteChangeInvoiceQuery, RemoteChangeInvoiceQueryVariables>;
export const RemoteChangePaymentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RemoteChangePayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"sync"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}},{"kind":"Field","name":{"kind":"Name","value":"issueCode"}}]}}]}}]}}]} as unknown as DocumentNode<RemoteChangePaymentQuery, RemoteChangePaymentQueryVariables>;
export const OpenSyncIssuesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpenSyncIssues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncIssues"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"OPEN"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"fixHint"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksFault"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OpenSyncIssuesQuery, OpenSyncIssuesQueryVariables>;
export const SettingsAccountProblemsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SettingsAccountProblems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountingSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relaxAccountSelectionRestrictions"}},{"kind":"Field","name":{"kind":"Name","value":"accountProblems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"settingLabel"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"accountName"}},{"kind":"Field","name":{"kind":"Name","value":"problem"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SettingsAccountProblemsQuery, SettingsAccountProblemsQueryVariables>;
export const QuickBooksCreatedRecordsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QuickBooksCreatedRecords"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entity"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"QuickBooksCreatedEntity"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"QuickBooksCreatedStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quickBooksCreatedRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"entity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entity"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entity"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"customerName"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksCustomerId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}}]}}]}}]}}]}}]} as unknown as DocumentNode<QuickBooksCreatedRecordsQuery, QuickBooksCreatedRecordsQueryVariables>;
export const LinkQuickBooksInvoiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LinkQuickBooksInvoice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"invoiceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quickBooksInvoiceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"linkQuickBooksInvoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invoiceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"invoiceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"quickBooksInvoiceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quickBooksInvoiceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}}]}}]}}]} as unknown as DocumentNode<LinkQuickBooksInvoiceMutation, LinkQuickBooksInvoiceMutationVariables>;
export const AccountingSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountingSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountingSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SettingsFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SettingsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccountingSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoiceReferenceField"}},{"kind":"Field","name":{"kind":"Name","value":"defaultLabourIncomeAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"defaultLabourIncomeAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultSuppliesIncomeAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"defaultSuppliesIncomeAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paymentsAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"paymentsAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditCardPaymentsAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"creditCardPaymentsAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultSupplierInvoiceAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"defaultSupplierInvoiceAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultExpenseAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"defaultExpenseAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultRoundingAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"defaultRoundingAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retentionIncomeAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"retentionIncomeAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditNoteAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"creditNoteAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"badDebtAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"badDebtAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultInventoryAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"defaultInventoryAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultCostOfGoodsSoldAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"defaultCostOfGoodsSoldAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"discountAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"discountAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paymentMethodFromAccounts"}},{"kind":"Field","name":{"kind":"Name","value":"pushSupplierInvoicesAsAwaitingApproval"}},{"kind":"Field","name":{"kind":"Name","value":"notApplicableToQuickBooks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"teamTrackingCategory"}},{"kind":"Field","name":{"kind":"Name","value":"accountingStartDate"}},{"kind":"Field","name":{"kind":"Name","value":"relaxAccountSelectionRestrictions"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeyPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"apiKeyLabel"}}]}}]}}]} as unknown as DocumentNode<AccountingSettingsQuery, AccountingSettingsQueryVariables>;
export const UpdateAccountingSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAccountingSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AccountingSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAccountingSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SettingsFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SettingsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccountingSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoiceReferenceField"}},{"kind":"Field","name":{"kind":"Name","value":"defaultLabourIncomeAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"defaultLabourIncomeAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultSuppliesIncomeAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"defaultSuppliesIncomeAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paymentsAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"paymentsAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditCardPaymentsAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"creditCardPaymentsAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultSupplierInvoiceAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"defaultSupplierInvoiceAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultExpenseAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"defaultExpenseAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultRoundingAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"defaultRoundingAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retentionIncomeAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"retentionIncomeAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditNoteAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"creditNoteAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"badDebtAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"badDebtAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultInventoryAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"defaultInventoryAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultCostOfGoodsSoldAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"defaultCostOfGoodsSoldAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"discountAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"discountAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accountType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paymentMethodFromAccounts"}},{"kind":"Field","name":{"kind":"Name","value":"pushSupplierInvoicesAsAwaitingApproval"}},{"kind":"Field","name":{"kind":"Name","value":"notApplicableToQuickBooks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"teamTrackingCategory"}},{"kind":"Field","name":{"kind":"Name","value":"accountingStartDate"}},{"kind":"Field","name":{"kind":"Name","value":"relaxAccountSelectionRestrictions"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeyPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"apiKeyLabel"}}]}}]}}]} as unknown as DocumentNode<UpdateAccountingSettingsMutation, UpdateAccountingSettingsMutationVariables>;
export const StartSyncDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartSync"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"StartSyncInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startSync"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncRunFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"notices"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"everything"}},{"kind":"Field","name":{"kind":"Name","value":"kindCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dryRunPayloads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"entity"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]}}]} as unknown as DocumentNode<StartSyncMutation, StartSyncMutationVariables>;
export const CancelSyncRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelSyncRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelSyncRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncRunFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"notices"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"everything"}},{"kind":"Field","name":{"kind":"Name","value":"kindCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dryRunPayloads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"entity"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]}}]} as unknown as DocumentNode<CancelSyncRunMutation, CancelSyncRunMutationVariables>;
export const SyncRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncRunFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"notices"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"everything"}},{"kind":"Field","name":{"kind":"Name","value":"kindCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dryRunPayloads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"entity"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]}}]} as unknown as DocumentNode<SyncRunQuery, SyncRunQueryVariables>;
export const SyncRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncRunFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"notices"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"everything"}},{"kind":"Field","name":{"kind":"Name","value":"kindCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dryRunPayloads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"entity"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]}}]} as unknown as DocumentNode<SyncRunsQuery, SyncRunsQueryVariables>;
export const SyncIssuesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncIssues"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SyncIssueStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncIssues"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncIssueFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncRecordFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRecord"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"kindLabel"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncIssueFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncIssue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"fixHint"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"Field","name":{"kind":"Name","value":"blockedByKind"}},{"kind":"Field","name":{"kind":"Name","value":"blockedById"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksFault"}},{"kind":"Field","name":{"kind":"Name","value":"actions"}},{"kind":"Field","name":{"kind":"Name","value":"candidates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"remoteId"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"settingLabel"}},{"kind":"Field","name":{"kind":"Name","value":"record"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncRecordFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"blockedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncRecordFields"}}]}}]}}]} as unknown as DocumentNode<SyncIssuesQuery, SyncIssuesQueryVariables>;
export const PerformSyncIssueActionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PerformSyncIssueAction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PerformSyncIssueActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"performSyncIssueAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncIssueFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncRecordFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRecord"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"kindLabel"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksId"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncIssueFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncIssue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"fixHint"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"Field","name":{"kind":"Name","value":"blockedByKind"}},{"kind":"Field","name":{"kind":"Name","value":"blockedById"}},{"kind":"Field","name":{"kind":"Name","value":"quickBooksFault"}},{"kind":"Field","name":{"kind":"Name","value":"actions"}},{"kind":"Field","name":{"kind":"Name","value":"candidates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"remoteId"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"settingLabel"}},{"kind":"Field","name":{"kind":"Name","value":"record"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncRecordFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"blockedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncRecordFields"}}]}}]}}]} as unknown as DocumentNode<PerformSyncIssueActionMutation, PerformSyncIssueActionMutationVariables>;
export const RetrySyncIssueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetrySyncIssue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retrySyncIssue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]} as unknown as DocumentNode<RetrySyncIssueMutation, RetrySyncIssueMutationVariables>;
export const SyncProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SyncProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"final"}},{"kind":"Field","name":{"kind":"Name","value":"ratePerMinute"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}}]}}]}}]} as unknown as DocumentNode<SyncProgressSubscription, SyncProgressSubscriptionVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const CreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"label"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"label"},"value":{"kind":"Variable","name":{"kind":"Name","value":"label"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}}]} as unknown as DocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const HeartbeatDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"Heartbeat"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"count"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"intervalMs"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"heartbeat"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"count"},"value":{"kind":"Variable","name":{"kind":"Name","value":"count"}}},{"kind":"Argument","name":{"kind":"Name","value":"intervalMs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"intervalMs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"tenantId"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<HeartbeatSubscription, HeartbeatSubscriptionVariables>;
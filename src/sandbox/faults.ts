/**
 * QBO's two fault shapes, as the real service sends them (see shared/docs/qbo-api-facts.md §1.6):
 * - data-service faults: `{"Fault":{"Error":[{Message,Detail,code,element}],"type":...},"time":...}`
 * - gateway faults (auth, throttling): lower-case keys, epoch-ms `time`, many null siblings.
 * Route handlers throw `QboFault`/`GatewayFault`; one Express error handler renders them.
 */
import { pacificDateTimeMs } from './pacific-time.js';

export type DataFaultType = 'ValidationFault' | 'SystemFault' | 'AuthenticationFault' | 'AuthorizatonFault' | 'SERVICE';

export interface FaultError {
  Message: string;
  Detail: string;
  code: string;
  element?: string;
}

/** A data-service fault (validation, business rules, system). */
export class QboFault extends Error {
  constructor(
    readonly httpStatus: number,
    readonly type: DataFaultType,
    readonly errors: FaultError[],
  ) {
    super(errors.map((e) => `${e.code} ${e.Message}: ${e.Detail}`).join('; '));
    this.name = 'QboFault';
  }

  /** The `Fault` object (without envelope), as batch items carry it. */
  toFaultObject(): { Error: FaultError[]; type: DataFaultType } {
    return { Error: this.errors.map((e) => ({ ...e, element: e.element ?? '' })), type: this.type };
  }

  toBody(nowMs: number): unknown {
    return { Fault: this.toFaultObject(), time: pacificDateTimeMs(nowMs) };
  }
}

/** A gateway-level fault (authentication, authorization, throttling), in Intuit's gateway shape. */
export class GatewayFault extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    override readonly message: string,
    readonly detail: string,
    readonly type: 'AUTHENTICATION' | 'AUTHORIZATION' | 'SERVICE',
  ) {
    super(`${code} ${message}: ${detail}`);
    this.name = 'GatewayFault';
  }

  toBody(nowMs: number): unknown {
    return {
      warnings: null,
      intuitObject: null,
      fault: { error: [{ message: this.message, detail: this.detail, code: this.code, element: null }], type: this.type },
      report: null,
      queryResponse: null,
      batchItemResponse: [],
      attachableResponse: [],
      syncErrorResponse: null,
      requestId: null,
      time: nowMs,
      status: null,
      cdcresponse: [],
    };
  }
}

// ---- constructors for the faults the simulator raises (codes from the facts file §3.3) ----

export const faults = {
  validation: (code: string, message: string, detail: string, element = ''): QboFault =>
    new QboFault(400, 'ValidationFault', [{ Message: message, Detail: detail, code, element }]),
  /** 5010. The name in the text is the *other* user; real responses show e.g. "root". */
  staleObject: (_entity?: string, _id?: string, _sent?: string, _current?: string, otherUser = 'root'): QboFault =>
    faults.validation(
      '5010',
      'Stale Object Error',
      `Stale Object Error : You and ${otherUser} were working on this at the same time. ${otherUser} finished before you did, so your work was not saved.`,
    ),
  objectNotFound: (detail = 'Object Not Found : Another user has deleted this transaction.'): QboFault =>
    faults.validation('610', 'Object Not Found', detail),
  /** 610 for references to inactive (or unknown) list records. */
  madeInactive: (element = ''): QboFault =>
    faults.validation(
      '610',
      'Object Not Found',
      "Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.",
      element,
    ),
  /** 6240. `what` is the namespace text: "customer, vendor or employee", "product or service", "account", ... */
  duplicateName: (what = 'customer, vendor or employee'): QboFault =>
    faults.validation(
      '6240',
      'Duplicate Name Exists Error',
      `The name supplied already exists. : Another ${what} is already using this name. Please use a different name.`,
    ),
  /** 6140 with the holder named, as QBO answers (whosebug.com/question/5669584). */
  duplicateDocNumber: (docNumber: string, txnType: string, txnId: string): QboFault =>
    faults.validation('6140', 'Duplicate Document Number Error', `Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=${docNumber} is assigned to TxnType=${txnType} with TxnId=${txnId}`),
  /** 2010 with the Jackson-style detail QBO returns (python-quickbooks #299). */
  unknownProperty: (property: string, entity: string, known: readonly string[] = [], element = property): QboFault =>
    faults.validation(
      '2010',
      'Request has invalid or unsupported property',
      `Property Name:Unrecognized field "${property}" (class com.intuit.schema.finance.v3.${entity}), not marked as ignorable (${known.length} known properties: ${known.map((k) => `"${k}"`).join(', ')})`,
      element,
    ),
  requiredMissing: (field: string): QboFault =>
    faults.validation('2020', 'Required param missing, need to supply the required value for the API', `Required parameter ${field} is missing in the request`, field),
  invalidReference: (field: string, detail = `Invalid Reference Id : ${field}`): QboFault => faults.validation('2500', 'Invalid Reference Id', detail, field),
  tooLong: (field: string, max: number, supplied?: number, min = 0): QboFault =>
    faults.validation(
      '2050',
      'String length is either shorter or longer than supported by specification',
      `String length specified does not match the supported length. Min:${min} Max:${max} supported. Supplied length:${supplied ?? max + 1}`,
      field,
    ),
  /** 6000: business rules (unbalanced journal, missing tax code on a non-US line, over-applied payment...). */
  businessValidation: (text: string, element = ''): QboFault =>
    faults.validation('6000', 'A business validation error has occurred while processing your request', `Business Validation Error: ${text}`, element),
  unsupportedOperation: (detail: string): QboFault => faults.validation('500', 'Unsupported Operation', detail),
  queryParse: (detail: string): QboFault => faults.validation('4000', 'Error parsing query', detail),
  queryInvalid: (detail: string): QboFault => faults.validation('4001', 'Invalid query', detail),
  system: (): QboFault =>
    new QboFault(500, 'SystemFault', [{ Message: 'An application error has occurred while processing your request', Detail: 'System Failure Error: An unexpected error occurred while accessing or saving your data. Please wait a few minutes and try again. If the problem persists, contact customer support.', code: '10000' }]),
  /** 503 as a data-service SystemFault (the real one may be an HTML page from the load balancer). */
  unavailable: (): QboFault =>
    new QboFault(503, 'SystemFault', [{ Message: 'Service Unavailable', Detail: 'The service is temporarily unavailable. Please try again later.', code: '10000' }]),
  throttled: (): GatewayFault =>
    new GatewayFault(429, '3001', 'message=ThrottleExceeded; errorCode=003001; statusCode=429', 'The request limit was reached.  Try again later', 'SERVICE'),
  unauthenticated: (detail: string): GatewayFault =>
    new GatewayFault(401, '3200', 'message=AuthenticationFailed; errorCode=003200; statusCode=401', detail, 'AUTHENTICATION'),
  unauthorized: (detail: string): GatewayFault =>
    new GatewayFault(403, '3100', 'message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403', detail, 'AUTHORIZATION'),
};

/** GraphQL types of the QuickBooks connection. Never carries a token. */
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { type ConnectionStatus } from './connection.types.js';

export enum QuickBooksConnectionStatus {
  NOT_CONNECTED = 'NOT_CONNECTED',
  CONNECTED = 'CONNECTED',
  RECONNECT_REQUIRED = 'RECONNECT_REQUIRED',
  ERROR = 'ERROR',
}
registerEnumType(QuickBooksConnectionStatus, { name: 'QuickBooksConnectionStatus', description: 'Whether the tenant can talk to QuickBooks now.',
  valuesConfig: {
    NOT_CONNECTED: { description: 'No QuickBooks company is connected (never, or disconnected).' },
    CONNECTED: { description: 'Connected: syncing can run.' },
    RECONNECT_REQUIRED: { description: 'QuickBooks no longer accepts the authorization: someone must connect again (reason says why).' },
    ERROR: { description: 'The last connection attempt failed (reason says why).' },
  },
});

/** Every stable code a connection's reason may hold (ConnectionFailedError's reasons and the vault's and disconnect's own). */
export enum QuickBooksConnectionReason {
  DISCONNECTED = 'DISCONNECTED',
  REFRESH_TOKEN_INVALID = 'REFRESH_TOKEN_INVALID',
  TOKENS_UNREADABLE = 'TOKENS_UNREADABLE',
  STATE_INVALID = 'STATE_INVALID',
  STARTED_BY_ANOTHER_KEY = 'STARTED_BY_ANOTHER_KEY',
  STARTED_IN_ANOTHER_BROWSER = 'STARTED_IN_ANOTHER_BROWSER',
  STARTED_WITHOUT_BROWSER = 'STARTED_WITHOUT_BROWSER',
  CONSENT_DECLINED = 'CONSENT_DECLINED',
  CODE_EXCHANGE_FAILED = 'CODE_EXCHANGE_FAILED',
  REALM_MISMATCH = 'REALM_MISMATCH',
  REALM_IN_USE = 'REALM_IN_USE',
  COMPANY_UNREADABLE = 'COMPANY_UNREADABLE',
}
registerEnumType(QuickBooksConnectionReason, {
  name: 'QuickBooksConnectionReason',
  description: 'Why the connection is in its status, as a stable code (reasonMessage says it in words). New codes may be added.',
  valuesConfig: {
    DISCONNECTED: { description: 'Disconnected on request (disconnectQuickBooks).' },
    REFRESH_TOKEN_INVALID: { description: 'QuickBooks no longer accepts the stored authorization (revoked, expired or replaced): connect again.' },
    TOKENS_UNREADABLE: { description: 'The stored authorization cannot be decrypted (the encryption key changed): connect again.' },
    STATE_INVALID: { description: 'The connect link was unknown, used already or expired: start again.' },
    STARTED_BY_ANOTHER_KEY: { description: 'The attempt was started with another API key.' },
    STARTED_IN_ANOTHER_BROWSER: { description: 'The attempt was started in another browser.' },
    STARTED_WITHOUT_BROWSER: { description: 'The attempt was started over WebSocket: finish it with completeQuickBooksConnection.' },
    CONSENT_DECLINED: { description: 'The user declined access on Intuit\'s page.' },
    CODE_EXCHANGE_FAILED: { description: 'Intuit refused the authorization code: start again.' },
    REALM_MISMATCH: { description: 'A different QuickBooks company than before: confirm with allowRealmChange.' },
    REALM_IN_USE: { description: 'That QuickBooks company is already connected to another business.' },
    COMPANY_UNREADABLE: { description: 'The company details could not be read from QuickBooks: try again.' },
  },
});

/** Where the connected company lives. Lower case, as the String this replaced sent. */
export enum QuickBooksEnvironment {
  production = 'production',
  sandbox = 'sandbox',
  simulator = 'simulator',
}
registerEnumType(QuickBooksEnvironment, {
  name: 'QuickBooksEnvironment',
  description: 'Which QuickBooks Online the company is in.',
  valuesConfig: {
    production: { description: "Intuit's production QuickBooks Online (real books)." },
    sandbox: { description: "An Intuit developer sandbox company." },
    simulator: { description: 'The QuickBooks Online simulator built into the gateway (development and tests).' },
  },
});

@ObjectType('QuickBooksConnection', { description: "The tenant's QuickBooks Online connection: status, company and token health (never the tokens)." })
export class QuickBooksConnectionType {
  @Field(() => QuickBooksConnectionStatus, { description: 'Whether the business can talk to QuickBooks now.' })
  status!: ConnectionStatus;

  @Field(() => QuickBooksConnectionReason, { nullable: true, description: 'Why the connection is in its status (e.g. REFRESH_TOKEN_INVALID, CONSENT_DECLINED); null when connected or never connected.' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'The reason in plain words, for people.' })
  reasonMessage!: string | null;

  @Field(() => String, { nullable: true, description: 'The QuickBooks company id (realmId) the tenant is bound to.' })
  realmId!: string | null;

  @Field(() => String, { nullable: true, description: "The QuickBooks company's name; null before the first connection." })
  companyName!: string | null;

  @Field(() => String, { nullable: true, description: "The company's country (e.g. AU, US): decides tax handling." })
  country!: string | null;

  @Field(() => QuickBooksEnvironment, { nullable: true, description: 'production, sandbox (Intuit) or simulator (the built-in QBO simulator); null before the first connection.' })
  environment!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the company was connected; null when not connected.' })
  connectedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the current access token expires (it is refreshed automatically, about every hour).' })
  accessTokenExpiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the authorization expires unless used (QuickBooks: about 100 days); reconnect before then.' })
  refreshTokenExpiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a QuickBooks call last succeeded; null: none yet.' })
  lastSuccessfulCallAt!: Date | null;

  @Field(() => Boolean, { description: 'True after the first connection to a company: offer to import its customers.' })
  customerImportSuggested!: boolean;
}

@ObjectType('ConnectQuickBooksPayload', { description: 'Where to send the user to connect QuickBooks.' })
export class ConnectQuickBooksPayload {
  @Field(() => String, { description: "Send the user's browser here; Intuit redirects back to /oauth/callback." })
  authorizationUrl!: string;

  @Field(() => Date, { description: 'The link stops working after this time (it is also single-use).' })
  expiresAt!: Date;
}

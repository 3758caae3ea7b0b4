/** GraphQL types of the QuickBooks connection. Never carries a token. */
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { type ConnectionStatus } from './connection.types.js';

export enum QuickBooksConnectionStatus {
  NOT_CONNECTED = 'NOT_CONNECTED',
  CONNECTED = 'CONNECTED',
  RECONNECT_REQUIRED = 'RECONNECT_REQUIRED',
  ERROR = 'ERROR',
}
registerEnumType(QuickBooksConnectionStatus, { name: 'QuickBooksConnectionStatus', description: 'Whether the tenant can talk to QuickBooks now.' });

@ObjectType('QuickBooksConnection', { description: "The tenant's QuickBooks Online connection: status, company and token health (never the tokens)." })
export class QuickBooksConnectionType {
  @Field(() => QuickBooksConnectionStatus)
  status!: ConnectionStatus;

  @Field(() => String, { nullable: true, description: 'Stable code for the status, e.g. REFRESH_TOKEN_INVALID, CONSENT_DECLINED, REALM_MISMATCH, DISCONNECTED.' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'The reason in plain words, for people.' })
  reasonMessage!: string | null;

  @Field(() => String, { nullable: true, description: 'The QuickBooks company id (realmId) the tenant is bound to.' })
  realmId!: string | null;

  @Field(() => String, { nullable: true })
  companyName!: string | null;

  @Field(() => String, { nullable: true, description: "The company's country (e.g. AU, US): decides tax handling." })
  country!: string | null;

  @Field(() => String, { nullable: true, description: 'production, sandbox (Intuit) or simulator (the built-in QBO simulator).' })
  environment!: string | null;

  @Field(() => Date, { nullable: true })
  connectedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  accessTokenExpiresAt!: Date | null;

  @Field(() => Date, { nullable: true })
  refreshTokenExpiresAt!: Date | null;

  @Field(() => Date, { nullable: true })
  lastSuccessfulCallAt!: Date | null;

  @Field(() => Boolean, { description: 'True after the first connection to a company: offer to import its customers.' })
  customerImportSuggested!: boolean;
}

@ObjectType('ConnectQuickBooksPayload')
export class ConnectQuickBooksPayload {
  @Field(() => String, { description: "Send the user's browser here; Intuit redirects back to /oauth/callback." })
  authorizationUrl!: string;

  @Field(() => Date, { description: 'The link stops working after this time (it is also single-use).' })
  expiresAt!: Date;
}

/** GraphQL types for the caller's identity: the tenant behind the API key, and its keys. */
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('Tenant', { description: 'A field-service business using fieldbooks. Every record belongs to exactly one tenant.' })
export class TenantType {
  @Field(() => ID, { description: "The business's id." })
  id!: string;

  @Field(() => String, { description: "The business's name." })
  name!: string;
}

@ObjectType('ApiKey', { description: 'An API key of the tenant. The key itself is shown once, when created; only its prefix is kept readable.' })
export class ApiKeyType {
  @Field(() => ID, { description: 'The key id (pass it to revokeApiKey).' })
  id!: string;

  @Field(() => String, { description: 'The first characters of the key, to tell keys apart.' })
  prefix!: string;

  @Field(() => String, { description: 'What the key is for, as given when created.' })
  label!: string;

  @Field(() => Date, { description: 'When the key was created.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the key was revoked; null while it works.' })
  revokedAt?: Date | null;
}

@ObjectType('Viewer', { description: 'The caller: the tenant behind the API key.' })
export class ViewerType {
  @Field(() => TenantType, { description: 'The business the API key belongs to.' })
  tenant!: TenantType;
}

@ObjectType('CreateApiKeyPayload', { description: 'A new API key, with its secret shown this once.' })
export class CreateApiKeyPayload {
  @Field(() => ApiKeyType, { description: 'The new key as listed from now on (without the secret).' })
  apiKey!: ApiKeyType;

  @Field(() => String, { description: 'The new key in clear. It is not stored and cannot be shown again.' })
  secret!: string;
}

@ObjectType('Heartbeat', { description: 'A tick of the heartbeat subscription: proves the WebSocket path end to end.' })
export class HeartbeatType {
  @Field(() => Int, { description: 'The tick number, from 1.' })
  sequence!: number;

  @Field(() => ID, { description: 'The business the socket is authenticated as.' })
  tenantId!: string;

  @Field(() => Date, { description: 'When the tick was sent.' })
  at!: Date;
}

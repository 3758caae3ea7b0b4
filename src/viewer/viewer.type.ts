/** GraphQL types for the caller's identity: the tenant behind the API key, and its keys. */
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('Tenant', { description: 'A field-service business using fieldbooks. Every record belongs to exactly one tenant.' })
export class TenantType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType('ApiKey', { description: 'An API key of the tenant. The key itself is shown once, when created; only its prefix is kept readable.' })
export class ApiKeyType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The first characters of the key, to tell keys apart.' })
  prefix!: string;

  @Field(() => String)
  label!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  revokedAt?: Date | null;
}

@ObjectType('Viewer', { description: 'The caller: the tenant behind the API key.' })
export class ViewerType {
  @Field(() => TenantType)
  tenant!: TenantType;
}

@ObjectType('CreateApiKeyPayload')
export class CreateApiKeyPayload {
  @Field(() => ApiKeyType)
  apiKey!: ApiKeyType;

  @Field(() => String, { description: 'The new key in clear. It is not stored and cannot be shown again.' })
  secret!: string;
}

@ObjectType('Heartbeat', { description: 'A tick of the heartbeat subscription: proves the WebSocket path end to end.' })
export class HeartbeatType {
  @Field(() => Int)
  sequence!: number;

  @Field(() => ID)
  tenantId!: string;

  @Field(() => Date)
  at!: Date;
}

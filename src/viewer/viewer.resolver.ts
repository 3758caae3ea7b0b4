/** Who am I, my API keys, and a heartbeat subscription for clients to check their WebSocket setup. */
import { setTimeout as sleep } from 'node:timers/promises';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { type GraphQLContext } from '../graphql/context.js';
import { UserInputError } from '../errors/domain.errors.js';
import { type ApiKey } from '../tenancy/tenant.service.js';
import { ApiKeyType, CreateApiKeyPayload, HeartbeatType, ViewerType } from './viewer.type.js';

function toApiKeyType(key: ApiKey): ApiKeyType {
  return { id: key.id, prefix: key.prefix, label: key.label, createdAt: key.createdAt, revokedAt: key.revokedAt ?? null };
}

@Resolver(() => ViewerType)
export class ViewerResolver {
  @Query(() => ViewerType, { description: 'The tenant behind the API key.' })
  viewer(@Ctx() ctx: GraphQLContext): ViewerType {
    return { tenant: { id: ctx.tenant.id, name: ctx.tenant.name } };
  }

  @FieldResolver(() => [ApiKeyType], { description: "The tenant's API keys, revoked ones included." })
  async apiKeys(@Ctx() ctx: GraphQLContext, @Root() _viewer: ViewerType): Promise<ApiKeyType[]> {
    return (await ctx.services.tenants.listKeys(ctx.tenant.id)).map(toApiKeyType);
  }

  @Mutation(() => CreateApiKeyPayload, { description: 'Creates another API key for the tenant (for rotation or a second client).' })
  async createApiKey(@Ctx() ctx: GraphQLContext, @Arg('label', () => String, { description: 'What the key is for, e.g. "FSM production" (shown in the key list).' }) label: string): Promise<CreateApiKeyPayload> {
    const clean = label.trim();
    if (!clean || clean.length > 100) throw new UserInputError('label must be 1-100 characters.', [{ path: ['label'], message: 'must be 1-100 characters' }]);
    const secret = await ctx.services.tenants.addKey(ctx.tenant.id, clean);
    const key = (await ctx.services.tenants.listKeys(ctx.tenant.id)).find((k) => secret.startsWith(k.prefix) && k.label === clean);
    if (!key) throw new Error('created API key not found');
    return { apiKey: toApiKeyType(key), secret };
  }

  @Mutation(() => ApiKeyType, { description: 'Revokes one of the tenant\'s API keys; requests with it fail from now on.' })
  async revokeApiKey(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID, { description: 'The key id (ApiKey.id).' }) id: string): Promise<ApiKeyType> {
    return toApiKeyType(await ctx.services.tenants.revokeKey(ctx.tenant.id, id));
  }

  // Test scaffolding (it proves the WebSocket path end to end). Deprecated rather than removed or hidden
  // outside tests: one schema in every environment keeps schema.graphql and generated clients true everywhere.
  @Subscription(() => HeartbeatType, {
    description: 'Emits `count` ticks, `intervalMs` apart, then completes. Only for checking a WebSocket connection end to end; it carries no business data.',
    deprecationReason: 'Test scaffolding, not part of the product contract: it will be removed. To check a socket, subscribe to syncProgress or quickBooksConnectionChanged.',
    subscribe: ({ args, context }) => heartbeats(context as GraphQLContext, args as { count: number; intervalMs: number }),
  })
  heartbeat(
    @Root() tick: HeartbeatType,
    @Arg('count', () => Int, { defaultValue: 3, description: 'How many ticks to send, 1 to 1000.' }) _count: number,
    @Arg('intervalMs', () => Int, { defaultValue: 1000, description: 'Milliseconds between ticks, 10 to 60000.' }) _intervalMs: number,
  ): HeartbeatType {
    return tick;
  }
}

async function* heartbeats(ctx: GraphQLContext, args: { count: number; intervalMs: number }): AsyncGenerator<HeartbeatType> {
  if (args.count < 1 || args.count > 1000) throw new UserInputError('count must be between 1 and 1000.', [{ path: ['count'], message: 'must be between 1 and 1000' }]);
  if (args.intervalMs < 10 || args.intervalMs > 60_000) {
    throw new UserInputError('intervalMs must be between 10 and 60000.', [{ path: ['intervalMs'], message: 'must be between 10 and 60000' }]);
  }
  for (let sequence = 1; sequence <= args.count; sequence++) {
    if (sequence > 1) await sleep(args.intervalMs);
    yield { sequence, tenantId: ctx.tenant.id, at: new Date() };
  }
}

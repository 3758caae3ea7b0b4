/** Connect, complete, verify, disconnect; status; and a subscription to status changes. */
import { Arg, Ctx, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { type GraphQLContext } from '../graphql/context.js';
import { Topic } from '../events/pubsub.js';
import { type ConnectionChangedEvent, type ConnectionView } from './connection-changed.event.js';
import { ConnectQuickBooksPayload, QuickBooksConnectionType } from './connection.type.js';

@Resolver(() => QuickBooksConnectionType)
export class ConnectionResolver {
  @Query(() => QuickBooksConnectionType, { description: "The tenant's QuickBooks connection." })
  quickBooksConnection(@Ctx() ctx: GraphQLContext): Promise<ConnectionView> {
    return ctx.services.connections.status(ctx.tenant.id);
  }

  @Mutation(() => ConnectQuickBooksPayload, { description:
      "Starts connecting: returns Intuit's authorization URL (single-use, expires in 10 minutes). Over HTTP the answer also sets a cookie binding the attempt to this browser: /oauth/callback finishes it only in that browser. Started over WebSocket (no browser), only completeQuickBooksConnection with the same API key can finish it.",
  })
  async connectQuickBooks(
    @Ctx() ctx: GraphQLContext,
    @Arg('returnTo', () => String, { nullable: true, description: 'Where /oauth/callback sends the browser afterwards (an allowed origin).' }) returnTo: string | null,
    @Arg('allowRealmChange', () => Boolean, { defaultValue: false, description: 'Confirm connecting a different QuickBooks company than before.' }) allowRealmChange: boolean,
  ): Promise<ConnectQuickBooksPayload> {
    // Over HTTP the answer also binds the attempt to this browser (a cookie only /oauth/callback receives).
    const started = await ctx.services.connections.startConnect(ctx.tenant.id, { returnTo, allowRealmChange, apiKeyHash: ctx.apiKeyHash, browser: ctx.cookies !== undefined });
    if (started.browserCookie) ctx.cookies?.set(started.browserCookie);
    return { authorizationUrl: started.authorizationUrl, expiresAt: started.expiresAt };
  }

  @Mutation(() => QuickBooksConnectionType, { description: 'Finishes connecting from the URL Intuit redirected to (for clients that proxy the callback); only the API key that started the attempt can finish it.' })
  async completeQuickBooksConnection(@Ctx() ctx: GraphQLContext, @Arg('callbackUrl', () => String, { description: 'The whole URL Intuit redirected the browser to (with code, state and realmId).' }) callbackUrl: string): Promise<ConnectionView> {
    return (await ctx.services.connections.completeConnect(callbackUrl, { via: 'api', tenantId: ctx.tenant.id, apiKeyHash: ctx.apiKeyHash })).view;
  }

  @Mutation(() => QuickBooksConnectionType, { description: 'Calls QuickBooks to prove the connection works (a "test connection" button).' })
  verifyQuickBooksConnection(@Ctx() ctx: GraphQLContext): Promise<ConnectionView> {
    return ctx.services.connections.verify(ctx.tenant.id);
  }

  @Mutation(() => QuickBooksConnectionType, { description: 'Revokes the authorization at Intuit and forgets the tokens.' })
  disconnectQuickBooks(@Ctx() ctx: GraphQLContext): Promise<ConnectionView> {
    return ctx.services.connections.disconnect(ctx.tenant.id);
  }

  @Subscription(() => QuickBooksConnectionType, {
    description: "Emits the connection every time it changes (connected, failed attempt, reconnect required, disconnected).",
    topics: Topic.QuickBooksConnectionChanged,
    filter: ({ payload, context }) => (payload as ConnectionChangedEvent).tenantId === (context as GraphQLContext).tenant.id,
  })
  quickBooksConnectionChanged(@Root() event: ConnectionChangedEvent): ConnectionView {
    return event.connection;
  }
}

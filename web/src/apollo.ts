/**
 * One Apollo Client per API key: queries and mutations over HTTP, subscriptions over graphql-ws on the
 * same /graphql path. The key travels as `Authorization: Bearer` (HTTP) and in connectionParams (WS),
 * exactly as the gateway's README tells any client to do.
 */
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';

export interface GatewayClient {
  apollo: ApolloClient;
  /** Closes the WebSocket; the client must not be used afterwards. */
  dispose(): void;
}

export function createGatewayClient(apiKey: string, origin = window.location.origin): GatewayClient {
  const authorization = `Bearer ${apiKey}`;
  const http = new HttpLink({ uri: `${origin}/graphql`, headers: { authorization } });
  const ws = createClient({
    url: `${origin.replace(/^http/, 'ws')}/graphql`,
    connectionParams: { authorization },
    // Opened on the first subscription only: screens without live data never hold a socket.
    lazy: true,
    // A gateway restart should not leave the screens silently stale.
    retryAttempts: 10,
  });
  const link = ApolloLink.split((op) => op.operationType === OperationTypeNode.SUBSCRIPTION, new GraphQLWsLink(ws), http);
  const apollo = new ApolloClient({
    link,
    cache: new InMemoryCache({
      typePolicies: {
        // One connection and one settings document per tenant, and neither has an id: making them
        // singletons lets mutation results and subscription events update every screen by themselves.
        QuickBooksConnection: { keyFields: [] },
        AccountingSettings: { keyFields: [] },
        // Progress events are snapshots, not entities.
        SyncProgress: { keyFields: false },
      },
    }),
  });
  return {
    apollo,
    dispose() {
      apollo.stop();
      void ws.dispose();
    },
  };
}

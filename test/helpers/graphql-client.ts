/** Minimal typed GraphQL clients for tests: real HTTP (fetch) and real graphql-ws WebSocket. */
import { type TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type ExecutionResult, print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface HttpResult<T> extends ExecutionResult<T> {
  status: number;
  errors?: ExecutionResult['errors'] & { extensions?: Record<string, unknown> }[];
}

export async function gql<TResult, TVariables>(
  url: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables?: TVariables,
  apiKey?: string,
): Promise<HttpResult<TResult>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as ExecutionResult<TResult>;
  return { ...body, status: response.status } as HttpResult<TResult>;
}

export function wsClient(url: string, apiKey?: string): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/** Collects every event of a subscription until it completes or errors. */
export function collect<TResult, TVariables extends Record<string, unknown>>(
  client: Client,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): Promise<{ events: ExecutionResult<TResult>[]; error?: unknown }> {
  return new Promise((resolve) => {
    const events: ExecutionResult<TResult>[] = [];
    client.subscribe<TResult>(
      { query: print(document), variables },
      {
        next: (value) => events.push(value as ExecutionResult<TResult>),
        error: (error) => resolve({ events, error }),
        complete: () => resolve({ events }),
      },
    );
  });
}

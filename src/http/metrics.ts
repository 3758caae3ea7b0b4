/** Prometheus metrics (prom-client): process defaults plus GraphQL operation counts and durations. */
import { type ApolloServerPlugin } from '@apollo/server';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const operations = new Counter({
    name: 'fieldbooks_graphql_operations_total',
    help: 'GraphQL operations by type and outcome',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'fieldbooks_graphql_operation_seconds',
    help: 'GraphQL operation duration',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const apolloPlugin: ApolloServerPlugin = {
    requestDidStart() {
      const end = duration.startTimer();
      return Promise.resolve({
        willSendResponse(ctx) {
          const operation = ctx.operation?.operation ?? 'unknown';
          end({ operation });
          operations.inc({ operation, outcome: ctx.errors?.length ? 'error' : 'ok' });
          return Promise.resolve();
        },
      });
    },
  };
  return { registry, apolloPlugin };
}

/**
 * Prometheus metrics (prom-client): process defaults, GraphQL operation counts and durations, and
 * what each QuickBooks company's call budget has left (read from Redis with REDIS_URL, so every
 * instance reports the same shared budget).
 */
import { type ApolloServerPlugin } from '@apollo/server';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface RealmBudgetUsage {
  realmId: string;
  requestsLeft: number;
  batchesLeft: number;
  running: number;
}

export function createMetrics(options: { realmBudgets?: () => Promise<RealmBudgetUsage[]> } = {}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const { realmBudgets } = options;
  if (realmBudgets) {
    // One read per scrape for both gauges (each gauge's collect runs as it is read).
    let read: { at: number; usage: Promise<RealmBudgetUsage[]> } | undefined;
    const usage = () => {
      if (!read || Date.now() - read.at > 500) read = { at: Date.now(), usage: realmBudgets() };
      return read.usage;
    };
    new Gauge({
      name: 'fieldbooks_qbo_realm_budget_left',
      help: 'QuickBooks calls a company (realm) may still start now: budget "requests" (of 500 a minute) or "batch" (of 40 a minute), shared by every instance with REDIS_URL',
      labelNames: ['realm', 'budget'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const realm of await usage()) {
          this.set({ realm: realm.realmId, budget: 'requests' }, realm.requestsLeft);
          this.set({ realm: realm.realmId, budget: 'batch' }, realm.batchesLeft);
        }
      },
    });
    new Gauge({
      name: 'fieldbooks_qbo_realm_requests_in_flight',
      help: 'QuickBooks calls in flight per company (realm), of 10 allowed, across instances with REDIS_URL',
      labelNames: ['realm'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const realm of await usage()) this.set({ realm: realm.realmId }, realm.running);
      },
    });
  }
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

/** The service container: one instance per gateway, built from its connection and config. */
import { type Connection } from 'mongoose';
import { type AppConfig } from './config/config.js';
import { type AppPubSub } from './graphql/pubsub.js';
import { TenantService } from './tenancy/tenant.service.js';

export interface Services {
  config: AppConfig;
  pubsub: AppPubSub;
  tenants: TenantService;
}

export function createServices(deps: { config: AppConfig; connection: Connection; pubsub: AppPubSub }): Services {
  return {
    config: deps.config,
    pubsub: deps.pubsub,
    tenants: new TenantService(deps.connection),
  };
}

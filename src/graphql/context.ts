/** The per-operation context every resolver receives: who is calling, and the services. */
import { type Logger } from '../logging/logger.js';
import { type AuthenticatedTenant } from '../tenancy/tenant.service.js';
import { type Services } from '../services.js';

export interface GraphQLContext {
  tenant: AuthenticatedTenant;
  services: Services;
  log: Logger;
  requestId: string;
}

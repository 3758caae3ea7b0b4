/**
 * The tenant id every repository method takes first. Outside `src/persistence/` an id is a string, but a
 * branded one: a plain string (an invoice id, a realm id) cannot be passed where a tenant is meant, so
 * tenant scoping is checked by the compiler, and the tenant-scope plugin stays the runtime safety net.
 *
 * A tenant id is the 24-hex form of the tenant document's ObjectId. `tenantObjectId` is the one place it
 * becomes an ObjectId again; only persistence calls it (the boundary test keeps mongoose out of domain code).
 */
import { Types } from 'mongoose';

export type TenantId = string & { readonly __tenant: unique symbol };

const TENANT_ID = /^[0-9a-f]{24}$/;

export class InvalidTenantIdError extends Error {
  constructor(value: unknown) {
    super(`"${String(value)}" is not a tenant id: a tenant id is 24 hexadecimal characters (the tenant's database id).`);
    this.name = 'InvalidTenantIdError';
  }
}

/** Checks and brands a tenant id; upper-case hex is accepted and stored lower-case, as ObjectId prints it. */
export function asTenantId(value: string): TenantId {
  const id = typeof value === 'string' ? value.toLowerCase() : '';
  if (!TENANT_ID.test(id)) throw new InvalidTenantIdError(value);
  return id as TenantId;
}

/** Whether `value` is a well-formed tenant id (for guards that must not throw). */
export function isTenantIdString(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{24}$/i.test(value);
}

/** The tenant's ObjectId, as stored in `tenantId` fields. Persistence only. */
export function tenantObjectId(id: TenantId): Types.ObjectId {
  return new Types.ObjectId(id);
}

/** The brand for an id read back from a document (already a valid ObjectId). Persistence only. */
export function tenantIdOf(id: Types.ObjectId | string): TenantId {
  return asTenantId(typeof id === 'string' ? id : id.toHexString());
}

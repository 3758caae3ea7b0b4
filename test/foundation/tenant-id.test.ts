/** The tenant id brand: only a 24-hex id becomes a TenantId, and it round-trips through its ObjectId. */
import { describe, expect, it } from 'vitest';
import { asTenantId, InvalidTenantIdError, tenantIdOf, tenantObjectId } from '../../src/persistence/tenant-id.js';

describe('TenantId', () => {
  it('accepts a 24-hex id, lower-casing it as ObjectId prints it', () => {
    expect(asTenantId('65A1b2c3d4e5f60718293a4b')).toBe('65a1b2c3d4e5f60718293a4b');
    const id = asTenantId('65a1b2c3d4e5f60718293a4b');
    expect(tenantObjectId(id).toHexString()).toBe(id);
    expect(tenantIdOf(tenantObjectId(id))).toBe(id);
  });

  it.each(['', 'abc', '65a1b2c3d4e5f60718293a4', '65a1b2c3d4e5f60718293a4bz', 'zza1b2c3d4e5f60718293a4b', ' 65a1b2c3d4e5f60718293a4b'])(
    'refuses %j with a message naming the value',
    (value) => {
      expect(() => asTenantId(value)).toThrow(InvalidTenantIdError);
      expect(() => asTenantId(value)).toThrow(`"${value}" is not a tenant id`);
    },
  );

  it('is a distinct type: a plain string is not a TenantId', () => {
    // @ts-expect-error a string must go through asTenantId first
    const id: ReturnType<typeof asTenantId> = '65a1b2c3d4e5f60718293a4b';
    expect(id).toBeTypeOf('string');
  });
});

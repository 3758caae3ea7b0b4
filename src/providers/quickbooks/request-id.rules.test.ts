import { describe, expect, it } from 'vitest';
import { requestIdFor } from './request-id.rules.js';

const base = { tenantId: 't1', subject: 'invoice:abc:main', version: 3, operation: 'create' as const, generation: 0 };

describe('requestIdFor', () => {
  it('is the same for the same logical write', () => {
    expect(requestIdFor(base)).toBe(requestIdFor({ ...base }));
  });

  it('differs by tenant, subject, version, operation, generation and base SyncToken', () => {
    const ids = new Set([
      requestIdFor(base),
      requestIdFor({ ...base, tenantId: 't2' }),
      requestIdFor({ ...base, subject: 'invoice:abd:main' }),
      requestIdFor({ ...base, version: 4 }),
      requestIdFor({ ...base, operation: 'update' }),
      requestIdFor({ ...base, generation: 1 }),
      requestIdFor({ ...base, baseSyncToken: '2' }),
    ]);
    expect(ids.size).toBe(7);
  });

  it('fits the batch limit of 36 characters', () => {
    expect(requestIdFor(base)).toHaveLength(36);
  });
});

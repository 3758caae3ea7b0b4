import { describe, expect, it } from 'vitest';
import { normalizeQboError, QboError } from './qbo.errors.js';

const fault = (code: string, status: number) => ({
  response: {
    status,
    headers: { intuit_tid: 'tid-1' },
    data: { Fault: { Error: [{ Message: `m${code}`, Detail: `d${code}`, code, element: 'DisplayName' }], type: 'ValidationFault' }, time: 'x' },
  },
  config: { headers: { Authorization: 'Bearer secret-token' } },
});

describe('normalizeQboError', () => {
  it.each([
    ['5010', 400, 'STALE_OBJECT'],
    ['6240', 400, 'DUPLICATE_NAME'],
    ['610', 400, 'NOT_FOUND'],
    ['2020', 400, 'VALIDATION'],
    ['10000', 500, 'TRANSIENT'],
  ] as const)('maps data-service fault %s to %s', (code, status, kind) => {
    const error = normalizeQboError(fault(code, status));
    expect(error).toBeInstanceOf(QboError);
    expect(error.kind).toBe(kind);
    expect(error.code).toBe(code);
    expect(error.message).toBe(`m${code}`);
    expect(error.details.detail).toBe(`d${code}`);
    expect(error.details.intuitTid).toBe('tid-1');
  });

  it('maps gateway faults (lower-case shape) for auth and throttling', () => {
    const gateway = (code: string, status: number) => ({
      response: { status, data: { fault: { error: [{ message: 'message=x', detail: 'y', code, element: null }], type: 'AUTHENTICATION' }, time: 1 } },
    });
    expect(normalizeQboError(gateway('3200', 401)).kind).toBe('AUTH');
    expect(normalizeQboError(gateway('3100', 403)).kind).toBe('FORBIDDEN');
    expect(normalizeQboError(gateway('3001', 429)).kind).toBe('THROTTLED');
    expect(normalizeQboError(gateway('3001', 429)).retryable).toBe(true);
  });

  it('treats network failures and bare 5xx as transient, and never keeps the bearer token', () => {
    expect(normalizeQboError({ code: 'ECONNRESET', message: 'socket hang up' }).kind).toBe('TRANSIENT');
    expect(normalizeQboError({ message: 'timeout of 30000ms exceeded' }).kind).toBe('TRANSIENT');
    const bare = normalizeQboError({ response: { status: 503, data: '<html>down</html>' } });
    expect(bare.kind).toBe('TRANSIENT');
    expect(JSON.stringify(normalizeQboError(fault('2020', 400)))).not.toContain('secret-token');
  });

  it('reads a fault delivered in a 200 body (node-quickbooks passes the body as the error)', () => {
    const body = { Fault: { Error: [{ Message: 'Stale', Detail: 'x', code: '5010' }], type: 'ValidationFault' } };
    expect(normalizeQboError(body).kind).toBe('STALE_OBJECT');
  });
});

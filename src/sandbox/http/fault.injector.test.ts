import { describe, expect, it } from 'vitest';
import { FaultInjector } from './fault.injector.js';

describe('FaultInjector', () => {
  const call = { realmId: '1', method: 'POST', path: '/invoice' };

  it('fires for the next N matching calls only', () => {
    const f = new FaultInjector();
    f.add({ kind: '500', count: 2, path: '/invoice' });
    expect(f.match({ ...call, path: '/customer' })).toBeUndefined();
    expect(f.match(call)?.kind).toBe('500');
    expect(f.match(call)?.kind).toBe('500');
    expect(f.match(call)).toBeUndefined();
  });

  it('filters by realm and method, supports /regex/ paths and rates', () => {
    let roll = 0.4;
    const f = new FaultInjector(() => roll);
    f.add({ kind: '429', rate: 0.5, realmId: '1', method: 'post', path: '/^\\/inv/' });
    expect(f.match({ ...call, realmId: '2' })).toBeUndefined();
    expect(f.match({ ...call, method: 'GET' })).toBeUndefined();
    expect(f.match(call)?.kind).toBe('429');
    roll = 0.6;
    expect(f.match(call)).toBeUndefined();
  });

  it('validates its input', () => {
    const f = new FaultInjector();
    expect(() => f.add({ kind: 'nope' as '500' })).toThrow(RangeError);
    expect(() => f.add({ kind: '500', rate: 2 })).toThrow(RangeError);
  });
});

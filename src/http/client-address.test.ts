import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { clientAddressOf } from './client-address.js';

const request = (peer: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress: peer }, connection: { remoteAddress: peer }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} }) as unknown as http.IncomingMessage;

describe('client address for the per-address limits', () => {
  it('is the socket peer unless a trusted proxy forwarded the request', () => {
    const direct = clientAddressOf([]);
    expect(direct(request('10.0.0.5', '203.0.113.7'))).toBe('10.0.0.5'); // a header a client can write is not believed

    const behindBalancer = clientAddressOf(['10.0.0.0/8']);
    expect(behindBalancer(request('10.0.0.5', '203.0.113.7'))).toBe('203.0.113.7');
    // Only trusted hops are skipped: a spoofed first entry stays behind the real client's address.
    expect(behindBalancer(request('10.0.0.5', '198.51.100.1, 203.0.113.7'))).toBe('203.0.113.7');
    // A request that did not come through the balancer keeps its own address.
    expect(behindBalancer(request('192.0.2.44', '203.0.113.7'))).toBe('192.0.2.44');
  });

  it('FIELDBOOKS_TRUSTED_PROXIES refuses what is not an address, a range or a named range', () => {
    expect(() => loadConfig({}, { NODE_ENV: 'test', FIELDBOOKS_TRUSTED_PROXIES: '10.0.0.0/8, proxy.example.com' })).toThrow(/FIELDBOOKS_TRUSTED_PROXIES/);
    expect(loadConfig({}, { NODE_ENV: 'test', FIELDBOOKS_TRUSTED_PROXIES: '10.0.0.0/8, loopback' }).rateLimits.trustedProxies).toEqual(['10.0.0.0/8', 'loopback']);
  });
});

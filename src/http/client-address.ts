/**
 * The address a request came from, for the per-address limits. Behind a load balancer every request
 * arrives from the balancer, so with FIELDBOOKS_TRUSTED_PROXIES the client's address is read from
 * `X-Forwarded-For`, trusting only the hops named there (`proxy-addr`, the same rules as Express's
 * `trust proxy`). Without it the socket's peer is the address: a header a client can write is never
 * believed on its own word.
 */
import type http from 'node:http';
import proxyAddr from 'proxy-addr';

export type ClientAddress = (request: http.IncomingMessage) => string;

export function clientAddressOf(trustedProxies: readonly string[]): ClientAddress {
  if (trustedProxies.length === 0) return (request) => request.socket.remoteAddress ?? 'unknown';
  const trust = proxyAddr.compile([...trustedProxies]);
  return (request) => proxyAddr(request, trust);
}

/**
 * Which requests come from this machine itself. Pure functions over a request's peer address and
 * headers, shared by `/app-config.json` (the demo key) and the simulator's admin API.
 *
 * Names are compared exactly: `127.0.0.1.evil.example` is a DNS name an attacker controls (DNS
 * rebinding), not a loopback literal, so only `localhost`, IPv4 literals in 127.0.0.0/8 and `::1`
 * count.
 */
import { isIPv4, isIPv6 } from 'node:net';

/** A loopback hostname or address literal (no port); IPv6 with or without brackets. */
export function isLoopbackHostname(name: string): boolean {
  const host = name.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost') return true;
  if (isIPv4(host)) return host.startsWith('127.');
  if (isIPv6(host)) return host === '::1' || /^::ffff:127\.\d+\.\d+\.\d+$/.test(host) || host === '0:0:0:0:0:0:0:1';
  return false;
}

/** The hostname of a Host header value (`name`, `name:port`, `[v6]:port`), or undefined when malformed. */
export function hostHeaderName(host: string | undefined): string | undefined {
  if (!host) return undefined;
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::\d{1,5})?$/.exec(host.trim());
  return match?.[1];
}

/** The TCP peer is this machine. */
export function isLoopbackPeer(remoteAddress: string | undefined): boolean {
  return remoteAddress !== undefined && isLoopbackHostname(remoteAddress);
}

/** Headers any reverse proxy adds: their presence means the TCP peer is not the real client. */
export function hasProxyHeader(headers: Record<string, string | string[] | undefined>): boolean {
  return Object.keys(headers).some((name) => {
    const n = name.toLowerCase();
    return n === 'forwarded' || n === 'via' || n === 'x-real-ip' || n.startsWith('x-forwarded-') || n === 'x-client-ip' || n === 'true-client-ip' || n === 'cf-connecting-ip';
  });
}

/** Peer on this machine, no proxy in between, and a loopback Host (not a rebound DNS name). */
export function isLocalRequest(req: { socket: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> }): boolean {
  const host = hostHeaderName(typeof req.headers.host === 'string' ? req.headers.host : undefined);
  return isLoopbackPeer(req.socket.remoteAddress) && !hasProxyHeader(req.headers) && host !== undefined && isLoopbackHostname(host);
}

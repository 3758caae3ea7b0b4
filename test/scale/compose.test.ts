/**
 * The production reference (compose.yaml, deploy/nginx.conf, Dockerfile) cannot run here: this
 * machine has no container runtime (`docker compose config` is unavailable). What can be checked is:
 * the file parses as YAML, has the topology README describes (three gateways on one MongoDB replica
 * set and one Redis, behind a load balancer that passes WebSockets without sticky sessions), and
 * every gateway's environment, with the secrets filled in, is one the gateway's own configuration
 * loader accepts in production.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/config.js';
import { repoRoot } from '../helpers/gateway-process.js';

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  ports?: string[];
  stop_grace_period?: string;
}

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');
const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, Service> };
const gateways = ['gateway-1', 'gateway-2', 'gateway-3'];

/** compose's `${VAR:?message}` and `${VAR:-default}`, with the secrets an operator would put in .env. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{([A-Z0-9_]+)(?::([?-])([^}]*))?\}/g, (_m, name: string, op?: string, rest?: string) => {
    if (env[name] !== undefined) return env[name];
    if (op === '-') return rest ?? '';
    throw new Error(`compose would refuse to start: ${name} is unset (${rest})`);
  });
}

describe('compose.yaml', () => {
  it('runs three gateways on one MongoDB replica set and one Redis, each ready only when both answer', () => {
    const services = compose.services;
    expect(Object.keys(services).sort()).toEqual(['gateway-1', 'gateway-2', 'gateway-3', 'load-balancer', 'mongo-1', 'mongo-2', 'mongo-3', 'mongo-init', 'redis'].sort());
    for (const name of gateways) {
      const gateway = services[name]!;
      expect(gateway.build, name).toBe('.');
      expect(gateway.environment?.MONGODB_URI, name).toBe('mongodb://mongo-1:27017,mongo-2:27017,mongo-3:27017/fieldbooks?replicaSet=rs0');
      expect(gateway.environment?.REDIS_URL, name).toBe('redis://redis:6379');
      expect(gateway.environment?.NODE_ENV, name).toBe('production');
      expect(gateway.healthcheck?.test.join(' '), name).toContain('/readyz');
      expect(gateway.depends_on, name).toEqual({ 'mongo-init': { condition: 'service_completed_successfully' }, redis: { condition: 'service_healthy' } });
      expect(gateway.stop_grace_period, name).toBe('30s');
    }
    for (const name of ['mongo-1', 'mongo-2', 'mongo-3']) expect(services[name]!.command, name).toEqual(['mongod', '--replSet', 'rs0', '--bind_ip_all']);
    const initiate = services['mongo-init']!.command!.join(' ');
    for (const host of ['mongo-1:27017', 'mongo-2:27017', 'mongo-3:27017']) expect(initiate).toContain(`host: '${host}'`);
    expect(services.redis!.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
  });

  it("gives every gateway an environment the gateway's configuration accepts in production, and refuses to start without the secrets", () => {
    const secrets = {
      PUBLIC_URL: 'https://fieldbooks.example.com',
      QBO_CLIENT_ID: 'ABcdEFghIJklMNopQRstUVwxYZ0123456789',
      QBO_CLIENT_SECRET: 'secret0123456789abcdefghijklmnopqrstuv',
      QBO_REDIRECT_URI: 'https://fieldbooks.example.com/oauth/callback',
      QBO_WEBHOOK_VERIFIER_TOKEN: 'verifier-token-0123456789',
      FIELDBOOKS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    };
    const documented = read('README.md');
    for (const name of gateways) {
      const env = Object.fromEntries(Object.entries(compose.services[name]!.environment!).map(([k, v]) => [k, interpolate(String(v), secrets)]));
      for (const key of Object.keys(env)) expect(documented, `${key} is not in README's configuration table`).toContain(`\`${key}\``);
      const config = loadConfig(env);
      expect(config.env).toBe('production');
      expect(config.redis).toEqual({ url: 'redis://redis:6379', prefix: 'fieldbooks:' });
    }
    const { QBO_CLIENT_SECRET: _omitted, ...withoutOne } = secrets;
    expect(() => interpolate(compose.services['gateway-1']!.environment!.QBO_CLIENT_SECRET!, withoutOne)).toThrow(/QBO_CLIENT_SECRET is unset/);
  });

  it('puts one load balancer in front that passes WebSockets to all three, with no sticky sessions', () => {
    const lb = compose.services['load-balancer']!;
    expect(lb.volumes).toEqual(['./deploy/nginx.conf:/etc/nginx/nginx.conf:ro']);
    expect(Object.keys(lb.depends_on!).sort()).toEqual(gateways);
    const nginx = read('deploy/nginx.conf');
    for (const name of gateways) expect(nginx).toContain(`server ${name}:4000`);
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(nginx).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
    expect(nginx).toMatch(/proxy_http_version 1\.1;/);
    expect(nginx).not.toMatch(/^\s*(ip_hash|hash |sticky)/m);
    const dockerfile = read('Dockerfile');
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/src\/main\.js"\]$/m);
    expect(dockerfile).toMatch(/^FROM node:20/m);
  });
});

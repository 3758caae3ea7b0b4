/**
 * The gateway's whole configuration, parsed once from the environment by one schema. Start-up fails
 * listing every bad variable at once, so an operator fixes them in one go rather than one per restart.
 */
import path from 'node:path';
import { z } from 'zod';
import { isLoopbackHostname } from '../http/loopback.rules.js';
import { parseKeyring } from '../connection/token.cipher.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = (fallback: number) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(fallback);

export const envSchema = z
  .object({
    /**
     * Unset means development only while HOST is a loopback address; on any other address start-up
     * is refused, so a forgotten NODE_ENV on a server never runs the simulator or hands out a demo key.
     */
    NODE_ENV: z.enum(['development', 'test', 'production'], { message: 'must be development, test or production' }).optional(),
    PORT: port(4000),
    HOST: z.string().min(1).default('127.0.0.1'),
    PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://fieldbooks.example.com' }).optional(),
    MONGODB_URI: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\/.+/, 'must be a mongodb:// or mongodb+srv:// connection string')
      .optional(),
    /** Several gateway instances as one: subscriptions, revocations, QBO budgets and API rate limits through Redis. Unset: one process, nothing more to run. */
    REDIS_URL: z
      .url({ message: 'must be a redis:// or rediss:// URL such as redis://redis:6379' })
      .refine((v) => /^rediss?:\/\/[^/]/.test(v), 'must be a redis:// or rediss:// URL such as redis://redis:6379')
      .optional(),
    /** Prefix of every Redis key and channel the gateway uses, so several deployments can share one Redis. */
    FIELDBOOKS_REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1-64 letters, digits, "_", "-", "." or ":"').default('fieldbooks:'),
    MONGODB_CONNECT_TIMEOUT_MS: z.coerce.number({ message: 'must be a number' }).int().min(100).max(120_000).default(10_000),
    FIELDBOOKS_DATA_DIR: z.string().min(1).default('./.data'),
    FIELDBOOKS_TOOLS_DIR: z.string().min(1).default('./.tools'),
    FIELDBOOKS_DEMO: bool.optional(),
    FIELDBOOKS_DEMO_API_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_\-.]{24,128}$/, 'must be 24-128 characters of letters, digits, "_", "-" or "."')
      .optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    QBO_SANDBOX_PORT: port(4010),
    /** The built-in simulator starts from its demo companies and keeps nothing on disk (default: only under NODE_ENV=test). */
    FIELDBOOKS_SANDBOX_FRESH: bool.optional(),
    QBO_CLIENT_ID: z.string().min(10, 'must be the client id of your Intuit app').optional(),
    QBO_CLIENT_SECRET: z.string().min(10, 'must be the client secret of your Intuit app').optional(),
    QBO_ENVIRONMENT: z.enum(['sandbox', 'production'], { message: 'must be sandbox or production' }).default('sandbox'),
    QBO_REDIRECT_URI: z.url({ message: 'must be the absolute URL of /oauth/callback registered with Intuit' }).optional(),
    /** Only used with the built-in simulator: where it listens (0 = any free port). */
    QBO_SANDBOX_URL: z.url({ message: 'must be an absolute URL' }).optional(),
    FIELDBOOKS_ENCRYPTION_KEY: z.string().optional(),
    /** The built-in simulator's clock speed (virtual seconds per real second); tests and demos compress time. */
    QBO_SANDBOX_TIME_SCALE: z.coerce.number({ message: 'must be a number' }).positive('must be greater than 0').max(1000).default(1),
    /** Length of QBO's rate-limit window as the gateway paces itself (60 000 against Intuit; shorter only against a compressed simulator). */
    QBO_LIMIT_WINDOW_MS: z.coerce.number({ message: 'must be a number' }).int().min(100).max(600_000).default(60_000),
    QBO_HTTP_TIMEOUT_MS: z.coerce.number({ message: 'must be a number' }).int().min(100, 'must be at least 100').max(120_000, 'must be at most 120000 (QBO gives up at 120 s)').default(30_000),
    QBO_WEBHOOK_VERIFIER_TOKEN: z.string().min(8, 'must be the verifier token of your Intuit app\'s webhook settings').optional(),
    FIELDBOOKS_RETURN_ORIGINS: z.string().optional(),
    /** Browser origins (besides the gateway's own) allowed to call /graphql cross-origin (CORS). */
    FIELDBOOKS_CORS_ORIGINS: z.string().optional(),
    /** Largest WebSocket message accepted after connection_init; larger frames close the socket (1009) before they are parsed. */
    FIELDBOOKS_WS_MAX_MESSAGE_BYTES: z.coerce.number({ message: 'must be a number of bytes' }).int().min(1024, 'must be at least 1024').max(16 * 1024 * 1024, 'must be at most 16777216 (16 MiB)').default(1024 * 1024),
    /** Largest message before the socket is authenticated (connection_init carries only the API key). */
    FIELDBOOKS_WS_MAX_INIT_BYTES: z.coerce.number({ message: 'must be a number of bytes' }).int().min(256, 'must be at least 256').max(65_536, 'must be at most 65536').default(4096),
    /** How often each process re-checks the API keys of its open WebSockets (revoked key or deleted tenant: closed with 4403). */
    FIELDBOOKS_WS_KEY_CHECK_MS: z.coerce.number({ message: 'must be a number of milliseconds' }).int().min(100, 'must be at least 100').max(60_000, 'must be at most 60000').default(1000),
    /** WebSocket pings: a proxy or load balancer closes idle connections (nginx after 60 s), so quiet subscriptions are kept alive; 0 turns them off. */
    FIELDBOOKS_WS_KEEPALIVE_MS: z.coerce.number({ message: 'must be a number of milliseconds' }).int().refine((v) => v === 0 || (v >= 100 && v <= 300_000), 'must be 0 (off) or between 100 and 300000').default(25_000),
    /** The background worker that pushes changed ledger records automatically. */
    FIELDBOOKS_SYNC_WORKER: bool.optional(),
    FIELDBOOKS_SYNC_DEBOUNCE_MS: z.coerce.number({ message: 'must be a number' }).int().min(0).max(600_000).default(500),
    /** How long a crashed process can hold a tenant's sync queue before another process takes over. */
    FIELDBOOKS_SYNC_LEASE_SECONDS: z.coerce.number({ message: 'must be a number' }).int().min(4, 'must be at least 4').max(3600).default(120),
    /** Records of a kind pushed at once (their creates share QBO batch calls of up to 30). */
    FIELDBOOKS_SYNC_CONCURRENCY: z.coerce.number({ message: 'must be a number' }).int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(64),
    QBO_MINOR_VERSION: z.coerce.number({ message: 'must be a number' }).int().min(75, 'must be 75 or later (Intuit serves older ones as 75)').default(75),
    /** Older than this, reading the cached chart of accounts starts an incremental refresh in the background. */
    FIELDBOOKS_CHART_MAX_AGE_SECONDS: z.coerce.number({ message: 'must be a number of seconds' }).int().min(1, 'must be at least 1').default(900),
    /** GraphQL operations per API key per minute (HTTP requests and WebSocket operations); 0 = no limit. */
    FIELDBOOKS_RATE_LIMIT_PER_KEY: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0).default(3000),
    /** GraphQL requests and WebSocket operations per client address per minute; 0 = no limit. */
    /** Proxies whose X-Forwarded-For is believed for client addresses (comma-separated IPs, CIDRs or loopback/linklocal/uniquelocal). */
    FIELDBOOKS_TRUSTED_PROXIES: z
      .string()
      .optional()
      .transform((v) => (v ?? '').split(',').map((p) => p.trim()).filter(Boolean))
      .refine((list) => list.every((p) => /^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/.test(p)), 'must be a comma-separated list of IP addresses, CIDR ranges or loopback/linklocal/uniquelocal'),
    FIELDBOOKS_RATE_LIMIT_PER_ADDRESS: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0).default(6000),
    /** Failed authentications (a key presented and refused) per client address per window before it is refused; 0 = no limit. */
    FIELDBOOKS_AUTH_FAILURE_LIMIT: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0).default(30),
    FIELDBOOKS_AUTH_FAILURE_WINDOW_SECONDS: z.coerce.number({ message: 'must be a number of seconds' }).int().min(1).max(86_400).default(900),
    /** Let one QuickBooks company be connected to several tenants (off: a second tenant is refused with REALM_IN_USE). */
    FIELDBOOKS_ALLOW_SHARED_REALMS: bool.optional(),
    /** How often the CDC poller (the backstop behind webhooks) reads QuickBooks changes per tenant; 0 turns it off. */
    FIELDBOOKS_CDC_INTERVAL_SECONDS: z.coerce.number({ message: 'must be a number of seconds' }).int().min(0).max(86_400).default(300),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.QBO_CLIENT_ID) !== Boolean(env.QBO_CLIENT_SECRET)) {
      ctx.addIssue({ code: 'custom', path: [env.QBO_CLIENT_ID ? 'QBO_CLIENT_SECRET' : 'QBO_CLIENT_ID'], message: 'QBO_CLIENT_ID and QBO_CLIENT_SECRET must be set together' });
    }
    if (env.QBO_CLIENT_ID && !env.QBO_REDIRECT_URI) {
      ctx.addIssue({ code: 'custom', path: ['QBO_REDIRECT_URI'], message: 'is required with QBO_CLIENT_ID (the /oauth/callback URL registered with Intuit)' });
    }
    if (env.NODE_ENV === 'production') {
      // Production never runs on the simulator: its app credentials and webhook verifier token are public.
      const required: [keyof typeof env, string][] = [
        ['QBO_CLIENT_ID', 'the client id of your Intuit app'],
        ['QBO_CLIENT_SECRET', 'the client secret of your Intuit app'],
        ['QBO_REDIRECT_URI', 'the /oauth/callback URL registered with your Intuit app'],
        ['QBO_WEBHOOK_VERIFIER_TOKEN', "the verifier token of your Intuit app's webhooks"],
        ['FIELDBOOKS_ENCRYPTION_KEY', '32 bytes of base64, e.g. openssl rand -base64 32'],
      ];
      for (const [variable, what] of required) {
        if (!env[variable]) ctx.addIssue({ code: 'custom', path: [variable], message: `is required in production (${what})` });
      }
      if (env.FIELDBOOKS_DEMO) ctx.addIssue({ code: 'custom', path: ['FIELDBOOKS_DEMO'], message: 'must not be true in production (the demo tenant\'s key is printed and served to local browsers)' });
      if (env.QBO_SANDBOX_URL) ctx.addIssue({ code: 'custom', path: ['QBO_SANDBOX_URL'], message: 'must not be set in production (the QuickBooks simulator is for development and tests)' });
    }
    if (!env.NODE_ENV && !isLoopbackHostname(env.HOST)) {
      ctx.addIssue({
        code: 'custom',
        path: ['NODE_ENV'],
        message: `is not set while HOST=${env.HOST} is reachable from other machines: set NODE_ENV=production on a server, or NODE_ENV=development to run the demo tenant and QuickBooks simulator on this address`,
      });
    }
    if (env.FIELDBOOKS_ENCRYPTION_KEY) {
      try {
        parseKeyring(env.FIELDBOOKS_ENCRYPTION_KEY);
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: ['FIELDBOOKS_ENCRYPTION_KEY'], message: (error as Error).message });
      }
    }
    for (const origin of originList(env.FIELDBOOKS_RETURN_ORIGINS)) {
      if (!URL.canParse(origin)) ctx.addIssue({ code: 'custom', path: ['FIELDBOOKS_RETURN_ORIGINS'], message: `"${origin}" is not an absolute origin such as https://app.example.com` });
    }
    for (const origin of originList(env.FIELDBOOKS_CORS_ORIGINS)) {
      if (!isOrigin(origin)) ctx.addIssue({ code: 'custom', path: ['FIELDBOOKS_CORS_ORIGINS'], message: `"${origin}" is not an origin such as https://app.example.com (scheme, host and port only)` });
    }
  })
  .transform((env) => {
    const dataDir = path.resolve(env.FIELDBOOKS_DATA_DIR);
    const nodeEnv = env.NODE_ENV ?? 'development';
    return {
      env: nodeEnv,
      isProduction: nodeEnv === 'production',
      mongo: {
        uri: env.MONGODB_URI,
        connectTimeoutMs: env.MONGODB_CONNECT_TIMEOUT_MS,
      },
      redis: env.REDIS_URL ? { url: env.REDIS_URL, prefix: env.FIELDBOOKS_REDIS_PREFIX } : undefined,
      dataDir,
      toolsDir: path.resolve(env.FIELDBOOKS_TOOLS_DIR),
      demo: {
        // Part of the embedded default; never in production (refused above).
        enabled: env.FIELDBOOKS_DEMO ?? nodeEnv !== 'production',
        apiKey: env.FIELDBOOKS_DEMO_API_KEY,
      },
      logLevel: env.LOG_LEVEL,
      sandbox: {
        port: env.QBO_SANDBOX_PORT,
        timeScale: env.QBO_SANDBOX_TIME_SCALE,
        // Tests and benchmarks start each gateway from the seeds; everyone else keeps the simulator's companies and tokens.
        fresh: env.FIELDBOOKS_SANDBOX_FRESH ?? nodeEnv === 'test',
        dataDir: path.join(dataDir, 'simulator'),
      },
      quickbooks: {
        /** Without Intuit credentials the gateway starts the built-in simulator and uses its demo app. */
        useSimulator: !env.QBO_CLIENT_ID,
        clientId: env.QBO_CLIENT_ID,
        clientSecret: env.QBO_CLIENT_SECRET,
        environment: env.QBO_ENVIRONMENT,
        redirectUri: env.QBO_REDIRECT_URI,
        simulatorUrl: env.QBO_SANDBOX_URL?.replace(/\/$/, ''),
        minorVersion: env.QBO_MINOR_VERSION,
        webhookVerifierToken: env.QBO_WEBHOOK_VERIFIER_TOKEN,
        allowSharedRealms: env.FIELDBOOKS_ALLOW_SHARED_REALMS ?? false,
        httpTimeoutMs: env.QBO_HTTP_TIMEOUT_MS,
        limitWindowMs: env.QBO_LIMIT_WINDOW_MS,
      },
      accounts: { chartMaxAgeMs: env.FIELDBOOKS_CHART_MAX_AGE_SECONDS * 1000 },
      sync: { worker: env.FIELDBOOKS_SYNC_WORKER ?? true, debounceMs: env.FIELDBOOKS_SYNC_DEBOUNCE_MS, leaseMs: env.FIELDBOOKS_SYNC_LEASE_SECONDS * 1000, concurrency: env.FIELDBOOKS_SYNC_CONCURRENCY },
      pull: { cdcIntervalMs: env.FIELDBOOKS_CDC_INTERVAL_SECONDS * 1000 },
      rateLimits: {
        perKeyPerMinute: env.FIELDBOOKS_RATE_LIMIT_PER_KEY,
        perAddressPerMinute: env.FIELDBOOKS_RATE_LIMIT_PER_ADDRESS,
        trustedProxies: env.FIELDBOOKS_TRUSTED_PROXIES,
        authFailures: env.FIELDBOOKS_AUTH_FAILURE_LIMIT,
        authFailureWindowSeconds: env.FIELDBOOKS_AUTH_FAILURE_WINDOW_SECONDS,
      },
      encryptionKey: env.FIELDBOOKS_ENCRYPTION_KEY,
      returnOrigins: originList(env.FIELDBOOKS_RETURN_ORIGINS).map((o) => new URL(o).origin),
      http: {
        port: env.PORT,
        host: env.HOST,
        publicUrl: env.PUBLIC_URL?.replace(/\/$/, ''),
        corsOrigins: originList(env.FIELDBOOKS_CORS_ORIGINS).map((o) => new URL(o).origin),
      },
      websocket: {
        maxMessageBytes: env.FIELDBOOKS_WS_MAX_MESSAGE_BYTES,
        maxInitBytes: env.FIELDBOOKS_WS_MAX_INIT_BYTES,
        keyCheckMs: env.FIELDBOOKS_WS_KEY_CHECK_MS,
        keepAliveMs: env.FIELDBOOKS_WS_KEEPALIVE_MS,
      },
    };
  });

export type AppConfig = z.output<typeof envSchema>;

function originList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((o) => o.trim()).filter(Boolean);
}

/** An http(s) origin: scheme, host and optional port, nothing after it (a path would never match an Origin header). */
function isOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && value.replace(/\/$/, '') === url.origin;
}

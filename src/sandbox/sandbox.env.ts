/**
 * The standalone simulator's environment (`npm run sandbox`), validated with zod. It lives here, not in
 * `src/config/`, because that is the gateway's configuration: the simulator must start without the
 * gateway's settings. Parsing is a pure function so tests can check it without spawning a process.
 */
import path from 'node:path';
import { z } from 'zod';
import { type SandboxOptions } from './sandbox.js';

/** EX_CONFIG (sysexits.h): the configuration is wrong, so a supervisor should not just restart. */
export const EXIT_CONFIG = 78;

const port = z.coerce
  .number({ message: 'must be a port number (0-65535)' })
  .int({ message: 'must be a port number (0-65535)' })
  .min(0, { message: 'must be a port number (0-65535)' })
  .max(65535, { message: 'must be a port number (0-65535)' });

const SandboxEnvSchema = z.object({
  QBO_SANDBOX_PORT: port.default(4010),
  QBO_SANDBOX_HOST: z.string().default('127.0.0.1'),
  QBO_SANDBOX_WEBHOOK_URL: z.url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL' }).optional(),
  // CloudEvents by default: Intuit made it mandatory (facts §5.3); legacy stays available for older receivers.
  QBO_SANDBOX_WEBHOOK_FORMAT: z.enum(['legacy', 'cloudevents'], { message: 'must be legacy or cloudevents' }).default('cloudevents'),
  QBO_SANDBOX_TIME_SCALE: z.coerce
    .number({ message: 'must be a number greater than 0' })
    .positive({ message: 'must be a number greater than 0' })
    .default(1),
  QBO_SANDBOX_AUTO_APPROVE: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  /** The simulator's state is kept in `<FIELDBOOKS_DATA_DIR>/simulator` (the same folder as the gateway's embedded one). */
  FIELDBOOKS_DATA_DIR: z.string().min(1).default('./.data'),
  FIELDBOOKS_SANDBOX_FRESH: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  /** Host names besides loopback ones the admin API answers to (e.g. a container's service name), comma-separated. */
  QBO_SANDBOX_ADMIN_HOSTS: z
    .string()
    .regex(/^[A-Za-z0-9.-]+(\s*,\s*[A-Za-z0-9.-]+)*$/, { message: 'must be comma-separated host names, e.g. sandbox,qbo.test' })
    .optional()
    .transform((v) => (v ?? '').split(',').map((h) => h.trim()).filter(Boolean)),
});

export type SandboxEnv = z.infer<typeof SandboxEnvSchema>;

export type SandboxEnvResult = { ok: true; env: SandboxEnv } | { ok: false; problems: string[] };

/** Every problem is reported at once, so a bad environment is fixed in one go. */
export function parseSandboxEnv(source: NodeJS.ProcessEnv): SandboxEnvResult {
  // An empty variable counts as unset: shells and .env files often leave `FOO=` behind.
  const raw = Object.fromEntries(Object.keys(SandboxEnvSchema.shape).map((k) => [k, source[k] === '' ? undefined : source[k]]));
  const parsed = SandboxEnvSchema.safeParse(raw);
  if (parsed.success) return { ok: true, env: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name}=${JSON.stringify(source[name])}: ${issue.message}`;
    }),
  };
}

export function sandboxOptionsFromEnv(env: SandboxEnv): SandboxOptions {
  return {
    scale: env.QBO_SANDBOX_TIME_SCALE,
    oauth: { autoApprove: env.QBO_SANDBOX_AUTO_APPROVE },
    webhooks: { url: env.QBO_SANDBOX_WEBHOOK_URL, format: env.QBO_SANDBOX_WEBHOOK_FORMAT },
    adminAllowedHosts: env.QBO_SANDBOX_ADMIN_HOSTS,
    ...(env.FIELDBOOKS_SANDBOX_FRESH ? {} : { persistence: { dir: path.resolve(env.FIELDBOOKS_DATA_DIR, 'simulator') } }),
  };
}

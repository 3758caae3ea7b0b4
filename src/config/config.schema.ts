/**
 * The gateway's whole configuration, parsed once from the environment by one schema. Start-up fails
 * listing every bad variable at once, so an operator fixes them in one go rather than one per restart.
 */
import path from 'node:path';
import { z } from 'zod';

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
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: port(4000),
    HOST: z.string().min(1).default('127.0.0.1'),
    PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://fieldbooks.example.com' }).optional(),
    MONGODB_URI: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\/.+/, 'must be a mongodb:// or mongodb+srv:// connection string')
      .optional(),
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
  })
  .transform((env) => {
    const dataDir = path.resolve(env.FIELDBOOKS_DATA_DIR);
    return {
      env: env.NODE_ENV,
      isProduction: env.NODE_ENV === 'production',
      http: {
        port: env.PORT,
        host: env.HOST,
        publicUrl: env.PUBLIC_URL?.replace(/\/$/, ''),
      },
      mongo: {
        uri: env.MONGODB_URI,
        connectTimeoutMs: env.MONGODB_CONNECT_TIMEOUT_MS,
      },
      dataDir,
      toolsDir: path.resolve(env.FIELDBOOKS_TOOLS_DIR),
      demo: {
        // The demo tenant is part of the embedded default; production opts in explicitly.
        enabled: env.FIELDBOOKS_DEMO ?? env.NODE_ENV !== 'production',
        apiKey: env.FIELDBOOKS_DEMO_API_KEY,
      },
      logLevel: env.LOG_LEVEL,
      sandbox: { port: env.QBO_SANDBOX_PORT },
    };
  });

export type AppConfig = z.output<typeof envSchema>;

/** Loads and validates the configuration; the only place that reads process.env. */
import { type AppConfig, envSchema } from './config.schema.js';

export type { AppConfig } from './config.schema.js';

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      `Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** Parses an environment (process.env by default). Empty strings count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Record<string, string | undefined> = {}): AppConfig {
  const merged: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...env, ...overrides })) {
    if (value !== undefined && value !== '') merged[key] = value;
  }
  const result = envSchema.safeParse(merged);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '(environment)'),
        message: issue.message,
      })),
    );
  }
  return result.data;
}

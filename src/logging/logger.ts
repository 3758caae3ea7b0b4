/**
 * Structured logging (pino): JSON in production, pretty in development. Secrets are redacted by path
 * here, once, so no call site has to remember: API keys, OAuth tokens, client secrets, Authorization
 * headers (node-quickbooks' AxiosErrors carry the Bearer header in `config.headers`).
 */
import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.Authorization',
  'config.headers.Authorization',
  'config.headers.authorization',
  '*.headers.Authorization',
  '*.headers.authorization',
  'apiKey',
  '*.apiKey',
  'access_token',
  '*.access_token',
  'refresh_token',
  '*.refresh_token',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
  'clientSecret',
  '*.clientSecret',
  'client_secret',
  '*.client_secret',
  'password',
  '*.password',
  'connectionParams.authorization',
];

export function createLogger(options: { level: string; pretty: boolean; destination?: NodeJS.WritableStream }): Logger {
  const base = {
    level: options.level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  if (options.destination) return pino(base, options.destination as pino.DestinationStream);
  if (options.pretty) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } });
  }
  return pino(base);
}

/** Strips the password from a connection string before it is shown anywhere. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^:/@]+):([^@]*)@/, '//$1:[redacted]@');
}

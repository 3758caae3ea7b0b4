/**
 * Structured logging (pino): JSON in production, pretty in development. Secrets are redacted here,
 * once, so no call site has to remember: API keys, OAuth tokens, client secrets, Authorization
 * headers (node-quickbooks' AxiosErrors carry the Bearer header in `config.headers`). Two layers:
 * pino's path redaction for the usual places, and a scrub of every finished line (`scrubLogLine`)
 * that catches the same field names at any depth, Bearer values and API keys inside strings, and
 * the `code`/`state` of an OAuth callback URL wherever it appears (request URL, error message).
 */
import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  // pino-http logs the parsed query too: an OAuth callback's code and state.
  'req.query.code',
  'req.query.state',
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

/** Field names whose values are secrets at any depth (compared case-insensitively, `-`/`_` ignored). */
const SECRET_FIELDS = ['authorization', 'proxyauthorization', 'cookie', 'setcookie', 'apikey', 'accesstoken', 'refreshtoken', 'idtoken', 'clientsecret', 'password', 'secret', 'verifiertoken', 'webhookverifiertoken', 'encryptionkey'];
const SECRET_FIELD = new RegExp(`"((?:${SECRET_FIELDS.map((f) => f.split('').join('[-_]?')).join('|')}))":("(?:[^"\\\\]|\\\\.)*"|\\{[^{}]*\\}|\\[[^\\[\\]]*\\])`, 'gi');
/** `code` and `state` in any query string: an OAuth callback URL. */
const CALLBACK_PARAM = /([?&](?:code|state)=)[^&"\s\\#]*/g;
const BEARER = /(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi;
const API_KEY = /\bfbk_[A-Za-z0-9_-]{16,}/g;

/** Censors secrets anywhere in one finished (JSON) log line. */
export function scrubLogLine(line: string): string {
  return line
    .replace(SECRET_FIELD, '"$1":"[redacted]"')
    .replace(CALLBACK_PARAM, '$1[redacted]')
    .replace(BEARER, '$1[redacted]')
    .replace(API_KEY, 'fbk_[redacted]');
}

export function createLogger(options: { level: string; pretty: boolean; destination?: NodeJS.WritableStream }): Logger {
  const base = {
    level: options.level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    hooks: { streamWrite: scrubLogLine },
  };
  if (options.destination) return pino(base, options.destination as pino.DestinationStream);
  if (options.pretty) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } });
  }
  return pino(base);
}

/** Strips the password from a connection string before it is shown anywhere. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^:/@]*):([^@]*)@/, '//$1:[redacted]@');
}

/**
 * Where the QBO client layer ends, provider errors become one small vocabulary. Every caller (sync,
 * connection, accounts) decides retry / wait / fail / reconnect from `kind` alone, and users see the
 * fault's own text (`message`, `detail`), never a token or a raw Axios dump.
 */
export type QboErrorKind =
  | 'AUTH' // 401 / 3200: access token expired, revoked or malformed
  | 'FORBIDDEN' // 403 / 3100: app not authorised for this realm
  | 'THROTTLED' // 429 / 3001
  | 'TRANSIENT' // 5xx, timeouts, connection resets
  | 'STALE_OBJECT' // 5010
  | 'DUPLICATE_NAME' // 6240
  | 'NOT_FOUND' // 610, 404
  | 'VALIDATION' // other 2xxx/4xxx/6xxx business and validation faults
  | 'UNKNOWN';

export class QboError extends Error {
  constructor(
    readonly kind: QboErrorKind,
    message: string,
    readonly details: { code?: string; detail?: string; element?: string; status?: number; intuitTid?: string; errors?: { code: string; message: string; detail: string }[] } = {},
  ) {
    super(message);
    this.name = 'QboError';
  }

  get retryable(): boolean {
    return this.kind === 'THROTTLED' || this.kind === 'TRANSIENT';
  }

  get code(): string | undefined {
    return this.details.code;
  }
}

interface FaultLike {
  Error?: { Message?: string; Detail?: string; code?: string; element?: string }[];
  error?: { message?: string; detail?: string; code?: string; element?: string | null }[];
  type?: string;
}

const TRANSIENT_NET_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'EAI_AGAIN', 'ERR_SOCKET_CONNECTION_TIMEOUT', 'UND_ERR_SOCKET']);

function kindFor(status: number | undefined, code: string | undefined): QboErrorKind {
  switch (code) {
    case '3200':
    case '100':
      return 'AUTH';
    case '3100':
      return 'FORBIDDEN';
    case '3001':
      return 'THROTTLED';
    case '5010':
      return 'STALE_OBJECT';
    case '6240':
      return 'DUPLICATE_NAME';
    case '610':
      return 'NOT_FOUND';
    case '10000':
      return 'TRANSIENT';
  }
  if (status === 401) return 'AUTH';
  if (status === 403) return 'FORBIDDEN';
  if (status === 429) return 'THROTTLED';
  if (status === 404) return 'NOT_FOUND';
  if (status !== undefined && status >= 500) return 'TRANSIENT';
  if (status === 400 || code) return 'VALIDATION';
  return 'UNKNOWN';
}

/** Turns a body `Fault`/`fault`, an AxiosError or a network error into a QboError. */
export function normalizeQboError(error: unknown): QboError {
  if (error instanceof QboError) return error;
  const e = error as {
    response?: { status?: number; data?: unknown; headers?: Record<string, string> };
    code?: string;
    message?: string;
    Fault?: FaultLike;
    fault?: FaultLike;
  };
  const body = (e.response?.data ?? (e.Fault || e.fault ? e : undefined)) as { Fault?: FaultLike; fault?: FaultLike } | string | undefined;
  const status = e.response?.status;
  const intuitTid = e.response?.headers?.intuit_tid;
  const fault = typeof body === 'object' && body ? (body.Fault ?? body.fault) : undefined;
  const errors = (fault?.Error ?? []).map((x) => ({ code: String(x.code ?? ''), message: x.Message ?? '', detail: x.Detail ?? '', element: x.element }));
  for (const x of fault?.error ?? []) errors.push({ code: String(x.code ?? ''), message: x.message ?? '', detail: x.detail ?? '', element: x.element ?? undefined });
  const first = errors[0];
  if (first) {
    const kind = kindFor(status, first.code);
    return new QboError(kind, first.message || `QuickBooks fault ${first.code}`, { code: first.code, detail: first.detail, element: first.element, status, intuitTid, errors });
  }
  if (status !== undefined) {
    return new QboError(kindFor(status, undefined), `QuickBooks answered HTTP ${status}`, { status, intuitTid, detail: typeof body === 'string' ? body.slice(0, 500) : undefined });
  }
  if (e.code && TRANSIENT_NET_CODES.has(e.code)) return new QboError('TRANSIENT', `Network error talking to QuickBooks (${e.code})`, { code: e.code });
  if (e.message && /timeout/i.test(e.message)) return new QboError('TRANSIENT', 'QuickBooks did not answer in time', { detail: e.message });
  return new QboError('UNKNOWN', e.message ?? 'Unknown QuickBooks error');
}

/**
 * Webhook delivery (facts §5): subscribes to company stores' change feeds, gathers the changes of a short
 * window (virtual time) into one notification, signs it and POSTs it to the configured URL. A delivery
 * that is not answered with 2xx within the ack timeout is retried on Intuit's schedule (10 s, 20 s, 30 s,
 * 5 min, 20 min, 2 h, 4 h, 6 h, then every 6 h) on the virtual clock, and later notifications wait behind
 * it: Intuit sends nothing new until the first event is acknowledged. Every attempt is logged for the
 * admin API and tests.
 */
import { createHash, randomUUID } from 'node:crypto';
import { type Clock } from '../clock.js';
import { type ChangeEvent, type CompanyStore } from '../company/company.types.js';
import { cloudEventsPayload, coalesce, legacyPayload, type WebhookFormat } from './webhook.payload.js';
import { signWebhookBody } from './webhook.signature.js';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Intuit's retry delays after the 1st, 2nd, ... failed attempt; the last one repeats. */
export const INTUIT_RETRY_SCHEDULE_MS: readonly number[] = [10 * SECOND, 20 * SECOND, 30 * SECOND, 5 * MINUTE, 20 * MINUTE, 2 * HOUR, 4 * HOUR, 6 * HOUR];

export interface WebhookAttempt {
  /** Virtual time of the attempt. */
  at: number;
  status?: number;
  error?: string;
}

export interface WebhookDelivery {
  /** Also sent as `intuit-t-id`. */
  id: string;
  format: WebhookFormat;
  realmIds: string[];
  events: ChangeEvent[];
  /** The exact body sent (and signed). */
  body: string;
  signature: string;
  /** Virtual time the notification was created. */
  createdAt: number;
  state: 'pending' | 'delivered' | 'retrying' | 'abandoned';
  url?: string;
  attempts: WebhookAttempt[];
  /** Virtual time of the next retry while `retrying`. */
  nextAttemptAt?: number;
}

export interface WebhookNotifierOptions {
  clock: Clock;
  verifierToken: string;
  url?: string;
  format?: WebhookFormat;
  /** Virtual ms to gather changes into one notification. */
  coalesceMs?: number;
  /** Real ms the receiver has to answer (Intuit: 3 s). Real, not virtual: it measures the receiver's own speed. */
  ackTimeoutMs?: number;
  retryScheduleMs?: readonly number[];
  /** Attempts before a notification is given up (Intuit's limit is undocumented). */
  maxAttempts?: number;
  /** CloudEvents `source` (Intuit sends `intuit.<opaque id>`). */
  cloudEventsSource?: string;
  fetch?: typeof fetch;
  /** Told when the target or the queue of undelivered notifications changes (the persistence saves them). */
  onStateChange?: () => void;
}

/** Where notifications go and the ones not delivered yet, as plain JSON (Intuit keeps retrying those). */
export interface SavedWebhooks {
  url: string | undefined;
  format: WebhookFormat;
  queue: WebhookDelivery[];
}

export interface WebhookNotifier {
  /** Start notifying about a company's changes; returns a detach function. */
  attach(store: CompanyStore): () => void;
  /** Change where (and in which format) future notifications go; `undefined` URL stops sending. */
  setTarget(url: string | undefined, format?: WebhookFormat): void;
  /** Where future notifications go and in which format (for the admin API); `url` undefined = none. */
  target(): { url: string | undefined; format: WebhookFormat };
  /** The key deliveries are signed with, so a receiver configured from the admin API can verify them. */
  readonly verifierToken: string;
  /** The delivery log, oldest first (copies). */
  deliveries(): WebhookDelivery[];
  /** Resolves when nothing is gathered, queued or in flight (retries waiting on the clock count as busy). */
  idle(): Promise<void>;
  /** Forget the log and anything queued (admin reset). */
  clear(): void;
  /** Detach from every store and stop all timers; in-flight attempts are abandoned. */
  close(): Promise<void>;
  exportState(): SavedWebhooks;
  /** Back to a saved target (unless one was configured) and queue (a restart of the simulator); delivery of the queue resumes. */
  importState(saved: SavedWebhooks): void;
}

/** `2016-02-02T16:25:00-0800`, the `intuit-created-time` layout (Pacific, offset without colon). */
function createdTimeHeader(epochMs: number): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/Los_Angeles', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset',
  }).formatToParts(new Date(epochMs));
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  const offset = (p.timeZoneName ?? 'GMT-08:00').replace('GMT', '').replace(':', '') || '+0000';
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
}

export function createWebhookNotifier(options: WebhookNotifierOptions): WebhookNotifier {
  const { clock, verifierToken } = options;
  const coalesceMs = options.coalesceMs ?? 500;
  const ackTimeoutMs = options.ackTimeoutMs ?? 3_000;
  const schedule = options.retryScheduleMs ?? INTUIT_RETRY_SCHEDULE_MS;
  const maxAttempts = options.maxAttempts ?? 20;
  const doFetch = options.fetch ?? fetch;
  const changed = options.onStateChange ?? (() => {});
  const source = options.cloudEventsSource ?? `intuit.${createHash('sha256').update(verifierToken).digest('base64')}`;

  let url = options.url;
  let format: WebhookFormat = options.format ?? 'legacy';
  let abort = new AbortController();
  const detachers = new Set<() => void>();
  let gathered: ChangeEvent[] = [];
  let gathering = false;
  let queue: WebhookDelivery[] = [];
  let log: WebhookDelivery[] = [];
  let pumping = false;
  let waiters: (() => void)[] = [];
  let closed = false;

  const busy = () => gathering || pumping || queue.length > 0;
  const settle = () => {
    if (busy()) return;
    const ws = waiters;
    waiters = [];
    for (const w of ws) w();
  };

  const makeDelivery = (events: ChangeEvent[]): WebhookDelivery => {
    const payload = format === 'legacy' ? legacyPayload(events) : cloudEventsPayload(events, source);
    const body = JSON.stringify(payload);
    return {
      id: randomUUID(),
      format,
      realmIds: [...new Set(events.map((e) => e.realmId))],
      events,
      body,
      signature: signWebhookBody(body, verifierToken),
      createdAt: clock.now(),
      state: 'pending',
      attempts: [],
    };
  };

  const attempt = async (d: WebhookDelivery, target: string, signal: AbortSignal): Promise<WebhookAttempt> => {
    const at = clock.now();
    try {
      const res = await doFetch(target, {
        method: 'POST',
        body: d.body,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'intuit-signature': d.signature,
          'intuit-created-time': createdTimeHeader(at),
          'intuit-t-id': d.id,
          'intuit-notification-schema-version': '0.1',
          'user-agent': 'intuit_notification_server/0.1',
        },
        signal: AbortSignal.any([signal, AbortSignal.timeout(ackTimeoutMs)]),
      });
      // Drain the body so the connection can be reused; its content does not matter.
      await res.arrayBuffer().catch(() => undefined);
      return { at, status: res.status };
    } catch (err) {
      const e = err as Error;
      return { at, error: e.name === 'TimeoutError' ? `no response within ${ackTimeoutMs} ms` : e.message };
    }
  };

  const pump = async (): Promise<void> => {
    if (pumping) return;
    pumping = true;
    const signal = abort.signal;
    try {
      while (!signal.aborted && queue.length > 0) {
        const d = queue[0] as WebhookDelivery;
        const target = url;
        if (target === undefined) {
          // Target removed while queued: nothing to deliver to.
          d.state = 'abandoned';
          queue.shift();
          continue;
        }
        d.url = target;
        const result = await attempt(d, target, signal);
        if (signal.aborted) break;
        d.attempts.push(result);
        changed();
        if (result.status !== undefined && result.status >= 200 && result.status < 300) {
          d.state = 'delivered';
          delete d.nextAttemptAt;
          queue.shift();
          continue;
        }
        if (d.attempts.length >= maxAttempts) {
          d.state = 'abandoned';
          delete d.nextAttemptAt;
          queue.shift();
          continue;
        }
        const delay = schedule[Math.min(d.attempts.length - 1, schedule.length - 1)] ?? 6 * HOUR;
        d.state = 'retrying';
        d.nextAttemptAt = result.at + delay;
        try {
          await clock.sleep(d.nextAttemptAt - clock.now(), signal);
        } catch {
          break; // closed or cleared
        }
      }
    } finally {
      pumping = false;
      // A reset may have queued new notifications while this (now stale) loop was winding down.
      if (!closed && queue.length > 0 && !abort.signal.aborted && signal !== abort.signal) void pump();
      settle();
    }
  };

  const gather = (event: ChangeEvent): void => {
    if (closed || url === undefined) return;
    gathered.push(event);
    if (gathering) return;
    gathering = true;
    const signal = abort.signal;
    void clock.sleep(coalesceMs, signal).then(
      () => {
        if (signal !== abort.signal) return;
        gathering = false;
        const events = coalesce(gathered);
        gathered = [];
        if (events.length > 0 && url !== undefined) {
          const d = makeDelivery(events);
          log.push(d);
          queue.push(d);
          changed();
          void pump();
        }
        settle();
      },
      () => {
        if (signal === abort.signal) gathering = false;
        settle();
      },
    );
  };

  const resetState = () => {
    abort.abort(new Error('webhook notifier reset'));
    abort = new AbortController();
    gathered = [];
    gathering = false;
    queue = [];
  };

  return {
    attach(store) {
      const off = store.onChange(gather);
      const detach = () => {
        off();
        detachers.delete(detach);
      };
      detachers.add(detach);
      return detach;
    },
    setTarget(newUrl, newFormat) {
      url = newUrl;
      if (newFormat) format = newFormat;
      changed();
    },
    target() {
      return { url, format };
    },
    verifierToken,
    deliveries() {
      return log.map((d) => structuredClone(d));
    },
    idle() {
      if (!busy()) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
    clear() {
      resetState();
      log = [];
      changed();
      settle();
    },
    exportState() {
      return { url, format, queue: queue.map((d) => structuredClone(d)) };
    },
    importState(saved) {
      // A target given at start (options, QBO_SANDBOX_WEBHOOK_URL) wins over the one saved from the admin API.
      if (url === undefined) {
        url = saved.url;
        format = saved.format;
      }
      const restored = saved.queue.map((d) => structuredClone(d));
      log.push(...restored);
      queue.push(...restored);
      if (queue.length > 0) void pump();
    },
    async close() {
      closed = true;
      for (const detach of [...detachers]) detach();
      resetState();
      settle();
      await Promise.resolve();
    },
  };
}

/**
 * Live progress of sync runs over the typed pubsub, coalesced: however fast records go, a run
 * publishes at most one event per `intervalMs` (the latest state wins), and its final status always
 * goes out at once, so a subscriber is never flooded and never misses the end.
 */
import { type AppPubSub, Topic } from '../events/pubsub.js';
import { type SyncProgressEvent } from './sync-progress.event.js';

export class SyncProgressPublisher {
  readonly #pending = new Map<string, { event: SyncProgressEvent; timer: NodeJS.Timeout | undefined; lastAt: number }>();

  constructor(
    private readonly pubsub: AppPubSub,
    private readonly intervalMs = 250,
  ) {}

  publish(event: SyncProgressEvent): void {
    const now = Date.now();
    const slot = this.#pending.get(event.runId) ?? { event, timer: undefined, lastAt: 0 };
    slot.event = event;
    this.#pending.set(event.runId, slot);
    if (event.final) {
      if (slot.timer) clearTimeout(slot.timer);
      this.#pending.delete(event.runId);
      this.pubsub.publish(Topic.SyncProgress, event);
      return;
    }
    if (slot.timer) return; // a trailing publish is already scheduled: it will carry this state
    const wait = Math.max(0, slot.lastAt + this.intervalMs - now);
    slot.timer = setTimeout(() => {
      slot.timer = undefined;
      slot.lastAt = Date.now();
      // `at` says when the event went out (the state is the latest one, recorded up to intervalMs ago).
      if (this.#pending.get(event.runId) === slot) this.pubsub.publish(Topic.SyncProgress, { ...slot.event, at: new Date() });
    }, wait);
    slot.timer.unref();
  }
}

export function rateAndEta(startedAt: Date | null, processed: number, total: number, now = new Date()): { ratePerMinute: number; etaSeconds: number | null } {
  if (!startedAt || processed === 0) return { ratePerMinute: 0, etaSeconds: null };
  const minutes = Math.max((now.getTime() - startedAt.getTime()) / 60_000, 1 / 600);
  const rate = processed / minutes;
  return { ratePerMinute: Math.round(rate * 10) / 10, etaSeconds: Math.round(((total - processed) / rate) * 60) };
}

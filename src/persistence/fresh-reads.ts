/**
 * Shares one database lookup among concurrent callers without ever answering a caller from a lookup
 * sent before it asked: a caller that finds a lookup under way waits for the next one, which is sent
 * as soon as the running one ends and answers everyone who queued meanwhile. So fifty concurrent
 * requests of one tenant cost about two lookups instead of fifty, and a write that finished before a
 * request started is still seen by that request (what "visible on the next read" needs).
 */
interface Slot<V> {
  running: Promise<V>;
  queued?: Promise<V>;
}

export class FreshReads<V> {
  readonly #slots = new Map<string, Slot<V>>();

  read(key: string, lookup: () => Promise<V>): Promise<V> {
    const slot = this.#slots.get(key);
    if (!slot) return this.#start(key, lookup);
    slot.queued ??= slot.running.then(
      () => this.#start(key, lookup),
      () => this.#start(key, lookup),
    );
    return slot.queued;
  }

  #start(key: string, lookup: () => Promise<V>): Promise<V> {
    const slot: Slot<V> = { running: lookup() };
    this.#slots.set(key, slot);
    const done = () => {
      // A queued lookup replaces the slot itself when it starts.
      if (this.#slots.get(key) === slot && !slot.queued) this.#slots.delete(key);
    };
    slot.running.then(done, done);
    return slot.running;
  }
}

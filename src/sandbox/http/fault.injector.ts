/**
 * Scripted faults for tests (admin `POST /_sandbox/faults`): for the next N matching calls, or at a
 * rate, answer 429/500/503, hold the response past the client's timeout, drop the connection after
 * the write committed, or make the target record stale (another user saved it first).
 */
import { randomUUID } from 'node:crypto';

export const FAULT_KINDS = ['429', '500', '503', 'timeout', 'drop-after-commit', 'stale-synctoken'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRuleInput {
  kind: FaultKind;
  /** Apply to the next `count` matching calls (default 1 unless `rate` is given). */
  count?: number;
  /** Probability 0..1 per matching call, without a count limit unless `count` is also given. */
  rate?: number;
  realmId?: string;
  /** HTTP method, e.g. POST. */
  method?: string;
  /** Substring of the path after `/v3/company/<realm>` (e.g. `/invoice`), or a /regex/. */
  path?: string;
  /** `timeout`: real milliseconds to hold before answering (default 130 000, past QBO's 120 s). */
  holdMs?: number;
  /** `timeout`: run the request after the hold (default true: the write commits late). */
  commitAfterHold?: boolean;
}

export interface FaultRule extends FaultRuleInput {
  id: string;
  remaining: number | undefined;
  hits: number;
}

export class FaultInjector {
  #rules: FaultRule[] = [];

  constructor(private readonly random: () => number = Math.random) {}

  add(input: FaultRuleInput): FaultRule {
    if (!(FAULT_KINDS as readonly string[]).includes(input.kind)) throw new RangeError(`unknown fault kind ${String(input.kind)}; expected one of ${FAULT_KINDS.join(', ')}`);
    if (input.rate !== undefined && !(input.rate >= 0 && input.rate <= 1)) throw new RangeError('rate must be between 0 and 1');
    if (input.count !== undefined && !(Number.isInteger(input.count) && input.count > 0)) throw new RangeError('count must be a positive integer');
    const rule: FaultRule = { ...input, id: randomUUID(), remaining: input.count ?? (input.rate === undefined ? 1 : undefined), hits: 0 };
    this.#rules.push(rule);
    return rule;
  }

  /** The first rule that fires for this call (consuming one use), if any. */
  match(call: { realmId: string; method: string; path: string }): FaultRule | undefined {
    for (const rule of this.#rules) {
      if (rule.realmId && rule.realmId !== call.realmId) continue;
      if (rule.method && rule.method.toUpperCase() !== call.method.toUpperCase()) continue;
      if (rule.path && !pathMatches(rule.path, call.path)) continue;
      if (rule.rate !== undefined && this.random() >= rule.rate) continue;
      rule.hits++;
      if (rule.remaining !== undefined) {
        rule.remaining--;
        if (rule.remaining <= 0) this.#rules = this.#rules.filter((r) => r !== rule);
      }
      return rule;
    }
    return undefined;
  }

  list(): readonly FaultRule[] {
    return this.#rules.map((r) => ({ ...r }));
  }

  clear(): void {
    this.#rules = [];
  }
}

function pathMatches(pattern: string, path: string): boolean {
  const m = /^\/(.*)\/([a-z]*)$/.exec(pattern);
  if (m) return new RegExp(m[1]!, m[2]).test(path);
  return path.toLowerCase().includes(pattern.toLowerCase());
}

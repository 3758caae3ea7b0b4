/**
 * How a QBO customer is matched to an FSM customer during import (pure): the QBO id already mapped,
 * then the email (case-insensitive), then the normalised display name. Exactly one candidate at the
 * first level that has any is a match, with its score and reason; several candidates at that level
 * are ambiguous and reported, never guessed.
 */

export type MatchReason = 'QUICKBOOKS_ID' | 'EMAIL' | 'DISPLAY_NAME';

export const MATCH_SCORES: Record<MatchReason, number> = { QUICKBOOKS_ID: 1, EMAIL: 0.9, DISPLAY_NAME: 0.75 };

export interface FsmCustomerKey {
  id: string;
  externalId: string;
  displayName: string;
  email?: string | null;
}

export type MatchOutcome =
  | { kind: 'MATCH'; customer: FsmCustomerKey; reason: MatchReason; score: number }
  | { kind: 'AMBIGUOUS'; candidates: FsmCustomerKey[]; reason: MatchReason }
  | { kind: 'NONE' };

export function normalizeEmail(email: string | null | undefined): string | undefined {
  const out = email?.trim().toLowerCase();
  return out ? out : undefined;
}

/**
 * Lower case, accents stripped, "&" read as "and", punctuation and company suffixes' dots dropped,
 * whitespace collapsed: "Smith & Sons Pty. Ltd." and "smith and sons pty ltd" are the same name.
 */
export function normalizeName(name: string | null | undefined): string | undefined {
  if (!name) return undefined;
  const out = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\(deleted\)\s*$/, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return out ? out : undefined;
}

/** FSM customers indexed by the keys a QBO customer can match on. */
export class CustomerMatchIndex {
  readonly #byQboId = new Map<string, FsmCustomerKey>();
  readonly #byEmail = new Map<string, FsmCustomerKey[]>();
  readonly #byName = new Map<string, FsmCustomerKey[]>();

  add(customer: FsmCustomerKey, qboId?: string | null): void {
    if (qboId) this.#byQboId.set(qboId, customer);
    const email = normalizeEmail(customer.email);
    if (email) this.#byEmail.set(email, [...(this.#byEmail.get(email) ?? []), customer]);
    const name = normalizeName(customer.displayName);
    if (name) this.#byName.set(name, [...(this.#byName.get(name) ?? []), customer]);
  }

  match(qbo: { Id: string; DisplayName?: string; PrimaryEmailAddr?: { Address?: string } }): MatchOutcome {
    const mapped = this.#byQboId.get(qbo.Id);
    if (mapped) return { kind: 'MATCH', customer: mapped, reason: 'QUICKBOOKS_ID', score: MATCH_SCORES.QUICKBOOKS_ID };
    const levels: [MatchReason, FsmCustomerKey[] | undefined][] = [
      ['EMAIL', this.#byEmail.get(normalizeEmail(qbo.PrimaryEmailAddr?.Address) ?? '')],
      ['DISPLAY_NAME', this.#byName.get(normalizeName(qbo.DisplayName) ?? '')],
    ];
    for (const [reason, candidates] of levels) {
      if (!candidates || candidates.length === 0) continue;
      if (candidates.length === 1) return { kind: 'MATCH', customer: candidates[0]!, reason, score: MATCH_SCORES[reason] };
      return { kind: 'AMBIGUOUS', candidates, reason };
    }
    return { kind: 'NONE' };
  }
}

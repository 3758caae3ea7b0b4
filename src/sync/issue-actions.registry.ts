/**
 * Issue actions: each kind of action a bookkeeper can take on a sync issue (see SyncIssueActionKind) is a
 * handler registered here by the slice that owns the behaviour, so the API performs them through one door
 * and no central switch knows every slice. A handler checks that its action can still succeed and throws a
 * domain error naming what is wrong when it cannot; it never half-applies.
 */
import { type SyncIssue } from '../persistence/sync/sync-issue.repository.js';
import { type SyncIssueActionKind } from './sync.errors.js';

export interface IssueActionRequest {
  tenantId: string;
  issue: SyncIssue;
  /** For LINK: the chosen QuickBooks object (one of the issue's candidates, or any id of the right kind). */
  remoteId?: string | null;
}

export type IssueActionHandler = (request: IssueActionRequest) => Promise<void>;

export class IssueActionRegistry {
  readonly #handlers = new Map<SyncIssueActionKind, IssueActionHandler>();

  register(kind: SyncIssueActionKind, handler: IssueActionHandler): void {
    if (this.#handlers.has(kind)) throw new Error(`issue action ${kind} is registered twice`);
    this.#handlers.set(kind, handler);
  }

  handlerFor(kind: SyncIssueActionKind): IssueActionHandler | undefined {
    return this.#handlers.get(kind);
  }

  kinds(): SyncIssueActionKind[] {
    return [...this.#handlers.keys()];
  }
}

/**
 * The two webhook body formats (facts §5.1, §5.3):
 * - legacy: `{"eventNotifications":[{"realmId":..,"dataChangeEvent":{"entities":[{name,id,operation,lastUpdated}]}}]}`,
 *   one element per realm;
 * - CloudEvents 1.0: a JSON array of events, realms mixed, `type` = `qbo.<entity>.<verb>.v1`.
 */
import { randomUUID } from 'node:crypto';
import { type ChangeEvent } from '../company/company.types.js';

export type WebhookFormat = 'legacy' | 'cloudevents';

/** Past-tense verbs for CloudEvents `type`; void and email names are not confirmed by Intuit (facts §5.3). */
const CLOUD_EVENT_VERB: Record<ChangeEvent['operation'], string> = {
  Create: 'created',
  Update: 'updated',
  Delete: 'deleted',
  Merge: 'merged',
  Void: 'voided',
  Emailed: 'emailed',
};

export function legacyPayload(events: readonly ChangeEvent[]): unknown {
  const byRealm = new Map<string, ChangeEvent[]>();
  for (const e of events) byRealm.set(e.realmId, [...(byRealm.get(e.realmId) ?? []), e]);
  return {
    eventNotifications: [...byRealm].map(([realmId, list]) => ({
      realmId,
      dataChangeEvent: {
        entities: list.map((e) => ({ name: e.entity, id: e.id, operation: e.operation, lastUpdated: new Date(e.at).toISOString() })),
      },
    })),
  };
}

export function cloudEventsPayload(events: readonly ChangeEvent[], source: string, newId: () => string = randomUUID): unknown {
  return events.map((e) => ({
    specversion: '1.0',
    id: newId(),
    source,
    type: `qbo.${e.entity.toLowerCase()}.${CLOUD_EVENT_VERB[e.operation]}.v1`,
    datacontenttype: 'application/json',
    time: new Date(e.at).toISOString(),
    intuitentityid: e.id,
    intuitaccountid: e.realmId,
    data: {},
  }));
}

/** Collapse repeats of the same entity+operation inside one coalescing window, keeping the latest. */
export function coalesce(events: readonly ChangeEvent[]): ChangeEvent[] {
  const latest = new Map<string, ChangeEvent>();
  for (const e of events) {
    const key = `${e.realmId}\u0000${e.entity}\u0000${e.id}\u0000${e.operation}`;
    latest.delete(key); // re-insert so order follows the latest occurrence
    latest.set(key, e);
  }
  return [...latest.values()];
}

/** The engine speaks RemoteRef ({ id, name }); QBO payloads carry QboRef ({ value, name }). */
import { type RemoteRef } from '../../../sync/push/push.context.js';
import { type QboRef } from '../../../sync/push.types.js';

/** A payload ref of the same shape as before (no `name` key when the name is unknown). */
export function toQboRef(ref: RemoteRef): QboRef {
  return ref.name === undefined ? { value: ref.id } : { value: ref.id, name: ref.name };
}

/** The engine's ref of a QBO ref (what a pusher hands back to a dependant). */
export function toRemoteRef(ref: QboRef): RemoteRef {
  return ref.name === undefined ? { id: ref.value } : { id: ref.value, name: ref.name };
}

/** Already in QBO at this version, and settled there (not held for review). */
export function isSynced(mapping: { qboId: string | null; syncedVersion: number | null; state: string } | null, record: { version: number }): boolean {
  return !!mapping?.qboId && mapping.syncedVersion === record.version && mapping.state === 'SYNCED';
}

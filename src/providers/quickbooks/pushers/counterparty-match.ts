/**
 * Finding the QBO customer or vendor an FSM one already is, so it is linked and never duplicated, and
 * explaining a 6240 (the name is taken) by naming who holds it.
 */
import { type CustomerRecord, type SupplierRecord } from '../../../ledger/ledger-record.types.js';
import { type ClaimOwner } from '../../../persistence/sync/mapping-claim.repository.js';
import { candidateOf, describeRecord, entityNoun } from '../../../sync/match-label.util.js';
import { type PushContext } from '../../../sync/push/push.context.js';
import { SyncProblem } from '../../../sync/sync.errors.js';
import { qboDisplayName, queryLiteral } from '../mappers/customer.mapper.js';
import { type QboRecord } from '../qbo.client.js';
import { type QboError } from '../qbo.errors.js';
import { freeRows } from './documents.js';

export type CounterpartyEntity = 'Customer' | 'Vendor';

/**
 * The QBO customer or vendor an unmapped FSM one already is, never one another record holds: the
 * same display name (unique in a QBO company, so the strongest match), else the only free QBO record
 * with the same email. Several free candidates, or an email whose QBO record belongs to another FSM
 * record, is an issue with candidates: guessing would link two records to one, or create a duplicate.
 */
export async function matchCounterparty(ctx: PushContext, record: CustomerRecord | SupplierRecord, entity: CounterpartyEntity): Promise<QboRecord | undefined> {
  const { session } = ctx;
  const client = session.client!;
  const owner: ClaimOwner = { kind: record.kind, recordId: record.id, part: 'main' };
  const name = qboDisplayName(record.displayName);
  const byName = ((await session.lookahead.rows(client, entity, 'DisplayName', name)) ?? (await client.queryPage<QboRecord>(entity, `where DisplayName = ${queryLiteral(name)} maxresults 1`)))[0];
  if (byName && (await ctx.isFree(owner, entity, byName.Id))) return byName;
  if (!record.email) return undefined;
  const sameEmail = (await session.lookahead.rows(client, entity, 'PrimaryEmailAddr', record.email))?.slice(0, 10) ?? (await client.queryPage<QboRecord>(entity, `where PrimaryEmailAddr = ${queryLiteral(record.email)} maxresults 10`));
  const byEmail = sameEmail.filter((r) => r.Id !== byName?.Id);
  const free = await freeRows(ctx, owner, entity, byEmail);
  if (free.length === 1 && !byName) return free[0];
  if (byEmail.length === 0) return undefined;
  const noun = entityNoun(entity);
  if (free.length === 0) {
    const other = await ctx.heldBy(entity, byEmail[0]!.Id);
    throw new SyncProblem('MATCH_AMBIGUOUS', `The QuickBooks ${noun} with the email ${record.email} ("${String(byEmail[0]!.DisplayName)}") is already linked to ${other ? describeRecord(other) : `another FSM ${noun}`}, so ${describeRecord(record)} was not linked to it, and not created either, in case it is the same ${noun}.`, {
      fixHint: `If they are the same ${noun}, merge them in the FSM. If not, push this one to QuickBooks as a new ${noun}.`,
      retryable: false,
      actions: ['PUSH', 'IGNORE'],
    });
  }
  throw new SyncProblem('MATCH_AMBIGUOUS', `${describeRecord(record)} matches ${free.length + (byName ? 1 : 0)} QuickBooks ${noun}s (same email ${record.email}${byName ? ' or same name' : ''}); nothing was linked or created.`, {
    fixHint: `Link it to the right QuickBooks ${noun}, or push it as a new one.`,
    retryable: false,
    actions: ['LINK', 'PUSH', 'IGNORE'],
    candidates: free.map((row) => candidateOf(entity, row)),
  });
}

/**
 * 6240: link an (inactive) record of the same entity holding the name; another entity holding it
 * (a vendor for a customer, a customer for a supplier, an employee) is an issue naming the holder.
 */
export async function nameHeld(ctx: PushContext, record: CustomerRecord | SupplierRecord, own: CounterpartyEntity, error: QboError): Promise<void> {
  const client = ctx.session.client!;
  const noun = record.kind === 'customer' ? 'customer' : 'supplier';
  const name = queryLiteral(qboDisplayName(record.displayName));
  const same = (await client.queryPage<QboRecord>(own, `where DisplayName = ${name} and Active in (true, false) maxresults 1`))[0];
  if (same) {
    await ctx.saveMapping(record, 'main', own, { qboId: same.Id, syncToken: same.SyncToken, syncedVersion: record.version, lastSyncedAt: new Date() });
    return;
  }
  const others = own === 'Customer' ? (['Vendor', 'Employee'] as const) : (['Customer', 'Employee'] as const);
  for (const entity of others) {
    // A failed lookup here only loses the nicer message: the 6240 itself is still reported below.
    const holder = (await client.queryPage<QboRecord>(entity, `where DisplayName = ${name} maxresults 1`).catch(() => []))[0];
    if (holder) {
      const holderNoun = entity === 'Vendor' ? 'supplier' : entity.toLowerCase();
      throw new SyncProblem('NAME_IN_USE', `QuickBooks already has a ${holderNoun} called "${String(holder.DisplayName)}", and QuickBooks needs every customer, supplier and employee name to be different.`, {
        fixHint: `Rename the ${noun} in the field-service app (e.g. add the suburb or "(${noun})"), or rename the ${holderNoun} in QuickBooks, then retry.`,
        retryable: false,
        actions: ['RETRY'],
        qboFault: `${error.code ?? ''} ${error.message}: ${error.details.detail ?? ''}`.trim(),
      });
    }
  }
  throw error;
}

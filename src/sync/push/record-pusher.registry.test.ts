import { describe, expect, it } from 'vitest';
import { type LedgerKind, PUSH_ORDER } from '../../ledger/ledger-record.types.js';
import { QUICKBOOKS_PUSHERS } from '../../providers/quickbooks/pushers/quickbooks.pushers.js';
import { PUSHABLE_KINDS } from '../push.service.js';
import { type AnyRecordPusher, PusherRegistry, UnknownRecordKindError } from './record-pusher.registry.js';

describe('pusher registry', () => {
  it('has exactly one QuickBooks pusher per pushable kind, in push order', () => {
    const kinds = QUICKBOOKS_PUSHERS.map((p) => p.kind);
    expect(kinds).toEqual([...PUSH_ORDER]);
    expect(new Set(kinds).size).toBe(kinds.length);
    const registry = new PusherRegistry(QUICKBOOKS_PUSHERS);
    expect(registry.kinds()).toEqual([...PUSH_ORDER]);
    for (const kind of PUSH_ORDER) expect(registry.get(kind).kind).toBe(kind);
  });

  it('is where the engine gets its pushable kinds from', () => {
    expect(PUSHABLE_KINDS).toEqual([...PUSH_ORDER]);
  });

  it('marks customers and suppliers (only) as counterparties', () => {
    const registry = new PusherRegistry(QUICKBOOKS_PUSHERS);
    expect(PUSH_ORDER.filter((k) => registry.get(k).counterparty)).toEqual(['customer', 'supplier']);
  });

  it('refuses an unregistered kind with an error naming it', () => {
    const registry = new PusherRegistry(QUICKBOOKS_PUSHERS.filter((p) => p.kind !== 'expense'));
    expect(registry.has('expense')).toBe(false);
    expect(registry.pusherFor('expense')).toBeUndefined();
    expect(() => registry.get('expense')).toThrow(UnknownRecordKindError);
    expect(() => registry.get('expense')).toThrow('No pusher is registered for record kind "expense"');
    expect(() => new PusherRegistry(QUICKBOOKS_PUSHERS).get('timesheet' as LedgerKind)).toThrow('record kind "timesheet"');
  });

  it('refuses two pushers for one kind', () => {
    const twice: AnyRecordPusher[] = [...QUICKBOOKS_PUSHERS, QUICKBOOKS_PUSHERS[0]!];
    expect(() => new PusherRegistry(twice)).toThrow('Two pushers are registered for record kind "customer"');
  });
});

/**
 * Resolution of `*Ref` fields: the referenced record must exist (2500) and be active (610 or 2500, per
 * options), and QBO fills `name` from the referenced record on the refs that carry one.
 */
import { faults } from '../faults.js';
import { type EntityName, type QboRecord } from './company.types.js';
import { type EntityContext, type Ref } from './entity.rules.js';

/** The name QBO puts in a `*Ref.name`: the fully qualified name for hierarchical lists. */
export function displayNameOf(record: Record<string, unknown>): string | undefined {
  const fqn = record.FullyQualifiedName ?? record.DisplayName ?? record.Name;
  return typeof fqn === 'string' ? fqn : undefined;
}

export function asRef(value: unknown, element: string): Ref | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw faults.invalidReference(element);
  const v = (value as Record<string, unknown>).value;
  if (typeof v !== 'string' && typeof v !== 'number') throw faults.invalidReference(element);
  return { ...(value as Ref), value: String(v) };
}

export interface ResolveOptions {
  /** Fill `name` (most refs); false for refs QBO returns bare (TaxCodeRef, DepositToAccountRef). */
  withName?: boolean;
  /** Accept inactive records (e.g. reading back an old transaction on a sparse update of another field). */
  allowInactive?: boolean;
}

export function resolveRecord(ctx: EntityContext, entity: EntityName, raw: unknown, element: string, opts: ResolveOptions = {}): { ref: Ref; record: QboRecord } {
  const ref = asRef(raw, element);
  if (!ref) throw faults.requiredMissing(element);
  const record = ctx.find(entity, ref.value);
  if (!record) throw faults.invalidReference(element);
  if (record.Active === false && !opts.allowInactive) {
    throw ctx.options.inactiveReferenceCode === '610'
      ? faults.madeInactive(element)
      : faults.invalidReference(element, "Invalid Reference Id : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.");
  }
  const out: Ref = { value: ref.value };
  const name = displayNameOf(record);
  if (opts.withName !== false && name !== undefined) out.name = name;
  if (ref.type !== undefined) out.type = ref.type;
  return { ref: out, record };
}

/** Resolve an optional ref; returns undefined when absent. */
export function resolveOptional(ctx: EntityContext, entity: EntityName, raw: unknown, element: string, opts: ResolveOptions = {}): Ref | undefined {
  if (raw === undefined || raw === null) return undefined;
  return resolveRecord(ctx, entity, raw, element, opts).ref;
}

/** A ref to a record we picked ourselves (defaults such as Undeposited Funds). */
export function refTo(record: QboRecord, withName = true): Ref {
  const name = displayNameOf(record);
  return withName && name !== undefined ? { value: record.Id, name } : { value: record.Id };
}

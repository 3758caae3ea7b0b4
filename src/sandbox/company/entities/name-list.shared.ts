/**
 * Rules shared by QBO name lists (Customer, Vendor, Employee, Item, Account, Class, Department, Term,
 * PaymentMethod): they are never hard-deleted; `Active:false` renames them with a " (deleted)" suffix
 * (and reactivation removes it), and names must be unique within their namespace.
 */
import { faults } from '../../faults.js';
import { type EntityName, type QboRecord } from '../company.types.js';
import { type Draft, type EntityContext } from '../entity.rules.js';
import { resolveRecord } from '../refs.resolver.js';

export const DELETED_SUFFIX = ' (deleted)';

export function baseName(name: string): string {
  return name.endsWith(DELETED_SUFFIX) ? name.slice(0, -DELETED_SUFFIX.length) : name;
}

/** Apply the inactive rename to a name field. */
export function applyActiveRename(draft: Draft, field: string): void {
  const name = draft[field];
  if (typeof name !== 'string') return;
  const active = draft.Active !== false;
  draft.Active = active;
  draft[field] = active ? baseName(name) : `${baseName(name)}${DELETED_SUFFIX}`;
}

function normalise(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Throws 6240 when `name` is already used in the namespace (other than by `selfId`). Inactive
 * records still reserve their original name when the option says so (QBO's behaviour).
 */
export function assertUniqueName(
  ctx: EntityContext,
  namespace: readonly { entity: EntityName; field: string }[],
  name: string,
  self: { entity: EntityName; id: string | undefined },
  what: string,
): void {
  const wanted = normalise(baseName(name));
  for (const { entity, field } of namespace) {
    for (const r of ctx.all(entity)) {
      if (entity === self.entity && r.Id === self.id) continue;
      const other = r[field];
      if (typeof other !== 'string') continue;
      const otherName = r.Active === false && ctx.options.inactiveNamesReserved ? baseName(other) : other;
      if (normalise(otherName) === wanted) throw faults.duplicateName(what);
    }
  }
}

/** Names cannot contain a colon (it separates FullyQualifiedName levels), tab or newline. */
export function assertNameCharacters(name: string, element: string): void {
  if (/[:\t\n]/.test(name)) {
    throw faults.validation('6000', 'A business validation error has occurred while processing your request', `Business Validation Error: ${element} cannot contain a colon (:), tab or newline.`, element);
  }
}

/** Parent/child hierarchy: FullyQualifiedName `Parent:Child`, Level, and the `Sub*` flag. */
export function applyHierarchy(ctx: EntityContext, entity: EntityName, draft: Draft, nameField: string, subFlag: string, selfId: string | undefined): void {
  const name = String(draft[nameField]);
  if (draft[subFlag] === true || draft.ParentRef) {
    const { ref, record } = resolveRecord(ctx, entity, draft.ParentRef, 'ParentRef', { allowInactive: true });
    if (selfId !== undefined && ref.value === selfId) throw faults.invalidReference('ParentRef');
    const parentLevel = typeof record.Level === 'number' ? record.Level : 0;
    if (parentLevel >= 4) throw faults.businessValidation(`${entity} hierarchy cannot be deeper than 5 levels.`, 'ParentRef');
    draft.ParentRef = { value: ref.value };
    draft[subFlag] = true;
    draft.FullyQualifiedName = `${String(record.FullyQualifiedName ?? record[nameField])}:${baseName(name)}${name.endsWith(DELETED_SUFFIX) ? DELETED_SUFFIX : ''}`;
    draft.Level = parentLevel + 1;
  } else {
    draft[subFlag] = false;
    delete draft.ParentRef;
    draft.FullyQualifiedName = name;
    if ('Level' in draft) delete draft.Level;
  }
}

/** Order keys like QBO responses (cosmetic, but makes diffs against real traffic readable). */
export function ordered(draft: Draft, first: readonly string[]): Draft {
  const out: Draft = {};
  for (const k of first) if (draft[k] !== undefined) out[k] = draft[k];
  for (const [k, v] of Object.entries(draft)) if (!(k in out) && v !== undefined) out[k] = v;
  return out;
}

export function recordsOf(ctx: EntityContext, entity: EntityName): readonly QboRecord[] {
  return ctx.all(entity);
}

/**
 * Rejects JSON properties QBO does not know, with fault 2010, using the property lists generated
 * from Intuit's XSDs (`qbo-schema.json`, see `xsd-to-json.cli.ts`). QBO binds request bodies with
 * Jackson, which refuses unknown fields anywhere in the tree (e.g. `Amount` inside
 * `SalesItemLineDetail`), so the walk is recursive.
 */
import { faults } from '../../faults.js';
// A static JSON import, so `tsc` copies the schema next to the compiled module.
import schema from './qbo-schema.json' with { type: 'json' };

interface FieldDef {
  type: string;
  many: boolean;
}
interface TypeDef {
  base?: string;
  simple?: boolean;
  fields: Record<string, FieldDef>;
}

const TYPES = schema as Record<string, TypeDef>;

/** Output-only members QBO adds that are not in the XSD but that clients echo back on update. */
const TOLERATED: Record<string, readonly string[]> = {
  Line: ['CustomExtensions', 'LineEx'],
  IntuitEntity: ['time'],
};

const fieldCache = new Map<string, Map<string, FieldDef> | null>();

/** All JSON members of a complex type, inherited ones included; null for simple/unknown types. */
export function fieldsOf(typeName: string): Map<string, FieldDef> | null {
  const cached = fieldCache.get(typeName);
  if (cached !== undefined) return cached;
  let def = TYPES[typeName];
  if (!def) {
    fieldCache.set(typeName, null);
    return null;
  }
  const out = new Map<string, FieldDef>();
  const chain: string[] = [];
  let name: string | undefined = typeName;
  while (name && def) {
    chain.push(name);
    for (const [k, v] of Object.entries(def.fields)) if (!out.has(k)) out.set(k, v);
    if (def.simple) out.set('value', { type: 'xs:string', many: false });
    name = def.base;
    def = name ? TYPES[name] : undefined;
  }
  for (const link of chain) for (const extra of TOLERATED[link] ?? []) out.set(extra, { type: 'any', many: false });
  fieldCache.set(typeName, out);
  return out;
}

function shortName(typeName: string): string {
  return typeName;
}

/** Throws 2010 for the first unknown property found under `body`, read as an instance of `typeName`. */
export function assertKnownProperties(typeName: string, body: unknown, path = typeName): void {
  const fields = fieldsOf(typeName);
  if (!fields || body === null || typeof body !== 'object') return;
  if (Array.isArray(body)) {
    for (const item of body) assertKnownProperties(typeName, item, path);
    return;
  }
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const field = fields.get(key);
    if (!field) {
      const known = [...fields.keys()];
      throw faults.unknownProperty(key, shortName(typeName), known, path);
    }
    if (field.type === 'any') continue;
    assertKnownProperties(field.type, value, `${path}.${key}`);
  }
}

/** Whether a type exists in the generated schema (used by tests and the entity registry). */
export function hasSchemaType(typeName: string): boolean {
  return TYPES[typeName] !== undefined;
}

/**
 * Generates `qbo-schema.json` (the known JSON properties of every QBO complex type, with their
 * types) from Intuit's XSDs, so the simulator can reject unknown properties with fault 2010 the way
 * QBO's Jackson binding does. Run once when the XSDs change:
 *   npx tsc --outDir /tmp/xsdgen --module nodenext --moduleResolution nodenext --target es2022 \
 *     --types node src/sandbox/company/schema/xsd-to-json.cli.ts && \
 *   node /tmp/xsdgen/xsd-to-json.cli.js ../shared/reference/qbo-xsd src/sandbox/company/schema/qbo-schema.json
 * The XSDs are plain, well-formed schema documents, so a tag scanner is enough: no XML library.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface FieldDef {
  type: string;
  many: boolean;
}
interface TypeDef {
  base?: string;
  /** simpleContent types serialise their text as `value` in JSON. */
  simple?: boolean;
  fields: Record<string, FieldDef>;
  groups?: string[];
}

const FILES = ['IntuitBaseTypes.xsd', 'IntuitNamesTypes.xsd', 'Finance.xsd', 'SalesTax.xsd'];
const TAG = /<(\/?)xs:(\w+)((?:\s+[\w:]+="[^"]*")*)\s*(\/?)>/g;
const ATTR = /([\w:]+)="([^"]*)"/g;

function attrs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(ATTR)) out[m[1]!] = m[2]!;
  return out;
}

function stripNs(type: string | undefined): string {
  if (!type) return 'xs:string';
  return type.startsWith('xs:') ? type : type.replace(/^\w+:/, '');
}

export function parseXsd(sources: string[]): Record<string, TypeDef> {
  const types: Record<string, TypeDef> = {};
  const groups: Record<string, TypeDef> = {};
  for (const raw of sources) {
    const xml = raw.replace(/<!--[\s\S]*?-->/g, '');
    // Stack of open xs: elements; the nearest complexType/group owns the fields declared inside it.
    const stack: { tag: string; owner?: TypeDef }[] = [];
    const currentOwner = (): TypeDef | undefined => {
      for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.owner) return stack[i]!.owner;
      return undefined;
    };
    for (const m of xml.matchAll(TAG)) {
      const [, closing, tag, attrText, selfClosing] = m;
      if (closing) {
        stack.pop();
        continue;
      }
      const a = attrs(attrText ?? '');
      let owner: TypeDef | undefined;
      const depthOwner = currentOwner();
      if (tag === 'complexType' && a.name) {
        owner = { fields: {} };
        types[a.name] = owner;
      } else if (tag === 'group' && a.name) {
        owner = { fields: {} };
        groups[a.name] = owner;
      } else if (tag === 'group' && a.ref && depthOwner) {
        (depthOwner.groups ??= []).push(a.ref);
      } else if (tag === 'extension' && depthOwner) {
        const base = stripNs(a.base);
        if (!base.startsWith('xs:') && base !== 'id') depthOwner.base = base;
        if (stack.some((s) => s.tag === 'simpleContent')) depthOwner.simple = true;
      } else if ((tag === 'element' || tag === 'attribute') && depthOwner) {
        const name = a.name ?? stripNs(a.ref);
        // Nested anonymous element types are not used by the entities we serve; keep the name only.
        depthOwner.fields[name] = { type: stripNs(a.type ?? a.ref), many: a.maxOccurs === 'unbounded' || Number(a.maxOccurs) > 1 };
      }
      if (!selfClosing) stack.push({ tag: tag!, owner });
    }
  }
  // Inline group references so consumers need only follow `base`.
  for (const def of Object.values(types)) {
    for (const g of def.groups ?? []) Object.assign(def.fields, groups[g]?.fields ?? {});
    delete def.groups;
  }
  return types;
}

function main(): void {
  const [dir, out] = process.argv.slice(2);
  if (!dir || !out) throw new Error('usage: xsd-to-json <xsd dir> <out.json>');
  const types = parseXsd(FILES.map((f) => readFileSync(join(dir, f), 'utf8')));
  writeFileSync(out, JSON.stringify(types) + '\n');
  console.log(`wrote ${Object.keys(types).length} types to ${out}`);
}

if (process.argv[1]?.endsWith('xsd-to-json.cli.js')) main();

import { schema } from '../core';
import type { PathSegment } from '../core/yaml/nodes';

/** The parts of JSON Schema that callscript.schema.json uses. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  required?: string[];
  description?: string;
  markdownDescription?: string;
}

const ROOT = schema as unknown as JsonSchema & { definitions: Record<string, JsonSchema> };

/** Follows `$ref`s to the definition they name. */
export function resolve(s: JsonSchema | undefined): JsonSchema | undefined {
  let cur = s;
  for (let hops = 0; cur?.$ref && hops < 8; hops++) {
    const name = /^#\/definitions\/(.+)$/.exec(cur.$ref)?.[1];
    cur = name ? ROOT.definitions[name] : undefined;
  }
  return cur;
}

/** The variant of a schema that is a mapping (for keys) or a list (for items). */
function shaped(s: JsonSchema | undefined, want: 'object' | 'array'): JsonSchema | undefined {
  const r = resolve(s);
  if (!r?.anyOf) return r;
  return r.anyOf.map(resolve).find((v) => (want === 'object' ? v?.properties || v?.additionalProperties : v?.items));
}

/**
 * The schema of the value at `path` in a script, as written at its key (so it keeps the key's
 * own description beside a `$ref`): ['steps', 'greeting', 'branches', 0, 'next'] reaches the
 * branch definition's `next`.
 */
export function schemaAt(path: readonly PathSegment[]): JsonSchema | undefined {
  let cur: JsonSchema | undefined = ROOT;
  for (const seg of path) {
    if (typeof seg === 'number') {
      cur = shaped(cur, 'array')?.items;
    } else {
      const map = shaped(cur, 'object');
      const extra = map?.additionalProperties;
      cur = map?.properties?.[seg] ?? (typeof extra === 'object' ? extra : undefined);
    }
    if (!cur) return undefined;
  }
  return cur;
}

/** The keys a mapping at `path` may have, with their schemas. */
export function keysAt(path: readonly PathSegment[]): [string, JsonSchema][] {
  return Object.entries(shaped(schemaAt(path), 'object')?.properties ?? {});
}

/** Whether the mapping at `path` takes ids of the author's choosing as keys (steps, outcomes, ...). */
export function takesIds(path: readonly PathSegment[]): boolean {
  return typeof shaped(schemaAt(path), 'object')?.additionalProperties === 'object';
}

/** Markdown describing a key: its own description, else its definition's. */
export function keyDoc(s: JsonSchema | undefined): string | undefined {
  return s?.markdownDescription ?? s?.description ?? resolve(s)?.markdownDescription ?? resolve(s)?.description;
}

/** The values an enum allows (strings only). */
export function enumValues(s: JsonSchema | undefined): string[] {
  return (resolve(s)?.enum ?? []).filter((v): v is string => typeof v === 'string');
}

/** What one enum value means: its line in the key's description (`- \`value\`: ...`). */
export function enumValueDoc(s: JsonSchema | undefined, value: string): string | undefined {
  const doc = keyDoc(s);
  if (!doc) return undefined;
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const line = new RegExp(`^\\s*[-*]\\s*\`${escaped}\`\\s*[:—-]\\s*(.+)$`, 'm').exec(doc);
  if (line) return `\`${value}\`: ${line[1].trim()}`;
  // Descriptions that name the values inline ("`inbound` (the customer calls ...)") are shown whole.
  return doc.includes(`\`${value}\``) ? doc : undefined;
}

/** A short type description for completion details: "step id", "text", "yes/no", ... */
export function typeLabel(s: JsonSchema | undefined): string {
  const r = resolve(s);
  if (!r) return '';
  if (r.enum) return r.enum.join(' | ');
  if (r.anyOf) return s?.$ref?.endsWith('/text') ? 'text' : s?.$ref?.endsWith('/phrases') ? 'phrases' : 'value';
  if (r.type === 'array') return 'list';
  if (r.type === 'object') return 'mapping';
  if (r.type === 'boolean') return 'true | false';
  return typeof r.type === 'string' ? r.type : '';
}

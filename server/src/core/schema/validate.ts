import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../../../schemas/callscript.schema.json';
import type { RawFinding } from '../findings';
import { deref, entryAt, nodeAt, type PathSegment, type YNode } from '../yaml/nodes';
import { didYouMean } from '../text/suggest';
import { describePath } from './paths';

export { schema };

interface Validators {
  validateScript: ValidateFunction;
  validateStep: ValidateFunction;
}

let compiled: Validators | undefined;

/** The schema validators, compiled ahead of time by scripts/build-schema.mjs and loaded on first use. */
function validators(): Validators {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  compiled ??= require('./compiledValidator') as Validators;
  return compiled;
}

/** A schema finding, with the JSON pointer of the value it is about. */
export interface SchemaFinding {
  pointer: string;
  finding: RawFinding;
}

/**
 * Validates a script's value against the JSON schema and maps each error to the most precise
 * range: an unknown key's own key, a wrong value's value, a missing property's parent key.
 */
export function validateSchema(value: unknown, root: YNode): SchemaFinding[] {
  const validate = validators().validateScript;
  if (validate(value)) return [];
  return findingsOf(validate.errors ?? [], '', root);
}

/** What validateSchema says of the step `id`, from the step's value alone. */
export function validateStep(value: unknown, id: string, root: YNode): SchemaFinding[] {
  const validate = validators().validateStep;
  if (validate(value)) return [];
  return findingsOf(validate.errors ?? [], stepPointer(id), root);
}

/** The JSON pointer of a step's value. */
export function stepPointer(id: string): string {
  return `/steps/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function findingsOf(errors: ErrorObject[], prefix: string, root: YNode): SchemaFinding[] {
  const placed = prefix ? errors.map((e) => ({ ...e, instancePath: prefix + e.instancePath })) : errors;
  return collapse(placed).map((e) => ({ pointer: e.instancePath, finding: toFinding(e, root) }));
}

/** Drops the branch errors of a failed `anyOf` (one message for the whole) and exact repeats. */
function collapse(errors: ErrorObject[]): ErrorObject[] {
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => ({ at: e.instancePath, schema: e.schemaPath }));
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (e.keyword !== 'anyOf' && anyOfPaths.some((a) => e.instancePath.startsWith(a.at) && e.schemaPath.startsWith(a.schema.slice(0, -'anyOf'.length)))) return false;
    // propertyNames reports the name twice (the pattern, then propertyNames itself): keep the second.
    if (e.keyword === 'pattern' && e.propertyName !== undefined) return false;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function pathOf(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function toFinding(e: ErrorObject, root: YNode): RawFinding {
  const path = pathOf(e.instancePath);
  const where = describePath(path);
  const value = placeOf(root, path);
  const at = (n: YNode | undefined): { start: number; end: number } => ({ start: (n ?? value).start, end: (n ?? value).end });
  const parentKey = entryAt(root, path)?.key;
  const parentSchema = e.parentSchema as { properties?: Record<string, unknown>; enum?: unknown[] } | undefined;

  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(e.params.additionalProperty);
      const known = Object.keys(parentSchema?.properties ?? {});
      const guess = didYouMean(name, known, 1)[0];
      const key = entryAt(root, [...path, name])?.key;
      return {
        message: `Unknown key "${name}" in ${where}.` + (guess ? ` Did you mean "${guess}"?` : ` Allowed keys: ${known.join(', ')}.`),
        ...at(key),
        ...(guess && key ? { fixes: [{ title: `Change to "${guess}"`, edits: [{ start: key.start, end: key.end, newText: guess }], preferred: true }] } : {}),
      };
    }
    case 'required': {
      const missing = String(e.params.missingProperty);
      const anchor = parentKey ?? firstKey(value);
      return { message: `${capital(where)} is missing the required key "${missing}".`, ...at(anchor), data: { missing } };
    }
    case 'propertyNames': {
      const name = String(e.params.propertyName);
      const key = entryAt(root, [...path, name])?.key;
      const pattern = (parentSchema as { propertyNames?: { pattern?: string } } | undefined)?.propertyNames?.pattern ?? '';
      return { message: `"${name}" is not a valid id in ${where}: ${patternHint(pattern)}.`, ...at(key) };
    }
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map(String);
      const guess = typeof e.data === 'string' ? didYouMean(e.data, allowed, 1)[0] : undefined;
      const node = value;
      return {
        message: (e.data == null ? `${capital(where)} is empty` : `${show(e.data)} is not allowed for ${where}`) + `; expected one of: ${allowed.join(', ')}.` + (guess ? ` Did you mean "${guess}"?` : ''),
        ...at(node),
        ...(guess ? { fixes: [{ title: `Change to "${guess}"`, edits: [{ start: node.start, end: node.end, newText: guess }], preferred: true }] } : {}),
      };
    }
    case 'const':
      return { message: `${capital(where)} must be ${show(e.params.allowedValue)}, not ${show(e.data)}.`, ...at(value) };
    case 'type':
      return { message: `${capital(where)} must be ${article(String(e.params.type))}, not ${kindOf(e.data)}.`, ...at(value) };
    case 'anyOf':
      return { message: `${capital(where)} must be ${anyOfExpectation(e)}, not ${kindOf(e.data)}.`, ...at(value) };
    case 'pattern':
      return { message: `${show(e.data)} is not a valid value for ${where}: ${patternHint(String(e.params.pattern))}.`, ...at(value) };
    case 'minItems':
    case 'minProperties':
      return { message: `${capital(where)} must not be empty.`, ...at(value.end > value.start ? value : parentKey) };
    case 'uniqueItems':
      // ajv's i is the earlier of the two equal items, j the repeat: point at the repeat.
      return { message: `${capital(where)} lists the same item twice (items ${Number(e.params.i) + 1} and ${Number(e.params.j) + 1}).`, ...at(deref(value)?.kind === 'seq' ? nodeAt(value, [Number(e.params.j)]) : value) };
    default:
      return { message: `${capital(where)}: ${e.message ?? 'is not valid'}.`, ...at(value) };
  }
}

/**
 * The node to report a problem with the value at `path` on: the value itself; for an empty value
 * (`start:` with nothing after it has no characters to point at) its key, or else its nearest
 * written ancestor.
 */
function placeOf(root: YNode, path: readonly PathSegment[]): YNode {
  const node = nodeAt(root, path) ?? root;
  if (node.end > node.start) return node;
  for (let i = path.length; i > 0; i--) {
    const key = entryAt(root, path.slice(0, i))?.key;
    if (key && key.end > key.start) return key;
    const parent = nodeAt(root, path.slice(0, i - 1));
    if (parent && parent.end > parent.start) return parent;
  }
  return node;
}

function firstKey(n: YNode): YNode | undefined {
  const d = deref(n);
  return d?.kind === 'map' ? d.entries[0]?.key : undefined;
}

function anyOfExpectation(e: ErrorObject): string {
  return /phrases/.test(e.schemaPath) || /triggers/.test(e.instancePath)
    ? 'a list of phrases, or a map from language code to a list of phrases'
    : 'a text: a string, or a map from language code to a string (e.g. { pl: "...", en: "..." })';
}

function patternHint(pattern: string): string {
  if (pattern.includes('(?:\\d+m)')) return 'write a duration such as "4m", "90s" or "3m30s"';
  if (pattern.includes('{2,3}')) return 'use a language code such as "pl", "en" or "en-GB"';
  if (pattern.includes('_]*$')) return 'use lower-case letters, digits and "_" (e.g. "customer_name")';
  return 'use lower-case letters and digits, with "-" or "_" between words (e.g. "check-router")';
}

function show(v: unknown): string {
  return typeof v === 'string' ? `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"` : JSON.stringify(v) ?? String(v);
}

function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${article(typeof v)} (${show(v)})`;
}

function article(type: string): string {
  const names: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'a string', number: 'a number', integer: 'a whole number', boolean: 'true or false', null: 'empty' };
  return type
    .split(',')
    .map((t) => names[t] ?? t)
    .join(' or ');
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

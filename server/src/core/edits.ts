/**
 * Pure builders of text edits on a script's source, shared by the editor's code actions and
 * rename and by any tool that rewrites scripts: add an entry to a section, add a suppression
 * comment, rename an id everywhere. They keep the file's indentation and line endings.
 */
import type { TextEdit } from './findings';
import type { LineIndex } from './lineIndex';
import type { RefKind, ScriptModel, Span } from './model/types';
import { deref, type YNode } from './yaml/nodes';

export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

/** Ids of steps, objections and outcomes, and names of variables, as the schema allows them. */
export const ID_PATTERN = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;
export const VARIABLE_PATTERN = /^[a-z][a-z0-9_]*$/;

/** Spaces per nesting level: the column of the first key nested under the top mapping, else 2. */
export function indentUnit(root: YNode | undefined, lines: LineIndex): number {
  const top = deref(root);
  if (top?.kind !== 'map') return 2;
  for (const { value } of top.entries) {
    const v = deref(value);
    const first = v?.kind === 'map' && !v.flow ? v.entries[0]?.key : undefined;
    if (first && first.start >= 0) {
      const col = lines.positionAt(first.start).character - lines.positionAt(top.start).character;
      if (col > 0 && col <= 8) return col;
    }
  }
  return 2;
}

/** The line break the file uses (the first one), `\n` for a file without any. */
export function lineBreakOf(text: string): string {
  const at = text.search(/\r\n|\n|\r/);
  return at < 0 ? '\n' : text[at] === '\r' ? (text[at + 1] === '\n' ? '\r\n' : '\r') : '\n';
}

/** A scalar as YAML: plain where that reads back as the same string, double-quoted otherwise. */
export function yamlScalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  const plain = /^[A-Za-z_][A-Za-z0-9 _.-]*$/.test(value) && !/\s$/.test(value) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

function isScalar(v: YamlValue): v is string | number | boolean | null {
  return v === null || typeof v !== 'object';
}

/** A value in flow style: `{ a: b, c: [d, e] }`. */
export function flowValue(value: YamlValue): string {
  if (isScalar(value)) return yamlScalar(value);
  if (Array.isArray(value)) return `[${value.map(flowValue).join(', ')}]`;
  const entries = Object.entries(value);
  return entries.length ? `{ ${entries.map(([k, v]) => `${yamlScalar(k)}: ${flowValue(v)}`).join(', ')} }` : '{}';
}

/**
 * `key: value` as lines, the first at column 0: short mappings and lists of scalars in flow
 * style on one line (unless `block`), longer or nested mappings as blocks indented by `unit`.
 */
export function entryLines(key: string, value: YamlValue, unit: number, block = false): string[] {
  const head = `${yamlScalar(key)}:`;
  if (isScalar(value) || Array.isArray(value)) return [`${head} ${flowValue(value)}`];
  const flow = flowValue(value);
  const simple = Object.values(value).every((v) => isScalar(v) || (Array.isArray(v) && v.every(isScalar)));
  if (!block && simple && head.length + flow.length < 64) return [`${head} ${flow}`];
  const pad = ' '.repeat(unit);
  return [head, ...Object.entries(value).flatMap(([k, v]) => entryLines(k, v, unit).map((l) => pad + l))];
}

/**
 * Adds `key: value` as the last entry of a top-level section (`steps`, `objections`,
 * `outcomes`, `variables`, ...) at the indentation of its entries, creating the section at the
 * end of the file when it is missing; `style: 'block'` writes the value as a block even when it
 * is short (a new step reads better that way). Undefined when the section holds something else
 * than a mapping (the schema reports that first).
 */
export function insertSectionEntry(text: string, lines: LineIndex, root: YNode | undefined, section: string, key: string, value: YamlValue, style: 'block' | 'auto' = 'auto'): TextEdit | undefined {
  const eol = lineBreakOf(text);
  const unit = indentUnit(root, lines);
  const block = (col: number): string => entryLines(key, value, unit, style === 'block').map((l) => ' '.repeat(col) + l).join(eol);
  const top = deref(root);
  const entry = top?.kind === 'map' ? top.byKey.get(section) : undefined;
  if (!entry) {
    const sep = text === '' || /[\r\n]$/.test(text) ? '' : eol;
    return { start: text.length, end: text.length, newText: `${sep}${section}:${eol}${block(unit)}${eol}` };
  }
  const node = deref(entry.value);
  const keyCol = lines.positionAt(entry.key.start).character;
  if (node?.kind === 'map' && node.flow) {
    const item = `${yamlScalar(key)}: ${flowValue(value)}`;
    const last = node.entries[node.entries.length - 1];
    if (!last) return { start: node.start, end: node.end, newText: `{ ${item} }` };
    return { start: last.value.end, end: last.value.end, newText: `, ${item}` };
  }
  if (node?.kind === 'map' && node.entries.length > 0) {
    const col = lines.positionAt(node.entries[0].key.start).character;
    return afterNode(text, lines, node, block(col), eol);
  }
  if (node?.kind === 'scalar' && node.text === '' && !node.quoted) {
    const at = lines.lineEnd(lines.positionAt(entry.key.end).line);
    return { start: at, end: at, newText: eol + block(keyCol + unit) };
  }
  return undefined;
}

/** Inserts whole lines after a block node: after its last line, or where it ends when that is a line start. */
function afterNode(text: string, lines: LineIndex, node: Span, content: string, eol: string): TextEdit {
  const end = node.end;
  if (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) return { start: end, end, newText: content + eol };
  const at = lines.lineEnd(lines.positionAt(end).line);
  return { start: at, end: at, newText: eol + content };
}

const DISABLE_NEXT_LINE = /^\s*#\s*callscript-disable-next-line\b(.*)$/;

/**
 * Suppresses `ruleId` on `line` with a `# callscript-disable-next-line` comment above it, at
 * the line's indentation; extends such a comment when one is already there. Undefined when the
 * rule is already suppressed there.
 */
export function disableNextLine(text: string, lines: LineIndex, line: number, ruleId: string): TextEdit | undefined {
  const previous = line > 0 ? DISABLE_NEXT_LINE.exec(lines.lineText(line - 1)) : null;
  if (previous) {
    const ids = previous[1].split(/[\s,]+/).filter((s) => s !== '');
    if (ids.length === 0 || ids.includes(ruleId)) return undefined;
    const at = lines.lineEnd(line - 1);
    return { start: at, end: at, newText: `, ${ruleId}` };
  }
  const indent = /^[ \t]*/.exec(lines.lineText(line))![0];
  const start = lines.lineStart(line);
  const own = text.slice(lines.lineEnd(line), lines.lineStart(line + 1));
  const eol = own !== '' ? own : lineBreakOf(text);
  return { start, end: start, newText: `${indent}# callscript-disable-next-line ${ruleId}${eol}` };
}

/** The id itself inside a span that may include quotes. */
function unquoted(text: string, span: Span): Span {
  const q = text[span.start];
  if ((q === '"' || q === "'") && span.end - span.start >= 2 && text[span.end - 1] === q) return { start: span.start + 1, end: span.end - 1 };
  return { start: span.start, end: span.end };
}

/** The key of a declared step, objection, outcome or variable. */
export function declarationKey(model: ScriptModel, kind: RefKind, id: string): Span | undefined {
  const item = kind === 'step' ? model.steps.get(id) : kind === 'objection' ? model.objections.get(id) : kind === 'outcome' ? model.outcomes.get(id) : model.variables.get(id);
  return item?.key;
}

/**
 * Renames a step, objection, outcome or variable: its key and every reference to it (`next`,
 * branches, `resume`, `outcome`, expected objections, `{placeholders}`, `capture`).
 */
export function renameEdits(text: string, model: ScriptModel, kind: RefKind, id: string, newId: string): TextEdit[] {
  const spans: Span[] = [];
  const key = declarationKey(model, kind, id);
  if (key) spans.push(key);
  for (const ref of model.refs) if (ref.kind === kind && ref.id === id) spans.push(ref);
  return spans.map((s) => ({ ...unquoted(text, s), newText: newId }));
}

/** Why `name` cannot be the new id of a `kind`, or undefined when it can. */
export function invalidId(kind: RefKind, name: string): string | undefined {
  const ok = kind === 'variable' ? VARIABLE_PATTERN.test(name) : ID_PATTERN.test(name);
  if (ok) return undefined;
  return kind === 'variable'
    ? `"${name}" is not a valid variable name: lower-case letters, digits and "_", starting with a letter.`
    : `"${name}" is not a valid ${kind} id: lower-case kebab-case, e.g. "no-sale".`;
}

/** An id as a label: "no-sale" → "No sale". */
export function labelOf(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

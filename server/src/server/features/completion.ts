import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver';
import type { RefKind, ScriptModel } from '../../core';
import { indentUnit } from '../../core/edits';
import { objectionSnippet, snippetToText, techniqueMarkdown, type ObjectionLibrary } from '../../core/objections';
import type { PathSegment } from '../../core/yaml/nodes';
import type { Snapshot } from '../analysisCache';
import { completionSite, type CompletionSite } from '../completionSite';
import { describeTarget, firstText } from '../describe';
import type { OpenDocument } from '../documents';
import { escapeMarkdown, oneLine } from '../markdown';
import type { HoverLanguage } from '../protocol';
import { enumValueDoc, enumValues, keyDoc, keysAt, resolve, schemaAt, typeLabel, type JsonSchema } from '../schemaDocs';
import { scriptIndex } from '../scriptIndex';
import { stepSnippets } from './stepSnippets';

export interface CompletionSources {
  library: ObjectionLibrary;
  snippets: boolean;
  language: HoverLanguage;
}

/** Most ids offered at once; the list is marked incomplete so typing more asks again. */
const LIMIT = 100;

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/**
 * Completions at `position` of the current text: keys and enum values from the schema, ids
 * where a reference is expected, `{variables}`, and step and objection-handling snippets. The
 * script's ids and languages come from the last analysis that could be read.
 */
export function completionsAt(doc: OpenDocument, position: Position, good: Snapshot | undefined, sources: CompletionSources): CompletionList {
  const site = completionSite(doc, position, good);
  if (!site) return EMPTY;
  const range: Range = { start: { line: position.line, character: position.character - site.prefix.length }, end: position };
  const model = good?.analysis.model;
  const unit = good ? ' '.repeat(indentUnit(good.analysis.yaml.root, good.analysis.lines)) : '  ';
  const c = new Collector(range, sources.snippets, site.prefix);
  switch (site.kind) {
    case 'placeholder':
      for (const v of model?.variables.values() ?? []) {
        c.add({ label: v.name, kind: CompletionItemKind.Variable, detail: v.description, insert: site.closed ? v.name : `${v.name}}` }, v.name);
      }
      break;
    case 'key':
      // A new item of a list of ids (`- ` under `objections:`) takes a value, not keys.
      if (typeof site.path[site.path.length - 1] === 'number' && keysAt(site.path).length === 0) valueCompletions(c, site.path, model, good, sources);
      else keyCompletions(c, site, model, good, unit, sources);
      break;
    case 'value':
      valueCompletions(c, site.path, model, good, sources);
      break;
  }
  return c.list();
}

interface Item {
  label: string;
  kind: CompletionItemKind;
  detail?: string;
  documentation?: string;
  /** snippet text (plain text when `plain`) */
  insert: string;
  plain?: boolean;
  sortText?: string;
  filterText?: string;
}

class Collector {
  readonly items: CompletionItem[] = [];
  private dropped = false;

  constructor(
    private readonly range: Range,
    private readonly snippets: boolean,
    private readonly prefix: string,
  ) {}

  /** Whether an id matches what was typed (so large scripts send short lists). */
  wants(id: string): boolean {
    return !this.prefix || id.includes(this.prefix);
  }

  /** Whether the list is at its limit: a further id marks it incomplete. */
  get full(): boolean {
    if (this.items.length >= LIMIT) this.dropped = true;
    return this.dropped;
  }

  /**
   * Adds an item. An `id` (a step, objection, outcome or variable of the script, of which there may
   * be thousands) is matched against the typed prefix and counts against the limit; short fixed
   * lists (keys, enum values) are left to the editor's own filtering.
   */
  add(item: Item, id?: string): void {
    if (id !== undefined && (!this.wants(id) || this.full)) return;
    const snippet = this.snippets && !item.plain;
    const text = snippet || item.plain ? item.insert : snippetToText(item.insert);
    const out: CompletionItem = {
      label: item.label,
      kind: item.kind,
      textEdit: { range: this.range, newText: text },
      insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    };
    if (text.includes('\n')) out.insertTextMode = InsertTextMode.asIs;
    if (item.detail) out.detail = item.detail;
    if (item.documentation) out.documentation = { kind: MarkupKind.Markdown, value: item.documentation };
    if (item.sortText) out.sortText = item.sortText;
    if (item.filterText) out.filterText = item.filterText;
    this.items.push(out);
  }

  list(): CompletionList {
    return { isIncomplete: this.dropped, items: this.items };
  }
}

/** Lines after the first get the indentation of the line the text goes into. */
function indentLines(lines: string[], indent: string): string {
  return lines.map((l, i) => (i === 0 ? l : indent + l)).join('\n');
}

function keyCompletions(c: Collector, site: Extract<CompletionSite, { kind: 'key' }>, model: ScriptModel | undefined, good: Snapshot | undefined, unit: string, sources: CompletionSources): void {
  const { path } = site;
  if (path.length === 1 && path[0] === 'steps') {
    for (const s of stepSnippets(model?.languages ?? [], unit)) c.add({ label: s.label, kind: CompletionItemKind.Snippet, detail: s.detail, insert: indentLines(s.lines, site.indent), sortText: `0${s.label}` });
  }
  if (path.length === 1 && path[0] === 'objections') objectionSnippets(c, site, model, unit, sources);
  if (path.length === 1 && typeof path[0] === 'string' && SECTION_KIND[path[0]]) missingIds(c, SECTION_KIND[path[0]], model, good, site.present);

  const languages = model?.languages ?? [];
  const shape = schemaAt(path)?.$ref;
  if (shape?.endsWith('/text') || shape?.endsWith('/phrases')) {
    // A text written per language: its keys are the script's languages.
    for (const lang of languages) if (!site.present.has(lang)) c.add({ label: lang, kind: CompletionItemKind.Property, detail: 'language', insert: shape.endsWith('/text') ? `${lang}: "\${1}"` : `${lang}: [\${1}]` });
    return;
  }
  const required = new Set(resolve(schemaAt(path))?.required ?? []);
  for (const [name, schema] of keysAt(path)) {
    if (site.present.has(name)) continue;
    c.add({
      label: name,
      kind: CompletionItemKind.Property,
      detail: typeLabel(schema),
      documentation: keyDoc(schema),
      insert: indentLines(keySnippet(name, schema, languages, unit), site.indent),
      sortText: `${required.has(name) ? 1 : 2}${name}`,
    });
  }
}

const SECTION_KIND: Record<string, RefKind> = { steps: 'step', objections: 'objection', outcomes: 'outcome', variables: 'variable' };

/** Ids the script refers to but does not declare, offered as keys of their section. */
function missingIds(c: Collector, kind: RefKind, model: ScriptModel | undefined, good: Snapshot | undefined, present: Set<string>): void {
  const index = good && scriptIndex(good.analysis);
  if (!model || !index) return;
  const declared = kind === 'step' ? model.steps : kind === 'objection' ? model.objections : kind === 'outcome' ? model.outcomes : model.variables;
  for (const key of index.refsTo.keys()) {
    const [k, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    if (k !== kind || declared.has(id) || present.has(id)) continue;
    const value = kind === 'outcome' ? ` { label: \${1:${id}} }` : kind === 'variable' ? ' { type: ${1:string} }' : '';
    c.add({ label: id, kind: CompletionItemKind.Reference, detail: `${kind} referred to but not declared`, insert: `${id}:${value}`, sortText: `0${id}` }, id);
  }
}

function objectionSnippets(c: Collector, site: Extract<CompletionSite, { kind: 'key' }>, model: ScriptModel | undefined, unit: string, sources: CompletionSources): void {
  const languages = model?.languages ?? [];
  for (const entry of sources.library.objections) {
    if (site.present.has(entry.id) || model?.objections.has(entry.id)) continue;
    let snippet: string;
    try {
      snippet = objectionSnippet(entry, languages, unit);
    } catch {
      continue; // a malformed library entry is left out, the others still offered
    }
    const label = entry.label.en ?? Object.values(entry.label)[0] ?? entry.id;
    const triggers = Object.entries(entry.triggers).map(([lang, phrases]) => `*${lang}:* ${phrases.map((p) => `“${escapeMarkdown(p)}”`).join(', ')}`);
    const technique = techniqueMarkdown(sources.library.techniques, entry.technique, sources.language) ?? `\`${entry.technique}\``;
    c.add({
      label: entry.id,
      kind: CompletionItemKind.Snippet,
      detail: `${label} — ${entry.technique}`,
      documentation: [`**${escapeMarkdown(label)}**`, ...triggers, technique].join('\n\n'),
      insert: indentLines(snippet.split('\n'), site.indent),
      filterText: [entry.id, ...Object.values(entry.label)].join(' '),
      sortText: `0${entry.id}`,
    });
  }
}

/** What to insert for a key, by the shape of its value. */
function keySnippet(name: string, schema: JsonSchema, languages: readonly string[], unit: string): string[] {
  const r = resolve(schema);
  if (schema.$ref?.endsWith('/text') && languages.length > 1) return [`${name}:`, ...languages.map((l, i) => `${unit}${l}: "\${${i + 1}}"`)];
  if (schema.$ref?.endsWith('/text')) return [`${name}: "\${1}"`];
  if (r?.const !== undefined) return [`${name}: ${String(r.const)}`];
  const values = enumValues(schema);
  if (values.length) return [`${name}: \${1|${values.join(',')}|}`];
  if (r?.type === 'boolean') return [`${name}: \${1|true,false|}`];
  if (r?.type === 'array') {
    const item = resolve(r.items);
    if (item?.type === 'object' || item?.properties) {
      const keys = item.required ?? Object.keys(item.properties ?? {}).slice(0, 1);
      return [`${name}:`, ...keys.map((k, i) => `${unit}${i === 0 ? '- ' : '  '}${k}: \${${i + 1}}`)];
    }
    return [`${name}: [\${1}]`];
  }
  if (r?.type === 'object' || r?.properties) {
    const keys = r.required ?? [];
    return keys.length ? [`${name}:`, ...keys.map((k, i) => `${unit}${k}: \${${i + 1}}`)] : [`${name}:`, `${unit}\${1}`];
  }
  return [`${name}: \${1}`];
}

/** What kind of id the value at `path` names, if it is a reference. */
export function refKindAt(path: readonly PathSegment[]): RefKind | undefined {
  const last = path[path.length - 1];
  if (last === 'start' && path.length === 1) return 'step';
  if (last === 'next' || last === 'resume') return 'step';
  if (last === 'outcome') return 'outcome';
  if (last === 'capture') return 'variable';
  if (typeof last === 'number' && path[path.length - 2] === 'objections' && path[0] === 'steps') return 'objection';
  return undefined;
}

const KNOWN_COMPLIANCE = ['recording-notice', 'gdpr-consent', 'identity-check'];

function valueCompletions(c: Collector, path: PathSegment[], model: ScriptModel | undefined, good: Snapshot | undefined, sources: CompletionSources): void {
  const kind = refKindAt(path);
  if (kind && model && good) {
    if (path[path.length - 1] === 'resume') c.add({ label: 'return', kind: CompletionItemKind.Keyword, detail: 'back to the step where the objection was raised', insert: 'return', sortText: '0' }, 'return');
    idCompletions(c, kind, model, good);
    return;
  }
  const last = path[path.length - 1];
  const listKey = typeof last === 'number' ? path[path.length - 2] : undefined;
  if (listKey === 'satisfies' || listKey === 'require') {
    const ids = new Set([...(model?.compliance.map((x) => x.id) ?? []), ...KNOWN_COMPLIANCE]);
    for (const id of ids) c.add({ label: id, kind: CompletionItemKind.Value, insert: id });
    return;
  }
  if (listKey === 'tags') {
    c.add({ label: 'offer', kind: CompletionItemKind.Value, detail: 'marks a step that presents an offer', insert: 'offer' });
    return;
  }
  const schema = schemaAt(path);
  for (const value of enumValues(schema)) {
    const doc = last === 'technique' ? techniqueMarkdown(sources.library.techniques, value, sources.language) : enumValueDoc(schema, value);
    c.add({ label: value, kind: CompletionItemKind.EnumMember, documentation: doc, insert: value });
  }
  const r = resolve(schema);
  if (r?.type === 'boolean') for (const v of ['true', 'false']) c.add({ label: v, kind: CompletionItemKind.Value, insert: v });
  if (r?.const !== undefined) c.add({ label: String(r.const), kind: CompletionItemKind.Value, insert: String(r.const) });
}

function idCompletions(c: Collector, kind: RefKind, model: ScriptModel, good: Snapshot): void {
  const itemKind = kind === 'step' ? CompletionItemKind.Reference : kind === 'outcome' ? CompletionItemKind.EnumMember : kind === 'objection' ? CompletionItemKind.Event : CompletionItemKind.Variable;
  const ids = kind === 'step' ? model.steps.keys() : kind === 'objection' ? model.objections.keys() : kind === 'outcome' ? model.outcomes.keys() : model.variables.keys();
  // Details and documentation only for the ids actually sent, not for every id of a large script.
  for (const id of ids) {
    if (!c.wants(id)) continue;
    if (c.full) break;
    const detail = detailOf(model, kind, id);
    c.add({ label: id, kind: itemKind, detail: detail && oneLine(detail), insert: id, plain: true, documentation: describeTarget(good.analysis, kind, id) }, id);
  }
}

function detailOf(model: ScriptModel, kind: RefKind, id: string): string | undefined {
  switch (kind) {
    case 'step': {
      const s = model.steps.get(id);
      return s && firstText(model, [s.say, s.ask, s.note]);
    }
    case 'objection': {
      const o = model.objections.get(id);
      return o && firstText(model, [o.label, o.reply]);
    }
    case 'outcome':
      return firstText(model, [model.outcomes.get(id)?.label]);
    default:
      return model.variables.get(id)?.description;
  }
}

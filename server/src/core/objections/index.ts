/**
 * The objection-handling library (`server/data/objections.yaml`, validated by
 * `schemas/objections.schema.json`): typed data, the completion snippet that declares an
 * objection in a script, and hover text for techniques. Pure: receives parsed data.
 */
import { parseSnippet, printSnippet } from './snippet';

export { parseSnippet, snippetToText, tabStops, escapeSnippetText } from './snippet';
export type { SnippetPart } from './snippet';

/** The techniques a reply can name; the script schema's `technique` enum is the same list. */
export const TECHNIQUE_IDS = [
  'feel-felt-found',
  'laer',
  'boomerang',
  'clarifying-question',
  'reframe',
  'social-proof',
  'acknowledge-and-pivot',
  'trial-close',
  'schedule-callback',
  'empathy',
] as const;
export type TechniqueId = (typeof TECHNIQUE_IDS)[number];

/** Text per language code (`en`, `pl`, ...). */
export type Localized<T> = Record<string, T>;

export interface ObjectionEntry {
  /** kebab-case; becomes the key under the script's `objections:` map */
  id: string;
  technique: TechniqueId;
  label: Localized<string>;
  /** what customers typically say */
  triggers: Localized<string[]>;
  /** the agent's answer in VS Code snippet syntax; a tab stop number means the same value in every language */
  reply: Localized<string>;
}

export interface TechniqueText {
  name: string;
  definition: string;
}

export type TechniqueLibrary = Partial<Record<TechniqueId, Localized<TechniqueText>>>;

export interface ObjectionLibrary {
  objections: ObjectionEntry[];
  techniques: TechniqueLibrary;
}

export function isTechniqueId(s: string): s is TechniqueId {
  return (TECHNIQUE_IDS as readonly string[]).includes(s);
}

/** The body of a YAML double-quoted scalar holding `s`. */
export function yamlEscape(s: string): string {
  return s.replace(/[\\"\x00-\x1f\x7f\u0085\u2028\u2029]/g, (c) => {
    switch (c) {
      case '\\': return '\\\\';
      case '"': return '\\"';
      case '\n': return '\\n';
      case '\t': return '\\t';
      case '\r': return '\\r';
      default: return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
}

/** A language code as a YAML key: bare when safe, quoted otherwise. */
function yamlKey(lang: string): string {
  return /^[A-Za-z][A-Za-z0-9_-]*$/.test(lang) ? lang : `"${yamlEscape(lang)}"`;
}

/**
 * A snippet declaring `entry` under a script's `objections:` map, for the given languages (all
 * the entry has when the list is empty). Lines after the first are indented by `indent` per
 * level relative to the key, as the editor adds the indentation of the line it inserts into.
 * Strings are YAML double-quoted and then snippet-escaped, so the text is valid YAML once the
 * tab stops take their defaults. A language the library lacks gets an empty tab stop, and
 * `resume` is the last tab stop.
 */
export function objectionSnippet(entry: ObjectionEntry, languages: readonly string[], indent: string): string {
  const wanted = [...new Set(languages.length ? languages : Object.keys(entry.reply))];
  const replies = wanted.map((lang) => {
    const source = entry.reply[lang];
    return { lang, parts: source === undefined ? undefined : parseSnippet(source) };
  });
  let last = 0;
  for (const { parts } of replies) for (const p of parts ?? []) if (p.kind === 'tabstop') last = Math.max(last, p.index);

  const quoted = (s: string): string => printSnippet([{ kind: 'text', value: `"${yamlEscape(s)}"` }]);
  const triggers = wanted
    .filter((lang) => entry.triggers[lang]?.length)
    .map((lang) => `${yamlKey(lang)}: [${entry.triggers[lang].map(quoted).join(', ')}]`);
  const labels = wanted.filter((lang) => entry.label[lang]).map((lang) => `${yamlKey(lang)}: ${quoted(entry.label[lang])}`);

  const lines = [`${entry.id}:`];
  if (labels.length) lines.push(`${indent}label: { ${labels.join(', ')} }`);
  if (triggers.length) lines.push(`${indent}triggers: { ${triggers.join(', ')} }`);
  lines.push(`${indent}technique: ${entry.technique}`);
  lines.push(`${indent}reply:`);
  for (const { lang, parts } of replies) {
    const body = parts ? printSnippet(parts, yamlEscape) : `\${${++last}}`;
    lines.push(`${indent}${indent}${yamlKey(lang)}: "${body}"`);
  }
  lines.push(`${indent}resume: \${${++last}:return}`);
  return lines.join('\n');
}

function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>#|~]/g, '\\$&');
}

/**
 * Hover Markdown explaining a technique in `lang` ('both' shows English then Polish; any other
 * code falls back to English). Undefined when the library does not define the technique.
 */
export function techniqueMarkdown(techniques: TechniqueLibrary, id: string, lang: string): string | undefined {
  const texts = isTechniqueId(id) ? techniques[id] : undefined;
  if (!texts) return undefined;
  const langs = lang === 'both' ? ['en', 'pl'] : [texts[lang] ? lang : 'en'];
  const blocks = langs
    .filter((l) => texts[l])
    .map((l) => `**${escapeMarkdown(texts[l].name)}** (\`${id}\`)\n\n${escapeMarkdown(texts[l].definition.trim())}`);
  return blocks.length ? blocks.join('\n\n---\n\n') : undefined;
}

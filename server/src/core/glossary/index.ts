/**
 * Glossary lookup for hovers: which trade term covers a given offset of a text, and the
 * Markdown that explains it. Pure: receives parsed glossary entries, never reads files.
 */
import type { GlossaryEntry, GlossaryIndex, GlossaryLanguage, TermMatch } from './types';

export * from './types';

/** Letters (any script, so ąćęłńóśźż too), combining marks and digits make up words. */
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/**
 * Extra characters allowed beyond the longest form when scanning around an offset, so that a
 * multi-word term typed with several spaces (or across a line break) still matches.
 */
const WHITESPACE_SLACK = 16;

/** Rank of a form when two entries claim it: lower wins (names beat aliases beat plurals). */
const Rank = { Name: 0, Form: 1, Generated: 2 } as const;
type Rank = (typeof Rank)[keyof typeof Rank];

function isWordAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && WORD_CHAR.test(text[i]);
}

/**
 * The key under which a form is stored and looked up: NFC, lower case, one space between
 * words, typographic apostrophes and hyphens folded to ASCII.
 */
export function normalizeTerm(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .replace(/[\u2010\u2011\u2012\u2013]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * English plurals of a name or alias ("IVRs", "call centers", "hold times") so that each
 * entry need not list them. Only the last word is inflected.
 */
export function englishPlurals(term: string): string[] {
  const t = term.trim();
  if (!/[A-Za-z]$/.test(t)) return [];
  if (/[A-Z]{2,}$/.test(t)) return [`${t}s`]; // acronym: SLAs, KPIs
  if (/(s|x|z|ch|sh)$/i.test(t)) return [`${t}es`];
  if (/[^aeiou]y$/i.test(t)) return [`${t.slice(0, -1)}ies`];
  return [`${t}s`];
}

/** Builds the lookup structure once; `findTermAt` then costs only a few map lookups. */
export function buildGlossaryIndex(entries: readonly GlossaryEntry[]): GlossaryIndex {
  const byId = new Map<string, GlossaryEntry>();
  const byForm = new Map<string, GlossaryEntry>();
  const rankOf = new Map<string, Rank>();
  let maxFormLength = 0;

  const add = (form: string, entry: GlossaryEntry, rank: Rank): void => {
    const key = normalizeTerm(form);
    // A form must begin and end with a word character, or the whole-word test cannot find it.
    if (!isWordAt(key, 0) || !isWordAt(key, key.length - 1)) return;
    const existing = rankOf.get(key);
    // At equal rank the later entry wins, so workspace entries (merged after the built-in
    // ones) take precedence over built-in ones.
    if (existing !== undefined && existing < rank) return;
    byForm.set(key, entry);
    rankOf.set(key, rank);
    maxFormLength = Math.max(maxFormLength, key.length);
  };

  for (const entry of entries) {
    byId.set(entry.id, entry);
    const english = entry.en ? [entry.en.term, ...(entry.en.aliases ?? [])] : [];
    if (entry.en) add(entry.en.term, entry, Rank.Name);
    if (entry.pl) add(entry.pl.term, entry, Rank.Name);
    for (const alias of entry.en?.aliases ?? []) add(alias, entry, Rank.Form);
    for (const form of entry.pl?.forms ?? []) add(form, entry, Rank.Form);
    for (const name of english) for (const plural of englishPlurals(name)) add(plural, entry, Rank.Generated);
  }
  return { entries: [...byId.values()], byId, byForm, maxFormLength };
}

/**
 * The glossary term covering `offset` (the character under the mouse), matched case-insensitively
 * on whole words, preferring the longest form. Only the neighbourhood of the offset is scanned
 * (about the longest form's length either way), so the cost does not depend on the text's size.
 */
export function findTermAt(index: GlossaryIndex, text: string, offset: number): TermMatch | undefined {
  if (offset < 0 || offset >= text.length || index.byForm.size === 0) return undefined;
  const span = index.maxFormLength + WHITESPACE_SLACK;
  const low = Math.max(0, offset - span);
  const high = Math.min(text.length, offset + 1 + span);

  // Word starts at or before the offset, nearest first; word ends after it, nearest first.
  const starts: number[] = [];
  for (let p = offset; p >= low; p--) if (isWordAt(text, p) && !isWordAt(text, p - 1)) starts.push(p);
  const ends: number[] = [];
  for (let e = offset + 1; e <= high; e++) if (isWordAt(text, e - 1) && !isWordAt(text, e)) ends.push(e);

  let best: TermMatch | undefined;
  for (const start of starts) {
    for (const end of ends) {
      if (end - start > span) break;
      if (best && end - start <= best.end - best.start) continue;
      const entry = index.byForm.get(normalizeTerm(text.slice(start, end)));
      if (entry) best = { entry, start, end };
    }
  }
  return best;
}

/**
 * Built-in entries overridden by workspace ones with the same id (whole entries are replaced,
 * keeping the built-in position); new workspace ids are appended. Later workspaces win.
 */
export function mergeGlossaries(
  builtIn: readonly GlossaryEntry[],
  ...workspace: ReadonlyArray<readonly GlossaryEntry[]>
): GlossaryEntry[] {
  const byId = new Map<string, GlossaryEntry>();
  for (const list of [builtIn, ...workspace]) for (const entry of list) byId.set(entry.id, entry);
  return [...byId.values()];
}

/** Escapes the characters that Markdown would otherwise read as formatting or links. */
function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>#|~]/g, '\\$&');
}

/**
 * Hover Markdown for an entry: its names, the definition(s) in the requested language(s), and
 * related terms (named from `index` when given, else by id). A missing language falls back to
 * the other one.
 */
export function formatDefinition(entry: GlossaryEntry, lang: GlossaryLanguage, index?: GlossaryIndex): string {
  const order: Array<'en' | 'pl'> = lang === 'pl' ? ['pl', 'en'] : ['en', 'pl'];
  const names: string[] = [];
  for (const l of order) {
    const name = entry[l]?.term;
    if (name && !names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
  }
  const parts = [names.map((n) => `**${escapeMarkdown(n)}**`).join(' · ') || `**${escapeMarkdown(entry.id)}**`];

  let shown = (lang === 'both' ? order : [lang]).filter((l) => entry[l]);
  if (shown.length === 0) shown = order.filter((l) => entry[l]).slice(0, 1);
  for (const l of shown) {
    const text = escapeMarkdown(entry[l]!.definition.trim());
    parts.push(shown.length > 1 ? `*${l.toUpperCase()}:* ${text}` : text);
  }

  if (entry.related?.length) {
    const see = entry.related.map((id) => {
      const other = index?.byId.get(id);
      return escapeMarkdown((other && (other[order[0]] ?? other[order[1]])?.term) || id);
    });
    parts.push(`*${lang === 'pl' ? 'Zobacz też' : 'See also'}:* ${see.join(', ')}`);
  }
  return parts.join('\n\n');
}
